-- CreateTable
CREATE TABLE "MockExplain" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "promptId" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answer" TEXT,
    "answeredAt" TIMESTAMP(3),
    "covered" TEXT NOT NULL DEFAULT '[]',
    "assessedAt" TIMESTAMP(3),

    CONSTRAINT "MockExplain_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "MockExplain_sessionId_key" ON "MockExplain"("sessionId");

-- AddForeignKey
ALTER TABLE "MockExplain" ADD CONSTRAINT "MockExplain_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "MockSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;
