// Properties that must hold for every policy and workload (fast-check). The replay checker below is
// an independent model of "what a valid single-CPU schedule is": it knows nothing about policies.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { run } from "./__tests__/run";
import { generateWorkload } from "./generate";
import { simulate } from "./simulate";
import type { SimResult, TaskSpec } from "./types";
import { fairShares } from "./weights";

const EPS = 1e-6;

const taskArb = (i: number) =>
  fc
    .record({
      arrival: fc.integer({ min: 0, max: 20 }),
      bursts: fc
        .array(fc.integer({ min: 1, max: 10 }), { minLength: 1, maxLength: 5 })
        .map((b) => (b.length % 2 === 0 ? b.slice(0, -1) : b)),
      nice: fc.integer({ min: -5, max: 5 }),
      priority: fc.integer({ min: 0, max: 5 }),
      tickets: fc.integer({ min: 1, max: 200 }),
    })
    .map((t): TaskSpec => ({ id: `T${i}`, ...t }));

const tasksArb = fc
  .integer({ min: 1, max: 6 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => taskArb(i))));

const policyArb = fc.oneof(
  fc.constant({ name: "fifo" }),
  fc.constant({ name: "sjf" }),
  fc.constant({ name: "stcf" }),
  fc.integer({ min: 1, max: 6 }).map((quantum) => ({ name: "rr", quantum })),
  fc.record({ name: fc.constant("priority"), preemptive: fc.boolean() }),
  fc.record({ name: fc.constant("mlfq"), quanta: fc.constant([2, 4, 8]), boostPeriod: fc.constantFrom(0, 30) }),
  fc.integer({ min: 0, max: 1000 }).map((seed) => ({ name: "lottery", quantum: 2, seed })),
  fc.constant({ name: "stride", quantum: 2 }),
  fc.record({ name: fc.constant("cfs"), hz: fc.constantFrom(100, 250, 1000) }),
  fc.record({ name: fc.constant("eevdf"), hz: fc.constantFrom(100, 250, 1000) }),
);

const conventionsArb = fc.record({
  tieBreak: fc.constantFrom("arrival", "list", "id"),
  arrivalVsExpired: fc.constantFrom("arrival-first", "expired-first"),
});

/** Replays slices against the task specs; returns each task's runnable intervals [from, to). */
function replay(r: SimResult, specs: readonly TaskSpec[]): [number, number][] {
  const runnable: [number, number][] = [];
  for (const spec of specs) {
    const mine = r.slices.filter((s) => s.task === spec.id);
    let k = 0;
    let need = spec.bursts[0]!;
    let readyAt = spec.arrival;
    let cpu = 0;
    for (const s of mine) {
      expect(s.start).toBeGreaterThanOrEqual(readyAt - EPS); // never before arrival or while blocked
      need -= s.end - s.start;
      cpu += s.end - s.start;
      expect(need).toBeGreaterThan(-EPS);
      if (s.endReason === "blocked" || s.endReason === "finished") {
        expect(Math.abs(need)).toBeLessThan(EPS);
        runnable.push([readyAt, s.end]);
        if (s.endReason === "finished") {
          expect(k).toBe(spec.bursts.length - 1);
          break;
        }
        readyAt = s.end + spec.bursts[k + 1]!;
        k += 2;
        need = spec.bursts[k]!;
      }
    }
    const m = r.tasks.find((t) => t.id === spec.id)!;
    expect(m.cpuTime).toBeCloseTo(cpu, 6);
    if (m.finish !== null) {
      expect(cpu).toBeCloseTo(
        spec.bursts.filter((_, i) => i % 2 === 0).reduce((a, b) => a + b, 0),
        6,
      );
    } else if (r.stats.stoppedBy === "completed") {
      throw new Error(`${spec.id} did not finish in a completed run`);
    }
    if (m.finish === null) runnable.push([readyAt, Infinity]);
  }
  return runnable;
}

