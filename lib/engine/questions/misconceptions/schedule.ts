// The misconception catalogue for timelines (issue #21): each entry is a named transformation of the
// question's workload that a student plausibly applies by mistake (non-preemptive SJF for STCF, a quantum
// off by one, I/O ignored…). The grader runs every entry that applies through the real simulator and
// names the ones whose schedule the student's answer reproduces, with the instant where the
// misconception and the truth part ways, explained from the variant's own numbers.
import { simulate } from "../../sched/index";
import type { PolicyConfig, SchedState, SimResult, Workload } from "../../sched/index";
import { statesAt } from "../../sched/simulate";
import { formatNumber } from "../grading";
import { IDLE, slotsFromSim, SWITCH } from "../timeline";
import type { MisconceptionMatch, TimelineValue } from "../types";
import { usesQuantum } from "../kinds/sched-words";
import { DEFAULT_CFS } from "../../sched/defaults";

/** What an entry's explanation may read: the truth and the misconception at the instant they part. */
export interface PartingContext {
  truth: Workload;
  truthSim: SimResult;
  misconceived: Workload;
  /** The instant (ms) and slot where the two schedules first differ. */
  time: number;
  slot: number;
  /** What runs there in the truth and under the misconception (a task id, "idle" or "cs"). */
  expected: string;
  misconceivedSlot: string;
  /** What ran in the slot before (undefined at t=0). */
  previous: string | undefined;
  /** The engine's state at `time` in the truth (stateAt). */
  state: SchedState;
}

export interface ScheduleMisconception {
  id: string;
  /** Its name in lists and headings, e.g. "Non-preemptive SJF instead of STCF". */
  name: string;
  /** The misconceived schedule in words, for "Your schedule is exactly <shape>". */
  shape(w: Workload): string;
  source?: string;
  /** Null when the entry does not apply to this workload (or would give the same schedule by construction). */
  transform(w: Workload): Workload | null;
  /** Why the truth does what it does at the parting instant and the misconception does not. */
  why(c: PartingContext): string;
}

const OSTEP7 = "OSTEP ch. 7 (Scheduling: Introduction)";

const TEXTBOOK: ReadonlySet<PolicyConfig["name"]> = new Set([
  "fifo",
  "sjf",
  "stcf",
  "rr",
  "priority",
  "mlfq",
  "stride",
  "lottery",
]);

/** Entries about textbook rules (arrivals, I/O, switch cost, FIFO) apply to the textbook policies only; the Linux classes have their own entries. */
function textbook(w: Workload): boolean {
  return TEXTBOOK.has(w.policy.name) && w.tasks.every((t) => t.class === undefined || t.class === "other");
}

function policyName(p: PolicyConfig): string {
  switch (p.name) {
    case "fifo":
      return "FIFO";
    case "sjf":
      return "SJF";
    case "stcf":
      return "STCF";
    case "rr":
      return "round robin";
    case "priority":
      return p.preemptive ? "preemptive priority" : "non-preemptive priority";
    case "mlfq":
      return "MLFQ";
    case "stride":
      return "stride scheduling";
    case "lottery":
      return "lottery scheduling";
    default:
      return p.name.toUpperCase();
  }
}

function slotWords(v: string): string {
  return v === IDLE ? "the CPU idles" : v === SWITCH ? "the CPU is switching" : `${v} runs`;
}

function taskValue(st: SchedState, task: string, key: "remaining" | "priority"): number | null | undefined {
  const x = st.running?.task === task ? st.running : st.ready.find((r) => r.task === task);
  return x?.values[key];
}

function remainingText(st: SchedState, task: string): string {
  const r = taskValue(st, task, "remaining");
  return r === undefined ? "" : r === null ? " (no end)" : ` (${formatNumber(r)} ms left)`;
}

function isTask(v: string | undefined): v is string {
  return v !== undefined && v !== IDLE && v !== SWITCH;
}

