// `timeslice ostep <scheduler|mlfq|lottery|process-run|fork> [the script's own flags]`: prints exactly
// what `python3 <script>.py [flags]` prints (stdout, stderr and exit status), so students can use
// Timeslice as the checker for the OSTEP homework. Scripts load lazily so one command stays cheap.
import type { OstepRun } from "../../engine/ostep/types";
import type { CliIo } from "../io";

type Script = (args: string[]) => OstepRun;

const SCRIPTS: Record<string, () => Promise<Script>> = {
  scheduler: async () => (await import("../../engine/ostep/scheduler")).runOstepScheduler,
  mlfq: async () => (await import("../../engine/ostep/mlfq")).runOstepMlfq,
  lottery: async () => (await import("../../engine/ostep/lottery")).runOstepLottery,
  "process-run": async () => (await import("../../engine/ostep/process-run")).runOstepProcessRun,
  fork: async () => (await import("../../engine/ostep/fork")).runOstepFork,
};

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
  const result = (await load())(flags);
  if (result.stdout) io.out(result.stdout);
  if (result.stderr) io.err(result.stderr);
  return result.exitCode;
}
