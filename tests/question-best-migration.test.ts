// The question_best migration backfills QuestionBest from the attempts an existing database already
// holds: migrate a database to the migration before it, store attempts, then migrate to the end.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import { applyMigrations, listMigrationNames } from "@/lib/db/migrations";
import { type DbProvider, prismaPaths } from "@/lib/db/provider";
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

describe.each(["sqlite", "postgresql"] as const)("question_best migration on %s", (provider: DbProvider) => {
  it("fills QuestionBest from the attempts already stored", async () => {
    const name = listMigrationNames("sqlite").find((n) => n.endsWith("_question_best"))!;
    const database: TestDatabase = await createTestDatabase(provider);
    cleanups.push(() => database.drop());
    expect(await applyMigrations(database.target, rootBefore(name))).not.toContain(name);

    const db = createPrismaClient(database.target);
    cleanups.push(() => db.$disconnect());
    // Raw: today's client would also write columns later migrations add to User (sessionVersion).
    const [ann, ben] = [{ id: "u-ann" }, { id: "u-ben" }];
    for (const [u, n] of [
      [ann, "ann"],
      [ben, "ben"],
    ] as const) {
      await db.$executeRaw`INSERT INTO "User" ("id", "email", "name", "passwordHash", "updatedAt") VALUES (${u.id}, ${`${n}@example.com`}, ${n}, ${"x"}, ${new Date()})`;
    }
    const t = await db.questionTemplate.create({
      data: { slug: "q", title: "Q", type: "schedule", topic: "scheduling-basics", difficulty: 1, status: "PUBLISHED" },
    });
    const v = await db.questionVersion.create({ data: { templateId: t.id, version: 1, spec: {} } });
    const at = (minute: number) => new Date(Date.UTC(2026, 10, 1, 9, minute));
    let n = 0;
    // `select` keeps today's client from reading columns later migrations add (the database is older).
    let last = "";
    async function attempt(user: { id: string }, score: number, minute: number, attemptNumber = 1) {
      const variant =
        attemptNumber === 1
          ? await db.variant.create({
              data: { userId: user.id, templateId: t.id, versionId: v.id, seed: n, engineVersion: "test" },
              select: { id: true },
            })
          : { id: last };
      last = variant.id;
      n += 1;
      // Raw: today's client would also write the practice column, which this older database lacks.
      await db.$executeRaw`
        INSERT INTO "Attempt" ("id", "userId", "variantId", "templateId", "versionId", "seed", "engineVersion", "attemptNumber", "submissionId", "answer", "score", "correct", "report", "createdAt")
        VALUES (${`a${n}`}, ${user.id}, ${variant.id}, ${t.id}, ${v.id}, ${n}, ${"test"}, ${attemptNumber}, ${`s${n}`}, ${"{}"}, ${score}, ${score === 1}, ${"{}"}, ${at(minute)})`;
    }
    // Stored out of time order, so "first" must come from createdAt, not from insertion order.
    await attempt(ann, 0.5, 20);
    await attempt(ann, 0.25, 10);
    await attempt(ann, 1, 30);
    await attempt(ann, 0.75, 40);
    await attempt(ben, 0.5, 5);
    // A retry on ben's variant, made after its reference was shown: the assessment_mode migration marks
    // it practice, and QuestionBest leaves it out.
    await attempt(ben, 1, 6, 2);

    expect(await applyMigrations(database.target)).toContain(name);
    expect(
      await db.attempt.findMany({ where: { practice: true }, select: { userId: true, attemptNumber: true } }),
    ).toEqual([{ userId: ben.id, attemptNumber: 2 }]);
    const rows = await db.questionBest.findMany({ orderBy: { attempts: "desc" } });
    expect(rows).toEqual([
      {
        userId: ann.id,
        templateId: t.id,
        attempts: 4,
        scoreSum: 2.5,
        bestScore: 1,
        firstScore: 0.25,
        firstAt: at(10),
        lastAttemptAt: at(40),
        correctAt: at(30),
      },
      {
        userId: ben.id,
        templateId: t.id,
        attempts: 1,
        scoreSum: 0.5,
        bestScore: 0.5,
        firstScore: 0.5,
        firstAt: at(5),
        lastAttemptAt: at(5),
        correctAt: null,
      },
    ]);
  });
});
