// `npx tsx scripts/build-cli.ts [outFile]` (default dist/cli/timeslice.cjs): the Timeslice CLI as one
// prebuilt file, so a command starts without compiling TypeScript at every run (tsx costs ~0.3 s per
// start on the 2-core dev box): `node dist/cli/timeslice.cjs ostep scheduler -s 3 -c`, or run the file
// itself. CommonJS because Node starts a CJS file a little sooner than an ES module; the commands'
// dynamic imports become lazily initialised parts of the same file, so one command still only evaluates
// its own modules. A Node startup snapshot of it was measured too and gained nothing over this (see
// docs/ostep.md). bench/ostep.bench.ts builds and times it.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");

export function buildCli(outFile = path.join(ROOT, "dist", "cli", "timeslice.cjs")): string {
  mkdirSync(path.dirname(outFile), { recursive: true });
  const esbuild = path.join(ROOT, "node_modules", ".bin", "esbuild");
  const result = spawnSync(
    esbuild,
    [
      path.join(ROOT, "lib", "cli", "main.ts"),
      "--bundle",
      "--platform=node",
      "--format=cjs",
      "--target=node20",
      "--banner:js=#!/usr/bin/env node",
      `--outfile=${outFile}`,
      "--log-level=error",
    ],
    { cwd: ROOT, encoding: "utf8" },
  );
  if (result.status !== 0)
    throw new Error(
      `esbuild failed: ${(result.stderr || result.stdout || String(result.error)).trim().split("\n")[0]}`,
    );
  chmodSync(outFile, 0o755);
  return outFile;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const out = buildCli(process.argv[2] ? path.resolve(process.argv[2]) : undefined);
  console.log(`built ${path.relative(process.cwd(), out)}`);
}
