// The misconception catalogue for Node.js output orders (issue #21): each entry is a mistaken event
// loop the engine runs for real (EventLoopOptions.belief) on the question's own program, so a wrong
// order is named only when that mistaken loop prints it.
import { checkEventLoopOrder, modelEventLoop } from "../../eventloop/index";
import type { EventLoopBelief, EventLoopLine, EventLoopModel } from "../../eventloop/index";
import { boundedMemo } from "../memo";
import type { MisconceptionMatch } from "../types";

interface EventLoopMisconception {
  id: string;
  belief: EventLoopBelief;
  name: string;
  /** The mistaken loop in words, for "what Node.js would print if <shape>". */
  shape: string;
  /** The rule the truth follows, in one or two sentences. */
  rule: string;
  source?: string;
}

const EVENT_LOOP_DOC = "Node.js docs, “The Node.js Event Loop” (setImmediate() vs setTimeout())";

/** Most specific first. */
export const EVENTLOOP_MISCONCEPTIONS: readonly EventLoopMisconception[] = [
  {
    id: "promises-before-nexttick",
    belief: "promises-before-ticks",
    name: "Promise callbacks before process.nextTick",
    shape: "promise callbacks ran before nextTick callbacks after the main script",
    rule: "In a CommonJS script (node file.js) Node empties the whole process.nextTick queue before the promise (microtask) queue once the main script ends. Promise callbacks first is the order of an ES module (.mjs), whose body itself runs as a promise job.",
    source: "Node.js docs, process.nextTick() (“When to use queueMicrotask() vs. process.nextTick()”)",
  },
  {
    id: "microtasks-between-phases",
    belief: "node10-phases",
    name: "Microtasks only between phases (Node < 11)",
    shape: "nextTick and promise callbacks ran only after a whole batch of timers or immediates, as in Node 10",
    rule: "Since Node 11, the nextTick and promise queues are emptied after every single setTimeout and setImmediate callback, before the next one runs; waiting for the end of the batch is how Node 10 and earlier behaved.",
    source: "Node.js 11.0.0 release notes (timers and immediates run queued microtasks after each callback)",
  },
  {
    id: "immediate-after-timeout",
    belief: "timeout-before-immediate",
    name: "setImmediate assumed to run after setTimeout(0)",
    shape: "a setTimeout(0) always ran before a setImmediate",
    rule: "Only from the main module can either come first. Inside an I/O or timer callback the loop reaches the check phase (setImmediate) before it gets back to the timers phase, so the immediate always runs first.",
    source: EVENT_LOOP_DOC,
  },
  {
    id: "await-zero-turns",
    belief: "await-zero-turns",
    name: "An await counted as zero turns",
    shape: "an await on a resolved value resumed at once",
    rule: "The code after an await never runs synchronously: even awaiting a value that is already resolved resumes in a later microtask, after the rest of the synchronous code and after the promise callbacks queued before it.",
  },
  {
    id: "await-two-turns",
    belief: "await-two-turns",
    name: "An await counted as two turns",
    shape: "each await took two microtask turns",
    rule: "Since V8 7.2 (Node 12) an await on a native promise or a plain value takes one microtask turn, so it resumes in FIFO order with the promise callbacks queued at the same time, not one turn after them.",
    source: "V8 blog, “Faster async functions and promises” (2018)",
  },
];

const memo = boundedMemo<ReturnType<typeof modelEventLoop>>(128);
function modelWith(source: string, belief: EventLoopBelief) {
  return memo(`${belief}\u0000${source}`, () => modelEventLoop(source, { belief }));
}

function quote(s: string): string {
  return `'${s}'`;
}

function sameOrder(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function what(line: EventLoopLine): string {
  return line.queue === "main"
    ? "synchronous code"
    : `a ${line.source}${line.during !== "main" && line.queue !== line.during ? ` during the ${line.during} phase` : ""}`;
}

/** Entries whose mistaken loop prints a different order from every one Node.js can print. */
export function eventLoopCandidates(
  source: string,
  truth: EventLoopModel,
): { entry: EventLoopMisconception; model: EventLoopModel }[] {
  const out: { entry: EventLoopMisconception; model: EventLoopModel }[] = [];
  for (const entry of EVENTLOOP_MISCONCEPTIONS) {
    const m = modelWith(source, entry.belief);
    if (!m.ok) continue;
    if (m.value.outputs.every((o) => truth.outputs.some((t) => sameOrder(o, t)))) continue;
    out.push({ entry, model: m.value });
  }
  return out;
}

/**
 * The misconceptions a wrong order reproduces: an order the mistaken loop prints (full), or one that
 * agrees with such an order up to and including the first line no valid order allows. A valid order
 * never matches (the caller asks only for wrong ones, and this checks again).
 */
export function matchEventLoopMisconceptions(
  source: string,
  truth: EventLoopModel,
  got: readonly string[],
): MisconceptionMatch[] {
  const check = checkEventLoopOrder(truth, got);
  if (check.valid || !check.firstMismatch) return [];
  const i = check.firstMismatch.index;
  const hits: { m: MisconceptionMatch; full: boolean }[] = [];
  for (const { entry, model } of eventLoopCandidates(source, truth)) {
    const fullAt = model.outputs.findIndex((o) => sameOrder(o, got));
    const at =
      fullAt >= 0
        ? fullAt
        : model.outputs.findIndex((o) => o.length > i && o.slice(0, i + 1).every((x, k) => x === got[k]));
    if (at < 0) continue;
    const full = fullAt >= 0;
    const line = model.orders[at]![i]!;
    const lead = full
      ? `Your order is exactly what Node.js would print if ${entry.shape}.`
      : `Your order follows what Node.js would print if ${entry.shape}, up to line ${i + 1}.`;
    const expected = check.firstMismatch.expected.map(quote);
    const there = `Line ${i + 1}: you put ${quote(line.text)} (${what(line)}) where Node.js prints ${expected.length > 1 ? `${expected.slice(0, -1).join(", ")} or ${expected[expected.length - 1]}` : (expected[0] ?? "nothing more")}.`;
    hits.push({
      full,
      m: {
        id: entry.id,
        name: entry.name,
        full,
        summary: lead,
        explanation: `${lead} ${there} ${entry.rule}`,
        ...(entry.source ? { source: entry.source } : {}),
      },
    });
  }
  return hits.sort((a, b) => Number(b.full) - Number(a.full)).map((h) => h.m);
}
