// Metrics questions: completion / turnaround / waiting / response (per task or average), CPU share and
// vruntime gained in a window, task-to-task context switches; optionally with a timeline part, in which
// case wrong timelines get their metrics graded against themselves too (error carried forward).
import type { SimResult, TaskSpec, Workload } from "../../sched/index";
import { formatNumber, TEMPLATE_DEFAULT_GRADING, withinTolerance, withUnit } from "../grading";
import { Issues, joinPath, read, type Obj } from "../issues";
import type { AnswerPartSpec, Checked, GradingSettings, NumberUnit, PartGrade, TimelineValue } from "../types";
import { defineKind, type BuiltVariant, type GradeContext, type KindGrade } from "./kind";
import {
  averageFromSlots,
  cpuInWindowFromSlots,
  taskMetricFromSlots,
  taskSwitchesFromSlots,
  vruntimeGain,
  type TaskMetricName,
} from "./metrics-from-timeline";
import {
  gradeTimelinePart,
  quantumParam,
  scheduleReplay,
  TIMELINE_PART,
  timelinePartSpec,
  type ScheduleKeyData,
} from "./schedule";
import {
  constraintContext,
  drawSchedWorkload,
  SCHED_GENERATOR_KEYS,
  scheduleProblem,
  validateSchedWorkloadSpec,
  workloadExhibit,
  type SchedWorkloadSpec,
} from "./sched-workload";
import { scheduleConventions } from "./sched-words";
import { matchMetricMisconceptions, metricDiscriminates } from "../misconceptions/metrics";
import { scheduleCandidates } from "../misconceptions/schedule";

const METRICS = ["completion", "turnaround", "waiting", "response", "switches", "cpuShare", "vruntimeGain"] as const;
type MetricName = (typeof METRICS)[number];
const TASK_METRICS: readonly string[] = ["completion", "turnaround", "waiting", "response"];

export interface MetricAsk {
  metric: MetricName;
  /** A task id, "average" (task metrics only) or "each"; absent for switches. */
  task?: string;
  windowMs?: number;
}

export interface MetricsSpec {
  workload: SchedWorkloadSpec;
  ask: MetricAsk[];
  timeline: boolean;
  /** Every policy of generator.policy runs on the same drawn tasks; each ask becomes one part per policy. */
  compare: boolean;
}

/** One concrete numeric part: which metric of which task. */
interface MetricPart {
  id: string;
  metric: MetricName;
  task: string | null;
  windowMs?: number;
  /** Comparison questions: the index of the policy this part is asked under. */
  policy?: number;
}

interface MetricsKeyData extends ScheduleKeyData {
  metricParts: MetricPart[];
  timeline: boolean;
  minAbsTolerance: Record<string, number>;
  /** Comparison questions: the schedule under each policy, in generator.policy order. */
  compareSims?: SimResult[];
}

const MAX_COMPARED = 4;

/** A short name that tells the compared policies apart in part labels ("RR, 2 ms quantum"). */
function policyShort(p: Workload["policy"]): string {
  switch (p.name) {
    case "rr":
      return `RR, ${formatNumber(p.quantum)} ms quantum`;
    case "priority":
      return `${p.preemptive ? "preemptive" : "non-preemptive"} priority`;
    case "mlfq":
      return p.boostPeriod > 0 ? `MLFQ, boost every ${formatNumber(p.boostPeriod)} ms` : "MLFQ without boost";
    case "lottery":
    case "stride":
      return `${p.name}, ${formatNumber(p.quantum)} ms quantum`;
    default:
      return p.name.toUpperCase();
  }
}

