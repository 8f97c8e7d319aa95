// FIFO/FCFS: one queue in the order tasks became ready; never preempts.
import { Deque } from "../deque";
import type { Policy, TaskRun } from "../policy";
import { fmt, remainingValue } from "../policy";

export function createFifo(): Policy {
  const queue = new Deque<TaskRun>();
  return {
    enqueue: (t) => queue.pushBack(t),
    pick() {
      const task = queue.popFront();
      if (!task) return undefined;
      return {
        task,
        rule: "fifo-head",
        message: `FIFO runs ${task.id}, the head of the ready queue (ready since t=${fmt(task.readySince)}).`,
      };
    },
    snapshot: (limit) => queue.toArray(limit).map((task) => ({ task, values: { remaining: remainingValue(task) } })),
    values: (task) => ({ remaining: remainingValue(task) }),
    charge: () => {},
    timerAt: () => Infinity,
    onTimer: () => null,
    preempts: () => false,
    onLeave: () => {},
    readyCount: () => queue.size,
    remove: (t) => void queue.remove(t),
  };
}
