// `npm run bench`: runs every bench/*.bench.ts in turn and prints its numbers.
// Benchmarks print figures; they never fail on a threshold (targets are read by people, not asserted).
import { readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const only = process.argv.slice(2);
const dir = import.meta.dirname;
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

for (const file of files) {
  console.log(`\n## ${file.replace(/\.bench\.ts$/, "")}`);
  const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as { default: () => Promise<void> | void };
  await mod.default();
}
