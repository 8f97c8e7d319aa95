// Properties of the process-states model over random workloads and every policy.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { simulateProcStates, type ProcStateCell, type ProcStatesInput, type ProcStatesResult } from "./index";
import { runMachine } from "./machine";
import { runScheduled } from "./scheduled";
import { toInstructions } from "./validate";

const step = fc.oneof(
  fc.integer({ min: 1, max: 6 }).map((n) => ({ cpu: n })),
  fc.integer({ min: 0, max: 6 }).map((n) => ({ io: n })),
);
const processes = fc.array(
  fc.record({
    program: fc.array(step, { maxLength: 5 }),
    priority: fc.integer({ min: 0, max: 3 }),
    tickets: fc.integer({ min: 1, max: 200 }),
    nice: fc.integer({ min: -5, max: 5 }),
  }),
  { minLength: 1, maxLength: 5 },
);
const machineInput: fc.Arbitrary<ProcStatesInput> = fc
  .record({
    processes,
    switchOn: fc.constantFrom("io" as const, "end" as const),
    ioDone: fc.constantFrom("immediate" as const, "later" as const),
    policy: fc.constantFrom("ostep" as const, "fifo" as const, "rr" as const),
    quantum: fc.integer({ min: 1, max: 4 }),
  })
  .map((r) => (r.policy === "rr" ? r : { ...r, quantum: undefined }));
const quantum = fc.integer({ min: 1, max: 3 });
const schedulerPolicy = fc.oneof(
  fc.constantFrom("sjf" as const, "stcf" as const),
  fc.record({
    name: fc.constant("priority"),
    preemptive: fc.boolean(),
    higherIs: fc.constantFrom("lower-number", "higher-number"),
  }),
  fc.record({
    name: fc.constant("mlfq"),
    quanta: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }),
    boostPeriod: fc.integer({ min: 0, max: 12 }),
    ioResetsAllotment: fc.boolean(),
  }),
  fc.record({ name: fc.constant("lottery"), quantum, seed: fc.integer({ min: 0, max: 1000 }) }),
  fc.record({ name: fc.constant("stride"), quantum }),
  fc.record({ name: fc.constantFrom("cfs", "eevdf"), hz: fc.constantFrom(1000, 500, 250) }),
);
const scheduledInput: fc.Arbitrary<ProcStatesInput> = fc.record({ processes, policy: schedulerPolicy });
const input = fc.oneof(machineInput, scheduledInput);

