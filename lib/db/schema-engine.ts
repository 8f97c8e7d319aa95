// Drives Prisma's official WebAssembly schema engine (@prisma/schema-engine-wasm) through a driver
// adapter. The Prisma CLI's native engine cannot be downloaded on our machines; the WASM build is the
// same engine, so migrations it applies are recorded in _prisma_migrations exactly as
// `prisma migrate deploy` records them, and the usual CLI keeps working wherever it can run.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import type { DbTarget } from "./provider";

type Bindings = typeof import("@prisma/schema-engine-wasm");

let bindings: Promise<Bindings> | undefined;

// The package entry imports the .wasm file as an ES module, which Node 20 only allows behind
// --experimental-wasm-modules; instantiate it by hand instead.
function loadBindings(): Promise<Bindings> {
  bindings ??= (async () => {
    const require = createRequire(import.meta.url);
    const bgPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bg = (await import(pathToFileURL(bgPath).href)) as Bindings & {
      __wbg_set_wasm(exports: WebAssembly.Exports): void;
    };
    const bytes = readFileSync(path.join(path.dirname(bgPath), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, {
      "./schema_engine_bg.js": bg as unknown as WebAssembly.ModuleImports,
    });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bg;
  })();
  return bindings;
}

export function adapterFactoryFor(target: DbTarget) {
  return target.provider === "sqlite"
    ? new PrismaBetterSqlite3({ url: `file:${target.url}` })
    : new PrismaPg({ connectionString: target.url });
}

export async function withSchemaEngine<T>(
  target: DbTarget,
  datamodel: { name: string; text: string },
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const { SchemaEngine } = await loadBindings();
  // engine.free() does not close the connections the engine opened (an open SQLite handle keeps its
  // lock), so track them and dispose of them ourselves.
  const factory = adapterFactoryFor(target);
  const opened: SqlDriverAdapter[] = [];
  const tracking: SqlMigrationAwareDriverAdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const adapter = await factory.connect();
      opened.push(adapter);
      return adapter;
    },
    connectToShadowDb: async () => {
      const adapter = await factory.connectToShadowDb();
      opened.push(adapter);
      return adapter;
    },
  };
  const engine = await SchemaEngine.new(
    { datamodels: [[datamodel.name, datamodel.text]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(tracking),
  );
  try {
    return await work(engine);
  } finally {
    engine.free();
    await Promise.all(opened.map((adapter) => adapter.dispose().catch(() => {})));
  }
}

export const NO_FILTERS = { externalTables: [], externalEnums: [] };
