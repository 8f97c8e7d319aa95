-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Variant" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "templateId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "seed" INTEGER NOT NULL,
    "engineVersion" TEXT NOT NULL,
    "attemptsUsed" INTEGER NOT NULL DEFAULT 0,
    "hintsShown" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "assignmentId" TEXT,
    CONSTRAINT "Variant_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Variant_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "QuestionTemplate" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Variant_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "QuestionVersion" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Variant_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Variant" ("attemptsUsed", "createdAt", "engineVersion", "hintsShown", "id", "seed", "templateId", "userId", "versionId") SELECT "attemptsUsed", "createdAt", "engineVersion", "hintsShown", "id", "seed", "templateId", "userId", "versionId" FROM "Variant";
DROP TABLE "Variant";
ALTER TABLE "new_Variant" RENAME TO "Variant";
CREATE INDEX "Variant_userId_templateId_createdAt_idx" ON "Variant"("userId", "templateId", "createdAt");
CREATE INDEX "Variant_assignmentId_userId_idx" ON "Variant"("assignmentId", "userId");
CREATE TABLE "new_Attempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "variantId" TEXT NOT NULL,
    "templateId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "seed" INTEGER NOT NULL,
    "engineVersion" TEXT NOT NULL,
    "attemptNumber" INTEGER NOT NULL,
    "submissionId" TEXT NOT NULL,
    "answer" JSONB NOT NULL,
    "score" REAL NOT NULL,
    "correct" BOOLEAN NOT NULL,
    "report" JSONB NOT NULL,
    "hintsUsed" INTEGER NOT NULL DEFAULT 0,
    "practice" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Attempt_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Attempt_variantId_fkey" FOREIGN KEY ("variantId") REFERENCES "Variant" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Attempt_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "QuestionTemplate" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Attempt_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "QuestionVersion" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Attempt" ("answer", "attemptNumber", "correct", "createdAt", "engineVersion", "hintsUsed", "id", "report", "score", "seed", "submissionId", "templateId", "userId", "variantId", "versionId") SELECT "answer", "attemptNumber", "correct", "createdAt", "engineVersion", "hintsUsed", "id", "report", "score", "seed", "submissionId", "templateId", "userId", "variantId", "versionId" FROM "Attempt";
DROP TABLE "Attempt";
ALTER TABLE "new_Attempt" RENAME TO "Attempt";
CREATE INDEX "Attempt_userId_createdAt_idx" ON "Attempt"("userId", "createdAt");
CREATE INDEX "Attempt_templateId_createdAt_idx" ON "Attempt"("templateId", "createdAt");
CREATE UNIQUE INDEX "Attempt_variantId_attemptNumber_key" ON "Attempt"("variantId", "attemptNumber");
CREATE UNIQUE INDEX "Attempt_userId_submissionId_key" ON "Attempt"("userId", "submissionId");
CREATE TABLE "new_Assignment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "classId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "slugs" TEXT NOT NULL,
    "dueAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "maxAttempts" INTEGER,
    "reveal" TEXT NOT NULL DEFAULT 'after-attempt',
    "latePolicy" TEXT NOT NULL DEFAULT 'accept',
    "latePenalty" REAL NOT NULL DEFAULT 0,
    CONSTRAINT "Assignment_classId_fkey" FOREIGN KEY ("classId") REFERENCES "Class" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Assignment" ("classId", "createdAt", "dueAt", "id", "slugs", "title") SELECT "classId", "createdAt", "dueAt", "id", "slugs", "title" FROM "Assignment";
DROP TABLE "Assignment";
ALTER TABLE "new_Assignment" RENAME TO "Assignment";
CREATE INDEX "Assignment_classId_createdAt_idx" ON "Assignment"("classId", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Backfill: until now every graded attempt showed the variant's reference, so every attempt after the
-- first on a variant was made with the answer in view. They become practice, and each student's
-- best-score rows are recomputed from the counted attempts exactly as rebuildQuestionBest does.
UPDATE "Attempt" SET "practice" = 1 WHERE "attemptNumber" > 1;
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
