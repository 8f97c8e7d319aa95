import "server-only";
import { createPrismaClient, type Db } from "@/lib/db/client";

// One client per server process, kept on globalThis. Next bundles this module separately for route
// handlers and for pages, so in a production build it is instantiated more than once; a client per
// instance meant two SQLite connections in one process (and twice the PostgreSQL pool). With two SQLite
// connections, a page's write waiting for a route's open transaction on the other connection waits
// synchronously (better-sqlite3, busy_timeout), blocking the event loop that transaction needs to
// finish: the process stalled up to 10 s per statement (seen as P1008 timeouts in a kill -9 fault run).
// The same cache keeps `next dev` reloads from opening a new pool on every edit.
const globalForDb = globalThis as unknown as { timesliceDb?: Db };

export const db: Db = (globalForDb.timesliceDb ??= createPrismaClient());
