// The misconception catalogue for per-task time metrics (issue #21): turnaround, waiting and response
// confused with one another, and times measured from t=0 instead of from the job's arrival. Each entry
// recomputes the asked metric the mistaken way from the simulator's own per-task results, so the
// explanation quotes the variant's numbers.
import type { SimResult, TaskMetrics } from "../../sched/index";
import { formatNumber, withinTolerance, type Tolerance } from "../grading";
import type { MisconceptionMatch } from "../types";

export type TimeMetric = "completion" | "turnaround" | "waiting" | "response";
const CONFUSABLE: readonly TimeMetric[] = ["turnaround", "waiting", "response"];

const WORDS: Record<TimeMetric, string> = {
  completion: "completion time",
  turnaround: "turnaround time",
  waiting: "waiting time",
  response: "response time",
};
const cap = (x: string): string => x[0]!.toUpperCase() + x.slice(1);
const OSTEP7 = "OSTEP ch. 7 (Scheduling: Introduction)";

function value(m: TimeMetric, t: TaskMetrics): number | undefined {
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
}

/** The metric measured from t=0 rather than from arrival (completion is already measured from 0). */
function fromZero(m: TimeMetric, t: TaskMetrics): number | undefined {
  const v = value(m, t);
  return m === "completion" || v === undefined ? undefined : v + t.arrival;
}

interface MetricEntry {
  id: string;
  name: string;
  /** The mistaken value for one task, or undefined when the entry does not apply. */
  compute(t: TaskMetrics): number | undefined;
  /** What the mistaken value is, in words, for one task or the average. */
  what(task: string | null): string;
}

function entriesFor(m: TimeMetric): MetricEntry[] {
  const out: MetricEntry[] = [];
  if (CONFUSABLE.includes(m)) {
    for (const other of CONFUSABLE) {
      if (other === m) continue;
      out.push({
        id: `${other}-for-${m}`,
        name: `${cap(WORDS[other])} given for ${WORDS[m]}`,
        compute: (t) => value(other, t),
        what: (task) => (task ? `${task}'s ${WORDS[other]}` : `the average ${WORDS[other]}`),
      });
    }
    out.push({
      id: `${m}-from-zero`,
      name: `${cap(WORDS[m])} measured from t=0 instead of from arrival`,
      compute: (t) => fromZero(m, t),
      what: (task) => (task ? `${task}'s ${WORDS[m]} counted from t=0` : `the average ${WORDS[m]} counted from t=0`),
    });
  }
  return out;
}

/** The metric entries whose mistaken value for this part is not within tolerance of the truth. */
export function metricDiscriminates(
  metric: string,
  task: string | null,
  sim: SimResult,
  expected: number,
  tol: Tolerance,
): string[] {
  if (!["completion", "turnaround", "waiting", "response"].includes(metric) || task === null) return [];
  const tasks = task === "average" ? sim.tasks : sim.tasks.filter((t) => t.id === task);
  if (tasks.length === 0) return [];
  return entriesFor(metric as TimeMetric)
    .filter((e) => {
      const vals = tasks.map((t) => e.compute(t));
      if (vals.some((v) => v === undefined)) return false;
      return !withinTolerance(expected, (vals as number[]).reduce((s, x) => s + x, 0) / vals.length, tol);
    })
    .map((e) => e.id);
}

/** How the right value is computed, with the task's own numbers. */
function definition(m: TimeMetric, t: TaskMetrics): string {
  const a = formatNumber(t.arrival);
  switch (m) {
    case "turnaround":
      return `Turnaround runs from arrival to completion: ${t.id} arrives at t=${a} ms and completes at t=${formatNumber(t.finish!)} ms, so it is ${formatNumber(t.turnaround!)} ms.`;
    case "response":
      return `Response time runs from arrival to the first time on the CPU: ${t.id} arrives at t=${a} ms and first runs at t=${formatNumber(t.firstRun!)} ms, so it is ${formatNumber(t.response!)} ms.`;
    case "waiting":
      return `Waiting time counts only the time ${t.id} is ready but not running, from its arrival at t=${a} ms: ${formatNumber(t.waiting)} ms.`;
    case "completion":
      return `${t.id} completes at t=${formatNumber(t.finish!)} ms.`;
  }
}

const AVERAGE_RULE: Record<TimeMetric, string> = {
  turnaround: "completion − arrival",
  response: "first run − arrival",
  waiting: "the time each job is ready but not running",
  completion: "completion",
};

/**
 * The metric misconceptions a wrong number reproduces (within the part's tolerance), for a task or the
 * average over tasks. An entry whose value equals the truth is skipped, so a right answer never matches.
 */
export function matchMetricMisconceptions(
  metric: string,
  task: string | null,
  sim: SimResult,
  expected: number,
  got: number,
  tol: Tolerance,
): MisconceptionMatch[] {
  if (!["completion", "turnaround", "waiting", "response"].includes(metric) || task === null) return [];
  const m = metric as TimeMetric;
  const tasks = task === "average" ? sim.tasks : sim.tasks.filter((t) => t.id === task);
  if (tasks.length === 0) return [];
  const out: MisconceptionMatch[] = [];
  for (const e of entriesFor(m)) {
    const vals = tasks.map((t) => e.compute(t));
    if (vals.some((v) => v === undefined)) continue;
    const v = (vals as number[]).reduce((s, x) => s + x, 0) / vals.length;
    if (withinTolerance(expected, v, tol) || !withinTolerance(v, got, tol)) continue;
    const one = task === "average" ? null : tasks[0]!;
    const explanation = one
      ? `${formatNumber(got)} ms is ${e.what(one.id)}, not its ${WORDS[m]}. ${definition(m, one)}`
      : `${formatNumber(got)} ms is ${e.what(null)}, not the average ${WORDS[m]}. The average ${WORDS[m]} is the mean over the jobs of ${AVERAGE_RULE[m]}: ${formatNumber(expected)} ms.`;
    out.push({
      id: e.id,
      name: e.name,
      full: true,
      summary: `A known mistake: ${e.name[0]!.toLowerCase()}${e.name.slice(1)}.`,
      explanation,
      source: OSTEP7,
    });
  }
  return out;
}

/** Every id this catalogue can name, for validating a template's generator.discriminate. */
export const METRIC_MISCONCEPTION_IDS: readonly string[] = (
  ["completion", "turnaround", "waiting", "response"] as const
).flatMap((m) => entriesFor(m).map((e) => e.id));
