// Oracles from the textbooks: OSTEP ch. 7 (FIFO/SJF/STCF/RR), ch. 8 (MLFQ), ch. 9 (stride), and
// Silberschatz, Galvin & Gagne "Operating System Concepts" ch. 5 (the classic average-waiting-time tables).
import { describe, expect, test } from "vitest";
import { avg, jobs, metric, run, timeline } from "./__tests__/run";

describe("OSTEP ch. 7", () => {
  test("FIFO, three 10 ms jobs at t=0: average turnaround 20", () => {
    const r = run({ policy: "fifo", tasks: jobs(["A", 0, 10], ["B", 0, 10], ["C", 0, 10]) });
    expect(avg(r, "turnaround")).toBe(20);
  });
  test("FIFO convoy (A=100, B=C=10): average turnaround 110", () => {
    const r = run({ policy: "fifo", tasks: jobs(["A", 0, 100], ["B", 0, 10], ["C", 0, 10]) });
    expect(avg(r, "turnaround")).toBe(110);
  });
  test("SJF on the convoy: average turnaround 50", () => {
    const r = run({ policy: "sjf", tasks: jobs(["A", 0, 100], ["B", 0, 10], ["C", 0, 10]) });
    expect(avg(r, "turnaround")).toBe(50);
    expect(timeline(r.slices)).toBe("B0-10 C10-20 A20-120");
  });
  test("SJF with late arrivals (B, C at 10) cannot preempt: average turnaround 103.33", () => {
    const r = run({ policy: "sjf", tasks: jobs(["A", 0, 100], ["B", 10, 10], ["C", 10, 10]) });
    expect(avg(r, "turnaround")).toBeCloseTo(310 / 3, 9);
  });
  test("STCF with late arrivals: average turnaround 50", () => {
    const r = run({ policy: "stcf", tasks: jobs(["A", 0, 100], ["B", 10, 10], ["C", 10, 10]) });
    expect(avg(r, "turnaround")).toBe(50);
    expect(timeline(r.slices)).toBe("A0-10 B10-20 C20-30 A30-120");
  });
  test("RR (q=1) on three 5 ms jobs: average response 1; SJF: 5", () => {
    const tasks = jobs(["A", 0, 5], ["B", 0, 5], ["C", 0, 5]);
    const rr = run({ policy: { name: "rr", quantum: 1 }, tasks });
    expect(avg(rr, "response")).toBe(1);
    expect(avg(rr, "turnaround")).toBe(14);
    expect(avg(run({ policy: "sjf", tasks }), "response")).toBe(5);
  });
});

describe("Silberschatz ch. 5 average waiting times", () => {
  test("FCFS 24, 3, 3: 17", () => {
    expect(avg(run({ policy: "fcfs", tasks: jobs(["P1", 0, 24], ["P2", 0, 3], ["P3", 0, 3]) }), "waiting")).toBe(17);
  });
  test("SJF 6, 8, 7, 3: 7", () => {
    const r = run({ policy: "sjf", tasks: jobs(["P1", 0, 6], ["P2", 0, 8], ["P3", 0, 7], ["P4", 0, 3]) });
    expect(avg(r, "waiting")).toBe(7);
  });
  test("SRTF (arrivals 0,1,2,3; bursts 8,4,9,5): 6.5", () => {
    const r = run({ policy: "srtf", tasks: jobs(["P1", 0, 8], ["P2", 1, 4], ["P3", 2, 9], ["P4", 3, 5]) });
    expect(avg(r, "waiting")).toBe(6.5);
  });
  test("RR q=4 on 24, 3, 3: 17/3", () => {
    const r = run({ policy: { name: "rr", quantum: 4 }, tasks: jobs(["P1", 0, 24], ["P2", 0, 3], ["P3", 0, 3]) });
    expect(avg(r, "waiting")).toBeCloseTo(17 / 3, 9);
  });
  test("non-preemptive priority (lower number = higher): 8.2", () => {
    const tasks = [
      ["P1", 10, 3],
      ["P2", 1, 1],
      ["P3", 2, 4],
      ["P4", 1, 5],
      ["P5", 5, 2],
    ].map(([id, burst, priority]) => ({ id, arrival: 0, bursts: [burst], priority }));
    const r = run({ policy: { name: "priority" }, tasks });
    expect(avg(r, "waiting")).toBeCloseTo(8.2, 9);
    expect(timeline(r.slices)).toBe("P2 0-1 P5 1-6 P1 6-16 P3 16-18 P4 18-19".replace(/ (\d)/g, "$1"));
  });
  test("priority direction flips with higherIs", () => {
    const tasks = [
      { id: "lo", bursts: [1], priority: 1 },
      { id: "hi", bursts: [1], priority: 9 },
    ];
    expect(run({ policy: { name: "priority", higherIs: "higher-number" }, tasks }).slices[0]!.task).toBe("hi");
    expect(run({ policy: { name: "priority", higherIs: "lower-number" }, tasks }).slices[0]!.task).toBe("lo");
  });
  test("preemptive priority preempts on a strictly better arrival only", () => {
    const tasks = [
      { id: "A", arrival: 0, bursts: [10], priority: 5 },
      { id: "B", arrival: 2, bursts: [3], priority: 1 },
      { id: "C", arrival: 3, bursts: [3], priority: 5 },
    ];
    const r = run({ policy: { name: "priority", preemptive: true }, tasks });
    expect(timeline(r.slices)).toBe("A0-2 B2-5 A5-13 C13-16");
  });
});

