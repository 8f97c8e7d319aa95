// The time_zone migration turns the UTC offset settings stored before into an IANA zone with that
// offset: migrate a database to the migration before it, store settings, then migrate to the end.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import { applyMigrations, listMigrationNames } from "@/lib/db/migrations";
import { type DbProvider, prismaPaths } from "@/lib/db/provider";
import { isTimeZone, offsetMinutesAt } from "@/lib/progress/timezone";
import { createTestDatabase, type TestDatabase } from "./support/databases";

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

/** A project root holding only the migrations before `name`, with the schema they were made from. */
function rootBefore(name: string): string {
  const root = mkdtempSync(path.join(os.tmpdir(), "timeslice-migrations-"));
  cleanups.push(() => rmSync(root, { recursive: true, force: true }));
  const names = listMigrationNames("sqlite");
  const earlier = names.slice(0, names.indexOf(name));
  for (const provider of ["sqlite", "postgresql"] as const) {
    const from = prismaPaths(provider).migrations;
    const to = prismaPaths(provider, root).migrations;
    cpSync(path.join(from, "migration_lock.toml"), path.join(to, "migration_lock.toml"));
    for (const m of earlier) cpSync(path.join(from, m), path.join(to, m), { recursive: true });
  }
  writeFileSync(
    prismaPaths("sqlite", root).schema,
    readFileSync(path.join(prismaPaths("sqlite").migrations, earlier.at(-1)!, "schema.prisma")),
  );
  return root;
}

// Offsets a browser reports (getTimezoneOffset, negated), and one no zone has.
const OFFSETS = [0, 60, 120, -300, -720, 840, 330, 345, -570, 37];

describe.each(["sqlite", "postgresql"] as const)("time_zone migration on %s", (provider: DbProvider) => {
  it("gives every stored offset the zone that keeps the student's days (UTC when none has it)", async () => {
    const name = listMigrationNames("sqlite").find((n) => n.endsWith("_time_zone"))!;
    const database: TestDatabase = await createTestDatabase(provider);
    cleanups.push(() => database.drop());
    expect(await applyMigrations(database.target, rootBefore(name))).not.toContain(name);

    const db = createPrismaClient(database.target);
    cleanups.push(() => db.$disconnect());
    // Raw: today's client knows neither the old column nor the columns later migrations add.
    for (const offset of OFFSETS) {
      const id = `u${offset}`;
      await db.$executeRaw`INSERT INTO "User" ("id", "email", "name", "passwordHash", "updatedAt") VALUES (${id}, ${`${id}@example.com`}, ${id}, ${"x"}, ${new Date()})`;
      await db.$executeRaw`INSERT INTO "ProgressSettings" ("userId", "utcOffsetMinutes", "updatedAt") VALUES (${id}, ${offset}, ${new Date()})`;
    }
    expect(await applyMigrations(database.target)).toContain(name);

    const rows = await db.progressSettings.findMany({ select: { userId: true, timeZone: true } });
    expect(rows).toHaveLength(OFFSETS.length);
    // A January and a July instant: the zones chosen for these offsets observe no daylight saving.
    const instants = [new Date("2026-01-15T12:00:00Z"), new Date("2026-07-15T12:00:00Z")];
    for (const offset of OFFSETS) {
      const zone = rows.find((r) => r.userId === `u${offset}`)!.timeZone;
      expect(isTimeZone(zone), zone).toBe(true);
      const expected = offset === 37 ? 0 : offset;
      for (const at of instants) expect(offsetMinutesAt(at, zone), `${offset} → ${zone}`).toBe(expected);
    }
  });
});
