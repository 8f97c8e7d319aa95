/** Bounds on a process-states input, so any accepted input runs in bounded time and memory. */
export const PROCSTATES_LIMITS = {
  maxProcesses: 32,
  maxStepsPerProcess: 1_000,
  /** Largest `cpu` or `io` length of one step. */
  maxStepLength: 10_000,
  /** Upper bound on the ticks a run may take (checked before running). */
  maxTicks: 20_000,
  maxQuantum: 10_000,
  maxIdLength: 32,
} as const;
