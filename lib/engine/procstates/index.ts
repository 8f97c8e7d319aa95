// Process states with I/O: processes alternating CPU and I/O on one CPU, shown as
// RUNNING/READY/BLOCKED/DONE per tick with CPU and I/O utilisation (OSTEP chapter 4's model,
// generalised to FIFO, RR and every policy of the scheduler engine). docs/process-states.md
// describes the input.
export { simulateProcStates, runProcStates } from "./simulate";
export { validateProcStatesInput } from "./validate";
export { formatProcStatesText } from "./text";
export { PROCSTATES_LIMITS } from "./limits";
export type { Cell as ProcStateCell, IoDone as ProcStatesIoDone, SwitchOn as ProcStatesSwitchOn } from "./machine";
export type {
  ProcStatesConfig,
  ProcStatesError,
  ProcStatesInput,
  ProcStatesOutcome,
  ProcStatesPolicyName as ProcStatesPolicy,
  ProcStatesPolicySpec,
  ProcStatesProcess,
  ProcStatesProcessSummary,
  ProcStatesResult,
  ProcStatesStep,
  ProcStatesTick,
} from "./types";
