// `npm run loadtest -- [--students 200] [--seconds 60] [--target sqlite|postgres|nginx] [--faults]
//   [--pace [--ramp 60] [--think-min 20] [--think-max 40] [--seed 1]] [--json FILE]`
// N simulated students over real HTTP against the production build, then an audit of the database:
// every acknowledged (2xx) attempt must be stored. Without --pace every student submits as fast as it
// can (a stress test); with it, students sign up spread over --ramp seconds and then view a page and
// submit once per 20–40 s, jittered from --seed (a class; scripts/loadtest/capacity.ts steps N).
// Loopback only; every loop is bounded in time and count.
// See docs/operations.md for the figures and how to read them.
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { prepareDatabase } from "../../lib/db/prepare";
import { resolveDbTarget } from "../../lib/db/provider";
import { audit, publishedSlugs } from "./db";
import { PacedLoop, seededRandom, sleep, Student } from "./client";
import { startRestartablePostgres, type RestartablePostgres } from "./postgres";
import { AppServer, ensureBuild, waitForHttp } from "./server";
import { printTable, Stats } from "./stats";

const { values: flags } = parseArgs({
  options: {
    students: { type: "string", default: "200" },
    seconds: { type: "string", default: "60" },
    target: { type: "string", default: "sqlite" },
    faults: { type: "boolean", default: false },
    port: { type: "string", default: "3300" },
    // --target nginx: the stack is already running (deploy/two-instances.sh); its URL and database.
    base: { type: "string", default: "http://127.0.0.1:3380" },
    "database-url": { type: "string" },
    rebuild: { type: "boolean", default: false },
    pace: { type: "boolean", default: false },
    ramp: { type: "string", default: "60" },
    "think-min": { type: "string", default: "20" },
    "think-max": { type: "string", default: "40" },
    seed: { type: "string", default: "1" },
    json: { type: "string" },
  },
});

const students = bounded(flags.students, 1, 2000, "--students");
const seconds = bounded(flags.seconds, 5, 3600, "--seconds");
const port = bounded(flags.port, 1024, 65535, "--port");
const target = flags.target;
const rampSeconds = bounded(flags.ramp, 0, 600, "--ramp");
const thinkMs = { min: bounded(flags["think-min"], 1, 600, "--think-min") * 1000, max: 0 };
thinkMs.max = bounded(flags["think-max"], thinkMs.min / 1000, 600, "--think-max") * 1000;
const paceSeed = bounded(flags.seed, 0, 2 ** 31 - 1, "--seed");
if (!["sqlite", "postgres", "nginx"].includes(target)) throw new Error("--target must be sqlite, postgres or nginx");
const MAX_SUBMISSIONS_PER_STUDENT = 100_000;
const KILLS = 5;

