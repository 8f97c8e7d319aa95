// Public, JSON-safe shapes of the fork/exec/wait model.

export type ForkOutputMode = "pipe" | "tty";
/** Older name of ForkOutputMode, kept because callers already use it. */
export type OutputMode = ForkOutputMode;

/** One thing a process does that matters to ordering or output, in program order. */
export type ForkEvent =
  /** A write(2) that reaches the shared output (stdout and stderr both go to it, as on a terminal or with 2>&1). */
  | { type: "write"; fd: 1 | 2; text: string; line: number }
  | { type: "fork"; child: number; line: number }
  /**
   * Blocks until the named child (or, for "any", some child) has exited, then reaps it.
   * `exclusive`: a wait() for any child that the model resolved to this one (a timing case): it
   * returns this child only if it is the first of the candidates the kernel can hand back.
   */
  | { type: "wait"; target: number | "any"; line: number; exclusive?: boolean }
  /**
   * sleep/usleep/nanosleep of at least 1 ms: modelled as timing, the process resumes only when every
   * other process has finished or is blocked (in wait() or its own sleep), earliest wake-up first.
   */
  | { type: "sleep"; ms: number; line: number }
  | { type: "exec"; program: string; args: string[]; line: number }
  /**
   * A timing-dependent observation of another process: getppid() (of the parent) or
   * waitpid(…, WNOHANG) that found the child still running. `exited: false` means it happens before
   * the target exits; `exited: true`, after.
   */
  | { type: "observe"; target: number; exited: boolean; call: "getppid" | "waitpid"; line: number }
  /** Buffered stdio text thrown away because the image ended without a flush. */
  | { type: "lost"; text: string; reason: "_exit" | "exec" | "abort"; line: number }
  | { type: "exit"; code: number; how: ForkExitHow; line: number };

export type ForkExitHow = "exit" | "return" | "_exit" | "abort" | "exec-image";

export interface ForkProcessInfo {
  /** Symbolic pid: 1000 for the first process, then in creation order of the model (not of a real run). */
  pid: number;
  parent: number | null;
  /** Source line of the fork() that created it (null for the first process). */
  forkLine: number | null;
  /** Column of that fork() call (it tells apart the forks of one line, as in `fork() && fork()`). */
  forkColumn?: number;
  children: number[];
  events: ForkEvent[];
  exitCode: number;
  /** Signal that ended it (6 for abort), or null for a normal exit. */
  signal: number | null;
  /** The program it ended up running after a successful exec, if any. */
  execedProgram: string | null;
}

export interface ForkTreeNode {
  pid: number;
  children: ForkTreeNode[];
}

/** The processes of one run of the program and what they add up to. */
export interface ForkRun {
  processes: ForkProcessInfo[];
  tree: ForkTreeNode;
  processCount: number;
  /** Newline characters written in every run (the same in all interleavings). */
  linesPrinted: number;
  /** Output bytes written in every run. */
  bytesPrinted: number;
  /** Children their parent never reaps: zombies while the parent lives, then reaped by init. */
  neverReaped: number[];
  /** Processes whose parent can exit first, leaving them orphaned (re-parented to init). */
  mayBeOrphaned: number[];
}

/**
 * One combination of outcomes of the timing-dependent calls (waitpid with WNOHANG, getppid), with
 * the processes and counts of a run that meets them. Listed only when there are at least two.
 */
export interface ForkBranch extends ForkRun {
  /** What this case assumes, one sentence per call, e.g. "process 1000's waitpid(1001, WNOHANG) at line 9 finds it still running". */
  assumptions: string[];
}

/** The run's fields are those of the first timing case when there are several (see `branches`). */
export interface ForkModel extends ForkRun {
  mode: ForkOutputMode;
  /** Exactly one output is possible (the list is complete and has one entry). */
  deterministic: boolean;
  /**
   * Sleeps (≥ 1 ms) the model treats as timing, in every timing case: each lets all other runnable
   * work finish first, so an order they force is reported as fixed ("fixed by timing").
   */
  timedSleeps: { pid: number; line: number; ms: number }[];
  /** Do all timing cases create the same number of processes and print the same lines and bytes? */
  countsAgree: boolean;
  /** Smallest and largest count over the timing cases (equal when `countsAgree`). */
  countRange: { processCount: [number, number]; linesPrinted: [number, number]; bytesPrinted: [number, number] };
  /** Distinct outputs under all interleavings, each a list of lines, or a sample when `outputsComplete` is false. */
  outputs: string[][];
  outputsComplete: boolean;
  notes: string[];
  /**
   * When the run depends on timing (waitpid with WNOHANG, getppid), every case that some
   * interleaving can produce; `outputs` is the union over them, and the fields above (processes,
   * tree, counts) are those of the first case. Absent when there is only one case.
   */
  branches?: ForkBranch[];
}

export interface ForkAnalysisOptions {
  /** "pipe" (default): stdout fully buffered, as in `./a.out | cat`; "tty": line buffered. */
  mode?: ForkOutputMode;
  /** Most processes the program may create before it is refused (default and ceiling 64). */
  maxProcesses?: number;
  /** Most distinct outputs enumerated (default 2000); beyond it a sample is returned. */
  maxOutputs?: number;
  /**
   * Run a mistaken model instead of Linux's (the misconception catalogue, issue #21):
   * "exec-returns" — a successful exec* prints its program's output and then returns 0, so the
   * lines after it run (execve(2): "On success, execve() does not return").
   */
  belief?: "exec-returns";
}
