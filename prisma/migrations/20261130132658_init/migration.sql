-- CreateEnum
CREATE TYPE "SchoolType" AS ENUM ('PRACTICAL_EDUCATION', 'VMBO', 'HAVO_VWO', 'COMPREHENSIVE');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'POLICY_ADVISOR', 'YOUTH_WORKER', 'SCHOOL_CONTACT', 'MENTOR', 'STUDENT_COUNSELLOR', 'ANALYST');

-- CreateEnum
CREATE TYPE "RoleScope" AS ENUM ('GLOBAL', 'CITY', 'PARTNERSHIP');

-- CreateEnum
CREATE TYPE "PartnershipForm" AS ENUM ('WITH_SCHOOL', 'IN_SCHOOL');

-- CreateEnum
CREATE TYPE "PartnershipStatus" AS ENUM ('PLANNED', 'ACTIVE', 'PAUSED', 'ENDED');

-- CreateEnum
CREATE TYPE "FundingType" AS ENUM ('STRUCTURAL', 'PROJECT', 'NONE');

-- CreateEnum
CREATE TYPE "AgeBand" AS ENUM ('UNDER_12', 'AGE_12_13', 'AGE_14_15', 'AGE_16_17', 'AGE_18_PLUS');

-- CreateEnum
CREATE TYPE "LifeDomain" AS ENUM ('SCHOOL', 'HOME', 'NEIGHBOURHOOD', 'ONLINE');

-- CreateEnum
CREATE TYPE "SignalCategory" AS ENUM ('ATTENDANCE', 'BULLYING', 'CONFLICT', 'HOME_SITUATION', 'WELLBEING', 'SAFETY', 'SUBSTANCE_USE', 'CRIMINAL_INVOLVEMENT', 'ONLINE_BEHAVIOUR', 'OTHER');

-- CreateEnum
CREATE TYPE "SignalSubject" AS ENUM ('INDIVIDUAL', 'GROUP', 'TREND');

-- CreateEnum
CREATE TYPE "SignalUrgency" AS ENUM ('LOW', 'MEDIUM', 'HIGH', 'URGENT');

-- CreateEnum
CREATE TYPE "SignalStatus" AS ENUM ('NEW', 'ACKNOWLEDGED', 'IN_PROGRESS', 'REFERRED', 'CLOSED');

-- CreateEnum
CREATE TYPE "FollowUpAction" AS ENUM ('CONVERSATION_WITH_YOUTH', 'CONTACT_WITH_PARENTS', 'CONSULTED_PARTNER', 'DISCUSSED_IN_CONSULTATION', 'REFERRED', 'MONITORING', 'OTHER');

-- CreateEnum
CREATE TYPE "ActivityLocation" AS ENUM ('SCHOOL_ROOM', 'CLASSROOM', 'SCHOOLYARD', 'COMMUNITY_CENTRE', 'ONLINE', 'OTHER');

