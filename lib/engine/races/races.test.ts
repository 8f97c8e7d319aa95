import { describe, expect, it } from "vitest";
import {
  assembleRace,
  checkMutualExclusion,
  compilePseudoC,
  finalValues,
  findDeadlock,
  lockSystem,
  RaceBoundError,
  RaceScheduleError,
  RaceSyntaxError,
  runInterleaving,
  runInterrupts,
  type RaceSystem,
} from "./index";

const increment = compilePseudoC("tmp = count; tmp = tmp + 1; count = tmp;", ["count"]);
const twoIncrements: RaceSystem = { threads: [{ program: increment }, { program: increment }] };

describe("pseudo-C", () => {
  it("compiles a read-modify-write into separate load, add and store instructions", () => {
    expect(increment.instrs.map((i) => i.text)).toEqual(["mov count, %ax", "add $1, %ax", "mov %ax, count"]);
    // OSTEP's looping-race-nolock.s: the increment goes through %ax, a register x86.py has in both
    // variants (an earlier compiler used %ex, which threads-intro's x86.py does not have).
    expect(compilePseudoC("count++;", ["count"]).instrs.map((i) => i.text)).toEqual([
      "mov count, %ax",
      "add $1, %ax",
      "mov %ax, count",
    ]);
    expect(compilePseudoC("x = a + b", ["x", "a", "b"]).instrs.map((i) => i.text)).toEqual([
      "mov a, %ax",
      "mov b, %bx",
      "add %bx, %ax",
      "mov %ax, x",
    ]);
    // Scratch registers skip the ones locals own, wherever in the program the local first appears.
    expect(compilePseudoC("count++; t = 5; u = t", ["count"]).instrs.map((i) => i.text)).toEqual([
      "mov count, %cx",
      "add $1, %cx",
      "mov %cx, count",
      "mov $5, %ax",
      "mov %ax, %bx",
    ]);
  });

  it("the register a thread loads count into holds the loaded value (what a stepper shows)", () => {
    const program = compilePseudoC("count++;", ["count"]);
    const system: RaceSystem = { threads: [{ program }, { program }], memory: { count: 41 } };
    const afterLoads = runInterleaving(system, [0, 1]);
    expect(afterLoads.threads.map((t) => t.registers.ax)).toEqual([41, 41]);
    const afterAdd = runInterleaving(system, [0, 1, 0]);
    expect(afterAdd.threads.map((t) => t.registers.ax)).toEqual([42, 41]);
  });

  it("computes t = u - t without overwriting t first", () => {
    const program = compilePseudoC("t = 2; u = 10; t = u - t; x = t", ["x"]);
    expect(
      runInterleaving(
        { threads: [{ program }] },
        program.instrs.map(() => 0),
      ).memory.x,
    ).toBe(8);
  });

  it("says when a statement needs a scratch register and all four hold locals", () => {
    expect(() => compilePseudoC("a = 1; b = 2; c = 3; d = 4; count++", ["count"])).toThrow(
      new RaceSyntaxError(
        1,
        "this statement needs a scratch register, but all 4 hold local variables (use fewer locals)",
      ),
    );
  });

  it("reports unreadable statements with their line", () => {
    expect(() => compilePseudoC("count++;\ncount *= 2;", ["count"])).toThrow(
      new RaceSyntaxError(
        2,
        "cannot read statement 'count *= 2' (use x = a; x = a + b; x++; lock(m); unlock(m); yield)",
      ),
    );
  });
});

