-- CreateEnum
CREATE TYPE "AssessmentElement" AS ENUM ('PARTNERSHIP', 'ALIGNMENT', 'VISIBILITY', 'ACCESSIBILITY', 'STRUCTURAL_FUNDING', 'MANAGEMENT_SUPPORT', 'FACILITATION');

-- AlterTable
ALTER TABLE "City" ADD COLUMN     "minCellSize" INTEGER NOT NULL DEFAULT 5;

-- CreateTable
CREATE TABLE "PartnershipAssessment" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "round" INTEGER NOT NULL,
    "assessedOn" DATE NOT NULL,
    "actionPlan" VARCHAR(5000),
    "recordedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "PartnershipAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PartnershipAssessmentScore" (
    "assessmentId" UUID NOT NULL,
    "element" "AssessmentElement" NOT NULL,
    "score" SMALLINT NOT NULL,
    "comment" VARCHAR(1000),

    CONSTRAINT "PartnershipAssessmentScore_pkey" PRIMARY KEY ("assessmentId","element")
);

-- CreateIndex
CREATE INDEX "PartnershipAssessment_assessedOn_idx" ON "PartnershipAssessment"("assessedOn");

-- CreateIndex
CREATE UNIQUE INDEX "PartnershipAssessment_partnershipId_round_key" ON "PartnershipAssessment"("partnershipId", "round");

-- AddForeignKey
ALTER TABLE "PartnershipAssessment" ADD CONSTRAINT "PartnershipAssessment_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnershipAssessment" ADD CONSTRAINT "PartnershipAssessment_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnershipAssessmentScore" ADD CONSTRAINT "PartnershipAssessmentScore_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "PartnershipAssessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Rules the API validates, kept by the database too (Prisma does not model CHECK constraints).
ALTER TABLE "City" ADD CONSTRAINT "City_minCellSize_check" CHECK ("minCellSize" >= 1);
ALTER TABLE "PartnershipAssessment" ADD CONSTRAINT "PartnershipAssessment_round_check" CHECK ("round" >= 1);
ALTER TABLE "PartnershipAssessmentScore" ADD CONSTRAINT "PartnershipAssessmentScore_score_check" CHECK ("score" BETWEEN 1 AND 5);
