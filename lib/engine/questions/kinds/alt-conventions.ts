// "Right, under another convention": the schedules a student gets by applying a rule that textbooks or
// courses commonly use instead of ours. An answer that matches one of these exactly earns
// grading.conventionCredit and the convention is named in the report.
import { simulate } from "../../sched/index";
import type { Workload } from "../../sched/index";
import { IDLE, sameTimeline, slotsFromSim } from "../timeline";
import { usesQuantum } from "./sched-words";

export interface AltConvention {
  name: string;
  description: string;
  workload: Workload;
}

export function alternativeConventions(w: Workload): AltConvention[] {
  const alts: AltConvention[] = [];
  const p = w.policy;
  const withPolicy = (policy: Workload["policy"]): Workload => ({ ...w, policy });
  if (usesQuantum(w)) {
    const flipped = w.conventions.arrivalVsExpired === "arrival-first" ? "expired-first" : "arrival-first";
    alts.push({
      name:
        flipped === "expired-first"
          ? "preempted job queues before new arrivals"
          : "new arrivals queue before the preempted job",
      description:
        flipped === "expired-first"
          ? "You put the job whose quantum just expired back in the queue ahead of a job arriving at the same instant; here the new arrival goes first."
          : "You put a job arriving at the same instant ahead of the job whose quantum just expired; here the preempted job goes first.",
      workload: { ...w, conventions: { ...w.conventions, arrivalVsExpired: flipped } },
    });
  }
  for (const tieBreak of ["arrival", "id", "list"] as const) {
    if (tieBreak === w.conventions.tieBreak) continue;
    const words = { arrival: "by arrival time", id: "alphabetically by name", list: "by table order" }[tieBreak];
    alts.push({
      name: `ties broken ${words}`,
      description: `You broke ties ${words}; this question breaks them ${{ arrival: "by arrival time", id: "alphabetically by name", list: "by table order" }[w.conventions.tieBreak]}.`,
      workload: { ...w, conventions: { ...w.conventions, tieBreak } },
    });
  }
  if (p.name === "stcf") {
    alts.push({
      name: "SJF instead of STCF",
      description:
        "You scheduled non-preemptively (SJF: a running job is never preempted); STCF preempts when a shorter job arrives.",
      workload: withPolicy({ name: "sjf" }),
    });
  }
  if (p.name === "sjf") {
    alts.push({
      name: "STCF instead of SJF",
      description: "You let a newly arrived shorter job preempt the running one (STCF); SJF never preempts.",
      workload: withPolicy({ name: "stcf" }),
    });
  }
  if (p.name === "rr") {
    alts.push({
      name: "FIFO instead of round robin",
      description: "You ran each job to completion (FIFO); round robin takes the CPU away when the quantum expires.",
      workload: withPolicy({ name: "fifo" }),
    });
  }
  if (p.name === "priority") {
    alts.push({
      name: "priority direction flipped",
      description: `You treated a ${p.higherIs === "lower-number" ? "higher" : "lower"} number as the higher priority; here a ${p.higherIs === "lower-number" ? "lower" : "higher"} number wins.`,
      workload: withPolicy({ ...p, higherIs: p.higherIs === "lower-number" ? "higher-number" : "lower-number" }),
    });
    alts.push({
      name: p.preemptive ? "non-preemptive priority" : "preemptive priority",
      description: p.preemptive
        ? "You let the running job keep the CPU when a higher-priority job arrived; this question preempts it."
        : "You preempted the running job when a higher-priority job arrived; this question lets it finish its burst.",
      workload: withPolicy({ ...p, preemptive: !p.preemptive }),
    });
  }
  if (w.switchCost.chargeTime && w.switchCost.threadUs + w.switchCost.processUs + w.switchCost.userUs > 0) {
    alts.push({
      name: "switch cost not charged",
      description: "You left out the context-switch overhead; in this question each switch takes CPU time.",
      workload: { ...w, switchCost: { ...w.switchCost, chargeTime: false } },
    });
  }
  return alts;
}

/**
 * Finds the alternative convention whose schedule the student's timeline reproduces exactly. Shorter
 * alternative schedules count as padded with idle slots (the grid is the reference's length).
 */
export function matchAlternative(
  w: Workload,
  reference: readonly string[],
  got: readonly (string | null)[],
  slotMs: number,
): AltConvention | null {
  for (const alt of alternativeConventions(w)) {
    const s = slotsFromSim(simulate(alt.workload), slotMs, reference.length);
    if (!s.ok) continue;
    const padded = [...s.slots, ...new Array<string>(Math.max(0, reference.length - s.slots.length)).fill(IDLE)];
    if (sameTimeline(padded, reference)) continue;
    if (sameTimeline(padded, got)) return alt;
  }
  return null;
}
