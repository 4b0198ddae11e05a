-- AlterTable
ALTER TABLE "School" ADD COLUMN     "pilotData" JSONB NOT NULL DEFAULT '{}';
