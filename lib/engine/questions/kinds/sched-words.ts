// The conventions in force for a scheduling question, in plain words, so a student is never graded on
// a rule nobody told them.
import type { PolicyConfig, Workload } from "../../sched/index";
import { formatNumber } from "../grading";

export function describePolicy(p: PolicyConfig): string {
  switch (p.name) {
    case "fifo":
      return "FIFO (first come, first served): each job runs to completion, in the order the jobs became ready.";
    case "sjf":
      return "SJF (non-preemptive): whenever the CPU is free it runs the ready job with the shortest CPU burst (with I/O: its next CPU burst); a running job is never preempted.";
    case "stcf":
      return "STCF (preemptive shortest job first, also called SRTF): whenever a job arrives (or wakes from I/O), the job with the least time left in its current CPU burst runs, even if that preempts the running job; a newcomer preempts only with strictly less time left.";
    case "rr":
      return `Round robin with a ${formatNumber(p.quantum)} ms quantum: a job that uses up its quantum goes to the back of the ready queue; a job that finishes or blocks early gives up the rest of its quantum.`;
    case "priority":
      return `Priority scheduling (${p.preemptive ? "preemptive: a newly ready job with a strictly higher priority preempts the running one" : "non-preemptive: a running job keeps the CPU until it finishes or blocks"}); a ${p.higherIs === "lower-number" ? "lower" : "higher"} number means a higher priority.`;
    case "mlfq":
      return [
        `MLFQ with ${p.quanta.length} levels (quanta ${p.quanta.map(formatNumber).join(", ")} ms from the top level down); new jobs start at the top level.`,
        "A job at a higher level always runs first: an arrival at a higher level preempts at once, and the preempted job stays at the head of its queue with the rest of its quantum; jobs at the same level take turns round robin.",
        p.allotments.every((a, i) => a === p.quanta[i])
          ? "A job that has used one quantum of CPU at a level moves down one level (the bottom level keeps it)."
          : `A job that has used its allotment at a level (${p.allotments.map(formatNumber).join(", ")} ms from the top down) moves down one level (the bottom level keeps it).`,
        p.ioResetsAllotment ? "Giving up the CPU before the allotment is used resets it (the old, gameable rule)." : "",
        p.boostPeriod > 0
          ? `All jobs are boosted back to the top level every ${formatNumber(p.boostPeriod)} ms (at t = ${formatNumber(p.boostPeriod)}, ${formatNumber(2 * p.boostPeriod)}, …) with a fresh quantum, keeping their order, higher levels first.`
          : "There is no priority boost.",
      ]
        .filter((s) => s !== "")
        .join(" ");
    case "lottery":
      return `Lottery scheduling with a ${formatNumber(p.quantum)} ms quantum: each quantum goes to the holder of a ticket drawn at random (seed ${p.seed}).`;
    case "stride":
      return `Stride scheduling with a ${formatNumber(p.quantum)} ms quantum: the task with the smallest pass runs; its pass then grows by its stride (${formatNumber(p.strideConstant)} / tickets).`;
    case "cfs":
      return `Linux CFS: the runnable task with the smallest vruntime runs; vruntime grows by (time run × 1024 / weight), with weights from the nice values. Preemption happens only at timer ticks (HZ=${p.hz}, every ${formatNumber(1000 / p.hz)} ms), wakeups and blocking.`;
    case "eevdf":
      return `Linux EEVDF (the fair class since Linux 6.6): among eligible tasks (lag ≥ 0) the one with the earliest virtual deadline (vruntime + slice × 1024 / weight) runs; base slice ${formatNumber(p.baseSliceMs)} ms${p.placeDeadlineInitial ? "; a new task starts at the average vruntime with its first deadline half a slice away" : ""}. Preemption happens only at timer ticks (HZ=${p.hz}, every ${formatNumber(1000 / p.hz)} ms), wakeups and blocking.`;
  }
}

export function usesQuantum(w: Workload): boolean {
  const n = w.policy.name;
  return n === "rr" || n === "mlfq" || n === "lottery" || n === "stride" || w.tasks.some((t) => t.class === "rr");
}

export function describeTieBreak(w: Workload): string {
  switch (w.conventions.tieBreak) {
    case "arrival":
      return "Ties (jobs ready at the same instant, or equal values) go to the job that arrived first, then to the one listed first in the table.";
    case "list":
      return "Ties (jobs ready at the same instant, or equal values) go to the job listed first in the table.";
    case "id":
      return "Ties (jobs ready at the same instant, or equal values) go to the job whose name comes first alphabetically.";
  }
}

