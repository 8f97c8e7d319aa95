// Crash-isolation scenario: processes made of threads, each thread a list of steps.
// JSON-safe; documented with examples in docs/process-models.md.

export type FaultSignal = "SIGSEGV" | "SIGBUS" | "SIGFPE" | "SIGILL" | "SIGABRT";

export type CrashStep =
  | { print: string }
  /** Write a value to a variable: private memory is per process, shared memory is one copy for all. */
  | { store: { var: string; value: number } }
  /** Read a variable and print `<process>/<thread>: <var> = <value>`. */
  | { load: string }
  /** The thread faults; the kernel kills its whole process with this signal. */
  | { fault: FaultSignal }
  /** exit() from any thread ends every thread of the process. */
  | { exit: number }
  /** pthread_join: wait until the named thread of the same process has finished. */
  | { join: string }
  /** pthread_exit from main: main ends without ending the process. Only as main's last step. */
  | { pthreadExit: true };

export interface CrashThread {
  name: string;
  steps: CrashStep[];
}

export interface CrashProcess {
  name: string;
  /** The first thread is main: when it runs out of steps it returns from main, which exits the process. */
  threads: CrashThread[];
}

export interface CrashScenario {
  /** Variables; `shared: true` means mapped MAP_SHARED before the processes were forked. */
  memory?: Record<string, { shared?: boolean; initial?: number }>;
  processes: CrashProcess[];
}

export type CrashAppearance = "always" | "sometimes" | "never";

export interface CrashStepOutcome {
  process: string;
  thread: string;
  /** Index of the step in its thread. */
  step: number;
  kind: "print" | "store" | "load" | "fault" | "exit" | "join" | "pthreadExit";
  /** The line it prints, for print and load steps (load shows the first possible value). */
  text?: string;
  appears: CrashAppearance;
  /** Values a load may read, ascending. */
  values?: number[];
  reason: string;
}

export interface CrashProcessOutcome {
  process: string;
  /** Every way the process can end, e.g. "exit 0", "killed by SIGSEGV (thread worker)". */
  endings: string[];
}

export interface CrashReport {
  steps: CrashStepOutcome[];
  processes: CrashProcessOutcome[];
  /** Executions explored (distinct states). */
  statesExplored: number;
}
