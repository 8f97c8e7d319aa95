-- AlterTable
ALTER TABLE "Variant" ADD COLUMN     "assignmentId" TEXT;

-- AlterTable
ALTER TABLE "Attempt" ADD COLUMN     "practice" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN     "latePenalty" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "latePolicy" TEXT NOT NULL DEFAULT 'accept',
ADD COLUMN     "maxAttempts" INTEGER,
ADD COLUMN     "reveal" TEXT NOT NULL DEFAULT 'after-attempt';

-- CreateIndex
CREATE INDEX "Variant_assignmentId_userId_idx" ON "Variant"("assignmentId", "userId");

-- AddForeignKey
ALTER TABLE "Variant" ADD CONSTRAINT "Variant_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Backfill: until now every graded attempt showed the variant's reference, so every attempt after the
-- first on a variant was made with the answer in view. They become practice, and each student's
-- best-score rows are recomputed from the counted attempts exactly as rebuildQuestionBest does.
UPDATE "Attempt" SET "practice" = true WHERE "attemptNumber" > 1;
DELETE FROM "QuestionBest";
INSERT INTO "QuestionBest" ("userId", "templateId", "attempts", "scoreSum", "bestScore", "firstScore", "firstAt", "lastAttemptAt", "correctAt")
SELECT x."userId", x."templateId", COUNT(*), SUM(x."score"), MAX(x."score"), MAX(CASE WHEN x."n" = 1 THEN x."score" END),
  MIN(x."createdAt"), MAX(x."createdAt"), MIN(CASE WHEN x."correct" THEN x."createdAt" END)
FROM (
  SELECT a."userId", a."templateId", a."score", a."correct", a."createdAt",
    ROW_NUMBER() OVER (PARTITION BY a."userId", a."templateId" ORDER BY a."createdAt", a."id") AS "n"
  FROM "Attempt" a
  WHERE NOT a."practice"
) x
GROUP BY x."userId", x."templateId";
