import { afterAll, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import { listMigrationNames } from "@/lib/db/migrations";
import { prepareDatabase } from "@/lib/db/prepare";
import { DEMO_ACCOUNTS } from "@/lib/demo/accounts";
import { createTestDatabase, type TestDatabase } from "./support/databases";

// Two instances starting together on one fresh database both prepare it. On SQLite nothing else
// serialises them (PostgreSQL's case, across processes, is in e2e/scale-out.spec.ts): without the lock
// in lib/db/prepare-lock.ts one of them fails on a half-applied migration or a duplicate seed row.

let database: TestDatabase | undefined;
afterAll(async () => {
  await database?.drop();
});

it("two prepares of one fresh SQLite file at once both succeed, migrating and seeding once", async () => {
  database = await createTestDatabase("sqlite");
  const runs = await Promise.all([prepareDatabase(database.target), prepareDatabase(database.target)]);
  // One did the work; the other waited its turn and found nothing to do.
  expect(runs.map((r) => r.applied.length).sort((a, b) => a - b)).toEqual([0, listMigrationNames("sqlite").length]);
  expect(runs.map((r) => r.createdUsers).sort((a, b) => a - b)).toEqual([0, DEMO_ACCOUNTS.length]);
  expect(runs.map((r) => r.questionsCreated)).toContain(0);

  const db = createPrismaClient(database.target);
  try {
    const applied = await db.$queryRawUnsafe<{ migration_name: string; n: bigint | number }[]>(
      "SELECT migration_name, COUNT(*) AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL GROUP BY migration_name ORDER BY 1",
    );
    expect(applied.map((r) => r.migration_name)).toEqual(listMigrationNames("sqlite"));
    expect(applied.filter((r) => Number(r.n) !== 1)).toEqual([]);
    expect(await db.user.count({ where: { email: { in: DEMO_ACCOUNTS.map((a) => a.email) } } })).toBe(
      DEMO_ACCOUNTS.length,
    );
    expect(await db.questionVersion.count()).toBe(await db.questionTemplate.count());
  } finally {
    await db.$disconnect();
  }
});
