// `timeslice capacity <file.json | -> [--json|--text]`: throughput, latency and saturation per server model.
import { formatCapacityReport, modelCapacity } from "../../engine/capacity";
import type { CliIo } from "../io";
import { parseInputArgs, readInputJson } from "../input";

export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseInputArgs(
    { name: "capacity", what: "a JSON file", usage: "usage: timeslice capacity <file.json | -> [--json|--text]" },
    args,
    io,
  );
  if (typeof parsed === "number") return parsed;
  const { file, format } = parsed;
  const read = readInputJson(file, io);
  if ("exitCode" in read) return read.exitCode;
  const input = read.value;
  const result = modelCapacity(input);
  if (!result.ok) {
    const e = result.errors[0]!;
    io.err(
      `timeslice: ${file}: ${e.message}${result.errors.length > 1 ? ` (and ${result.errors.length - 1} more)` : ""}\n`,
    );
    return 1;
  }
  io.out(format === "json" ? JSON.stringify(result.value, null, 2) + "\n" : formatCapacityReport(result.value));
  return 0;
}
