// Fuzz: 100,000 random workloads across every policy, scheduling class, I/O pattern, horizon, switch
// cost and convention, each checked against invariants that know nothing about the policy that made
// the schedule. Workloads stay small (≤ 6 tasks, bursts ≤ 8 ms) so the whole run costs seconds; the
// variety comes from the number of runs. A failure prints fast-check's seed and the shrunk workload.
import fc from "fast-check";
import { describe, test } from "vitest";
import { simulate, simulateInput } from "./simulate";
import type { SimResult, TaskSpec, Workload } from "./types";
import { validateWorkload } from "./validate";

const EPS = 1e-6;
const RUNS = 100_000;
/** Small workloads need a few thousand events at most; hitting this cap means the loop stopped advancing. */
const MAX_EVENTS = 200_000;

type Doc = Record<string, unknown>;
const LINUX = new Set(["cfs", "eevdf"]);

// ---- generators ----

/** Times on a quarter-millisecond grid, so ties (the interesting cases) happen often. */
const time = (min: number, max: number) => fc.integer({ min: min * 4, max: max * 4 }).map((q) => q / 4);
const positiveTime = (max: number) => time(0.25, max);

const rtArb = fc
  .record({
    rrTimesliceMs: positiveTime(8),
    throttle: fc.constantFrom("throttle", "fair-server", "none"),
    rtPeriodMs: fc.integer({ min: 4, max: 40 }),
    runtimeShare: fc.double({ min: 0, max: 1, noNaN: true }),
    serverShare: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ runtimeShare, serverShare, ...rt }) => ({
    ...rt,
    rtRuntimeMs: Math.floor(rt.rtPeriodMs * runtimeShare),
    fairServerMs: Math.floor(rt.rtPeriodMs * serverShare),
  }));

const policyArb: fc.Arbitrary<Doc> = fc.oneof(
  fc.constantFrom({ name: "fifo" }, { name: "sjf" }, { name: "stcf" }, { name: "fcfs" }, { name: "srtf" }),
  fc.record({ name: fc.constant("rr"), quantum: positiveTime(6) }),
  fc.record({
    name: fc.constant("priority"),
    preemptive: fc.boolean(),
    higherIs: fc.constantFrom("lower-number", "higher-number"),
  }),
  fc.integer({ min: 1, max: 4 }).chain((levels) =>
    fc.record(
      {
        name: fc.constant("mlfq"),
        quanta: fc.array(positiveTime(8), { minLength: levels, maxLength: levels }),
        allotments: fc.array(positiveTime(16), { minLength: levels, maxLength: levels }),
        boostPeriod: fc.constantFrom(0, 5, 17, 40),
        ioResetsAllotment: fc.boolean(),
      },
      { requiredKeys: ["name", "quanta"] },
    ),
  ),
  fc.record({ name: fc.constant("lottery"), quantum: positiveTime(4), seed: fc.integer({ min: 0, max: 2 ** 31 }) }),
  fc.record(
    { name: fc.constant("stride"), quantum: positiveTime(4), strideConstant: fc.integer({ min: 1, max: 100_000 }) },
    { requiredKeys: ["name"] },
  ),
  fc
    .tuple(
      fc.record(
        {
          hz: fc.constantFrom(100, 250, 300, 1000),
          latencyMs: positiveTime(12),
          minGranularityMs: positiveTime(3),
          wakeupGranularityMs: time(0, 3),
          cpusForScaling: fc.integer({ min: 1, max: 16 }),
          startDebit: fc.boolean(),
          gentleFairSleepers: fc.boolean(),
        },
        { requiredKeys: [] },
      ),
      rtArb,
    )
    .map(([cfs, rt]) => ({ name: "cfs", ...cfs, ...rt })),
  fc
    .tuple(
      fc.record(
        {
          hz: fc.constantFrom(100, 250, 300, 1000),
          baseSliceMs: positiveTime(4),
          cpusForScaling: fc.integer({ min: 1, max: 16 }),
          runToParity: fc.boolean(),
          placeDeadlineInitial: fc.boolean(),
          placeLag: fc.boolean(),
        },
        { requiredKeys: [] },
      ),
      rtArb,
    )
    .map(([eevdf, rt]) => ({ name: "eevdf", ...eevdf, ...rt })),
);

