// Properties of the multi-CPU loop (smp.ts), checked against independent replays of its output: the
// checks know nothing about policies, queues or balancing, only what a valid multi-CPU schedule is.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { simulate } from "./simulate";
import { simulateSmp } from "./smp";
import type { SimResult, Slice, TaskSpec, Workload } from "./types";
import { validateWorkload } from "./validate";

const EPS = 1e-6;

const maskArb = (cpus: number) =>
  fc.uniqueArray(fc.integer({ min: 0, max: cpus - 1 }), { minLength: 1, maxLength: cpus });

const taskArb = (i: number, cpus: number) =>
  fc
    .record({
      arrival: fc.integer({ min: 0, max: 20 }),
      bursts: fc
        .array(fc.integer({ min: 1, max: 10 }), { minLength: 1, maxLength: 5 })
        .map((b) => (b.length % 2 === 0 ? b.slice(0, -1) : b)),
      nice: fc.integer({ min: -5, max: 5 }),
      priority: fc.integer({ min: 0, max: 5 }),
      tickets: fc.integer({ min: 1, max: 200 }),
      workingSetKb: fc.integer({ min: 0, max: 80 }),
      affinity: fc.option(maskArb(cpus), { nil: undefined }),
      change: fc.option(fc.record({ at: fc.integer({ min: 0, max: 30 }), cpus: maskArb(cpus) }), { nil: undefined }),
      cls: fc.constantFrom("other", "other", "other", "fifo", "rr", "idle"),
      rtPriority: fc.integer({ min: 1, max: 99 }),
    })
    .map(({ change, cls, rtPriority, ...t }): TaskSpec => {
      const spec: TaskSpec = { id: `T${i}`, ...t };
      // Scheduling classes only under the Linux policies (forPolicy strips them for textbook ones).
      if (cls !== "other") spec.class = cls as TaskSpec["class"];
      if (cls === "fifo" || cls === "rr") spec.priority = rtPriority;
      if (t.affinity === undefined) delete spec.affinity;
      if (change) spec.affinityChanges = [change];
      return spec;
    });

const tasksArb = (cpus: number) =>
  fc.integer({ min: 1, max: 8 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => taskArb(i, cpus))));

const textbook = [
  fc.constant({ name: "fifo" }),
  fc.constant({ name: "sjf" }),
  fc.constant({ name: "stcf" }),
  fc.integer({ min: 1, max: 6 }).map((quantum) => ({ name: "rr", quantum })),
  fc.record({ name: fc.constant("priority"), preemptive: fc.boolean() }),
  fc.record({ name: fc.constant("mlfq"), quanta: fc.constant([2, 4, 8]), boostPeriod: fc.constantFrom(0, 30) }),
  fc.integer({ min: 0, max: 1000 }).map((seed) => ({ name: "lottery", quantum: 2, seed })),
  fc.constant({ name: "stride", quantum: 2 }),
];
const linux = [
  fc.record({ name: fc.constant("cfs"), hz: fc.constantFrom(100, 250, 1000) }),
  fc.record({ name: fc.constant("eevdf"), hz: fc.constantFrom(100, 250, 1000) }),
];

const conventionsArb = fc.record({
  tieBreak: fc.constantFrom("arrival", "list", "id"),
  arrivalVsExpired: fc.constantFrom("arrival-first", "expired-first"),
});

function validated(doc: Record<string, unknown>): Workload {
  const v = validateWorkload(doc);
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return v.value;
}

/** Textbook policies have no scheduling classes: their tasks drop `class` and keep a small priority. */
function forPolicy(tasks: readonly TaskSpec[], policy: { name: string }): TaskSpec[] {
  if (policy.name === "cfs" || policy.name === "eevdf") return [...tasks];
  return tasks.map(({ class: _c, ...t }) => ({ ...t, priority: Math.min(t.priority ?? 0, 5) }));
}

const withoutCpu = (r: SimResult) => r.slices.map(({ cpu: _cpu, ...s }) => s);

