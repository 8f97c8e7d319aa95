// Stride scheduling (Waldspurger 1995): run the smallest pass; pass grows by stride = C / tickets per
// quantum of CPU used (pro rata for partial quanta, so a task that blocks early is charged fairly).
// A task that arrives or wakes starts at the smallest pass in play, so sleeping earns no credit.
import { MinHeap } from "../heap";
import type { Policy, TaskRun } from "../policy";
import { fmt, keyLess } from "../policy";

export function createStride(quantum: number, strideConstant: number): Policy {
  const heap = new MinHeap<TaskRun>((a, b) => keyLess(a.pass, b.pass, a, b));
  const stride = (t: TaskRun) => strideConstant / (t.spec.tickets ?? 100);
  let globalPass = 0;
  return {
    enqueue(t, _now, reason) {
      if (reason === "arrival" || reason === "wakeup" || reason === "migrated") t.pass = Math.max(t.pass, globalPass);
      heap.push(t);
    },
    pick() {
      const task = heap.pop();
      if (!task) return undefined;
      globalPass = Math.max(globalPass, task.pass);
      task.execAtPick = task.cpuTime;
      return {
        task,
        rule: "stride-min-pass",
        message: `Stride runs ${task.id}: smallest pass ${fmt(task.pass)} (stride ${fmt(stride(task))}).`,
      };
    },
    snapshot: (limit) =>
      [...heap.toArray()]
        .sort((a, b) => (keyLess(a.pass, b.pass, a, b) ? -1 : 1))
        .slice(0, limit)
        .map((task) => ({ task, values: { pass: task.pass, tickets: task.spec.tickets ?? 100 } })),
    values: (task) => ({ pass: task.pass, tickets: task.spec.tickets ?? 100 }),
    charge: (curr, dt) => {
      curr.pass += (stride(curr) * dt) / quantum;
    },
    timerAt: (curr, now) => now + quantum - (curr.cpuTime - curr.execAtPick),
    onTimer: () => "quantum-expired",
    preempts: () => false,
    onLeave: () => {},
    readyCount: () => heap.size,
    remove: (t) => void heap.remove(t),
  };
}
