// `npx tsx scripts/property-seeds.ts [seed…]`: every property test (fast-check) file, once per pinned
// seed, so CI replays the same cases every time; the ordinary unit run adds one random seed and prints
// it. FC_SEED replays one seed by hand: FC_SEED=2 npx vitest run lib/engine/procstates/procstates.prop.test.ts
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
export const PINNED_SEEDS = [1, 2, 3];

/** Unit test files that use fast-check (integration tests and e2e choose their own inputs). */
export function propertyTestFiles(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const rel = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(rel);
      else if (rel.endsWith(".test.ts") && /from "fast-check"/.test(readFileSync(path.join(ROOT, rel), "utf8")))
        found.push(rel);
    }
  };
  for (const dir of ["lib", "components"]) walk(dir);
  return found.sort();
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const seeds = process.argv.length > 2 ? process.argv.slice(2).map(Number) : PINNED_SEEDS;
  if (!seeds.every(Number.isSafeInteger)) throw new Error(`seeds must be integers: ${process.argv.slice(2).join(" ")}`);
  const files = propertyTestFiles();
  for (const seed of seeds) {
    console.log(`\nproperty tests with FC_SEED=${seed} (${files.length} files)`);
    const run = spawnSync("npx", ["vitest", "run", "--project", "unit", ...files], {
      stdio: "inherit",
      cwd: ROOT,
      env: { ...process.env, FC_SEED: String(seed) },
    });
    if (run.status !== 0) process.exit(run.status ?? 1);
  }
}
