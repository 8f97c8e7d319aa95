// Grades a student's predicted output against the model and explains the first wrong line in one sentence.
import type { EventLoopCheck, EventLoopLine, EventLoopModel } from "./types";

const STAGE_ORDER = ["main", "timers", "poll", "check"] as const;

function quote(s: string): string {
  return `'${s}'`;
}

/** Why `first` is printed before `second` in a valid order. */
function explain(first: EventLoopLine, second: EventLoopLine): string {
  const a = first.queue;
  const b = second.queue;
  const before = `${quote(first.text)} runs before ${quote(second.text)} because`;
  if (a === "main") return `${before} synchronous code runs to completion before any callback.`;
  if (a === "nextTick" && b === "microtask" && first.during === second.during) {
    return `${before} the nextTick queue drains before promise microtasks.`;
  }
  if (a === "microtask" && b === "nextTick" && first.during === second.during) {
    return `${before} a nextTick scheduled inside a microtask waits until the whole microtask queue is empty.`;
  }
  if ((a === "nextTick" || a === "microtask") && b !== "nextTick" && b !== "microtask") {
    return `${before} nextTick and microtask queues are emptied after each callback, before the event loop runs the next one.`;
  }
  if (a === "microtask" && b === "microtask") {
    if (second.source === "await continuation" || first.source === "await continuation") {
      return `${before} each await resumes one microtask after the awaited promise settles, so earlier-queued reactions run first.`;
    }
    return `${before} microtasks run in the order they were queued (a promise returned from a then handler costs two extra microtasks).`;
  }
  if (a === b && a === "timers")
    return `${before} timers fire in order of their expiry time (delay, then creation order).`;
  if (a === b && a === "check") return `${before} setImmediate callbacks run in the order they were scheduled.`;
  if (a === "check" && b === "timers") {
    return `${before} after an I/O or timer callback the loop reaches the check phase (setImmediate) before it comes back to the timers phase.`;
  }
  if (a === "timers" && b === "check")
    return `${before} the timers phase comes before the check phase once the timer's delay has elapsed.`;
  if (a === "poll" && b === "check")
    return `${before} the poll phase (I/O callbacks) comes before the check phase in each loop turn.`;
  const ia = STAGE_ORDER.indexOf(first.during);
  const ib = STAGE_ORDER.indexOf(second.during);
  if (ia >= 0 && ib >= 0 && ia < ib)
    return `${before} the ${first.during} phase comes before the ${second.during} phase.`;
  return `${before} of when its callback was scheduled (${first.source} versus ${second.source}).`;
}

/**
 * Accepts the student's lines if they equal one of the model's orders; otherwise names the first line
 * where no valid order agrees with them, with the lines that could appear there.
 */
export function checkEventLoopOrder(model: EventLoopModel, studentLines: readonly string[]): EventLoopCheck {
  const lines = studentLines.map((l) => l.replace(/\r$/, ""));
  if (model.outputs.some((o) => o.length === lines.length && o.every((x, i) => x === lines[i]))) return { valid: true };
  // Orders that agree with the student up to index i.
  let candidates = model.orders.map((_, i) => i);
  let index = 0;
  for (; ; index++) {
    const next = candidates.filter(
      (c) => model.outputs[c]![index] === lines[index] && index < model.outputs[c]!.length,
    );
    if (index >= lines.length || next.length === 0) break;
    candidates = next;
  }
  const expected = [
    ...new Set(candidates.map((c) => model.outputs[c]![index]).filter((x): x is string => x !== undefined)),
  ];
  const got = lines[index];
  if (got === undefined) {
    return {
      valid: false,
      firstMismatch: {
        index,
        expected,
        got: "",
        reason: `The output is incomplete: ${quote(expected[0] ?? "")} is printed next.`,
      },
    };
  }
  if (expected.length === 0) {
    return {
      valid: false,
      firstMismatch: {
        index,
        expected,
        got,
        reason: `The program prints only ${index} lines, so ${quote(got)} is extra.`,
      },
    };
  }
  const order = model.orders[candidates[0]!]!;
  const laterAt = order.findIndex((l, i) => i > index && l.text === got);
  let reason: string;
  if (laterAt >= 0) {
    reason = explain(order[index]!, order[laterAt]!);
  } else if (order.some((l) => l.text === got)) {
    reason = `${quote(got)} was already printed earlier; ${quote(expected[0]!)} comes next.`;
  } else {
    reason = `The program never prints ${quote(got)}; ${quote(expected[0]!)} comes next.`;
  }
  return { valid: false, firstMismatch: { index, expected, got, reason } };
}
