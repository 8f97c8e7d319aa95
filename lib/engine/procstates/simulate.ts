// The process-states model: validated input in, per-tick states and utilisation out.
import { runMachine, type MachineRun } from "./machine";
import { runScheduled } from "./scheduled";
import type { ProcStatesConfig, ProcStatesOutcome, ProcStatesProcessSummary, ProcStatesResult } from "./types";
import { toInstructions, validateProcStatesInput } from "./validate";

function runConfig(config: ProcStatesConfig): MachineRun {
  const programs = config.processes.map((p) => toInstructions(p.program));
  if (config.scheduler) return runScheduled(programs, config.scheduler, config.processes);
  const { policy, ioDone } = config;
  if (ioDone === "policy" || (policy !== "ostep" && policy !== "fifo" && policy !== "rr")) {
    throw new Error(`policy "${policy}" needs its scheduler options; validate the input first`);
  }
  return runMachine({ programs, switchOn: config.switchOn, ioDone, policy, quantum: config.quantum ?? 1 });
}

/** Runs an already validated configuration. */
export function runProcStates(config: ProcStatesConfig): ProcStatesResult {
  const run = runConfig(config);
  const processes: ProcStatesProcessSummary[] = config.processes.map((p) => ({
    id: p.id,
    running: 0,
    ready: 0,
    blocked: 0,
    finishedAt: 0,
  }));
  for (const row of run.rows) {
    row.cells.forEach((cell, pid) => {
      const summary = processes[pid]!;
      if (cell === "DONE") return;
      summary.finishedAt = row.tick;
      if (cell === "READY") summary.ready += 1;
      else if (cell === "BLOCKED") summary.blocked += 1;
      else summary.running += 1;
    });
  }
  return {
    config,
    ticks: run.rows.map((row) => ({
      t: row.tick,
      states: row.cells,
      cpuBusy: row.cpuBusy,
      iosInFlight: row.iosInFlight,
      ioCompleted: row.ioCompleted,
    })),
    processes,
    totalTicks: run.totalTicks,
    cpuBusyTicks: run.cpuBusyTicks,
    ioBusyTicks: run.ioBusyTicks,
    cpuUtilization: run.totalTicks === 0 ? 0 : run.cpuBusyTicks / run.totalTicks,
    ioUtilization: run.totalTicks === 0 ? 0 : run.ioBusyTicks / run.totalTicks,
  };
}

/** Validates untrusted input and runs it; never throws on bad input. */
export function simulateProcStates(input: unknown): ProcStatesOutcome<ProcStatesResult> {
  const checked = validateProcStatesInput(input);
  if (!checked.ok) return checked;
  return { ok: true, value: runProcStates(checked.value) };
}
