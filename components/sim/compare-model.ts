// Two (or more) schedules on one time axis: the student's timeline against the reference, or in a
// policy-comparison question one policy's schedule against the other's. Pure, so the chart and the tests
// agree on the shared range, the task colours and where the schedules part ways.
import { type ChartSlice, chartRange, chartTicks, tasksOf } from "./gantt-model";

export interface ComparedRow {
  /** Stable id for tests and keys, e.g. "yours", "reference", "policy-1". */
  id: string;
  label: string;
  slices: readonly ChartSlice[];
}

export interface TimeSpan {
  start: number;
  end: number;
}

export interface Comparison {
  /** One range for every row, so the same time is at the same x in each. */
  start: number;
  end: number;
  ticks: number[];
  /** One task order for every row, so a task has the same colour in each. */
  tasks: string[];
  rows: ComparedRow[];
  /** Where the rows do not all run the same thing (nothing painted counts as nothing running), merged. */
  differences: TimeSpan[];
  /** The earliest time at which they part ways; null when they agree throughout. */
  firstDifference: number | null;
}

/** What a row runs at time t (the slice containing it, half-open [start, end)), or null. */
function runningAt(slices: readonly ChartSlice[], t: number): string | null {
  for (const s of slices) if (s.start <= t && t < s.end) return s.task;
  return null;
}

export function compareTimelines(rows: readonly ComparedRow[], tasks?: readonly string[]): Comparison {
  const all = rows.flatMap((r) => r.slices);
  const { start, end } = chartRange(all);
  // Between two consecutive slice boundaries of any row, every row runs one thing: one probe per interval.
  const bounds = [...new Set([start, end, ...all.flatMap((s) => [s.start, s.end])])]
    .filter((t) => t >= start && t <= end)
    .sort((a, b) => a - b);
  const differences: TimeSpan[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const from = bounds[i]!;
    const to = bounds[i + 1]!;
    const mid = (from + to) / 2;
    const running = rows.map((r) => runningAt(r.slices, mid));
    if (running.every((x) => x === running[0])) continue;
    const last = differences[differences.length - 1];
    if (last && last.end === from) last.end = to;
    else differences.push({ start: from, end: to });
  }
  return {
    start,
    end,
    ticks: chartTicks(start, end, 8),
    tasks: tasks ? [...tasks] : tasksOf(all),
    rows: [...rows],
    differences,
    firstDifference: differences[0]?.start ?? null,
  };
}
