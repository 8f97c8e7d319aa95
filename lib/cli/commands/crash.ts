// `timeslice crash <file.json | -> [--json|--text]`: which outputs of a process/thread crash
// scenario always, sometimes or never appear, and how each process can end.
import { simulateCrashScenario, type CrashReport } from "../../engine/process/index";
import type { CliIo } from "../io";

const USAGE = "usage: timeslice crash <file.json | -> [--json|--text]";

export function formatCrashText(report: CrashReport): string {
  const out: string[] = [];
  for (const p of report.processes) out.push(`process ${p.process} ends: ${p.endings.join(" | ")}`);
  out.push("");
  for (const s of report.steps) {
    if (s.text === undefined) continue;
    out.push(`${s.appears.padEnd(9)} ${s.process}/${s.thread} step ${s.step}: ${JSON.stringify(s.text)}`);
    out.push(`          ${s.reason}`);
  }
  out.push("", `states explored: ${report.statesExplored}`);
  return out.join("\n") + "\n";
}

export async function run(args: string[], io: CliIo): Promise<number> {
  let file: string | undefined;
  let format: "json" | "text" = "text";
  for (const a of args) {
    if (a === "--json" || a === "--text") format = a === "--json" ? "json" : "text";
    else if (a === "-h" || a === "--help") {
      io.out(USAGE + "\n");
      return 0;
    } else if (a.startsWith("--")) {
      io.err(`timeslice: unknown option '${a}' (${USAGE})\n`);
      return 2;
    } else if (file === undefined) file = a;
    else {
      io.err(`timeslice: crash takes one scenario, got '${file}' and '${a}'\n`);
      return 2;
    }
  }
  if (file === undefined) {
    io.err(`timeslice: crash needs a JSON file or '-' (${USAGE})\n`);
    return 2;
  }
  let input: unknown;
  try {
    input = JSON.parse(io.readInput(file));
  } catch (error) {
    io.err(`timeslice: cannot read ${file} as JSON: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}\n`);
    return 1;
  }
  const result = simulateCrashScenario(input);
  if (!result.ok) {
    const e = result.errors[0];
    const more = result.errors.length > 1 ? ` (and ${result.errors.length - 1} more)` : "";
    io.err(`timeslice: ${e.path || "scenario"}: ${e.message}${more}\n`);
    return 1;
  }
  io.out(format === "json" ? JSON.stringify(result.value, null, 2) + "\n" : formatCrashText(result.value));
  return 0;
}
