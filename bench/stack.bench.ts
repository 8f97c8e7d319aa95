// Grading through the whole stack versus a minimal node:http server, side by side in one run.
//
// Both servers run on the same SQLite file (same pragmas, via createPrismaClient) and are driven by
// autocannon with the same settings: CONNECTIONS keep-alive connections, each sending its next request as
// soon as the previous answer has arrived. They are measured one after the other, never at once, and
// alternately over ROUNDS rounds so a change in the machine's load hits both; the medians over rounds
// are printed.
//
// Same work per graded answer on both sides: the built variant for (version, seed) taken from a bounded
// LRU (built on a miss), checkAnswer + gradeAnswer, and one Attempt row inserted by insertAttempt.
// The stack adds what a real submission costs: Next's route and proxy, the JWT session check and the
// user's row, zod, the variant's row and its question's status, the attempt-number claim and the
// progress/statistics updates in the same transaction. Breakdown lines show the floors: the framework
// with one trivial query and no session (GET /api/health), and a signed-in route doing one indexed count
// (GET /api/review/count), against the minimal server's equivalent of the first.
// Prints, never asserts. Env: STACK_BENCH_ROUNDS (3), STACK_BENCH_SECONDS (10), STACK_BENCH_ONLY (a workload
// name's part), NEXT_DIST_DIR, CPU_PROFILE_DIR (see scripts/loadtest/server.ts).
import { spawn } from "node:child_process";
import { randomBytes, randomInt } from "node:crypto";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import autocannon from "autocannon";
import type { RequestParams } from "autocannon";
import { LRUCache } from "lru-cache";
import { createPrismaClient } from "../lib/db/client";
import { insertAttempt } from "../lib/server/dal/insert-attempt";
import { prepareDatabase } from "../lib/db/prepare";
import { resolveDbTarget } from "../lib/db/provider";
import { buildVariant, checkAnswer, ENGINE_VERSION, gradeAnswer, validateTemplate } from "../lib/engine";
import type { QuestionTemplate, Variant } from "../lib/engine";
import type { SubmitAttemptInput } from "../lib/validation/attempts";
import { arbitraryAnswer, Student } from "../scripts/loadtest/client";
import { publishedSlugs } from "../scripts/loadtest/db";
import { pidListeningOn } from "../scripts/proc";
import { AppServer, ensureBuild } from "../scripts/loadtest/server";
import { Stats } from "../scripts/loadtest/stats";

const DATABASE_URL = "file:./data/bench-stack/timeslice.db";
const CONNECTIONS = 16;
/** Variants per connection, cycled through, so every published question is graded about equally. */
const VARIANTS_PER_CONNECTION = 4;
const ROUNDS = Number(process.env.STACK_BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.STACK_BENCH_SECONDS ?? 10);
const FLOOR_SECONDS = Math.max(2, Math.round(SECONDS / 2));
const NEXT_PORT = 3331;
const MINIMAL_PORT = 3332;
const MINIMAL_EMAIL = "bench-minimal@example.com";

type Parts = Parameters<typeof arbitraryAnswer>[0];

// ---------------------------------------------------------------------------------------------------
// The minimal server: what grading needs and nothing else (no session, no framework, one row written).