/** "At t=3 ms STCF runs C (2 ms left); your timeline keeps B (4 ms left)". */
function contrast(c: PartingContext, values: (task: string) => string): string {
  const t = formatNumber(c.time);
  const truth = isTask(c.expected) ? `${c.expected} runs${values(c.expected)}` : slotWords(c.expected);
  const keeps = isTask(c.misconceivedSlot) && c.misconceivedSlot === c.previous;
  const mine = isTask(c.misconceivedSlot)
    ? `${keeps ? "keeps" : "runs"} ${c.misconceivedSlot}${values(c.misconceivedSlot)}`
    : c.misconceivedSlot === IDLE
      ? "leaves the CPU idle"
      : "paints a switch";
  return `At t=${t} ms ${truth}; your timeline ${mine}`;
}

const remaining = (c: PartingContext) => (task: string) => remainingText(c.state, task);
const priorityOf = (c: PartingContext) => (task: string) => {
  const p = c.truth.tasks.find((x) => x.id === task)?.priority;
  return p === undefined ? "" : ` (priority ${p})`;
};
const noValues = () => "";

function withPolicy(w: Workload, policy: PolicyConfig): Workload {
  return { ...w, policy };
}

/** The slice of `task` that covers or ends at `time` in a run. */
function sliceAround(sim: SimResult, task: string, time: number) {
  return sim.slices.find((s) => s.task === task && s.start <= time + 1e-9 && s.end >= time - 1e-9);
}

type LinuxPolicy = Extract<PolicyConfig, { name: "cfs" | "eevdf" }>;

function linux(w: Workload): LinuxPolicy | null {
  return w.policy.name === "cfs" || w.policy.name === "eevdf" ? w.policy : null;
}

const isRtTask = (t: Workload["tasks"][number]) => t.class === "fifo" || t.class === "rr";
const isFairTask = (t: Workload["tasks"][number]) => !isRtTask(t);

/** The fair-class values of a task at the parting instant: "(vruntime 3.2, deadline 4.1, lag −0.4)". */
const fairValues = (c: PartingContext) => (task: string) => {
  const x = c.state.running?.task === task ? c.state.running : c.state.ready.find((r) => r.task === task);
  if (!x) return "";
  const v = x.values;
  const bits = [
    typeof v["vruntime"] === "number" ? `vruntime ${formatNumber(Math.round(v["vruntime"] * 1000) / 1000)}` : "",
    typeof v["deadline"] === "number" ? `deadline ${formatNumber(Math.round(v["deadline"] * 1000) / 1000)}` : "",
    typeof v["lag"] === "number" ? `lag ${formatNumber(Math.round(v["lag"] * 1000) / 1000)}` : "",
  ].filter(Boolean);
  return bits.length > 0 ? ` (${bits.join(", ")})` : "";
};

const SCHED_EEVDF = "Linux Documentation/scheduler/sched-eevdf.rst";
const SCHED_RT = "Linux Documentation/scheduler/sched-rt-group.rst";

function switchMsOf(w: Workload): number {
  return Math.max(w.switchCost.threadUs, w.switchCost.processUs, w.switchCost.userUs) / 1000;
}

