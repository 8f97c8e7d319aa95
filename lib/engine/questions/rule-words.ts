// Scheduling rule ids (the decision log's machine-readable names) in words a student understands. Kept
// free of imports so the browser's replay can name a rule without bundling the simulator.
/** What each sched rule compares, as a clause that reads after "At t=… ms X and Y are ready;". */
const RULE_WORDS: Record<string, string> = {
  "fifo-head": "FIFO runs the job that became ready first",
  "sjf-shortest-burst": "SJF gives a free CPU to the ready job with the shortest burst",
  "stcf-shortest-remaining": "STCF runs the job with the least remaining time",
  "rr-head": "round robin runs the job at the head of the ready queue",
  "priority-highest": "the CPU goes to the highest-priority ready job",
  "priority-preemptive-highest": "the highest-priority ready job runs, preempting a lower one",
  "mlfq-highest-level": "MLFQ runs the head of the highest non-empty queue",
  "lottery-draw": "the lottery draw picks the holder of the winning ticket",
  "stride-min-pass": "stride scheduling runs the task with the smallest pass",
  "cfs-min-vruntime": "CFS runs the task with the smallest vruntime",
  "eevdf-earliest-eligible-deadline": "EEVDF runs the eligible task (lag ≥ 0) with the earliest virtual deadline",
  "eevdf-fallback-min-vruntime": "no task is eligible, so EEVDF runs the one with the smallest vruntime",
  "rt-fifo-highest-priority": "real-time tasks run before fair ones, highest priority first",
  "rt-rr-highest-priority": "real-time tasks run before fair ones, highest priority first",
};

/** A scheduling rule id (from the decision log) in words a student understands; undefined for unknown ids. */
export function ruleWords(rule: string): string | undefined {
  return (
    RULE_WORDS[rule] ??
    (rule.startsWith("rt-throttled+")
      ? `real-time tasks are throttled, so ${RULE_WORDS[rule.slice("rt-throttled+".length)] ?? "the fair class runs"}`
      : undefined)
  );
}
