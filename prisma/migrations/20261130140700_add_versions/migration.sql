-- AlterTable
ALTER TABLE "City" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "YouthWorkOrganisation" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;
