import "server-only";
import { db } from "../db";

/** Throws when this instance cannot reach its database (the health route turns that into a 503). */
export async function pingDatabase(): Promise<void> {
  await db.$queryRaw`SELECT 1`;
}
