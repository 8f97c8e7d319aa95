// A provider's view of "the schema a database has", normalised so that two databases built in
// different ways can be compared for equality.
import Database from "better-sqlite3";
import pg from "pg";
import type { DbTarget } from "@/lib/db/provider";

const squash = (sql: string | null) =>
  (sql ?? "")
    .replace(/\s+/g, " ")
    .replace(/IF NOT EXISTS /g, "")
    .trim();

export async function schemaCatalog(target: DbTarget): Promise<string[]> {
  if (target.provider === "sqlite") {
    const db = new Database(target.url, { readonly: true });
    try {
      const rows = db
        .prepare(
          "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name NOT LIKE '_prisma_%' ORDER BY type, name",
        )
        .all() as { type: string; name: string; tbl_name: string; sql: string | null }[];
      return rows.map((r) => `${r.type} ${r.tbl_name}.${r.name}: ${squash(r.sql)}`);
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    const queries = [
      `SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || udt_name || ' null=' || is_nullable || ' default=' || coalesce(column_default, '') AS line
         FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
      `SELECT 'index ' || tablename || ': ' || indexdef AS line FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
      `SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ': ' || pg_get_constraintdef(oid) AS line
         FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '"_prisma_migrations"' AND conrelid::regclass::text <> '_prisma_migrations'`,
      `SELECT 'enum ' || t.typname || ': ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS line
         FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = 'public' GROUP BY t.typname`,
    ];
    const lines: string[] = [];
    for (const q of queries) lines.push(...(await client.query<{ line: string }>(q)).rows.map((r) => r.line));
    return lines.sort();
  } finally {
    await client.end();
  }
}

export async function executeScript(target: DbTarget, sql: string): Promise<void> {
  if (target.provider === "sqlite") {
    const db = new Database(target.url);
    try {
      db.exec(sql);
    } finally {
      db.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