/** A task's raw draws; which of them apply depends on the policy and the horizon (see toTask). */
const rawTaskArb = fc.record({
  repeat: fc.boolean(),
  arrival: fc.oneof(fc.integer({ min: 0, max: 20 }), time(0, 20)),
  bursts: fc.array(positiveTime(8), { minLength: 1, maxLength: 6 }),
  cls: fc.constantFrom("other", "other", "idle", "fifo", "rr"),
  nice: fc.option(fc.integer({ min: -20, max: 19 }), { nil: undefined }),
  priority: fc.integer({ min: 1, max: 4 }),
  process: fc.option(fc.constantFrom("P0", "P1", "P2"), { nil: undefined }),
  userThread: fc.option(fc.boolean(), { nil: undefined }),
  tickets: fc.option(fc.integer({ min: 1, max: 400 }), { nil: undefined }),
  workingSetKb: fc.option(fc.integer({ min: 0, max: 65_536 }), { nil: undefined }),
  sliceMs: fc.option(time(0.25, 6), { nil: undefined }),
});
type RawTask = typeof rawTaskArb extends fc.Arbitrary<infer T> ? T : never;

// Drawn flat and trimmed afterwards (no fc.chain): generation stays cheap next to the simulation.
function toTask(t: RawTask, i: number, policy: string, horizon: number | undefined): TaskSpec {
  const linux = LINUX.has(policy);
  const repeat = t.repeat && horizon !== undefined;
  const cls = linux ? t.cls : "other";
  // CPU bursts alternate with I/O: an odd count ends on CPU; a repeating pattern is CPU/I-O pairs or
  // one CPU burst (CPU-bound forever).
  let bursts = t.bursts;
  if (!repeat && bursts.length % 2 === 0) bursts = bursts.slice(0, -1);
  if (repeat && bursts.length > 1 && bursts.length % 2 === 1) bursts = bursts.slice(0, -1);
  const spec: TaskSpec = { id: `T${i}`, arrival: t.arrival, bursts };
  if (repeat) spec.repeat = true;
  if (linux) spec.class = cls as TaskSpec["class"];
  if (t.nice !== undefined) spec.nice = t.nice;
  // RT classes and the textbook priority policy need a priority; elsewhere it is optional noise.
  if (cls === "fifo" || cls === "rr" || policy === "priority" || t.nice !== undefined) spec.priority = t.priority;
  if (t.process !== undefined) spec.process = t.process;
  if (t.userThread !== undefined) spec.userThread = t.userThread;
  if (t.tickets !== undefined) spec.tickets = t.tickets;
  if (t.workingSetKb !== undefined) spec.workingSetKb = t.workingSetKb;
  if (t.sliceMs !== undefined && policy === "eevdf") spec.sliceMs = t.sliceMs;
  return spec;
}

const switchCostArb = fc.record(
  {
    chargeTime: fc.boolean(),
    // Up to 2 ms per switch: costs comparable to bursts and gaps, where charged time matters.
    threadUs: fc.integer({ min: 0, max: 2000 }),
    processUs: fc.integer({ min: 0, max: 2000 }),
    idleUs: fc.integer({ min: 0, max: 2000 }),
    userUs: fc.integer({ min: 0, max: 500 }),
    refillNsPerKb: fc.integer({ min: 0, max: 50 }),
    cacheKb: fc.integer({ min: 0, max: 65_536 }),
    pcid: fc.boolean(),
    tlbEntries: fc.integer({ min: 0, max: 2048 }),
    tlbMissNs: fc.integer({ min: 0, max: 100 }),
  },
  { requiredKeys: [] },
);