describe("schedule validity (all policies)", () => {
  test("slices never overlap; tasks run only when runnable; CPU time equals demand; CPU idles only when nothing is runnable", () => {
    fc.assert(
      fc.property(tasksArb, policyArb, conventionsArb, (tasks, policy, conventions) => {
        const r = run({ policy, tasks, conventions });
        for (let i = 0; i < r.slices.length; i++) {
          const s = r.slices[i]!;
          expect(s.end).toBeGreaterThan(s.start);
          if (i > 0) expect(s.start).toBeGreaterThanOrEqual(r.slices[i - 1]!.end - EPS);
        }
        const runnable = replay(r, tasks);
        const gaps: [number, number][] = [];
        let t = 0;
        for (const s of r.slices) {
          if (s.start > t + EPS) gaps.push([t, s.start]);
          t = s.end;
        }
        for (const [a, b] of gaps) {
          for (const [from, to] of runnable) expect(from >= b - EPS || to <= a + EPS).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  test("RR with a quantum ≥ every burst is FIFO", () => {
    fc.assert(
      fc.property(tasksArb, conventionsArb, (tasks, conventions) => {
        const fifo = run({ policy: "fifo", tasks, conventions });
        const rr = run({ policy: { name: "rr", quantum: 10 }, tasks, conventions });
        const strip = (r: SimResult) => r.slices.map(({ task, start, end }) => ({ task, start, end }));
        expect(strip(rr)).toEqual(strip(fifo));
      }),
      { numRuns: 200 },
    );
  });

  test("STCF equals SJF when every job arrives at 0 without I/O", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 8 }), (lengths) => {
        const tasks = lengths.map((b, i) => ({ id: `J${i}`, bursts: [b] }));
        expect(run({ policy: "stcf", tasks }).slices).toEqual(run({ policy: "sjf", tasks }).slices);
      }),
    );
  });

  test("the same input gives the same result", () => {
    fc.assert(
      fc.property(tasksArb, policyArb, (tasks, policy) => {
        expect(run({ policy, tasks })).toEqual(run({ policy, tasks }));
      }),
      { numRuns: 50 },
    );
  });
});

describe("fair classes", () => {
  test("long-run shares of CPU-bound tasks equal w/Σw within 1 point (CFS and EEVDF)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -20, max: 19 }), { minLength: 2, maxLength: 4 }),
        fc.constantFrom("cfs", "eevdf"),
        fc.constantFrom(250, 1000),
        (nices, name, hz) => {
          const horizon = 6000;
          const tasks = nices.map((nice, i) => ({ id: `T${i}`, nice, bursts: [1], repeat: true }));
          const r = run({ policy: { name, hz }, horizon, tasks, log: false });
          const expected = fairShares(nices);
          r.tasks.forEach((t, i) => expect(Math.abs(t.cpuTime / horizon - expected[i]!)).toBeLessThan(0.01));
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe("generateWorkload", () => {
  const params = {
    policy: { name: "rr", quantum: 3 },
    tasks: [2, 8] as [number, number],
    cpuBurst: [1, 20] as [number, number],
    ioBurst: [1, 5] as [number, number],
    burstsPerTask: [1, 3] as [number, number],
    arrivalSpread: 30,
    nice: [-5, 0, 5],
    processes: 3,
  };
  test("the same seed gives the same workload; the result is always valid and simulates", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), (seed) => {
        const a = generateWorkload(params, seed);
        const b = generateWorkload(params, seed);
        expect(a).toEqual(b);
        expect(a.ok).toBe(true);
        if (a.ok) {
          expect(a.value.tasks.length).toBeGreaterThanOrEqual(2);
          expect(a.value.tasks.length).toBeLessThanOrEqual(8);
          expect(simulate(a.value).stats.stoppedBy).toBe("completed");
        }
      }),
      { numRuns: 50 },
    );
  });
  test("different seeds give different workloads", () => {
    const a = generateWorkload(params, 1);
    const b = generateWorkload(params, 2);
    expect(a).not.toEqual(b);
  });
  test("bad parameters are reported by field", () => {
    const r = generateWorkload({ tasks: 0, cpuBurst: [5, 1] }, -1);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.path).sort()).toEqual(["cpuBurst", "seed", "tasks"]);
  });
});
