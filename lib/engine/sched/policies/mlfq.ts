// Multi-level feedback queue (OSTEP ch. 8 rules), level 0 = highest priority.
// - A new task enters level 0. A higher-level arrival preempts at once; the preempted task stays at the
//   head of its queue with its partly used quantum.
// - Allotment accounting (rule 4): CPU used at a level, across quanta and I/O, demotes the task when it
//   reaches the level's allotment; with ioResetsAllotment (old rules 4a/4b) giving up the CPU resets it.
// - Boost (rule 5): every boostPeriod ms every task returns to level 0 with fresh quantum and allotment;
//   queued tasks keep their relative order, lower levels appended after higher ones.
import { Deque } from "../deque";
import type { Policy, TaskRun } from "../policy";
import { fmt, remainingValue } from "../policy";

export interface MlfqOptions {
  quanta: number[];
  allotments: number[];
  boostPeriod: number;
  ioResetsAllotment: boolean;
}

export function createMlfq(o: MlfqOptions, all: readonly TaskRun[]): Policy {
  const levels = o.quanta.map(() => new Deque<TaskRun>());
  const bottom = levels.length - 1;
  let count = 0;
  const reset = (t: TaskRun, level: number) => {
    t.level = level;
    t.levelUsed = 0;
    t.quantumLeft = o.quanta[level]!;
  };
  return {
    enqueue(t, _now, reason) {
      if (reason === "arrival") reset(t, 0);
      if (reason === "wakeup" && o.ioResetsAllotment) reset(t, t.level);
      if (reason === "preempted") levels[t.level]!.pushFront(t);
      else levels[t.level]!.pushBack(t);
      count++;
    },
    pick() {
      for (const q of levels) {
        const task = q.popFront();
        if (!task) continue;
        count--;
        if (task.quantumLeft <= 0) task.quantumLeft = o.quanta[task.level]!;
        return {
          task,
          rule: "mlfq-highest-level",
          message: `MLFQ runs ${task.id}, head of the highest non-empty queue (level ${task.level}), quantum left ${fmt(task.quantumLeft)} ms.`,
        };
      }
      return undefined;
    },
    snapshot: (limit) =>
      levels
        .flatMap((q) => q.toArray(limit))
        .slice(0, limit)
        .map((task) => ({ task, values: { level: task.level, remaining: remainingValue(task) } })),
    values: (task) => ({ level: task.level, remaining: remainingValue(task) }),
    charge(curr, dt) {
      curr.quantumLeft -= dt;
      curr.levelUsed += dt;
    },
    timerAt: (curr, now) => now + Math.min(curr.quantumLeft, o.allotments[curr.level]! - curr.levelUsed),
    onTimer(curr) {
      if (curr.levelUsed >= o.allotments[curr.level]! - 1e-9) reset(curr, Math.min(curr.level + 1, bottom));
      else curr.quantumLeft = o.quanta[curr.level]!;
      return "quantum-expired";
    },
    preempts: (curr, woken) => woken.level < curr.level,
    onLeave(curr) {
      if (o.ioResetsAllotment) curr.quantumLeft = 0;
    },
    globalTimerAt: (now) =>
      o.boostPeriod > 0 ? (Math.floor(now / o.boostPeriod + 1e-9) + 1) * o.boostPeriod : Infinity,
    onGlobalTimer(_now, curr) {
      const moved: TaskRun[] = [];
      for (let l = 1; l < levels.length; l++) {
        for (let t = levels[l]!.popFront(); t; t = levels[l]!.popFront()) moved.push(t);
      }
      for (const t of moved) levels[0]!.pushBack(t);
      for (const t of all) if (t.state !== "done") reset(t, 0);
      if (curr) reset(curr, 0);
      return false;
    },
    readyCount: () => count,
    remove(t) {
      if (levels[t.level]!.remove(t)) count--;
    },
  };
}