function bounded(raw: string, min: number, max: number, name: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be an integer from ${min} to ${max}`);
  return n;
}

function assertLoopback(url: string): void {
  const host = new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host))
    throw new Error(`refusing to load-test a non-loopback host: ${host}`);
}

const secret = randomBytes(32).toString("base64url");
let pg: RestartablePostgres | null = null;
let app: AppServer | null = null;
let databaseUrl: string;
if (target === "sqlite") {
  rmSync("data/loadtest", { recursive: true, force: true });
  mkdirSync("data/loadtest", { recursive: true });
  databaseUrl = "file:./data/loadtest/timeslice.db";
} else if (target === "postgres") {
  pg = startRestartablePostgres(port + 50);
  databaseUrl = pg.url;
} else {
  databaseUrl = flags["database-url"] ?? process.env.DATABASE_URL ?? "";
  if (!databaseUrl)
    throw new Error("--target nginx needs --database-url (or DATABASE_URL) of the stack's database, for the audit");
}
const dbTarget = resolveDbTarget(databaseUrl);

try {
  let base = flags.base;
  if (target !== "nginx") {
    await prepareDatabase(dbTarget, { demoAccounts: true });
    ensureBuild(flags.rebuild);
    app = new AppServer(port, { databaseUrl, secret });
    await app.start();
    base = app.base;
  }
  assertLoopback(base);
  const slugs = await publishedSlugs(dbTarget);
  if (slugs.length === 0) throw new Error("no published questions in the database");

  const stats = new Stats();
  const emailPrefix = `load-${Date.now().toString(36)}-`;
  const started = Date.now();
  const deadline = started + seconds * 1000;
  console.log(
    `${students} students × ${seconds} s against ${base} (${target}${flags.faults ? ", with faults" : ""}); ${slugs.length} published questions`,
  );

  const rampEnd = started + (flags.pace ? rampSeconds * 1000 : 0);
  const cpuBefore = app?.cpuMs() ?? null;
  const load = Promise.all(
    Array.from({ length: students }, async (_, i) => {
      const student = new Student(base, stats, emailPrefix);
      if (flags.pace) {
        // Each student its own seeded stream: the same --seed gives the same arrivals and think times.
        const random = seededRandom(paceSeed * 1_000_003 + i);
        await sleep(((i + random()) / students) * rampSeconds * 1000);
        if (await student.signIn(deadline)) await new PacedLoop(student, { random, thinkMs }).run(slugs, deadline);
        return;
      }
      // Arrivals spread over the first few seconds, as a class opening the link does.
      await sleep((i / students) * Math.min(5_000, seconds * 200));
      if (await student.signIn(deadline)) await student.submitLoop(slugs, deadline, MAX_SUBMISSIONS_PER_STUDENT);
    }),
  );
  const faults = flags.faults ? runFaults(started, deadline, stats) : Promise.resolve([] as string[]);
  const [, faultLog] = await Promise.all([load, faults]);
  const elapsed = (Date.now() - started) / 1000;
  const cpuAfter = app?.cpuMs() ?? null;
  // Meaningless across restarts (--faults) and not measured behind nginx (two servers started elsewhere).
  const serverCpuMs = cpuBefore !== null && cpuAfter !== null && !flags.faults ? cpuAfter - cpuBefore : null;

  const result = await audit(dbTarget, stats.acknowledgedIds, emailPrefix);
  const steadyP50 = stats.percentile(50, rampEnd);
  const steadyP95 = stats.percentile(95, rampEnd);
  // Every acknowledged attempt is stored. Stored may exceed acknowledged by writes whose answer never
  // reached the student: killed with the server (--faults), or given up by the client (60 s timeout, and
  // retries end 15 s after the run), as a browser's user gives up; those are counted, not failures.
  const ackEqualsStored = result.missing === 0;
  const unacknowledged = result.stored - (stats.acknowledgedIds.size - result.missing);
  const byStatus = [...stats.statuses]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}: ${v}`)
    .join(", ");
  printTable([
    ["target", target],
    ["students × seconds", `${students} × ${seconds} (ran ${elapsed.toFixed(1)} s)`],
    [
      "pace",
      flags.pace
        ? `sign-ups over ${rampSeconds} s, a page view and a submission per ${thinkMs.min / 1000}–${thinkMs.max / 1000} s, seed ${paceSeed}`
        : "none (every student as fast as it can)",
    ],
    ["requests", stats.requests],
    ["requests/s", (stats.requests / elapsed).toFixed(1)],
    [
      "latency p50 / p95 / p99 (ms)",
      `${stats.percentile(50).toFixed(0)} / ${stats.percentile(95).toFixed(0)} / ${stats.percentile(99).toFixed(0)}`,
    ],
    ...(flags.pace
      ? [
          ["latency p50 / p95 after the ramp (ms)", `${steadyP50.toFixed(0)} / ${steadyP95.toFixed(0)}`] as [
            string,
            string,
          ],
        ]
      : []),
    ["p50 / p95 by route (ms)", stats.byRoute()],
    [
      "server CPU ms per request (all routes)",
      serverCpuMs === null ? "not measured" : (serverCpuMs / stats.requests).toFixed(1),
    ],
    ["responses by route and status", byStatus],
    [
      "attempts acknowledged (2xx, distinct)",
      `${stats.acknowledgedIds.size} (${stats.attemptsAcknowledged} 2xx answers incl. replays of retried submissions)`,
    ],
    ["attempts stored (distinct ids)", result.stored],
    ["acknowledged but missing", result.missing],
    ["acknowledged = stored", ackEqualsStored ? "yes" : "NO"],
    ["stored, answer never received (client gave up or server killed)", unacknowledged],
    ["consistency", result.integrity],
    ...faultLog.map((line, i) => [`fault ${i + 1}`, line] as [string, string]),
  ]);
  // Duplicated acknowledgements (a replayed submissionId) count once; stored can exceed acknowledged
  // only by writes whose response was lost in a crash, which is allowed.
  const ok =
    result.missing === 0 &&
    /integrity_check=ok|invalid indexes=0/.test(result.integrity) &&
    /orphans=0; counters behind=0/.test(result.integrity);
  console.log(ok ? "\nAUDIT OK: every acknowledged attempt is stored, data consistent" : "\nAUDIT FAILED");
  if (flags.json)
    writeFileSync(
      flags.json,
      JSON.stringify({
        target,
        students,
        seconds,
        pace: flags.pace,
        requests: stats.requests,
        requestsPerSecond: stats.requests / elapsed,
        p50: stats.percentile(50),
        p95: stats.percentile(95),
        p99: stats.percentile(99),
        steadyP95,
        byRoute: stats.byRoute(),
        serverCpuMs,
        statuses: Object.fromEntries(stats.statuses),
        acknowledged: stats.acknowledgedIds.size,
        stored: result.stored,
        missing: result.missing,
        ackEqualsStored,
        unacknowledged,
        integrity: result.integrity,
        auditOk: ok,
      }),
    );
  process.exitCode = ok ? 0 : 1;
} finally {
  app?.stop();
  pg?.stop();
}

