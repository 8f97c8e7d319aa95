// `timeslice simulate <file.json | -> [--text | --json] [--no-log] [--cpus N]`: runs the scheduling simulator
// on a workload document (see docs/engine.md) and prints the result: a readable timeline, or the JSON result.
// --cpus sets the document's `cpus` (several CPUs: docs/engine.md, "Several CPUs").
import { formatTimeline, simulate, validateWorkload } from "../../engine/sched";
import { parseInputArgs, readInputJson, reportInvalid } from "../input";
import type { CliIo } from "../io";

const USAGE = "usage: timeslice simulate <workload.json | -> [--text | --json] [--no-log] [--cpus N]";

export async function run(args: string[], io: CliIo): Promise<number> {
  let noLog = false;
  let cpus: number | undefined;
  const parsed = parseInputArgs(
    {
      name: "simulate",
      what: "a workload JSON file",
      usage: USAGE,
      flag: (a, next) => {
        if (a === "--cpus") {
          const v = next();
          // The value is checked with the rest of the document (validateWorkload names "cpus").
          if (v === undefined || v.trim() === "") return "--cpus needs a number of CPUs";
          cpus = Number(v);
          return true;
        }
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
  const doc =
    cpus !== undefined && typeof read.value === "object" && read.value !== null && !Array.isArray(read.value)
      ? { ...read.value, cpus }
      : read.value;
  const v = validateWorkload(doc);
  if (!v.ok) return reportInvalid(path, v.errors, io, "workload");
  const workload = noLog ? { ...v.value, log: false } : v.value;
  const result = simulate(workload);
  io.out(format === "json" ? JSON.stringify(result, null, 2) + "\n" : formatTimeline(result));
  return 0;
}