async function serveMinimal(): Promise<void> {
  const db = createPrismaClient(resolveDbTarget(DATABASE_URL));
  // The app's own data-access layer, for the like-for-like row: the parent starts this process with the
  // react-server condition (so "server-only" imports resolve) and DATABASE_URL set to the same file.
  const { submitAttempt } = await import("../lib/server/dal/attempts");
  const user = await db.user.upsert({
    where: { email: MINIMAL_EMAIL },
    create: { email: MINIMAL_EMAIL, name: "Bench minimal", passwordHash: "-" },
    update: {},
  });
  const versions = await db.questionVersion.findMany({
    where: { template: { status: "PUBLISHED" } },
    include: { template: true },
  });
  const questions = new Map<string, { spec: QuestionTemplate; templateId: string; versionId: string }>();
  for (const v of versions) {
    const checked = validateTemplate(v.spec);
    if (v.version === v.template.currentVersion && checked.ok)
      questions.set(v.template.slug, { spec: checked.value, templateId: v.templateId, versionId: v.id });
  }
  // The same bounded cache as lib/server/dal/variants.ts.
  const built = new LRUCache<string, Variant>({ max: 4096 });
  const variants = new Map<string, { slug: string; seed: number; next: number }>();
  const buildOf = (slug: string, seed: number): Variant | null => {
    const q = questions.get(slug)!;
    const key = `${q.versionId}:${seed}:${ENGINE_VERSION}`;
    const hit = built.get(key);
    if (hit) return hit;
    const result = buildVariant(q.spec, seed);
    if (!result.ok) return null;
    built.set(key, result.value);
    return result.value;
  };
  const json = (response: import("node:http").ServerResponse, status: number, body: unknown) =>
    response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));

  createServer((req, response) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      try {
        if (req.method === "GET" && req.url === "/health") {
          await db.$queryRaw`SELECT 1`;
          return json(response, 200, { status: "ok" });
        }
        const body = JSON.parse(Buffer.concat(chunks).toString() || "{}") as {
          slug?: string;
          submissionId?: string;
          answer?: unknown;
        };
        if (req.method === "POST" && req.url === "/variants") {
          const q = questions.get(body.slug ?? "");
          if (!q) return json(response, 404, {});
          const row = await db.variant.create({
            data: {
              userId: user.id,
              templateId: q.templateId,
              versionId: q.versionId,
              seed: randomInt(0, 2 ** 31 - 1),
              engineVersion: ENGINE_VERSION,
            },
          });
          const variant = buildOf(body.slug!, row.seed);
          if (!variant) return json(response, 500, {});
          variants.set(row.id, { slug: body.slug!, seed: row.seed, next: 1 });
          return json(response, 201, { variantId: row.id, view: variant.view });
        }
        const viaDal = /^\/dal\/variants\/([^/]+)\/attempts$/.exec(req.url ?? "");
        if (req.method === "POST" && viaDal) {
          // Exactly what the route calls once the session, the user's row and zod have passed.
          const result = await submitAttempt(user, viaDal[1]!, body as SubmitAttemptInput);
          return json(response, result.replayed ? 200 : 201, result);
        }
        const match = /^\/variants\/([^/]+)\/attempts$/.exec(req.url ?? "");
        const v = match ? variants.get(match[1]!) : undefined;
        if (req.method !== "POST" || !v) return json(response, 404, {});
        const q = questions.get(v.slug)!;
        const variant = buildOf(v.slug, v.seed)!;
        const checked = checkAnswer(variant.view, body.answer);
        if (!checked.ok) return json(response, 400, { error: checked.errors[0] });
        const attemptNumber = v.next++;
        const report = gradeAnswer(q.spec, variant, checked.value, { attemptNumber, hintsUsed: 0 });
        const row = {
          userId: user.id,
          variantId: match![1]!,
          templateId: q.templateId,
          versionId: q.versionId,
          seed: v.seed,
          engineVersion: ENGINE_VERSION,
          attemptNumber,
          submissionId: body.submissionId ?? randomBytes(12).toString("base64url"),
          answer: checked.value,
          score: report.score,
          correct: report.correct,
          report,
          hintsUsed: 0,
        };
        const stored = await insertAttempt(db, row);
        return json(response, 201, {
          attempt: { ...row, ...stored, createdAt: stored.createdAt.toISOString() },
          replayed: false,
          explanation: q.spec.explanation,
        });
      } catch (error) {
        console.error(error);
        json(response, 500, {});
      }
    });
  }).listen(MINIMAL_PORT, "127.0.0.1");
}

// ---------------------------------------------------------------------------------------------------
// The load: autocannon, one request in flight per connection, no Accept-Encoding (so no compression on
// either side); latency percentiles over the expected answers only.

interface Req {
  method: "GET" | "POST";
  path: string;
  cookie?: string;
  body?: string;
}

interface Run {
  rps: number;
  p50: number;
  p99: number;
  /** Answers with the expected status. */
  ok: number;
  /** Requests written but never answered: in flight when autocannon stopped, timed out, or lost with a connection. */
  unanswered: number;
  /** The server process's CPU time per successful request: moved much less than req/s by other load on the machine. */
  cpuMs: number;
  errors: Map<string, number>;
}

