// `npm run db:migration -- <name>`: writes a migration for SQLite and for PostgreSQL from the change
// to prisma/schema.prisma since the last migration. PostgreSQL's diff needs a server to connect to:
// TEST_DATABASE_URL if set, otherwise a throw-away local cluster.
import { createMigration } from "../lib/db/migrations";
import { startThrowawayPostgres } from "../lib/db/throwaway-postgres";
import { writeDerivedSchemas } from "./prisma-schemas";

const name = process.argv[2];
if (!name) {
  console.error("usage: npm run db:migration -- <name>   (lower-case letters, digits, underscores)");
  process.exit(2);
}
writeDerivedSchemas();
const pg = process.env.TEST_DATABASE_URL ? null : await startThrowawayPostgres();
try {
  const written = await createMigration(name, process.env.TEST_DATABASE_URL ?? pg!.url);
  console.log(written.length ? `wrote ${written.join(", ")}` : "no schema changes since the last migration");
} finally {
  pg?.stop();
}
