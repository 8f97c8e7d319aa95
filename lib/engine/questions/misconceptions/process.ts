// The misconception catalogue for fork/exec/wait programs (issue #21): each entry is a mistaken reading
// of the question's program that the fork model runs for real — the same source analysed with the
// other stdout buffering, or with its wait() calls returning at once — or, for the process count, the
// linear "two processes per fork() call" count next to the model's tree. A wrong part is named only
// when it equals what the mistaken model gives.
import { analyzeForkProgram, explainOutputOrder, splitOutputLines } from "../../process/index";
import type { ForkModel } from "../../process/index";
import { buildSchedule, oldestFirstOutput, youngestFirstOutput } from "../../process/fork/interleave";
import { formatNumber } from "../grading";
import { boundedMemo } from "../memo";
import type { AnswerPartSpec, MisconceptionMatch } from "../types";

const APUE = "Stevens & Rago, APUE 3rd ed., §8.3 (fork and standard I/O buffers)";
const OSTEP5 = "OSTEP ch. 5 (Process API)";
const FORK2 = "fork(2): after fork() either process may run first; OSTEP ch. 5 (the output is not deterministic)";
const EXECVE2 = 'execve(2): "On success, execve() does not return"';

/** What a fork question's parts would be under a misconception (only the parts it can change). */
export interface ForkMisAnswer {
  processes?: number;
  lines?: number;
  /** Lines that appear (texts). */
  appears?: ReadonlySet<string>;
  /** A model whose valid orders are the misconception's, for order parts. */
  orderModel?: ForkModel;
  /** The only orders the misconception allows (when it is a single schedule rather than a model). */
  orders?: readonly (readonly string[])[];
}

export interface ForkMisconception {
  id: string;
  name: string;
  source?: string;
  /** The misconceived answer for this program, or null when the entry does not apply. */
  answer(source: string, truth: ForkModel): ForkMisAnswer | null;
  /** One or two sentences from the program's own numbers on why the truth differs. */
  why(part: ForkPart, source: string, truth: ForkModel, mis: ForkMisAnswer): string;
}

const memo = boundedMemo<ReturnType<typeof analyzeForkProgram>>(64);
function analyze(source: string, mode: "pipe" | "tty", belief?: "exec-returns"): ForkModel | null {
  const r = memo(`${mode}\u0000${belief ?? ""}\u0000${source}`, () =>
    analyzeForkProgram(source, { mode, ...(belief ? { belief } : {}) }),
  );
  return r.ok ? r.value : null;
}

/** The one order of the scheduler that always runs the parent before its child (the oldest process first). */
export function parentFirstOrder(truth: ForkModel): string[] | null {
  const text = oldestFirstOutput(buildSchedule(truth.processes));
  return text === null ? null : splitOutputLines(text);
}

/** Is `lines` a possible output under the misconception? */
function misPossible(mis: ForkMisAnswer, lines: readonly string[]): boolean {
  if (mis.orders) return mis.orders.some((o) => o.length === lines.length && o.every((l, i) => l === lines[i]));
  return !!mis.orderModel && explainOutputOrder(mis.orderModel, lines).valid;
}

function quote(lines: readonly string[]): string {
  return lines.map((l) => `"${l}"`).join(", ");
}

function printedLines(m: ForkModel): Set<string> {
  return new Set(m.outputs[0] ?? []);
}

function bufferAnswer(m: ForkModel): ForkMisAnswer {
  return { lines: m.linesPrinted, appears: printedLines(m), orderModel: m };
}

/** wait() and waitpid() calls made to return at once (-1, as if there were no child to wait for). */
export function withoutWaits(source: string): string | null {
  const out = source.replace(/\bwait(?:pid)?\s*\((?:[^()]|\([^()]*\))*\)/g, "(-1)");
  return out === source ? null : out;
}

function lines(n: number): string {
  return `${formatNumber(n)} line${n === 1 ? "" : "s"}`;
}