/** User + system CPU time of a process in ms (clock ticks of 10 ms). */
function cpuTimeMs(pid: number | null): number {
  if (pid === null) return NaN;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

const SERVER_PIDS = new Map<number, number | null>();

function asParams(r: Req): RequestParams {
  const headers: Record<string, string> = {};
  if (r.cookie) headers.cookie = r.cookie;
  if (r.body === undefined) return { method: r.method, path: r.path, headers };
  headers["content-type"] = "application/json";
  return { method: r.method, path: r.path, headers, body: r.body };
}

async function cannon(port: number, seconds: number, expect: number, next: (connection: number) => Req): Promise<Run> {
  const pid = SERVER_PIDS.get(port) ?? null;
  let connections = 0;
  const cpuBefore = cpuTimeMs(pid);
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    duration: seconds,
    timeout: 60,
    excludeErrorStats: true,
    // Each connection gets its own request maker (its cookie, its variants). setupRequest runs before every
    // send, so every graded answer carries a fresh submissionId and none is answered as a replay. The
    // spread keeps autocannon's host and port, which it reads from what setupRequest returns.
    setupClient: (client) => {
      const c = connections++;
      client.setRequests([{ setupRequest: (req) => ({ ...req, ...asParams(next(c)) }) }]);
    },
  });
  const ok = result.statusCodeStats[expect]?.count ?? 0;
  const cpuMs = (cpuTimeMs(pid) - cpuBefore) / Math.max(1, ok);
  const errors = new Map<string, number>();
  let answered = 0;
  for (const [status, { count }] of Object.entries(result.statusCodeStats)) {
    answered += count;
    if (Number(status) !== expect) errors.set(status, count);
  }
  if (result.timeouts) errors.set("timeout", result.timeouts);
  if (result.errors > result.timeouts) errors.set("connection error", result.errors - result.timeouts);
  return {
    rps: ok / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok,
    unanswered: result.requests.sent - answered,
    cpuMs,
    errors,
  };
}

// ---------------------------------------------------------------------------------------------------

interface Side {
  port: number;
  /** Per connection: its cookie (stack only) and its variants, with the answer shape of each. */
  connections: { cookie?: string; variants: { id: string; parts: Parts }[] }[];
  attemptPath: (variantId: string) => string;
  variantPath: string;
}

const attemptRequest = (side: Side) => {
  const turn = new Array<number>(CONNECTIONS).fill(0);
  return (c: number): Req => {
    const conn = side.connections[c]!;
    const v = conn.variants[turn[c]!++ % conn.variants.length]!;
    const body = JSON.stringify({
      submissionId: randomBytes(12).toString("base64url"),
      answer: { parts: arbitraryAnswer(v.parts) },
    });
    return { method: "POST", path: side.attemptPath(v.id), cookie: conn.cookie, body };
  };
};

const variantRequest = (side: Side, slugs: string[]) => {
  let n = 0;
  return (c: number): Req => ({
    method: "POST",
    path: side.variantPath,
    cookie: side.connections[c]!.cookie,
    body: JSON.stringify({ slug: slugs[n++ % slugs.length] }),
  });
};

