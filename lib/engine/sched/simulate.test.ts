// The loop's own contracts: decision log shape, horizons, event cap, SCHED_IDLE, text view.
import { describe, expect, test } from "vitest";
import { run, timeline } from "./__tests__/run";
import { formatTimeline } from "./format";
import { simulate } from "./simulate";
import { validateWorkload } from "./validate";

describe("decision log", () => {
  test("every pick is logged with the ready set, the winner, a rule id and a sentence", () => {
    const r = run({
      policy: "stcf",
      tasks: [
        { id: "A", bursts: [8] },
        { id: "B", arrival: 1, bursts: [4] },
        { id: "C", arrival: 2, bursts: [9] },
      ],
    });
    const picks = r.decisions.filter((d) => d.picked !== null);
    expect(picks.length).toBe(4); // A, B (preempts), A, C
    const atB = picks[1]!;
    expect(atB).toMatchObject({ time: 1, cpu: 0, picked: "B", rule: "stcf-shortest-remaining" });
    expect(atB.ready).toEqual([
      { task: "B", values: { remaining: 4 } },
      { task: "A", values: { remaining: 7 } },
    ]);
    expect(atB.message).toMatch(/^B runs: remaining 4 ms, the best of/);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r); // JSON-safe
  });
  test("log: false records nothing", () => {
    expect(run({ policy: "fifo", tasks: [{ id: "A", bursts: [1] }], log: false }).decisions).toEqual([]);
  });
});

describe("stopping", () => {
  test("the horizon cuts the running slice and leaves unfinished tasks with null finish", () => {
    const r = run({
      policy: { name: "rr", quantum: 4 },
      horizon: 6,
      tasks: [
        { id: "A", bursts: [10] },
        { id: "B", bursts: [10] },
      ],
    });
    expect(timeline(r.slices)).toBe("A0-4 B4-6");
    expect(r.slices[1]!.endReason).toBe("horizon");
    expect(r.tasks.map((t) => t.finish)).toEqual([null, null]);
    expect(r.stats.stoppedBy).toBe("horizon");
  });
  test("the event cap stops a run in bounded time and says so", () => {
    const v = validateWorkload({
      policy: { name: "rr", quantum: 0.001 },
      horizon: 1e9,
      tasks: [{ id: "A", bursts: [1], repeat: true }],
      limits: { maxEvents: 1000 },
      log: false,
    });
    if (!v.ok) throw new Error("invalid");
    const r = simulate(v.value);
    expect(r.stats.stoppedBy).toBe("event-cap");
    expect(r.warnings[0]).toMatch(/maxEvents/);
  });
  test("I/O gaps leave the CPU idle and are reported as idle time", () => {
    const r = run({ policy: "fifo", tasks: [{ id: "A", bursts: [2, 3, 1] }] });
    expect(timeline(r.slices)).toBe("A0-2 A5-6");
    expect(r.stats.idleTime).toBe(3);
    expect(r.tasks[0]!.turnaround).toBe(6);
  });
});

describe("SCHED_IDLE", () => {
  test("an idle-class task gets weight 3 against a nice-0 hog (share 3/1027)", () => {
    const r = run({
      policy: "eevdf",
      horizon: 20000,
      log: false,
      tasks: [
        { id: "N", bursts: [1], repeat: true },
        { id: "I", bursts: [1], repeat: true, class: "idle" },
      ],
    });
    expect(r.tasks[1]!.cpuTime / 20000).toBeLessThan(0.01);
    expect(r.tasks[1]!.cpuTime).toBeGreaterThan(0);
  });
});

test("formatTimeline echoes inputs, lists slices and metrics", () => {
  const text = formatTimeline(
    run({
      policy: "fifo",
      tasks: [
        { id: "A", bursts: [2] },
        { id: "B", bursts: [3] },
      ],
    }),
  );
  expect(text.split("\n")[0]).toBe('policy {"name":"fifo"}');
  expect(text).toMatch(/\[\s+2 – 5\s+\] B\s+finished/);
  expect(text).toMatch(/average \(2 finished\): turnaround 3.5/);
});
