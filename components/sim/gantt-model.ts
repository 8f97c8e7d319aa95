// Geometry and colours for Gantt charts, kept pure so the chart, the timeline editor and the replay agree
// on which colour a task gets and how a painted timeline becomes slices.
import type { TimelineValue } from "@/lib/engine/questions";
import { niceStep as niceStepOf, niceTicks } from "@/lib/nice-ticks";

export interface ChartSlice {
  task: string;
  start: number;
  end: number;
  endReason?: string;
}

// Static class strings so Tailwind sees them at build time. Each pair keeps text contrast ≥ 4.5:1 in
// both themes (dark text on a light fill in light mode, light text on a deep fill in dark mode).
const TASK_COLOURS = [
  "bg-sky-200 text-sky-950 border-sky-400 dark:bg-sky-800 dark:text-sky-50 dark:border-sky-500",
  "bg-amber-200 text-amber-950 border-amber-400 dark:bg-amber-800 dark:text-amber-50 dark:border-amber-500",
  "bg-emerald-200 text-emerald-950 border-emerald-400 dark:bg-emerald-800 dark:text-emerald-50 dark:border-emerald-500",
  "bg-fuchsia-200 text-fuchsia-950 border-fuchsia-400 dark:bg-fuchsia-800 dark:text-fuchsia-50 dark:border-fuchsia-500",
  "bg-orange-200 text-orange-950 border-orange-400 dark:bg-orange-800 dark:text-orange-50 dark:border-orange-500",
  "bg-indigo-200 text-indigo-950 border-indigo-400 dark:bg-indigo-800 dark:text-indigo-50 dark:border-indigo-500",
  "bg-lime-200 text-lime-950 border-lime-500 dark:bg-lime-800 dark:text-lime-50 dark:border-lime-500",
  "bg-rose-200 text-rose-950 border-rose-400 dark:bg-rose-800 dark:text-rose-50 dark:border-rose-500",
] as const;

// Idle is hatched as well as grey so it reads as "nothing ran" rather than as one more task.
const IDLE_COLOUR =
  "bg-muted text-muted-foreground border-border bg-[repeating-linear-gradient(135deg,transparent_0_4px,var(--border)_4px_6px)]";
// Switch overhead is drawn in an inverted neutral so it never resembles a task's colour.
const SWITCH_COLOUR =
  "bg-slate-700 text-white border-slate-900 dark:bg-slate-200 dark:text-slate-900 dark:border-slate-400";

/** Colour classes for a task, stable by its position in `tasks` (or by a hash of its id when unknown). */
export function taskColour(task: string, tasks: readonly string[] = []): string {
  if (task === "idle") return IDLE_COLOUR;
  if (task === "cs") return SWITCH_COLOUR;
  let index = tasks.indexOf(task);
  if (index < 0) {
    index = 0;
    for (let i = 0; i < task.length; i++) index = (index * 31 + task.charCodeAt(i)) >>> 0;
  }
  return TASK_COLOURS[index % TASK_COLOURS.length];
}

/** Merges runs of equal slots into slices; unpainted slots are left out. */
export function timelineToSlices(value: TimelineValue, slotMs: number): ChartSlice[] {
  const slices: ChartSlice[] = [];
  for (let i = 0; i < value.length; i++) {
    const task = value[i];
    if (task === null) continue;
    const last = slices[slices.length - 1];
    if (last && last.task === task && last.end === i * slotMs) last.end = (i + 1) * slotMs;
    else slices.push({ task, start: i * slotMs, end: (i + 1) * slotMs });
  }
  return slices;
}

/**
 * Distinct task ids, ignoring idle and switch overhead, in natural sort order ("T2" before "T10"), so a
 * chart that is not told the task order still colours tasks the way the workload table lists them.
 */
export function tasksOf(slices: readonly ChartSlice[]): string[] {
  const seen: string[] = [];
  for (const s of slices) if (s.task !== "idle" && s.task !== "cs" && !seen.includes(s.task)) seen.push(s.task);
  return seen.sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
}

// One tick rule for every chart (1/2/5 × 10^k steps, lib/nice-ticks.ts); kept under these names for callers.
export const niceStep = (span: number, target = 8): number => niceStepOf(span, target);
export const chartTicks = (start: number, end: number, target = 8): number[] => niceTicks(start, end, target);

/** The chart's time range: from the earliest start (or 0) to the latest end. */
export function chartRange(slices: readonly ChartSlice[]): { start: number; end: number } {
  if (slices.length === 0) return { start: 0, end: 1 };
  let end = 0;
  let start = Infinity;
  for (const s of slices) {
    if (s.end > end) end = s.end;
    if (s.start < start) start = s.start;
  }
  return { start: Math.min(0, start), end: Math.max(end, Math.min(0, start) + 1e-9) };
}
