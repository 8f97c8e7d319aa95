// `timeslice process-run <file.json | -> [--json|--text]`: process states with I/O, tick by tick.
// The input format is in docs/process-states.md; the default (--text) is an OSTEP process-run style
// table with its stats block, --json the model's result. Every policy of the scheduler
// engine is accepted besides the OSTEP machine's three.
import { formatProcStatesText, simulateProcStates } from "../../engine/procstates";
import type { CliIo } from "../io";
import { parseInputArgs, readInputJson, reportInvalid } from "../input";

const USAGE = "usage: timeslice process-run <file.json | -> [--text|--json]";
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

--text (default) prints an OSTEP-style table and stats; --json prints the result.
Details: docs/process-states.md`;

export async function run(args: string[], io: CliIo): Promise<number> {
  if (args.includes("-h") || args.includes("--help")) {
    io.out(HELP + "\n");
    return 0;
  }
  const parsed = parseInputArgs({ name: "process-run", what: "a JSON file", usage: USAGE }, args, io);
  if (typeof parsed === "number") return parsed;
  const { file, format } = parsed;
  const read = readInputJson(file, io);
  if ("exitCode" in read) return read.exitCode;
  const input = read.value;
  const result = simulateProcStates(input);
  if (!result.ok) return reportInvalid(file, result.errors, io);
  io.out(format === "json" ? JSON.stringify(result.value, null, 2) + "\n" : formatProcStatesText(result.value));
  return 0;
}
