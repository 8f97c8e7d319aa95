"use client";
// A deliberately tiny Gantt chart for lesson widgets (the practice pages have their own, richer one).
import type { Slice } from "@/lib/engine/sched";
import { niceTicks } from "@/lib/nice-ticks";

const COLOURS = ["var(--primary)", "var(--success)", "var(--warning)", "var(--danger)", "var(--muted-foreground)"];

export function MiniGantt({
  slices,
  tasks,
  from = 0,
  to,
  label,
}: {
  slices: Slice[];
  tasks: string[];
  from?: number;
  to: number;
  label: string;
}) {
  const width = 480;
  const left = 44;
  const rowH = 22;
  const height = tasks.length * rowH + 26;
  const span = Math.max(to - from, 1e-9);
  const x = (t: number) => left + ((Math.min(Math.max(t, from), to) - from) / span) * (width - left - 8);
  const ticks = niceTicks(from, to, 5);
  const visible = slices.filter((s) => s.end > from && s.start < to);
  return (
    <figure className="overflow-x-auto">
      <svg
        role="img"
        aria-label={label}
        viewBox={`0 0 ${width} ${height}`}
        className="h-auto w-full min-w-[320px] text-foreground"
        fontSize="11"
      >
        {tasks.map((task, row) => (
          <g key={task}>
            <text x={4} y={row * rowH + 15} fill="currentColor">
              {task}
            </text>
            <line x1={left} x2={width - 8} y1={row * rowH + 20} y2={row * rowH + 20} stroke="var(--border)" />
          </g>
        ))}
        {visible.map((s, i) => {
          const row = tasks.indexOf(s.task);
          if (row < 0) return null;
          return (
            <rect
              key={i}
              x={x(s.start)}
              y={row * rowH + 4}
              width={Math.max(x(s.end) - x(s.start), 0.8)}
              height={14}
              rx={2}
              fill={COLOURS[row % COLOURS.length]}
            >
              <title>{`${s.task}: ${s.start.toFixed(3)}–${s.end.toFixed(3)} ms (${s.endReason})`}</title>
            </rect>
          );
        })}
        {ticks.map((t) => (
          <text key={t} x={x(t)} y={height - 4} textAnchor="middle" fill="var(--muted-foreground)">
            {t}
          </text>
        ))}
      </svg>
      <figcaption className="sr-only">{label}</figcaption>
    </figure>
  );
}