/** kill -9 the app KILLS times during the run (and crash PostgreSQL once, on that target). */
async function runFaults(started: number, deadline: number, stats: Stats): Promise<string[]> {
  const log: string[] = [];
  if (!app) return ["faults need a target the load test starts itself (sqlite or postgres)"];
  const span = deadline - started;
  const events = KILLS + (pg ? 1 : 0);
  for (let k = 0; k < events; k++) {
    await sleep(Math.max(0, started + ((k + 1) * span) / (events + 1) - Date.now()));
    if (Date.now() > deadline - 3_000) break;
    if (pg && k === Math.floor(events / 2)) {
      const before = statusCount(stats);
      pg.crash();
      const down = Date.now();
      await sleep(5_000);
      pg.start();
      const up = Date.now();
      const ackAtUp = stats.attemptsAcknowledged;
      while (stats.attemptsAcknowledged === ackAtUp && Date.now() < deadline) await sleep(50);
      const after = statusCount(stats);
      const delta = (s: string) => (after.get(s) ?? 0) - (before.get(s) ?? 0);
      log.push(
        `postgres crashed for ${((up - down) / 1000).toFixed(1)} s; first acknowledged attempt ${((Date.now() - up) / 1000).toFixed(1)} s after it came back; meanwhile 503: ${delta("503")}, 500: ${delta("500")}, network errors: ${delta("network")}`,
      );
      continue;
    }
    await app.kill9();
    const killed = Date.now();
    await app.start();
    log.push(`kill -9 of next start; serving again after ${((Date.now() - killed) / 1000).toFixed(1)} s`);
  }
  await waitForHttp(app.base, 60_000);
  return log;
}

function statusCount(stats: Stats): Map<string, number> {
  const out = new Map<string, number>();
  for (const [key, n] of stats.statuses) {
    const status = key.split(" ")[1]!;
    out.set(status, (out.get(status) ?? 0) + n);
  }
  return out;
}
