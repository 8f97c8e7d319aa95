// `timeslice simulate <file.json | -> [--text | --json] [--no-log]`: runs the scheduling simulator on a
// workload document (see docs/engine.md) and prints the result: a readable timeline, or the JSON result.
import { formatTimeline, simulate, validateWorkload } from "../../engine/sched";
import { parseInputArgs, readInputJson, reportInvalid } from "../input";
import type { CliIo } from "../io";

const USAGE = "usage: timeslice simulate <workload.json | -> [--text | --json] [--no-log]";

export async function run(args: string[], io: CliIo): Promise<number> {
  let noLog = false;
  const parsed = parseInputArgs(
    {
      name: "simulate",
      what: "a workload JSON file",
      usage: USAGE,
      flag: (a) => {
        if (a !== "--no-log") return false;
        noLog = true;
        return true;
      },
    },
    args,
    io,
  );
  if (typeof parsed === "number") return parsed;
  const { file: path, format } = parsed;
  const read = readInputJson(path, io);
  if ("exitCode" in read) return read.exitCode;
  const doc = read.value;
  const v = validateWorkload(doc);
  if (!v.ok) return reportInvalid(path, v.errors, io, "workload");
  const workload = noLog ? { ...v.value, log: false } : v.value;
  const result = simulate(workload);
  io.out(format === "json" ? JSON.stringify(result, null, 2) + "\n" : formatTimeline(result));
  return 0;
}
