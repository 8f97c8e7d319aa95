// `timeslice fork <file.c | -> [--json|--text] [--pipe|--tty]`: every output a fork/exec/wait
// program can print, with its process tree, counts and zombies/orphans (and, when the run depends
// on timing — waitpid with WNOHANG, getppid — each timing case).
import { analyzeForkProgram, type ForkModel, type ForkTreeNode, type ForkOutputMode } from "../../engine/process/index";
import type { CliIo } from "../io";
import { parseInputArgs, readInputText } from "../input";

const USAGE = "usage: timeslice fork <file.c | -> [--json|--text] [--pipe|--tty] [--max-outputs N]";

function treeLines(node: ForkTreeNode, model: ForkModel, indent: string): string[] {
  const info = model.processes.find((p) => p.pid === node.pid)!;
  const how = info.signal !== null ? `killed by signal ${info.signal}` : `exit ${info.exitCode}`;
  const exec = info.execedProgram ? `, exec ${info.execedProgram}` : "";
  const origin = info.forkLine === null ? "" : ` (fork at line ${info.forkLine})`;
  return [`${indent}${node.pid}${origin}: ${how}${exec}`, ...node.children.flatMap((c) => treeLines(c, model, indent + "  "))];
}

export function formatForkText(model: ForkModel): string {
  const out: string[] = [];
  out.push(`mode: ${model.mode} (stdout ${model.mode === "pipe" ? "fully buffered" : "line buffered"}, stderr unbuffered)`);
  out.push(`processes created: ${model.processCount}`);
  out.push(`lines printed: ${model.linesPrinted}`);
  out.push(`never reaped (zombie until the parent exits): ${model.neverReaped.join(", ") || "none"}`);
  out.push(`may be orphaned (parent can exit first): ${model.mayBeOrphaned.join(", ") || "none"}`);
  out.push("", "process tree:", ...treeLines(model.tree, model, "  "));
  if (model.branches) {
    // Counts and tree above are the first case's; each case says what it assumes about timing.
    out.push("", `timing cases: ${model.branches.length} (outputs below cover all of them)`);
    model.branches.forEach((b, i) => {
      out.push(`  case ${i + 1}: ${b.processCount} processes, ${b.linesPrinted} lines`);
      out.push(...b.assumptions.map((a) => `    ${a}`));
    });
  }
  out.push("", `valid outputs: ${model.outputs.length}${model.outputsComplete ? "" : " shown (a sample; there are more)"}`);
  model.outputs.forEach((lines, i) => {
    out.push(`--- output ${i + 1}`);
    out.push(...lines);
  });
  if (model.notes.length) out.push("", "notes:", ...model.notes.map((n) => `  ${n}`));
  return out.join("\n") + "\n";
}

export async function run(args: string[], io: CliIo): Promise<number> {
  let mode: ForkOutputMode = "pipe";
  let maxOutputs: number | undefined;
  const parsed = parseInputArgs(
    {
      name: "fork",
      what: "a C file",
      usage: USAGE,
      flag: (a, next) => {
        if (a === "--pipe" || a === "--tty") mode = a === "--pipe" ? "pipe" : "tty";
        else if (a === "--max-outputs") {
          maxOutputs = Number(next());
          if (!Number.isInteger(maxOutputs)) return "--max-outputs needs an integer";
        } else return false;
        return true;
      },
    },
    args,
    io,
  );
  if (typeof parsed === "number") return parsed;
  const { file, format } = parsed;
  const source = readInputText(file, io);
  if (typeof source !== "string") return source.exitCode;
  const result = analyzeForkProgram(source, { mode, maxOutputs });
  if (!result.ok) {
    const e = result.errors[0];
    io.err(`timeslice: ${file === "-" ? "<stdin>" : file}:${e.path}: ${e.message}\n`);
    return 1;
  }
  io.out(format === "json" ? JSON.stringify(result.value, null, 2) + "\n" : formatForkText(result.value));
  return 0;
}
