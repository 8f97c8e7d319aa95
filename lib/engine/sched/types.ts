// Public, JSON-safe types of the CPU scheduling simulator. Everything here must survive
// JSON.stringify/parse unchanged (no classes, no Infinity, no undefined-vs-null ambiguity in outputs),
// because a schedule travels between the server, the browser, a database column and the CLI.

/** Linux scheduling classes. Textbook policies accept only "other". */
export type SchedClass = "other" | "idle" | "fifo" | "rr";

export interface TaskSpec {
  id: string;
  /** ms; when the task first becomes runnable. */
  arrival: number;
  /**
   * Alternating CPU and I/O (sleep) durations in ms, starting with CPU: [cpu, io, cpu, io, cpu, ...].
   * With `repeat: true` the pattern cycles forever; a single element with repeat means "CPU-bound forever".
   */
  bursts: number[];
  repeat?: boolean;
  class?: SchedClass;
  /** −20…19, fair classes (weight table in weights.ts). */
  nice?: number;
  /** Real-time priority 1 (low)…99 (high) for class fifo/rr; the static priority for the textbook "priority" policy. */
  priority?: number;
  /** Threads of the same process switch more cheaply (no address-space change). Defaults to the task id. */
  process?: string;
  /** A user-space thread (goroutine, virtual thread): a switch between two of them in one process is "user". */
  userThread?: boolean;
  /** Lottery/stride tickets (default 100). */
  tickets?: number;
  /** KiB touched per run; drives the optional cache/TLB refill penalty and, on several CPUs, cache eviction. */
  workingSetKb?: number;
  /**
   * CPUs the task may run on (sched_setaffinity), numbered from 0; absent = every CPU. Needs `cpus`.
   */
  affinity?: number[];
  /** sched_setaffinity calls during the run, in time order: from `at` the task may only run on `cpus`. */
  affinityChanges?: { at: number; cpus: number[] }[];
  /** EEVDF per-task requested slice in ms (sched_setattr, Linux 6.12); defaults to the base slice. */
  sliceMs?: number;
}

export interface RtConfig {
  /** SCHED_RR quantum (sched_rr_timeslice_ms), default 100. */
  rrTimesliceMs: number;
  /**
   * "throttle" (before 6.12): RT tasks may use at most rtRuntimeMs per rtPeriodMs (sched_rt_runtime_us,
   * 950 of 1000 ms), periods counted from the first RT enqueue; beyond it the CPU runs fair tasks or idles.
   * "fair-server" (6.12+): a deferred deadline server gives starved fair tasks fairServerMs per period at the
   * zero-laxity point, so a lone RT hog is never throttled. "none": RT may starve the fair class forever.
   * docs/engine.md describes both state machines.
   */
  throttle: "throttle" | "fair-server" | "none";
  rtRuntimeMs: number;
  rtPeriodMs: number;
  fairServerMs: number;
}

export interface CfsConfig extends RtConfig {
  name: "cfs";
  hz: number;
  latencyMs: number;
  minGranularityMs: number;
  wakeupGranularityMs: number;
  /** Scales latency/granularity by 1 + log2(min(cpus, 8)), as the kernel does at boot. */
  cpusForScaling: number;
  startDebit: boolean;
  gentleFairSleepers: boolean;
}

export interface EevdfConfig extends RtConfig {
  name: "eevdf";
  hz: number;
  /** Unscaled base slice: 0.75 ms (6.6–6.14), 0.70 ms since 6.15. */
  baseSliceMs: number;
  cpusForScaling: number;
  runToParity: boolean;
  /** New tasks get half a slice for their first deadline (PLACE_DEADLINE_INITIAL). */
  placeDeadlineInitial: boolean;
  /** Woken tasks keep the lag they slept with (PLACE_LAG). */
  placeLag: boolean;
}