const workloadDocArb: fc.Arbitrary<Doc> = fc
  .record(
    {
      policy: policyArb,
      tasks: fc.array(rawTaskArb, { minLength: 1, maxLength: 6 }),
      horizon: fc.integer({ min: 1, max: 40 }),
      conventions: fc.record(
        {
          tieBreak: fc.constantFrom("arrival", "list", "id"),
          arrivalVsExpired: fc.constantFrom("arrival-first", "expired-first"),
        },
        { requiredKeys: [] },
      ),
      switchCost: switchCostArb,
      log: fc.constantFrom(true, false, "auto"),
      logReadyLimit: fc.integer({ min: 0, max: 6 }),
    },
    { requiredKeys: ["policy", "tasks"] },
  )
  .map(({ policy, tasks, horizon, ...rest }) => {
    const doc: Doc = {
      policy,
      tasks: tasks.map((t, i) => toTask(t, i, String(policy["name"]), horizon)),
      limits: { maxEvents: MAX_EVENTS },
    };
    if (horizon !== undefined) doc["horizon"] = horizon;
    for (const [k, v] of Object.entries(rest)) if (v !== undefined) doc[k] = v;
    return doc;
  });

// ---- invariants ----
// Plain checks rather than expect(): a run makes hundreds of them, and expect's bookkeeping would cost
// more than the simulation.

class InvariantError extends Error {}

function must(ok: boolean, message: () => string): void {
  if (!ok) throw new InvariantError(message());
}

const near = (a: number | null, b: number | null, eps = EPS) =>
  a === null || b === null ? a === b : Math.abs(a - b) <= eps * Math.max(1, Math.abs(b));

interface Replayed {
  /** Intervals in which the task was runnable (arrived or woken, burst not yet done), clipped to the run. */
  runnable: [number, number][];
  cpu: number;
}

/**
 * Walks one task's slices against its bursts: a slice may start only once the task has arrived or woken,
 * a burst is used up exactly when its slice ends "blocked" or "finished", and nothing runs after
 * "finished". Returns the intervals the task was runnable, for the idle check and the waiting metric.
 */
function replayTask(spec: TaskSpec, r: SimResult): Replayed {
  const cpuBurst = (k: number) => (spec.repeat && spec.bursts.length === 1 ? Infinity : spec.bursts[k]!);
  const runnable: [number, number][] = [];
  let k = 0;
  let need = cpuBurst(0);
  let readyAt = spec.arrival;
  let cpu = 0;
  let finished = false;
  for (const s of r.slices) {
    if (s.task !== spec.id) continue;
    must(!finished, () => `${spec.id} runs at ${s.start} after finishing`);
    must(s.start >= readyAt - EPS, () => `${spec.id} runs at ${s.start} before it arrived or woke (${readyAt})`);
    need -= s.end - s.start;
    cpu += s.end - s.start;
    must(need > -EPS, () => `${spec.id} ran ${-need} ms longer than its burst by ${s.end}`);
    if (s.endReason === "blocked" || s.endReason === "finished") {
      must(
        Math.abs(need) < EPS,
        () => `${spec.id} left the CPU at ${s.end} (${s.endReason}) with ${need} ms of its burst unused`,
      );
      runnable.push([readyAt, s.end]);
      let next = k + 1;
      if (next >= spec.bursts.length && spec.repeat) next = 0;
      if (s.endReason === "finished") {
        must(next >= spec.bursts.length, () => `${spec.id} finished before its last burst`);
        finished = true;
        continue;
      }
      must(next < spec.bursts.length, () => `${spec.id} blocked after its last burst`);
      readyAt = s.end + spec.bursts[next]!;
      k = next + 1 >= spec.bursts.length ? 0 : next + 1;
      need = cpuBurst(k);
    } else {
      must(need > EPS, () => `${spec.id} was stopped (${s.endReason}) at ${s.end} with its burst done`);
    }
  }
  if (!finished && readyAt < r.stats.endTime) runnable.push([readyAt, r.stats.endTime]);
  return { runnable, cpu };
}

function overlap(a: [number, number], b: [number, number]): number {
  return Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));
}

