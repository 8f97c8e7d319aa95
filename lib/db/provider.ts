// Which database Timeslice talks to, decided once from DATABASE_URL.
// SQLite (a file under ./data) is the embedded default; postgres:// or postgresql:// selects PostgreSQL.
import path from "node:path";

export type DbProvider = "sqlite" | "postgresql";

export interface DbTarget {
  provider: DbProvider;
  /** For SQLite: an absolute file path. For PostgreSQL: the connection string. */
  url: string;
}

export const DEFAULT_SQLITE_FILE = "data/timeslice.db";

export function resolveDbTarget(databaseUrl = process.env.DATABASE_URL, cwd = process.cwd()): DbTarget {
  const raw = databaseUrl?.trim() || `file:./${DEFAULT_SQLITE_FILE}`;
  if (/^postgres(ql)?:\/\//.test(raw)) return { provider: "postgresql", url: raw };
  if (raw.startsWith("file:")) {
    const file = raw.slice("file:".length);
    return { provider: "sqlite", url: path.resolve(cwd, file) };
  }
  throw new Error(
    `DATABASE_URL must start with file: (SQLite) or postgres:// / postgresql:// (PostgreSQL); got '${raw.split(":")[0]}:'`,
  );
}

/** Where each provider's schema and migrations live. The SQLite schema is the source of truth. */
export function prismaPaths(provider: DbProvider, root = process.cwd()) {
  const dir = provider === "sqlite" ? path.join(root, "prisma") : path.join(root, "prisma", "postgres");
  return { schema: path.join(dir, "schema.prisma"), migrations: path.join(dir, "migrations") };
}
