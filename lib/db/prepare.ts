// Everything a database needs before the app serves from it: migrations, SQLite pragmas, seed data.
// Run by `npm start`, `npm run dev` and the test set-up; idempotent, and safe when several instances
// run it at the same moment (they take turns: lib/db/prepare-lock.ts).
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { seed } from "@/prisma/seed";
import { createPrismaClient } from "./client";
import { applyMigrations } from "./migrations";
import { withPrepareLock } from "./prepare-lock";
import type { DbTarget } from "./provider";

export async function prepareDatabase(target: DbTarget, { demoAccounts = true } = {}) {
  if (target.provider === "sqlite") mkdirSync(path.dirname(target.url), { recursive: true });
  return withPrepareLock(target, async () => {
    if (target.provider === "sqlite") {
      // WAL is a property of the file: set once, before anything else opens it, and every later
      // connection uses it.
      const file = new Database(target.url);
      file.pragma("journal_mode = WAL");
      file.close();
    }
    const applied = await applyMigrations(target);
    const db = createPrismaClient(target);
    try {
      const seeded = await seed(db, { demoAccounts });
      return { applied, ...seeded };
    } finally {
      await db.$disconnect();
    }
  });
}
