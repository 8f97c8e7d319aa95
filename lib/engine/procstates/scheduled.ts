// Process states under the scheduler engine's policies (SJF, STCF, priority, MLFQ, lottery, stride,
// CFS, EEVDF). Rather than a second copy of each policy, the workload becomes a lib/engine/sched
// workload — one task per process, its CPU bursts separated by its I/O waits — the scheduler's own
// loop decides who runs, and its timeline is read back tick by tick into the same rows the OSTEP
// machine produces. One tick is one millisecond of scheduler time.
import { DEFAULT_LIMITS } from "../sched/defaults";
import { DEFAULT_SWITCH_COST } from "../sched/index";
import { simulate } from "../sched/simulate";
import type { Conventions, PolicyConfig, TaskSpec } from "../sched/types";
import { MachineInvariantError, type Cell, type Instruction, type MachineRun, type TickRow } from "./machine";

/**
 * The machine's order of events in the scheduler's terms: when a quantum ends at the instant an I/O
 * completes, the process whose I/O completed queues first (the machine's RR does the same), and
 * equal keys go to the earlier process in the input (every process arrives at tick 0).
 */
export const PROCSTATES_CONVENTIONS: Conventions = { tieBreak: "list", arrivalVsExpired: "arrival-first" };

/** Per-process scheduling fields the scheduler reads (priority policy, lottery/stride, CFS/EEVDF). */
export interface SchedulingFields {
  priority?: number;
  tickets?: number;
  nice?: number;
}

/**
 * The scheduler's bursts for a program: every instruction costs a CPU tick, and an `io` ends a CPU
 * burst (the tick that issues it is its last CPU tick) followed by an I/O wait of its length. The
 * `io_done` tick opens the next burst, so every burst after an I/O is at least one tick long.
 */
export function toBursts(program: readonly Instruction[]): number[] {
  const bursts: number[] = [];
  let cpu = 0;
  for (const ins of program) {
    cpu += 1;
    if (ins.op === "io") {
      bursts.push(cpu, ins.length);
      cpu = 0;
    }
  }
  bursts.push(cpu);
  return bursts;
}

/**
 * Runs the programs under a scheduler policy. Processes with empty programs are DONE from the first
 * tick (they have no CPU burst to give the scheduler). Throws MachineInvariantError only if the
 * scheduler's timeline and the programs disagree, which would be a bug in the conversion.
 */
export function runScheduled(
  programs: readonly (readonly Instruction[])[],
  policy: PolicyConfig,
  fields: readonly SchedulingFields[],
): MachineRun {
  const tasks: TaskSpec[] = [];
  programs.forEach((program, pid) => {
    if (program.length === 0) return;
    const { priority, tickets, nice } = fields[pid] ?? {};
    tasks.push({
      id: String(pid),
      arrival: 0,
      bursts: toBursts(program),
      ...(priority === undefined ? {} : { priority }),
      ...(tickets === undefined ? {} : { tickets }),
      ...(nice === undefined ? {} : { nice }),
    });
  });
  if (tasks.length === 0) return { rows: [], totalTicks: 0, cpuBusyTicks: 0, ioBusyTicks: 0 };

  const result = simulate({
    policy,
    tasks,
    conventions: PROCSTATES_CONVENTIONS,
    switchCost: DEFAULT_SWITCH_COST,
    limits: DEFAULT_LIMITS,
    log: false,
    logReadyLimit: 0,
  });
  if (result.stats.stoppedBy !== "completed") {
    throw new MachineInvariantError(`the scheduler stopped early (${result.stats.stoppedBy})`);
  }
  const end = result.stats.endTime;
  if (!Number.isInteger(end))
    throw new MachineInvariantError(`the scheduler ended at t=${end}, not on a tick boundary`);

  // owner[t] = the process on the CPU during tick t, i.e. scheduler time [t − 1, t).
  const owner = new Array<number>(end + 1).fill(-1);
  for (const slice of result.slices) {
    if (!Number.isInteger(slice.start) || !Number.isInteger(slice.end)) {
      throw new MachineInvariantError(
        `a slice of process ${slice.task} runs ${slice.start}–${slice.end}, not on tick boundaries`,
      );
    }
    for (let t = slice.start + 1; t <= slice.end; t++) {
      if (owner[t] !== -1) throw new MachineInvariantError(`two processes hold the CPU at tick ${t}`);
      owner[t] = Number(slice.task);
    }
  }
  return replay(programs, owner, end);
}

/** Walks the ticks with the given CPU owner per tick, deriving every process's state. */
function replay(programs: readonly (readonly Instruction[])[], owner: readonly number[], end: number): MachineRun {
  const pc = programs.map(() => 0);
  const ioFinish = programs.map(() => 0);
  const done = programs.map((p) => p.length === 0);
  const rows: TickRow[] = [];
  let cpuBusyTicks = 0;
  let ioBusyTicks = 0;
  for (let tick = 1; tick <= end; tick++) {
    const ioCompleted = ioFinish.includes(tick);
    const cells: Cell[] = programs.map((_, pid) => (done[pid] ? "DONE" : ioFinish[pid]! > tick ? "BLOCKED" : "READY"));
    const runner = owner[tick]!;
    let executed: Instruction | null = null;
    if (runner >= 0) {
      if (cells[runner] !== "READY")
        throw new MachineInvariantError(
          `the scheduler ran process ${runner} at tick ${tick} while it was ${cells[runner]}`,
        );
      executed = programs[runner]![pc[runner]!]!;
      pc[runner]! += 1;
      cells[runner] = `RUN:${executed.op}`;
      cpuBusyTicks += 1;
    }
    const iosInFlight = ioFinish.filter((t) => t > tick).length;
    if (iosInFlight > 0) ioBusyTicks += 1;
    rows.push({ tick, ioCompleted, cells, cpuBusy: executed !== null, iosInFlight });
    if (executed?.op === "io") ioFinish[runner] = tick + executed.length + 1;
    if (runner >= 0 && pc[runner] === programs[runner]!.length) done[runner] = true;
  }
  const unfinished = done.findIndex((d) => !d);
  if (unfinished >= 0)
    throw new MachineInvariantError(`process ${unfinished} still has work when the scheduler ends at t=${end}`);
  return { rows, totalTicks: end, cpuBusyTicks, ioBusyTicks };
}
