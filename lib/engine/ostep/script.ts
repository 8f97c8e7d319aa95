// The runtime shared by the ported scripts: Python's print(), uncaught exceptions (partial stdout,
// a traceback tail on stderr, exit status 1), `sys.exit`, and the limits that keep inputs which
// would make Python run forever (quantum 0) or for hours from hanging the engine.
import type { OstepRun } from "./types";
import { type PyArg, pyStr } from "./pyformat";
import { PythonError } from "./pyerror";

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
}

/** Runs a script body, turning Python-level failures into the exit status and streams Python would produce. */
export function runScript(prog: string, body: (out: Printer) => void): OstepRun {
  // Lines are joined into blocks as we go: a million tiny strings kept alive until the end made
  // garbage collection dominate large runs.
  const blocks: string[] = [];
  let pending: string[] = [];
  let lines = 0;
  const flush = () => {
    if (pending.length > 0) blocks.push(pending.join(""));
    pending = [];
  };
  const text = () => {
    flush();
    return blocks.join("");
  };
  const printer: Printer = {
    print(...args) {
      if (++lines > MAX_OUTPUT_LINES) throw new RefusedInput(`output would exceed ${MAX_OUTPUT_LINES} lines`);
      pending.push(args.length === 1 && typeof args[0] === "string" ? args[0] + "\n" : args.map(pyStr).join(" ") + "\n");
      if (pending.length >= 4096) flush();
    },
    line(text) {
      if (++lines > MAX_OUTPUT_LINES) throw new RefusedInput(`output would exceed ${MAX_OUTPUT_LINES} lines`);
      pending.push(text, "\n");
      if (pending.length >= 8192) flush();
    },
    write(text) {
      pending.push(text);
    },
  };
  try {
    body(printer);
    return { exitCode: 0, stdout: text(), stderr: "" };
  } catch (error) {
    if (error instanceof ScriptExit) return { exitCode: error.exitCode, stdout: text(), stderr: error.stderrText };
    if (error instanceof PythonError) {
      return {
        exitCode: 1,
        stdout: text(),
        stderr: `Traceback (most recent call last):\n  File "${prog}"\n${error.pythonType}: ${error.message}\n`,
      };
    }
    if (error instanceof RefusedInput) {
      return { exitCode: 1, stdout: "", stderr: `timeslice: ${prog}: ${error.message}\n` };
    }
    throw error;
  }
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