/** Outputs are plain JSON (types.ts promises it): the path of the first NaN, Infinity or undefined, or null. */
function notJson(value: unknown): string | null {
  if (typeof value === "number") return Number.isFinite(value) ? null : ` = ${value}`;
  if (value === undefined) return " = undefined";
  if (typeof value !== "object" || value === null) return null;
  for (const key in value) {
    const bad = notJson((value as Record<string, unknown>)[key]);
    if (bad !== null) return `${Array.isArray(value) ? `[${key}]` : `.${key}`}${bad}`;
  }
  return null;
}

function checkResult(w: Workload, r: SimResult): void {
  const ids = new Set(w.tasks.map((t) => t.id));
  const charged = w.switchCost.chargeTime;
  const horizon = w.horizon ?? Infinity;
  const { stats, switches } = r;
  must(
    stats.stoppedBy !== "event-cap",
    () => `a small workload ran into the event cap (${stats.events} events, t=${stats.endTime})`,
  );

  // The timeline: known tasks, positive lengths, in order, no overlap, inside the run.
  let busy = 0;
  r.slices.forEach((s, i) => {
    must(ids.has(s.task), () => `slice ${i} names unknown task ${s.task}`);
    must(s.end > s.start && s.start >= 0, () => `slice ${i} is [${s.start}, ${s.end})`);
    if (i > 0)
      must(
        s.start >= r.slices[i - 1]!.end - EPS,
        () => `slice ${i} starts at ${s.start}, before slice ${i - 1} ends at ${r.slices[i - 1]!.end}`,
      );
    must(
      s.end <= Math.min(horizon, stats.endTime) + EPS,
      () => `slice ${i} ends at ${s.end}, after the run (${stats.endTime}, horizon ${horizon})`,
    );
    if (s.endReason === "horizon")
      must(i === r.slices.length - 1 && near(s.end, horizon), () => `slice ${i} ends "horizon" at ${s.end}`);
    busy += s.end - s.start;
  });

  // Each task against its own bursts, and its metrics against its slices.
  const replays = new Map<string, Replayed>();
  for (const spec of w.tasks) {
    const rep = replayTask(spec, r);
    replays.set(spec.id, rep);
    const m = r.tasks.find((t) => t.id === spec.id)!;
    const says = (what: string) => () => `${spec.id}: ${what} (metrics ${JSON.stringify(m)})`;
    must(m.arrival === spec.arrival && near(m.cpuTime, rep.cpu), says(`cpuTime differs from its slices (${rep.cpu})`));
    let first: number | null = null;
    let last: SimResult["slices"][number] | undefined;
    for (const s of r.slices) {
      if (s.task !== spec.id) continue;
      first ??= s.start;
      last = s;
    }
    if (last?.endReason === "finished") {
      must(near(m.finish, last.end), says(`finish is not the end of its last slice (${last.end})`));
      const demand = spec.bursts.reduce((a, b, i) => (i % 2 === 0 ? a + b : a), 0);
      must(near(m.cpuTime, demand), says(`finished with CPU time ≠ demand ${demand}`));
      must(near(m.turnaround, m.finish! - spec.arrival), says("turnaround ≠ finish − arrival"));
    } else {
      must(m.finish === null && m.turnaround === null, says("finish set without a finishing slice"));
      must(spec.repeat === true || w.horizon !== undefined, says("did not finish in a run without a horizon"));
    }
    if (m.firstRun === null) must(first === null && m.response === null, says("ran without a firstRun"));
    else {
      must(
        m.firstRun >= spec.arrival - EPS && near(m.response, m.firstRun - spec.arrival),
        says("firstRun/response inconsistent with arrival"),
      );
      if (first !== null) must(m.firstRun <= first + EPS, says(`firstRun after its first slice (${first})`));
    }
    // Waiting = runnable but not running; the one being switched in does not wait during its own switch.
    const runnableTime = rep.runnable.reduce((a, [from, to]) => a + Math.max(0, to - from), 0);
    must(m.waiting >= -EPS, says("negative waiting"));
    if (charged)
      must(
        m.waiting <= runnableTime - rep.cpu + EPS,
        says(`waiting exceeds the time it was runnable and not running (${runnableTime - rep.cpu})`),
      );
    else
      must(
        near(m.waiting, runnableTime - rep.cpu),
        says(`waiting ≠ time runnable and not running (${runnableTime - rep.cpu})`),
      );
  }

  // Averages follow from the per-task metrics.
  const mean = (xs: number[]) => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);
  const fin = r.tasks.filter((t) => t.finish !== null);
  const avg = r.averages;
  must(avg.finished === fin.length, () => `averages.finished ${avg.finished} ≠ ${fin.length}`);
  must(
    near(avg.turnaround, mean(fin.map((t) => t.turnaround!))),
    () => `average turnaround ${avg.turnaround} disagrees with the tasks`,
  );
  must(
    near(avg.response, mean(r.tasks.filter((t) => t.response !== null).map((t) => t.response!))),
    () => `average response ${avg.response} disagrees`,
  );
  must(near(avg.waiting, mean(r.tasks.map((t) => t.waiting)) ?? 0), () => `average waiting ${avg.waiting} disagrees`);

  // The clock: the run is spent running, idling or switching, none of them negative.
  must(near(stats.busyTime, busy), () => `busyTime ${stats.busyTime} ≠ slices ${busy}`);
  must(stats.idleTime >= -EPS, () => `idleTime is negative: ${stats.idleTime}`);
  must(
    near(stats.endTime, stats.busyTime + stats.idleTime + switches.cpuTimeLostMs),
    () =>
      `endTime ${stats.endTime} ≠ busy ${stats.busyTime} + idle ${stats.idleTime} + switching ${switches.cpuTimeLostMs}`,
  );
  must(stats.endTime <= horizon + EPS, () => `the run ends at ${stats.endTime}, after the horizon ${horizon}`);
  if (stats.stoppedBy === "completed")
    must(avg.finished === w.tasks.length, () => `"completed" with ${avg.finished} of ${w.tasks.length} finished`);
  else must(near(stats.endTime, horizon), () => `stopped by the horizon at ${stats.endTime}`);

  // Switch accounting adds up, and every change of task on the CPU was counted.
  const kinds = Object.values(switches.byKind);
  must(switches.total === kinds.reduce((a, k) => a + k.count, 0), () => "switch counts by kind do not add up");
  must(
    near(
      switches.totalOverheadMs,
      kinds.reduce((a, k) => a + k.directMs + k.indirectMs, 0),
    ),
    () => "switch overhead by kind does not add up",
  );
  must(
    near(switches.cpuTimeLostMs, charged ? switches.totalOverheadMs : 0),
    () => `cpuTimeLostMs ${switches.cpuTimeLostMs} with chargeTime ${charged}`,
  );
  const changes = r.slices.filter((s, i) => i > 0 && s.task !== r.slices[i - 1]!.task).length;
  must(switches.total >= changes, () => `${switches.total} switches counted for ${changes} changes of task`);

  // The decision log: present only when asked for, bounded, in time order, naming real tasks.
  must(w.log || r.decisions.length === 0, () => "decisions logged with log: false");
  must(stats.decisions === r.decisions.length, () => "stats.decisions ≠ decisions logged");
  r.decisions.forEach((d, i) => {
    must(d.picked === null || ids.has(d.picked), () => `decision ${i} picks unknown ${d.picked}`);
    must(d.ready.length <= w.logReadyLimit, () => `decision ${i} lists ${d.ready.length} > logReadyLimit`);
    if (i > 0)
      must(
        d.time >= r.decisions[i - 1]!.time - EPS,
        () => `decision ${i} at ${d.time} goes back in time from ${r.decisions[i - 1]!.time}`,
      );
    must(d.time <= horizon + EPS, () => `decision ${i} at ${d.time} is after the horizon`);
  });

  // No idling while something could run. Exceptions by design: an RT task throttled under "throttle"
  // may leave the CPU idle, and a charged switch occupies the CPU without running anyone.
  const rtMayIdle = LINUX.has(w.policy.name) && (w.policy as { throttle?: string }).throttle === "throttle";
  const gaps: [number, number][] = [];
  let t = 0;
  for (const s of r.slices) {
    if (s.start > t + EPS) gaps.push([t, s.start]);
    t = Math.max(t, s.end);
  }
  if (stats.endTime > t + EPS) gaps.push([t, stats.endTime]);
  let idleWhileRunnable = 0;
  for (const gap of gaps) {
    for (const spec of w.tasks) {
      if (rtMayIdle && (spec.class === "fifo" || spec.class === "rr")) continue;
      for (const iv of replays.get(spec.id)!.runnable) {
        const o = overlap(gap, iv);
        must(
          charged || o <= EPS,
          () => `the CPU idles in [${gap[0]}, ${gap[1]}) while ${spec.id} is runnable in [${iv[0]}, ${iv[1]})`,
        );
        idleWhileRunnable = Math.max(idleWhileRunnable, o);
      }
    }
  }
  must(
    idleWhileRunnable <= switches.cpuTimeLostMs + EPS,
    () =>
      `the CPU idles ${idleWhileRunnable} ms with work runnable, more than the ${switches.cpuTimeLostMs} ms spent switching`,
  );
}

