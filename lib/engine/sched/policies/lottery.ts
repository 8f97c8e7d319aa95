// Lottery scheduling (Waldspurger & Weihl 1994): every quantum, draw a ticket uniformly from the ready
// tasks' tickets; counting runs over the ready tasks in tie-break order, so a seed fixes the schedule.
import { createPythonRandom } from "../../random";
import type { Policy, TaskRun } from "../policy";
import { remainingValue } from "../policy";

export function createLottery(quantum: number, seed: number): Policy {
  const rng = createPythonRandom(seed);
  // Kept sorted by rank; O(n) per operation is fine for a policy taught on a handful of jobs.
  const ready: TaskRun[] = [];
  const tickets = (t: TaskRun) => t.spec.tickets ?? 100;
  return {
    enqueue(t) {
      let lo = 0;
      let hi = ready.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (ready[mid]!.rank < t.rank) lo = mid + 1;
        else hi = mid;
      }
      ready.splice(lo, 0, t);
    },
    pick() {
      if (ready.length === 0) return undefined;
      const total = ready.reduce((s, t) => s + tickets(t), 0);
      const winner = Math.floor(rng.random() * total);
      let counter = 0;
      let i = 0;
      for (; i < ready.length - 1; i++) {
        counter += tickets(ready[i]!);
        if (counter > winner) break;
      }
      const [task] = ready.splice(i, 1) as [TaskRun];
      task.execAtPick = task.cpuTime;
      return {
        task,
        rule: "lottery-draw",
        message: `Lottery drew ticket ${winner} of ${total}; ${task.id} holds ${tickets(task)} tickets covering it.`,
      };
    },
    snapshot: (limit) =>
      ready
        .slice(0, limit)
        .map((task) => ({ task, values: { tickets: tickets(task), remaining: remainingValue(task) } })),
    values: (task) => ({ tickets: tickets(task), remaining: remainingValue(task) }),
    charge: () => {},
    timerAt: (curr, now) => now + quantum - (curr.cpuTime - curr.execAtPick),
    onTimer: () => "quantum-expired",
    preempts: () => false,
    onLeave: () => {},
    readyCount: () => ready.length,
    remove(t) {
      const i = ready.indexOf(t);
      if (i >= 0) ready.splice(i, 1);
    },
  };
}