-- CreateTable
CREATE TABLE "City" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "cbsCode" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "City_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "School" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "brinCode" VARCHAR(4) NOT NULL,
    "cityId" UUID NOT NULL,
    "district" TEXT,
    "schoolType" "SchoolType" NOT NULL,
    "enrolment" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "School_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "YouthWorkOrganisation" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "cityId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "YouthWorkOrganisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "organisationId" UUID,
    "schoolId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoleAssignment" (
    "id" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "role" "Role" NOT NULL,
    "scope" "RoleScope" NOT NULL,
    "cityId" UUID,
    "partnershipId" UUID,
    "grantedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RoleAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Partnership" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "schoolId" UUID NOT NULL,
    "youthWorkOrganisationId" UUID NOT NULL,
    "cityId" UUID NOT NULL,
    "form" "PartnershipForm" NOT NULL,
    "status" "PartnershipStatus" NOT NULL DEFAULT 'ACTIVE',
    "startsOn" DATE NOT NULL,
    "endsOn" DATE,
    "goals" TEXT[],
    "rolesAndResponsibilities" TEXT,
    "fundingType" "FundingType" NOT NULL DEFAULT 'NONE',
    "fundingSource" TEXT,
    "fundedUntil" DATE,
    "hasRoom" BOOLEAN NOT NULL DEFAULT false,
    "roomLocation" TEXT,
    "schoolContactId" UUID,
    "consultationEveryWeeks" INTEGER,
    "pilotData" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Partnership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Youth" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "schoolId" UUID NOT NULL,
    "yearGroup" SMALLINT,
    "ageBand" "AgeBand",
    "registeredById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Youth_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Signal" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "lifeDomain" "LifeDomain" NOT NULL,
    "category" "SignalCategory" NOT NULL,
    "subject" "SignalSubject" NOT NULL DEFAULT 'INDIVIDUAL',
    "urgency" "SignalUrgency" NOT NULL DEFAULT 'MEDIUM',
    "summary" VARCHAR(500),
    "youthId" UUID,
    "reportedById" UUID,
    "status" "SignalStatus" NOT NULL DEFAULT 'NEW',
    "referralDestination" TEXT,
    "reportedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acknowledgedAt" TIMESTAMP(3),
    "inProgressAt" TIMESTAMP(3),
    "referredAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "pilotData" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Signal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignalFollowUp" (
    "id" UUID NOT NULL,
    "signalId" UUID NOT NULL,
    "byId" UUID,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "action" "FollowUpAction" NOT NULL,
    "note" VARCHAR(1000),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignalFollowUp_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Activity" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "durationMinutes" INTEGER NOT NULL,
    "location" "ActivityLocation",
    "locationNote" TEXT,
    "participantCount" INTEGER,
    "themes" TEXT[],
    "notes" VARCHAR(2000),
    "details" JSONB NOT NULL DEFAULT '{}',
    "youthId" UUID,
    "loggedById" UUID,
    "pilotData" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Activity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActivityFacilitator" (
    "activityId" UUID NOT NULL,
    "personId" UUID NOT NULL,

    CONSTRAINT "ActivityFacilitator_pkey" PRIMARY KEY ("activityId","personId")
);

-- CreateTable
CREATE TABLE "ActivityAttendee" (
    "activityId" UUID NOT NULL,
    "personId" UUID NOT NULL,

    CONSTRAINT "ActivityAttendee_pkey" PRIMARY KEY ("activityId","personId")
);

-- CreateTable
CREATE TABLE "ActivitySignal" (
    "activityId" UUID NOT NULL,
    "signalId" UUID NOT NULL,

    CONSTRAINT "ActivitySignal_pkey" PRIMARY KEY ("activityId","signalId")
);

-- CreateIndex
CREATE UNIQUE INDEX "City_name_key" ON "City"("name");

-- CreateIndex
CREATE UNIQUE INDEX "City_cbsCode_key" ON "City"("cbsCode");

-- CreateIndex
CREATE UNIQUE INDEX "School_brinCode_key" ON "School"("brinCode");

-- CreateIndex
CREATE INDEX "School_cityId_idx" ON "School"("cityId");

-- CreateIndex
CREATE UNIQUE INDEX "YouthWorkOrganisation_name_key" ON "YouthWorkOrganisation"("name");

-- CreateIndex
CREATE INDEX "YouthWorkOrganisation_cityId_idx" ON "YouthWorkOrganisation"("cityId");

-- CreateIndex
CREATE UNIQUE INDEX "Person_email_key" ON "Person"("email");

-- CreateIndex
CREATE INDEX "Person_organisationId_idx" ON "Person"("organisationId");

-- CreateIndex
CREATE INDEX "Person_schoolId_idx" ON "Person"("schoolId");

-- CreateIndex
CREATE INDEX "RoleAssignment_personId_idx" ON "RoleAssignment"("personId");

-- CreateIndex
CREATE INDEX "RoleAssignment_partnershipId_idx" ON "RoleAssignment"("partnershipId");

-- CreateIndex
CREATE INDEX "RoleAssignment_cityId_idx" ON "RoleAssignment"("cityId");

-- CreateIndex
CREATE INDEX "Partnership_cityId_idx" ON "Partnership"("cityId");

-- CreateIndex
CREATE INDEX "Partnership_youthWorkOrganisationId_idx" ON "Partnership"("youthWorkOrganisationId");

-- CreateIndex
CREATE UNIQUE INDEX "Partnership_schoolId_youthWorkOrganisationId_startsOn_key" ON "Partnership"("schoolId", "youthWorkOrganisationId", "startsOn");

-- CreateIndex
CREATE UNIQUE INDEX "Youth_code_key" ON "Youth"("code");

-- CreateIndex
CREATE INDEX "Youth_schoolId_idx" ON "Youth"("schoolId");

-- CreateIndex
CREATE INDEX "Signal_partnershipId_reportedAt_idx" ON "Signal"("partnershipId", "reportedAt");

-- CreateIndex
CREATE INDEX "Signal_status_idx" ON "Signal"("status");

-- CreateIndex
CREATE INDEX "Signal_youthId_idx" ON "Signal"("youthId");

-- CreateIndex
CREATE INDEX "SignalFollowUp_signalId_at_idx" ON "SignalFollowUp"("signalId", "at");

-- CreateIndex
CREATE INDEX "Activity_partnershipId_startsAt_idx" ON "Activity"("partnershipId", "startsAt");

-- CreateIndex
CREATE INDEX "Activity_kind_startsAt_idx" ON "Activity"("kind", "startsAt");

-- CreateIndex
CREATE INDEX "Activity_youthId_idx" ON "Activity"("youthId");

-- CreateIndex
CREATE INDEX "ActivityFacilitator_personId_idx" ON "ActivityFacilitator"("personId");

-- CreateIndex
CREATE INDEX "ActivityAttendee_personId_idx" ON "ActivityAttendee"("personId");

-- CreateIndex
CREATE INDEX "ActivitySignal_signalId_idx" ON "ActivitySignal"("signalId");

-- AddForeignKey
ALTER TABLE "School" ADD CONSTRAINT "School_cityId_fkey" FOREIGN KEY ("cityId") REFERENCES "City"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "YouthWorkOrganisation" ADD CONSTRAINT "YouthWorkOrganisation_cityId_fkey" FOREIGN KEY ("cityId") REFERENCES "City"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "YouthWorkOrganisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleAssignment" ADD CONSTRAINT "RoleAssignment_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleAssignment" ADD CONSTRAINT "RoleAssignment_cityId_fkey" FOREIGN KEY ("cityId") REFERENCES "City"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleAssignment" ADD CONSTRAINT "RoleAssignment_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleAssignment" ADD CONSTRAINT "RoleAssignment_grantedById_fkey" FOREIGN KEY ("grantedById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Partnership" ADD CONSTRAINT "Partnership_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Partnership" ADD CONSTRAINT "Partnership_youthWorkOrganisationId_fkey" FOREIGN KEY ("youthWorkOrganisationId") REFERENCES "YouthWorkOrganisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Partnership" ADD CONSTRAINT "Partnership_cityId_fkey" FOREIGN KEY ("cityId") REFERENCES "City"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Partnership" ADD CONSTRAINT "Partnership_schoolContactId_fkey" FOREIGN KEY ("schoolContactId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Youth" ADD CONSTRAINT "Youth_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Youth" ADD CONSTRAINT "Youth_registeredById_fkey" FOREIGN KEY ("registeredById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Signal" ADD CONSTRAINT "Signal_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Signal" ADD CONSTRAINT "Signal_youthId_fkey" FOREIGN KEY ("youthId") REFERENCES "Youth"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Signal" ADD CONSTRAINT "Signal_reportedById_fkey" FOREIGN KEY ("reportedById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SignalFollowUp" ADD CONSTRAINT "SignalFollowUp_signalId_fkey" FOREIGN KEY ("signalId") REFERENCES "Signal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SignalFollowUp" ADD CONSTRAINT "SignalFollowUp_byId_fkey" FOREIGN KEY ("byId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_youthId_fkey" FOREIGN KEY ("youthId") REFERENCES "Youth"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_loggedById_fkey" FOREIGN KEY ("loggedById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivityFacilitator" ADD CONSTRAINT "ActivityFacilitator_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivityFacilitator" ADD CONSTRAINT "ActivityFacilitator_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivityAttendee" ADD CONSTRAINT "ActivityAttendee_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivityAttendee" ADD CONSTRAINT "ActivityAttendee_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivitySignal" ADD CONSTRAINT "ActivitySignal_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivitySignal" ADD CONSTRAINT "ActivitySignal_signalId_fkey" FOREIGN KEY ("signalId") REFERENCES "Signal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
