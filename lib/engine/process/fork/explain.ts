// Grading helper: is a student's output one the OS could produce, and if not, why not — in one
// sentence naming the rule it breaks (a count, a line that cannot appear, program order, fork, wait).
import { splitOutputLines } from "./analyze";
import { buildSchedule, isReachableOutput } from "./interleave";
import type { ForkModel, ForkProcessInfo } from "./types";

export interface OutputOrderVerdict {
  valid: boolean;
  reason?: string;
  /** True when the search bound was hit before an answer (only for very large programs). */
  undecided?: boolean;
}

interface LineEvent {
  text: string;
  process: number;
  /** Node of the happens-before graph (the write that prints the line). */
  node: number;
  /** Position of the line within its write, so lines of one write stay ordered. */
  offset: number;
}

const quote = (text: string) => `'${text}'`;
const times = (n: number) => (n === 1 ? "once" : n === 2 ? "twice" : `${n} times`);

/** Longest answer graded; anything longer cannot match a program the model accepts anyway. */
const MAX_STUDENT_LINES = 10_000;

export function explainOutputOrder(model: ForkModel, studentLines: readonly string[]): OutputOrderVerdict {
  if (!Array.isArray(studentLines) || studentLines.some((l) => typeof l !== "string")) {
    return { valid: false, reason: "the answer must be a list of lines (strings)" };
  }
  if (!model.branches) return explainOneCase(model, studentLines);
  // Valid when some timing case produces it; otherwise explain with the case that prints the same
  // lines (so the reason is about order), or else the first, saying which case it is.
  const cases = model.branches.map((b) => ({ model: { ...model, ...b }, assumptions: b.assumptions }));
  const verdicts = cases.map((c) => explainOneCase(c.model, studentLines));
  const valid = verdicts.findIndex((v) => v.valid);
  if (valid >= 0) return verdicts[valid]!;
  const undecided = verdicts.find((v) => v.undecided);
  if (undecided) return undecided;
  const got = countBy(studentLines);
  const sameLines = cases.findIndex((c) => {
    const expected = countBy(
      c.model.processes.flatMap((p) => p.events.flatMap((e) => (e.type === "write" ? splitOutputLines(e.text) : []))),
    );
    return expected.size === got.size && [...got].every(([text, n]) => expected.get(text) === n);
  });
  const k = sameLines >= 0 ? sameLines : 0;
  const when = cases[k]!.assumptions.join("; ");
  return {
    valid: false,
    reason: `${verdicts[k]!.reason} (This is the case where ${when}; the other timing cases do not produce it either.)`,
  };
}

function explainOneCase(model: ForkModel, studentLines: readonly string[]): OutputOrderVerdict {
  if (studentLines.length > MAX_STUDENT_LINES || studentLines.length > model.bytesPrinted + 1) {
    return {
      valid: false,
      reason: `the answer has ${studentLines.length} lines, but every run prints exactly ${model.linesPrinted}.`,
    };
  }
  const schedule = buildSchedule(model.processes);
  const body = studentLines.join("\n");
  const candidates = [body + "\n", body];
  for (const text of studentLines.length ? candidates : [""]) {
    const verdict = isReachableOutput(schedule, text);
    if (verdict === "valid") return { valid: true };
    if (verdict === "undecided") {
      return {
        valid: false,
        undecided: true,
        reason: "the program has too many interleavings to decide this output within the search bound",
      };
    }
  }
  return { valid: false, reason: whyImpossible(model, studentLines) };
}

function whyImpossible(model: ForkModel, lines: readonly string[]): string {
  const { lineEvents, before, wholeLines } = happensBefore(model.processes);
  if (wholeLines) {
    const expected = countBy(lineEvents.map((l) => l.text));
    const got = countBy(lines);
    for (const [text, n] of got) {
      if (!expected.has(text)) {
        const lost = model.processes
          .flatMap((p) => p.events)
          .find((e) => e.type === "lost" && e.text.split("\n").includes(text));
        if (lost && lost.type === "lost") {
          return `${quote(text)} cannot appear at all: it is still in the stdio buffer when ${lost.reason === "exec" ? "a successful exec() replaces the program" : lost.reason === "abort" ? "abort() kills the process" : "_exit() ends the process"}, which discards it.`;
        }
        const execs = model.processes.some((p) => p.execedProgram !== null);
        return `${quote(text)} cannot appear at all: no process prints it${execs ? " (a successful exec() never returns, so the code after it does not run)" : ""}.`;
      }
      const m = expected.get(text)!;
      if (n !== m)
        return `${quote(text)} appears ${n} time${n === 1 ? "" : "s"}, but every run prints it exactly ${times(m)}.`;
    }
    for (const [text, m] of expected) {
      if (!got.has(text)) return `${quote(text)} is missing: every run prints it ${times(m)}.`;
    }
    const order = orderViolation(model, lineEvents, before, lines);
    if (order) return order;
  } else if (lines.join("\n").length !== model.bytesPrinted && lines.join("\n").length + 1 !== model.bytesPrinted) {
    return `the output has the wrong length: every run prints exactly ${model.bytesPrinted} characters.`;
  }
  const sleeps = model.processes.some((p) => p.events.some((e) => e.type === "sleep"));
  if (sleeps) {
    return "the sleeps fix the order: a process that sleeps (1 ms or more) resumes only after every other runnable process has finished or is waiting, and no order of the rest produces these lines.";
  }
  return "no interleaving of the processes produces these lines in this order (each write(2) reaches the output whole, and program order, fork() and wait() all have to hold at once).";
}

