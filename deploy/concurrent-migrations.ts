// `npx tsx deploy/concurrent-migrations.ts`: two instances starting at the same moment against one fresh
// PostgreSQL both run migrations and the seed. Checks that both succeed and every migration is applied
// exactly once (they take turns on lib/db/prepare-lock.ts). Prints what it found. CI checks the same in
// e2e/scale-out.spec.ts.
import { randomBytes } from "node:crypto";
import { readdirSync } from "node:fs";
import pg from "pg";
import { startThrowawayPostgres } from "../lib/db/throwaway-postgres";
import { prepareTogether } from "./stack";

const db = await startThrowawayPostgres();
try {
  const results = await prepareTogether(2, {
    DATABASE_URL: db.url,
    TIMESLICE_DEMO: "1",
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
  });
  results.forEach((r, i) =>
    console.log(
      `instance ${i + 1}: exit ${r.code}\n${r.output
        .trim()
        .split("\n")
        .filter((l) => /Error|error|code|ready|message/.test(l))
        .slice(0, 6)
        .join("\n")}`,
    ),
  );
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  const applied = await client.query<{ migration_name: string; n: string }>(
    `SELECT migration_name, COUNT(*) AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL GROUP BY migration_name`,
  );
  const users = await client.query<{ n: string }>(`SELECT COUNT(*) AS n FROM "User"`);
  await client.end();
  const expected = readdirSync("prisma/postgres/migrations").filter((d) => /^\d/.test(d)).length;
  const duplicated = applied.rows.filter((r) => Number(r.n) !== 1).length;
  console.log(
    `migrations applied: ${applied.rows.length} of ${expected}, applied twice: ${duplicated}; users after seed: ${users.rows[0]!.n}`,
  );
  process.exitCode = results.every((r) => r.code === 0) && applied.rows.length === expected && duplicated === 0 ? 0 : 1;
} finally {
  db.stop();
}
