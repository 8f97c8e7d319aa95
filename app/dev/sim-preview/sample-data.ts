// Hand-worked sample data for the component preview. The schedule is Round Robin, quantum 2 ms, with
// "arrival-first" ties: A (arrives 0, 5 ms), B (1, 3 ms), C (2, 2 ms) gives
// A 0–2, B 2–4, C 4–6, A 6–8, B 8–9, A 9–10 and five process switches of 4.3 µs each.
import type { GradeReport, VariantView } from "@/lib/engine/questions";

export const rrView: VariantView = {
  type: "schedule",
  title: "Round Robin with a 2 ms quantum",
  prompt:
    "Three processes arrive at a single CPU. The scheduler is **Round Robin** with a quantum of `2 ms`.\n\nPaint the timeline, then answer the questions below.\n\n- Context switches take no time.\n- When a quantum expires as a task arrives, the arriving task queues first.",
  exhibits: [
    {
      kind: "table",
      caption: "Workload",
      columns: ["Task", "Arrival (ms)", "CPU burst (ms)"],
      rows: [
        ["A", 0, 5],
        ["B", 1, 3],
        ["C", 2, 2],
      ],
    },
    {
      kind: "code",
      caption: "What each process runs",
      language: "c",
      source: "int main(void) {\n  for (;;) spin();   /* CPU-bound until its burst is used */\n}",
    },
  ],
  parts: [
    {
      kind: "timeline",
      id: "gantt",
      label: "Schedule",
      tasks: [
        { id: "A", label: "A" },
        { id: "B", label: "B" },
        { id: "C", label: "C" },
      ],
      slotMs: 1,
      slots: 10,
      allowIdle: true,
      allowSwitch: false,
    },
    {
      kind: "number",
      id: "avg-turnaround",
      label: "Average turnaround time",
      unit: "ms",
      hint: "To two decimal places.",
    },
    {
      kind: "order",
      id: "finish-order",
      label: "Order in which the tasks finish",
      items: [
        { id: "A", label: "A" },
        { id: "B", label: "B" },
        { id: "C", label: "C" },
      ],
    },
    {
      kind: "choice",
      id: "starved",
      label: "Can Round Robin starve a CPU-bound task?",
      multiple: false,
      options: [
        { id: "no", label: "No: every ready task gets a quantum each round" },
        { id: "yes", label: "Yes: a short task can run forever" },
      ],
    },
    {
      kind: "choice",
      id: "costs",
      label: "Which of these does a process switch cost?",
      multiple: true,
      options: [
        { id: "regs", label: "Saving and restoring registers" },
        { id: "tlb", label: "TLB refills (without PCID)" },
        { id: "disk", label: "A disk write" },
      ],
    },
  ],
  conventions: [
    "A task whose quantum expires at the instant another arrives queues after the arrival.",
    "Times are in milliseconds.",
  ],
};

export const rrReference = ["A", "A", "B", "B", "C", "C", "A", "A", "B", "A"];
export const rrStudent = ["A", "A", "B", "B", "A", "A", "C", "C", "B", "A"];

const PROCESS_SWITCH_MS = 0.0043;

