-- AlterTable
ALTER TABLE "City" ADD COLUMN     "maxPerturbation" INTEGER NOT NULL DEFAULT 2;

-- AlterTable
ALTER TABLE "Signal" ADD COLUMN     "recordKey" INTEGER NOT NULL DEFAULT floor(random() * 2147483647)::int;

-- AlterTable
ALTER TABLE "Youth" ADD COLUMN     "recordKey" INTEGER NOT NULL DEFAULT floor(random() * 2147483647)::int;