export type PolicyConfig =
  | { name: "fifo" }
  | { name: "sjf" }
  | { name: "stcf" }
  | {
      name: "rr";
      quantum: number;
      /**
       * Not a real policy: the belief that a job arriving (or waking) restarts the running job's quantum. Only the
       * misconception catalogue sets it; validation never accepts it from input.
       */
      restartQuantumOnArrival?: boolean;
    }
  | { name: "priority"; preemptive: boolean; higherIs: "lower-number" | "higher-number" }
  | {
      name: "mlfq";
      /** Per level, level 0 = highest priority. */
      quanta: number[];
      /** CPU ms a task may use at a level (across all its quanta) before demotion; defaults to the quanta. */
      allotments: number[];
      /** ms; 0 = never boost. */
      boostPeriod: number;
      /** true = the old rule 4b: giving up the CPU for I/O resets the allotment (gameable). */
      ioResetsAllotment: boolean;
    }
  | { name: "lottery"; quantum: number; seed: number }
  | { name: "stride"; quantum: number; strideConstant: number }
  | CfsConfig
  | EevdfConfig;

export type PolicyName = PolicyConfig["name"];

/** Rules that textbooks disagree on; each is explicit and echoed in the result. */
export interface Conventions {
  /**
   * Order among tasks that become ready at the same instant and ties between equal keys:
   * "arrival" = earlier arrival, then list order; "list" = list order; "id" = id string order.
   */
  tieBreak: "arrival" | "list" | "id";
  /** When a quantum expires at the instant another task arrives or wakes, who queues first. */
  arrivalVsExpired: "arrival-first" | "expired-first";
}

export interface SwitchCostConfig {
  /** When true the switch overhead takes CPU time (shifts the schedule); otherwise it is only reported. */
  chargeTime: boolean;
  /** Direct costs in µs per kind of switch. */
  threadUs: number;
  processUs: number;
  idleUs: number;
  userUs: number;
  /** Indirect cost: refill the task's working set (capped at cacheKb) at refillNsPerKb. 0 disables. */
  refillNsPerKb: number;
  cacheKb: number;
  /** Without PCID a cross-process switch also flushes the TLB: min(ws/4 KiB, tlbEntries) misses. */
  pcid: boolean;
  tlbEntries: number;
  tlbMissNs: number;
}

export interface Limits {
  /** Cap on loop iterations (events); the run stops with stoppedBy "event-cap". */
  maxEvents: number;
}

/**
 * Several CPUs (smp.ts; every default and its source in docs/engine.md, "Several CPUs").
 */
export interface SmpConfig {
  /** "per-cpu": one run queue (one policy instance) per CPU, with load balancing; "single": one shared queue. */
  queues: "per-cpu" | "single";
  /** CPU ms charged to a task each time it starts running on a CPU other than the one it last ran on. */
  migrationCostMs: number;
  /** Periodic load balancing between run queues every this many ms (per-cpu queues only). */
  balanceIntervalMs: number;
  /** Balance only when the busiest queue has more than imbalancePct % of this CPU's tasks (sd->imbalance_pct). */
  imbalancePct: number;
  /** OSTEP multi.py -w: ms a task must run on a CPU before its working set is warm there; 0 = always warm. */
  warmupMs: number;
  /** OSTEP multi.py -r: how many times faster a task runs once warm (1 = no cache model). */
  warmRate: number;
  /** OSTEP multi.py -M: per-CPU cache size in KiB, shared by the working sets warm there (LRU). */
  cacheKb: number;
}

export interface Workload {
  /** Number of CPUs (default 1: the single-CPU loop, unchanged). */
  cpus?: number;
  /** Multi-CPU settings, filled in by validation when cpus > 1 or given. */
  smp?: SmpConfig;
  policy: PolicyConfig;
  tasks: TaskSpec[];
  /** ms; stop here. Required when any task repeats forever. */
  horizon?: number;
  conventions: Conventions;
  switchCost: SwitchCostConfig;
  limits: Limits;
  /** Record decision entries (ready set + rule) — costs memory on huge workloads. */
  log: boolean;
  /** Ready tasks listed per decision entry (the best ones first). */
  logReadyLimit: number;
}

export type SliceEnd = "finished" | "blocked" | "preempted" | "quantum-expired" | "throttled" | "horizon";

export interface Slice {
  /** The CPU, on multi-CPU runs only (cpus > 1 or smp given). */
  cpu?: number;
  task: string;
  start: number;
  end: number;
  endReason: SliceEnd;
}

