// The contract between the one simulation loop (simulate.ts) and the pluggable pickers in policies/.
// The loop owns time, bursts, I/O and metrics; a policy owns only its run queue and its accounting.
import type { DecisionValues, SchedClass, TaskSpec } from "./types";

/** Mutable per-task state during a run. Policy-specific fields live here so no policy allocates per task. */
export interface TaskRun {
  readonly index: number;
  readonly id: string;
  readonly spec: TaskSpec;
  readonly cls: SchedClass;
  readonly weight: number;
  /** Position in the tie-break order (smaller wins a tie). */
  readonly rank: number;
  readonly process: string;
  /** Copied from spec: the hot loop reads them on every burst end, one pointer hop fewer. */
  readonly bursts: readonly number[];
  readonly repeat: boolean;
  phase: number;
  /** CPU ms left in the current CPU burst (Infinity for a forever hog). */
  remaining: number;
  state: "pending" | "ready" | "running" | "blocked" | "done";
  cpuTime: number;
  firstRun: number | null;
  finish: number | null;
  waiting: number;
  readySince: number;
  /** Monotone sequence number of the last enqueue (FIFO order within equal keys where a policy wants it). */
  enqueueSeq: number;
  // Policy scratch space (meaning depends on the policy; documented there).
  vruntime: number;
  deadline: number;
  vlag: number;
  /** CPU time at the moment the task was last picked (CFS prev_sum_exec_runtime, quantum start). */
  execAtPick: number;
  level: number;
  levelUsed: number;
  quantumLeft: number;
  pass: number;
  protectedDeadline: number;
  isNew: boolean;
}

/** "migrated": load balancing moved a queued task here from another CPU's run queue (smp.ts). */
export type EnqueueReason = "arrival" | "wakeup" | "preempted" | "expired" | "migrated";

export interface Pick {
  task: TaskRun;
  rule: string;
  message: string;
}

export interface Policy {
  enqueue(t: TaskRun, now: number, reason: EnqueueReason): void;
  /**
   * Remove and return the task to run next, or undefined when nothing is runnable (or all is throttled).
   * Queued tasks may be refused only until a global timer lifts the refusal: if one comes and goes with
   * nothing else happening and they are still refused, simulate concludes they never will be (a stall).
   */
  pick(now: number): Pick | undefined;
  /** Candidates for the decision log, best first, at most `limit`. Called just before pick. */
  snapshot(limit: number, now: number): { task: TaskRun; values: DecisionValues }[];
  /** The values the rule compares for one task at `now`, queued or running (what stateAt reports). */
  values(t: TaskRun, now: number): DecisionValues;
  /** Account `dt` ms of CPU just consumed by `curr` (ending at `now`). */
  /**
   * `probeCut`: the run was only cut because stateAt asked for the state at `now` — not a clock update
   * the modelled kernel would see, so nothing may be decided on it (EEVDF's deadline check).
   */
  charge(curr: TaskRun, dt: number, now: number, probeCut?: boolean): void;
  /** Absolute time at which the policy wants to look at `curr` again (quantum end, timer tick); Infinity if never. */
  timerAt(curr: TaskRun, now: number): number;
  /** Called when timerAt is reached; returns why curr must give up the CPU, or null to keep running. */
  onTimer(curr: TaskRun, now: number): "quantum-expired" | "throttled" | null;
  /** A task just became runnable while curr runs: should curr be preempted now? */
  preempts(curr: TaskRun, woken: TaskRun, now: number): boolean;
  /** curr blocked (I/O) or finished; it is no longer runnable. */
  onLeave(curr: TaskRun, now: number, finished: boolean): void;
  /** Policy-wide timers (MLFQ boost, RT throttling) that matter even when the CPU idles. */
  globalTimerAt?(now: number): number;
  /** Returns true when curr must be rescheduled because of the global event. */
  onGlobalTimer?(now: number, curr: TaskRun | null): boolean;
  readyCount(): number;
  /**
   * Takes a queued (not running) task off this run queue: load balancing moves it to another CPU, where
   * it is enqueued with reason "migrated". Only the multi-CPU loop (smp.ts) calls it.
   */
  remove(t: TaskRun, now: number): void;
}

export function newTaskRun(spec: TaskSpec, index: number, rank: number, weight: number): TaskRun {
  return {
    index,
    id: spec.id,
    spec,
    cls: spec.class ?? "other",
    weight,
    rank,
    process: spec.process ?? spec.id,
    bursts: spec.bursts,
    repeat: spec.repeat === true,
    phase: 0,
    remaining: 0,
    state: "pending",
    cpuTime: 0,
    firstRun: null,
    finish: null,
    waiting: 0,
    readySince: 0,
    enqueueSeq: 0,
    vruntime: 0,
    deadline: 0,
    vlag: 0,
    execAtPick: 0,
    level: 0,
    levelUsed: 0,
    quantumLeft: 0,
    pass: 0,
    protectedDeadline: NaN,
    isNew: true,
  };
}

/** Tie-aware comparison helper: key first, then rank. */
export function keyLess(ka: number, kb: number, a: TaskRun, b: TaskRun): boolean {
  return ka < kb || (ka === kb && a.rank < b.rank);
}

/** The decision log's `remaining`: Infinity (a CPU-bound-forever task) is not JSON, so it is logged as null. */
export function remainingValue(t: TaskRun): number | null {
  return Number.isFinite(t.remaining) ? t.remaining : null;
}

/** Round for human-facing messages (the machine-readable values stay exact). */
export function fmt(x: number): string {
  if (!Number.isFinite(x)) return x > 0 ? "∞" : "-∞";
  return String(Math.round(x * 1000) / 1000);
}
