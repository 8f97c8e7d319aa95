// Metrics computed from a painted timeline (the student's or the reference), used for "error carried
// forward": a student whose schedule is wrong but whose arithmetic on it is right gets the credit.
import type { TaskSpec } from "../../sched/index";
import { niceToWeight, NICE_0_WEIGHT, SCHED_IDLE_WEIGHT } from "../../sched/index";
import { IDLE, SWITCH } from "../timeline";

export type TaskMetricName = "completion" | "turnaround" | "waiting" | "response";

function ioTotal(t: TaskSpec): number {
  let s = 0;
  for (let i = 1; i < t.bursts.length; i += 2) s += t.bursts[i]!;
  return s;
}

export function taskMetricFromSlots(
  metric: TaskMetricName,
  task: TaskSpec,
  slots: readonly (string | null)[],
  slotMs: number,
): number | undefined {
  let first = -1;
  let last = -1;
  let count = 0;
  for (let i = 0; i < slots.length; i++) {
    if (slots[i] !== task.id) continue;
    if (first < 0) first = i;
    last = i;
    count++;
  }
  if (first < 0) return undefined;
  const completion = (last + 1) * slotMs;
  switch (metric) {
    case "completion":
      return completion;
    case "turnaround":
      return completion - task.arrival;
    case "response":
      return first * slotMs - task.arrival;
    case "waiting":
      return completion - task.arrival - count * slotMs - ioTotal(task);
  }
}

export function averageFromSlots(
  metric: TaskMetricName,
  tasks: readonly TaskSpec[],
  slots: readonly (string | null)[],
  slotMs: number,
): number | undefined {
  let sum = 0;
  for (const t of tasks) {
    const v = taskMetricFromSlots(metric, t, slots, slotMs);
    if (v === undefined) return undefined;
    sum += v;
  }
  return sum / tasks.length;
}

/** Switches between two different tasks; overhead slots are transparent and idle breaks adjacency. */
export function taskSwitchesFromSlots(slots: readonly (string | null)[]): number {
  let prev: string | null = null;
  let n = 0;
  for (const s of slots) {
    if (s === SWITCH) continue;
    const cur = s === null || s === IDLE ? null : s;
    if (cur !== null && prev !== null && cur !== prev) n++;
    if (cur !== prev) prev = cur;
  }
  return n;
}

export function cpuInWindowFromSlots(
  task: string,
  slots: readonly (string | null)[],
  slotMs: number,
  windowMs: number,
): number {
  let ms = 0;
  for (let i = 0; i < slots.length; i++) {
    if (slots[i] !== task) continue;
    ms += Math.max(0, Math.min((i + 1) * slotMs, windowMs) - i * slotMs);
  }
  return ms;
}

export function fairWeight(t: TaskSpec): number {
  return t.class === "idle" ? SCHED_IDLE_WEIGHT : niceToWeight(t.nice ?? 0);
}

/** vruntime gained by running `cpuMs`: delta × 1024 / weight. */
export function vruntimeGain(t: TaskSpec, cpuMs: number): number {
  return (cpuMs * NICE_0_WEIGHT) / fairWeight(t);
}
