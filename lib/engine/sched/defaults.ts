// Every default in one place, with the source of each figure, so docs/engine.md and the output's echo
// of conventions can be checked against a single table.
import type { Conventions, Limits, RtConfig, SmpConfig, SwitchCostConfig } from "./types";

/** Documented caps: bad or hostile input is rejected before any work proportional to it. */
export const MAX_TASKS = 200_000;
export const MAX_BURSTS_PER_TASK = 10_000;
export const MAX_TOTAL_BURSTS = 2_000_000;
export const MAX_TIME_MS = 1e12;
export const DEFAULT_MAX_EVENTS = 5_000_000;
export const MAX_EVENTS_CAP = 50_000_000;
export const MAX_LOGGED_DECISIONS = 50_000;
/** Decision logging defaults to on for workloads up to this many tasks. */
export const AUTO_LOG_TASKS = 1_000;

export const DEFAULT_CONVENTIONS: Conventions = {
  tieBreak: "arrival",
  arrivalVsExpired: "arrival-first",
};

/**
 * Direct costs from domain.md: kernel switch 3.5–4.5 µs on a PCID machine (threads ≈ processes; we take
 * 3.5 for threads, 4.3 µs — Sigoure's classic process figure — for processes), goroutine switch
 * 160–280 ns (0.2 µs). Switching to or from the idle task keeps the old mm (lazy TLB), so it is priced
 * like a thread switch. Refill (indirect) cost is off by default; 100 ns/KiB ≈ 10 GB/s refill bandwidth.
 */
export const DEFAULT_SWITCH_COST: SwitchCostConfig = {
  chargeTime: false,
  threadUs: 3.5,
  processUs: 4.3,
  idleUs: 3.5,
  userUs: 0.2,
  refillNsPerKb: 0,
  cacheKb: 32 * 1024,
  pcid: true,
  tlbEntries: 1536,
  tlbMissNs: 20,
};

export const DEFAULT_LIMITS: Limits = { maxEvents: DEFAULT_MAX_EVENTS };

export const DEFAULT_RT: RtConfig = {
  rrTimesliceMs: 100,
  throttle: "throttle",
  rtRuntimeMs: 950,
  rtPeriodMs: 1000,
  fairServerMs: 50,
};

export const DEFAULT_CFS = {
  hz: 250,
  latencyMs: 6,
  minGranularityMs: 0.75,
  wakeupGranularityMs: 1,
  cpusForScaling: 1,
  startDebit: true,
  gentleFairSleepers: true,
} as const;

export const DEFAULT_EEVDF = {
  hz: 250,
  baseSliceMs: 0.75,
  cpusForScaling: 1,
  runToParity: true,
  placeDeadlineInitial: true,
  placeLag: true,
} as const;

/** Several CPUs: as many as a large server; 16 × 10,000 tasks is the benchmark. */
export const MAX_CPUS = 1024;
/** sched_setaffinity calls per task. */
export const MAX_AFFINITY_CHANGES = 100;

/**
 * Multi-CPU defaults (docs/engine.md, "Several CPUs"). balanceIntervalMs: Linux starts a domain's
 * balance_interval at sd_weight ms, one ms per CPU in the domain (sd_init in kernel/sched/topology.c), so the
 * default is `cpus` ms, filled in by validation. imbalancePct 117: sd_init's imbalance_pct for a domain
 * without SMT siblings. migrationCostMs 0: Linux charges no fixed time for a migration (its 0.5 ms
 * sysctl_sched_migration_cost is a "still cache-hot" threshold); the cost of moving shows up through the
 * cache model. The cache model is off (warmRate 1) unless asked for; OSTEP multi.py's own defaults are
 * -w 10, -r 2, -M 100.
 */
export const DEFAULT_SMP: Omit<SmpConfig, "balanceIntervalMs"> = {
  queues: "per-cpu",
  migrationCostMs: 0,
  imbalancePct: 117,
  warmupMs: 10,
  warmRate: 1,
  cacheKb: 100,
};

export const DEFAULT_QUANTUM = { rr: 1, lottery: 1, stride: 1 } as const;
export const DEFAULT_STRIDE_CONSTANT = 10_000;
export const DEFAULT_TICKETS = 100;
