// Reads the replay payload of a grade report (typed as unknown by the contract, because each question
// kind may attach its own) and turns it into steps the replay viewer walks through.
import type { SwitchKind, SwitchReport } from "@/lib/engine/sched";
import type { ChartSlice } from "./gantt-model";

export interface ReplayDecision {
  time: number;
  /**
   * Runnable tasks with the values the rule compares (null: no end, the engine's remaining time of a
   * CPU-bound-forever task). From a decision: the candidates before the pick. From a state: the task on
   * the CPU first (`running`), then the waiting ones in the policy's order.
   */
  ready: { task: string; values: Record<string, number | null> }[];
  picked: string | null;
  rule: string;
  message: string;
  /** Set on steps built from the engine's state at `time`: who holds the CPU then (null: idle). */
  running?: string | null;
  /** Tasks asleep in I/O at `time`, with when each wakes (state steps only). */
  blocked?: { task: string; wakesAt: number }[];
}

/** The engine's state at one instant (SchedState), as carried in the replay payload. */
export interface ReplayState {
  time: number;
  running: { task: string; values: Record<string, number | null> } | null;
  switching: boolean;
  ready: { task: string; values: Record<string, number | null> }[];
  blocked: { task: string; wakesAt: number }[];
}

export interface ReplayData {
  slices: ChartSlice[];
  decisions: ReplayDecision[];
  switches: SwitchReport | null;
  slotMs: number;
  /** The state at every slot boundary and decision instant; empty in reports made before it existed. */
  states: ReplayState[];
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);
const isNum = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x);

function readSlices(x: unknown): ChartSlice[] | null {
  if (!Array.isArray(x)) return null;
  const out: ChartSlice[] = [];
  for (const s of x) {
    if (!isRecord(s) || typeof s.task !== "string" || !isNum(s.start) || !isNum(s.end) || s.end < s.start) return null;
    out.push({
      task: s.task,
      start: s.start,
      end: s.end,
      endReason: typeof s.endReason === "string" ? s.endReason : undefined,
    });
  }
  return out;
}

function readValues(x: unknown): Record<string, number | null> {
  const values: Record<string, number | null> = {};
  if (isRecord(x)) for (const [k, v] of Object.entries(x)) if (isNum(v) || v === null) values[k] = v;
  return values;
}

function readTaskState(x: unknown): { task: string; values: Record<string, number | null> } | null {
  return isRecord(x) && typeof x.task === "string" ? { task: x.task, values: readValues(x.values) } : null;
}

function readStates(x: unknown): ReplayState[] {
  if (!Array.isArray(x)) return [];
  const out: ReplayState[] = [];
  for (const s of x) {
    if (!isRecord(s) || !isNum(s.time)) continue;
    const ready = Array.isArray(s.ready)
      ? s.ready.map(readTaskState).filter((r): r is NonNullable<typeof r> => r !== null)
      : [];
    const blocked = Array.isArray(s.blocked)
      ? s.blocked.filter(
          (b): b is { task: string; wakesAt: number } => isRecord(b) && typeof b.task === "string" && isNum(b.wakesAt),
        )
      : [];
    out.push({
      time: s.time,
      running: readTaskState(s.running),
      switching: s.switching === true,
      ready,
      blocked: blocked.map((b) => ({ task: b.task, wakesAt: b.wakesAt })),
    });
  }
  return out.sort((a, b) => a.time - b.time);
}

function readDecisions(x: unknown): ReplayDecision[] {
  if (!Array.isArray(x)) return [];
  const out: ReplayDecision[] = [];
  for (const d of x) {
    if (!isRecord(d) || !isNum(d.time)) continue;
    const ready: ReplayDecision["ready"] = [];
    if (Array.isArray(d.ready)) {
      for (const r of d.ready) {
        if (!isRecord(r) || typeof r.task !== "string") continue;
        const values: Record<string, number | null> = {};
        if (isRecord(r.values))
          for (const [k, v] of Object.entries(r.values)) if (isNum(v) || v === null) values[k] = v;
        ready.push({ task: r.task, values });
      }
    }
    out.push({
      time: d.time,
      ready,
      picked: typeof d.picked === "string" ? d.picked : null,
      rule: typeof d.rule === "string" ? d.rule : "",
      message: typeof d.message === "string" ? d.message : "",
    });
  }
  return out.sort((a, b) => a.time - b.time);
}

const KINDS: SwitchKind[] = ["thread", "process", "idle", "user"];

function readSwitches(x: unknown): SwitchReport | null {
  if (!isRecord(x) || !isRecord(x.byKind) || !isNum(x.total)) return null;
  const byKind = {} as SwitchReport["byKind"];
  for (const kind of KINDS) {
    const k = x.byKind[kind];
    byKind[kind] =
      isRecord(k) && isNum(k.count)
        ? {
            count: k.count,
            directMs: isNum(k.directMs) ? k.directMs : 0,
            indirectMs: isNum(k.indirectMs) ? k.indirectMs : 0,
          }
        : { count: 0, directMs: 0, indirectMs: 0 };
  }
  return {
    total: x.total,
    byKind,
    totalOverheadMs: isNum(x.totalOverheadMs) ? x.totalOverheadMs : 0,
    cpuTimeLostMs: isNum(x.cpuTimeLostMs) ? x.cpuTimeLostMs : 0,
    charged: x.charged === true,
  };
}