/** Most specific first: the order in which matches are reported when several fit equally well. */
export const SCHEDULE_MISCONCEPTIONS: readonly ScheduleMisconception[] = [
  {
    id: "sjf-for-stcf",
    name: "Non-preemptive SJF instead of STCF",
    shape: () => "non-preemptive SJF",
    source: OSTEP7,
    transform: (w) => (w.policy.name === "stcf" ? withPolicy(w, { name: "sjf" }) : null),
    why: (c) =>
      `${contrast(c, remaining(c))}. STCF looks again whenever a job arrives and runs the one with the least remaining time, preempting the running job; non-preemptive SJF lets a running job finish its burst.`,
  },
  {
    id: "stcf-for-sjf",
    name: "Preemptive STCF instead of SJF",
    shape: () => "preemptive STCF",
    source: OSTEP7,
    transform: (w) => (w.policy.name === "sjf" ? withPolicy(w, { name: "stcf" }) : null),
    why: (c) =>
      `${contrast(c, remaining(c))}. SJF chooses only when the CPU becomes free and never takes it from a running job, even when a shorter job arrives; preempting for a shorter job is STCF.`,
  },
  {
    id: "priority-preemption-flipped",
    name: "Preemption rule of priority scheduling flipped",
    shape: (w) =>
      `${(w.policy as Extract<PolicyConfig, { name: "priority" }>).preemptive ? "non-preemptive" : "preemptive"} priority scheduling`,
    transform: (w) =>
      w.policy.name === "priority" ? withPolicy(w, { ...w.policy, preemptive: !w.policy.preemptive }) : null,
    why: (c) => {
      const p = c.truth.policy as Extract<PolicyConfig, { name: "priority" }>;
      return `${contrast(c, priorityOf(c))}. ${
        p.preemptive
          ? "This question preempts: a newly ready job with a higher priority takes the CPU at once."
          : "This question does not preempt: a running job keeps the CPU until its burst ends, whatever arrives."
      } Your timeline follows the ${p.preemptive ? "non-preemptive" : "preemptive"} rule.`;
    },
  },
  {
    id: "priority-reversed",
    name: "Priority direction reversed",
    shape: () => "priority scheduling with the priority numbers read the other way round",
    transform: (w) =>
      w.policy.name === "priority"
        ? withPolicy(w, {
            ...w.policy,
            higherIs: w.policy.higherIs === "lower-number" ? "higher-number" : "lower-number",
          })
        : null,
    why: (c) => {
      const p = c.truth.policy as Extract<PolicyConfig, { name: "priority" }>;
      const wins = p.higherIs === "lower-number" ? "lower" : "higher";
      const other = wins === "lower" ? "higher" : "lower";
      return `${contrast(c, priorityOf(c))}. Here a ${wins} number means a higher priority; your timeline treats the ${other} number as the more important job.`;
    },
  },
  {
    id: "rr-quantum-plus-one",
    name: "Round robin quantum one too long",
    shape: (w) =>
      `round robin with a ${formatNumber((w.policy as Extract<PolicyConfig, { name: "rr" }>).quantum + 1)} ms quantum`,
    source: OSTEP7,
    transform: (w) => (w.policy.name === "rr" ? withPolicy(w, { ...w.policy, quantum: w.policy.quantum + 1 }) : null),
    why: (c) => quantumWhy(c, +1),
  },
  {
    id: "rr-quantum-minus-one",
    name: "Round robin quantum one too short",
    shape: (w) =>
      `round robin with a ${formatNumber((w.policy as Extract<PolicyConfig, { name: "rr" }>).quantum - 1)} ms quantum`,
    source: OSTEP7,
    transform: (w) =>
      w.policy.name === "rr" && w.policy.quantum > 1
        ? withPolicy(w, { ...w.policy, quantum: w.policy.quantum - 1 })
        : null,
    why: (c) => quantumWhy(c, -1),
  },
  {
    id: "rr-quantum-restarts-on-arrival",
    name: "Round robin quantum restarted when a job arrives",
    shape: (w) =>
      `round robin whose ${formatNumber((w.policy as Extract<PolicyConfig, { name: "rr" }>).quantum)} ms quantum starts again whenever a job arrives`,
    source: OSTEP7,
    transform: (w) =>
      w.policy.name === "rr" && !w.policy.restartQuantumOnArrival
        ? withPolicy(w, { ...w.policy, restartQuantumOnArrival: true })
        : null,
    why: (c) => {
      const q = (c.truth.policy as Extract<PolicyConfig, { name: "rr" }>).quantum;
      const who = isTask(c.previous) ? c.previous : isTask(c.expected) ? c.expected : undefined;
      const s = who ? sliceAround(c.truthSim, who, c.time) : undefined;
      const began =
        s && who
          ? ` ${who}'s turn began at t=${formatNumber(s.start)} ms, and a job that arrives during it does not change when it ends.`
          : "";
      return `${contrast(c, noValues)}. A quantum counts from the moment a job is dispatched: ${formatNumber(q)} ms later it goes to the back of the queue.${began} Your timeline restarts the running job's quantum when another job arrives.`;
    },
  },
  {
    id: "arrival-queue-order-flipped",
    name: "New arrival and preempted job queued the other way round",
    shape: (w) =>
      `${policyName(w.policy)} with ${w.conventions.arrivalVsExpired === "arrival-first" ? "the preempted job queued ahead of a job arriving at the same instant" : "a job arriving at the same instant queued ahead of the preempted job"}`,
    transform: (w) =>
      textbook(w) && usesQuantum(w)
        ? {
            ...w,
            conventions: {
              ...w.conventions,
              arrivalVsExpired: w.conventions.arrivalVsExpired === "arrival-first" ? "expired-first" : "arrival-first",
            },
          }
        : null,
    why: (c) => {
      const first = c.truth.conventions.arrivalVsExpired === "arrival-first";
      const prev = isTask(c.previous) ? c.previous : "the running job";
      return `${contrast(c, noValues)}. When a job arrives (or wakes) at the instant ${prev}'s quantum expires, this question queues ${first ? `the newcomer ahead of ${prev}` : `${prev} ahead of the newcomer`}; your timeline queues them the other way round.`;
    },
  },
  {
    id: "mlfq-boost-ignored",
    name: "MLFQ priority boost ignored",
    shape: () => "MLFQ without the priority boost",
    source: "OSTEP ch. 8 (MLFQ), rule 5",
    transform: (w) =>
      w.policy.name === "mlfq" && w.policy.boostPeriod > 0 ? withPolicy(w, { ...w.policy, boostPeriod: 0 }) : null,
    why: (c) => {
      const s = (c.truth.policy as Extract<PolicyConfig, { name: "mlfq" }>).boostPeriod;
      const last = Math.floor(c.time / s + 1e-9) * s;
      return `${contrast(c, noValues)}. Every ${formatNumber(s)} ms every job goes back to the top queue (the priority boost)${last > 0 ? `; the last boost before this was at t=${formatNumber(last)} ms` : ""}. Your timeline never boosts.`;
    },
  },
  {
    id: "switch-cost-omitted",
    name: "Context-switch overhead left out",
    shape: () => "the schedule without context-switch overhead",
    transform: (w) =>
      textbook(w) && w.switchCost.chargeTime && switchMsOf(w) > 0
        ? { ...w, switchCost: { ...w.switchCost, chargeTime: false } }
        : null,
    why: (c) =>
      `${contrast(c, noValues)}. In this question each switch from one job to another takes ${formatNumber(switchMsOf(c.truth))} ms of CPU time (painted as a switch); your timeline leaves it out.`,
  },
  {
    id: "switch-cost-doubled",
    name: "Context-switch overhead charged twice",
    shape: () => "the schedule with every context switch charged twice",
    transform: (w) => {
      if (!textbook(w) || !w.switchCost.chargeTime || switchMsOf(w) <= 0) return null;
      const c = w.switchCost;
      return {
        ...w,
        switchCost: {
          ...c,
          threadUs: 2 * c.threadUs,
          processUs: 2 * c.processUs,
          userUs: 2 * c.userUs,
          idleUs: 2 * c.idleUs,
        },
      };
    },
    why: (c) =>
      `${contrast(c, noValues)}. Each switch from one job to another costs ${formatNumber(switchMsOf(c.truth))} ms once; your timeline charges ${formatNumber(2 * switchMsOf(c.truth))} ms.`,
  },
  {
    id: "arrivals-ignored",
    name: "Arrival times ignored",
    shape: () => "the schedule with every job arriving at t=0",
    source: OSTEP7,
    transform: (w) =>
      textbook(w) && w.tasks.some((t) => t.arrival > 0)
        ? { ...w, tasks: w.tasks.map((t) => ({ ...t, arrival: 0 })) }
        : null,
    why: (c) => {
      const late = isTask(c.misconceivedSlot)
        ? c.truth.tasks.find((t) => t.id === c.misconceivedSlot && t.arrival > c.time + 1e-9)
        : undefined;
      const note = late
        ? `${late.id} only arrives at t=${formatNumber(late.arrival)} ms, so it cannot run yet`
        : `the jobs arrive at different times (${c.truth.tasks.map((t) => `${t.id} at t=${formatNumber(t.arrival)}`).join(", ")}), and a job competes only once it has arrived`;
      return `${contrast(c, noValues)}. ${note[0]!.toUpperCase()}${note.slice(1)}; your timeline treats every job as ready at t=0.`;
    },
  },
  {
    // "I/O ignored" made executable faithfully: a job that should block keeps the CPU for the length of
    // its I/O, i.e. each I/O burst is merged into the CPU bursts around it (not deleted: the student who
    // holds this belief still pays the time, only on the CPU).
    id: "io-ignored",
    name: "I/O ignored: a blocked job keeps the CPU",
    shape: () => "the schedule in which a job doing I/O keeps the CPU",
    source: "OSTEP ch. 7 (Incorporating I/O)",
    transform: (w) =>
      textbook(w) && w.tasks.some((t) => t.bursts.length > 1)
        ? {
            ...w,
            tasks: w.tasks.map((t) =>
              t.bursts.length > 1 ? { ...t, bursts: [t.bursts.reduce((a, b) => a + b, 0)] } : t,
            ),
          }
        : null,
    why: (c) => {
      const asleep = isTask(c.misconceivedSlot)
        ? c.state.blocked.find((b) => b.task === c.misconceivedSlot)
        : undefined;
      const note = asleep
        ? `${asleep.task} is blocked in I/O until t=${formatNumber(asleep.wakesAt)} ms, and a blocked job cannot hold the CPU`
        : "a job that starts I/O gives up the CPU until its I/O ends, so another job runs meanwhile";
      return `${contrast(c, noValues)}. Here ${note}; your timeline lets a job keep the CPU through its I/O as if it were computing.`;
    },
  },
  {
    id: "cfs-for-eevdf",
    name: "CFS's smallest-vruntime pick instead of EEVDF",
    shape: () => "CFS (the task with the smallest vruntime runs)",
    source: SCHED_EEVDF,
    transform: (w) => {
      const p = linux(w);
      if (!p || p.name !== "eevdf" || w.tasks.filter(isFairTask).length < 2) return null;
      const { rrTimesliceMs, throttle, rtRuntimeMs, rtPeriodMs, fairServerMs, hz, cpusForScaling } = p;
      return withPolicy(w, {
        ...DEFAULT_CFS,
        name: "cfs",
        hz,
        cpusForScaling,
        rrTimesliceMs,
        throttle,
        rtRuntimeMs,
        rtPeriodMs,
        fairServerMs,
      });
    },
    why: (c) =>
      `${contrast(c, fairValues(c))}. EEVDF runs, among the eligible tasks (lag ≥ 0: vruntime no more than the weighted average), the one with the earliest virtual deadline (vruntime + slice × 1024 / weight); picking the smallest vruntime is the CFS rule it replaced in Linux 6.6.`,
  },
  {
    id: "preempt-at-slice-expiry",
    name: "Preemption at slice expiry instead of at the next tick",
    shape: (w) => `${w.policy.name === "eevdf" ? "EEVDF" : "CFS"} preempting the moment a slice runs out`,
    source: SCHED_EEVDF,
    transform: (w) => {
      const p = linux(w);
      // 10 kHz is the largest HZ the engine accepts: a 0.1 ms tick stands for "checked continuously".
      if (!p || p.hz >= 10_000 || w.tasks.filter(isFairTask).length < 2) return null;
      return withPolicy(w, { ...p, hz: 10_000 });
    },
    why: (c) => {
      const hz = (c.truth.policy as LinuxPolicy).hz;
      return `${contrast(c, fairValues(c))}. The kernel only looks at the running task's slice on a timer tick (HZ=${hz}: every ${formatNumber(1000 / hz)} ms) or when a task wakes, so a task keeps the CPU past the end of its slice until the next tick; your timeline switches as soon as the slice is used up.`;
    },
  },
  {
    id: "rt-throttling-ignored",
    name: "RT throttling ignored",
    shape: () => "the schedule without RT throttling (real-time tasks never give way)",
    source: SCHED_RT,
    transform: (w) => {
      const p = linux(w);
      if (!p || p.throttle === "none" || !w.tasks.some(isRtTask) || !w.tasks.some(isFairTask)) return null;
      return withPolicy(w, { ...p, throttle: "none" });
    },
    why: (c) => {
      const p = c.truth.policy as LinuxPolicy;
      const rule =
        p.throttle === "throttle"
          ? `Real-time tasks may use at most ${formatNumber(p.rtRuntimeMs)} ms of every ${formatNumber(p.rtPeriodMs)} ms (sched_rt_runtime_us / sched_rt_period_us); for the rest of the period the CPU runs normal tasks`
          : `Since Linux 6.12 a deadline server gives starved normal tasks ${formatNumber(p.fairServerMs)} ms of every ${formatNumber(p.rtPeriodMs)} ms`;
      return `${contrast(c, noValues)}. ${rule}; your timeline lets the real-time tasks keep the CPU.`;
    },
  },
  {
    id: "rt-as-sharing",
    name: "Real-time tasks treated as sharing the CPU fairly",
    shape: () => "the schedule with the real-time tasks sharing the CPU like normal tasks",
    source: SCHED_RT,
    transform: (w) => {
      if (!linux(w) || !w.tasks.some(isRtTask) || w.tasks.length < 2) return null;
      return {
        ...w,
        tasks: w.tasks.map((t) =>
          isRtTask(t) ? (({ priority, ...rest }) => (void priority, { ...rest, class: "other" as const }))(t) : t,
        ),
      };
    },
    why: (c) => {
      const rt = c.truth.tasks
        .filter(isRtTask)
        .map((t) => `${t.id} (SCHED_${t.class!.toUpperCase()}, priority ${t.priority ?? 1})`);
      return `${contrast(c, noValues)}. ${rt.join(", ")} ${rt.length === 1 ? "is a real-time task" : "are real-time tasks"}: a runnable real-time task always runs before every normal task (up to the throttling limit), and among real-time tasks the higher priority wins; they do not share the CPU in proportion to weights.`;
    },
  },
  {
    id: "fifo-instead",
    name: "FIFO instead of the question's policy",
    shape: () => "FIFO (first come, first served)",
    source: OSTEP7,
    transform: (w) => (textbook(w) && w.policy.name !== "fifo" ? withPolicy(w, { name: "fifo" }) : null),
    why: (c) =>
      `${contrast(c, noValues)}. FIFO runs each job to completion in arrival order; this question uses ${policyName(c.truth.policy)}.`,
  },
];

