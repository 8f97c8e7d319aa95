// Entry point of the fork model: C source in, process tree + every valid output out.
import { parseCProgram } from "../c/parser";
import { processModelFailure, type ProcessModelResult } from "../types";
import { buildSchedule, enumerateOutputs } from "./interleave";
import { createWorld, ForkModelError, MAX_PROCESSES, runProcess } from "./interpreter";
import type { ForkAnalysisOptions, ForkModel, ForkProcessInfo, ForkTreeNode } from "./types";

const DEFAULT_MAX_OUTPUTS = 2000;

export function splitOutputLines(text: string): string[] {
  if (text === "") return [];
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

export function analyzeForkProgram(source: string, options: ForkAnalysisOptions = {}): ProcessModelResult<ForkModel> {
  if (typeof source !== "string") return processModelFailure("source", "the program must be C source text");
  const mode = options.mode ?? "pipe";
  if (mode !== "pipe" && mode !== "tty") return processModelFailure("mode", "mode must be 'pipe' or 'tty'");
  const maxProcesses = options.maxProcesses ?? MAX_PROCESSES;
  if (!Number.isInteger(maxProcesses) || maxProcesses < 1 || maxProcesses > MAX_PROCESSES) {
    return processModelFailure("maxProcesses", `maxProcesses must be an integer from 1 to ${MAX_PROCESSES}`);
  }
  const maxOutputs = options.maxOutputs ?? DEFAULT_MAX_OUTPUTS;
  if (!Number.isInteger(maxOutputs) || maxOutputs < 1 || maxOutputs > 100_000) {
    return processModelFailure("maxOutputs", "maxOutputs must be an integer from 1 to 100000");
  }

  const parsed = parseCProgram(source);
  if (!parsed.ok) return processModelFailure(`${parsed.line}:${parsed.column}`, parsed.message);

  const world = createWorld(parsed.program, mode === "tty", maxProcesses);
  const root: ForkProcessInfo = { pid: world.nextPid++, parent: null, forkLine: null, children: [], events: [], exitCode: 0, signal: null, execedProgram: null };
  world.processes.set(root.pid, root);
  try {
    runProcess(world, root, []);
  } catch (error) {
    if (error instanceof ForkModelError) {
      const column = world.position.line === error.line ? world.position.column : 1;
      return processModelFailure(`${error.line}:${column}`, error.message);
    }
    if (error instanceof RangeError) return processModelFailure("1:1", "the program nests too deeply to model");
    throw error;
  }

  const processes = [...world.processes.values()].sort((a, b) => a.pid - b.pid);
  const schedule = buildSchedule(processes);
  const enumeration = enumerateOutputs(schedule, maxOutputs);
  const written = processes.flatMap((p) => p.events.flatMap((e) => (e.type === "write" ? [e.text] : []))).join("");

  const notes: string[] = [];
  if (!enumeration.complete) {
    notes.push(`more than ${maxOutputs} distinct outputs (or too many states to list): 'outputs' is a sample; check a given output with explainOutputOrder`);
  }
  for (const p of processes) {
    for (const e of p.events) {
      if (e.type === "lost") notes.push(`process ${p.pid} loses buffered ${JSON.stringify(e.text)} at line ${e.line}: ${e.reason === "exec" ? "a successful exec replaces the image without flushing stdio" : e.reason === "abort" ? "abort() kills the process without flushing stdio" : "_exit() skips the stdio flush that exit() does"}`);
    }
  }

  return {
    ok: true,
    value: {
      mode,
      processes,
      tree: treeOf(root.pid, world.processes),
      processCount: processes.length,
      linesPrinted: [...written].filter((c) => c === "\n").length,
      bytesPrinted: written.length,
      neverReaped: processes.filter((p) => p.parent !== null && !mayBeReaped(world.processes.get(p.parent)!, p.pid)).map((p) => p.pid),
      mayBeOrphaned: processes.filter((p) => p.parent !== null && !surelyReaped(world.processes.get(p.parent)!, p.pid)).map((p) => p.pid),
      outputs: enumeration.texts.map(splitOutputLines),
      outputsComplete: enumeration.complete,
      notes,
    },
  };
}

function treeOf(pid: number, processes: Map<number, ForkProcessInfo>): ForkTreeNode {
  return { pid, children: processes.get(pid)!.children.map((c) => treeOf(c, processes)) };
}

/**
 * Is `child` certainly reaped by `parent` before the parent exits, whatever the scheduler does?
 * It is unless some assignment of the parent's wait() calls to children leaves it out: walk the
 * parent's events pretending `child` never exits; if some wait would then have no one to reap,
 * that wait must have reaped `child`.
 */
function surelyReaped(parent: ForkProcessInfo, child: number): boolean {
  const available: number[] = [];
  for (const e of parent.events) {
    if (e.type === "fork" && e.child !== child) available.push(e.child);
    if (e.type !== "wait") continue;
    if (e.target === child) return true;
    const pick = e.target === "any" ? available.shift() : available.splice(available.indexOf(e.target), 1)[0];
    if (pick === undefined) return true;
  }
  return false;
}

/** Could any wait() of the parent reap `child`: a waitpid naming it, or a wait() after its fork. */
function mayBeReaped(parent: ForkProcessInfo, child: number): boolean {
  let forked = false;
  for (const e of parent.events) {
    if (e.type === "fork" && e.child === child) forked = true;
    if (e.type === "wait" && forked && (e.target === "any" || e.target === child)) return true;
  }
  return false;
}
