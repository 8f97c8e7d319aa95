import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { derivePostgresSchema } from "@/lib/db/derive-schema";
import { applyMigrations, currentSchema, diffSchemas, listMigrationNames } from "@/lib/db/migrations";
import { prismaPaths } from "@/lib/db/provider";
import { executeScript, schemaCatalog } from "./support/catalog";
import { createTestDatabase, type TestDatabase } from "./support/databases";

const created: TestDatabase[] = [];
afterAll(async () => {
  await Promise.all(created.map((d) => d.drop()));
});

async function fresh(provider: "sqlite" | "postgresql") {
  const db = await createTestDatabase(provider);
  created.push(db);
  return db;
}

describe("schemas", () => {
  it("keeps the derived PostgreSQL schema in sync with prisma/schema.prisma", () => {
    const source = readFileSync(prismaPaths("sqlite").schema, "utf8");
    expect(readFileSync(prismaPaths("postgresql").schema, "utf8")).toBe(derivePostgresSchema(source));
  });

  it.each(["sqlite", "postgresql"] as const)("has a %s migration for every change to the models", (provider) => {
    const names = listMigrationNames(provider);
    expect(names.length).toBeGreaterThan(0);
    const last = readFileSync(path.join(prismaPaths(provider).migrations, names.at(-1)!, "schema.prisma"), "utf8");
    expect(last, "prisma/schema.prisma changed without `npm run db:migration -- <name>`").toBe(currentSchema(provider));
  });

  it("has the same migration folders for both providers", () => {
    expect(listMigrationNames("postgresql")).toEqual(listMigrationNames("sqlite"));
  });
});

describe.each(["sqlite", "postgresql"] as const)("%s migrations", (provider) => {
  it("produce exactly the schema the models describe (no drift)", async () => {
    const migrated = await fresh(provider);
    const applied = await applyMigrations(migrated.target);
    expect(applied).toEqual(listMigrationNames(provider));

    // Independent reference: the engine's SQL for "empty database → current models", run by hand.
    const reference = await fresh(provider);
    const sql = await diffSchemas(
      provider === "sqlite" ? reference.target : migrated.target,
      null,
      currentSchema(provider),
    );
    await executeScript(reference.target, sql);

    const actual = await schemaCatalog(migrated.target);
    expect(actual.length).toBeGreaterThan(3);
    expect(actual).toEqual(await schemaCatalog(reference.target));
  });

  it("are idempotent and recorded like prisma migrate deploy", async () => {
    const db = await fresh(provider);
    await applyMigrations(db.target);
    expect(await applyMigrations(db.target)).toEqual([]);
  });
});