function quantumWhy(c: PartingContext, delta: number): string {
  const q = (c.truth.policy as Extract<PolicyConfig, { name: "rr" }>).quantum;
  const head = contrast(c, noValues);
  // The job whose turn decides the instant: the one that ran just before (its quantum ends now, or not yet).
  const who = isTask(c.previous) ? c.previous : isTask(c.expected) ? c.expected : undefined;
  const s = who ? sliceAround(c.truthSim, who, c.time) : undefined;
  const turn =
    s && who
      ? ` ${who}'s turn began at t=${formatNumber(s.start)} ms${s.end - s.start >= q - 1e-9 && s.endReason === "quantum-expired" ? `, so its quantum expires at t=${formatNumber(s.start + q)} ms` : ""}.`
      : "";
  return `${head}. The quantum is ${formatNumber(q)} ms;${turn} Your timeline follows a ${formatNumber(q + delta)} ms quantum.`;
}

/** At most this many entries run per graded answer (each is one simulation of a small workload). */
export const MAX_SCHEDULE_ENTRIES = 20;

/** The misconception's schedule on the answer's grid, or null when it cannot be painted there. */
export function misconceivedSlots(w: Workload, slotMs: number, length: number): string[] | null {
  const sim = simulate(w);
  if (sim.stats.stoppedBy === "event-cap" || sim.stats.stoppedBy === "stalled") return null;
  // Longer than the grid is fine (the student only paints the grid), within reason.
  const s = slotsFromSim(sim, slotMs, Math.max(length * 4, length + 100));
  if (!s.ok) return null;
  const out = s.slots.slice(0, length);
  while (out.length < length) out.push(IDLE);
  return out;
}

