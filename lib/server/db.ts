import "server-only";
import { createPrismaClient, type Db } from "@/lib/db/client";

// One client per server process; the globalThis cache keeps `next dev` reloads from opening a new pool
// on every edit.
const globalForDb = globalThis as unknown as { timesliceDb?: Db };

export const db: Db = globalForDb.timesliceDb ?? createPrismaClient();
if (process.env.NODE_ENV !== "production") globalForDb.timesliceDb = db;
