// Properties of the race model that follow from theory, checked on random small systems, plus a
// cross-check against the independent x86.py port.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runOstepX86 } from "../ostep/x86";
import {
  checkMutualExclusion,
  compilePseudoC,
  CORRECT_LOCKS,
  finalValues,
  findDeadlock,
  lockSource,
  lockSystem,
  RaceScheduleError,
  runInterleaving,
  runInterrupts,
  type LockKind,
} from "./index";

describe("race model properties", () => {
  it("a correct lock never admits two threads into the critical section, and no increment is lost", () => {
    fc.assert(
      // Three threads by two iterations is already ~100k states for the spin locks; these sizes stay quick.
      fc.property(fc.constantFrom(...CORRECT_LOCKS), fc.constantFrom([2, 1], [2, 2], [3, 1]), (kind, [n, k]) => {
        const threads = kind === "peterson" ? 2 : n;
        const system = lockSystem(kind, threads, k!);
        expect(checkMutualExclusion(system).holds).toBe(true);
        expect(finalValues(system, "count").values).toEqual([threads * k!]);
      }),
      { numRuns: 12 },
    );
  });

  it("the final values of unprotected count++ by N threads x K times are the closed form", () => {
    // Known result: one thread gives K; with K = 1 every value 1..N occurs; with N, K >= 2 the minimum is 2
    // (a thread's stale store can wipe all but one other increment) and every value up to N*K occurs.
    const closedForm = (n: number, k: number): number[] => {
      const low = n === 1 ? k : k === 1 ? 1 : 2;
      return Array.from({ length: n * k - low + 1 }, (_, i) => low + i);
    };
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }), (n, k) => {
        fc.pre(n * k <= 6);
        const program = compilePseudoC("count++;\n".repeat(k), ["count"]);
        const result = finalValues({ threads: Array.from({ length: n }, () => ({ program })) }, "count");
        expect(result.values).toEqual(closedForm(n, k));
        for (const [value, witness] of result.witnesses)
          expect(
            runInterleaving({ threads: Array.from({ length: n }, () => ({ program })) }, witness).memory.count,
          ).toBe(value);
      }),
      { numRuns: 15 },
    );
  });

  it("every reported deadlock has a wait-for cycle that really blocks, and a global lock order never deadlocks", () => {
    const mutexes = ["a", "b", "c"];
    const order = fc.shuffledSubarray(mutexes, { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(fc.array(order, { minLength: 2, maxLength: 3 }), (orders) => {
        const source = (locks: string[]) =>
          [...locks.map((m) => `lock(${m})`), "count++", ...[...locks].reverse().map((m) => `unlock(${m})`)].join(
            ";\n",
          );
        const system = { threads: orders.map((locks) => ({ program: compilePseudoC(source(locks), ["count"]) })) };
        const report = findDeadlock(system);
        if (report.deadlock) {
          expect(report.cycle.length).toBeGreaterThanOrEqual(2);
          report.cycle.forEach((edge, i) =>
            expect(edge.heldBy).toBe(report.cycle[(i + 1) % report.cycle.length]!.thread),
          );
          for (const edge of report.cycle) {
            expect(() => runInterleaving(system, [...report.interleaving, edge.thread])).toThrow(RaceScheduleError);
          }
        }
        const sorted = {
          threads: orders.map((locks) => ({ program: compilePseudoC(source([...locks].sort()), ["count"]) })),
        };
        expect(findDeadlock(sorted).deadlock).toBe(false);
      }),
      { numRuns: 40 },
    );
  });

  it("compiled pseudo-C runs in threads-intro's x86.py (ax..dx only) and ends like our interrupt schedule", () => {
    const statement = fc.constantFrom("count++", "count--", "t = count", "t = t + 1", "count = t", "u = count + t");
    fc.assert(
      fc.property(fc.array(statement, { minLength: 1, maxLength: 5 }), fc.integer({ min: 1, max: 6 }), (lines, q) => {
        const program = compilePseudoC(lines.join(";\n"), ["count"]);
        const source = [".var count", ...program.instrs.map((i) => i.text), "halt"].join("\n");
        const ours = runInterrupts({ threads: [{ program }, { program }] }, q);
        const run = runOstepX86(
          ["-p", "prog.s", "-t", "2", "-i", String(q), "-M", "count", "-c"],
          { readProgram: () => source },
          "intro",
        );
        expect(run.exitCode, run.stdout).toBe(0);
        const rows = run.stdout.trimEnd().split("\n");
        expect(Number(rows.at(-1)!.trim().split(/\s+/)[0])).toBe(ours.memory.count);
      }),
      { numRuns: 40 },
    );
  });

  it("an interrupt schedule ends with the same shared memory as x86.py run with the same -i", () => {
    const kinds: LockKind[] = ["none", "naive", "tas", "ttas", "ticket", "peterson", "yield"];
    fc.assert(
      fc.property(
        fc.constantFrom(...kinds),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 3 }),
        (kind, quantum, k) => {
          const source = lockSource(kind, k);
          const ours = runInterrupts(lockSystem(kind, 2, k), quantum);
          const run = runOstepX86(["-p", "prog.s", "-i", String(quantum), "-a", "bx=0,bx=1", "-M", "count", "-c"], {
            readProgram: () => source,
          });
          expect(run.exitCode).toBe(0);
          const rows = run.stdout.trimEnd().split("\n");
          expect(Number(rows.at(-1)!.trim().split(/\s+/)[0])).toBe(ours.memory.count);
          // x86.py prints one row per instruction executed, plus a row per switch.
          const executed = rows.filter((row) => /\d+ \S/.test(row.slice(8)) && !row.includes("------")).length;
          expect(executed).toBe(ours.steps.length);
        },
      ),
      { numRuns: 40 },
    );
  });
});
