// EEVDF as in Linux 6.6+ (kernel/sched/fair.c, Documentation/scheduler/sched-eevdf.rst).
// V = Σw·v/Σw over queued tasks and curr; a task is eligible when v ≤ V (lag = V − v ≥ 0); pick the
// eligible task with the earliest virtual deadline (deadline = v + slice·1024/w). Deadlines are checked
// only when the clock is updated (tick, wakeup, block), which is why a 1.4 ms slice lasts a 4 ms tick.
//
// The run queue is an augmented treap (../eligible-tree.ts) so a pick costs O(log n).
import { EligibleTree } from "../eligible-tree";
import type { Pick, TaskRun } from "../policy";
import { fmt, keyLess } from "../policy";
import type { DecisionValues, EevdfConfig } from "../types";
import { NICE_0_WEIGHT } from "../weights";
import type { FairClass } from "./fair";
import { tunableFactor, VRUNTIME_EPS } from "./fair";

export function createEevdf(c: EevdfConfig, tickMs: number): FairClass {
  const baseSlice = c.baseSliceMs * tunableFactor(c.cpusForScaling);
  const tree = new EligibleTree();
  let curr: TaskRun | null = null;
  let nrRunning = 0;
  let sumW = 0;
  let sumWV = 0;
  // avg_vruntime of an empty queue is min_vruntime; on one CPU that is the v of the last task to leave.
  let emptyV = 0;
  let reschedPending = false;

  const sliceOf = (t: TaskRun) => t.spec.sliceMs ?? baseSlice;
  const toVirtual = (ms: number, t: TaskRun) => (ms * NICE_0_WEIGHT) / t.weight;
  const avgVruntime = () => (sumW > 0 ? sumWV / sumW : emptyV);
  const eligible = (t: TaskRun, V: number) => t.vruntime <= V + VRUNTIME_EPS;

  /** Earliest-deadline eligible queued task (not removed), or the smallest-vruntime one as a fallback. */
  function best(): TaskRun | undefined {
    return tree.bestEligible(avgVruntime(), VRUNTIME_EPS) ?? tree.leftmost();
  }

  function add(t: TaskRun): void {
    sumW += t.weight;
    sumWV += t.weight * t.vruntime;
    nrRunning++;
  }

  function values(t: TaskRun, V: number): DecisionValues {
    return { vruntime: t.vruntime, deadline: t.deadline, lag: V - t.vruntime };
  }

  return {
    enqueue(t, _now, reason) {
      // A migrating task is placed like a waking one, with the lag it left with (as the kernel does).
      if (reason === "arrival" || reason === "wakeup" || reason === "migrated") {
        // place_entity: keep the lag the task left with, scaled so that adding it leaves that lag intact.
        const V = avgVruntime();
        let lag = 0;
        if (c.placeLag && nrRunning > 0 && !t.isNew) lag = (t.vlag * (sumW + t.weight)) / sumW;
        t.vruntime = V - lag;
        let vslice = toVirtual(sliceOf(t), t);
        if (t.isNew && c.placeDeadlineInitial) vslice /= 2;
        t.deadline = t.vruntime + vslice;
        t.isNew = false;
        add(t);
      } else if (curr === t) {
        curr = null;
      }
      tree.insert(t);
    },
    pick(): Pick | undefined {
      const V = avgVruntime();
      const task = best();
      if (!task) return undefined;
      tree.remove(task);
      curr = task;
      task.execAtPick = task.cpuTime;
      task.protectedDeadline = task.deadline;
      reschedPending = false;
      const isEligible = eligible(task, V);
      return {
        task,
        rule: isEligible ? "eevdf-earliest-eligible-deadline" : "eevdf-fallback-min-vruntime",
        message: isEligible
          ? `EEVDF picks ${task.id}: eligible (lag ${fmt(V - task.vruntime)}), earliest virtual deadline ${fmt(task.deadline)}; V = ${fmt(V)}.`
          : `EEVDF picks ${task.id}: no task is eligible (rounding), so the smallest vruntime ${fmt(task.vruntime)} runs.`,
      };
    },
    snapshot(limit) {
      const V = avgVruntime();
      const all = tree.toArray();
      all.sort((a, b) => {
        const ea = eligible(a, V) ? 0 : 1;
        const eb = eligible(b, V) ? 0 : 1;
        if (ea !== eb) return ea - eb;
        return keyLess(a.deadline, b.deadline, a, b) ? -1 : 1;
      });
      return all.slice(0, limit).map((task) => ({ task, values: values(task, V) }));
    },
    values: (task) => values(task, avgVruntime()),
    charge(t, dt, probeCut) {
      const dv = toVirtual(dt, t);
      t.vruntime += dv;
      sumWV += t.weight * dv;
      // update_deadline: a used-up slice earns a new deadline and, with company, a reschedule.
      if (!probeCut && t.vruntime >= t.deadline - VRUNTIME_EPS) {
        t.deadline = t.vruntime + toVirtual(sliceOf(t), t);
        if (nrRunning > 1) reschedPending = true;
      }
    },
    onTick() {
      const r = reschedPending;
      reschedPending = false;
      return r;
    },
    preempts(t, woken) {
      if (reschedPending) {
        reschedPending = false;
        return true;
      }
      if (t.cls === "idle" && woken.cls !== "idle") return true;
      if (woken.cls === "idle" && t.cls !== "idle") return false;
      const V = avgVruntime();
      const currEligible = eligible(t, V);
      // RUN_TO_PARITY: an eligible task keeps the CPU until its current deadline is used up.
      if (c.runToParity && currEligible && t.deadline === t.protectedDeadline) return false;
      const b = best();
      if (b !== woken) return false;
      return !(currEligible && t.deadline < woken.deadline);
    },
    onLeave(t, finished) {
      leave(t, finished);
      if (curr === t) curr = null;
      reschedPending = false;
    },
    remove(t) {
      tree.remove(t);
      leave(t, false);
    },
    count: () => tree.size,
  };

  /** Takes t out of the queue's sums; a task that may come back keeps its (clamped) lag. */
  function leave(t: TaskRun, finished: boolean): void {
    const V = avgVruntime();
    if (!finished) {
      const limit = toVirtual(Math.max(2 * sliceOf(t), tickMs), t);
      t.vlag = Math.max(-limit, Math.min(limit, V - t.vruntime));
    }
    sumW -= t.weight;
    sumWV -= t.weight * t.vruntime;
    nrRunning--;
    if (nrRunning === 0) {
      emptyV = t.vruntime;
      sumW = 0;
      sumWV = 0;
    }
  }
}
