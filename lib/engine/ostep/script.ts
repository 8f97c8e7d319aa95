// The runtime shared by the ported scripts: Python's print(), uncaught exceptions (partial stdout,
// a traceback tail on stderr, exit status 1), `sys.exit`, and the limits that keep inputs which
// would make Python run forever (quantum 0) or for hours from hanging the engine.
import type { OstepRun } from "./types";
import { type PyArg, pyStr } from "./pyformat";
import { PythonError } from "./pyerror";
import { ByteSink, decodeUtf8 } from "./bytesink";

export { PythonError };

/** The script would not finish (or would take far too long); we refuse instead of hanging. */
export class RefusedInput extends Error {}

/** `sys.exit(code)` / `exit(code)` after an optional message on stderr. */
export class ScriptExit extends Error {
  constructor(
    readonly exitCode: number,
    readonly stderrText = "",
  ) {
    super(`exit ${exitCode}`);
  }
}

/** Most output lines any single run may produce: enough for the bench workload (~0.5M lines), bounded memory. */
export const MAX_OUTPUT_LINES = 1_500_000;

/** Up-front bound on what drives output size (jobs, run-time totals, tick counts), so absurd flags fail fast. */
export const MAX_WORKLOAD = 1_000_000;

export interface Printer {
  /** Python 3 `print(*args)`: str() of each argument, separated by one space, then a newline. */
  print(...args: PyArg[]): void;
  /** `print(text)` for one ready-made string: the fast path for loops printing millions of lines. */
  line(text: string): void;
  /** Writes text as-is (for `sys.stdout.write`). */
  write(text: string): void;
  /** The buffer the printer writes to, for loops that format lines straight into bytes. */
  readonly sink: ByteSink;
  /** Accounts for `n` lines written straight into `sink` (they count towards the output line limit). */
  countLines(n: number): void;
  /**
   * Declares that at most `n` more lines follow. If they fit the line limit, nothing can refuse the run
   * any more, so from here on stdout may be streamed to the caller's `write` as it is produced.
   */
  boundRemainingLines(n: number): void;
}

/** Like OstepRun, with stdout as the UTF-8 bytes a process would write. */
export type OstepBytesRun = { exitCode: number; stdout: Uint8Array; stderr: string };

export interface OutputOptions {
  /**
   * Receives stdout in order, in chunks, once the run can no longer be refused (see
   * `Printer.boundRemainingLines`); the returned stdout is then only what follows the last chunk.
   * A chunk is a view of a reused buffer: consume or copy it before returning.
   */
  write?: (chunk: Uint8Array) => void;
  /** Defaults to MAX_OUTPUT_LINES; tests lower it to check the refusal cheaply. */
  maxOutputLines?: number;
}

const NEWLINE = 0x0a;
/** The streaming buffer: a quarter of a megabyte stays in cache and needs ~100 writes for the bench. */
const CHUNK = 1 << 18;

/** Runs a script body, turning Python-level failures into the exit status and streams Python would produce. */
export function runScriptBytes(prog: string, body: (out: Printer) => void, options: OutputOptions = {}): OstepBytesRun {
  const maxLines = options.maxOutputLines ?? MAX_OUTPUT_LINES;
  const sink = new ByteSink(options.write ? CHUNK : undefined, options.write);
  let lines = 0;
  const countLines = (n: number) => {
    lines += n;
    if (lines > maxLines) throw new RefusedInput(`output would exceed ${maxLines} lines`);
  };
  const printer: Printer = {
    sink,
    countLines,
    boundRemainingLines(n) {
      if (lines + n <= maxLines) sink.streaming = true;
    },
    print(...args) {
      countLines(1);
      if (args.length === 1 && typeof args[0] === "string") sink.text(args[0]);
      else sink.text(args.map(pyStr).join(" "));
      sink.byte(NEWLINE);
    },
    line(text) {
      countLines(1);
      sink.text(text);
      sink.byte(NEWLINE);
    },
    write(text) {
      sink.text(text);
    },
  };
  try {
    body(printer);
    return { exitCode: 0, stdout: sink.result(), stderr: "" };
  } catch (error) {
    if (error instanceof ScriptExit)
      return { exitCode: error.exitCode, stdout: sink.result(), stderr: error.stderrText };
    if (error instanceof PythonError) {
      return {
        exitCode: 1,
        stdout: sink.result(),
        // Python prints a bare exception name when there is no message (`assert cond`).
        stderr: `Traceback (most recent call last):\n  File "${prog}"\n${error.pythonType}${error.message === "" ? "" : `: ${error.message}`}\n`,
      };
    }
    if (error instanceof RefusedInput) {
      return { exitCode: 1, stdout: new Uint8Array(0), stderr: `timeslice: ${prog}: ${error.message}\n` };
    }
    throw error;
  }
}

/** `runScriptBytes` with stdout as a string. */
export function runScript(prog: string, body: (out: Printer) => void): OstepRun {
  return asStringRun(runScriptBytes(prog, body));
}

export function asStringRun(run: OstepBytesRun): OstepRun {
  return { exitCode: run.exitCode, stdout: decodeUtf8(run.stdout), stderr: run.stderr };
}

/** Python's `x / y` on floats: ZeroDivisionError instead of Infinity/NaN. */
export function pyDivide(x: number, y: number): number {
  if (y === 0) throw new PythonError("ZeroDivisionError", "float division by zero");
  return x / y;
}

/** Python's `int(x)` of a float: truncation, with Python's errors for inf and nan. */
export function pyIntOfFloat(x: number): number {
  if (Number.isNaN(x)) throw new PythonError("ValueError", "cannot convert float NaN to integer");
  if (!Number.isFinite(x)) throw new PythonError("OverflowError", "cannot convert float infinity to integer");
  return Math.trunc(x) + 0; // + 0 turns -0 into 0, as int() has no negative zero
}
