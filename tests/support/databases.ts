// Fresh, isolated databases for one test file: a new SQLite file, or a new database on the test
// PostgreSQL server. Both are migrated with the real migrations.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { inject } from "vitest";
import type { DbProvider, DbTarget } from "@/lib/db/provider";

export interface TestDatabase {
  target: DbTarget;
  /** DATABASE_URL form of the target. */
  databaseUrl: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(provider: DbProvider): Promise<TestDatabase> {
  if (provider === "sqlite") {
    const dir = mkdtempSync(path.join(os.tmpdir(), "timeslice-test-"));
    const file = path.join(dir, "test.db");
    return {
      target: { provider, url: file },
      databaseUrl: `file:${file}`,
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const serverUrl = inject("postgresUrl");
  const name = `test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    target: { provider, url: url.toString() },
    databaseUrl: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
