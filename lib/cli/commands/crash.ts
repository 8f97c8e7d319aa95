// `timeslice crash <file.json | -> [--json|--text]`: which outputs of a process/thread crash
// scenario always, sometimes or never appear, and how each process can end.
import { simulateCrashScenario, type CrashReport } from "../../engine/process";
import type { CliIo } from "../io";
import { parseInputArgs, readInputJson, reportInvalid } from "../input";

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
  const parsed = parseInputArgs({ name: "crash", what: "a JSON file", usage: USAGE }, args, io);
  if (typeof parsed === "number") return parsed;
  const { file, format } = parsed;
  const read = readInputJson(file, io);
  if ("exitCode" in read) return read.exitCode;
  const input = read.value;
  const result = simulateCrashScenario(input);
  if (!result.ok) return reportInvalid(file, result.errors, io, "scenario");
  io.out(format === "json" ? JSON.stringify(result.value, null, 2) + "\n" : formatCrashText(result.value));
  return 0;
}
