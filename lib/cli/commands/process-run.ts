// `timeslice process-run <file.json | -> [--json|--text]`: process states with I/O, tick by tick.
// The input format is in docs/process-states.md; --json (default) prints the model's result,
// --text an OSTEP process-run style table with its stats block.
import { formatProcStatesText, simulateProcStates } from "../../engine/procstates/index";
import type { CliIo } from "../io";

const USAGE = "usage: process-run <file.json | -> [--json|--text]";

export async function run(args: string[], io: CliIo): Promise<number> {
  let format: "json" | "text" = "json";
  let file: string | undefined;
  for (const arg of args) {
    if (arg === "--json") format = "json";
    else if (arg === "--text") format = "text";
    else if (arg.startsWith("--")) {
      io.err(`timeslice: unknown option '${arg}' (${USAGE})\n`);
      return 2;
    } else if (file === undefined) file = arg;
    else {
      io.err(`timeslice: process-run takes one input file, got '${file}' and '${arg}'\n`);
      return 2;
    }
  }
  if (file === undefined) {
    io.err(`timeslice: process-run needs a JSON file or '-' for standard input (${USAGE})\n`);
    return 2;
  }
  let input: unknown;
  try {
    input = JSON.parse(io.readInput(file));
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    io.err(`timeslice: cannot read '${file}' as JSON: ${reason}\n`);
    return 1;
  }
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
