// Writes prisma/postgres/schema.prisma from prisma/schema.prisma.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { derivePostgresSchema } from "../lib/db/derive-schema";
import { prismaPaths } from "../lib/db/provider";

export function writeDerivedSchemas(root = process.cwd()): void {
  const source = readFileSync(prismaPaths("sqlite", root).schema, "utf8");
  const target = prismaPaths("postgresql", root).schema;
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, derivePostgresSchema(source));
}

if (import.meta.url === `file://${process.argv[1]}`) writeDerivedSchemas();
