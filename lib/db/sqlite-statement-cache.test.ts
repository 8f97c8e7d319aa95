import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "./client";
import { cacheStatements } from "./sqlite-statement-cache";

const dir = mkdtempSync(path.join(os.tmpdir(), "timeslice-stmt-cache-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The adapter's calls, as @prisma/adapter-better-sqlite3 makes them: prepare(sql).bind(args), then
// run() for writes or columns() + raw().all() for reads.
const read = (db: Database.Database, sql: string, args: unknown[]) => db.prepare(sql).bind(args).raw().all();
const write = (db: Database.Database, sql: string, args: unknown[]) => db.prepare(sql).bind(args).run();

describe("the compiled-statement cache", () => {
  it("compiles each SQL text once and runs it with each call's own arguments", () => {
    const db = new Database(path.join(dir, "direct.db"));
    const cache = cacheStatements(db);
    db.prepare("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE)").run();
    for (let i = 0; i < 50; i++)
      expect(write(db, "INSERT INTO t (id, name) VALUES (?, ?)", [i, `n${i}`]).changes).toBe(1);
    for (let i = 0; i < 50; i++) expect(read(db, "SELECT name FROM t WHERE id = ?", [i])).toEqual([[`n${i}`]]);
    expect(
      db
        .prepare("SELECT id FROM t WHERE id < ?")
        .bind([3])
        .columns()
        .map((c) => c.name),
    ).toEqual(["id"]);
    expect(db.prepare("SELECT id FROM t WHERE id < ?").bind([3]).reader).toBe(true);
    // CREATE, INSERT, the two SELECTs: one compiled statement per text, however often each ran.
    expect(cache.size).toBe(4);
    db.close();
  });

  it("keeps a statement usable after it failed", () => {
    const db = new Database(path.join(dir, "failing.db"));
    cacheStatements(db);
    db.prepare("CREATE TABLE t (name TEXT UNIQUE)").run();
    write(db, "INSERT INTO t (name) VALUES (?)", ["a"]);
    expect(() => write(db, "INSERT INTO t (name) VALUES (?)", ["a"])).toThrow(/UNIQUE/);
    expect(write(db, "INSERT INTO t (name) VALUES (?)", ["b"]).changes).toBe(1);
    expect(read(db, "SELECT name FROM t ORDER BY name", [])).toEqual([["a"], ["b"]]);
    db.close();
  });

  it("serves Prisma's queries, writes and transactions on a real file", async () => {
    const prisma = createPrismaClient({ provider: "sqlite", url: path.join(dir, "prisma.db") });
    try {
      await prisma.$executeRawUnsafe("CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)");
      for (let i = 1; i <= 20; i++)
        expect(await prisma.$executeRaw`INSERT INTO t (id, n) VALUES (${i}, ${i * i})`).toBe(1);
      for (let i = 1; i <= 20; i++)
        expect(await prisma.$queryRaw<{ n: number }[]>`SELECT n FROM t WHERE id = ${i}`).toEqual([{ n: i * i }]);
      // A rolled-back transaction leaves nothing behind; a committed one stays.
      await expect(
        prisma.$transaction(async (tx) => {
          await tx.$executeRaw`UPDATE t SET n = 0 WHERE id = ${1}`;
          throw new Error("roll back");
        }),
      ).rejects.toThrow("roll back");
      await prisma.$transaction(async (tx) => tx.$executeRaw`UPDATE t SET n = -1 WHERE id = ${2}`);
      expect(
        await prisma.$queryRaw<{ id: number; n: number }[]>`SELECT id, n FROM t WHERE id <= ${2} ORDER BY id`,
      ).toEqual([
        { id: 1, n: 1 },
        { id: 2, n: -1 },
      ]);
    } finally {
      await prisma.$disconnect();
    }
  });
});
