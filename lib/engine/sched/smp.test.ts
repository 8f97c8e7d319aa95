// Hand-worked multi-CPU schedules: each expectation below is derived in its comment from the rules in
// docs/engine.md ("Several CPUs"), not read off the simulator.
import { describe, expect, test } from "vitest";
import { run } from "./__tests__/run";
import type { SimResult } from "./types";
import { simulate } from "./simulate";
import { validateWorkload } from "./validate";

/** "cpu:task start-end" per slice, in start order. */
const timeline = (r: SimResult) => r.slices.map((s) => `${s.cpu}:${s.task} ${s.start}-${s.end}`);
const costs = (r: SimResult, id: string) => r.smp!.tasks.find((t) => t.id === id)!;

describe("several CPUs", () => {
  test("a CPU going idle pulls the waiting task from the busy queue (newidle); a never-run task moves for free", () => {
    // A → CPU 0, B → CPU 1 (both idle); C: no idle CPU, both hold one task → the lower number, CPU 0.
    // B ends at 2: CPU 1 has nothing, pulls C from CPU 0 (the balance tick at 100 is far away).
    const r = run({
      cpus: 2,
      smp: { balanceIntervalMs: 100, migrationCostMs: 0.5 },
      policy: "fifo",
      tasks: [
        { id: "A", bursts: [4] },
        { id: "B", bursts: [2] },
        { id: "C", bursts: [4] },
      ],
    });
    expect(timeline(r)).toEqual(["0:A 0-4", "1:B 0-2", "1:C 2-6"]);
    expect(r.smp!.migrations).toEqual([{ time: 2, task: "C", from: 0, to: 1, reason: "idle-pull" }]);
    expect(costs(r, "C").migrationCostMs).toBe(0);
    expect(r.smp!.perCpu.map((c) => c.utilisation)).toEqual([4 / 6, 1]);
    // The log names the CPU and shows its queue before the pick: CPU 0 at 0 had A and C; CPU 1 at 2 the pulled C.
    const picks = r.decisions.filter((d) => d.picked !== null);
    expect(picks.map((d) => [d.time, d.cpu, d.picked, d.ready.map((x) => x.task)])).toEqual([
      [0, 0, "A", ["A", "C"]],
      [0, 1, "B", ["B"]],
      [2, 1, "C", ["C"]],
    ]);
  });

  test("a task waking while its last CPU is busy goes to an idle one and pays the migration cost there", () => {
    // A runs 0–2 on CPU 0 and sleeps until 3; B (1 ms) runs on CPU 1 and ends at 1. C arrives at 2.5:
    // both CPUs idle → CPU 0. A wakes at 3: CPU 0 busy, CPU 1 idle → CPU 1, paying 0.5 ms first: 3–5.5.
    const r = run({
      cpus: 2,
      smp: { balanceIntervalMs: 100, migrationCostMs: 0.5 },
      policy: "fifo",
      tasks: [
        { id: "A", bursts: [2, 1, 2] },
        { id: "B", bursts: [1] },
        { id: "C", arrival: 2.5, bursts: [5] },
      ],
    });
    expect(timeline(r)).toEqual(["0:A 0-2", "1:B 0-1", "0:C 2.5-7.5", "1:A 3-5.5"]);
    expect(r.smp!.migrations).toEqual([{ time: 3, task: "A", from: 0, to: 1, reason: "wakeup" }]);
    expect(costs(r, "A").migrationCostMs).toBe(0.5);
    const a = r.tasks.find((t) => t.id === "A")!;
    expect(a.cpuTime).toBe(4.5);
    expect(a.finish).toBe(5.5);
  });

  test("pinned tasks share their CPU while the other idles; neither balancing nor newidle moves them", () => {
    const r = run({
      cpus: 2,
      policy: "fifo",
      tasks: [
        { id: "A", bursts: [3], affinity: [1] },
        { id: "B", bursts: [3], affinity: [1] },
      ],
    });
    expect(timeline(r)).toEqual(["1:A 0-3", "1:B 3-6"]);
    expect(r.smp!.migrations).toEqual([]);
    expect(r.smp!.perCpu.map((c) => c.utilisation)).toEqual([0, 1]);
  });

  test("sched_setaffinity moves a running task at once", () => {
    const r = run({
      cpus: 2,
      policy: "fifo",
      tasks: [{ id: "A", bursts: [4], affinityChanges: [{ at: 2, cpus: [1] }] }],
    });
    expect(r.slices).toEqual([
      { cpu: 0, task: "A", start: 0, end: 2, endReason: "preempted" },
      { cpu: 1, task: "A", start: 2, end: 4, endReason: "finished" },
    ]);
    expect(r.smp!.migrations).toEqual([{ time: 2, task: "A", from: 0, to: 1, reason: "affinity" }]);
  });

  test("periodic balancing moves half the imbalance, oldest queued first, skipping pinned tasks", () => {
    // All four start pinned to CPU 0 (A runs, B C D queued); CPU 1 idles. At 1, C and D may use both
    // CPUs: nothing moves yet (CPU 1 already tried its newidle pull at 0). The tick at 3: CPU 1 has 0
    // tasks, CPU 0 has 4 → move ⌊4/2⌋ = 2; B is pinned, so C then D. CPU 1 runs C 3–13, then D.
    const pinned = { affinity: [0] };
    const freed = { affinity: [0], affinityChanges: [{ at: 1, cpus: [0, 1] }] };
    const r = run({
      cpus: 2,
      smp: { balanceIntervalMs: 3 },
      policy: "fifo",
      tasks: [
        { id: "A", bursts: [10], ...pinned },
        { id: "B", bursts: [10], ...pinned },
        { id: "C", bursts: [10], ...freed },
        { id: "D", bursts: [10], ...freed },
      ],
    });
    expect(timeline(r)).toEqual(["0:A 0-10", "1:C 3-13", "0:B 10-20", "1:D 13-23"]);
    expect(r.smp!.migrations).toEqual([
      { time: 3, task: "C", from: 0, to: 1, reason: "balance" },
      { time: 3, task: "D", from: 0, to: 1, reason: "balance" },
    ]);
  });

  test("OSTEP's cache model: cold runs at 1/warmRate until warm; a full cache evicts the least recently run", () => {
    // RR q=2 on one CPU, warm-up 1 ms, warm rate 2: each fresh turn does 0.5 (cold ms) + 1 (warm ms) of work.
    // Working sets 60 + 60 KiB > 100: each task evicts the other, so every turn starts cold:
    // A 0–2 (2.5 left), B 2–4, A 4–6 (1 left), B 6–8, A 8–9.5 (1 cold ms = 0.5, then 0.5 warm), B 9.5–11.
    const doc = (ws: number) => ({
      cpus: 1,
      smp: { warmRate: 2, warmupMs: 1, cacheKb: 100 },
      policy: { name: "rr", quantum: 2 },
      tasks: [
        { id: "A", bursts: [4], workingSetKb: ws },
        { id: "B", bursts: [4], workingSetKb: ws },
      ],
    });
    const thrash = run(doc(60));
    expect(timeline(thrash)).toEqual(["0:A 0-2", "0:B 2-4", "0:A 4-6", "0:B 6-8", "0:A 8-9.5", "0:B 9.5-11"]);
    expect(costs(thrash, "A").warmupCostMs).toBe(1.5);
    expect(thrash.tasks.find((t) => t.id === "A")!.cpuTime).toBe(5.5);
    // 40 + 40 KiB fit: only the first turn of each is cold. A 0–2 (2.5 left), B 2–4, A 4–6 (0.5), B 6–8, A 8–8.5, B 8.5–9.
    const fit = run(doc(40));
    expect(timeline(fit)).toEqual(["0:A 0-2", "0:B 2-4", "0:A 4-6", "0:B 6-8", "0:A 8-8.5", "0:B 8.5-9"]);
    expect(costs(fit, "B").warmupCostMs).toBe(0.5);
  });

  test("the shared queue: any free CPU takes the head, and a task moving CPUs is a shared-queue migration", () => {
    // RR q=2, both CPUs take A and B at 0; at 2 both expire and requeue (A first by tie-break): CPU 0
    // takes C, CPU 1 takes A (last on CPU 0): a move. At 4: C and A expire, B → CPU 0 (it ran on 1).
    const r = run({
      cpus: 2,
      smp: { queues: "single" },
      policy: { name: "rr", quantum: 2 },
      tasks: [
        { id: "A", bursts: [4] },
        { id: "B", bursts: [4] },
        { id: "C", bursts: [2] },
      ],
    });
    expect(timeline(r).slice(0, 4)).toEqual(["0:A 0-2", "1:B 0-2", "0:C 2-4", "1:A 2-4"]);
    expect(r.smp!.migrations.slice(0, 2)).toEqual([
      { time: 2, task: "A", from: 0, to: 1, reason: "shared-queue" },
      { time: 4, task: "B", from: 1, to: 0, reason: "shared-queue" },
    ]);
  });

  test("bad multi-CPU input is a list of errors naming the field", () => {
    const errors = (doc: object) => {
      const v = validateWorkload(doc);
      return v.ok ? [] : v.errors.map((e) => e.path);
    };
    const base = { policy: "fifo", tasks: [{ id: "A", bursts: [1] }] };
    expect(errors({ ...base, cpus: 0 })).toEqual(["cpus"]);
    expect(errors({ ...base, cpus: 2, tasks: [{ id: "A", bursts: [1], affinity: [] }] })).toEqual([
      "tasks[0].affinity",
    ]);
    expect(errors({ ...base, cpus: 2, tasks: [{ id: "A", bursts: [1], affinity: [2] }] })).toEqual([
      "tasks[0].affinity[0]",
    ]);
    expect(errors({ ...base, cpus: 2, policy: "cfs", smp: { queues: "single" } })).toEqual(["smp.queues"]);
    expect(errors({ ...base, cpus: 2, switchCost: { chargeTime: true } })).toEqual(["switchCost.chargeTime"]);
    expect(errors({ ...base, cpus: 2, smp: { warmRate: 0.5 } })).toEqual(["smp.warmRate"]);
    expect(
      errors({
        ...base,
        cpus: 2,
        tasks: [
          {
            id: "A",
            bursts: [1],
            affinityChanges: [
              { at: 2, cpus: [0] },
              { at: 1, cpus: [1] },
            ],
          },
        ],
      }),
    ).toEqual(["tasks[0].affinityChanges[1].at"]);
  });
});

describe("hostile multi-CPU input", () => {
  test("1,024 CPUs and thousands of tasks pinned to one CPU stop at the work cap, counted per CPU and per scanned task", () => {
    const tasks = Array.from({ length: 5_000 }, (_, i) => ({ id: `t${i}`, bursts: [1], repeat: true, affinity: [0] }));
    for (const queues of ["single", "per-cpu"]) {
      const v = validateWorkload({
        cpus: 1024,
        smp: { queues, balanceIntervalMs: 0.001 },
        policy: { name: "rr", quantum: 1 },
        tasks,
        horizon: 1e9,
        limits: { maxEvents: 200_000 },
        log: false,
      });
      if (!v.ok) throw new Error(JSON.stringify(v.errors));
      const r = simulate(v.value);
      expect(r.stats.stoppedBy).toBe("event-cap");
      // Every event visited 1,024 CPUs: far fewer events than the cap allows a single CPU.
      expect(r.stats.events).toBeLessThanOrEqual(200_000 / 1024 + 1);
      expect(r.warnings[0]).toMatch(/steps of work/);
    }
  });
});
