// What the Linux composite (linux.ts) needs from a fair-class implementation (CFS or EEVDF).
import type { EnqueueReason, Pick, TaskRun } from "../policy";
import type { DecisionValues } from "../types";

export interface FairClass {
  enqueue(t: TaskRun, now: number, reason: EnqueueReason): void;
  pick(now: number): Pick | undefined;
  snapshot(limit: number): { task: TaskRun; values: DecisionValues }[];
  values(t: TaskRun): DecisionValues;
  charge(curr: TaskRun, dt: number, probeCut?: boolean): void;
  /** Timer tick while curr runs: true = reschedule. */
  onTick(curr: TaskRun): boolean;
  preempts(curr: TaskRun, woken: TaskRun): boolean;
  onLeave(curr: TaskRun, finished: boolean): void;
  count(): number;
  /** A queued task leaves for another CPU's run queue (see Policy.remove). */
  remove(t: TaskRun): void;
}

/** The kernel's boot-time scaling of latency knobs: 1 + ilog2(min(ncpus, 8)). */
export function tunableFactor(cpus: number): number {
  return 1 + Math.floor(Math.log2(Math.min(Math.max(1, cpus), 8)));
}

export const VRUNTIME_EPS = 1e-9;
