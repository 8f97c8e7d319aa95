// Oracles for the scheduler engine's policies on process-state workloads, worked out by hand.
//
// How a program looks to the scheduler: every instruction is one CPU tick, and the tick that issues
// an I/O ends a CPU burst; the io_done tick opens the next one. So {cpu 1},{io 2},{cpu 1} is the
// instructions c i d c, i.e. bursts [2 CPU, 2 I/O, 2 CPU]. An I/O issued at tick s blocks ticks
// s+1..s+n, and the process is READY again from tick s+n+1 (scheduler time s+n), marked `*`.
//
// Tables: one string per tick, one letter per process: c = RUN:cpu, i = RUN:io, d = RUN:io_done,
// r = READY, b = BLOCKED, - = DONE; a trailing * marks a tick at whose start an I/O completed.
import { describe, expect, test } from "vitest";
import { simulateProcStates, type ProcStatesInput, type ProcStatesResult } from "./index";

const LETTER: Record<string, string> = {
  "RUN:cpu": "c",
  "RUN:io": "i",
  "RUN:io_done": "d",
  READY: "r",
  BLOCKED: "b",
  DONE: "-",
  RUNNING: "R",
};

function run(input: ProcStatesInput): ProcStatesResult {
  const result = simulateProcStates(input);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

function table(r: ProcStatesResult): string[] {
  return r.ticks.map((t) => t.states.map((s) => LETTER[s]).join(" ") + (t.ioCompleted ? " *" : ""));
}

const cpu = (n: number) => ({ cpu: n });
const io = (n: number) => ({ io: n });

describe("SJF and STCF", () => {
  test("SJF runs the shortest burst first and lets a returning process wait for the CPU", () => {
    // Bursts at t=0: A [4], B [2 (c i), io 2, 2 (d c)], C [2]. Shortest: B and C tie at 2, B is
    // earlier in the list. B issues its I/O at tick 2 (blocked 3-4). At t=2 C (2) beats A (4) and
    // runs 3-4. At t=4 B is back with burst 2 < A's 4: B runs 5-6, then A 7-10.
    const r = run({
      processes: [
        { id: "A", program: [cpu(4)] },
        { id: "B", program: [cpu(1), io(2), cpu(1)] },
        { id: "C", program: [cpu(2)] },
      ],
      policy: "sjf",
    });
    expect(table(r)).toEqual([
      "r c r",
      "r i r",
      "r b c",
      "r b c",
      "r d - *",
      "r c -",
      "c - -",
      "c - -",
      "c - -",
      "c - -",
    ]);
    expect([r.totalTicks, r.cpuBusyTicks, r.ioBusyTicks]).toEqual([10, 10, 2]);
    expect(r.processes.map((p) => p.finishedAt)).toEqual([10, 6, 4]);
  });

  const ioFirst = {
    processes: [
      { id: "A", program: [cpu(5)] },
      { id: "B", program: [io(2), cpu(1)] },
    ],
  };

  test("STCF: a process whose I/O completes preempts a longer remaining burst", () => {
    // B's first burst is the single io tick (1 < 5): tick 1; blocked 2-3. A runs 2-3 (remaining 3).
    // At t=3 B returns with burst 2 (d c) < 3: it preempts A, runs 4-5; A finishes 6-8.
    const r = run({ ...ioFirst, policy: "stcf" });
    expect(table(r)).toEqual(["r i", "c b", "c b", "r d *", "r c", "c -", "c -", "c -"]);
  });

  test("SJF on the same workload does not preempt: B waits until A's burst ends", () => {
    const r = run({ ...ioFirst, policy: "sjf" });
    expect(table(r)).toEqual(["r i", "c b", "c b", "c r *", "c r", "c r", "- d", "- c"]);
    expect(r.processes[1]!.ready).toBe(3);
  });

  test("the alias srtf is STCF", () => {
    expect(table(run({ ...ioFirst, policy: "srtf" }))).toEqual(table(run({ ...ioFirst, policy: "stcf" })));
    expect(run({ ...ioFirst, policy: "srtf" }).config.policy).toBe("stcf");
  });
});

describe("static priority", () => {
  const workload = {
    processes: [
      { id: "A", program: [cpu(3)], priority: 2 },
      { id: "B", program: [io(1), cpu(1)], priority: 1 },
      { id: "C", program: [cpu(2)], priority: 3 },
    ],
  };

  test("non-preemptive, lower number is higher: B returning from I/O waits for A", () => {
    // B (1) first: io at tick 1, blocked tick 2, back at t=2. A (2) runs 2-4 without interruption,
    // then B (1) 5-6, then C (3) 7-8.
    const r = run({ ...workload, policy: { name: "priority" } });
    expect(table(r)).toEqual(["r i r", "c b r", "c r r *", "c r r", "- d r", "- c r", "- - c", "- - c"]);
    expect(r.config.scheduler).toEqual({ name: "priority", preemptive: false, higherIs: "lower-number" });
  });

  test("preemptive: B's return at t=2 takes the CPU from A at once", () => {
    const r = run({ ...workload, policy: { name: "priority", preemptive: true } });
    expect(table(r)).toEqual(["r i r", "c b r", "r d r *", "r c r", "c - r", "c - r", "- - c", "- - c"]);
  });

  test("preemptive, higher number is higher: C, A, then B, with the CPU idle during B's I/O", () => {
    // C (3) 1-2, A (2) 3-5, B (1) issues its I/O at 6, blocked at 7 with nothing else to run.
    const r = run({ ...workload, policy: { name: "priority", preemptive: true, higherIs: "higher-number" } });
    expect(table(r)).toEqual(["r r c", "r r c", "c r -", "c r -", "c r -", "- i -", "- b -", "- d - *", "- c -"]);
    expect([r.totalTicks, r.cpuBusyTicks, r.ioBusyTicks]).toEqual([9, 8, 1]);
    expect(r.cpuUtilization).toBeCloseTo(8 / 9, 12);
  });
});

describe("MLFQ", () => {
  test("allotment: two quanta of 1 at the top level, then the longer level-1 quantum", () => {
    // quanta [1, 4], allotments [2, 4]. A and B alternate at level 0 (1 tick each) until each has
    // used its 2-tick allotment (ticks 1-4), then A runs its last 2 ticks at level 1, then B.
    const r = run({
      processes: [{ program: [cpu(4)] }, { program: [cpu(4)] }],
      policy: { name: "mlfq", quanta: [1, 4], allotments: [2, 4] },
    });
    expect(table(r)).toEqual(["c r", "r c", "c r", "r c", "c r", "c r", "- c", "- c"]);
  });

  const gaming = {
    // A is CPU-bound; B issues an I/O every other tick (i d i d i d).
    processes: [
      { id: "A", program: [cpu(6)] },
      { id: "B", program: [io(1), io(1), io(1)] },
    ],
  };

  test("I/O does not reset the allotment (rule 4): B is demoted after 3 ticks despite its I/Os", () => {
    // quanta [3, 10]. A uses its 3-tick allotment (1-3) and drops to level 1. B: i at 4 (used 1),
    // blocked 5 while A runs; back at t=5 it preempts A (level 0 beats 1): d i at 6-7 (used 3).
    // Back at t=8 it preempts A again but has no allotment left: demoted at once, behind A, which
    // runs its last tick 9. B finishes at level 1: d i at 10-11, blocked 12 (CPU idle), d at 13.
    const r = run({ ...gaming, policy: { name: "mlfq", quanta: [3, 10] } });
    expect(table(r)).toEqual([
      "c r",
      "c r",
      "c r",
      "r i",
      "c b",
      "r d *",
      "r i",
      "c b",
      "c r *",
      "- d",
      "- i",
      "- b",
      "- d *",
    ]);
    expect([r.totalTicks, r.cpuBusyTicks, r.ioBusyTicks]).toEqual([13, 12, 3]);
  });

  test("with ioResetsAllotment (old rules 4a/4b) B stays at the top and finishes first", () => {
    // Each return from I/O resets B's allotment, so every return preempts A: B runs 4, 6-7, 9-10,
    // 12; A gets 1-3, 5, 8 and 11.
    const r = run({ ...gaming, policy: { name: "mlfq", quanta: [3, 10], ioResetsAllotment: true } });
    expect(table(r)).toEqual([
      "c r",
      "c r",
      "c r",
      "r i",
      "c b",
      "r d *",
      "r i",
      "c b",
      "r d *",
      "r i",
      "c b",
      "- d *",
    ]);
    expect(r.processes.map((p) => p.finishedAt)).toEqual([11, 12]);
  });

  test("priority boost: every 6 ticks both jobs return to level 0 with a fresh quantum", () => {
    // quanta [2, 4]. Without boost: A 1-2, B 3-4 (both demoted), A 5-8, B 9-12, A 13, B 14.
    // With boostPeriod 6: at t=6 A (running at level 1) and B are reset to level 0; A gets a fresh
    // 2-tick quantum (7-8) and is demoted, B runs 9-10 at level 0, A finishes at 11; B runs on at
    // level 1 and is boosted again at t=12, finishing 12-14.
    const processes = [{ program: [cpu(7)] }, { program: [cpu(7)] }];
    const runner = (r: ProcStatesResult) =>
      r.ticks.map((t) => "AB"[t.states.findIndex((s) => s.startsWith("RUN"))]).join("");
    expect(runner(run({ processes, policy: { name: "mlfq", quanta: [2, 4] } }))).toBe("AABBAAAABBBBAB");
    expect(runner(run({ processes, policy: { name: "mlfq", quanta: [2, 4], boostPeriod: 6 } }))).toBe("AABBAAAABBABBB");
  });
});

describe("lottery and stride", () => {
  test("lottery, seed 1: each quantum goes to the holder of a ticket drawn with Python's random()", () => {
    // Python: random.seed(1); random.random() → 0.1344, 0.8474, 0.7638, 0.2551, 0.4954, 0.4495,
    // 0.6516, 0.7887. Tickets in list order: A 0-74, B 75-99 (total 100 while both are ready).
    // t=0: 13 → A. t=1: 84 → B (c). t=2: 76 → B (i; blocked tick 4). t=3: only A (75 tickets): 19 →
    // A. t=4: B is back: 49 → A. t=5: 44 → A, which finishes at 6. t=6, t=7: only B: d, c.
    const r = run({
      processes: [
        { id: "A", program: [cpu(4)], tickets: 75 },
        { id: "B", program: [cpu(1), io(1), cpu(1)], tickets: 25 },
      ],
      policy: { name: "lottery", seed: 1 },
    });
    expect(table(r)).toEqual(["c r", "r c", "r i", "c b", "c r *", "c r", "- d", "- c"]);
  });

  test("lottery is deterministic for a seed, and another seed draws differently", () => {
    const input = (seed: number): ProcStatesInput => ({
      processes: [
        { program: [cpu(4)], tickets: 75 },
        { program: [cpu(1), io(1), cpu(1)], tickets: 25 },
      ],
      policy: { name: "lottery", seed },
    });
    expect(run(input(1))).toEqual(run(input(1)));
    // Python: random.seed(2); random.random() → 0.956: ticket 95 is B's, so B runs first.
    expect(table(run(input(2)))[0]).toBe("r c");
  });

  test("stride: A with twice B's tickets gets two ticks for each of B's; B returns from I/O at the global pass", () => {
    // strideConstant 4: A (4 tickets) stride 1, B (2 tickets) stride 2; quantum 1; smallest pass
    // runs, ties to A. Passes (A,B): 0,0 → A; 1,0 → B; 1,2 → A; 2,2 → A; 3,2 → B issues its I/O at
    // tick 5 (B 4; blocked 6-7); A 6-7 (passes 3→4→5, global pass 4). B returns at t=7 with
    // max(4, 4) = 4 < 5: d at 8 (B 6); 5,6 → A; 6,6 → A; 7,6 → B's last tick 11; A 12.
    const r = run({
      processes: [
        { id: "A", program: [cpu(8)], tickets: 4 },
        { id: "B", program: [cpu(1), io(2), cpu(1)], tickets: 2 },
      ],
      policy: { name: "stride", strideConstant: 4 },
    });
    expect(table(r)).toEqual(["c r", "r c", "c r", "c r", "r i", "c b", "c b", "r d *", "c r", "c r", "r c", "c -"]);
    expect([r.totalTicks, r.cpuBusyTicks, r.ioBusyTicks]).toEqual([12, 12, 2]);
  });
});

describe("CFS and EEVDF (hz 1000: one timer tick per table tick)", () => {
  test("CFS: the sleeper's low vruntime makes its wakeup preempt the CPU hog", () => {
    // latency 6 ms, min granularity 0.75, wakeup granularity 1. START_DEBIT: A is placed at
    // 0 + 6 (alone, its slice is the whole period), B at 0 + 3 (half the period), so B runs first:
    // c i at 1-2 (vruntime 5), blocked 3-4. A runs 3-4 (vruntime 8). B wakes at t=4 with
    // max(5, 8 − 6/2) = 5; 8 − 5 = 3 > 1 ms of wakeup granularity: B preempts A, runs d c at 5-6;
    // A finishes 7-10.
    const r = run({
      processes: [
        { id: "A", program: [cpu(6)] },
        { id: "B", program: [cpu(1), io(2), cpu(1)] },
      ],
      policy: { name: "cfs", hz: 1000 },
    });
    expect(table(r)).toEqual(["r c", "r i", "c b", "c b", "r d *", "r c", "c -", "c -", "c -", "c -"]);
  });

  test("EEVDF: equal tasks alternate every tick; a woken task with an equal deadline loses the tie", () => {
    // base slice 0.75 ms; new tasks are placed at V = 0 with half a slice (deadline 0.375). Each tick
    // the runner passes its deadline, gets a new one (v + 0.75) and is rescheduled; the other one is
    // eligible (v ≤ V): A 1, B 2, A 3 (deadlines tie at V = 1: list order), B's io at 4 (v 2, lag 0),
    // A 5-6 alone (v 4, deadline 4.75). B wakes at t=6 at V = 4 with its lag 0: v 4, deadline 4.75,
    // equal to A's, and the tie goes to A again: A 7 (deadline passes), B's d at 8, A 9 (tie at V = 5),
    // B's c at 10.
    const r = run({
      processes: [
        { id: "A", program: [cpu(6)] },
        { id: "B", program: [cpu(1), io(2), cpu(1)] },
      ],
      policy: { name: "eevdf", hz: 1000 },
    });
    expect(table(r)).toEqual(["c r", "r c", "c r", "r i", "c b", "c b", "c r *", "r d", "c r", "- c"]);
  });

  test("EEVDF at the default 250 Hz: two hogs alternate every 4 ticks (one timer tick)", () => {
    const r = run({ processes: [{ program: [cpu(8)] }, { program: [cpu(8)] }], policy: "eevdf" });
    const runner = r.ticks.map((t) => t.states.findIndex((s) => s.startsWith("RUN"))).join("");
    expect(runner).toBe("0000111100001111");
  });
});

describe("RR and I/O completions at the end of a quantum (the machine and the scheduler agree)", () => {
  test("a process whose I/O completes as the quantum ends queues ahead of the preempted one", () => {
    // quantum 2. A 1-2, B issues io(2) at 3 (blocked 4-5), A 4-5 (quantum used up at t=5). B's
    // I/O completes at t=5 too: B queues first, so A is preempted and B's io_done runs at 6.
    const r = run({
      processes: [
        { id: "A", program: [cpu(6)] },
        { id: "B", program: [io(2)] },
      ],
      policy: "rr",
      quantum: 2,
    });
    expect(table(r)).toEqual(["c r", "c r", "r i", "c b", "c b", "r d *", "c -", "c -"]);
  });

  test("with nobody else READY when its quantum ends, a process starts a fresh quantum", () => {
    // quantum 3. A 1-3, B io(4) at 4 (blocked 5-8), A 5-7; at t=7 nobody is READY, so A's new
    // quantum runs 8-10 although B is back at t=8; B's io_done waits until 11.
    const r = run({
      processes: [
        { id: "A", program: [cpu(12)] },
        { id: "B", program: [io(4)] },
      ],
      policy: "rr",
      quantum: 3,
    });
    const runner = r.ticks.map((t) => "AB"[t.states.findIndex((s) => s.startsWith("RUN"))]).join("");
    expect(runner).toBe("AAABAAAAAABAAA");
    expect(r.ticks[8]!.states).toEqual(["RUN:cpu", "READY"]);
  });
});

describe("scheduler policies: input rules", () => {
  const errorsOf = (input: unknown) => {
    const r = simulateProcStates(input);
    return r.ok ? [] : r.errors;
  };
  const one = [{ program: [cpu(2)] }];

  test("echoes the scheduler's policy with its defaults and the per-process fields", () => {
    const r = run({ processes: [{ program: [cpu(1)], tickets: 10, nice: 3 }], policy: "mlfq" });
    expect(r.config.scheduler).toEqual({
      name: "mlfq",
      quanta: [10, 10, 10],
      allotments: [10, 10, 10],
      boostPeriod: 0,
      ioResetsAllotment: false,
    });
    expect(r.config).toMatchObject({ policy: "mlfq", switchOn: "io", ioDone: "policy", quantum: null });
    expect(r.config.processes[0]).toEqual({ id: "P0", program: [cpu(1)], tickets: 10, nice: 3 });
  });

  test("an empty program is DONE from the first tick", () => {
    const r = run({ processes: [{ program: [] }, { program: [cpu(1)] }], policy: "sjf" });
    expect(table(r)).toEqual(["- c"]);
    expect(run({ processes: [{ program: [] }], policy: "sjf" }).totalTicks).toBe(0);
  });

  test.each([
    [
      "the priority policy without priorities",
      { processes: one, policy: "priority" },
      "processes[0].priority",
      "required",
    ],
    [
      "a priority that is not an integer",
      { processes: [{ program: [cpu(1)], priority: 1.5 }], policy: "priority" },
      "processes[0].priority",
      "integer",
    ],
    [
      "zero tickets",
      { processes: [{ program: [cpu(1)], tickets: 0 }], policy: "lottery" },
      "processes[0].tickets",
      "≥ 1",
    ],
    ["nice out of range", { processes: [{ program: [cpu(1)], nice: 40 }], policy: "cfs" }, "processes[0].nice", "≤ 19"],
    [
      "bad tickets under a machine policy",
      { processes: [{ program: [cpu(1)], tickets: -1 }] },
      "processes[0].tickets",
      "≥ 1",
    ],
    ["an unknown policy", { processes: one, policy: "edf" }, "policy", '"mlfq"'],
    ["an unknown policy object name", { processes: one, policy: { name: 7 } }, "policy.name", "got 7"],
    [
      "a fractional MLFQ quantum",
      { processes: one, policy: { name: "mlfq", quanta: [1.5] } },
      "policy.quanta[0]",
      "whole number of ticks",
    ],
    [
      "a fractional boost period",
      { processes: one, policy: { name: "mlfq", boostPeriod: 2.5 } },
      "policy.boostPeriod",
      "whole number",
    ],
    [
      "MLFQ allotments of the wrong length",
      { processes: one, policy: { name: "mlfq", quanta: [1, 2], allotments: [3] } },
      "policy.allotments",
      "one entry per level",
    ],
    [
      "a fractional lottery quantum",
      { processes: one, policy: { name: "lottery", quantum: 0.5 } },
      "policy.quantum",
      "whole number",
    ],
    ["a negative seed", { processes: one, policy: { name: "lottery", seed: -1 } }, "policy.seed", "≥ 0"],
    [
      "a CFS hz that does not divide 1000",
      { processes: one, policy: { name: "cfs", hz: 300 } },
      "policy.hz",
      "divide 1000",
    ],
    [
      "an unknown policy option",
      { processes: one, policy: { name: "stride", speed: 2 } },
      "policy.speed",
      "unknown field",
    ],
    [
      "a top-level quantum for lottery",
      { processes: one, policy: "lottery", quantum: 2 },
      "quantum",
      '{"name": "lottery", "quantum": 2}',
    ],
    ["ioDone under STCF", { processes: one, policy: "stcf", ioDone: "immediate" }, "ioDone", "the policy decides"],
    ["switch on end under MLFQ", { processes: one, policy: "mlfq", switchOn: "end" }, "switchOn", '"io"'],
    [
      "an option on a machine policy",
      { processes: one, policy: { name: "fifo", quantum: 2 } },
      "policy.quantum",
      'not an option of policy "fifo"',
    ],
    [
      "an RR quantum given twice",
      { processes: one, policy: { name: "rr", quantum: 2 }, quantum: 2 },
      "quantum",
      "twice",
    ],
    [
      "an unknown process field",
      { processes: [{ program: [cpu(1)], weight: 2 }], policy: "cfs" },
      "processes[0].weight",
      "not a known field",
    ],
  ])("rejects %s, naming the field", (_name, input, path, words) => {
    const errors = errorsOf(input);
    const error = errors.find((e) => e.path === path);
    expect(error, JSON.stringify(errors)).toBeDefined();
    expect(error!.message).toContain(words);
  });

  test("RR accepts its quantum inside the policy object too", () => {
    const a = run({ processes: [{ program: [cpu(3)] }, { program: [cpu(3)] }], policy: { name: "rr", quantum: 2 } });
    const b = run({ processes: [{ program: [cpu(3)] }, { program: [cpu(3)] }], policy: "rr", quantum: 2 });
    expect(a).toEqual(b);
    expect(a.config.quantum).toBe(2);
  });
});
