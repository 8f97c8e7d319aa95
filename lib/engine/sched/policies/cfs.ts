// CFS as in Linux 2.6.23–6.5 (kernel/sched/fair.c): smallest vruntime runs; tick preemption when the
// task used its slice (check_preempt_tick); wakeup preemption past a weight-scaled granularity;
// START_DEBIT for new tasks and GENTLE_FAIR_SLEEPERS for woken ones.
import { KeyedHeap } from "../keyed-heap";
import type { Pick, TaskRun } from "../policy";
import { fmt, keyLess } from "../policy";
import type { CfsConfig } from "../types";
import { NICE_0_WEIGHT } from "../weights";
import type { FairClass } from "./fair";
import { tunableFactor } from "./fair";

export function createCfs(c: CfsConfig): FairClass {
  const factor = tunableFactor(c.cpusForScaling);
  const latency = c.latencyMs * factor;
  const minGran = c.minGranularityMs * factor;
  const wakeupGran = c.wakeupGranularityMs * factor;
  const nrLatency = Math.floor(latency / minGran);
  const tree = new KeyedHeap();
  let curr: TaskRun | null = null;
  let nrRunning = 0; // queued + curr
  let loadWeight = 0;
  let minVruntime = 0;

  const period = (n: number) => (n > nrLatency ? n * minGran : latency);
  /** sched_slice: wall-clock share of the period; `extra` counts a task not yet on the queue. */
  const slice = (t: TaskRun, extra: boolean) =>
    (period(nrRunning + (extra ? 1 : 0)) * t.weight) / (loadWeight + (extra ? t.weight : 0));
  const toVirtual = (ms: number, t: TaskRun) => (ms * NICE_0_WEIGHT) / t.weight;

  function updateMinVruntime(): void {
    const left = tree.peek();
    let v = curr ? curr.vruntime : left ? left.vruntime : minVruntime;
    if (curr && left) v = Math.min(v, left.vruntime);
    minVruntime = Math.max(minVruntime, v);
  }

  return {
    enqueue(t, _now, reason) {
      if (reason === "arrival") {
        t.vruntime = minVruntime + (c.startDebit ? toVirtual(slice(t, true), t) : 0);
      } else if (reason === "wakeup") {
        const thresh = c.gentleFairSleepers ? latency / 2 : latency;
        t.vruntime = Math.max(t.vruntime, minVruntime - thresh);
      }
      // A migrating task carries its vruntime relative to the old queue's min_vruntime (made relative in
      // remove), as the kernel did before EEVDF (migrate_task_rq_fair / enqueue_entity renormalisation).
      if (reason === "migrated") t.vruntime += minVruntime;
      if (reason === "arrival" || reason === "wakeup" || reason === "migrated") {
        nrRunning++;
        loadWeight += t.weight;
      } else if (curr === t) {
        curr = null;
      }
      // The kernel refreshes min_vruntime in update_curr and on dequeue, not when a task is enqueued.
      tree.push(t, t.vruntime);
    },
    pick(): Pick | undefined {
      const n = tree.size;
      const task = tree.pop();
      if (!task) return undefined;
      curr = task;
      task.execAtPick = task.cpuTime;
      return {
        task,
        rule: "cfs-min-vruntime",
        message: `CFS picks ${task.id}: smallest vruntime ${fmt(task.vruntime)}${n > 1 ? ` of ${n} runnable` : ", the only runnable task"}; slice ${fmt(slice(task, false))} ms.`,
      };
    },
    snapshot: (limit) =>
      [...tree.toArray()]
        .sort((a, b) => (keyLess(a.vruntime, b.vruntime, a, b) ? -1 : 1))
        .slice(0, limit)
        .map((task) => ({ task, values: { vruntime: task.vruntime } })),
    values: (task) => ({ vruntime: task.vruntime }),
    charge(t, dt) {
      t.vruntime += toVirtual(dt, t);
      updateMinVruntime();
    },
    onTick(t) {
      if (nrRunning <= 1) return false;
      const ideal = Math.min(slice(t, false), latency);
      const ran = t.cpuTime - t.execAtPick;
      if (ran > ideal) return true;
      if (ran < minGran) return false;
      const left = tree.peek();
      return left !== undefined && t.vruntime - left.vruntime > ideal;
    },
    preempts(t, woken) {
      // SCHED_IDLE tasks yield to any normal wakeup and never preempt a normal task.
      if (t.cls === "idle" && woken.cls !== "idle") return true;
      if (woken.cls === "idle" && t.cls !== "idle") return false;
      return t.vruntime - woken.vruntime > toVirtual(wakeupGran, woken);
    },
    onLeave(t) {
      nrRunning--;
      loadWeight -= t.weight;
      if (curr === t) curr = null;
      updateMinVruntime();
    },
    count: () => tree.size,
    remove(t) {
      tree.remove(t);
      nrRunning--;
      loadWeight -= t.weight;
      updateMinVruntime();
      t.vruntime -= minVruntime;
    },
  };
}
