// Oracles: OSTEP chapter 4 homework questions, solved by hand (2021 process-run semantics: an I/O
// blocks for exactly its length, then needs one io_done CPU tick).
import { describe, expect, test } from "vitest";
import { simulateProcStates } from "./index";
import type { ProcStatesInput, ProcStatesResult } from "./index";

function run(input: ProcStatesInput): ProcStatesResult {
  const result = simulateProcStates(input);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

const cpu = (n: number) => ({ cpu: n });
const io = (n: number) => ({ io: n });
const column = (r: ProcStatesResult, pid: number) => r.ticks.map((t) => t.states[pid]);

describe("OSTEP chapter 4 homework, by hand", () => {
  test("Q1 -l 5:100,5:100: two CPU-only processes keep the CPU 100% busy for 10 ticks", () => {
    const r = run({ processes: [{ program: [cpu(5)] }, { program: [cpu(5)] }] });
    expect(r.totalTicks).toBe(10);
    expect(r.cpuUtilization).toBe(1);
    expect(r.ioBusyTicks).toBe(0);
    expect(column(r, 1)).toEqual([..."RRRRR"].map(() => "READY").concat(Array(5).fill("RUN:cpu")));
  });

  test("Q2 -l 4:100,1:0: the I/O starts only after the CPU job, 11 ticks", () => {
    const r = run({ processes: [{ program: [cpu(4)] }, { program: [io(5)] }] });
    // ticks 1-4 P0 computes, 5 P1 issues the I/O, 6-10 it is blocked, 11 io_done.
    expect(r.totalTicks).toBe(11);
    expect(r.cpuBusyTicks).toBe(6);
    expect(r.ioBusyTicks).toBe(5);
    expect(column(r, 1)).toEqual([...Array(4).fill("READY"), "RUN:io", ...Array(5).fill("BLOCKED"), "RUN:io_done"]);
    expect(r.ticks[10]!.ioCompleted).toBe(true);
  });

  test("Q3 -l 1:0,4:100: switching on I/O overlaps the I/O with computation, 7 ticks", () => {
    const r = run({ processes: [{ program: [io(5)] }, { program: [cpu(4)] }] });
    expect(r.totalTicks).toBe(7);
    expect(r.cpuBusyTicks).toBe(6);
    expect(r.ioBusyTicks).toBe(5);
    expect(r.ticks[5]!.cpuBusy).toBe(false); // tick 6: P1 is done, P0 still blocked
    expect(r.processes.map((p) => p.blocked)).toEqual([5, 0]);
  });

  test("Q4 SWITCH_ON_END: the CPU idles through the I/O, 11 ticks", () => {
    const r = run({ processes: [{ program: [io(5)] }, { program: [cpu(4)] }], switchOn: "end" });
    expect(r.totalTicks).toBe(11);
    expect(r.cpuBusyTicks).toBe(6);
    expect(column(r, 1).slice(0, 7)).toEqual(Array(7).fill("READY"));
  });

  test("Q6 IO_RUN_LATER: the I/O-bound process waits behind three CPU jobs, 31 ticks", () => {
    const r = run({
      processes: [
        { program: [io(5), io(5), io(5)] },
        { program: [cpu(5)] },
        { program: [cpu(5)] },
        { program: [cpu(5)] },
      ],
    });
    // P0 io at 1; P1 2-6; P2 7-11 (P0 ready at 7 but waits); P3 12-16; P0 io_done 17, io 18, blocked 19-23,
    // io_done 24, io 25, blocked 26-30, io_done 31.
    expect(r.totalTicks).toBe(31);
    expect(r.cpuBusyTicks).toBe(21);
    expect(r.ioBusyTicks).toBe(15);
    expect(r.processes[0]!.ready).toBe(10);
  });

  test("Q7 IO_RUN_IMMEDIATE: the returning process runs at once, keeping the CPU 100% busy, 21 ticks", () => {
    const r = run({
      processes: [
        { program: [io(5), io(5), io(5)] },
        { program: [cpu(5)] },
        { program: [cpu(5)] },
        { program: [cpu(5)] },
      ],
      ioDone: "immediate",
    });
    expect(r.totalTicks).toBe(21);
    expect(r.cpuUtilization).toBe(1);
    expect(r.ioBusyTicks).toBe(15);
    expect(r.ticks[6]!.states).toEqual(["RUN:io_done", "DONE", "READY", "READY"]);
  });
});

describe("generalised policies, by hand", () => {
  test("RR with quantum 2 alternates two CPU jobs every two ticks", () => {
    const r = run({
      processes: [
        { id: "A", program: [cpu(4)] },
        { id: "B", program: [cpu(3)] },
      ],
      policy: "rr",
      quantum: 2,
    });
    const runner = r.ticks.map((t) => t.states.findIndex((s) => s.startsWith("RUN")));
    expect(runner).toEqual([0, 0, 1, 1, 0, 0, 1]);
    expect(r.processes.map((p) => p.finishedAt)).toEqual([6, 7]);
  });

  test("RR puts a preempted job behind the ones already waiting", () => {
    const r = run({
      processes: [{ program: [cpu(2)] }, { program: [cpu(1)] }, { program: [cpu(1)] }],
      policy: "rr",
      quantum: 1,
    });
    const runner = r.ticks.map((t) => t.states.findIndex((s) => s.startsWith("RUN")));
    expect(runner).toEqual([0, 1, 2, 0]);
  });

  test("FIFO serves processes in the order they became ready, where OSTEP's scan goes by pid", () => {
    // t1 P0 issues io(3), ready at 5; t2 P1 issues io(1), ready at 4; P2 computes 3-7. When P2 ends,
    // OSTEP scans on from pid 2 and wraps to P0; FIFO takes P1, which has been ready longer.
    const base = { processes: [{ program: [io(3)] }, { program: [io(1), cpu(1)] }, { program: [cpu(5)] }] };
    const runners = (r: ProcStatesResult) => r.ticks.map((t) => t.states.findIndex((s) => s.startsWith("RUN")));
    expect(runners(run(base))).toEqual([0, 1, 2, 2, 2, 2, 2, 0, 1, 1]);
    expect(runners(run({ ...base, policy: "fifo" }))).toEqual([0, 1, 2, 2, 2, 2, 2, 1, 1, 0]);
  });

  test("an I/O of length 0 still costs the io and io_done ticks", () => {
    const r = run({ processes: [{ program: [io(0)] }] });
    expect(column(r, 0)).toEqual(["RUN:io", "RUN:io_done"]);
    expect(r.ioBusyTicks).toBe(0);
  });

  test("an empty program holds the CPU idle for one tick, as process-run.py does", () => {
    const r = run({ processes: [{ program: [] }, { program: [cpu(1)] }] });
    expect(r.ticks.map((t) => t.states)).toEqual([
      ["RUNNING", "READY"],
      ["DONE", "RUN:cpu"],
    ]);
    expect(r.cpuBusyTicks).toBe(1);
  });
});

describe("validation", () => {
  const errorsOf = (input: unknown) => {
    const r = simulateProcStates(input);
    return r.ok ? [] : r.errors;
  };

  test("names every bad field with its path", () => {
    const errors = errorsOf({
      processes: [
        { id: "A", program: [{ cpu: -1 }, { io: 1.5 }, { disk: 2 }, 7] },
        { id: "A", program: "c3" },
      ],
      switchOn: "sometimes",
      policy: "rr",
    });
    const paths = errors.map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        "processes[0].program[0].cpu",
        "processes[0].program[1].io",
        "processes[0].program[2]",
        "processes[0].program[3]",
        "processes[1].id",
        "processes[1].program",
        "switchOn",
        "quantum",
      ]),
    );
    expect(errors.find((e) => e.path === "switchOn")!.message).toContain('"io", "end"');
  });

  test.each([
    ["not an object", 42],
    ["no processes", {}],
    ["empty process list", { processes: [] }],
    ["NaN length", { processes: [{ program: [{ cpu: Number.NaN }] }] }],
    ["infinite I/O", { processes: [{ program: [{ io: Number.POSITIVE_INFINITY }] }] }],
    ["huge step", { processes: [{ program: [{ cpu: 1e12 }] }] }],
    ["too many processes", { processes: Array.from({ length: 1000 }, () => ({ program: [{ cpu: 1 }] })) }],
    ["too many steps", { processes: [{ program: Array.from({ length: 100_000 }, () => ({ cpu: 1 })) }] }],
    [
      "too many ticks overall",
      {
        processes: Array.from({ length: 30 }, () => ({ program: Array.from({ length: 100 }, () => ({ io: 10_000 })) })),
      },
    ],
    ["quantum without rr", { processes: [{ program: [{ cpu: 1 }] }], quantum: 2 }],
    ["quantum zero", { processes: [{ program: [{ cpu: 1 }] }], policy: "rr", quantum: 0 }],
    ["unknown field", { processes: [{ program: [{ cpu: 1 }] }], speed: 2 }],
  ])("rejects %s with bounded work", (_name, input) => {
    // Work counter: array elements the validator reads (each array of the input is wrapped).
    let reads = 0;
    const counted = (value: unknown): unknown => {
      if (Array.isArray(value)) {
        const items = value.map(counted);
        return new Proxy(items, {
          get: (target, key, receiver) => {
            if (typeof key === "string" && /^\d+$/.test(key)) reads++;
            return Reflect.get(target, key, receiver) as unknown;
          },
        });
      }
      if (value && typeof value === "object")
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, counted(v)]));
      return value;
    };
    expect(errorsOf(counted(input) as typeof input).length).toBeGreaterThan(0);
    // Below any walk of the 100 000-step program or a tick-by-tick run of the 30 million I/O ticks.
    expect(reads).toBeLessThan(10_000);
  });

  test("fills defaults: OSTEP policy, switch on I/O, I/O run later, ids P0..", () => {
    const r = run({ processes: [{ program: [cpu(1)] }, { program: [cpu(1)] }] });
    expect(r.config).toEqual({
      processes: [
        { id: "P0", program: [cpu(1)] },
        { id: "P1", program: [cpu(1)] },
      ],
      switchOn: "io",
      ioDone: "later",
      policy: "ostep",
      quantum: null,
      scheduler: null,
    });
  });
});