/** Most specific first. */
export const FORK_MISCONCEPTIONS: readonly ForkMisconception[] = [
  {
    id: "fork-2n-processes",
    name: "2n processes instead of 2ⁿ",
    source: OSTEP5,
    answer(_source, truth) {
      const root = truth.processes.find((p) => p.parent === null);
      const n = root?.children.length ?? 0;
      // The linear count differs from the tree only from n = 3 on (2·1 = 2¹, 2·2 = 2²).
      if (n < 3 || truth.processCount !== 2 ** n) return null;
      return { processes: 2 * n, ...(truth.linesPrinted === truth.processCount ? { lines: 2 * n } : {}) };
    },
    why(part, _source, truth, mis) {
      const n = mis.processes! / 2;
      const count = `The first process calls fork() ${n} times, and you counted two processes per call (2 × ${n} = ${2 * n}). But every process alive at a fork() — the children made by earlier calls included — forks as well, so the number doubles at each call: 2^${n} = ${truth.processCount} processes.`;
      return part === "lines" ? `${count} Each prints one line: ${lines(truth.linesPrinted)}.` : count;
    },
  },
  {
    id: "fork-buffer-forgotten",
    name: "Buffered output forgotten (fork copies the stdio buffer)",
    source: APUE,
    answer(source, truth) {
      if (truth.mode !== "pipe") return null;
      const m = analyze(source, "tty");
      return m ? bufferAnswer(m) : null;
    },
    why(part, _source, truth, mis) {
      const rule =
        "On a pipe stdout is fully buffered: printed text waits in the process's stdio buffer until exit() or fflush(), a fork() gives the child a copy of that buffer, and _exit() or a successful exec discards it.";
      return part === "lines"
        ? `${rule} Counting each printf once, as on a terminal, gives ${lines(mis.lines!)}; with the copies the program prints ${lines(truth.linesPrinted)}.`
        : `${rule} Your answer is the output on a terminal, where every line is written at once.`;
    },
  },
  {
    id: "fork-buffer-duplicated-on-tty",
    name: "Output duplicated on a terminal",
    source: APUE,
    answer(source, truth) {
      if (truth.mode !== "tty") return null;
      const m = analyze(source, "pipe");
      return m ? bufferAnswer(m) : null;
    },
    why(part, _source, truth, mis) {
      const rule =
        "On a terminal stdout is line buffered: each printf ending in \\n is written at once, so nothing is left in the buffer for a later fork() to copy.";
      return part === "lines"
        ? `${rule} The program prints ${lines(truth.linesPrinted)}; ${lines(mis.lines!)} is what it prints into a pipe (./a.out | cat), where the buffer is copied.`
        : `${rule} Your answer is the output into a pipe (./a.out | cat), where the buffer is copied.`;
    },
  },
  {
    id: "fork-wait-ignored",
    name: "wait() ignored",
    source: OSTEP5,
    answer(source, truth) {
      const s = withoutWaits(source);
      const m = s === null ? null : analyze(s, truth.mode);
      return m ? { ...bufferAnswer(m), processes: m.processCount } : null;
    },
    why(part, _source, truth, mis) {
      void mis;
      const rule =
        "wait() returns only after a child has exited, so everything that child prints comes before what its parent prints after the wait().";
      return part === "order"
        ? rule
        : `${rule} The program runs ${formatNumber(truth.processCount)} processes and prints ${lines(truth.linesPrinted)}.`;
    },
  },
  {
    id: "fork-exec-returns",
    name: "exec assumed to return",
    source: EXECVE2,
    answer(source, truth) {
      if (!truth.processes.some((p) => p.execedProgram !== null)) return null;
      const m = analyze(source, truth.mode, "exec-returns");
      return m ? { ...bufferAnswer(m), processes: m.processCount } : null;
    },
    why(part, _source, truth, mis) {
      const execs = truth.processes.flatMap((p) =>
        p.events.flatMap((e) => (e.type === "exec" ? [`${e.args.join(" ")} (line ${e.line})`] : [])),
      );
      const rule = `A successful exec replaces the calling program with the new one (here ${[...new Set(execs)].join(", ")}): the new program prints its output and exits, and the lines after the exec call never run, because there is no old program left to return to.`;
      if (part === "lines")
        return `${rule} Letting the caller carry on after the exec gives ${lines(mis.lines!)}; the program prints ${lines(truth.linesPrinted)}.`;
      const extra = [...(mis.appears ?? [])].filter((l) => !printedLines(truth).has(l));
      return extra.length > 0 ? `${rule} So ${quote(extra)} never ${extra.length === 1 ? "appears" : "appear"}.` : rule;
    },
  },
  {
    id: "fork-parent-first",
    name: "The parent assumed to run first",
    source: FORK2,
    answer(_source, truth) {
      // One schedule, taken for the only one: it differs from the truth only where the truth has more.
      if (truth.deterministic) return null;
      const order = parentFirstOrder(truth);
      return order ? { orders: [order] } : null;
    },
    why(_part, _source, truth, mis) {
      const mine = mis.orders![0]!;
      // The child-first run is another valid order; it shows where the parent-first one is not forced.
      const text = youngestFirstOutput(buildSchedule(truth.processes));
      const child = text === null ? undefined : splitOutputLines(text);
      const other = child && child.join("\n") !== mine.join("\n") ? child : undefined;
      const at = other ? other.findIndex((l, i) => l !== mine[i]) : -1;
      const rule =
        "After fork() parent and child are both ready to run, and nothing makes the parent go first: the scheduler may run the child at once, or both at the same time on two CPUs. Only wait() (or the pipes and signals the program uses) orders them.";
      return other && at >= 0
        ? `${rule} The order where the parent always goes first is ${quote(mine)}, but the program can also print ${quote(other)}, where "${other[at]}" comes where the parent-first run prints "${mine[at]}".`
        : rule;
    },
  },
];

export type ForkPart = "processes" | "lines" | "appears" | "order" | "outputs";