function run(i: ProcStatesInput): ProcStatesResult {
  const r = simulateProcStates(i);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

const policyName = (i: ProcStatesInput) => (typeof i.policy === "object" ? i.policy.name : (i.policy ?? "ostep"));
const isRunning = (s: string) => s === "RUNNING" || s.startsWith("RUN:");
const cpuDemand = (i: ProcStatesInput) =>
  i.processes.reduce((sum, p) => sum + p.program.reduce((s, st) => s + ("cpu" in st ? st.cpu : 2), 0), 0);
const column = (r: ProcStatesResult, pid: number): ProcStateCell[] => r.ticks.map((t) => t.states[pid]!);

describe("process-states properties", () => {
  test("at most one process holds the CPU in any tick", () => {
    fc.assert(
      fc.property(input, (i) => {
        for (const t of run(i).ticks) expect(t.states.filter(isRunning).length).toBeLessThanOrEqual(1);
      }),
    );
  });

  test("when a process is READY, exactly one process holds the CPU (switching on I/O wastes no tick)", () => {
    fc.assert(
      fc.property(input, (i) => {
        if (i.switchOn === "end") return;
        for (const t of run(i).ticks) {
          if (t.states.includes("READY")) expect(t.states.filter(isRunning).length).toBe(1);
        }
      }),
    );
  });

  test("BLOCKED exactly during I/O: the n ticks after each I/O of length n is issued, and never otherwise", () => {
    fc.assert(
      fc.property(input, (i) => {
        const r = run(i);
        i.processes.forEach((p, pid) => {
          const ioLengths = p.program.flatMap((st) => ("io" in st ? [st.io] : []));
          let blockedLeft = 0;
          for (const cell of column(r, pid)) {
            if (blockedLeft > 0) {
              expect(cell).toBe("BLOCKED");
              blockedLeft -= 1;
            } else expect(cell).not.toBe("BLOCKED");
            if (cell === "RUN:io") blockedLeft = ioLengths.shift()!;
          }
          expect(ioLengths).toEqual([]);
        });
      }),
    );
  });

  test("each process executes its program in order, and only its program", () => {
    fc.assert(
      fc.property(input, (i) => {
        const r = run(i);
        i.processes.forEach((p, pid) => {
          const executed = column(r, pid).flatMap((c) => (c.startsWith("RUN:") ? [c.slice(4)] : []));
          expect(executed).toEqual(toInstructions(p.program).map((ins) => ins.op));
        });
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
        r.processes.forEach((p, pid) => {
          const ioTotal = i.processes[pid]!.program.reduce((s, st) => s + ("io" in st ? st.io : 0), 0);
          expect(p.blocked).toBe(ioTotal);
        });
      }),
    );
  });

  test("utilisation figures agree with the table", () => {
    fc.assert(
      fc.property(input, (i) => {
        const r = run(i);
        expect(r.ticks.length).toBe(r.totalTicks);
        for (const t of r.ticks) {
          expect(t.cpuBusy).toBe(t.states.some((s) => s.startsWith("RUN:")));
          // Each BLOCKED process waits for exactly one I/O of its own.
          expect(t.iosInFlight).toBe(t.states.filter((s) => s === "BLOCKED").length);
        }
        expect(r.cpuBusyTicks).toBe(r.ticks.filter((t) => t.cpuBusy).length);
        expect(r.ioBusyTicks).toBe(r.ticks.filter((t) => t.iosInFlight > 0).length);
        expect(r.cpuUtilization).toBe(r.totalTicks === 0 ? 0 : r.cpuBusyTicks / r.totalTicks);
        expect(r.ioUtilization).toBe(r.totalTicks === 0 ? 0 : r.ioBusyTicks / r.totalTicks);
        for (const u of [r.cpuUtilization, r.ioUtilization]) {
          expect(u).toBeGreaterThanOrEqual(0);
          expect(u).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  test("every process finishes, and its summary counts its ticks", () => {
    fc.assert(
      fc.property(input, (i) => {
        const r = run(i);
        for (const p of r.processes) expect(p.running + p.ready + p.blocked).toBe(p.finishedAt);
        expect(Math.max(...r.processes.map((p) => p.finishedAt))).toBe(r.totalTicks);
        if (r.totalTicks > 0)
          expect(r.ticks[r.totalTicks - 1]!.states.every((s) => s !== "READY" && s !== "BLOCKED")).toBe(true);
      }),
    );
  });

  test("the same input (and seed) gives the same result", () => {
    fc.assert(
      fc.property(input, (i) => {
        expect(run(structuredClone(i))).toEqual(run(i));
      }),
      { numRuns: 50 },
    );
  });

  test("the scheduler engine's FIFO and RR reproduce the machine's (switch on I/O, I/O run later)", () => {
    const programs = fc.array(fc.array(step, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(programs, fc.integer({ min: 1, max: 4 }), (steps, q) => {
        const instructions = steps.map((p) => toInstructions(p));
        const machine = (policy: "fifo" | "rr") =>
          runMachine({ programs: instructions, switchOn: "io", ioDone: "later", policy, quantum: q });
        expect(runScheduled(instructions, { name: "fifo" }, [])).toEqual(machine("fifo"));
        expect(runScheduled(instructions, { name: "rr", quantum: q }, [])).toEqual(machine("rr"));
      }),
      { numRuns: 300 },
    );
  });

  test("RR never lets a process run past its quantum while another is READY", () => {
    fc.assert(
      fc.property(machineInput, (i) => {
        if (i.policy !== "rr") return;
        const q = i.quantum!;
        const ticks = run(i).ticks;
        for (let pid = 0; pid < i.processes.length; pid++) {
          // Quanta run back to back from a dispatch: when one ends with nobody READY the process keeps
          // the CPU for a fresh quantum, so only windows that start at a quantum boundary are quanta.
          // An `io` means the process blocked (if only for 0 ticks) and is dispatched anew after it.
          let dispatched = -1;
          for (let k = 0; k < ticks.length; k++) {
            const s = ticks[k]!.states[pid]!;
            if (!s.startsWith("RUN:")) {
              dispatched = -1;
              continue;
            }
            if (dispatched < 0) dispatched = k;
            const ran = k - dispatched;
            if (ran > 0 && ran % q === 0)
              expect(
                ticks[k - 1]!.states.filter((o, other) => other !== pid && o === "READY"),
                `tick ${k}, process ${pid}`,
              ).toEqual([]);
            if (s === "RUN:io") dispatched = -1;
          }
        }
      }),
    );
  });

  test("without preemption (switch on end, I/O later, FIFO or OSTEP) a process keeps the CPU until it is done", () => {
    fc.assert(
      fc.property(machineInput, (i) => {
        if (i.policy === "rr") return;
        const ticks = run({ ...i, switchOn: "end", ioDone: "later" }).ticks;
        const holders = ticks.map((t) => t.states.findIndex((s) => isRunning(s))).filter((pid) => pid >= 0);
        const blocks = holders.filter((pid, k) => k === 0 || holders[k - 1] !== pid);
        expect(new Set(blocks).size).toBe(blocks.length);
      }),
    );
  });

  test("non-preemptive policies (SJF, priority, FIFO) give up the CPU only by issuing an I/O or finishing", () => {
    fc.assert(
      fc.property(input, (i) => {
        const name = policyName(i);
        const nonPreemptive =
          name === "sjf" ||
          (typeof i.policy === "object" && name === "priority" && i.policy.preemptive === false) ||
          (name === "fifo" && i.ioDone === "later");
        if (!nonPreemptive) return;
        const r = run(i);
        const left = i.processes.map((p) => toInstructions(p.program).length);
        for (let k = 0; k + 1 < r.ticks.length; k++) {
          const pid = r.ticks[k]!.states.findIndex((s) => s.startsWith("RUN:"));
          if (pid < 0) continue;
          left[pid]! -= 1;
          if (r.ticks[k]!.states[pid] !== "RUN:io" && left[pid]! > 0)
            expect(r.ticks[k + 1]!.states[pid]).toMatch(/^RUN:/);
        }
      }),
    );
  });

  test("preemptive priority: no READY process ever has a higher priority than the running one", () => {
    fc.assert(
      fc.property(input, (i) => {
        if (typeof i.policy !== "object" || i.policy.name !== "priority" || i.policy.preemptive !== true) return;
        const better =
          i.policy.higherIs === "higher-number" ? (a: number, b: number) => a > b : (a: number, b: number) => a < b;
        for (const t of run(i).ticks) {
          const runner = t.states.findIndex((s) => s.startsWith("RUN:"));
          if (runner < 0) continue;
          t.states.forEach((s, pid) => {
            if (s === "READY") expect(better(i.processes[pid]!.priority!, i.processes[runner]!.priority!)).toBe(false);
          });
        }
      }),
    );
  });

  test("STCF: the running process never has a longer remaining CPU burst than a READY one", () => {
    fc.assert(
      fc.property(input, (i) => {
        if (policyName(i) !== "stcf") return;
        const programs = i.processes.map((p) => toInstructions(p.program));
        const pc = programs.map(() => 0);
        // Ticks left in the current burst: up to and including the next `io`, or to the end.
        const burstLeft = (pid: number) => {
          const rest = programs[pid]!.slice(pc[pid]);
          const io = rest.findIndex((ins) => ins.op === "io");
          return io < 0 ? rest.length : io + 1;
        };
        for (const t of run(i).ticks) {
          const runner = t.states.findIndex((s) => s.startsWith("RUN:"));
          if (runner < 0) continue;
          t.states.forEach((s, pid) => {
            if (s === "READY") expect(burstLeft(runner)).toBeLessThanOrEqual(burstLeft(pid));
          });
          pc[runner]! += 1;
        }
      }),
    );
  });
});