describe("with one CPU the multi-CPU loop is the single-CPU loop", () => {
  test("same slices, metrics and totals for every policy", () => {
    fc.assert(
      fc.property(tasksArb(1), fc.oneof(...textbook, ...linux), conventionsArb, (tasks, policy, conventions) => {
        const doc = {
          policy,
          tasks: forPolicy(tasks, policy).map(({ affinity: _a, affinityChanges: _c, ...t }) => t),
          conventions,
        };
        const w = validated(doc);
        const one = simulate(w);
        const smp = simulateSmp(w);
        expect(withoutCpu(smp)).toEqual(one.slices);
        expect(smp.tasks).toEqual(one.tasks);
        expect(smp.averages).toEqual(one.averages);
        expect(smp.stats.busyTime).toBeCloseTo(one.stats.busyTime, 9);
        expect(smp.stats.idleTime).toBeCloseTo(one.stats.idleTime, 9);
        expect(smp.stats.endTime).toBe(one.stats.endTime);
        expect(smp.stats.stoppedBy).toBe(one.stats.stoppedBy);
        expect(smp.smp!.migrations).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  test("cpus: 1 without smp settings gives exactly today's output (the single-CPU loop runs)", () => {
    fc.assert(
      fc.property(tasksArb(1), fc.oneof(...textbook, ...linux), (tasks, policy) => {
        const single = forPolicy(tasks, policy).map(({ affinity: _a, affinityChanges: _c, ...t }) => t);
        const plain = validated({ policy, tasks: single });
        const one = validated({ policy, tasks: single, cpus: 1 });
        expect(one).toEqual(plain);
        expect(simulate(one)).toEqual(simulate(plain));
      }),
      { numRuns: 50 },
    );
  });
});

/** The CPUs `spec` may use at time t (its affinity, then each sched_setaffinity call in force). */
function maskAt(spec: TaskSpec, t: number, cpus: number): Set<number> {
  let mask = spec.affinity ?? Array.from({ length: cpus }, (_, c) => c);
  for (const ch of spec.affinityChanges ?? []) if (ch.at <= t) mask = ch.cpus;
  return new Set(mask);
}

/** The intervals in which a task was runnable but not running, rebuilt from its slices and its bursts. */
function readyIntervals(mine: readonly Slice[], spec: TaskSpec, endTime: number): [number, number][] {
  const out: [number, number][] = [];
  let from = spec.arrival;
  let ios = 0;
  let waiting = true;
  for (const s of mine) {
    if (waiting && s.start > from + EPS) out.push([from, s.start]);
    waiting = true;
    if (s.endReason === "finished" || s.endReason === "horizon") return out;
    if (s.endReason === "blocked") from = s.end + spec.bursts[2 * ios++ + 1]!;
    else from = s.end;
  }
  if (from < endTime - EPS) out.push([from, endTime]);
  return out;
}

const smpArb = fc.record({
  cpus: fc.integer({ min: 2, max: 4 }),
  migrationCostMs: fc.constantFrom(0, 0.5, 1),
  balanceIntervalMs: fc.constantFrom(1, 2, 4),
  warmRate: fc.constantFrom(1, 2, 3),
  warmupMs: fc.constantFrom(0, 3),
  cacheKb: fc.constantFrom(50, 100),
});

const multiArb = smpArb.chain((smp) =>
  fc.record({
    smp: fc.constant(smp),
    single: fc.constantFrom("single", "per-cpu", "linux"),
    tasks: tasksArb(smp.cpus),
    textbookPolicy: fc.oneof(...textbook),
    linuxPolicy: fc.oneof(...linux),
    conventions: conventionsArb,
  }),
);

describe("several CPUs", () => {
  test("a task runs on one CPU at a time, only where its mask allows; a CPU runs one task at a time; CPU time is the bursts plus the charged costs; no CPU idles while a task it may run waits, beyond the balancing delay", () => {
    fc.assert(
      fc.property(multiArb, ({ smp, single, tasks, textbookPolicy, linuxPolicy, conventions }) => {
        // The shared queue is the textbook alternative; Linux policies keep per-CPU queues.
        const useSingle = single === "single";
        const policy = single === "linux" ? linuxPolicy : textbookPolicy;
        const { cpus, ...settings } = smp;
        const doc = {
          cpus,
          smp: { ...settings, queues: useSingle ? "single" : "per-cpu" },
          policy,
          tasks: forPolicy(tasks, policy),
          conventions,
        };
        const r = simulate(validated(doc));
        expect(r.stats.stoppedBy).toBe("completed");
        const report = r.smp!;
        const end = r.stats.endTime;

        // One task per CPU at a time, and the per-CPU utilisation is what the timeline shows.
        for (let c = 0; c < cpus; c++) {
          const mine = r.slices.filter((s) => s.cpu === c).sort((a, b) => a.start - b.start);
          for (let k = 1; k < mine.length; k++) expect(mine[k]!.start).toBeGreaterThanOrEqual(mine[k - 1]!.end - EPS);
          const busy = mine.reduce((sum, s) => sum + s.end - s.start, 0);
          expect(report.perCpu[c]!.busyTime).toBeCloseTo(busy, 6);
          expect(report.perCpu[c]!.busyTime + report.perCpu[c]!.idleTime).toBeCloseTo(end, 6);
        }

        const ready = new Map<string, [number, number][]>();
        for (const spec of tasks) {
          const mine = r.slices.filter((s) => s.task === spec.id).sort((a, b) => a.start - b.start);
          // One CPU at a time, never outside the mask in force anywhere in the slice.
          for (let k = 1; k < mine.length; k++) expect(mine[k]!.start).toBeGreaterThanOrEqual(mine[k - 1]!.end - EPS);
          for (const s of mine) {
            expect(maskAt(spec, s.start, cpus).has(s.cpu!)).toBe(true);
            for (const ch of spec.affinityChanges ?? [])
              if (ch.at > s.start + EPS && ch.at < s.end - EPS) expect(ch.cpus).toContain(s.cpu);
          }
          // CPU time = bursts run + migration cost + the cold-cache slowdown, and never less than the bursts.
          const m = r.tasks.find((t) => t.id === spec.id)!;
          const ran = mine.reduce((sum, s) => sum + s.end - s.start, 0);
          expect(m.cpuTime).toBeCloseTo(ran, 6);
          const cost = report.tasks.find((t) => t.id === spec.id)!;
          const demand = spec.bursts.filter((_, i) => i % 2 === 0).reduce((a, b) => a + b, 0);
          expect(m.finish).not.toBeNull();
          expect(m.cpuTime).toBeCloseTo(demand + cost.migrationCostMs + cost.warmupCostMs, 6);
          if (smp.warmRate === 1 || smp.warmupMs === 0) expect(cost.warmupCostMs).toBe(0);
          // A migration cost is paid only on a CPU other than the last one, at most once per such move.
          let moves = 0;
          for (let k = 1; k < mine.length; k++) if (mine[k]!.cpu !== mine[k - 1]!.cpu) moves++;
          expect(cost.migrationCostMs).toBeLessThanOrEqual(moves * smp.migrationCostMs + EPS);
          expect(cost.migrations).toBeGreaterThanOrEqual(moves);
          ready.set(spec.id, readyIntervals(mine, spec, end));
        }

        // Work conservation: an idle CPU and a waiting task it may run overlap at most one balance
        // interval (per-CPU queues) and not at all with the shared queue.
        const delay = useSingle ? 0 : smp.balanceIntervalMs;
        for (let c = 0; c < cpus; c++) {
          const mine = r.slices.filter((s) => s.cpu === c).sort((a, b) => a.start - b.start);
          const idle: [number, number][] = [];
          let at = 0;
          for (const s of mine) {
            if (s.start > at + EPS) idle.push([at, s.start]);
            at = Math.max(at, s.end);
          }
          if (at < end - EPS) idle.push([at, end]);
          for (const spec of tasks) {
            for (const [a, b] of ready.get(spec.id)!) {
              for (const [x, y] of idle) {
                const lo = Math.max(a, x);
                const hi = Math.min(b, y);
                if (hi - lo <= delay + EPS) continue;
                // Only a task allowed on this CPU throughout the overlap counts.
                if (!maskAt(spec, lo, cpus).has(c) || !maskAt(spec, hi - EPS, cpus).has(c)) continue;
                expect.fail(
                  `CPU ${c} idled over [${lo}, ${hi}] while ${spec.id} could run there and waited (${JSON.stringify(doc)})`,
                );
              }
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
