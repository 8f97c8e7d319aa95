// Priority inversion on one CPU: fixed-priority preemptive tasks, one mutex, and the protocol the mutex
// uses. "none" lets a medium task preempt the low-priority holder while a high task waits (unbounded
// inversion); "inherit" runs the holder at the highest priority of its waiters (PTHREAD_PRIO_INHERIT);
// "ceiling" runs the holder at the mutex's ceiling, the highest priority of any task that uses it, from
// the moment it locks (immediate ceiling, PTHREAD_PRIO_PROTECT).
import type { Checked, ValidationIssue } from "../questions/types";

export type LockProtocol = "none" | "inherit" | "ceiling";
/** A step of a task's program: plain CPU work, or CPU work done while holding the mutex. */
export type InversionStep = { cpu: number } | { locked: number };

export interface InversionTask {
  id: string;
  /** Higher number = higher priority (as SCHED_FIFO's 1–99). Distinct per task. */
  priority: number;
  arrival: number;
  steps: InversionStep[];
}

export interface InversionSlice {
  task: string;
  start: number;
  end: number;
  /** Priority the task ran at (above its own when it inherited or hit the ceiling). */
  priority: number;
  locked: boolean;
}

export interface InversionResult {
  slices: InversionSlice[];
  /** Completion time per task id. */
  finish: Record<string, number>;
  /** Time each task spent ready (or waiting for the mutex) while a lower-priority task ran. */
  inversion: Record<string, number>;
}

const MAX_TIME = 10_000;

export function validateInversion(tasks: InversionTask[]): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (tasks.length < 1 || tasks.length > 8) issues.push({ path: "tasks", message: "needs 1–8 tasks" });
  const ids = new Set<string>();
  const prios = new Set<number>();
  tasks.forEach((t, i) => {
    const p = `tasks[${i}]`;
    if (!/^[A-Za-z][A-Za-z0-9-]{0,15}$/.test(t.id) || ids.has(t.id))
      issues.push({ path: `${p}.id`, message: "must be a unique short name" });
    ids.add(t.id);
    if (!Number.isInteger(t.priority) || prios.has(t.priority))
      issues.push({ path: `${p}.priority`, message: "must be an integer, distinct from the other tasks'" });
    prios.add(t.priority);
    if (!Number.isInteger(t.arrival) || t.arrival < 0)
      issues.push({ path: `${p}.arrival`, message: "must be an integer ≥ 0" });
    if (t.steps.length === 0) issues.push({ path: `${p}.steps`, message: "needs at least one step" });
    t.steps.forEach((s, j) => {
      const n = "cpu" in s ? s.cpu : s.locked;
      if (!Number.isInteger(n) || n < 1 || n > 1000)
        issues.push({ path: `${p}.steps[${j}]`, message: "lengths are integers 1–1000" });
    });
  });
  return issues;
}

interface State {
  task: InversionTask;
  step: number;
  left: number;
  holds: boolean;
  done: boolean;
}

/** Simulates in 1-unit ticks. Equal effective priorities keep the running task (no preemption among equals). */
export function simulateInversion(tasks: InversionTask[], protocol: LockProtocol): Checked<InversionResult> {
  const errors = validateInversion(tasks);
  if (errors.length) return { ok: false, errors };
  const states: State[] = tasks.map((task) => ({
    task,
    step: 0,
    left: stepLength(task.steps[0]!),
    holds: false,
    done: false,
  }));
  const ceiling = Math.max(
    ...tasks.filter((t) => t.steps.some((s) => "locked" in s)).map((t) => t.priority),
    -Infinity,
  );
  const slices: InversionSlice[] = [];
  const finish: Record<string, number> = {};
  const inversion: Record<string, number> = Object.fromEntries(tasks.map((t) => [t.id, 0]));
  let running: State | null = null;
  for (let t = 0; states.some((s) => !s.done); t++) {
    if (t >= MAX_TIME)
      return { ok: false, errors: [{ path: "tasks", message: `did not finish within ${MAX_TIME} time units` }] };
    const ready = states.filter((s) => !s.done && s.task.arrival <= t);
    const holder = states.find((s) => s.holds) ?? null;
    const wantsLock = (s: State) => "locked" in s.task.steps[s.step]! && !s.holds;
    const blocked = (s: State) => wantsLock(s) && holder !== null && holder !== s;
    const effective = (s: State) => {
      let p = s.task.priority;
      if (s.holds && protocol === "inherit") for (const w of ready) if (blocked(w)) p = Math.max(p, w.task.priority);
      if (s.holds && protocol === "ceiling") p = Math.max(p, ceiling);
      return p;
    };
    const runnable = ready.filter((s) => !blocked(s));
    if (runnable.length === 0) {
      running = null;
      continue;
    }
    let pick = runnable[0]!;
    for (const s of runnable) {
      const better =
        effective(s) > effective(pick) || (effective(s) === effective(pick) && s === running && pick !== running);
      if (better) pick = s;
    }
    for (const s of ready) if (s !== pick && s.task.priority > pick.task.priority) inversion[s.task.id]! += 1;
    if (wantsLock(pick)) pick.holds = true;
    const prio = effective(pick);
    const locked = pick.holds;
    const last = slices[slices.length - 1];
    if (last && last.task === pick.task.id && last.end === t && last.priority === prio && last.locked === locked)
      last.end = t + 1;
    else slices.push({ task: pick.task.id, start: t, end: t + 1, priority: prio, locked });
    pick.left -= 1;
    if (pick.left === 0) {
      if ("locked" in pick.task.steps[pick.step]!) pick.holds = false;
      pick.step += 1;
      if (pick.step === pick.task.steps.length) {
        pick.done = true;
        finish[pick.task.id] = t + 1;
      } else pick.left = stepLength(pick.task.steps[pick.step]!);
    }
    running = pick.done ? null : pick;
  }
  return { ok: true, value: { slices, finish, inversion } };
}

function stepLength(s: InversionStep): number {
  return "cpu" in s ? s.cpu : s.locked;
}

/** The classic three-task scenario the lesson and the questions use (Mars Pathfinder's shape). */
export function classicInversion(p: {
  lowBefore: number;
  lowLocked: number;
  highArrival: number;
  highBefore: number;
  highLocked: number;
  mediumArrival: number;
  mediumCpu: number;
}): InversionTask[] {
  return [
    {
      id: "L",
      priority: 1,
      arrival: 0,
      steps: [...(p.lowBefore > 0 ? [{ cpu: p.lowBefore }] : []), { locked: p.lowLocked }, { cpu: 1 }],
    },
    {
      id: "H",
      priority: 3,
      arrival: p.highArrival,
      steps: [...(p.highBefore > 0 ? [{ cpu: p.highBefore }] : []), { locked: p.highLocked }, { cpu: 1 }],
    },
    { id: "M", priority: 2, arrival: p.mediumArrival, steps: [{ cpu: p.mediumCpu }] },
  ];
}
