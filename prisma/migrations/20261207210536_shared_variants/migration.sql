-- CreateTable
CREATE TABLE "SharedVariant" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "seed" INTEGER NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "SharedVariant_kind_versionId_seed_key" ON "SharedVariant"("kind", "versionId", "seed");
