-- AlterTable
ALTER TABLE "City" ADD COLUMN     "activityRetentionMonths" INTEGER NOT NULL DEFAULT 24,
ADD COLUMN     "staffRetentionMonths" INTEGER NOT NULL DEFAULT 24,
ADD COLUMN     "youthRetentionMonths" INTEGER NOT NULL DEFAULT 24;
