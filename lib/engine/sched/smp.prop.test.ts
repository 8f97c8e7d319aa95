// Properties of the multi-CPU loop (smp.ts), checked against independent replays of its output: the
// checks know nothing about policies, queues or balancing, only what a valid multi-CPU schedule is.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { simulate } from "./simulate";
import { simulateSmp } from "./smp";
import type { SimResult, TaskSpec, Workload } from "./types";
import { validateWorkload } from "./validate";

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
      affinity: fc.option(fc.uniqueArray(fc.integer({ min: 0, max: cpus - 1 }), { minLength: 1, maxLength: cpus }), {
        nil: undefined,
      }),
    })
    .map((t): TaskSpec => {
      const spec: TaskSpec = { id: `T${i}`, ...t };
      if (t.affinity === undefined) delete spec.affinity;
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

const withoutCpu = (r: SimResult) => r.slices.map(({ cpu: _cpu, ...s }) => s);

describe("with one CPU the multi-CPU loop is the single-CPU loop", () => {
  test("same slices, metrics and totals for every policy", () => {
    fc.assert(
      fc.property(tasksArb(1), fc.oneof(...textbook, ...linux), conventionsArb, (tasks, policy, conventions) => {
        const doc = { policy, tasks: tasks.map(({ affinity: _a, ...t }) => t), conventions };
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
        const plain = validated({ policy, tasks: tasks.map(({ affinity: _a, ...t }) => t) });
        const one = validated({ policy, tasks: tasks.map(({ affinity: _a, ...t }) => t), cpus: 1 });
        expect(one).toEqual(plain);
        expect(simulate(one)).toEqual(simulate(plain));
      }),
      { numRuns: 50 },
    );
  });
});
