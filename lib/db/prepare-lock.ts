// Several app instances may start at the same moment on a fresh database, and each prepares it. The
// schema engine serialises migrations on PostgreSQL but not on SQLite, and the seed's "look, then
// create" is not atomic anywhere: two of them racing collide on unique keys (measured: the second
// instance died with P2002). One lock per database makes preparing take turns; whoever comes second
// finds everything in place and changes nothing. Both kinds of lock die with their process, so a crashed
// instance never leaves the database locked.
import Database from "better-sqlite3";
import pg from "pg";
import type { DbTarget } from "./provider";

/** How long an instance waits for another one to finish preparing before it gives up. */
export const PREPARE_LOCK_TIMEOUT_MS = 120_000;

// Any constant works as long as nothing else uses it; Prisma's migration lock is 72707369.
const PG_LOCK_KEY = 7_291_004_513;
const SQLITE_POLL_MS = 100;

export async function withPrepareLock<T>(
  target: DbTarget,
  work: () => Promise<T>,
  timeoutMs = PREPARE_LOCK_TIMEOUT_MS,
): Promise<T> {
  if (target.provider === "postgresql") return withAdvisoryLock(target.url, work, timeoutMs);
  if (target.url === ":memory:") return work();
  return withLockFile(`${target.url}.prepare-lock`, work, timeoutMs);
}

/** A session-level advisory lock on its own connection, held while `work` uses other connections. */
async function withAdvisoryLock<T>(url: string, work: () => Promise<T>, timeoutMs: number): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    // lock_timeout bounds the wait: advisory locks go through the same lock manager as table locks.
    await client.query(`SET lock_timeout = ${Math.ceil(timeoutMs)}`);
    try {
      await client.query("SELECT pg_advisory_lock($1)", [PG_LOCK_KEY]);
    } catch (error) {
      throw new Error(`another instance has been preparing the database for over ${timeoutMs / 1000} s`, {
        cause: error,
      });
    }
    try {
      return await work();
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [PG_LOCK_KEY]).catch(() => {});
    }
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * An exclusive transaction on a small SQLite file next to the database: SQLite's own file locking,
 * which works between processes and between connections of one process. Polled without a busy
 * timeout, because better-sqlite3's busy wait would block this process's event loop.
 */
async function withLockFile<T>(file: string, work: () => Promise<T>, timeoutMs: number): Promise<T> {
  const lock = new Database(file, { timeout: 0 });
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        lock.exec("BEGIN EXCLUSIVE");
        break;
      } catch (error) {
        if ((error as { code?: string }).code !== "SQLITE_BUSY") throw error;
        if (Date.now() > deadline)
          throw new Error(`another instance has been preparing ${file} for over ${timeoutMs / 1000} s`);
        await new Promise((resolve) => setTimeout(resolve, SQLITE_POLL_MS));
      }
    }
    try {
      return await work();
    } finally {
      lock.exec("ROLLBACK");
    }
  } finally {
    lock.close();
  }
}