export const rrReplay = {
  slotMs: 1,
  slices: [
    { task: "A", start: 0, end: 2, endReason: "quantum-expired" },
    { task: "B", start: 2, end: 4, endReason: "quantum-expired" },
    { task: "C", start: 4, end: 6, endReason: "finished" },
    { task: "A", start: 6, end: 8, endReason: "quantum-expired" },
    { task: "B", start: 8, end: 9, endReason: "finished" },
    { task: "A", start: 9, end: 10, endReason: "finished" },
  ],
  decisions: [
    {
      time: 0,
      cpu: 0,
      ready: [{ task: "A", values: { remaining: 5 } }],
      picked: "A",
      rule: "rr: head of the queue",
      message: "Only A has arrived.",
    },
    {
      time: 2,
      cpu: 0,
      ready: [
        { task: "B", values: { remaining: 3 } },
        { task: "C", values: { remaining: 2 } },
        { task: "A", values: { remaining: 3 } },
      ],
      picked: "B",
      rule: "rr: head of the queue",
      message: "A's quantum expired as C arrived; C queues first (arrival-first), so the queue is B, C, A.",
    },
    {
      time: 4,
      cpu: 0,
      ready: [
        { task: "C", values: { remaining: 2 } },
        { task: "A", values: { remaining: 3 } },
        { task: "B", values: { remaining: 1 } },
      ],
      picked: "C",
      rule: "rr: head of the queue",
      message: "B used its quantum and went to the back; C is next.",
    },
    {
      time: 6,
      cpu: 0,
      ready: [
        { task: "A", values: { remaining: 3 } },
        { task: "B", values: { remaining: 1 } },
      ],
      picked: "A",
      rule: "rr: head of the queue",
      message: "C finished; A is at the head.",
    },
    {
      time: 8,
      cpu: 0,
      ready: [
        { task: "B", values: { remaining: 1 } },
        { task: "A", values: { remaining: 1 } },
      ],
      picked: "B",
      rule: "rr: head of the queue",
      message: "A's quantum expired; B is next.",
    },
    {
      time: 9,
      cpu: 0,
      ready: [{ task: "A", values: { remaining: 1 } }],
      picked: "A",
      rule: "rr: head of the queue",
      message: "B finished; only A is left.",
    },
  ],
  switches: {
    total: 5,
    byKind: {
      thread: { count: 0, directMs: 0, indirectMs: 0 },
      process: { count: 5, directMs: 5 * PROCESS_SWITCH_MS, indirectMs: 0 },
      idle: { count: 0, directMs: 0, indirectMs: 0 },
      user: { count: 0, directMs: 0, indirectMs: 0 },
    },
    totalOverheadMs: 5 * PROCESS_SWITCH_MS,
    cpuTimeLostMs: 0,
    charged: false,
  },
};

// Turnaround: A 10, B 9 − 1 = 8, C 6 − 2 = 4 → average 22/3 ≈ 7.33 ms.
export const rrReport: GradeReport = {
  score: 0.62,
  correct: false,
  summary:
    "Your schedule is right up to t = 4 ms; after that C should have run. Your average turnaround follows correctly from your own schedule.",
  parts: [
    { id: "gantt", label: "Schedule", score: 0.6, weight: 2, message: "6 of 10 slots match the reference." },
    {
      id: "avg-turnaround",
      label: "Average turnaround time",
      score: 1,
      weight: 1,
      message: "Correct for the schedule you drew.",
      errorCarriedForward: true,
    },
    {
      id: "finish-order",
      label: "Order in which the tasks finish",
      score: 0,
      weight: 1,
      message: "C finishes first, at 6 ms.",
    },
    { id: "starved", label: "Can Round Robin starve a CPU-bound task?", score: 1, weight: 1, message: "Right." },
    {
      id: "costs",
      label: "Which of these does a process switch cost?",
      score: 0.5,
      weight: 1,
      message: "A switch writes nothing to disk.",
    },
  ],
  firstDivergence: {
    part: "gantt",
    slot: 4,
    time: 4,
    expected: "C",
    got: "A",
    ready: rrReplay.decisions[2].ready,
    rule: "rr: head of the queue",
    message:
      "At t = 4 ms the queue was C, A, B: C arrived at 2 ms and queued ahead of A, whose quantum expired at that same instant.",
  },
  convention: {
    name: "expired-first",
    description: "Your schedule is exactly right if an expiring task queues before an arriving one.",
    credit: 0.5,
  },
  reference: {
    gantt: rrReference,
    "avg-turnaround": 22 / 3,
    "finish-order": ["C", "B", "A"],
    starved: "no",
    costs: ["regs", "tlb"],
  },
  replay: rrReplay,
};

/** A long, 120-slot timeline for trying the zoom levels and horizontal scrolling. */
export const longPart = {
  kind: "timeline" as const,
  id: "long",
  label: "Long schedule (120 slots of 0.5 ms)",
  tasks: [
    { id: "A", label: "A" },
    { id: "B", label: "B" },
    { id: "C", label: "C" },
    { id: "D", label: "D" },
  ],
  slotMs: 0.5,
  slots: 120,
  allowIdle: true,
  allowSwitch: true,
};

export const longValue: (string | null)[] = Array.from({ length: 120 }, (_, i) =>
  i % 13 === 12 ? "cs" : i > 100 ? null : "ABCD"[Math.floor(i / 6) % 4],
);
