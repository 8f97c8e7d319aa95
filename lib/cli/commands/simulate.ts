// `timeslice simulate <file.json | -> [--json | --text] [--no-log]`: runs the scheduling simulator on a
// workload document (see docs/engine.md) and prints the result.
import { formatTimeline, simulate, validateWorkload } from "../../engine/sched/index";
import type { CliIo } from "../io";

const USAGE = "usage: timeslice simulate <workload.json | -> [--json | --text] [--no-log]";

export async function run(args: string[], io: CliIo): Promise<number> {
  let format: "json" | "text" = "json";
  let noLog = false;
  const files: string[] = [];
  for (const a of args) {
    if (a === "--json") format = "json";
    else if (a === "--text") format = "text";
    else if (a === "--no-log") noLog = true;
    else if (a === "-h" || a === "--help") {
      io.out(USAGE + "\n");
      return 0;
    } else if (a.startsWith("--")) {
      io.err(`timeslice: simulate: unknown option '${a}' (${USAGE})\n`);
      return 2;
    } else files.push(a);
  }
  if (files.length !== 1) {
    io.err(`timeslice: simulate: expected exactly one workload file or '-' (${USAGE})\n`);
    return 2;
  }
  const path = files[0]!;
  let text: string;
  try {
    text = io.readInput(path);
  } catch (e) {
    io.err(`timeslice: cannot read ${path}: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}\n`);
    return 1;
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    io.err(`timeslice: ${path} is not valid JSON: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}\n`);
    return 1;
  }
  const v = validateWorkload(doc);
  if (!v.ok) {
    const [first] = v.errors;
    const more = v.errors.length > 1 ? ` (and ${v.errors.length - 1} more)` : "";
    io.err(`timeslice: ${first!.path || "workload"}: ${first!.message}${more}\n`);
    return 1;
  }
  const workload = noLog ? { ...v.value, log: false } : v.value;
  const result = simulate(workload);
  io.out(format === "json" ? JSON.stringify(result, null, 2) + "\n" : formatTimeline(result));
  return 0;
}