async function openVariants(
  port: number,
  path: string,
  cookie: string | undefined,
  slugs: string[],
): Promise<{ id: string; parts: Parts }[]> {
  const out: { id: string; parts: Parts }[] = [];
  for (const slug of slugs) {
    const headers: Record<string, string> = { "content-type": "application/json", ...(cookie ? { cookie } : {}) };
    const r = await fetch(`http://127.0.0.1:${port}${path}`, {
      method: "POST",
      headers,
      body: JSON.stringify({ slug }),
    });
    const text = await r.text();
    if (r.status !== 201)
      throw new Error(`creating a variant of ${slug} on :${port}: HTTP ${r.status} ${text.slice(0, 200)}`);
    const body = JSON.parse(text) as { variantId: string; view: { parts: Parts } };
    out.push({ id: body.variantId, parts: body.view.parts });
  }
  return out;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

export default async function stackBench(): Promise<void> {
  rmSync("data/bench-stack", { recursive: true, force: true });
  mkdirSync("data/bench-stack", { recursive: true });
  const target = resolveDbTarget(DATABASE_URL);
  await prepareDatabase(target, { demoAccounts: true });
  ensureBuild();
  const app = new AppServer(NEXT_PORT, { databaseUrl: DATABASE_URL, secret: randomBytes(32).toString("base64url") });
  const minimal = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", import.meta.filename], {
    env: { ...process.env, STACK_BENCH_MINIMAL: "1", DATABASE_URL, NODE_ENV: "production" },
    stdio: "inherit",
  });
  try {
    await app.start();
    await waitForMinimal();
    const slugs = await publishedSlugs(target);
    for (const port of [NEXT_PORT, MINIMAL_PORT]) SERVER_PIDS.set(port, pidListeningOn(port));

    const students = Array.from({ length: CONNECTIONS }, () => new Student(app.base, new Stats(), "bench-stack-"));
    await Promise.all(students.map((s) => s.signIn(Date.now() + 120_000)));
    const slugsOf = (c: number) =>
      Array.from({ length: VARIANTS_PER_CONNECTION }, (_, k) => slugs[(c + k * CONNECTIONS) % slugs.length]!);
    const stack: Side = {
      port: NEXT_PORT,
      connections: [],
      attemptPath: (id) => `/api/variants/${id}/attempts`,
      variantPath: "/api/variants",
    };
    const bare: Side = {
      port: MINIMAL_PORT,
      connections: [],
      attemptPath: (id) => `/variants/${id}/attempts`,
      variantPath: "/variants",
    };
    const dal: Side = {
      port: MINIMAL_PORT,
      connections: [],
      attemptPath: (id) => `/dal/variants/${id}/attempts`,
      variantPath: "/variants",
    };
    for (let c = 0; c < CONNECTIONS; c++) {
      const cookie = students[c]!.cookieHeader();
      stack.connections.push({
        cookie,
        variants: await openVariants(NEXT_PORT, stack.variantPath, cookie, slugsOf(c)),
      });
      bare.connections.push({ variants: await openVariants(MINIMAL_PORT, bare.variantPath, undefined, slugsOf(c)) });
      dal.connections.push({ variants: await openVariants(MINIMAL_PORT, dal.variantPath, undefined, slugsOf(c)) });
    }

    const allWorkloads = [
      {
        name: "grade an answer",
        stack: () => cannon(NEXT_PORT, SECONDS, 201, attemptRequest(stack)),
        minimal: () => cannon(MINIMAL_PORT, SECONDS, 201, attemptRequest(bare)),
      },
      {
        name: "grade, minimal calls the DAL",
        stack: () => cannon(NEXT_PORT, SECONDS, 201, attemptRequest(stack)),
        minimal: () => cannon(MINIMAL_PORT, SECONDS, 201, attemptRequest(dal)),
      },
      {
        name: "new variant",
        stack: () => cannon(NEXT_PORT, FLOOR_SECONDS, 201, variantRequest(stack, slugs)),
        minimal: () => cannon(MINIMAL_PORT, FLOOR_SECONDS, 201, variantRequest(bare, slugs)),
      },
      {
        name: "floor: health, no session",
        stack: () => cannon(NEXT_PORT, FLOOR_SECONDS, 200, () => ({ method: "GET", path: "/api/health" })),
        minimal: () => cannon(MINIMAL_PORT, FLOOR_SECONDS, 200, () => ({ method: "GET", path: "/health" })),
      },
      {
        name: "floor: signed-in count",
        stack: () =>
          cannon(NEXT_PORT, FLOOR_SECONDS, 200, (c) => ({
            method: "GET",
            path: "/api/review/count",
            cookie: stack.connections[c]!.cookie,
          })),
        minimal: null,
      },
    ] as const;
    // STACK_BENCH_ONLY=<part of a name>: run just those workloads (e.g. "grade" while profiling the server).
    const workloads = allWorkloads.filter((w) => w.name.includes(process.env.STACK_BENCH_ONLY ?? ""));

    // Warm-up: JIT, the variant caches and SQLite's page cache, on both sides.
    for (const w of workloads) {
      await w.stack();
      await w.minimal?.();
    }
    const stackBefore = await countAttempts(target, MINIMAL_EMAIL, false);
    const minimalBefore = await countAttempts(target, MINIMAL_EMAIL, true);

    const results = workloads.map(() => ({ stack: [] as Run[], minimal: [] as Run[] }));
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, w] of workloads.entries()) {
        // Alternate which side goes first, so neither always runs right after the other's writes.
        const first = round % 2 === 0;
        if (!first && w.minimal) results[i]!.minimal.push(await w.minimal());
        results[i]!.stack.push(await w.stack());
        if (first && w.minimal) results[i]!.minimal.push(await w.minimal());
      }
    }

    const fmt = (x: number, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : "–");
    const med = (runs: Run[], pick: (r: Run) => number) => (runs.length ? median(runs.map(pick)) : NaN);
    console.log(
      `autocannon, ${CONNECTIONS} keep-alive connections, one request in flight on each; ${ROUNDS} rounds of ${SECONDS} s (grading) / ${FLOOR_SECONDS} s (others) per side, sides alternated; SQLite; medians over rounds`,
    );
    console.log(
      "| workload | stack req/s | p50 ms | p99 ms | CPU ms/req | minimal req/s | p50 ms | p99 ms | CPU ms/req | ratio req/s | ratio CPU |",
    );
    console.log("|---|---|---|---|---|---|---|---|---|---|---|");
    for (const [i, w] of workloads.entries()) {
      const { stack: s, minimal: m } = results[i]!;
      const cells = (runs: Run[]) => [
        fmt(med(runs, (r) => r.rps)),
        fmt(med(runs, (r) => r.p50)),
        fmt(med(runs, (r) => r.p99)),
        fmt(
          med(runs, (r) => r.cpuMs),
          2,
        ),
      ];
      // Ratio of CPU cost: minimal's CPU per request over the stack's, i.e. the throughput ratio two
      // CPU-bound servers would show on an otherwise idle machine.
      const ratios = [
        fmt(med(s, (r) => r.rps) / med(m, (r) => r.rps), 2),
        fmt(med(m, (r) => r.cpuMs) / med(s, (r) => r.cpuMs), 2),
      ];
      console.log(`| ${w.name} | ${[...cells(s), ...cells(m), ...ratios].join(" | ")} |`);
    }
    const rounds = (runs: Run[]) => runs.map((r) => r.rps.toFixed(1)).join(", ");
    for (const [i, w] of workloads.entries()) {
      if (w.name.startsWith("grade"))
        console.log(
          `${w.name}, req/s per round: stack ${rounds(results[i]!.stack)}; minimal ${rounds(results[i]!.minimal)}`,
        );
    }
    const errors = new Map<string, number>();
    for (const r of results.flatMap((x) => [...x.stack, ...x.minimal]))
      for (const [k, v] of r.errors) errors.set(k, (errors.get(k) ?? 0) + v);
    console.log(`errors (all runs): ${errors.size ? [...errors].map(([k, v]) => `${k}×${v}`).join(", ") : "none"}`);
    const stackStored = (await countAttempts(target, MINIMAL_EMAIL, false)) - stackBefore;
    const minimalStored = (await countAttempts(target, MINIMAL_EMAIL, true)) - minimalBefore;
    // A request still in flight when autocannon stops (or one that timed out) may have been stored without
    // its answer being read: stored must lie between acknowledged and acknowledged + unanswered.
    const sum = (runs: Run[], pick: (r: Run) => number) => runs.reduce((n, r) => n + pick(r), 0);
    const check = (runs: Run[], stored: number) => {
      const acknowledged = sum(runs, (r) => r.ok);
      const unanswered = sum(runs, (r) => r.unanswered);
      const verdict = stored >= acknowledged && stored <= acknowledged + unanswered ? "ok" : "MISMATCH";
      return `${acknowledged} / ${stored} (${unanswered} unanswered at stop or timeout: ${verdict})`;
    };
    // Both grading rows store attempts: the stack's students on one side, the minimal server's user on the other.
    const stored = results.filter((_, i) => workloads[i]!.name.startsWith("grade"));
    if (stored.length) {
      const side = (pick: (x: (typeof results)[number]) => Run[]) => stored.flatMap(pick);
      console.log(
        `attempts acknowledged (201) / stored: stack ${check(
          side((x) => x.stack),
          stackStored,
        )}; minimal ${check(
          side((x) => x.minimal),
          minimalStored,
        )}`,
      );
    }
  } finally {
    app.stop();
    minimal.kill("SIGTERM");
  }
}

async function waitForMinimal(): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (
      await fetch(`http://127.0.0.1:${MINIMAL_PORT}/health`).then(
        (r) => r.status === 200,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("the minimal server did not start");
}

/** Attempts stored by the minimal server's user, or by everyone else (the stack's students). */
async function countAttempts(
  target: ReturnType<typeof resolveDbTarget>,
  email: string,
  minimal: boolean,
): Promise<number> {
  const db = createPrismaClient(target);
  try {
    return await db.attempt.count({ where: { user: minimal ? { email } : { email: { not: email } } } });
  } finally {
    await db.$disconnect();
  }
}

if (process.env.STACK_BENCH_MINIMAL === "1") await serveMinimal();
