-- CreateTable
CREATE TABLE "MockExplain" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sessionId" TEXT NOT NULL,
    "promptId" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answer" TEXT,
    "answeredAt" DATETIME,
    "covered" TEXT NOT NULL DEFAULT '[]',
    "assessedAt" DATETIME,
    CONSTRAINT "MockExplain_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "MockSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "MockExplain_sessionId_key" ON "MockExplain"("sessionId");
