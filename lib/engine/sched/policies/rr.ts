// Round robin: FIFO order, each dispatch gets a fresh quantum; an expired task goes to the tail.
import { Deque } from "../deque";
import type { Policy, TaskRun } from "../policy";
import { fmt, remainingValue } from "../policy";

export function createRoundRobin(quantum: number, restartQuantumOnArrival = false): Policy {
  const queue = new Deque<TaskRun>();
  return {
    enqueue: (t) => queue.pushBack(t),
    pick() {
      const task = queue.popFront();
      if (!task) return undefined;
      task.execAtPick = task.cpuTime;
      return {
        task,
        rule: "rr-head",
        message: `RR runs ${task.id}, the head of the ready queue, for at most one quantum (${fmt(quantum)} ms).`,
      };
    },
    snapshot: (limit) => queue.toArray(limit).map((task) => ({ task, values: { remaining: remainingValue(task) } })),
    values: (task) => ({ remaining: remainingValue(task) }),
    charge: () => {},
    timerAt: (curr, now) => now + quantum - (curr.cpuTime - curr.execAtPick),
    onTimer: () => "quantum-expired",
    // Round robin never preempts for a newcomer. Under the misconceived variant the newcomer resets the running
    // job's quantum instead (simulate re-reads timerAt after every arrival).
    preempts: (curr) => {
      if (restartQuantumOnArrival) curr.execAtPick = curr.cpuTime;
      return false;
    },
    onLeave: () => {},
    readyCount: () => queue.size,
    remove: (t) => void queue.remove(t),
  };
}
