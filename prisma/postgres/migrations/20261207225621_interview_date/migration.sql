-- AlterTable
ALTER TABLE "ProgressSettings" ADD COLUMN     "interviewDate" TIMESTAMP(3);
