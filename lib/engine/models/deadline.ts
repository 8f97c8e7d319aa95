// SCHED_DEADLINE in miniature: the admission test sched_setattr() applies (the sum of runtime/period
// over all deadline tasks must stay within the RT bandwidth limit, 95% of each CPU by default), and
// EDF on one CPU for periodic tasks whose deadline equals their period.

export interface DeadlineTask {
  runtime: number;
  period: number;
}

/** sched_rt_runtime_us / sched_rt_period_us = 950000 / 1000000 by default. */
export const DEFAULT_DL_LIMIT = 0.95;

/**
 * Requests are made one after another; each is admitted if the total bandwidth including it stays within
 * limit × cpus, and a rejected request (EBUSY) adds nothing. Returns how many were admitted.
 */
export function admitDeadlineTasks(
  existing: DeadlineTask[],
  requests: DeadlineTask[],
  cpus: number,
  limit = DEFAULT_DL_LIMIT,
): { admitted: boolean[]; totalBandwidth: number } {
  // Work in parts per million, as the kernel works in fixed point (to_ratio, BW_SHIFT = 20), so that
  // 0.95 is not compared through binary fractions.
  const ppm = (t: DeadlineTask) => Math.round((t.runtime * 1_000_000) / t.period);
  let total = existing.reduce((a, t) => a + ppm(t), 0);
  const cap = Math.round(limit * 1_000_000) * cpus;
  const admitted = requests.map((r) => {
    if (total + ppm(r) > cap) return false;
    total += ppm(r);
    return true;
  });
  return { admitted, totalBandwidth: total / 1_000_000 };
}

export interface EdfSlice {
  task: number;
  start: number;
  end: number;
}

/**
 * Preemptive EDF on one CPU, integer time, implicit deadlines (deadline = period), all tasks released
 * at 0. Ties go to the lower task index. Returns the schedule up to `horizon` and each job's finish.
 */
export function simulateEdf(
  tasks: DeadlineTask[],
  horizon: number,
): { slices: EdfSlice[]; finishes: number[][]; misses: number } {
  const jobs: {
    task: number;
    release: number;
    deadline: number;
    left: number;
    finish: number | null;
    missed: boolean;
  }[] = [];
  const slices: EdfSlice[] = [];
  let misses = 0;
  for (let t = 0; t < horizon; t++) {
    tasks.forEach((task, i) => {
      if (t % task.period === 0)
        jobs.push({ task: i, release: t, deadline: t + task.period, left: task.runtime, finish: null, missed: false });
    });
    const pending = jobs.filter((j) => j.left > 0);
    for (const j of pending) {
      if (j.deadline <= t && !j.missed) {
        misses++;
        j.missed = true;
      }
    }
    if (pending.length === 0) continue;
    pending.sort((a, b) => a.deadline - b.deadline || a.task - b.task || a.release - b.release);
    const j = pending[0]!;
    j.left -= 1;
    if (j.left === 0) j.finish = t + 1;
    const last = slices[slices.length - 1];
    if (last && last.task === j.task && last.end === t) last.end = t + 1;
    else slices.push({ task: j.task, start: t, end: t + 1 });
  }
  const finishes = tasks.map((_, i) => jobs.filter((j) => j.task === i && j.finish !== null).map((j) => j.finish!));
  return { slices, finishes, misses };
}
