// cgroup v2 CPU bandwidth control (cpu.max = "quota period", CFS/EEVDF bandwidth control): a group may
// use `quota` µs of CPU per `period` µs, summed over all its threads and CPUs; once it has used the
// quota it is throttled until the period ends, then the quota is refilled. This model answers "how long
// does a burst of work take under a quota?" with the simplifications stated in CPU_QUOTA_CONVENTIONS.
import type { Checked, ValidationIssue } from "../questions/types";

export interface CpuQuotaInput {
  /** Quota per period in ms; null = "max" (no limit). May exceed the period on several CPUs. */
  quotaMs: number | null;
  periodMs: number;
  /** CPU time the burst needs in total, ms, split evenly over `threads`. */
  workMs: number;
  threads: number;
  /** Idle CPUs the group may run on. */
  cpus: number;
  /** When the burst arrives, in ms after a period boundary; the group used no quota earlier in that period. */
  offsetMs: number;
}

export interface CpuQuotaSegment {
  start: number;
  end: number;
  state: "running" | "throttled";
}

export interface CpuQuotaResult {
  /** Arrival to completion, ms. */
  latencyMs: number;
  /** Time spent throttled, ms. */
  throttledMs: number;
  /** Number of periods in which the group hit its quota (cpu.stat nr_throttled). */
  throttledPeriods: number;
  segments: CpuQuotaSegment[];
}

export const CPU_QUOTA_CONVENTIONS = [
  "The burst's threads are runnable all the time and split the work evenly; they run in parallel on up to `cpus` idle CPUs.",
  "Quota is consumed continuously (the kernel hands it out in 5 ms slices per CPU and notices exhaustion at ticks; the model ignores that granularity and cpu.max.burst).",
  "The quota is fresh when the burst arrives and is refilled at every period boundary.",
];

const EPS = 1e-9;

export function validateCpuQuota(input: CpuQuotaInput): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const positive = (v: number, path: string) => {
    if (!Number.isFinite(v) || v <= 0) issues.push({ path, message: `must be a positive number, got ${v}` });
  };
  if (input.quotaMs !== null) positive(input.quotaMs, "quotaMs");
  positive(input.periodMs, "periodMs");
  positive(input.workMs, "workMs");
  if (!Number.isInteger(input.threads) || input.threads < 1 || input.threads > 1024)
    issues.push({ path: "threads", message: `must be an integer 1–1024, got ${input.threads}` });
  if (!Number.isInteger(input.cpus) || input.cpus < 1 || input.cpus > 1024)
    issues.push({ path: "cpus", message: `must be an integer 1–1024, got ${input.cpus}` });
  if (!Number.isFinite(input.offsetMs) || input.offsetMs < 0 || input.offsetMs >= input.periodMs)
    issues.push({ path: "offsetMs", message: "must be ≥ 0 and less than the period" });
  if (issues.length === 0 && input.quotaMs !== null && input.workMs / input.quotaMs > 100_000)
    issues.push({ path: "workMs", message: "needs more than 100,000 periods; raise the quota" });
  return issues;
}

export function simulateCpuQuota(input: CpuQuotaInput): Checked<CpuQuotaResult> {
  const errors = validateCpuQuota(input);
  if (errors.length) return { ok: false, errors };
  const { quotaMs, periodMs, workMs, threads, cpus, offsetMs } = input;
  // Equal shares: every thread progresses at the same rate, so the group consumes CPU at a constant rate.
  const rate = Math.min(threads, cpus);
  const segments: CpuQuotaSegment[] = [];
  const push = (start: number, end: number, state: CpuQuotaSegment["state"]) => {
    if (end - start <= EPS) return;
    const last = segments[segments.length - 1];
    if (last && last.state === state && Math.abs(last.end - start) <= EPS) last.end = end;
    else segments.push({ start, end, state });
  };
  let t = offsetMs;
  let left = workMs;
  let throttledMs = 0;
  let throttledPeriods = 0;
  let periodEnd = periodMs;
  let budget = quotaMs ?? Infinity;
  while (left > EPS) {
    const runFor = Math.min(left / rate, budget / rate, periodEnd - t);
    push(t, t + runFor, "running");
    t += runFor;
    left -= runFor * rate;
    budget -= runFor * rate;
    if (left <= EPS) break;
    if (budget <= EPS) {
      throttledPeriods++;
      throttledMs += periodEnd - t;
      push(t, periodEnd, "throttled");
    }
    t = Math.max(t, periodEnd);
    periodEnd += periodMs;
    budget = quotaMs ?? Infinity;
  }
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  return {
    ok: true,
    value: {
      latencyMs: round(t - offsetMs),
      throttledMs: round(throttledMs),
      throttledPeriods,
      segments: segments.map((s) => ({ ...s, start: round(s.start - offsetMs), end: round(s.end - offsetMs) })),
    },
  };
}

/** Long-run CPU share of each busy sibling cgroup on a contended CPU set: cpu.weight / Σ cpu.weight. */
export function weightShares(weights: number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => w / total);
}
