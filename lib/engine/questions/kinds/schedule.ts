// "Paint the timeline": the student fills one slot per slotMs with the task that runs, idle, or "cs".
import { Issues, read } from "../issues";
import { matchAlternative } from "./alt-conventions";
import { firstDivergence } from "./divergence";
import { matchScheduleMisconceptions, scheduleCandidates } from "../misconceptions/schedule";
import { defineKind, type BuiltVariant, type GradeContext, type KindGrade } from "./kind";
import {
  drawSchedWorkload,
  SCHED_GENERATOR_KEYS,
  validateSchedWorkloadSpec,
  workloadExhibit,
  type SchedWorkloadSpec,
} from "./sched-workload";
import { scheduleConventions } from "./sched-words";
import { runsOf, sameTimeline, scoreTimeline, SWITCH } from "../timeline";
import type { SchedState, SimResult, Workload } from "../../sched/index";
import { statesAt } from "../../sched/simulate";
import type { AnswerPartSpec, Checked, PartGrade, ScheduleScoring, TimelineValue, Variant } from "../types";
import { formatNumber } from "../grading";

export const TIMELINE_PART = "timeline";

export interface ScheduleSpec {
  workload: SchedWorkloadSpec;
}

/** What the key keeps for a schedule part; shared with the metrics kind. */
export interface ScheduleKeyData {
  workload: Workload;
  sim: SimResult;
  slotMs: number;
  switchMs: number;
}

export function timelinePartSpec(w: Workload, spec: SchedWorkloadSpec, slots: number): AnswerPartSpec {
  return {
    kind: "timeline",
    id: TIMELINE_PART,
    label: "Timeline: which job runs in each slot",
    tasks: w.tasks.map((t) => ({ id: t.id, label: t.id })),
    slotMs: spec.slotMs,
    slots,
    allowIdle: true,
    allowSwitch: spec.switchMs > 0 || w.switchCost.chargeTime,
  };
}

export function scheduleKeyData(ctx: { variant: Variant }): ScheduleKeyData {
  return ctx.variant.key.data as unknown as ScheduleKeyData;
}

/**
 * The scheduler's state at every slot boundary and every decision instant, so the replay shows at each
 * time t what held at t (remaining times, waiting and blocked jobs), not what held at the last pick.
 */
function replayStates(data: ScheduleKeyData, slots: number): SchedState[] {
  const times = new Set<number>();
  const slotMs = data.slotMs > 0 ? data.slotMs : 1;
  const n = Number.isFinite(slots) ? Math.min(slots, MAX_REPLAY_STATES) : 0;
  for (let i = 0; i < n; i++) times.add(i * slotMs);
  for (const d of data.sim.decisions) times.add(d.time);
  // A bound on the report's size for authored questions with very long runs; the first steps matter most.
  return statesAt(data.workload, [...times].sort((a, b) => a - b).slice(0, MAX_REPLAY_STATES));
}

const MAX_REPLAY_STATES = 2000;

/** The replay payload of a schedule (GradeReport.replay): slices, decisions, switches and the states. */
export function scheduleReplay(data: ScheduleKeyData, slots: number): Record<string, unknown> {
  // The replay needs who runs, who waits and who sleeps; arrivals and finishes are on the chart already.
  const states = replayStates(data, slots).map(({ time, running, switching, ready, blocked }) => ({
    time,
    running,
    switching,
    ready,
    blocked,
  }));
  return {
    slices: data.sim.slices,
    decisions: data.sim.decisions,
    switches: data.sim.switches,
    slotMs: data.slotMs,
    states,
  };
}

const MODE_WORDS: Record<ScheduleScoring, string> = {
  "per-slot": "of the slots are right",
  "segment-lcs": "of the order of runs is right",
  "strict-prefix": "of the timeline is right before the first mistake",
};

