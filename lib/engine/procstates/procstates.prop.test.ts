// Properties of the process-states model over random workloads and every policy.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { simulateProcStates, type ProcStatesInput, type ProcStatesResult } from "./index";

const step = fc.oneof(
  fc.integer({ min: 1, max: 6 }).map((n) => ({ cpu: n })),
  fc.integer({ min: 0, max: 6 }).map((n) => ({ io: n })),
);
const processes = fc.array(fc.record({ program: fc.array(step, { maxLength: 5 }) }), { minLength: 1, maxLength: 5 });
const input: fc.Arbitrary<ProcStatesInput> = fc
  .record({
    processes,
    switchOn: fc.constantFrom("io" as const, "end" as const),
    ioDone: fc.constantFrom("immediate" as const, "later" as const),
    policy: fc.constantFrom("ostep" as const, "fifo" as const, "rr" as const),
    quantum: fc.integer({ min: 1, max: 4 }),
  })
  .map((r) => (r.policy === "rr" ? r : { ...r, quantum: undefined }));

function run(i: ProcStatesInput): ProcStatesResult {
  const r = simulateProcStates(i);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

const isRunning = (s: string) => s === "RUNNING" || s.startsWith("RUN:");
const cpuDemand = (i: ProcStatesInput) =>
  i.processes.reduce((sum, p) => sum + p.program.reduce((s, st) => s + ("cpu" in st ? st.cpu : 2), 0), 0);

describe("process-states properties", () => {
  test("at most one process holds the CPU in any tick", () => {
    fc.assert(
      fc.property(input, (i) => {
        for (const t of run(i).ticks) expect(t.states.filter(isRunning).length).toBeLessThanOrEqual(1);
      }),
    );
  });

  test("a BLOCKED process next shows BLOCKED, READY, or RUN:io_done on a tick where an I/O completed", () => {
    fc.assert(
      fc.property(input, (i) => {
        const ticks = run(i).ticks;
        for (let k = 1; k < ticks.length; k++) {
          ticks[k - 1]!.states.forEach((prev, pid) => {
            if (prev !== "BLOCKED") return;
            const next = ticks[k]!.states[pid]!;
            expect(["BLOCKED", "READY", "RUN:io_done"]).toContain(next);
            if (next !== "BLOCKED") expect(ticks[k]!.ioCompleted).toBe(true);
          });
        }
      }),
    );
  });

  test("CPU ticks = CPU demand + one io and one io_done tick per I/O; blocked ticks = I/O lengths", () => {
    fc.assert(
      fc.property(input, (i) => {
        const r = run(i);
        expect(r.cpuBusyTicks).toBe(cpuDemand(i));
        expect(r.ticks.filter((t) => t.cpuBusy).length).toBe(r.cpuBusyTicks);
        r.processes.forEach((p, pid) => {
          const ioTotal = i.processes[pid]!.program.reduce((s, st) => s + ("io" in st ? st.io : 0), 0);
          expect(p.blocked).toBe(ioTotal);
        });
      }),
    );
  });

  test("utilisation stays within [0, 1] and every process finishes", () => {
    fc.assert(
      fc.property(input, (i) => {
        const r = run(i);
        expect(r.ticks.length).toBe(r.totalTicks);
        for (const u of [r.cpuUtilization, r.ioUtilization]) {
          expect(u).toBeGreaterThanOrEqual(0);
          expect(u).toBeLessThanOrEqual(1);
        }
        for (const p of r.processes) expect(p.running + p.ready + p.blocked).toBe(p.finishedAt);
        expect(Math.max(...r.processes.map((p) => p.finishedAt))).toBe(r.totalTicks);
      }),
    );
  });

  test("RR never lets a process run past its quantum while another is READY", () => {
    fc.assert(
      fc.property(input, (i) => {
        if (i.policy !== "rr") return;
        const q = i.quantum!;
        const ticks = run(i).ticks;
        for (let k = q; k < ticks.length; k++) {
          ticks[k]!.states.forEach((s, pid) => {
            if (!s.startsWith("RUN:")) return;
            // An `io` inside the window means the process blocked (if only for 0 ticks) and was dispatched anew.
            const streak = ticks.slice(k - q, k).every((t) => t.states[pid]!.startsWith("RUN:") && t.states[pid] !== "RUN:io");
            if (streak) expect(ticks[k - 1]!.states.filter((o, other) => other !== pid && o === "READY")).toEqual([]);
          });
        }
      }),
    );
  });

  test("without preemption (switch on end, I/O later, FIFO or OSTEP) a process keeps the CPU until it is done", () => {
    fc.assert(
      fc.property(input, (i) => {
        if (i.policy === "rr") return;
        const ticks = run({ ...i, switchOn: "end", ioDone: "later" }).ticks;
        const holders = ticks.map((t) => t.states.findIndex((s) => isRunning(s))).filter((pid) => pid >= 0);
        const blocks = holders.filter((pid, k) => k === 0 || holders[k - 1] !== pid);
        expect(new Set(blocks).size).toBe(blocks.length);
      }),
    );
  });
});
