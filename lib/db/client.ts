// Builds the Prisma client for whichever provider DATABASE_URL selects. Both generated clients come from
// the same models (prisma/schema.prisma), so the SQLite client's type describes either one.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PostgresClient } from "@/prisma/generated/postgres/client";
import { PrismaClient } from "@/prisma/generated/sqlite/client";
import { type DbTarget, resolveDbTarget } from "./provider";

export type Db = PrismaClient;

/** Pool size per app instance for PostgreSQL; see docs on running several instances. */
const PG_POOL_MAX = Number(process.env.DATABASE_POOL_MAX ?? 10);

export function createPrismaClient(target: DbTarget = resolveDbTarget()): Db {
  if (target.provider === "sqlite") {
    // WAL lets readers proceed while one writer commits; busy_timeout makes concurrent writers wait
    // instead of failing with SQLITE_BUSY.
    const adapter = new PrismaBetterSqlite3({ url: `file:${target.url}`, timeout: 10_000 });
    return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
  }
  const adapter = new PrismaPg({ connectionString: target.url, max: PG_POOL_MAX, connectionTimeoutMillis: 5_000 });
  return new PostgresClient({ adapter, omit: { user: { passwordHash: true } } }) as unknown as Db;
}
