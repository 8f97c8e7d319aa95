// `timeslice capacity <file.json | -> [--json|--text]`: throughput, latency and saturation per server model.
import { formatCapacityReport, modelCapacity } from "../../engine/capacity/index";
import type { CliIo } from "../io";

export async function run(args: string[], io: CliIo): Promise<number> {
  let format: "json" | "text" = "text";
  let file: string | undefined;
  for (const a of args) {
    if (a === "--json") format = "json";
    else if (a === "--text") format = "text";
    else if (a.startsWith("--")) {
      io.err(`timeslice: unknown option '${a}' (usage: capacity <file.json | -> [--json|--text])\n`);
      return 2;
    } else if (file === undefined) file = a;
    else {
      io.err(`timeslice: capacity takes one input file, got '${file}' and '${a}'\n`);
      return 2;
    }
  }
  if (file === undefined) {
    io.err("timeslice: capacity needs a JSON file or '-' for standard input\n");
    return 2;
  }
  let input: unknown;
  try {
    input = JSON.parse(io.readInput(file));
  } catch (e) {
    io.err(`timeslice: cannot read '${file}' as JSON: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}\n`);
    return 1;
  }
  const result = modelCapacity(input);
  if (!result.ok) {
    const e = result.errors[0]!;
    io.err(`timeslice: ${e.message}${result.errors.length > 1 ? ` (and ${result.errors.length - 1} more)` : ""}\n`);
    return 1;
  }
  io.out(format === "json" ? JSON.stringify(result.value, null, 2) + "\n" : formatCapacityReport(result.value));
  return 0;
}
