// `timeslice process-run <file.json | -> [--json|--text]`: process states with I/O, tick by tick.
// The input format is in docs/process-states.md; --json (default) prints the model's result,
// --text an OSTEP process-run style table with its stats block.
import { formatProcStatesText, simulateProcStates } from "../../engine/procstates/index";
import type { CliIo } from "../io";
import { parseInputArgs, readInputJson } from "../input";

const USAGE = "usage: process-run <file.json | -> [--json|--text]";

export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseInputArgs({ name: "process-run", what: "a JSON file", usage: USAGE, defaultFormat: "json" }, args, io);
  if (typeof parsed === "number") return parsed;
  const { file, format } = parsed;
  const read = readInputJson(file, io);
  if ("exitCode" in read) return read.exitCode;
  const input = read.value;
  const result = simulateProcStates(input);
  if (!result.ok) {
    const first = result.errors[0]!;
    const more = result.errors.length > 1 ? ` (and ${result.errors.length - 1} more)` : "";
    io.err(`timeslice: ${first.path ? `${first.path}: ` : ""}${first.message}${more}\n`);
    return 1;
  }
  io.out(format === "json" ? JSON.stringify(result.value, null, 2) + "\n" : formatProcStatesText(result.value));
  return 0;
}