/** Does the entry's answer for this part differ from the truth (so a student holding it cannot score by luck)? */
export function forkDiscriminates(
  part: ForkPart,
  truth: ForkModel,
  mis: ForkMisAnswer,
  labels?: readonly string[],
): boolean {
  if (part === "processes") return mis.processes !== undefined && mis.processes !== truth.processCount;
  if (part === "lines") return mis.lines !== undefined && mis.lines !== truth.linesPrinted;
  if (part === "appears") {
    if (!mis.appears) return false;
    const t = printedLines(truth);
    return (labels ?? [...new Set([...t, ...mis.appears])]).some((l) => t.has(l) !== mis.appears!.has(l));
  }
  if (part === "outputs") {
    // Some offered output is possible in truth and not under the misconception, or the reverse.
    return (labels ?? []).some((l) => {
      const o = outputOfLabel(l);
      return explainOutputOrder(truth, o).valid !== misPossible(mis, o);
    });
  }
  // An order part: some order the mistaken model prints (of the same lines) is impossible in truth.
  const misOrders = mis.orders ?? mis.orderModel?.outputs;
  if (!misOrders) return false;
  const want = [...(truth.outputs[0] ?? [])].sort().join("\n");
  return misOrders.some((o) => [...o].sort().join("\n") === want && !explainOutputOrder(truth, o).valid);
}

/** How an "outputs" option shows a whole output: its lines joined by " / " (programs whose lines contain it are not asked). */
export const OUTPUT_LINE_SEPARATOR = " / ";
export function outputLabel(lines: readonly string[]): string {
  return lines.join(OUTPUT_LINE_SEPARATOR);
}
export function outputOfLabel(label: string): string[] {
  return label === "" ? [] : label.split(OUTPUT_LINE_SEPARATOR);
}

/** The entries a variant's parts tell apart from the truth (for the self-test's report). */
export function forkDiscriminating(parts: readonly AnswerPartSpec[], source: string, truth: ForkModel): string[] {
  const out: string[] = [];
  for (const e of FORK_MISCONCEPTIONS) {
    const mis = e.answer(source, truth);
    if (!mis) continue;
    const hit = parts.some((p) => {
      if (p.id !== "processes" && p.id !== "lines" && p.id !== "appears" && p.id !== "order" && p.id !== "outputs")
        return false;
      return forkDiscriminates(p.id, truth, mis, p.kind === "choice" ? p.options.map((o) => o.label) : undefined);
    });
    if (hit) out.push(e.id);
  }
  return out;
}

/**
 * The fork misconceptions a wrong part reproduces. `got` is a number (processes, lines), the set of
 * line texts chosen (appears), the option texts chosen (outputs: each a whole output, see
 * outputLabel) or the ordered line texts (order); `labels` are the option texts of an appears or outputs part. Entries whose answer equals the truth are skipped, so a right answer never matches.
 */
export function matchForkMisconceptions(
  part: ForkPart,
  source: string,
  truth: ForkModel,
  got: number | readonly string[],
  labels?: readonly string[],
): MisconceptionMatch[] {
  const out: MisconceptionMatch[] = [];
  for (const e of FORK_MISCONCEPTIONS) {
    const mis = e.answer(source, truth);
    if (!mis || !forkDiscriminates(part, truth, mis, labels)) continue;
    let hit = false;
    let lead = "";
    if (part === "processes" || part === "lines") {
      const v = part === "processes" ? mis.processes : mis.lines;
      hit = typeof got === "number" && v === got;
      lead = `${formatNumber(got as number)} is the ${part === "processes" ? "process count" : "line count"} of a known mistake: ${e.name[0]!.toLowerCase()}${e.name.slice(1)}.`;
    } else if (part === "appears") {
      const chosen = new Set(got as readonly string[]);
      hit = (labels ?? []).every((l) => chosen.has(l) === mis.appears!.has(l));
      lead = `Your choice is exactly the lines that appear under a known mistake: ${e.name[0]!.toLowerCase()}${e.name.slice(1)}.`;
    } else if (part === "outputs") {
      const chosen = new Set(got as readonly string[]);
      hit = (labels ?? []).every((l) => chosen.has(l) === misPossible(mis, outputOfLabel(l)));
      lead = `Your choice is exactly the outputs possible under a known mistake: ${e.name[0]!.toLowerCase()}${e.name.slice(1)}.`;
    } else {
      hit = misPossible(mis, got as readonly string[]) && !explainOutputOrder(truth, got as readonly string[]).valid;
      lead = `Your order is one the program could print under a known mistake: ${e.name[0]!.toLowerCase()}${e.name.slice(1)}.`;
    }
    if (!hit) continue;
    const impossible = part === "order" ? explainOutputOrder(truth, got as readonly string[]).reason : undefined;
    const why = e.why(part, source, truth, mis);
    out.push({
      id: e.id,
      name: e.name,
      full: true,
      summary: lead,
      explanation: `${lead} ${impossible ? `${impossible[0]!.toUpperCase()}${impossible.slice(1)}${/[.!?]$/.test(impossible) ? "" : "."} ` : ""}${why}`,
      ...(e.source ? { source: e.source } : {}),
    });
  }
  return out;
}
