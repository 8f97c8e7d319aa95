// Process models: fork/exec/wait programs written in a C subset (every output the OS may produce,
// with stdio buffering), and the crash-isolation model for processes and threads.
export { analyzeForkProgram, splitOutputLines } from "./fork/analyze";
export { explainOutputOrder, type OutputOrderVerdict } from "./fork/explain";
export { checkForkOutput, type ForkOutputCheck } from "./fork/check";
export type {
  ForkExitHow,
  ForkAnalysisOptions,
  OutputMode,
  ForkEvent,
  ForkModel,
  ForkProcessInfo,
  ForkTreeNode,
  ForkOutputMode,
  ForkBranch,
  ForkRun,
} from "./fork/types";
export { parseCProgram, type CParseResult } from "./c/parser";
export type { ProcessModelError, ProcessModelResult } from "./types";
export { simulateCrashScenario, MAX_CRASH_STATES } from "./crash/simulate";
export { validateCrashScenario, CRASH_LIMITS } from "./crash/validate";
export type {
  CrashAppearance,
  CrashProcess,
  CrashProcessOutcome,
  CrashReport,
  CrashScenario,
  CrashStep,
  CrashStepOutcome,
  CrashThread,
  FaultSignal,
} from "./crash/types";
