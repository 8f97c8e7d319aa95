// Prisma 7 reads the datasource URL here, not from schema.prisma. The app itself never uses this file
// (it builds its own driver adapter in lib/server/db.ts); it serves the Prisma CLI on machines that can
// download the native schema engine.
import { defineConfig } from "prisma/config";

const url = process.env.DATABASE_URL ?? "file:./data/timeslice.db";
const postgres = url.startsWith("postgres");

export default defineConfig({
  schema: postgres ? "prisma/postgres/schema.prisma" : "prisma/schema.prisma",
  migrations: { path: postgres ? "prisma/postgres/migrations" : "prisma/migrations" },
  datasource: { url },
});
