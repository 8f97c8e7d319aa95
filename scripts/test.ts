// `npm test`: the whole suite, in the order that fails fastest on the cheapest mistakes.
// Type check and lint, unit and integration tests (Vitest, real SQLite file and real PostgreSQL),
// the reality corpora (real node and gcc runs, on their own so that nothing else loads the machine),
// then end-to-end tests (Playwright driving Chromium against `next start`).
import { spawnSync } from "node:child_process";

const STEPS: [name: string, command: string, args: string[]][] = [
  ["typecheck", "npx", ["tsc", "--noEmit"]],
  ["typecheck engine (no DOM, no Node)", "npx", ["tsc", "-p", "lib/engine", "--noEmit"]],
  ["lint", "npx", ["eslint", ".", "--max-warnings", "0"]],
  ["format (prettier --check; npm run format fixes it)", "npx", ["prettier", "--check", ".", "--log-level", "warn"]],
  [
    "unit + integration tests (property tests on one random seed, printed)",
    "npx",
    ["vitest", "run", "--project", "unit", "--project", "integration"],
  ],
  ["property tests on the pinned seeds", "npx", ["tsx", "scripts/property-seeds.ts"]],
  // Their orders hinge on timing: alone, after the other Vitest runs, they do not compete with them for the CPU.
  ["reality corpora (event loop vs node, fork vs gcc)", "npx", ["vitest", "run", "--project", "corpus"]],
  ["end-to-end tests", "npx", ["playwright", "test"]],
];

process.env.NEXT_TELEMETRY_DISABLED = "1";
const only = process.argv.slice(2);
const results: { name: string; ok: boolean; seconds: number }[] = [];
for (const [name, command, args] of STEPS) {
  if (only.length && !only.some((o) => name.includes(o))) continue;
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const run = spawnSync(command, args, { stdio: "inherit" });
  results.push({ name, ok: run.status === 0, seconds: (Date.now() - started) / 1000 });
  if (run.status !== 0) break;
}
console.log("\nSummary:");
for (const r of results) console.log(`  ${r.ok ? "ok  " : "FAIL"} ${r.name} (${r.seconds.toFixed(1)} s)`);
process.exit(results.every((r) => r.ok) && results.length > 0 ? 0 : 1);