/** Grades a timeline part, with convention credit and first-divergence feedback. */
export function gradeTimelinePart(
  ctx: GradeContext,
  label: string,
): { grade: PartGrade; extra: Omit<KindGrade, "parts">; exact: boolean } {
  const data = scheduleKeyData(ctx);
  const expected = ctx.variant.key.expected[TIMELINE_PART] as string[];
  const got = ctx.answer.parts[TIMELINE_PART] as TimelineValue;
  const replay = scheduleReplay(data, expected.length);
  if (sameTimeline(expected, got)) {
    return {
      grade: { id: TIMELINE_PART, label, score: 1, weight: 1, message: "The timeline is exactly right." },
      extra: { replay },
      exact: true,
    };
  }
  const divergence = firstDivergence(TIMELINE_PART, data.workload, data.sim, expected, got, data.slotMs);
  const alt = matchAlternative(data.workload, expected, got, data.slotMs);
  // Issue #21: the named mistakes this timeline reproduces (run through the engine), most specific first.
  const mis = matchScheduleMisconceptions(data.workload, data.sim, expected, got, data.slotMs);
  const named = mis.length > 0 ? { misconceptions: mis } : {};
  const credit = ctx.grading.conventionCredit;
  if (alt) {
    return {
      grade: {
        id: TIMELINE_PART,
        label,
        score: credit,
        weight: 1,
        message: `Your timeline is exactly right under another convention (${alt.name}). ${alt.description}`,
        ...named,
      },
      extra: {
        replay,
        firstDivergence: divergence,
        convention: { name: alt.name, description: alt.description, credit },
      },
      exact: false,
    };
  }
  const mode = ctx.grading.scheduleScoring;
  const score = scoreTimeline(mode, expected, got);
  const pct = Math.round(score * 100);
  const first = divergence ? ` It first differs at t=${formatNumber(divergence.time)} ms.` : "";
  return {
    grade: {
      id: TIMELINE_PART,
      label,
      score,
      weight: 1,
      message: `${pct}% ${MODE_WORDS[mode]}.${first}${mis[0] ? ` ${mis[0].summary}` : ""}`,
      ...named,
    },
    extra: { replay, ...(divergence ? { firstDivergence: divergence } : {}) },
    exact: false,
  };
}

export const scheduleKind = defineKind<ScheduleSpec>({
  type: "schedule",
  validate(g): Checked<ScheduleSpec> {
    const issues = new Issues();
    read.onlyKeys(issues, g, SCHED_GENERATOR_KEYS, "generator");
    const workload = validateSchedWorkloadSpec(issues, g, { needsSlots: true });
    return issues.result({ workload: workload! });
  },
  build(spec, seed): Checked<BuiltVariant> {
    const d = drawSchedWorkload(spec.workload, seed, {
      needsSlots: true,
      extraCheck: (draw) =>
        runsOf(draw.slots!).filter((r) => r.value !== "idle" && r.value !== SWITCH).length < 2
          ? "the schedule is a single run"
          : null,
    });
    if (!d.ok) return d;
    const { workload, sim, slots } = d.value;
    const data: ScheduleKeyData = { workload, sim, slotMs: spec.workload.slotMs, switchMs: spec.workload.switchMs };
    return {
      ok: true,
      value: {
        params: {
          policy: workload.policy.name.toUpperCase(),
          tasks: workload.tasks.length,
          slotMs: spec.workload.slotMs,
          ...quantumParam(workload),
        },
        exhibits: [workloadExhibit(workload)],
        parts: [timelinePartSpec(workload, spec.workload, slots!.length)],
        conventions: scheduleConventions(workload, { switchMs: spec.workload.switchMs, slotMs: spec.workload.slotMs }),
        key: { expected: { [TIMELINE_PART]: slots! }, data: data as unknown as Record<string, unknown> },
      },
    };
  },
  grade(ctx): KindGrade {
    const label = ctx.variant.view.parts.find((p) => p.id === TIMELINE_PART)?.label ?? "Timeline";
    const { grade, extra } = gradeTimelinePart(ctx, label);
    return { parts: { [TIMELINE_PART]: grade }, ...extra };
  },
  discriminates(variant) {
    const data = variant.key.data as unknown as ScheduleKeyData;
    return scheduleCandidates(data.workload, variant.key.expected[TIMELINE_PART] as string[], data.slotMs).map(
      (c) => c.entry.id,
    );
  },
  degenerate(variant) {
    const slots = variant.key.expected[TIMELINE_PART] as string[];
    const runs = runsOf(slots).filter((r) => r.value !== "idle" && r.value !== SWITCH);
    return runs.length < 2 ? "the answer is a single task all along" : null;
  },
});

/** Policy facts a prompt may name: the quantum, and for priority scheduling its preemption and direction. */
export function quantumParam(w: Workload): Record<string, number | string> {
  const p = w.policy;
  if (p.name === "priority") {
    return {
      preemption: p.preemptive ? "preemptive" : "non-preemptive",
      priorityOrder:
        p.higherIs === "lower-number"
          ? "a lower number means a higher priority"
          : "a higher number means a higher priority",
    };
  }
  return p.name === "rr" || p.name === "lottery" || p.name === "stride" ? { quantum: p.quantum } : {};
}