export interface ScheduleCandidate {
  entry: ScheduleMisconception;
  workload: Workload;
  slots: string[];
  /** First slot where it differs from the truth. */
  parting: number;
}

/** The entries that apply to the variant and give a schedule different from the truth. */
export function scheduleCandidates(w: Workload, truth: readonly string[], slotMs: number): ScheduleCandidate[] {
  const out: ScheduleCandidate[] = [];
  for (const entry of SCHEDULE_MISCONCEPTIONS.slice(0, MAX_SCHEDULE_ENTRIES)) {
    const mw = entry.transform(w);
    if (!mw) continue;
    const slots = misconceivedSlots(mw, slotMs, truth.length);
    if (!slots) continue;
    const parting = slots.findIndex((x, i) => x !== truth[i]);
    if (parting < 0) continue;
    out.push({ entry, workload: mw, slots, parting });
  }
  return out;
}

/**
 * The misconceptions a wrong timeline reproduces: fully, or up to and including the slot where the
 * misconception parts from the truth. Full matches first, then catalogue order. The reference answer
 * can never match (a candidate differs from it at its parting slot, and a match agrees there).
 */
export function matchScheduleMisconceptions(
  truthW: Workload,
  truthSim: SimResult,
  truth: readonly string[],
  got: TimelineValue,
  slotMs: number,
): MisconceptionMatch[] {
  const hits: { c: ScheduleCandidate; full: boolean; agree: number }[] = [];
  for (const c of scheduleCandidates(truthW, truth, slotMs)) {
    const full = got.length === c.slots.length && c.slots.every((x, i) => x === got[i]);
    const prefix = full || c.slots.slice(0, c.parting + 1).every((x, i) => x === got[i]);
    if (prefix) hits.push({ c, full, agree: c.slots.filter((x, i) => x === got[i]).length });
  }
  if (hits.length === 0) return [];
  // Several entries can share the parting slot; the one the rest of the answer follows most closely is
  // the likelier belief (stable sort: catalogue order breaks ties).
  hits.sort((a, b) => Number(b.full) - Number(a.full) || b.agree - a.agree);
  const times = [...new Set(hits.map((h) => h.c.parting * slotMs))];
  const states = new Map(statesAt(truthW, times).map((s, i) => [times[i]!, s]));
  return hits.map(({ c, full }) => {
    const time = c.parting * slotMs;
    const ctx: PartingContext = {
      truth: truthW,
      truthSim,
      misconceived: c.workload,
      time,
      slot: c.parting,
      expected: truth[c.parting]!,
      misconceivedSlot: c.slots[c.parting]!,
      previous: c.parting > 0 ? truth[c.parting - 1] : undefined,
      state: states.get(time)!,
    };
    const lead = full
      ? `Your schedule is exactly ${c.entry.shape(truthW)}.`
      : `Your schedule follows ${c.entry.shape(truthW)} up to t=${formatNumber(time)} ms, where it parts from the right one.`;
    return {
      id: c.entry.id,
      name: c.entry.name,
      full,
      divergesAt: { slot: c.parting, time, expected: ctx.expected, misconceived: ctx.misconceivedSlot },
      summary: lead,
      explanation: `${lead} ${c.entry.why(ctx)}`,
      ...(c.entry.source ? { source: c.entry.source } : {}),
    };
  });
}
