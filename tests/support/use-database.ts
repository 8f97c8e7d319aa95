// Points the app's database modules at a fresh, migrated test database for one test file.
// Must run before anything imports lib/server/db (the client is built from DATABASE_URL on import).
import { afterAll } from "vitest";
import { applyMigrations } from "@/lib/db/migrations";
import type { DbProvider } from "@/lib/db/provider";
import { createTestDatabase } from "./databases";

export async function useFreshDatabase(provider: DbProvider) {
  const database = await createTestDatabase(provider);
  await applyMigrations(database.target);
  process.env.DATABASE_URL = database.databaseUrl;
  const { db } = await import("@/lib/server/db");
  afterAll(async () => {
    await db.$disconnect();
    await database.drop();
  });
  return { db, database };
}
