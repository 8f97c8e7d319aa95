// prisma/schema.prisma (SQLite) is the one source of truth; Prisma fixes one provider per schema file,
// so the PostgreSQL schema is derived from it mechanically and checked by a test to stay in sync.

const HEADER = "// GENERATED from prisma/schema.prisma by `npm run db:schemas`. Do not edit.\n";

export function derivePostgresSchema(sqliteSchema: string): string {
  const replaced = sqliteSchema
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace(/output\s*=\s*"\.\/generated\/sqlite"/, 'output   = "../generated/postgres"');
  if (replaced.includes('"sqlite"') || !replaced.includes('"../generated/postgres"')) {
    throw new Error("prisma/schema.prisma no longer has the expected datasource/generator lines");
  }
  return HEADER + replaced;
}
