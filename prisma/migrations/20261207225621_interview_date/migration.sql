-- AlterTable
ALTER TABLE "ProgressSettings" ADD COLUMN "interviewDate" DATETIME;