export interface TaskMetrics {
  id: string;
  arrival: number;
  cpuTime: number;
  /** null when the task never ran / never finished before the horizon. */
  firstRun: number | null;
  finish: number | null;
  turnaround: number | null;
  /** Time spent runnable but not running. */
  waiting: number;
  response: number | null;
}

export type SwitchKind = "thread" | "process" | "idle" | "user";

export interface SwitchKindReport {
  count: number;
  directMs: number;
  indirectMs: number;
}

export interface SwitchReport {
  total: number;
  byKind: Record<SwitchKind, SwitchKindReport>;
  totalOverheadMs: number;
  /** CPU time actually lost (equals totalOverheadMs when chargeTime, else 0). */
  cpuTimeLostMs: number;
  charged: boolean;
}

export interface DecisionValues {
  /** CPU ms left in the current burst; null when the burst never ends (a CPU-bound-forever task). */
  remaining?: number | null;
  vruntime?: number;
  deadline?: number;
  lag?: number;
  priority?: number;
  level?: number;
  tickets?: number;
  pass?: number;
}

export interface Decision {
  time: number;
  cpu: number;
  ready: { task: string; values: DecisionValues }[];
  /** Task id, or null when the CPU goes idle. */
  picked: string | null;
  rule: string;
  message: string;
}

export type MigrationReason = "balance" | "idle-pull" | "wakeup" | "affinity" | "shared-queue";

export interface Migration {
  time: number;
  task: string;
  /** The CPU the task last ran on (or whose queue it left). */
  from: number;
  to: number;
  reason: MigrationReason;
}

export interface SmpReport {
  cpus: number;
  config: SmpConfig;
  perCpu: { cpu: number; busyTime: number; idleTime: number; utilisation: number }[];
  migrations: Migration[];
  /** More migrations happened than are listed (the list is capped like the decision log). */
  migrationsTruncated: boolean;
  /** cpuTime = the task's CPU bursts run + migrationCostMs + warmupCostMs. */
  tasks: { id: string; migrations: number; migrationCostMs: number; warmupCostMs: number }[];
  /** Periodic balancing passes run. */
  balanceRuns: number;
}

export interface SimResult {
  policy: PolicyConfig;
  conventions: Conventions;
  switchCost: SwitchCostConfig;
  horizon: number | null;
  slices: Slice[];
  tasks: TaskMetrics[];
  averages: { turnaround: number | null; waiting: number; response: number | null; finished: number };
  switches: SwitchReport;
  decisions: Decision[];
  decisionsTruncated: boolean;
  /**
   * stoppedBy "stalled": no horizon, the CPU idles, nothing will arrive or wake, and the ready tasks can
   * never be picked (validation refuses the one configuration that leads there: see docs/engine.md).
   */
  stats: {
    events: number;
    decisions: number;
    endTime: number;
    busyTime: number;
    idleTime: number;
    stoppedBy: "completed" | "horizon" | "event-cap" | "stalled";
  };
  warnings: string[];
  /** Multi-CPU runs only. */
  smp?: SmpReport;
}

export interface ValidationError {
  path: string;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; errors: ValidationError[] };

/** One runnable task at an instant, with the values its policy compares (as in the decision log). */
export interface TaskState {
  task: string;
  values: DecisionValues;
}

/**
 * The scheduler's state during [time, time + ε): after every event at `time` (finishes, expiries,
 * arrivals, wakeups, preemptions, the pick) has been handled. Produced by `stateAt`/`statesAt`.
 */
export interface SchedState {
  time: number;
  /** The task holding the CPU (or being switched to), with its values at `time`; null when idle. */
  running: TaskState | null;
  /** True when the CPU is inside a charged context switch at `time` (to `running`, or to idle). */
  switching: boolean;
  /** The waiting runnable tasks, in the order the policy would consider them (best first). */
  ready: TaskState[];
  /** Tasks sleeping in I/O, with the time each wakes. */
  blocked: { task: string; wakesAt: number }[];
  /** Tasks that have not arrived yet, and tasks that have finished. */
  notArrived: string[];
  done: string[];
}
