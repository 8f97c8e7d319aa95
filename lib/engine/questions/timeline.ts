// Slot timelines: the grid a student paints. Converts a simulation into slots, checks that the grid
// can represent the schedule exactly, and implements the three timeline scoring modes.
import type { SimResult } from "../sched/index";
import type { ScheduleScoring, TimelineValue } from "./types";

export const IDLE = "idle";
export const SWITCH = "cs";

/** Relative slack for float noise in fair-class clocks (e.g. 3.9999999996 ms). */
const ALIGN_EPS = 1e-6;

function slotIndex(time: number, slotMs: number): number | null {
  const x = time / slotMs;
  const r = Math.round(x);
  return Math.abs(x - r) <= ALIGN_EPS ? r : null;
}

export type SlotsResult = { ok: true; slots: string[] } | { ok: false; problem: string };

/**
 * Paints the reference schedule on a grid of `slotMs`. Uncovered time is idle, except the gap between
 * picking a task and its slice starting, which is charged switch overhead ("cs").
 */
export function slotsFromSim(sim: SimResult, slotMs: number, maxSlots: number): SlotsResult {
  const end = sim.horizon ?? sim.stats.endTime;
  const count = slotIndex(end, slotMs);
  if (count === null)
    return { ok: false, problem: `the schedule ends at t=${end} ms, not on a ${slotMs} ms slot boundary` };
  if (count > maxSlots)
    return { ok: false, problem: `the schedule needs ${count} slots, more than the cap of ${maxSlots}` };
  if (count === 0) return { ok: false, problem: "the schedule is empty" };
  for (const s of sim.slices) {
    if (slotIndex(s.start, slotMs) === null || slotIndex(s.end, slotMs) === null) {
      return {
        ok: false,
        problem: `slice ${s.task} [${s.start}, ${s.end}) does not start and end on ${slotMs} ms slot boundaries`,
      };
    }
  }
  for (const d of sim.decisions) {
    if (d.time < end && slotIndex(d.time, slotMs) === null) {
      return { ok: false, problem: `a scheduling decision at t=${d.time} ms falls inside a ${slotMs} ms slot` };
    }
  }
  const slots = new Array<string>(count).fill(IDLE);
  // Decisions first, so the slices painted afterwards overwrite everything they cover.
  const charged = sim.switches.charged;
  for (let i = 0; i < sim.decisions.length; i++) {
    const d = sim.decisions[i]!;
    if (!charged || d.picked === null) continue;
    const from = slotIndex(d.time, slotMs)!;
    const nextTime = sim.decisions[i + 1]?.time ?? end;
    const to = Math.min(count, slotIndex(nextTime, slotMs) ?? count);
    for (let k = from; k < to; k++) slots[k] = SWITCH;
  }
  for (const s of sim.slices) {
    const from = slotIndex(s.start, slotMs)!;
    const to = Math.min(count, slotIndex(s.end, slotMs)!);
    for (let k = from; k < to; k++) slots[k] = s.task;
  }
  // A "cs" stretch after a decision is only overhead up to the picked task's slice; anything between a
  // finished run and the next pick stays idle.
  if (charged) {
    for (let k = 0; k < count; k++) {
      if (slots[k] !== SWITCH) continue;
      let j = k;
      while (j < count && slots[j] === SWITCH) j++;
      if (j === count) for (let q = k; q < j; q++) slots[q] = IDLE;
      k = j;
    }
  }
  return { ok: true, slots };
}

export interface Run {
  value: string | null;
  start: number;
  length: number;
}

export function runsOf(slots: readonly (string | null)[]): Run[] {
  const runs: Run[] = [];
  for (let i = 0; i < slots.length; i++) {
    const last = runs[runs.length - 1];
    if (last && last.value === slots[i]) last.length++;
    else runs.push({ value: slots[i] ?? null, start: i, length: 1 });
  }
  return runs;
}

export function firstMismatch(expected: readonly string[], got: TimelineValue): number {
  const n = Math.max(expected.length, got.length);
  for (let i = 0; i < n; i++) if (expected[i] !== got[i]) return i;
  return -1;
}

export function sameTimeline(a: readonly (string | null)[], b: readonly (string | null)[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function lcsLength<T>(a: readonly T[], b: readonly T[]): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++)
      cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * per-slot: fraction of slots right. strict-prefix: fraction of slots before the first mistake.
 * segment-lcs: longest common subsequence of the two run sequences (which task ran, in what order,
 * ignoring how long) over the longer sequence, so missing and extra runs both cost.
 */
export function scoreTimeline(mode: ScheduleScoring, expected: readonly string[], got: TimelineValue): number {
  if (expected.length === 0) return 0;
  if (mode === "per-slot") {
    let right = 0;
    for (let i = 0; i < expected.length; i++) if (got[i] === expected[i]) right++;
    return right / expected.length;
  }
  if (mode === "strict-prefix") {
    const i = firstMismatch(expected, got);
    return i === -1 ? 1 : i / expected.length;
  }
  const a = runsOf(expected).map((r) => r.value);
  const b = runsOf(got).map((r) => r.value);
  const exact = sameTimeline(expected, got);
  const lcs = lcsLength(a, b) / Math.max(a.length, b.length);
  // Same run order but different lengths is not a perfect answer.
  return exact ? 1 : Math.min(lcs, 1 - 1 / (2 * expected.length));
}
