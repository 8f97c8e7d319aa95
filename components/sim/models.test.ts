import { describe, expect, it } from "vitest";
import type { VariantView } from "@/lib/engine/questions";
import { draftToAnswer, errorsByPart, initialDraft } from "./answer-model";
import { chartRange, chartTicks, niceStep, taskColour, tasksOf, timelineToSlices } from "./gantt-model";
import {
  priceSwitches,
  readReplay,
  replaySteps,
  runningAt,
  stepAtTime,
  switchCostPerKind,
  switchesUpTo,
} from "./replay-model";

describe("gantt geometry", () => {
  it("merges equal neighbouring slots into slices and skips blanks", () => {
    expect(timelineToSlices(["A", "A", null, "B", "cs", "B"], 2)).toEqual([
      { task: "A", start: 0, end: 4 },
      { task: "B", start: 6, end: 8 },
      { task: "cs", start: 8, end: 10 },
      { task: "B", start: 10, end: 12 },
    ]);
    expect(tasksOf(timelineToSlices(["B", "idle", "A", "cs", "B"], 1))).toEqual(["A", "B"]);
    expect(
      tasksOf([
        { task: "T10", start: 0, end: 1 },
        { task: "T2", start: 1, end: 2 },
      ]),
    ).toEqual(["T2", "T10"]);
  });

  it("gives tasks distinct colours by position and a fixed one to idle and switch", () => {
    const tasks = ["A", "B", "C"];
    const colours = tasks.map((t) => taskColour(t, tasks));
    expect(new Set(colours).size).toBe(3);
    expect(taskColour("idle", tasks)).toMatch(/bg-muted/);
    expect(taskColour("Z")).toBe(taskColour("Z"));
  });

  it("picks round tick steps", () => {
    expect(niceStep(100, 10)).toBe(10);
    expect(niceStep(20, 8)).toBe(5);
    expect(niceStep(3, 8)).toBe(0.5);
    expect(chartTicks(0, 10, 5)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(chartTicks(0, 1e9, 8).length).toBeLessThanOrEqual(26);
    expect(chartRange([])).toEqual({ start: 0, end: 1 });
    expect(chartRange([{ task: "A", start: 2, end: 7 }])).toEqual({ start: 0, end: 7 });
  });
});

// A hand-worked Round Robin (q = 2) run of A (burst 3, t=0) and B (burst 2, t=1) on one CPU:
// A 0–2, B 2–4, A 4–5. Two switches between the processes.
const replayPayload = {
  slices: [
    { task: "A", start: 0, end: 2, endReason: "quantum-expired" },
    { task: "B", start: 2, end: 4, endReason: "finished" },
    { task: "A", start: 4, end: 5, endReason: "finished" },
  ],
  decisions: [
    {
      time: 2,
      cpu: 0,
      ready: [
        { task: "B", values: { remaining: 2 } },
        { task: "A", values: { remaining: 1 } },
      ],
      picked: "B",
      rule: "rr",
      message: "B is at the head of the queue.",
    },
    {
      time: 0,
      cpu: 0,
      ready: [{ task: "A", values: { remaining: 3 } }],
      picked: "A",
      rule: "rr",
      message: "Only A is ready.",
    },
    {
      time: 4,
      cpu: 0,
      ready: [{ task: "A", values: { remaining: 1, bogus: "x" } }],
      picked: "A",
      rule: "rr",
      message: "A is the only one left.",
    },
  ],
  switches: {
    total: 2,
    byKind: {
      thread: { count: 0, directMs: 0, indirectMs: 0 },
      process: { count: 2, directMs: 0.008, indirectMs: 0.002 },
    },
    totalOverheadMs: 0.01,
    cpuTimeLostMs: 0,
    charged: false,
  },
  slotMs: 1,
};

describe("replay", () => {
  it("reads and sorts a schedule replay, ignoring junk values", () => {
    const r = readReplay(replayPayload)!;
    expect(r.decisions.map((d) => d.time)).toEqual([0, 2, 4]);
    expect(r.decisions[2].ready[0].values).toEqual({ remaining: 1 });
    expect(r.switches?.byKind.idle).toEqual({ count: 0, directMs: 0, indirectMs: 0 });
  });

  it("keeps a null value (a CPU-bound-forever task's remaining time) for the table to show as ∞", () => {
    const r = readReplay({
      ...replayPayload,
      decisions: [
        {
          time: 0,
          ready: [{ task: "A", values: { remaining: null, priority: 3 } }],
          picked: "A",
          rule: "fifo-head",
          message: "",
        },
      ],
    })!;
    expect(r.decisions[0].ready[0].values).toEqual({ remaining: null, priority: 3 });
  });

  it("refuses payloads that are not schedule replays", () => {
    expect(readReplay(undefined)).toBeNull();
    expect(readReplay({ slices: [{ task: "A", start: 3, end: 1 }] })).toBeNull();
    expect(readReplay({ outputs: [] })).toBeNull();
  });

  it("falls back to one step per slice without a decision log", () => {
    const steps = replaySteps(readReplay({ ...replayPayload, decisions: undefined })!);
    expect(steps.map((s) => [s.time, s.picked])).toEqual([
      [0, "A"],
      [2, "B"],
      [4, "A"],
    ]);
  });

  it("finds the step, running task and switches at a time", () => {
    const r = readReplay(replayPayload)!;
    expect(stepAtTime(r.decisions, 3)).toBe(1);
    expect(stepAtTime(r.decisions, -1)).toBe(0);
    expect(runningAt(r.slices, 4.5)).toBe("A");
    expect(runningAt(r.slices, 9)).toBe("idle");
    expect(switchesUpTo(r.slices, 1)).toEqual([]);
    expect(switchesUpTo(r.slices, 4)).toEqual([
      { time: 2, from: "A", to: "B" },
      { time: 4, from: "B", to: "A" },
    ]);
    expect(switchCostPerKind(r.switches!)).toEqual([{ kind: "process", count: 2, totalMs: 0.01, eachMs: 0.005 }]);
  });

  it("counts an idle gap as switches to and from idle", () => {
    const slices = [
      { task: "A", start: 0, end: 1 },
      { task: "B", start: 3, end: 4 },
    ];
    expect(switchesUpTo(slices, 2)).toEqual([{ time: 1, from: "A", to: "idle" }]);
    expect(switchesUpTo(slices, 3)).toHaveLength(2);
  });
});

const view: Pick<VariantView, "parts"> = {
  parts: [
    {
      kind: "timeline",
      id: "gantt",
      label: "Schedule",
      tasks: [{ id: "A", label: "A" }],
      slotMs: 1,
      slots: 3,
      allowIdle: true,
      allowSwitch: false,
    },
    { kind: "number", id: "avg", label: "Average wait", unit: "ms" },
    {
      kind: "order",
      id: "out",
      label: "Output",
      items: [
        { id: "1", label: "x" },
        { id: "2", label: "x" },
      ],
    },
    {
      kind: "choice",
      id: "pick",
      label: "Which",
      options: [
        { id: "a", label: "a" },
        { id: "b", label: "b" },
      ],
      multiple: false,
    },
    {
      kind: "choice",
      id: "many",
      label: "Which all",
      options: [
        { id: "a", label: "a" },
        { id: "b", label: "b" },
      ],
      multiple: true,
    },
  ],
};

describe("answer drafts", () => {
  it("starts blank and converts a filled draft into an Answer", () => {
    const draft = initialDraft(view);
    expect(draft.gantt).toEqual({ kind: "timeline", value: [null, null, null] });
    draft.avg = { kind: "number", text: "4000 us" };
    draft.pick = { kind: "choice", value: ["b"] };
    draft.many = { kind: "choice", value: ["a", "b"] };
    const { answer, errors } = draftToAnswer(view, draft);
    expect(errors).toEqual([]);
    expect(answer.parts).toEqual({ gantt: [null, null, null], avg: 4, out: ["1", "2"], pick: "b", many: ["a", "b"] });
  });

  it("reports unparseable or missing parts by path", () => {
    const draft = initialDraft(view);
    draft.avg = { kind: "number", text: "4 apples" };
    const { answer, errors } = draftToAnswer(view, draft);
    expect(answer.parts.avg).toBeUndefined();
    expect(errors).toEqual([
      { path: "parts.avg", message: "'4 apples' is not a time; try 4 ms" },
      { path: "parts.pick", message: 'Choose one option for "Which"' },
    ]);
  });

  it("restores a saved answer, dropping what no longer fits", () => {
    const draft = initialDraft(view, { parts: { gantt: ["A", "Q", "idle", "A"], avg: 2.5, out: ["2"], pick: ["zz"] } });
    expect(draft.gantt).toEqual({ kind: "timeline", value: ["A", null, "idle"] });
    expect(draft.avg).toEqual({ kind: "number", text: "2.5" });
    expect(draft.out).toEqual({ kind: "order", value: ["2", "1"] });
    expect(draft.pick).toEqual({ kind: "choice", value: [] });
  });

  it("routes server errors to parts, the rest to the form", () => {
    const { byPart, form } = errorsByPart(
      [
        { path: "parts.gantt[2]", message: "unknown task" },
        { path: "avg", message: "negative" },
        { path: "answer.parts.gantt", message: "too short" },
        { path: "parts.q10", message: "nope" },
        { path: "", message: "attempts used up" },
      ],
      ["gantt", "avg", "q1", "q10"],
    );
    expect(byPart).toEqual({ gantt: ["unknown task", "too short"], avg: ["negative"], q10: ["nope"] });
    expect(form).toEqual(["attempts used up"]);
  });
});

describe("pricing switches", () => {
  const report = readReplay(replayPayload)!.switches!;
  it("prices every switch with the only kind that occurred", () => {
    const priced = priceSwitches(switchesUpTo(readReplay(replayPayload)!.slices, 10), report);
    expect(priced.map((p) => [p.kind, p.costMs])).toEqual([
      ["process", 0.005],
      ["process", 0.005],
    ]);
  });

  it("leaves the kind unknown when threads and processes both switched, and prices idle switches", () => {
    const mixed = {
      ...report,
      byKind: {
        ...report.byKind,
        thread: { count: 1, directMs: 0.0035, indirectMs: 0 },
        idle: { count: 2, directMs: 0.007, indirectMs: 0 },
      },
    };
    const priced = priceSwitches(
      [
        { time: 1, from: "A", to: "B" },
        { time: 2, from: "B", to: "idle" },
      ],
      mixed,
    );
    expect(priced[0]).toMatchObject({ kind: null, costMs: null });
    expect(priced[1]).toMatchObject({ kind: "idle", costMs: 0.0035 });
  });

  it("prices nothing without a report", () => {
    expect(priceSwitches([{ time: 1, from: "A", to: "B" }], null)[0].costMs).toBeNull();
  });
});
