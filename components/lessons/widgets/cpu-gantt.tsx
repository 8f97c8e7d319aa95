"use client";
// A per-CPU Gantt for the "Several CPUs" widgets: one row per CPU, bars coloured by task. MiniGantt has one
// row per task, which hides where a task ran; here the row is the CPU and a task changing colour row is a
// migration you can see.
import type { Migration, Slice } from "@/lib/engine/sched";
import { niceTicks } from "@/lib/nice-ticks";

const COLOURS = ["var(--primary)", "var(--success)", "var(--warning)", "var(--danger)", "var(--muted-foreground)"];

export function CpuGantt({
  slices,
  cpus,
  tasks,
  to,
  label,
}: {
  slices: Slice[];
  cpus: number;
  tasks: string[];
  to: number;
  label: string;
}) {
  const width = 480;
  const left = 52;
  const rowH = 24;
  const height = cpus * rowH + 26;
  const span = Math.max(to, 1e-9);
  const x = (t: number) => left + (Math.min(Math.max(t, 0), to) / span) * (width - left - 8);
  const ticks = niceTicks(0, to, 5);
  return (
    <figure className="overflow-x-auto">
      <svg
        role="img"
        aria-label={label}
        viewBox={`0 0 ${width} ${height}`}
        className="h-auto w-full min-w-[320px] text-foreground"
        fontSize="11"
      >
        {Array.from({ length: cpus }, (_, cpu) => (
          <g key={cpu} data-testid={`cpu-row-${cpu}`}>
            <text x={4} y={cpu * rowH + 16} fill="currentColor">
              CPU {cpu}
            </text>
            <line x1={left} x2={width - 8} y1={cpu * rowH + 21} y2={cpu * rowH + 21} stroke="var(--border)" />
            {slices
              .filter((s) => (s.cpu ?? 0) === cpu && s.end > s.start)
              .map((s, i) => {
                const colour = COLOURS[Math.max(tasks.indexOf(s.task), 0) % COLOURS.length];
                const w = Math.max(x(s.end) - x(s.start), 0.8);
                return (
                  <g key={i} data-task={s.task}>
                    <rect x={x(s.start)} y={cpu * rowH + 4} width={w} height={15} rx={2} fill={colour}>
                      <title>{`${s.task} on CPU ${cpu}: ${s.start.toFixed(2)}–${s.end.toFixed(2)} ms (${s.endReason})`}</title>
                    </rect>
                    {w >= 12 ? (
                      <text
                        x={x(s.start) + w / 2}
                        y={cpu * rowH + 15}
                        textAnchor="middle"
                        fill="var(--background)"
                        fontWeight="600"
                        aria-hidden="true"
                      >
                        {s.task}
                      </text>
                    ) : null}
                  </g>
                );
              })}
          </g>
        ))}
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

/** The engine's migration list, one line per move, with the reason it gives. */
export function MigrationList({
  migrations,
  truncated,
  label,
}: {
  migrations: Migration[];
  truncated: boolean;
  label: string;
}) {
  if (migrations.length === 0)
    return (
      <p className="text-sm text-muted-foreground" aria-label={label}>
        No migrations: every task stayed on the CPU it started on.
      </p>
    );
  return (
    <ol aria-label={label} className="list-decimal pl-5 font-mono text-xs">
      {migrations.map((m, i) => (
        <li key={i}>{`${+m.time.toFixed(3)} ms: ${m.task} CPU ${m.from} → CPU ${m.to} (${m.reason})`}</li>
      ))}
      {truncated ? <li>… more, not listed</li> : null}
    </ol>
  );
}
