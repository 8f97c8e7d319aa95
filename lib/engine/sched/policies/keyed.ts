// Policies that always run the ready task with the smallest key (SJF, STCF, static priority): one heap,
// ties broken by the tie-break rank so the answer never depends on heap internals.
import { MinHeap } from "../heap";
import type { Policy, TaskRun } from "../policy";
import { fmt, keyLess, remainingValue } from "../policy";
import type { DecisionValues } from "../types";

export interface KeyedOptions {
  key: (t: TaskRun) => number;
  /** Preempt the running task when a task with a strictly smaller key becomes ready. */
  preemptive: boolean;
  rule: string;
  describe: (t: TaskRun) => string;
  values: (t: TaskRun) => DecisionValues;
}

export function createKeyed(o: KeyedOptions): Policy {
  const heap = new MinHeap<TaskRun>((a, b) => keyLess(o.key(a), o.key(b), a, b));
  return {
    enqueue: (t) => heap.push(t),
    pick() {
      const size = heap.size;
      const task = heap.pop();
      if (!task) return undefined;
      const others = size - 1;
      return {
        task,
        rule: o.rule,
        // Shown to students in the replay: say what won, not "key".
        message: `${task.id} runs: ${o.describe(task)}${others > 0 ? `, the best of ${size} ready jobs (ties go to the tie-break order)` : ", the only ready job"}.`,
      };
    },
    snapshot: (limit) =>
      [...heap.toArray()]
        .sort((a, b) => (keyLess(o.key(a), o.key(b), a, b) ? -1 : 1))
        .slice(0, limit)
        .map((task) => ({ task, values: o.values(task) })),
    values: (task) => o.values(task),
    charge: () => {},
    timerAt: () => Infinity,
    onTimer: () => null,
    preempts: (curr, woken) =>
      o.preemptive && keyLess(o.key(woken), o.key(curr), woken, curr) && o.key(woken) < o.key(curr),
    onLeave: () => {},
    readyCount: () => heap.size,
    remove: (t) => void heap.remove(t),
  };
}

export function createSjf(preemptive: boolean): Policy {
  return createKeyed({
    key: (t) => t.remaining,
    preemptive,
    rule: preemptive ? "stcf-shortest-remaining" : "sjf-shortest-burst",
    describe: (t) => `${preemptive ? "remaining" : "burst"} ${fmt(t.remaining)} ms`,
    values: (t) => ({ remaining: remainingValue(t) }),
  });
}

export function createPriority(preemptive: boolean, higherIs: "lower-number" | "higher-number"): Policy {
  const sign = higherIs === "lower-number" ? 1 : -1;
  return createKeyed({
    key: (t) => sign * (t.spec.priority ?? 0),
    preemptive,
    rule: preemptive ? "priority-preemptive-highest" : "priority-highest",
    describe: (t) =>
      `priority ${t.spec.priority ?? 0}, ${higherIs === "lower-number" ? "lower number wins" : "higher number wins"}`,
    values: (t) => ({ priority: t.spec.priority ?? 0, remaining: remainingValue(t) }),
  });
}