function validateAsk(issues: Issues, v: unknown): MetricAsk[] {
  const arr = read.array(issues, v, "generator.ask", { max: 30 }) ?? [];
  const out: MetricAsk[] = [];
  arr.forEach((raw, i) => {
    const path = `generator.ask[${i}]`;
    const o = read.object(issues, raw, path);
    if (!o) return;
    read.onlyKeys(issues, o, ["metric", "task", "windowMs"], path);
    const metric = read.choice(issues, o["metric"], joinPath(path, "metric"), METRICS);
    if (!metric) return;
    const ask: MetricAsk = { metric };
    if (metric === "switches") {
      if (o["task"] !== undefined)
        issues.add(joinPath(path, "task"), "does not apply to switches (they are counted for the whole run)");
    } else {
      const task = read.string(issues, o["task"], joinPath(path, "task"), { max: 100 });
      if (task === "average" && !TASK_METRICS.includes(metric))
        issues.add(joinPath(path, "task"), `"average" applies only to ${TASK_METRICS.join(", ")}`);
      if (task !== undefined) ask.task = task;
    }
    if (metric === "cpuShare" || metric === "vruntimeGain") {
      const w = read.number(issues, o["windowMs"], joinPath(path, "windowMs"), { min: 0.001, max: 1e9 });
      if (w !== undefined) ask.windowMs = w;
    } else if (o["windowMs"] !== undefined)
      issues.add(joinPath(path, "windowMs"), "applies only to cpuShare and vruntimeGain");
    out.push(ask);
  });
  return out;
}

function expandAsks(
  asks: readonly MetricAsk[],
  tasks: readonly TaskSpec[],
): { parts: MetricPart[]; problem?: { path: string; message: string } } {
  const parts: MetricPart[] = [];
  for (let i = 0; i < asks.length; i++) {
    const a = asks[i]!;
    const targets = a.metric === "switches" ? [null] : a.task === "each" ? tasks.map((t) => t.id) : [a.task!];
    for (const task of targets) {
      if (task !== null && task !== "average" && !tasks.some((t) => t.id === task)) {
        return {
          parts,
          problem: {
            path: `generator.ask[${i}].task`,
            message: `names no task of the workload (tasks: ${tasks.map((t) => t.id).join(", ")}, or "average", "each")`,
          },
        };
      }
      const id = task === null ? a.metric : `${a.metric}-${task}`;
      if (parts.some((p) => p.id === id))
        return { parts, problem: { path: `generator.ask[${i}]`, message: `asks for ${id} twice` } };
      parts.push({ id, metric: a.metric, task, ...(a.windowMs !== undefined ? { windowMs: a.windowMs } : {}) });
    }
  }
  return { parts };
}

const METRIC_WORDS: Record<MetricName, string> = {
  completion: "Completion time",
  turnaround: "Turnaround time",
  waiting: "Waiting time",
  response: "Response time",
  switches: "Context switches between two tasks (switches to or from an idle CPU not counted)",
  cpuShare: "CPU share",
  vruntimeGain: "vruntime gained",
};

function unitOf(m: MetricName): NumberUnit {
  return m === "switches" ? "count" : m === "cpuShare" ? "percent" : "ms";
}

function partLabel(p: MetricPart): string {
  const base = METRIC_WORDS[p.metric];
  if (p.task === null) return base;
  if (p.task === "average") return `Average ${base.toLowerCase()}`;
  if (p.windowMs !== undefined)
    return `${base} ${p.metric === "vruntimeGain" ? "by" : "of"} ${p.task} in the first ${formatNumber(p.windowMs)} ms`;
  return `${base} of ${p.task}`;
}

function cpuInWindow(sim: SimResult, task: string, windowMs: number): number {
  let ms = 0;
  for (const s of sim.slices) if (s.task === task) ms += Math.max(0, Math.min(s.end, windowMs) - s.start);
  return ms;
}

