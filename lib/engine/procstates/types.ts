// Public, JSON-safe shapes of the process-states model (see docs/process-states.md).
import type { PolicyConfig } from "../sched/types";
import type { Cell, IoDone, Policy as MachinePolicy, SwitchOn } from "./machine";

/** Policies the scheduler engine (lib/engine/sched) runs for this model. */
export type ScheduledPolicyName = "sjf" | "stcf" | "priority" | "mlfq" | "lottery" | "stride" | "cfs" | "eevdf";
/** Every policy: the OSTEP machine's three, then the scheduler engine's. */
export type ProcStatesPolicyName = MachinePolicy | ScheduledPolicyName;
/** A policy with options, in the scheduler engine's format, e.g. `{"name": "mlfq", "quanta": [2, 4]}`. */
export interface ProcStatesPolicySpec {
  name: string;
  [option: string]: unknown;
}

/** One step of a program: `{ cpu: n }` computes for n ticks; `{ io: n }` issues one I/O that keeps
 *  the device busy for n ticks, after which the process needs one more CPU tick (`io_done`). */
export type ProcStatesStep = { cpu: number } | { io: number };

export interface ProcStatesProcess {
  /** Column label; defaults to "P0", "P1", ... by position. */
  id?: string;
  program: ProcStatesStep[];
  /** Static priority, read by the "priority" policy (its `higherIs` says which way is higher). */
  priority?: number;
  /** Lottery/stride tickets (default 100). */
  tickets?: number;
  /** Nice value −20…19 for CFS/EEVDF (default 0). */
  nice?: number;
}

export interface ProcStatesInput {
  processes: ProcStatesProcess[];
  /** "io" (default): switch when the running process finishes or issues an I/O. "end": only when it finishes. */
  switchOn?: SwitchOn;
  /** "later" (default): a process whose I/O completed waits its turn. "immediate": it preempts the running one. */
  ioDone?: IoDone;
  /**
   * "ostep" (default, process-run.py's cyclic scan), "fifo" (ready queue), "rr" (ready queue +
   * quantum), or one of the scheduler engine's policies: "sjf", "stcf" (alias "srtf"), "priority",
   * "mlfq", "lottery", "stride", "cfs", "eevdf" — as a name, or as an object with its options.
   */
  policy?: ProcStatesPolicyName | "fcfs" | "srtf" | "psjf" | ProcStatesPolicySpec;
  /** Ticks per turn under "rr" (required there, rejected elsewhere; `{"name": "rr", "quantum": n}` also works). */
  quantum?: number;
}

/** The validated input with defaults filled in. */
export interface ProcStatesConfig {
  processes: { id: string; program: ProcStatesStep[]; priority?: number; tickets?: number; nice?: number }[];
  switchOn: SwitchOn;
  /** "policy" under the scheduler engine's policies: the policy decides whether a returning process preempts. */
  ioDone: IoDone | "policy";
  policy: ProcStatesPolicyName;
  /** The RR quantum (policy "rr" only). */
  quantum: number | null;
  /** The scheduler engine's policy with every option filled in; null for "ostep", "fifo" and "rr". */
  scheduler: PolicyConfig | null;
}

export interface ProcStatesTick {
  t: number;
  /** One entry per process, in input order: RUN:cpu, RUN:io, RUN:io_done, RUNNING (holds the CPU
   *  but has nothing to execute), READY, BLOCKED or DONE. */
  states: Cell[];
  cpuBusy: boolean;
  /** Number of I/Os in progress during this tick. */
  iosInFlight: number;
  /** An I/O completed at the start of this tick (OSTEP marks these rows with `*`). */
  ioCompleted: boolean;
}

export interface ProcStatesProcessSummary {
  id: string;
  /** Ticks spent RUNNING (executing, or holding an idle CPU with an empty program). */
  running: number;
  ready: number;
  blocked: number;
  /** The last tick before the process was DONE. */
  finishedAt: number;
}

export interface ProcStatesResult {
  config: ProcStatesConfig;
  ticks: ProcStatesTick[];
  processes: ProcStatesProcessSummary[];
  totalTicks: number;
  cpuBusyTicks: number;
  ioBusyTicks: number;
  /** cpuBusyTicks / totalTicks, in [0, 1]. */
  cpuUtilization: number;
  /** Fraction of ticks with at least one I/O in progress, in [0, 1]. */
  ioUtilization: number;
}

export interface ProcStatesError {
  /** Where the problem is, e.g. `processes[1].program[0].io`. */
  path: string;
  message: string;
}

export type ProcStatesOutcome<T> = { ok: true; value: T } | { ok: false; errors: ProcStatesError[] };
