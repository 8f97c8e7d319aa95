// `timeslice ostep <scheduler|mlfq|lottery|multi|process-run|fork|x86|x86-intro> [the script's own flags]`: prints exactly
// what `python3 <script>.py [flags]` prints (stdout, stderr and exit status), so students can use
// Timeslice as the checker for the OSTEP homework. Scripts load lazily so one command stays cheap.
import { readFileSync } from "node:fs";
import type { OstepRun, X86ReadError } from "../../engine/ostep";
import type { CliIo } from "../io";
import { userPath } from "../io";

/**
 * A script's run. Stdout may come as UTF-8 bytes, which go to the OS without becoming a string, and a
 * script may hand over the start of a long stdout early through `write` (then `stdout` is the rest).
 */
type Script = (
  args: string[],
  write: (chunk: Uint8Array) => void,
) => Omit<OstepRun, "stdout"> & { stdout: string | Uint8Array };

const SCRIPTS: Record<string, () => Promise<Script>> = {
  scheduler: async () => {
    const { runOstepSchedulerBytes } = await import("../../engine/ostep/scheduler");
    return (args, write) => runOstepSchedulerBytes(args, { write });
  },
  mlfq: async () => (await import("../../engine/ostep/mlfq")).runOstepMlfq,
  lottery: async () => (await import("../../engine/ostep/lottery")).runOstepLottery,
  multi: async () => (await import("../../engine/ostep/multi")).runOstepMulti,
  "process-run": async () => (await import("../../engine/ostep/process-run")).runOstepProcessRun,
  fork: async () => {
    const { runOstepFork } = await import("../../engine/ostep/fork");
    return (args) => runOstepFork(args);
  },
  x86: async () => x86Script("locks"),
  "x86-intro": async () => x86Script("intro"),
};

/** x86.py opens its `-p` file itself, so the script gets a reader; threads-intro's older copy is `x86-intro`. */
async function x86Script(variant: "locks" | "intro"): Promise<Script> {
  const { runOstepX86 } = await import("../../engine/ostep/x86");
  return (args) =>
    runOstepX86(args, { readProgram: readX86Program, clock: () => process.cpuUsage().user / 1e6 }, variant);
}

const OS_ERRORS: Record<string, [string, number, string]> = {
  ENOENT: ["FileNotFoundError", 2, "No such file or directory"],
  EISDIR: ["IsADirectoryError", 21, "Is a directory"],
  EACCES: ["PermissionError", 13, "Permission denied"],
  ENOTDIR: ["NotADirectoryError", 20, "Not a directory"],
};

/** Python's open() on the user's path: '-' is a file named '-', not standard input. */
function readX86Program(file: string): string | X86ReadError {
  try {
    return readFileSync(userPath(file), "utf8");
  } catch (error) {
    const code = (error as { code?: string }).code ?? "";
    const known = OS_ERRORS[code];
    if (!known) throw error;
    return { pythonType: known[0], errno: known[1], strerror: known[2] };
  }
}

const NAMES = Object.keys(SCRIPTS).join(", ");
const USAGE = `usage: timeslice ostep <${Object.keys(SCRIPTS).join("|")}> [the script's own flags, e.g. -s 3 -c]`;

export async function run(args: string[], io: CliIo): Promise<number> {
  const [requested, ...flags] = args;
  if (requested === undefined) {
    io.err(`timeslice: ostep: missing script name (${USAGE})\n`);
    return 2;
  }
  if (requested === "-h" || requested === "--help") {
    io.out(USAGE + "\n");
    return 0;
  }
  // Accept the file name students type, e.g. `scheduler.py`.
  const name = requested.replace(/\.py$/, "");
  const load = SCRIPTS[name];
  if (!load) {
    io.err(`timeslice: ostep: unknown script '${requested}' (expected one of: ${NAMES})\n`);
    return 2;
  }
  const result = (await load())(flags, (chunk) => io.out(chunk));
  if (result.stdout.length > 0) io.out(result.stdout);
  if (result.stderr) io.err(result.stderr);
  return result.exitCode;
}
