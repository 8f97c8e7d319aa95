// `timeslice fork <file.c | -> [--json|--text] [--pipe|--tty] [--check <output-file>]`: every output
// a fork/exec/wait program can print, with its process tree, counts and zombies/orphans (and, when
// the run depends on timing — waitpid with WNOHANG, getppid, wait() of children that exit
// differently — each timing case). With --check, whether one observed output is possible and, if
// not, where it goes wrong; that search follows the output, so it works for programs whose orders
// are far too many to list.
import {
  analyzeForkProgram,
  checkForkOutput,
  type ForkModel,
  type ForkOutputCheck,
  type ForkTreeNode,
  type ForkOutputMode,
} from "../../engine/process";
import type { CliIo } from "../io";
import { parseInputArgs, readInputText } from "../input";

const USAGE =
  "usage: timeslice fork <file.c | -> [--json|--text] [--pipe|--tty] [--max-outputs N] [--check <output-file>]";

function treeLines(node: ForkTreeNode, model: ForkModel, indent: string): string[] {
  const info = model.processes.find((p) => p.pid === node.pid)!;
  const how = info.signal !== null ? `killed by signal ${info.signal}` : `exit ${info.exitCode}`;
  const exec = info.execedProgram ? `, exec ${info.execedProgram}` : "";
  const origin = info.forkLine === null ? "" : ` (fork at line ${info.forkLine})`;
  return [
    `${indent}${node.pid}${origin}: ${how}${exec}`,
    ...node.children.flatMap((c) => treeLines(c, model, indent + "  ")),
  ];
}

export function formatForkText(model: ForkModel): string {
  const out: string[] = [];
  out.push(
    `mode: ${model.mode} (stdout ${model.mode === "pipe" ? "fully buffered" : "line buffered"}, stderr unbuffered)`,
  );
  const count = (key: keyof ForkModel["countRange"]) => {
    const [lo, hi] = model.countRange[key];
    return lo === hi ? String(lo) : `${lo} to ${hi}, depending on the timing case`;
  };
  out.push(
    `deterministic: ${model.deterministic ? "yes, one output" : model.outputsComplete ? `no, ${model.outputs.length} outputs` : "no"}${model.timedSleeps.length > 0 ? " (fixed by timing: sleeps let every other runnable process finish first)" : ""}`,
  );
  out.push(`processes created: ${count("processCount")}`);
  out.push(`lines printed: ${count("linesPrinted")}`);
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
  out.push(
    "",
    `valid outputs: ${model.outputs.length}${model.outputsComplete ? "" : " shown (a sample; there are more)"}`,
  );
  model.outputs.forEach((lines, i) => {
    out.push(`--- output ${i + 1}`);
    out.push(...lines);
  });
  if (model.notes.length) out.push("", "notes:", ...model.notes.map((n) => `  ${n}`));
  return out.join("\n") + "\n";
}

const quote = (line: string) => JSON.stringify(line);

export function formatCheckText(check: ForkOutputCheck, outputName: string): string {
  const when = check.timingCase ? ` (timing case ${check.timingCase})` : "";
  if (check.possible) return `possible: the program can print this output${when}\n`;
  if (check.undecided) return `undecided: ${check.reason}\n`;
  const out: string[] = [];
  const next = check.couldBe && check.couldBe.length > 0 ? check.couldBe.map(quote).join(", ") : undefined;
  const where = `${outputName}:${check.line}:${check.column}`;
  if (check.found === undefined)
    out.push(`not possible: ${where}: the output ends here, but the program still prints ${next ?? "more"}${when}`);
  else if (next === undefined)
    out.push(`not possible: ${where}: ${quote(check.found)} cannot appear: every process has finished by then${when}`);
  else out.push(`not possible: ${where}: ${quote(check.found)} cannot appear here; what can: ${next}${when}`);
  if (check.reason) out.push(`why: ${check.reason}`);
  return out.join("\n") + "\n";
}

/** `timeslice: <file>:<line>:<col>: <message>` when the error has a position, else `<file>: <field>: <message>`. */
function errorLine(file: string, path: string, message: string): string {
  const name = file === "-" ? "<stdin>" : file;
  return /^\d+:\d+$/.test(path)
    ? `timeslice: ${name}:${path}: ${message}\n`
    : `timeslice: ${name}: ${path}: ${message}\n`;
}

export async function run(args: string[], io: CliIo): Promise<number> {
  let mode: ForkOutputMode = "pipe";
  let maxOutputs: number | undefined;
  let checkFile: string | undefined;
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
        } else if (a === "--check") {
          checkFile = next();
          if (checkFile === undefined || checkFile.startsWith("--"))
            return "--check needs the file holding the output to check";
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
  let observed: string | undefined;
  if (checkFile !== undefined) {
    if (checkFile === "-" && file === "-") {
      io.err("timeslice: the program and the output to check cannot both come from standard input\n");
      return 2;
    }
    const text = readInputText(checkFile, io);
    if (typeof text !== "string") return text.exitCode;
    observed = text;
  }
  // A check needs the processes, not the list of outputs: one is enough (it is never shown).
  const result = analyzeForkProgram(source, { mode, maxOutputs: observed !== undefined ? 1 : maxOutputs });
  if (!result.ok) {
    const e = result.errors[0]!;
    io.err(errorLine(file, e.path, e.message));
    return 1;
  }
  if (observed !== undefined) {
    const check = checkForkOutput(result.value, observed);
    io.out(
      format === "json"
        ? JSON.stringify(check, null, 2) + "\n"
        : formatCheckText(check, checkFile === "-" ? "<stdin>" : checkFile!),
    );
    return check.possible ? 0 : 1;
  }
  io.out(format === "json" ? JSON.stringify(result.value, null, 2) + "\n" : formatForkText(result.value));
  return 0;
}