/** Validates a replay payload; null when it is not a schedule replay (e.g. another question kind). */
export function readReplay(x: unknown): ReplayData | null {
  if (!isRecord(x)) return null;
  const slices = readSlices(x.slices);
  if (slices === null) return null;
  return {
    slices,
    decisions: readDecisions(x.decisions),
    switches: readSwitches(x.switches),
    slotMs: isNum(x.slotMs) && x.slotMs > 0 ? x.slotMs : 1,
    states: readStates(x.states),
  };
}

/** The schedules a policy-comparison report carries (policy 1, policy 2, …), each with its label; [] when none. */
export function readComparedSchedules(x: unknown): { label: string; slices: ChartSlice[] }[] {
  if (!isRecord(x) || !Array.isArray(x.compare)) return [];
  const out: { label: string; slices: ChartSlice[] }[] = [];
  for (const c of x.compare) {
    const slices = isRecord(c) && typeof c.label === "string" ? readSlices(c.slices) : null;
    if (slices === null) return [];
    out.push({ label: (c as { label: string }).label, slices });
  }
  return out;
}

/**
 * The steps of a replay. With the engine's states (current reports): one per instant that has a state
 * (every slot boundary and decision), each showing the state *at that instant*, with the decision taken
 * then if there was one. Older reports: one per decision (its candidates), or — without a decision log —
 * one per slice, so the viewer still steps through what ran.
 */
export function replaySteps(replay: ReplayData): ReplayDecision[] {
  if (replay.states.length > 0) {
    return replay.states.map((s) => {
      const here = replay.decisions.filter((d) => Math.abs(d.time - s.time) < 1e-9);
      const d = here[here.length - 1];
      const running = s.running?.task ?? null;
      const ready = [...(s.running ? [s.running] : []), ...s.ready];
      const message = d
        ? d.message
        : s.switching
          ? `The CPU is switching to ${running ?? "idle"}.`
          : running
            ? `${running} keeps the CPU: nothing is decided at this instant.`
            : "The CPU is idle: nothing is ready.";
      return { time: s.time, ready, picked: running, rule: d?.rule ?? "", message, running, blocked: s.blocked };
    });
  }
  if (replay.decisions.length > 0) return replay.decisions;
  return replay.slices.map((s) => ({
    time: s.start,
    ready: [],
    picked: s.task === "idle" ? null : s.task,
    rule: "",
    message: `${s.task} runs from ${s.start} to ${s.end} ms${s.endReason ? ` (${s.endReason})` : ""}.`,
  }));
}

/** The last step at or before `time` (the first step if none). */
export function stepAtTime(steps: readonly ReplayDecision[], time: number): number {
  let found = 0;
  for (let i = 0; i < steps.length; i++) if (steps[i].time <= time) found = i;
  return found;
}

export interface SwitchSoFar {
  time: number;
  from: string;
  to: string;
}

/**
 * The switches that happened up to and including `time`: a change of running task between consecutive
 * slices, with an idle gap counted as a switch to and from idle (as the kernel switches to its idle task).
 */
export function switchesUpTo(slices: readonly ChartSlice[], time: number): SwitchSoFar[] {
  const sorted = [...slices].filter((s) => s.task !== "cs").sort((a, b) => a.start - b.start);
  const out: SwitchSoFar[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1];
    const cur = sorted[i];
    if (prev.end > time) break;
    const gap = prev.end < cur.start - 1e-9 && prev.task !== "idle" && cur.task !== "idle";
    if (gap) out.push({ time: prev.end, from: prev.task, to: "idle" });
    if (cur.start > time) break;
    if (gap) out.push({ time: cur.start, from: "idle", to: cur.task });
    else if (prev.task !== cur.task) out.push({ time: cur.start, from: prev.task, to: cur.task });
  }
  return out;
}

/** Average cost of one switch of each kind (direct + refill), for kinds that happened at all. */
export function switchCostPerKind(
  report: SwitchReport,
): { kind: SwitchKind; count: number; totalMs: number; eachMs: number }[] {
  return KINDS.filter((k) => report.byKind[k].count > 0).map((kind) => {
    const k = report.byKind[kind];
    const totalMs = k.directMs + k.indirectMs;
    return { kind, count: k.count, totalMs, eachMs: totalMs / k.count };
  });
}

/** Which task is on the CPU at `time` ("idle" when nothing is). */
export function runningAt(slices: readonly ChartSlice[], time: number): string {
  for (const s of slices) if (s.start <= time && time < s.end) return s.task;
  return "idle";
}

export interface PricedSwitch extends SwitchSoFar {
  /** null when the report cannot tell which kind this switch was (several non-idle kinds occurred). */
  kind: SwitchKind | null;
  /** The average cost of a switch of that kind in this run, or null when the kind is unknown. */
  costMs: number | null;
}

/**
 * Prices each switch with the run's average cost for its kind. The switch report only has per-kind
 * totals, so a switch to or from idle is priced as "idle", and any other switch only when exactly one
 * other kind occurred in the run (the usual case: all processes, or all threads of one process).
 */
export function priceSwitches(switches: readonly SwitchSoFar[], report: SwitchReport | null): PricedSwitch[] {
  const costs = report ? switchCostPerKind(report) : [];
  const each = new Map(costs.map((c) => [c.kind, c.eachMs]));
  const busyKinds = costs.filter((c) => c.kind !== "idle");
  return switches.map((s) => {
    const kind: SwitchKind | null =
      s.from === "idle" || s.to === "idle" ? "idle" : busyKinds.length === 1 ? busyKinds[0].kind : null;
    const costMs = kind === null ? null : (each.get(kind) ?? null);
    return { ...s, kind: costMs === null ? null : kind, costMs };
  });
}
