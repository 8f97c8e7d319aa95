// Crash isolation: the textbook rules (a fault kills its whole process, never another process;
// threads share memory, processes do not unless it is mapped shared), checked on small cases
// whose answers follow from those rules by hand.
import { describe, expect, test } from "vitest";
import { simulateCrashScenario } from "./simulate";
import type { CrashReport, CrashScenario } from "./types";

function report(scenario: CrashScenario): CrashReport {
  const r = simulateCrashScenario(scenario);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}
const step = (r: CrashReport, process: string, thread: string, index: number) =>
  r.steps.find((s) => s.process === process && s.thread === thread && s.step === index)!;

describe("fault isolation", () => {
  test("a fault in one thread kills its sibling threads but not another process", () => {
    const r = report({
      processes: [
        {
          name: "a",
          threads: [
            { name: "main", steps: [{ print: "a1" }, { print: "a2" }] },
            { name: "bad", steps: [{ fault: "SIGSEGV" }] },
          ],
        },
        { name: "b", threads: [{ name: "main", steps: [{ print: "b1" }] }] },
      ],
    });
    expect(step(r, "a", "main", 0).appears).toBe("sometimes");
    expect(step(r, "a", "main", 1).appears).toBe("sometimes");
    expect(step(r, "b", "main", 0).appears).toBe("always");
    expect(step(r, "b", "main", 0).reason).toContain("another process");
    expect(r.processes.find((p) => p.process === "b")!.endings).toEqual(["exit 0 (main returned)"]);
    expect(r.processes.find((p) => p.process === "a")!.endings).toEqual([
      "exit 0 (main returned)",
      "killed by SIGSEGV (thread bad)",
    ]);
  });

  test("steps after a thread's own fault never run", () => {
    const r = report({
      processes: [
        {
          name: "p",
          threads: [{ name: "main", steps: [{ print: "before" }, { fault: "SIGFPE" }, { print: "after" }] }],
        },
      ],
    });
    expect(step(r, "p", "main", 0).appears).toBe("always");
    expect(step(r, "p", "main", 2).appears).toBe("never");
    expect(step(r, "p", "main", 2).reason).toContain("SIGFPE");
  });

  test("returning from main ends the process, cutting other threads short; pthread_exit does not", () => {
    const returns = report({
      processes: [
        {
          name: "p",
          threads: [
            { name: "main", steps: [] },
            { name: "t", steps: [{ print: "t" }] },
          ],
        },
      ],
    });
    expect(step(returns, "p", "t", 0).appears).toBe("never");
    const pthreadExit = report({
      processes: [
        {
          name: "p",
          threads: [
            { name: "main", steps: [{ pthreadExit: true }] },
            { name: "t", steps: [{ print: "t" }] },
          ],
        },
      ],
    });
    expect(step(pthreadExit, "p", "t", 0).appears).toBe("always");
    expect(pthreadExit.processes[0].endings).toEqual(["exit 0 (last thread finished)"]);
  });

  test("join orders a thread's output before main's", () => {
    const r = report({
      processes: [
        {
          name: "p",
          threads: [
            { name: "main", steps: [{ join: "t" }, { print: "joined" }] },
            { name: "t", steps: [{ print: "t" }] },
          ],
        },
      ],
    });
    expect(step(r, "p", "t", 0).appears).toBe("always");
    expect(step(r, "p", "main", 1).appears).toBe("always");
  });

  test("exit() in any thread ends the whole process", () => {
    const r = report({
      processes: [
        {
          name: "p",
          threads: [
            { name: "main", steps: [{ join: "t" }, { print: "m" }] },
            { name: "t", steps: [{ exit: 3 }] },
          ],
        },
      ],
    });
    expect(step(r, "p", "main", 1).appears).toBe("never");
    expect(r.processes[0].endings).toEqual(["exit 3 (thread t called exit)"]);
  });
});

describe("memory visibility", () => {
  const scenario = (shared: boolean): CrashScenario => ({
    memory: { x: { shared } },
    processes: [
      {
        name: "writer",
        threads: [
          { name: "main", steps: [{ store: { var: "x", value: 5 } }, { pthreadExit: true }] },
          { name: "reader", steps: [{ load: "x" }] },
        ],
      },
      { name: "other", threads: [{ name: "main", steps: [{ load: "x" }] }] },
    ],
  });
  test("threads of a process see each other's stores (depending on timing)", () => {
    expect(step(report(scenario(false)), "writer", "reader", 0).values).toEqual([0, 5]);
  });
  test("another process never sees a private store", () => {
    expect(step(report(scenario(false)), "other", "main", 0).values).toEqual([0]);
  });
  test("a MAP_SHARED variable is visible across processes", () => {
    expect(step(report(scenario(true)), "other", "main", 0).values).toEqual([0, 5]);
  });
});

describe("validation", () => {
  test("errors name the field", () => {
    const r = simulateCrashScenario({
      processes: [
        { name: "p", threads: [{ name: "main", steps: [{ load: "nope" }, { fault: "SIGKILL" }, { join: "main" }] }] },
      ],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.map((e) => e.path)).toEqual([
        "processes[0].threads[0].steps[0]",
        "processes[0].threads[0].steps[1]",
        "processes[0].threads[0].steps[2]",
      ]);
    }
  });
  test("non-objects, huge inputs and unknown fields are refused quickly", () => {
    expect(simulateCrashScenario(null).ok).toBe(false);
    expect(simulateCrashScenario({ processes: [], extra: 1 }).ok).toBe(false);
    const many = { processes: Array.from({ length: 1000 }, (_, i) => ({ name: `p${i}`, threads: [] })) };
    expect(simulateCrashScenario(many).ok).toBe(false);
    const long = {
      processes: [
        { name: "p", threads: [{ name: "main", steps: Array.from({ length: 10_000 }, () => ({ print: "x" })) }] },
      ],
    };
    expect(simulateCrashScenario(long).ok).toBe(false);
  });
  test("too many interleavings is refused with the bound named", () => {
    const threads = Array.from({ length: 8 }, (_, i) => ({
      name: `t${i}`,
      steps: Array.from({ length: 14 }, () => ({ print: "x" })),
    }));
    const r = simulateCrashScenario({
      processes: [{ name: "p", threads: [{ name: "main", steps: [{ pthreadExit: true }] }, ...threads.slice(0, 7)] }],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0].message).toContain("interleavings");
  });
});
