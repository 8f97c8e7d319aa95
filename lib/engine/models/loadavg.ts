// Linux's load average, exactly as kernel/sched/loadavg.c computes it: every LOAD_FREQ (5 s) each average
// decays towards the number of "active" tasks, fixed-point with FSHIFT = 11. Active means runnable (R)
// or in uninterruptible sleep (D): Linux counts D so that a machine waiting on disks or NFS shows load.

/** include/linux/sched/loadavg.h */
export const FSHIFT = 11;
export const FIXED_1 = 1 << FSHIFT;
/** 1/exp(5s/1min), 1/exp(5s/5min), 1/exp(5s/15min) in fixed point. */
export const LOADAVG_EXP = { 1: 1884, 5: 2014, 15: 2037 } as const;
export type LoadWindow = keyof typeof LOADAVG_EXP;
export const LOAD_FREQ_S = 5;

/** calc_load(): one 5-second update of one average (all values fixed point). */
export function calcLoad(load: number, exp: number, active: number): number {
  let newload = load * exp + active * (FIXED_1 - exp);
  if (active >= load) newload += FIXED_1 - 1;
  return Math.floor(newload / FIXED_1);
}

/** Process states as `ps` prints them, and whether each one counts towards the load average. */
export const PROCESS_STATES = {
  R: { name: "running or runnable", counts: true },
  D: { name: "uninterruptible sleep", counts: true },
  S: { name: "interruptible sleep", counts: false },
  I: { name: "idle kernel thread", counts: false },
  T: { name: "stopped", counts: false },
  Z: { name: "zombie", counts: false },
} as const;
export type ProcessState = keyof typeof PROCESS_STATES;

/** How many tasks of a `ps` listing count towards the load average. */
export function loadContributors(counts: Partial<Record<ProcessState, number>>): number {
  let n = 0;
  for (const [state, k] of Object.entries(counts) as [ProcessState, number][]) if (PROCESS_STATES[state].counts) n += k;
  return n;
}

/**
 * The value /proc/loadavg shows after `updates` 5-second updates with `active` tasks counted at each,
 * starting from `start` (a displayed value such as 0 or 2.5). The kernel adds FIXED_1/200 before
 * printing two decimals (loadavg_proc_show), so this returns the printed value.
 */
export function loadAverageAfter(start: number, active: number, updates: number, window: LoadWindow): number {
  let load = Math.round(start * FIXED_1);
  const exp = LOADAVG_EXP[window];
  for (let i = 0; i < updates; i++) load = calcLoad(load, exp, active * FIXED_1);
  return displayLoad(load);
}

/** LOAD_INT / LOAD_FRAC of loadavg_proc_show, with its FIXED_1/200 rounding offset. */
export function displayLoad(fixed: number): number {
  const x = fixed + FIXED_1 / 200;
  const int = Math.floor(x / FIXED_1);
  const frac = Math.floor(((x % FIXED_1) * 100) / FIXED_1);
  return int + frac / 100;
}