describe("round-robin conventions", () => {
  const tasks = jobs(["A", 0, 4], ["B", 2, 2]);
  test("arrival-first: a job arriving when the quantum expires queues ahead of the expired job", () => {
    const r = run({ policy: { name: "rr", quantum: 2 }, tasks: [...tasks, { id: "C", arrival: 1, bursts: [2] }] });
    // At t=2 queue is [C]; B arrives at 2 and A expires at 2: B before A.
    expect(timeline(r.slices)).toBe("A0-2 C2-4 B4-6 A6-8");
  });
  test("expired-first puts the expired job ahead", () => {
    const r = run({
      policy: { name: "rr", quantum: 2 },
      conventions: { arrivalVsExpired: "expired-first" },
      tasks: [...tasks, { id: "C", arrival: 1, bursts: [2] }],
    });
    expect(timeline(r.slices)).toBe("A0-2 C2-4 A4-6 B6-8");
  });
  test("tie-break by id vs list order for simultaneous arrivals", () => {
    const t2 = jobs(["b", 0, 1], ["a", 0, 1]);
    expect(run({ policy: "fifo", tasks: t2 }).slices[0]!.task).toBe("b");
    expect(run({ policy: "fifo", tasks: t2, conventions: { tieBreak: "id" } }).slices[0]!.task).toBe("a");
  });
});

describe("MLFQ (OSTEP ch. 8 rules)", () => {
  test("a short job arriving preempts a demoted long job, which then keeps its partial quantum", () => {
    const r = run({ policy: { name: "mlfq", quanta: [10, 10, 10] }, tasks: jobs(["A", 0, 30], ["B", 15, 5]) });
    // A: L0 0-10, L1 10-15 (preempted, 5 ms of its L1 quantum left), B 15-20, A L1 20-25 then L2 25-35.
    expect(timeline(r.slices)).toBe("A0-15 B15-20 A20-35");
    expect(metric(r, "B").turnaround).toBe(5);
    const atDemotion = r.decisions.find((d) => d.time === 25)!;
    expect(atDemotion.ready[0]!.values.level).toBe(2);
  });
  test("priority boost lifts a demoted job so a new arrival cannot preempt it", () => {
    const noBoost = run({ policy: { name: "mlfq", quanta: [10, 10] }, tasks: jobs(["A", 0, 50], ["B", 30, 10]) });
    expect(timeline(noBoost.slices)).toBe("A0-30 B30-40 A40-60");
    const boost = run({
      policy: { name: "mlfq", quanta: [10, 10], boostPeriod: 25 },
      tasks: jobs(["A", 0, 50], ["B", 30, 10]),
    });
    expect(timeline(boost.slices)).toBe("A0-35 B35-45 A45-60");
  });
  test("allotment spans I/O (rule 4): an I/O-gaming job is still demoted", () => {
    // Runs 9 ms of a 10 ms quantum then does 1 ms of I/O, forever; allotment 10 at the top level.
    const tasks = [
      { id: "G", bursts: [9, 1], repeat: true },
      { id: "H", bursts: [1], repeat: true },
    ];
    const r = run({ policy: { name: "mlfq", quanta: [10, 10] }, horizon: 100, tasks });
    const gaming = run({ policy: { name: "mlfq", quanta: [10, 10], ioResetsAllotment: true }, horizon: 100, tasks });
    const share = (x: typeof r) => x.tasks.find((t) => t.id === "G")!.cpuTime;
    expect(share(gaming)).toBeGreaterThan(share(r));
    expect(share(gaming)).toBeGreaterThanOrEqual(80);
  });
});

describe("proportional share (OSTEP ch. 9)", () => {
  test("stride: A=100, B=50, C=250 tickets run A B C C C A C C (OSTEP Figure 9.3)", () => {
    const tasks = [
      { id: "A", bursts: [1], repeat: true, tickets: 100 },
      { id: "B", bursts: [1], repeat: true, tickets: 50 },
      { id: "C", bursts: [1], repeat: true, tickets: 250 },
    ];
    const r = run({ policy: { name: "stride", quantum: 1 }, horizon: 8, tasks });
    const order = r.decisions
      .filter((d) => d.picked)
      .map((d) => d.picked)
      .join("");
    expect(order).toBe("ABCCCACC");
  });
  test("lottery: long-run share tracks tickets (75/25) and the seed fixes the schedule", () => {
    const tasks = [
      { id: "A", bursts: [1], repeat: true, tickets: 75 },
      { id: "B", bursts: [1], repeat: true, tickets: 25 },
    ];
    const a = run({ policy: { name: "lottery", quantum: 1, seed: 7 }, horizon: 4000, tasks, log: false });
    const b = run({ policy: { name: "lottery", quantum: 1, seed: 7 }, horizon: 4000, tasks, log: false });
    // Binomial(4000, 0.75): sd ≈ 27 ms, so ±150 ms is > 5 sd.
    expect(Math.abs(a.tasks[0]!.cpuTime - 3000)).toBeLessThan(150);
    expect(b.slices).toEqual(a.slices);
  });
});