/** RT tasks under "throttle" with no RT runtime: they can never run, so only a horizon ends the run. */
function realtimeThatCannotRun(doc: Doc): boolean {
  const p = doc["policy"] as Doc;
  return (
    LINUX.has(String(p["name"])) &&
    p["throttle"] === "throttle" &&
    p["rtRuntimeMs"] === 0 &&
    (doc["tasks"] as TaskSpec[]).some((t) => t.class === "fifo" || t.class === "rr")
  );
}

// ---- hostile input ----

/** One change that makes a valid document invalid, and the path the error must name. */
type Breakage = { path: string; apply: (doc: Doc) => void };
const taskField = (field: string, values: unknown[]) =>
  fc.constantFrom(...values).map((v): Breakage => ({
    path: `tasks[0].${field}`,
    apply: (doc) => ((doc["tasks"] as Doc[])[0]![field] = v),
  }));
const breakageArb: fc.Arbitrary<Breakage> = fc.oneof(
  taskField("arrival", [-1, -1e-9, Number.NaN, Infinity, 1e13, "3", null, [], {}]),
  taskField("bursts", [[], [0], [-5], [Number.NaN], ["1"], "10", null, [1e13], Array(10_001).fill(1)]),
  taskField("nice", [20, -21, 0.5, "0", Number.NaN]),
  taskField("tickets", [0, -1, 1.5, 1e10]),
  taskField("id", ["", 7, null, "x".repeat(101)]),
  taskField("class", ["batch", 1, "FIFO"]),
  taskField("workingSetKb", [-1, Infinity]),
  taskField("sliceMs", [0, 0.01, 101]),
  // A prototype-pollution key as JSON.parse delivers it: an own, enumerable "__proto__" field.
  fc.constant<Breakage>({
    path: "tasks[0].__proto__",
    apply: (doc) =>
      Object.defineProperty((doc["tasks"] as Doc[])[0]!, "__proto__", { value: { polluted: true }, enumerable: true }),
  }),
  fc.constantFrom<Breakage>(
    { path: "tasks", apply: (doc) => (doc["tasks"] = []) },
    { path: "tasks", apply: (doc) => (doc["tasks"] = "T0") },
    { path: "horizon", apply: (doc) => (doc["horizon"] = 0) },
    { path: "horizon", apply: (doc) => (doc["horizon"] = -3) },
    { path: "policy.name", apply: (doc) => (doc["policy"] = { name: "lifo" }) },
    { path: "policy", apply: (doc) => (doc["policy"] = 42) },
    { path: "policy.quantum", apply: (doc) => (doc["policy"] = { name: "rr", quantum: 0 }) },
    { path: "policy.quantum", apply: (doc) => (doc["policy"] = { name: "lottery", quantum: -1 }) },
    { path: "policy.quanta", apply: (doc) => (doc["policy"] = { name: "mlfq", quanta: [] }) },
    { path: "policy.allotments", apply: (doc) => (doc["policy"] = { name: "mlfq", quanta: [1, 2], allotments: [1] }) },
    { path: "policy.hz", apply: (doc) => (doc["policy"] = { name: "cfs", hz: 0 }) },
    {
      path: "policy.rtRuntimeMs",
      apply: (doc) => (doc["policy"] = { name: "eevdf", rtRuntimeMs: 20, rtPeriodMs: 10 }),
    },
    { path: "policy.strideConstant", apply: (doc) => (doc["policy"] = { name: "stride", strideConstant: 0 }) },
    { path: "policy.colour", apply: (doc) => (doc["policy"] = { name: "fifo", colour: "red" }) },
    { path: "conventions.tieBreak", apply: (doc) => (doc["conventions"] = { tieBreak: "random" }) },
    { path: "switchCost.threadUs", apply: (doc) => (doc["switchCost"] = { threadUs: -1 }) },
    { path: "limits.maxEvents", apply: (doc) => (doc["limits"] = { maxEvents: 0 }) },
    { path: "log", apply: (doc) => (doc["log"] = "yes") },
    { path: "cpus", apply: (doc) => (doc["cpus"] = 0) },
    { path: "cpus", apply: (doc) => (doc["cpus"] = 1.5) },
    {
      path: "tasks[0].affinity",
      apply: (doc) => {
        doc["cpus"] = 2;
        (doc["tasks"] as Doc[])[0]!["affinity"] = [];
      },
    },
    { path: "smp.queues", apply: (doc) => (doc["smp"] = { queues: "one" }) },
  ),
);

