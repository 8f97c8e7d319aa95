// Regression tests, each named after the bug it caught.
import { describe, expect, test } from "vitest";
import { run, timeline } from "./__tests__/run";
import { simulate, simulateInput } from "./simulate";
import type { SimResult } from "./types";
import { validateWorkload } from "./validate";

/** The run is spent running, idling or switching: nothing left over, nothing negative. */
function expectClockAddsUp(r: SimResult): void {
  expect(r.stats.idleTime).toBeGreaterThanOrEqual(0);
  expect(r.stats.endTime).toBeCloseTo(r.stats.busyTime + r.stats.idleTime + r.switches.cpuTimeLostMs, 9);
  r.decisions.forEach((d, i) => expect(d.time).toBeGreaterThanOrEqual(i === 0 ? 0 : r.decisions[i - 1]!.time));
}

describe("regressions", () => {
  test("a task whose quantum expired at the horizon got stale waiting time added (waiting > horizon)", () => {
    const r = run({
      policy: "eevdf",
      horizon: 40,
      tasks: [
        { id: "A", bursts: [1], repeat: true },
        { id: "B", bursts: [1], repeat: true, nice: 5 },
      ],
    });
    for (const t of r.tasks) expect(t.waiting + t.cpuTime).toBeCloseTo(40, 9);
  });

  test("MLFQ boost timer kept an empty simulation alive until the event cap", () => {
    const v = validateWorkload({
      policy: { name: "mlfq", quanta: [10, 10], boostPeriod: 25 },
      tasks: [{ id: "A", bursts: [50] }],
    });
    if (!v.ok) throw new Error("invalid");
    const r = simulate(v.value);
    expect(r.stats.stoppedBy).toBe("completed");
    expect(r.stats.events).toBeLessThan(50);
  });

  test("CFS refreshed min_vruntime on enqueue, placing a second new task after the first instead of before", () => {
    const r = run({
      policy: "cfs",
      horizon: 4,
      tasks: [
        { id: "A", bursts: [1], repeat: true },
        { id: "B", bursts: [1], repeat: true },
      ],
    });
    expect(r.slices[0]!.task).toBe("B");
  });

  test("a CPU-bound-forever task (single repeating burst) ran its burst once and then read past the pattern", () => {
    const r = run({ policy: "fifo", horizon: 100, tasks: [{ id: "A", bursts: [3], repeat: true }] });
    expect(r.tasks[0]!.cpuTime).toBe(100);
    expect(r.stats.stoppedBy).toBe("horizon");
  });

  test("a CPU-bound-forever task logged remaining: Infinity in the decision log, which JSON cannot carry", () => {
    const r = run({ policy: "fifo", tasks: [{ id: "T0", bursts: [0.25], repeat: true }], horizon: 1 });
    expect(r.decisions[0]!.ready).toEqual([{ task: "T0", values: { remaining: null } }]);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    // The same under the Linux real-time class, whose ready list shows remaining too.
    const rt = run({
      policy: "eevdf",
      horizon: 2,
      tasks: [
        { id: "R", bursts: [1], repeat: true, class: "rr", priority: 5 },
        { id: "F", bursts: [1] },
      ],
    });
    expect(rt.decisions[0]!.ready[0]).toEqual({ task: "R", values: { priority: 5, remaining: null } });
    expect(JSON.parse(JSON.stringify(rt))).toEqual(rt);
  });

  test("a charged switch that ran past the next arrival set the clock back to it (idleTime -4)", () => {
    // A ends at 10; the switch to idle takes 5 ms and is not interrupted by B's arrival at 11, which is
    // handled when it completes at 15; the switch to B takes 5 more. B was ready from 11: it waits 4 ms.
    const r = run({
      policy: "fifo",
      tasks: [
        { id: "A", bursts: [10] },
        { id: "B", arrival: 11, bursts: [3] },
      ],
      switchCost: { chargeTime: true, idleUs: 5000 },
    });
    expect(timeline(r.slices)).toBe("A0-10 B20-23");
    expect(r.stats).toMatchObject({ endTime: 23, busyTime: 13, idleTime: 0 });
    expect(r.switches.cpuTimeLostMs).toBeCloseTo(10, 12);
    expect(r.tasks[1]).toMatchObject({ firstRun: 20, waiting: 4, response: 9 });
    expect(r.decisions.map((d) => [d.time, d.picked])).toEqual([
      [0, "A"],
      [10, null],
      [15, "B"],
      [23, null],
    ]);
    expectClockAddsUp(r);
    // The fuzz's smallest case: the wakeup at 0.5 comes during the 0.251 ms switch to idle.
    const shrunk = run({
      policy: { name: "stride", quantum: 0.25 },
      tasks: [{ id: "T0", bursts: [0.25, 0.25, 0.25] }],
      switchCost: { chargeTime: true, idleUs: 251 },
    });
    expect(timeline(shrunk.slices)).toBe("T00-0.25 T00.752-1.002");
    expectClockAddsUp(shrunk);
  });

  test("a charged switch that crossed the horizon ran the task after the horizon (firstRun > horizon)", () => {
    // The 2 ms switch from A to B starts at 5 and is cut at the horizon (6): B never runs.
    const r = run({
      policy: "fifo",
      horizon: 6,
      tasks: [
        { id: "A", bursts: [5] },
        { id: "B", bursts: [5] },
      ],
      switchCost: { chargeTime: true, processUs: 2000 },
    });
    expect(r.tasks[1]).toMatchObject({ cpuTime: 0, firstRun: null, waiting: 5 });
    expect(r.stats).toMatchObject({ endTime: 6, busyTime: 5, idleTime: 0, stoppedBy: "horizon" });
    expect(r.switches).toMatchObject({ total: 1, totalOverheadMs: 1, cpuTimeLostMs: 1 });
    expectClockAddsUp(r);
    // Likewise a switch to idle: B arrives at 5.5, but the switch started at 5 would end at 7.
    const toIdle = run({
      policy: "fifo",
      horizon: 6,
      tasks: [
        { id: "A", bursts: [5] },
        { id: "B", arrival: 5.5, bursts: [5] },
      ],
      switchCost: { chargeTime: true, idleUs: 2000 },
    });
    expect(toIdle.tasks[1]!.firstRun).toBeNull();
    expect(toIdle.stats).toMatchObject({ endTime: 6, idleTime: 0 });
    expectClockAddsUp(toIdle);
  });

  test("a new RT period that began during a charged switch went unnoticed for a whole period", () => {
    // R (FIFO) is throttled at 9 of its 9-per-10 ms; the switch to F runs 9–11, across the new period at
    // 10, so R takes the CPU back as soon as the switch completes instead of at the next period (20).
    const r = run({
      policy: { name: "eevdf", rtPeriodMs: 10, rtRuntimeMs: 9, fairServerMs: 0 },
      tasks: [
        { id: "R", bursts: [12], class: "fifo", priority: 1 },
        { id: "F", bursts: [20] },
      ],
      switchCost: { chargeTime: true, processUs: 2000 },
    });
    expect(timeline(r.slices)).toBe("R0-9 R13-16 F18-38");
    // F was switched in at 11 but preempted before it ran: its first run is at 18.
    expect(r.tasks[1]!.firstRun).toBe(18);
    expectClockAddsUp(r);
  });

  test("RT tasks with rtRuntimeMs 0 and no horizon spun until the event cap", () => {
    const doc = {
      policy: { name: "eevdf", throttle: "throttle", rtPeriodMs: 4, rtRuntimeMs: 0, fairServerMs: 0 },
      tasks: [{ id: "T0", bursts: [0.25], class: "fifo", priority: 1 }],
    };
    const refused = simulateInput(doc);
    expect(refused.ok).toBe(false);
    if (!refused.ok)
      expect(refused.errors).toEqual([
        { path: "policy.rtRuntimeMs", message: expect.stringMatching(/"T0" can never run.*never ends/) },
      ]);
    // With a horizon the run is well defined (the RT task never runs) and ends after a handful of events.
    const r = run({ ...doc, horizon: 1e9 });
    expect(r.stats).toMatchObject({ stoppedBy: "horizon", endTime: 1e9, idleTime: 1e9, busyTime: 0 });
    expect(r.stats.events).toBeLessThan(10);
    expect(r.warnings).toEqual([expect.stringMatching(/^from t=4 nothing can run/)]);
    // A fair task still runs; the stall is noticed only once it is done.
    const mixed = run({ ...doc, horizon: 100, tasks: [...doc.tasks, { id: "F", arrival: 30, bursts: [5] }] });
    expect(timeline(mixed.slices)).toBe("F30-35");
    expect(mixed.stats.events).toBeLessThan(20);
    // A Workload built without validation stops as "stalled" instead of spinning.
    const v = validateWorkload({ ...doc, horizon: 1 });
    if (!v.ok) throw new Error(JSON.stringify(v.errors));
    const { horizon: _drop, ...noHorizon } = v.value;
    const stalled = simulate(noHorizon);
    expect(stalled.stats).toMatchObject({ stoppedBy: "stalled", endTime: 4, events: 2 });
  });
});
