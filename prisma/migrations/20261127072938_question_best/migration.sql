-- AlterTable
ALTER TABLE "Class" ADD COLUMN "archivedAt" DATETIME;

-- CreateTable
CREATE TABLE "QuestionBest" (
    "userId" TEXT NOT NULL,
    "templateId" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "scoreSum" REAL NOT NULL,
    "bestScore" REAL NOT NULL,
    "firstScore" REAL NOT NULL,
    "firstAt" DATETIME NOT NULL,
    "lastAttemptAt" DATETIME NOT NULL,
    "correctAt" DATETIME,

    PRIMARY KEY ("userId", "templateId"),
    CONSTRAINT "QuestionBest_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "QuestionBest_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "QuestionTemplate" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "QuestionBest_templateId_idx" ON "QuestionBest"("templateId");

-- Backfill: one row per (student, question) already attempted, computed from the attempts exactly as
-- rebuildQuestionBest (lib/analytics/question-best.ts) recomputes them after a regrade.
INSERT INTO "QuestionBest" ("userId", "templateId", "attempts", "scoreSum", "bestScore", "firstScore", "firstAt", "lastAttemptAt", "correctAt")
SELECT x."userId", x."templateId", COUNT(*), SUM(x."score"), MAX(x."score"), MAX(CASE WHEN x."n" = 1 THEN x."score" END),
  MIN(x."createdAt"), MAX(x."createdAt"), MIN(CASE WHEN x."correct" THEN x."createdAt" END)
FROM (
  SELECT a."userId", a."templateId", a."score", a."correct", a."createdAt",
    ROW_NUMBER() OVER (PARTITION BY a."userId", a."templateId" ORDER BY a."createdAt", a."id") AS "n"
  FROM "Attempt" a
) x
GROUP BY x."userId", x."templateId";