describe("engine fuzz", () => {
  test(
    `${RUNS.toLocaleString("en")} random workloads: no crash, every invariant holds, same input gives the same output`,
    { timeout: 180_000 },
    () => {
      fc.assert(
        // One run in eight also replays the workload through the untrusted-input entry point (same result)
        // and walks the whole result for values JSON cannot carry.
        fc.property(workloadDocArb, fc.nat(7), (doc, replay) => {
          const before = JSON.stringify(doc);
          const v = validateWorkload(doc);
          // The one refusal the generator reaches on purpose: exactly the workloads that could never end.
          const neverEnds = realtimeThatCannotRun(doc) && doc["horizon"] === undefined;
          if (!v.ok) {
            must(neverEnds, () => `the generator made an invalid workload: ${JSON.stringify(v.errors)}`);
            must(
              v.errors.length === 1 && v.errors[0]!.path === "policy.rtRuntimeMs",
              () => `a never-ending RT workload was refused for the wrong reason: ${JSON.stringify(v.errors)}`,
            );
            return;
          }
          must(!neverEnds, () => "accepted real-time tasks with no RT runtime and no horizon: the run could never end");
          const r = simulate(v.value);
          checkResult(v.value, r);
          if (replay === 0) {
            const again = simulateInput(JSON.parse(before));
            must(
              again.ok && JSON.stringify(again.value) === JSON.stringify(r),
              () => "the same workload gave a different result",
            );
            const bad = notJson(r);
            must(bad === null, () => `result${bad} cannot travel as JSON`);
          }
          must(JSON.stringify(doc) === before, () => "simulate changed its input");
        }),
        { numRuns: RUNS },
      );
    },
  );

  test("out-of-range input is a list of errors naming the field, never a throw", () => {
    fc.assert(
      fc.property(workloadDocArb, breakageArb, (generated, breakage) => {
        // fast-check reuses generated values while shrinking: break a copy.
        const doc = structuredClone(generated);
        breakage.apply(doc);
        let result: ReturnType<typeof simulateInput>;
        try {
          result = simulateInput(doc);
        } catch (error) {
          throw new InvariantError(`bad input threw instead of returning errors: ${String(error)}`);
        }
        must(!result.ok, () => `accepted ${breakage.path} = ${JSON.stringify(doc).slice(0, 200)}`);
        if (!result.ok)
          must(
            result.errors.some((e) => e.path.startsWith(breakage.path)),
            () => `no error names ${breakage.path}: ${JSON.stringify(result.errors)}`,
          );
      }),
      { numRuns: 5_000 },
    );
  });
});
