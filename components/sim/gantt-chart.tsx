import { cn } from "@/lib/utils";
import { type ChartSlice, chartRange, chartTicks, taskColour, tasksOf } from "./gantt-model";
import { formatMs } from "./timeline-model";

export interface GanttChartProps {
  slices: readonly ChartSlice[];
  /** Task order for colours (so the same task has the same colour in every chart on a page). */
  tasks?: readonly string[];
  /** Only used to describe the scale; times are always in ms. */
  slotMs?: number;
  /** A time (ms) to mark with a cursor line, e.g. the replay's current decision. */
  highlightTime?: number;
  /** Bar height in px (default 40). */
  height?: number;
  /** Accessible name of the chart, e.g. "Reference schedule". */
  label?: string;
  /** The time range to draw (default: the slices' own), so several charts can share one axis. */
  range?: { start: number; end: number };
  /** Leave out the tick labels, when the charts above a shared axis draw it once. */
  hideAxis?: boolean;
  className?: string;
}

// Below this share of the chart's width a label would not fit; the bar keeps a title and the table row.
const MIN_LABEL_FRACTION = 0.025;
// Beyond this many rows a screen-reader table stops being useful and only slows the page.
const MAX_TABLE_ROWS = 300;

function displayName(task: string): string {
  if (task === "cs") return "switch";
  return task;
}

/** Read-only Gantt chart of slices on one CPU, with a table equivalent for screen readers. */
export function GanttChart({
  slices,
  tasks,
  slotMs,
  highlightTime,
  height = 40,
  label = "Schedule",
  range,
  hideAxis = false,
  className,
}: GanttChartProps) {
  const order = tasks ? [...tasks] : tasksOf(slices);
  const { start, end } = range ?? chartRange(slices);
  const span = end - start;
  const ticks = chartTicks(start, end, 8);
  const pct = (t: number) => `${((t - start) / span) * 100}%`;
  const showCursor = highlightTime !== undefined && highlightTime >= start && highlightTime <= end;

  return (
    <figure className={cn("flex flex-col gap-1", className)} data-slot="gantt-chart">
      <div className="relative rounded-md border border-border bg-card" style={{ height }} aria-hidden="true">
        {slices.map((s, i) => {
          const fraction = (s.end - s.start) / span;
          return (
            <div
              key={`${s.task}-${s.start}-${i}`}
              title={`${displayName(s.task)}: ${formatMs(s.start)}–${formatMs(s.end)} ms${s.endReason ? ` (${s.endReason})` : ""}`}
              className={cn(
                "absolute inset-y-0 flex items-center justify-center overflow-hidden border-x text-xs font-semibold",
                taskColour(s.task, order),
              )}
              style={{ left: pct(s.start), width: `${fraction * 100}%` }}
            >
              {fraction >= MIN_LABEL_FRACTION ? <span className="truncate px-0.5">{displayName(s.task)}</span> : null}
            </div>
          );
        })}
        {showCursor ? (
          <div
            className="absolute -inset-y-1 w-0.5 -translate-x-1/2 bg-foreground"
            style={{ left: pct(highlightTime) }}
            data-testid="gantt-cursor"
          />
        ) : null}
      </div>
      {hideAxis ? null : (
        <div className="relative h-4 text-[11px] tabular-nums text-muted-foreground" aria-hidden="true">
          {ticks.map((t) => (
            <span
              key={t}
              className="absolute -translate-x-1/2 first:translate-x-0 last:-translate-x-full"
              style={{ left: pct(t) }}
            >
              {formatMs(t)}
            </span>
          ))}
        </div>
      )}
      <figcaption className="sr-only">
        {label}
        {slotMs ? `, slots of ${formatMs(slotMs)} ms` : ""}
        {showCursor ? `, current time ${formatMs(highlightTime)} ms` : ""}
      </figcaption>
      {/* The wrapper, not the table, is visually hidden: a table ignores a 1 px width and would widen the page. */}
      <div className="sr-only">
        <table>
          <caption>{label}: what ran when</caption>
          <thead>
            <tr>
              <th scope="col">Task</th>
              <th scope="col">From (ms)</th>
              <th scope="col">To (ms)</th>
              <th scope="col">Why it stopped</th>
            </tr>
          </thead>
          <tbody>
            {slices.slice(0, MAX_TABLE_ROWS).map((s, i) => (
              <tr key={`${s.task}-${s.start}-${i}`}>
                <td>{s.task === "cs" ? "context switch" : s.task}</td>
                <td>{formatMs(s.start)}</td>
                <td>{formatMs(s.end)}</td>
                <td>{s.endReason ?? ""}</td>
              </tr>
            ))}
            {slices.length > MAX_TABLE_ROWS ? (
              <tr>
                <td colSpan={4}>and {slices.length - MAX_TABLE_ROWS} more slices</td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