function countBy(items: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const x of items) m.set(x, (m.get(x) ?? 0) + 1);
  return m;
}

/**
 * Happens-before over write events: program order, fork (a child starts after the fork), and
 * wait (the parent continues after the child exits). A wait() for "any" child is a certain edge
 * only when, counting waits, every child forked so far must have exited.
 */
function happensBefore(processes: readonly ForkProcessInfo[]) {
  const index = new Map(processes.map((p, i) => [p.pid, i]));
  const nodeOf: number[][] = [];
  let count = 0;
  for (const p of processes) nodeOf.push(p.events.map(() => count++));
  const preds: number[][] = Array.from({ length: count }, () => []);
  processes.forEach((p, i) => {
    let forked: number[] = [];
    let waits = 0;
    p.events.forEach((e, k) => {
      const node = nodeOf[i][k];
      if (k > 0) preds[node].push(nodeOf[i][k - 1]);
      if (e.type === "fork") {
        const c = index.get(e.child)!;
        preds[nodeOf[c][0]]?.push(node);
        forked.push(c);
      }
      if (e.type === "wait") {
        const lastOf = (c: number) => nodeOf[c][nodeOf[c].length - 1];
        if (e.target !== "any") {
          const c = index.get(e.target)!;
          preds[node].push(lastOf(c));
          forked = forked.filter((f) => f !== c);
        } else if (++waits >= forked.length) {
          forked.forEach((c) => preds[node].push(lastOf(c)));
          forked = [];
          waits = 0;
        }
      }
    });
  });
  // Nodes are numbered parent-events-first only within a process, so compute closures on demand.
  const memo = new Map<number, Set<number>>();
  const ancestors = (node: number): Set<number> => {
    const known = memo.get(node);
    if (known) return known;
    const out = new Set<number>();
    const stack = [...preds[node]];
    while (stack.length) {
      const n = stack.pop()!;
      if (out.has(n)) continue;
      out.add(n);
      stack.push(...preds[n]);
    }
    memo.set(node, out);
    return out;
  };
  const lineEvents: LineEvent[] = [];
  let wholeLines = true;
  processes.forEach((p, i) =>
    p.events.forEach((e, k) => {
      if (e.type !== "write") return;
      if (!e.text.endsWith("\n")) wholeLines = false;
      splitOutputLines(e.text).forEach((text, offset) =>
        lineEvents.push({ text, process: i, node: nodeOf[i][k], offset }),
      );
    }),
  );
  const before = (a: LineEvent, b: LineEvent) =>
    a.node === b.node ? a.offset < b.offset : ancestors(b.node).has(a.node);
  return { lineEvents, before, wholeLines };
}

/**
 * For texts X and Y: the i-th 'Y' in any valid output needs at least need_i 'X's before it, where
 * need_i is the i-th smallest number of X-lines that happen before some Y-line. Fewer is impossible.
 */
function orderViolation(
  model: ForkModel,
  lineEvents: LineEvent[],
  before: (a: LineEvent, b: LineEvent) => boolean,
  lines: readonly string[],
): string | undefined {
  const texts = [...new Set(lineEvents.map((l) => l.text))];
  const byText = new Map(texts.map((t) => [t, lineEvents.filter((l) => l.text === t)]));
  for (const y of texts) {
    const yPositions = lines.flatMap((l, i) => (l === y ? [i] : []));
    for (const x of texts) {
      if (x === y) continue;
      const xs = byText.get(x)!;
      const needs = byText
        .get(y)!
        .map((ye) => ({ ye, need: xs.filter((xe) => before(xe, ye)).length }))
        .sort((a, b) => a.need - b.need);
      for (let i = 0; i < yPositions.length && i < needs.length; i++) {
        const seen = lines.slice(0, yPositions[i]).filter((l) => l === x).length;
        if (seen < needs[i].need) {
          const witness = xs.find((xe) => before(xe, needs[i].ye))!;
          const times = needs[i].need > 1 ? ` has appeared ${needs[i].need} times` : "";
          return `${quote(y)} cannot appear before ${quote(x)}${times}: ${because(model, witness, needs[i].ye, x, y)}.`;
        }
      }
    }
  }
  return undefined;
}

function because(model: ForkModel, xe: LineEvent, ye: LineEvent, x: string, y: string): string {
  const procs = model.processes;
  const isAncestor = (a: number, b: number): boolean => {
    for (let p: number | null = procs[b].parent; p !== null;) {
      const i = procs.findIndex((q) => q.pid === p);
      if (i === a) return true;
      p = procs[i].parent;
    }
    return false;
  };
  if (xe.process === ye.process) return `one process prints ${quote(x)} and then ${quote(y)} (program order)`;
  if (isAncestor(xe.process, ye.process))
    return `${quote(y)} is printed by a process that a fork() creates only after ${quote(x)} is printed`;
  if (isAncestor(ye.process, xe.process))
    return `the process that prints ${quote(y)} first waits (wait()) for the child that prints ${quote(x)}`;
  return `${quote(y)} is printed by a process created only after a wait() for the process that prints ${quote(x)}`;
}