/** The reference value, from the simulator's own metrics (not from the slot grid). */
function referenceValue(p: MetricPart, w: Workload, sim: SimResult): number | undefined {
  if (p.metric === "switches") return sim.switches.total - sim.switches.byKind.idle.count;
  if (p.metric === "cpuShare") return (cpuInWindow(sim, p.task!, p.windowMs!) / p.windowMs!) * 100;
  if (p.metric === "vruntimeGain")
    return vruntimeGain(
      w.tasks.find((t) => t.id === p.task)!,
      cpuInWindow(sim, p.task!, p.windowMs!),
    );
  const m = p.metric as TaskMetricName;
  const pick = (id: string): number | undefined => {
    const t = sim.tasks.find((x) => x.id === id)!;
    const v =
      m === "completion"
        ? t.finish
        : m === "turnaround"
          ? t.turnaround
          : m === "response"
            ? t.response
            : t.finish === null
              ? null
              : t.waiting;
    return v ?? undefined;
  };
  if (p.task !== "average") return pick(p.task!);
  let sum = 0;
  for (const t of sim.tasks) {
    const v = pick(t.id);
    if (v === undefined) return undefined;
    sum += v;
  }
  return sum / sim.tasks.length;
}

/** The same metric computed from a painted timeline (for error carried forward). */
export function valueFromTimeline(
  p: MetricPart,
  w: Workload,
  slots: TimelineValue,
  slotMs: number,
): number | undefined {
  if (p.metric === "switches") return taskSwitchesFromSlots(slots);
  if (p.metric === "cpuShare") return (cpuInWindowFromSlots(p.task!, slots, slotMs, p.windowMs!) / p.windowMs!) * 100;
  if (p.metric === "vruntimeGain")
    return vruntimeGain(
      w.tasks.find((t) => t.id === p.task)!,
      cpuInWindowFromSlots(p.task!, slots, slotMs, p.windowMs!),
    );
  const m = p.metric as TaskMetricName;
  if (p.task === "average") return averageFromSlots(m, w.tasks, slots, slotMs);
  return taskMetricFromSlots(
    m,
    w.tasks.find((t) => t.id === p.task)!,
    slots,
    slotMs,
  );
}

