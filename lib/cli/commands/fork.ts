// `timeslice fork <file.c | -> [--json|--text] [--pipe|--tty]`: every output a fork/exec/wait
// program can print, with its process tree, counts and zombies/orphans.
import { analyzeForkProgram, type ForkModel, type ForkTreeNode, type ForkOutputMode } from "../../engine/process/index";
import type { CliIo } from "../io";

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
  out.push("", `valid outputs: ${model.outputs.length}${model.outputsComplete ? "" : " shown (a sample; there are more)"}`);
  model.outputs.forEach((lines, i) => {
    out.push(`--- output ${i + 1}`);
    out.push(...lines);
  });
  if (model.notes.length) out.push("", "notes:", ...model.notes.map((n) => `  ${n}`));
  return out.join("\n") + "\n";
}

export async function run(args: string[], io: CliIo): Promise<number> {
  let file: string | undefined;
  let format: "json" | "text" = "text";
  let mode: ForkOutputMode = "pipe";
  let maxOutputs: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--json" || a === "--text") format = a === "--json" ? "json" : "text";
    else if (a === "--pipe" || a === "--tty") mode = a === "--pipe" ? "pipe" : "tty";
    else if (a === "--max-outputs") {
      maxOutputs = Number(args[++i]);
      if (!Number.isInteger(maxOutputs)) {
        io.err(`timeslice: --max-outputs needs an integer\n`);
        return 2;
      }
    } else if (a === "-h" || a === "--help") {
      io.out(USAGE + "\n");
      return 0;
    } else if (a.startsWith("--")) {
      io.err(`timeslice: unknown option '${a}' (${USAGE})\n`);
      return 2;
    } else if (file === undefined) file = a;
    else {
      io.err(`timeslice: fork takes one program, got '${file}' and '${a}'\n`);
      return 2;
    }
  }
  if (file === undefined) {
    io.err(`timeslice: fork needs a C file or '-' (${USAGE})\n`);
    return 2;
  }
  let source: string;
  try {
    source = io.readInput(file);
  } catch (error) {
    io.err(`timeslice: cannot read ${file}: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}\n`);
    return 1;
  }
  const result = analyzeForkProgram(source, { mode, maxOutputs });
  if (!result.ok) {
    const e = result.errors[0];
    io.err(`timeslice: ${file === "-" ? "<stdin>" : file}:${e.path}: ${e.message}\n`);
    return 1;
  }
  io.out(format === "json" ? JSON.stringify(result.value, null, 2) + "\n" : formatForkText(result.value));
  return 0;
}
