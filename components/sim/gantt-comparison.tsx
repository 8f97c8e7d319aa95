import { cn } from "@/lib/utils";
import { type ComparedRow, compareTimelines } from "./compare-model";
import { GanttChart } from "./gantt-chart";
import { formatMs } from "./timeline-model";

export interface GanttComparisonProps {
  rows: readonly ComparedRow[];
  tasks?: readonly string[];
  slotMs?: number;
  /** Heading of the figure, e.g. "Your timeline against the reference". */
  title: string;
  /** How the rows' difference is described in words ("your timeline differs", "the policies differ"). */
  differsWords?: string;
  testId?: string;
  className?: string;
}

/**
 * Schedules stacked on one time axis: the same time is at the same x in every row, a task has the same
 * colour in each, and a strip under them marks where they run different things.
 */
export function GanttComparison({
  rows,
  tasks,
  slotMs,
  title,
  differsWords = "they differ",
  testId,
  className,
}: GanttComparisonProps) {
  const c = compareTimelines(rows, tasks);
  const span = c.end - c.start;
  const pct = (t: number) => `${((t - c.start) / span) * 100}%`;
  const spans = c.differences.map((d) => `${formatMs(d.start)}–${formatMs(d.end)} ms`).join(", ");
  return (
    <figure className={cn("flex flex-col gap-1", className)} data-testid={testId} data-slot="gantt-comparison">
      <figcaption className="text-sm font-medium">{title}</figcaption>
      <div className="grid grid-cols-[auto_1fr] items-center gap-x-2 gap-y-1">
        {c.rows.map((r) => (
          <div key={r.id} className="contents" data-testid={testId ? `${testId}-row-${r.id}` : undefined}>
            <span className="text-xs font-medium text-muted-foreground">{r.label}</span>
            <GanttChart
              slices={r.slices}
              tasks={c.tasks}
              slotMs={slotMs}
              range={{ start: c.start, end: c.end }}
              hideAxis
              height={32}
              label={r.label}
            />
          </div>
        ))}
        <span className="text-xs text-muted-foreground">Differs</span>
        <div className="relative h-2 rounded-sm bg-muted" aria-hidden="true">
          {c.differences.map((d) => (
            <div
              key={d.start}
              data-testid={testId ? `${testId}-difference` : undefined}
              data-start={d.start}
              data-end={d.end}
              className="absolute inset-y-0 rounded-sm bg-danger"
              style={{ left: pct(d.start), width: pct(c.start + (d.end - d.start)) }}
            />
          ))}
        </div>
        <span />
        <div className="relative h-4 text-[11px] tabular-nums text-muted-foreground" aria-hidden="true">
          {c.ticks.map((t) => (
            <span
              key={t}
              className="absolute -translate-x-1/2 first:translate-x-0 last:-translate-x-full"
              style={{ left: pct(t) }}
            >
              {formatMs(t)}
            </span>
          ))}
        </div>
      </div>
      <p className="text-sm" data-testid={testId ? `${testId}-summary` : undefined}>
        {c.firstDifference === null
          ? "They run the same thing at every moment."
          : `First difference at t = ${formatMs(c.firstDifference)} ms; ${differsWords} during ${spans}.`}
      </p>
    </figure>
  );
}