export function describeArrivalVsExpired(w: Workload): string {
  return w.conventions.arrivalVsExpired === "arrival-first"
    ? "When a job arrives (or wakes) at the same instant another job's quantum expires, the newcomer joins the ready queue first, ahead of the job that was just preempted."
    : "When a job arrives (or wakes) at the same instant another job's quantum expires, the preempted job goes back into the ready queue first, ahead of the newcomer.";
}

export function describeSwitchCost(w: Workload, switchMs: number): string {
  const c = w.switchCost;
  if (switchMs > 0) {
    return `Every switch from one job to a different job takes ${formatNumber(switchMs)} ms of CPU time (paint it as "cs"); the first dispatch and switches to or from an idle CPU are free.`;
  }
  if (c.chargeTime) {
    return `Context switches take CPU time: ${formatNumber(c.threadUs)} µs between threads of one process, ${formatNumber(c.processUs)} µs between processes${c.userUs !== c.threadUs ? `, ${formatNumber(c.userUs)} µs between user-space threads` : ""}.`;
  }
  return "Context switches take no CPU time in the schedule.";
}

/** The RT quantum and what limits RT tasks (throttle or fair server), for the Linux policies. */
export function describeRtLimits(w: Workload): string | null {
  const p = w.policy;
  if (p.name !== "eevdf" && p.name !== "cfs") return null;
  const parts: string[] = [];
  if (w.tasks.some((t) => t.class === "rr"))
    parts.push(
      `SCHED_RR tasks get a ${formatNumber(p.rrTimesliceMs)} ms quantum, then go to the tail of their priority's list.`,
    );
  if (p.throttle === "throttle") {
    parts.push(
      `RT throttling (kernels before 6.12): real-time tasks may use at most ${formatNumber(p.rtRuntimeMs)} ms of every ${formatNumber(p.rtPeriodMs)} ms, the period starting when a real-time task is first enqueued (not at t=0); for the rest of each period the CPU runs normal tasks, or idles if there are none.`,
    );
  } else if (p.throttle === "fair-server") {
    parts.push(
      `Fair server (Linux 6.12+): while normal tasks are runnable they get ${formatNumber(p.fairServerMs)} ms of every ${formatNumber(p.rtPeriodMs)} ms, served as late as possible; with no normal task runnable, real-time tasks may use the whole CPU.`,
    );
  } else {
    parts.push("Real-time tasks are never throttled: they may starve normal tasks forever.");
  }
  return parts.join(" ");
}

/** Only real-time tasks under a Linux policy: the fair class's rules would be noise. */
function onlyRealtime(w: Workload): boolean {
  return (
    (w.policy.name === "eevdf" || w.policy.name === "cfs") &&
    w.tasks.every((t) => t.class === "fifo" || t.class === "rr")
  );
}

export function scheduleConventions(w: Workload, opts: { switchMs: number; slotMs?: number }): string[] {
  const first = onlyRealtime(w)
    ? "Linux real-time scheduling: every task here is real-time, so the fair class (EEVDF since Linux 6.6) plays no part."
    : describePolicy(w.policy);
  const out = [first, describeTieBreak(w)];
  if (usesQuantum(w)) out.push(describeArrivalVsExpired(w));
  if (w.tasks.some((t) => t.class === "fifo" || t.class === "rr")) {
    out.push(
      "Real-time tasks (SCHED_FIFO / SCHED_RR, priority 1–99, higher runs first) always run before normal tasks; a preempted real-time task stays at the head of its priority's list.",
    );
    const rt = describeRtLimits(w);
    if (rt) out.push(rt);
  }
  if (w.tasks.some((t) => t.bursts.length > 1))
    out.push("After each CPU burst a job blocks for the following I/O burst, then becomes ready again.");
  out.push(describeSwitchCost(w, opts.switchMs));
  if (w.horizon !== undefined) out.push(`The run is cut off at t=${formatNumber(w.horizon)} ms.`);
  if (opts.slotMs !== undefined) {
    out.push(`Each slot is ${formatNumber(opts.slotMs)} ms; paint a slot "idle" when no job is running.`);
  }
  return out;
}
