// `timeslice process-run <file.json | -> [--json|--text]`: process states with I/O, tick by tick.
// The input format is in docs/process-states.md; --json (default) prints the model's result,
// --text an OSTEP process-run style table with its stats block. Every policy of the scheduler
// engine is accepted besides the OSTEP machine's three.
import { formatProcStatesText, simulateProcStates } from "../../engine/procstates/index";
import type { CliIo } from "../io";
import { parseInputArgs, readInputJson } from "../input";

const USAGE = "usage: process-run <file.json | -> [--json|--text]";
const HELP = `${USAGE}

Runs processes that alternate CPU and I/O on one CPU and shows each one's state per tick
(RUN:cpu/RUN:io/RUN:io_done, READY, BLOCKED, DONE) with CPU and I/O utilisation.

Input (JSON): {"processes": [{"id": "A", "program": [{"cpu": 3}, {"io": 5}]}, ...], "policy": ...}
  policy  "ostep" (default; process-run.py), "fifo", "rr" (with "quantum"), or a scheduler-engine
          policy by name or as an object with its options: "sjf", "stcf" ("srtf"),
          {"name": "priority", "preemptive": true, "higherIs": "higher-number"},
          {"name": "mlfq", "quanta": [2, 4], "allotments": [4, 8], "boostPeriod": 50},
          {"name": "lottery", "quantum": 1, "seed": 7}, {"name": "stride", "quantum": 1},
          {"name": "cfs", "hz": 1000}, {"name": "eevdf", "hz": 1000}
  per process: "priority" (priority policy), "tickets" (lottery/stride), "nice" (cfs/eevdf)
  switchOn "io"|"end" and ioDone "later"|"immediate" apply to ostep, fifo and rr.

--json (default) prints the result; --text prints an OSTEP-style table and stats.
Details: docs/process-states.md`;

export async function run(args: string[], io: CliIo): Promise<number> {
  if (args.includes("-h") || args.includes("--help")) {
    io.out(HELP + "\n");
    return 0;
  }
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
