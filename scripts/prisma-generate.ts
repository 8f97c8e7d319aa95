// postinstall: derive the PostgreSQL schema, then generate both Prisma clients.
// `prisma generate` never runs the schema engine, but the CLI insists on finding its native binary,
// which cannot be downloaded here; any executable satisfies the check (see shared stack notes).
import { execFileSync } from "node:child_process";
import { prismaPaths } from "../lib/db/provider";
import { writeDerivedSchemas } from "./prisma-schemas";

writeDerivedSchemas();
for (const provider of ["sqlite", "postgresql"] as const) {
  execFileSync(
    process.execPath,
    ["node_modules/prisma/build/index.js", "generate", "--schema", prismaPaths(provider).schema],
    {
      stdio: ["ignore", "ignore", "inherit"],
      env: {
        ...process.env,
        PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
        PRISMA_HIDE_UPDATE_MESSAGE: "1",
        CHECKPOINT_DISABLE: "1",
      },
    },
  );
}