describe("explicit interleavings", () => {
  it("loses an update when the loads interleave, and keeps both when they do not", () => {
    expect(runInterleaving(twoIncrements, [0, 1, 0, 1, 0, 1]).memory.count).toBe(1);
    expect(runInterleaving(twoIncrements, [0, 0, 0, 1, 1, 1]).memory.count).toBe(2);
    const lost = runInterleaving(twoIncrements, [0, 1, 1, 1, 0, 0]);
    expect(lost.memory.count).toBe(1);
    expect(lost.steps.map((s) => `${s.thread}:${s.text}`)).toEqual([
      "0:mov count, %ax",
      "1:mov count, %ax",
      "1:add $1, %ax",
      "1:mov %ax, count",
      "0:add $1, %ax",
      "0:mov %ax, count",
    ]);
  });

  it("refuses a step by a finished thread, naming the schedule entry", () => {
    expect(() => runInterleaving(twoIncrements, [0, 0, 0, 0])).toThrow(
      new RaceScheduleError("schedule[3]: thread 0 has already finished"),
    );
  });

  it("runs an interrupt schedule like x86.py -i", () => {
    // Quantum 1 alternates the threads instruction by instruction: both load 0, so one update is lost.
    expect(runInterrupts(twoIncrements, 1).memory.count).toBe(1);
    expect(runInterrupts(twoIncrements, 3).memory.count).toBe(2);
    expect(runInterrupts(twoIncrements, [2, 3]).steps.map((s) => s.thread)).toEqual([0, 0, 1, 1, 1, 0]);
  });
});

describe("every interleaving", () => {
  it("finds both final values of two unprotected increments, with a witness for each", () => {
    const result = finalValues(twoIncrements, "count");
    expect(result.values).toEqual([1, 2]);
    expect(runInterleaving(twoIncrements, result.witnesses.get(1)!).memory.count).toBe(1);
    expect(runInterleaving(twoIncrements, result.witnesses.get(2)!).memory.count).toBe(2);
  });

  it("shows a naive flag lock letting two threads in, and test-and-set keeping them apart", () => {
    const naive = checkMutualExclusion(lockSystem("naive", 2, 1));
    expect(naive.holds).toBe(false);
    if (!naive.holds) {
      expect(naive.threadsInside).toEqual([0, 1]);
      // Both threads read the flag as 0 before either sets it.
      const reads = naive.outcome.steps.filter((s) => s.text === "mov lock, %ax").map((s) => s.thread);
      expect(reads).toEqual(expect.arrayContaining([0, 1]));
    }
    expect(checkMutualExclusion(lockSystem("tas", 2, 2)).holds).toBe(true);
  });

  it("stops past the state bound with a clear error", () => {
    expect(() => finalValues(lockSystem("none", 3, 6), "count", 500)).toThrow(RaceBoundError);
    expect(() => finalValues(lockSystem("none", 3, 6), "count", 500)).toThrow(/more than 500 distinct states/);
  });
});

describe("deadlock", () => {
  const ab = compilePseudoC("lock(a); lock(b); count++; unlock(b); unlock(a);", ["count"]);
  const ba = compilePseudoC("lock(b); lock(a); count++; unlock(a); unlock(b);", ["count"]);

  it("finds the interleaving and wait-for cycle when two threads take locks in opposite orders", () => {
    const report = findDeadlock({ threads: [{ program: ab }, { program: ba }] });
    expect(report.deadlock).toBe(true);
    if (report.deadlock) {
      expect(report.interleaving).toHaveLength(2);
      expect(report.cycle).toEqual([
        { thread: 0, mutex: "b", heldBy: 1 },
        { thread: 1, mutex: "a", heldBy: 0 },
      ]);
    }
  });

  it("proves there is none when both take the locks in the same order", () => {
    const report = findDeadlock({ threads: [{ program: ab }, { program: ab }] });
    expect(report).toEqual({ deadlock: false, states: expect.any(Number) });
    expect(finalValues({ threads: [{ program: ab }, { program: ab }] }, "count").values).toEqual([2]);
  });
});

describe("assembler errors", () => {
  it("names the line and the problem", () => {
    expect(() => assembleRace("mov $1, %ax\njne .nowhere")).toThrow(
      new RaceSyntaxError(2, "label .nowhere is not defined"),
    );
    expect(() => assembleRace("mov count, %ax")).toThrow(/variable 'count' is not declared/);
    expect(() => assembleRace(".var a\n.var b\nmov a, b")).toThrow(/memory to memory/);
    expect(() => assembleRace("add $1, %gx")).toThrow(/unknown register %gx/);
  });
});
