-- AlterTable
ALTER TABLE "User" ADD COLUMN     "sessionVersion" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "InstructorInvite" (
    "id" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedById" TEXT,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "InstructorInvite_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InstructorRequest" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),
    "approved" BOOLEAN,

    CONSTRAINT "InstructorRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "InstructorInvite_codeHash_key" ON "InstructorInvite"("codeHash");

-- CreateIndex
CREATE UNIQUE INDEX "InstructorInvite_usedById_key" ON "InstructorInvite"("usedById");

-- CreateIndex
CREATE INDEX "InstructorInvite_createdById_idx" ON "InstructorInvite"("createdById");

-- CreateIndex
CREATE UNIQUE INDEX "InstructorRequest_userId_key" ON "InstructorRequest"("userId");

-- CreateIndex
CREATE INDEX "InstructorRequest_decidedAt_idx" ON "InstructorRequest"("decidedAt");

-- AddForeignKey
ALTER TABLE "InstructorInvite" ADD CONSTRAINT "InstructorInvite_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InstructorInvite" ADD CONSTRAINT "InstructorInvite_usedById_fkey" FOREIGN KEY ("usedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InstructorRequest" ADD CONSTRAINT "InstructorRequest_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
