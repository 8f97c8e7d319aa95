-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
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
    "hintPenalty" REAL NOT NULL DEFAULT 0,
    "hintPenaltyMax" REAL NOT NULL DEFAULT 1,
    CONSTRAINT "Assignment_classId_fkey" FOREIGN KEY ("classId") REFERENCES "Class" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Assignment" ("classId", "createdAt", "dueAt", "id", "latePenalty", "latePolicy", "maxAttempts", "reveal", "slugs", "title") SELECT "classId", "createdAt", "dueAt", "id", "latePenalty", "latePolicy", "maxAttempts", "reveal", "slugs", "title" FROM "Assignment";
DROP TABLE "Assignment";
ALTER TABLE "new_Assignment" RENAME TO "Assignment";
CREATE INDEX "Assignment_classId_createdAt_idx" ON "Assignment"("classId", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
