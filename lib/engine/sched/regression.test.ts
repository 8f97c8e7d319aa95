// Regression tests, each named after the bug it caught.
import { describe, expect, test } from "vitest";
import { run } from "./__tests__/run";
import { simulate } from "./simulate";
import { validateWorkload } from "./validate";

describe("regressions", () => {
  test("a task whose quantum expired at the horizon got stale waiting time added (waiting > horizon)", () => {
    const r = run({ policy: "eevdf", horizon: 40, tasks: [{ id: "A", bursts: [1], repeat: true }, { id: "B", bursts: [1], repeat: true, nice: 5 }] });
    for (const t of r.tasks) expect(t.waiting + t.cpuTime).toBeCloseTo(40, 9);
  });

  test("MLFQ boost timer kept an empty simulation alive until the event cap", () => {
    const v = validateWorkload({ policy: { name: "mlfq", quanta: [10, 10], boostPeriod: 25 }, tasks: [{ id: "A", bursts: [50] }] });
    if (!v.ok) throw new Error("invalid");
    const r = simulate(v.value);
    expect(r.stats.stoppedBy).toBe("completed");
    expect(r.stats.events).toBeLessThan(50);
  });

  test("CFS refreshed min_vruntime on enqueue, placing a second new task after the first instead of before", () => {
    const r = run({ policy: "cfs", horizon: 4, tasks: [{ id: "A", bursts: [1], repeat: true }, { id: "B", bursts: [1], repeat: true }] });
    expect(r.slices[0]!.task).toBe("B");
  });

  test("a CPU-bound-forever task (single repeating burst) ran its burst once and then read past the pattern", () => {
    const r = run({ policy: "fifo", horizon: 100, tasks: [{ id: "A", bursts: [3], repeat: true }] });
    expect(r.tasks[0]!.cpuTime).toBe(100);
    expect(r.stats.stoppedBy).toBe("horizon");
  });
});