export const metricsKind = defineKind<MetricsSpec>({
  type: "metrics",
  validate(g: Obj): Checked<MetricsSpec> {
    const issues = new Issues();
    read.onlyKeys(issues, g, [...SCHED_GENERATOR_KEYS, "ask", "timeline", "compare"], "generator");
    const timeline = read.bool(issues, g["timeline"], "generator.timeline", false);
    const compare = read.bool(issues, g["compare"], "generator.compare", false);
    if (compare) {
      const n = Array.isArray(g["policy"]) ? g["policy"].length : 1;
      if (n < 2 || n > MAX_COMPARED)
        issues.add(
          "generator.compare",
          `compares the policies listed in generator.policy: list 2 to ${MAX_COMPARED} of them, got ${n}`,
        );
      if (timeline)
        issues.add(
          "generator.timeline",
          "a comparison question asks numbers under each policy; it has no single timeline to paint",
        );
    }
    const workload = validateSchedWorkloadSpec(issues, g, { needsSlots: timeline });
    const ask = validateAsk(issues, g["ask"]);
    return issues.result({ workload: workload!, ask, timeline, compare });
  },
  build(spec, seed): Checked<BuiltVariant> {
    let expanded: MetricPart[] = [];
    let values: Record<string, number> = {};
    let askProblem: { path: string; message: string } | undefined;
    let compareSims: SimResult[] | undefined;
    const d = drawSchedWorkload(spec.workload, seed, {
      needsSlots: spec.timeline,
      firstPolicyOnly: spec.compare,
      extraCheck: ({ workload, sim }) => {
        const e = expandAsks(spec.ask, workload.tasks);
        if (e.problem) {
          askProblem = e.problem;
          return e.problem.message;
        }
        // A comparison asks every question under every policy, on the same tasks.
        const sims = spec.compare
          ? spec.workload.policies.map((_, k) =>
              k === 0 ? sim : constraintContext(spec.workload, workload, sim).rerun(k),
            )
          : [sim];
        const parts: MetricPart[] = [];
        for (const [k, s] of sims.entries()) {
          if (!s) return `policy ${k} cannot run these tasks`;
          const problem =
            s.stats.stoppedBy === "event-cap" ? "the simulation hit its event cap" : scheduleProblem(s, workload.tasks);
          if (problem) return `under policy ${k}: ${problem}`;
          for (const p of e.parts) parts.push(spec.compare ? { ...p, id: `p${k + 1}-${p.id}`, policy: k } : p);
        }
        const vals: Record<string, number> = {};
        for (const p of parts) {
          if (p.metric === "vruntimeGain" && workload.tasks.find((t) => t.id === p.task)?.class?.match(/fifo|rr/)) {
            askProblem = { path: "generator.ask", message: `${p.task} is a real-time task: it has no vruntime` };
            return askProblem.message;
          }
          const v = referenceValue(p, workload, sims[p.policy ?? 0]!);
          if (v === undefined) return `${p.task ?? "a task"} does not finish before the run ends`;
          vals[p.id] = v;
        }
        expanded = parts;
        values = vals;
        compareSims = spec.compare ? (sims as SimResult[]) : undefined;
        return null;
      },
    });
    if (askProblem && !d.ok) return { ok: false, errors: [askProblem] };
    if (!d.ok) return d;
    const { workload, sim, slots } = d.value;
    const parts: AnswerPartSpec[] = [];
    if (spec.timeline) parts.push(timelinePartSpec(workload, spec.workload, slots!.length));
    const minAbsTolerance: Record<string, number> = {};
    for (const p of expanded) {
      const fractional =
        p.task === "average" ||
        p.metric === "cpuShare" ||
        p.metric === "vruntimeGain" ||
        !Number.isInteger(values[p.id]!);
      // Averages and shares are typed rounded to two decimals; accept that rounding whatever the template says.
      if (fractional) minAbsTolerance[p.id] = 0.005;
      const under =
        p.policy !== undefined ? ` under policy ${p.policy + 1} (${policyShort(compareSims![p.policy]!.policy)})` : "";
      parts.push({
        kind: "number",
        id: p.id,
        label: partLabel(p) + under,
        unit: unitOf(p.metric),
        ...(p.metric === "switches" ? { integer: true } : {}),
        ...(fractional ? { hint: "to two decimal places" } : {}),
      });
    }
    const expected: Record<string, number | string[]> = { ...values };
    if (spec.timeline) expected[TIMELINE_PART] = slots!;
    const data: MetricsKeyData = {
      workload,
      sim,
      slotMs: spec.workload.slotMs,
      switchMs: spec.workload.switchMs,
      metricParts: expanded,
      timeline: spec.timeline,
      minAbsTolerance,
    };
    if (compareSims) data.compareSims = compareSims;
    const convOpts = { switchMs: spec.workload.switchMs, ...(spec.timeline ? { slotMs: spec.workload.slotMs } : {}) };
    const params: Record<string, string | number> = {
      policy: workload.policy.name.toUpperCase(),
      tasks: workload.tasks.length,
      slotMs: spec.workload.slotMs,
      ...quantumParam(workload),
    };
    let conventions = scheduleConventions(workload, convOpts);
    if (compareSims) {
      // Each policy's own rule first, named as the part labels name it; then the rules they share.
      const per = compareSims.map((s) => scheduleConventions({ ...workload, policy: s.policy }, convOpts));
      conventions = [
        ...per.map((c, k) => `Policy ${k + 1} (${policyShort(compareSims![k]!.policy)}): ${c[0]}`),
        ...[...new Set(per.flatMap((c) => c.slice(1)))],
      ];
      compareSims.forEach((s, k) => (params[`policy${k + 1}`] = policyShort(s.policy)));
    }
    return {
      ok: true,
      value: {
        params,
        exhibits: [workloadExhibit(workload)],
        parts,
        conventions,
        key: { expected, data: data as unknown as Record<string, unknown> },
      },
    };
  },
  grade(ctx: GradeContext): KindGrade {
    const data = ctx.variant.key.data as unknown as MetricsKeyData;
    const out: KindGrade = { parts: {} };
    let timelineExact = true;
    if (data.timeline) {
      const label = ctx.variant.view.parts.find((p) => p.id === TIMELINE_PART)?.label ?? "Timeline";
      const t = gradeTimelinePart(ctx, label);
      out.parts[TIMELINE_PART] = t.grade;
      Object.assign(out, t.extra);
      timelineExact = t.exact;
    } else {
      out.replay = scheduleReplay(data, Math.ceil(data.sim.stats.endTime / data.slotMs));
      // A comparison's feedback draws every policy's schedule on one time axis (issue #24).
      if (data.compareSims)
        out.replay.compare = data.compareSims.map((s, k) => ({
          label: `Policy ${k + 1} (${policyShort(s.policy)})`,
          slices: s.slices,
        }));
    }
    const g = ctx.grading ?? TEMPLATE_DEFAULT_GRADING;
    const own = ctx.answer.parts[TIMELINE_PART] as TimelineValue | undefined;
    for (const p of data.metricParts) {
      const spec = ctx.variant.view.parts.find((x) => x.id === p.id)!;
      const unit = spec.kind === "number" ? spec.unit : "ms";
      const tol = {
        relative: g.relativeTolerance,
        absolute: Math.max(g.absoluteTolerance, data.minAbsTolerance[p.id] ?? 0),
      };
      const expected = ctx.variant.key.expected[p.id] as number;
      const got = ctx.answer.parts[p.id] as number;
      let grade: PartGrade;
      if (withinTolerance(expected, got, tol)) {
        grade = { id: p.id, label: spec.label, score: 1, weight: 1, message: `Right: ${withUnit(expected, unit)}.` };
      } else {
        const fromOwn = !timelineExact && own ? valueFromTimeline(p, data.workload, own, data.slotMs) : undefined;
        if (fromOwn !== undefined && withinTolerance(fromOwn, got, tol)) {
          grade = {
            id: p.id,
            label: spec.label,
            score: 1,
            weight: 1,
            errorCarriedForward: true,
            message: `Error carried forward: ${withUnit(got, unit)} is right for your own timeline, so you get the credit; with the correct schedule it is ${withUnit(expected, unit)}.`,
          };
        } else {
          grade = {
            id: p.id,
            label: spec.label,
            score: 0,
            weight: 1,
            message: `You answered ${withUnit(got, unit)}; the answer is ${withUnit(expected, unit)}${fromOwn !== undefined ? ` (and your own timeline gives ${withUnit(fromOwn, unit)})` : ""}.`,
          };
          // Issue #21: a wrong time metric that is another metric, or measured from t=0, is named.
          const mis = matchMetricMisconceptions(
            p.metric,
            p.task,
            p.policy !== undefined && data.compareSims ? data.compareSims[p.policy]! : data.sim,
            expected,
            got,
            tol,
          );
          if (mis.length > 0) grade = { ...grade, message: `${grade.message} ${mis[0]!.summary}`, misconceptions: mis };
        }
      }
      out.parts[p.id] = grade;
    }
    return out;
  },
  discriminates(variant) {
    const data = variant.key.data as unknown as MetricsKeyData;
    const ids = new Set<string>();
    if (data.timeline)
      for (const c of scheduleCandidates(data.workload, variant.key.expected[TIMELINE_PART] as string[], data.slotMs))
        ids.add(c.entry.id);
    const g = (variant.key.data["grading"] as GradingSettings | undefined) ?? TEMPLATE_DEFAULT_GRADING;
    for (const p of data.metricParts) {
      const tol = {
        relative: g.relativeTolerance,
        absolute: Math.max(g.absoluteTolerance, data.minAbsTolerance[p.id] ?? 0),
      };
      for (const id of metricDiscriminates(p.metric, p.task, data.sim, variant.key.expected[p.id] as number, tol))
        ids.add(id);
    }
    return [...ids];
  },
  degenerate(variant) {
    const data = variant.key.data as unknown as MetricsKeyData;
    if (data.metricParts.length === 0 && !data.timeline) return "the question asks for nothing";
    return null;
  },
});
