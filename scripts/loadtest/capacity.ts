// `npx tsx scripts/loadtest/capacity.ts --target sqlite|postgres|nginx [--steps 50,100,200,400,700,1000]
//   [--seconds 150] [--ramp 60] [--seed 1] [--port 3300] [--limit-ms 500]`
// How many paced students (load test --pace: sign-ups over a minute, then a page view and a submission
// per 20–40 s) one stack holds at p95 < limit-ms with every acknowledged attempt stored. Runs the load
// test once per step, each on a fresh database, smallest first, and stops at the first step that misses;
// prints one Markdown row per step with the load average before and after it (the machine may be shared).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

const { values: flags } = parseArgs({
  options: {
    target: { type: "string", default: "sqlite" },
    steps: { type: "string", default: "50,100,200,400,700,1000" },
    seconds: { type: "string", default: "150" },
    ramp: { type: "string", default: "60" },
    seed: { type: "string", default: "1" },
    port: { type: "string", default: "3300" },
    "limit-ms": { type: "string", default: "500" },
    // Run every step even after one misses: the latency curve, when the machine is shared.
    all: { type: "boolean", default: false },
  },
});
const target = flags.target;
if (!["sqlite", "postgres", "nginx"].includes(target)) throw new Error("--target must be sqlite, postgres or nginx");
const steps = flags.steps.split(",").map(Number);
if (steps.some((n) => !Number.isInteger(n) || n < 1 || n > 2000)) throw new Error("--steps: integers from 1 to 2000");
const limitMs = Number(flags["limit-ms"]);
const port = Number(flags.port);

interface Summary {
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  steadyP95: number;
  acknowledged: number;
  stored: number;
  ackEqualsStored: boolean;
  auditOk: boolean;
  statuses: Record<string, number>;
  byRoute: string;
  serverCpuMs: number | null;
}

const loadAverage = () => readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");

function runStep(students: number, json: string): Summary | null {
  const loadtest = [
    "--pace",
    `--students ${students}`,
    `--seconds ${flags.seconds}`,
    `--ramp ${flags.ramp}`,
    `--seed ${flags.seed}`,
    `--json ${json}`,
  ];
  const args =
    target === "nginx"
      ? [
          "deploy/two-instances.ts",
          `--nginx-port=${port + 80}`,
          `--http-port=${port + 81}`,
          `--app-ports=${port + 10},${port + 11}`,
          `--loadtest=${loadtest.join(" ")}`,
        ]
      : ["scripts/loadtest/main.ts", "--target", target, "--port", String(port), ...loadtest.join(" ").split(" ")];
  const run = spawnSync(process.execPath, ["--import", "tsx", ...args], { stdio: ["ignore", "inherit", "inherit"] });
  try {
    return JSON.parse(readFileSync(json, "utf8")) as Summary;
  } catch {
    console.error(`step ${students}: the load test wrote no summary (exit ${run.status})`);
    return null;
  }
}

const dir = mkdtempSync(path.join(os.tmpdir(), "timeslice-capacity-"));
const rows: string[] = [];
let held = 0;
let missed = false;
try {
  for (const students of steps) {
    const before = loadAverage();
    const s = runStep(students, path.join(dir, `step-${students}.json`));
    const after = loadAverage();
    const errors = s
      ? Object.entries(s.statuses)
          .filter(([k]) => /\s(5\d\d|network)$/.test(k))
          .reduce((n, [, v]) => n + v, 0)
      : 0;
    const pass = !!s && s.auditOk && s.ackEqualsStored && s.p95 < limitMs;
    rows.push(
      s
        ? `| ${target} | ${students} | ${s.requestsPerSecond.toFixed(1)} | ${s.p50.toFixed(0)} / ${s.p95.toFixed(0)} / ${s.p99.toFixed(0)} | ${s.steadyP95.toFixed(0)} | ${s.acknowledged} / ${s.stored} | ${errors} | ${before} → ${after} | ${pass ? "yes" : "no"} |`
        : `| ${target} | ${students} | – | – | – | – | – | ${before} → ${after} | no (run failed) |`,
    );
    console.log(rows.at(-1));
    if (s) console.log(`p50 / p95 by route (ms): ${s.byRoute}`);
    if (s?.serverCpuMs != null)
      console.log(
        `server CPU: ${(s.serverCpuMs / s.requests).toFixed(1)} ms per request, ${(s.serverCpuMs / 1000 / Number(flags.seconds)).toFixed(2)} cores busy on average`,
      );
    // The capacity is the largest step below which every step held too.
    if (pass && !missed) held = students;
    missed ||= !pass;
    if (missed && !flags.all) break;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(
  "\n| target | students | req/s | p50 / p95 / p99 ms | p95 after ramp | acknowledged / stored | 5xx + network | load average before → after | holds |",
);
console.log("|---|---|---|---|---|---|---|---|---|");
for (const row of rows) console.log(row);
console.log(`\n${target}: largest step held at p95 < ${limitMs} ms with acknowledged = stored: ${held || "none"}`);
