-- CreateEnum
CREATE TYPE "PartnerSide" AS ENUM ('YOUTH_WORK', 'SCHOOL');

-- CreateEnum
CREATE TYPE "SignalAudience" AS ENUM ('YOUTH_WORK', 'SCHOOL', 'BOTH');

-- CreateEnum
CREATE TYPE "LegalBasis" AS ENUM ('CONSENT', 'LEGAL_DUTY', 'NONE');

-- CreateEnum
CREATE TYPE "AuditOperation" AS ENUM ('READ', 'CREATE', 'UPDATE', 'DELETE', 'SHARE', 'ANONYMISE');

-- AlterTable
ALTER TABLE "City" ADD COLUMN     "retentionMonths" INTEGER NOT NULL DEFAULT 24;

-- AlterTable: existing signals belong to the side of whoever reported them (youth work when the
-- reporter was a youth worker in that partnership, otherwise the school) and are shared with that
-- side only, as no legal basis for wider sharing was recorded.
ALTER TABLE "Signal" ADD COLUMN     "anonymisedAt" TIMESTAMP(3),
ADD COLUMN     "legalBasis" "LegalBasis" NOT NULL DEFAULT 'NONE',
ADD COLUMN     "ownerSide" "PartnerSide" NOT NULL DEFAULT 'SCHOOL',
ADD COLUMN     "sharedWith" "SignalAudience" NOT NULL DEFAULT 'SCHOOL';

UPDATE "Signal" s SET "ownerSide" = 'YOUTH_WORK', "sharedWith" = 'YOUTH_WORK'
WHERE EXISTS (
  SELECT 1 FROM "RoleAssignment" r
  WHERE r."personId" = s."reportedById" AND r."partnershipId" = s."partnershipId" AND r."role" = 'YOUTH_WORKER'
);

ALTER TABLE "Signal" ALTER COLUMN "ownerSide" DROP DEFAULT, ALTER COLUMN "sharedWith" DROP DEFAULT;

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" UUID NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" UUID,
    "operation" "AuditOperation" NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" UUID NOT NULL,
    "fields" TEXT[],

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AuditEvent_entity_entityId_at_idx" ON "AuditEvent"("entity", "entityId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_at_idx" ON "AuditEvent"("actorId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- The audit log is append-only, whoever connects: no UPDATE, DELETE or TRUNCATE.
CREATE FUNCTION "audit_event_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditEvent is append-only (% refused)', TG_OP;
END $$;

CREATE TRIGGER "AuditEvent_append_only" BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "audit_event_append_only"();
CREATE TRIGGER "AuditEvent_no_truncate" BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_append_only"();
