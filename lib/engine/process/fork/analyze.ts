// Entry point of the fork model: C source in, process tree + every valid output out.
import { parseCProgram } from "../c/parser";
import { processModelFailure, type ProcessModelResult } from "../types";
import { buildSchedule, enumerateOutputs } from "./interleave";
import { createWorld, ForkModelError, MAX_PROCESSES, runProcess, type World } from "./interpreter";
import type { ForkAnalysisOptions, ForkBranch, ForkModel, ForkProcessInfo, ForkTreeNode } from "./types";

const DEFAULT_MAX_OUTPUTS = 2000;
/** Combinations of timing-dependent outcomes explored before a program is refused. */
export const MAX_BRANCHES = 720;

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

  if (options.belief !== undefined && options.belief !== "exec-returns")
    return processModelFailure("belief", "belief must be 'exec-returns'");

  const parsed = parseCProgram(source);
  if (!parsed.ok) return processModelFailure(`${parsed.line}:${parsed.column}`, parsed.message);

  // One run per combination of timing-dependent outcomes, explored depth first: the next run
  // changes the last call (in the order met) that still has an untried outcome.
  const runs: { world: World; root: ForkProcessInfo }[] = [];
  let forced = new Map<string, number>();
  for (;;) {
    const world = createWorld(parsed.program, mode === "tty", maxProcesses, forced, options.belief === "exec-returns");
    const root: ForkProcessInfo = {
      pid: world.nextPid++,
      parent: null,
      forkLine: null,
      children: [],
      events: [],
      exitCode: 0,
      signal: null,
      execedProgram: null,
    };
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
    runs.push({ world, root });
    const calls = world.timingCalls;
    let k = calls.length - 1;
    while (k >= 0 && calls[k]!.outcome + 1 >= calls[k]!.outcomes) k--;
    if (k < 0) break;
    if (runs.length >= MAX_BRANCHES) {
      return processModelFailure(
        `${calls[k]!.line}:1`,
        `the program's output depends on the timing of more than ${MAX_BRANCHES} combinations of waitpid(WNOHANG)/getppid() outcomes; it is too large to list`,
      );
    }
    forced = new Map(calls.slice(0, k).map((c) => [c.key, c.outcome]));
    forced.set(calls[k]!.key, calls[k]!.outcome + 1);
  }

  // Once the union of outputs is over the limit it is a sample; later cases are then only checked
  // for being possible at all (one output is enough), which keeps many cases cheap.
  const union = new Set<string>();
  let outputsComplete = true;
  const cases = runs.map(({ world, root }) => {
    const processes = [...world.processes.values()].sort((a, b) => a.pid - b.pid);
    const enumeration = enumerateOutputs(buildSchedule(processes), outputsComplete ? maxOutputs : 1);
    if (outputsComplete) {
      for (const text of enumeration.texts) union.add(text);
      if (!enumeration.complete || union.size > maxOutputs) outputsComplete = false;
    }
    // A combination no interleaving can produce (e.g. a child seeing its parent exit while the parent waits for it) has no output at all.
    const possible = !enumeration.complete || enumeration.texts.length > 0;
    return { world, root, processes, possible };
  });
  const feasible = cases.filter((c) => c.possible);
  const chosen = feasible.length > 0 ? feasible : cases.slice(0, 1);
  const branches = chosen.map(({ world, root, processes }): ForkBranch => {
    const written = processes.flatMap((p) => p.events.flatMap((e) => (e.type === "write" ? [e.text] : []))).join("");
    return {
      assumptions: world.timingCalls.map((c) => c.assumption),
      processes,
      tree: treeOf(root.pid, world.processes),
      processCount: processes.length,
      linesPrinted: [...written].filter((c) => c === "\n").length,
      bytesPrinted: written.length,
      neverReaped: processes
        .filter((p) => p.parent !== null && !mayBeReaped(world.processes.get(p.parent)!, p.pid))
        .map((p) => p.pid),
      mayBeOrphaned: processes
        .filter((p) => p.parent !== null && !surelyReaped(world.processes.get(p.parent)!, p.pid))
        .map((p) => p.pid),
    };
  });

  const texts = [...union].sort();
  const notes: string[] = [];
  if (!outputsComplete) {
    notes.push(
      `more than ${maxOutputs} distinct outputs (or too many states to list): 'outputs' is a sample; check a given output with explainOutputOrder`,
    );
  }
  for (const b of branches) {
    for (const p of b.processes) {
      for (const e of p.events) {
        if (e.type !== "lost") continue;
        const note = `process ${p.pid} loses buffered ${JSON.stringify(e.text)} at line ${e.line}: ${e.reason === "exec" ? "a successful exec replaces the image without flushing stdio" : e.reason === "abort" ? "abort() kills the process without flushing stdio" : "_exit() skips the stdio flush that exit() does"}`;
        if (!notes.includes(note)) notes.push(note);
      }
    }
  }
  const range = (f: (b: ForkBranch) => number): [number, number] => [
    Math.min(...branches.map(f)),
    Math.max(...branches.map(f)),
  ];
  const countRange = {
    processCount: range((b) => b.processCount),
    linesPrinted: range((b) => b.linesPrinted),
    bytesPrinted: range((b) => b.bytesPrinted),
  };
  const countsAgree = Object.values(countRange).every(([lo, hi]) => lo === hi);
  if (branches.length > 1) {
    notes.push(
      `the output depends on timing (waitpid with WNOHANG, getppid, wait() of children that exit differently): ${branches.length} cases, listed in 'branches'; 'outputs' covers all of them` +
        (countsAgree
          ? "; every case has the same counts"
          : `; the counts differ between cases (see 'countRange'), and the process tree and counts at the top are those of the first case`),
    );
  }
  const timedSleeps: { pid: number; line: number; ms: number }[] = [];
  for (const b of branches) {
    for (const p of b.processes) {
      for (const e of p.events) {
        if (e.type === "sleep" && !timedSleeps.some((t) => t.pid === p.pid && t.line === e.line))
          timedSleeps.push({ pid: p.pid, line: e.line, ms: e.ms });
      }
    }
  }
  if (timedSleeps.length > 0) {
    notes.push(
      `fixed by timing: ${timedSleeps.length === 1 ? "a sleep" : `${timedSleeps.length} sleeps`} of at least 1 ms (${timedSleeps
        .slice(0, 4)
        .map((t) => `process ${t.pid} at line ${t.line}, ${t.ms} ms`)
        .join(
          "; ",
        )}${timedSleeps.length > 4 ? "; …" : ""}) ${timedSleeps.length === 1 ? "lets" : "let"} every other runnable process finish first, so the orders listed are those real runs give on an ordinary machine, not orders the OS guarantees`,
    );
  }

  const [first] = branches as [ForkBranch];
  const { assumptions: _assumptions, ...firstFields } = first;
  return {
    ok: true,
    value: {
      mode,
      ...firstFields,
      deterministic: outputsComplete && texts.length === 1,
      timedSleeps,
      countsAgree,
      countRange,
      outputs: texts.slice(0, maxOutputs).map(splitOutputLines),
      outputsComplete,
      notes,
      ...(branches.length > 1 ? { branches } : {}),
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
