// The audit after a run reads the database directly (not through the app under test): how many attempts
// are stored, whether every acknowledged one is among them, and whether the data is consistent.
import Database from "better-sqlite3";
import pg from "pg";
import type { DbTarget } from "../../lib/db/provider";

export interface Audit {
  stored: number;
  missing: number;
  integrity: string;
}

// Rows that would be "half-written": an attempt whose variant, user or version is gone, or a variant
// whose counter is behind its stored attempts.
const ORPHANS = `
  SELECT COUNT(*) AS n FROM "Attempt" a
  LEFT JOIN "Variant" v ON v.id = a."variantId"
  LEFT JOIN "User" u ON u.id = a."userId"
  LEFT JOIN "QuestionVersion" q ON q.id = a."versionId"
  WHERE v.id IS NULL OR u.id IS NULL OR q.id IS NULL`;
const COUNTERS_BEHIND = `
  SELECT COUNT(*) AS n FROM "Variant" v
  WHERE v."attemptsUsed" < (SELECT COUNT(*) FROM "Attempt" a WHERE a."variantId" = v.id)`;

export async function publishedSlugs(target: DbTarget): Promise<string[]> {
  const sql = `SELECT slug FROM "QuestionTemplate" WHERE status = 'PUBLISHED' ORDER BY slug`;
  if (target.provider === "sqlite") {
    const db = new Database(target.url, { readonly: true });
    try {
      return (db.prepare(sql).all() as { slug: string }[]).map((r) => r.slug);
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    return (await client.query<{ slug: string }>(sql)).rows.map((r) => r.slug);
  } finally {
    await client.end();
  }
}

export async function audit(target: DbTarget, acknowledged: Set<string>, emailPrefix: string): Promise<Audit> {
  const ids = `SELECT a.id FROM "Attempt" a JOIN "User" u ON u.id = a."userId" WHERE u.email LIKE $1`;
  if (target.provider === "sqlite") {
    const db = new Database(target.url);
    try {
      const rows = db.prepare(ids.replace("$1", "?")).all(`${emailPrefix}%`) as { id: string }[];
      const integrity = (db.pragma("integrity_check") as { integrity_check: string }[])
        .map((r) => r.integrity_check)
        .join(",");
      const orphans = (db.prepare(ORPHANS).get() as { n: number }).n;
      const behind = (db.prepare(COUNTERS_BEHIND).get() as { n: number }).n;
      return summarize(
        rows.map((r) => r.id),
        acknowledged,
        `integrity_check=${integrity}; orphans=${orphans}; counters behind=${behind}`,
      );
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    const rows = (await client.query<{ id: string }>(ids, [`${emailPrefix}%`])).rows;
    const orphans = (await client.query<{ n: string }>(ORPHANS)).rows[0]!.n;
    const behind = (await client.query<{ n: string }>(COUNTERS_BEHIND)).rows[0]!.n;
    // Foreign keys and unique indexes are enforced by PostgreSQL itself; invalid ones would show here.
    const invalid = (await client.query<{ n: string }>(`SELECT COUNT(*) AS n FROM pg_index WHERE NOT indisvalid`))
      .rows[0]!.n;
    return summarize(
      rows.map((r) => r.id),
      acknowledged,
      `invalid indexes=${invalid}; orphans=${orphans}; counters behind=${behind}`,
    );
  } finally {
    await client.end();
  }
}

function summarize(storedIds: string[], acknowledged: Set<string>, integrity: string): Audit {
  const stored = new Set(storedIds);
  let missing = 0;
  for (const id of acknowledged) if (!stored.has(id)) missing++;
  return { stored: stored.size, missing, integrity };
}
