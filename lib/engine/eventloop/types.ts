// Public, JSON-safe types of the event-loop model.

/** Which queue the callback that printed a line came from. */
export type EventLoopQueue = "main" | "nextTick" | "microtask" | "timers" | "poll" | "check";
/** The event-loop phase that was running (microtasks and nextTicks run inside another phase). */
export type EventLoopStage = "main" | "timers" | "poll" | "check";

export interface EventLoopLine {
  text: string;
  queue: EventLoopQueue;
  during: EventLoopStage;
  /** What scheduled the callback, e.g. "setTimeout(0) callback", "promise reaction", "fs.readFile callback". */
  source: string;
}

export interface EventLoopModel {
  /** True when every possible run prints the same lines in the same order. */
  deterministic: boolean;
  /** Every distinct output the model allows; `orders[0]` is the usual one on an idle machine. */
  orders: EventLoopLine[][];
  /** The same orders as plain lines (what a student types). */
  outputs: string[][];
  /** Why the order can vary, one sentence per cause (empty when deterministic). */
  nondeterminism: string[];
  /** How many schedules (timing / I/O completion choices) were explored. */
  schedulesExplored: number;
  /**
   * Parallel to `orders`: how each run ends early, or null when the loop simply runs out of work
   * (exit code 0). An uncaught exception or unhandled rejection ends the process with code 1: the lines
   * before it are printed, nothing after.
   */
  exits: (EventLoopExit | null)[];
}

export interface EventLoopExit {
  code: number;
  reason: string;
}

export type EventLoopBelief =
  "promises-before-ticks" | "node10-phases" | "timeout-before-immediate" | "await-zero-turns" | "await-two-turns";

export interface EventLoopOptions {
  /** libuv thread-pool size (UV_THREADPOOL_SIZE); default 4, at most 1024. */
  threadPoolSize?: number;
  /** Unknown time a loop turn that does not wait may take; default 1 ms (an idle machine; see docs). */
  maxLoopJitterMs?: number;
  /** How many times slower than its calibrated cost CPU work may run; default 3 (see docs). */
  maxWorkSlowdown?: number;
  /** How long the main thread may be paused between two statements (a loaded machine); default 0. */
  maxPauseMs?: number;
  /**
   * Run a mistaken model instead of Node 20 (the misconception catalogue, issue #21): promise callbacks
   * drained before nextTicks after the main script (an ES module's order); nextTicks and microtasks
   * drained only after a whole timers list or check phase (Node < 11); setTimeout(0) treated as due at
   * once and run before setImmediate even from an I/O callback; an await resuming at once (zero turns)
   * or one microtask late (two turns).
   */
  belief?: EventLoopBelief;
  /** Bounds that make runaway programs fail fast instead of hanging. */
  maxSteps?: number;
  maxSchedules?: number;
  maxLoopIterations?: number;
  maxCallbacksPerDrain?: number;
}

export interface EventLoopError {
  path: string;
  message: string;
  line?: number;
  column?: number;
}

export type EventLoopResult<T> = { ok: true; value: T } | { ok: false; errors: EventLoopError[] };

export interface EventLoopCheck {
  valid: boolean;
  firstMismatch?: { index: number; expected: string[]; got: string; reason: string };
}
