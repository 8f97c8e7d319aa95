// Bad input is rejected with an error naming the field, in bounded time and memory.
import { describe, expect, test } from "vitest";
import { MAX_TASKS } from "./defaults";
import { validateWorkload } from "./validate";

const ok = { policy: "fifo", tasks: [{ id: "A", bursts: [3] }] };

function errorsOf(doc: unknown): { path: string; message: string }[] {
  const r = validateWorkload(doc);
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.errors;
}

describe("validateWorkload", () => {
  test("a minimal document is valid and gets every default filled in", () => {
    const r = validateWorkload(ok);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.conventions).toEqual({ tieBreak: "arrival", arrivalVsExpired: "arrival-first" });
      expect(r.value.switchCost.chargeTime).toBe(false);
    }
  });

  test.each([
    ["negative arrival", { ...ok, tasks: [{ id: "A", arrival: -1, bursts: [3] }] }, "tasks[0].arrival", /≥ 0/],
    ["non-numeric burst", { ...ok, tasks: [{ id: "A", bursts: ["3"] }] }, "tasks[0].bursts[0]", /finite number/],
    ["NaN-like null burst", { ...ok, tasks: [{ id: "A", bursts: [null] }] }, "tasks[0].bursts[0]", /finite number/],
    ["zero CPU burst", { ...ok, tasks: [{ id: "A", bursts: [0] }] }, "tasks[0].bursts[0]", /> 0/],
    ["unknown policy", { ...ok, policy: { name: "lifo" } }, "policy.name", /unknown policy "lifo"/],
    [
      "nice out of range",
      { ...ok, policy: "cfs", tasks: [{ id: "A", bursts: [3], nice: 20 }] },
      "tasks[0].nice",
      /≤ 19/,
    ],
    [
      "fractional nice",
      { ...ok, policy: "cfs", tasks: [{ id: "A", bursts: [3], nice: 1.5 }] },
      "tasks[0].nice",
      /integer/,
    ],
    [
      "RT priority 0",
      { ...ok, policy: "eevdf", tasks: [{ id: "A", bursts: [3], class: "fifo", priority: 0 }] },
      "tasks[0].priority",
      /≥ 1/,
    ],
    [
      "RT priority 100",
      { ...ok, policy: "eevdf", tasks: [{ id: "A", bursts: [3], class: "rr", priority: 100 }] },
      "tasks[0].priority",
      /≤ 99/,
    ],
    [
      "RT class without priority",
      { ...ok, policy: "eevdf", tasks: [{ id: "A", bursts: [3], class: "fifo" }] },
      "tasks[0].priority",
      /required/,
    ],
    [
      "RT class under a textbook policy",
      { ...ok, tasks: [{ id: "A", bursts: [3], class: "fifo", priority: 5 }] },
      "tasks[0].class",
      /needs policy cfs or eevdf/,
    ],
    ["zero quantum", { ...ok, policy: { name: "rr", quantum: 0 } }, "policy.quantum", /> 0/],
    [
      "infinite workload without horizon",
      { ...ok, tasks: [{ id: "A", bursts: [3], repeat: true }] },
      "horizon",
      /required when a task repeats/,
    ],
    [
      "RT tasks with no RT runtime and no horizon",
      { ...ok, policy: { name: "cfs", rtRuntimeMs: 0 }, tasks: [{ id: "A", bursts: [3], class: "fifo", priority: 5 }] },
      "policy.rtRuntimeMs",
      /"A" can never run/,
    ],
    [
      "RT runtime below 1 µs and no horizon",
      {
        ...ok,
        policy: { name: "eevdf", rtRuntimeMs: 1e-10 },
        tasks: [{ id: "A", bursts: [3], class: "rr", priority: 5 }],
      },
      "policy.rtRuntimeMs",
      /≥ 0.001 \(1 µs\)/,
    ],
    [
      "odd repeating pattern",
      { ...ok, horizon: 10, tasks: [{ id: "A", bursts: [3, 1, 2], repeat: true }] },
      "tasks[0].bursts",
      /even length/,
    ],
    [
      "duplicate ids",
      {
        ...ok,
        tasks: [
          { id: "A", bursts: [1] },
          { id: "A", bursts: [1] },
        ],
      },
      "tasks[1].id",
      /duplicate/,
    ],
    ["typo in a field", { ...ok, policy: { name: "rr", quantam: 2 } }, "policy.quantam", /unknown field/],
    [
      "priority policy without priorities",
      { ...ok, policy: "priority" },
      "tasks[0].priority",
      /required by the priority policy/,
    ],
    [
      "mlfq allotments of the wrong length",
      { ...ok, policy: { name: "mlfq", quanta: [1, 2], allotments: [1] } },
      "policy.allotments",
      /one entry per level/,
    ],
    ["unknown tie-break", { ...ok, conventions: { tieBreak: "random" } }, "conventions.tieBreak", /one of/],
    ["event cap above the maximum", { ...ok, limits: { maxEvents: 1e12 } }, "limits.maxEvents", /≤/],
    ["horizon NaN as a string", { ...ok, horizon: "NaN" }, "horizon", /finite number/],
    ["not an object", 42, "", /must be an object/],
  ])("%s", (_name, doc, path, message) => {
    const errors = errorsOf(doc);
    const e = errors.find((x) => x.path === path);
    expect(e, JSON.stringify(errors)).toBeDefined();
    expect(e!.message).toMatch(message);
  });

  test("rtRuntimeMs 0 is accepted where it cannot stall a run: with a horizon, without RT tasks, or without throttling", () => {
    const rt = [{ id: "A", bursts: [3], class: "fifo", priority: 5 }];
    expect(validateWorkload({ policy: { name: "cfs", rtRuntimeMs: 0 }, tasks: rt, horizon: 10 }).ok).toBe(true);
    expect(validateWorkload({ policy: { name: "cfs", rtRuntimeMs: 0 }, tasks: [{ id: "A", bursts: [3] }] }).ok).toBe(
      true,
    );
    expect(validateWorkload({ policy: { name: "cfs", rtRuntimeMs: 0, throttle: "none" }, tasks: rt }).ok).toBe(true);
  });

  test("10 million tasks are rejected by count without looking at them", () => {
    // Work counter: every element the validator reads goes through this proxy.
    let reads = 0;
    const tasks = new Proxy(new Array(10_000_000), {
      get: (target, key, receiver) => {
        if (typeof key === "string" && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const errors = errorsOf({ policy: "fifo", tasks });
    expect(errors).toEqual([{ path: "tasks", message: `must have 1…${MAX_TASKS} tasks, got 10000000` }]);
    expect(reads).toBe(0);
  });

  test("a flood of bad tasks yields a bounded number of errors", () => {
    const tasks = Array.from({ length: 10_000 }, () => ({ id: "", arrival: -1, bursts: [] }));
    expect(errorsOf({ policy: "fifo", tasks }).length).toBeLessThanOrEqual(50);
  });

  test("a burst list past the per-task cap is rejected", () => {
    const errors = errorsOf({ policy: "fifo", tasks: [{ id: "A", bursts: new Array(20_000).fill(1) }] });
    expect(errors[0]!.path).toBe("tasks[0].bursts");
  });
});
