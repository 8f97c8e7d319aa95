import type { ReactNode } from "react";

/**
 * Shared shell for lesson diagrams: a figure with an accessible SVG (title + description for screen
 * readers) drawn in currentColor and theme variables, so it follows light and dark mode.
 */
export function DiagramFrame({
  id,
  title,
  description,
  caption,
  viewBox,
  children,
}: {
  id: string;
  title: string;
  description: string;
  caption: string;
  viewBox: string;
  children: ReactNode;
}) {
  const titleId = `diagram-${id}-title`;
  const descId = `diagram-${id}-desc`;
  return (
    <figure className="lesson-diagram my-6 rounded-lg border border-border bg-card p-3 sm:p-4">
      {/* Below ~420 px the labels would shrink past legibility, so narrow screens scroll sideways instead. */}
      <div className="overflow-x-auto">
        <svg
          role="img"
          aria-labelledby={`${titleId} ${descId}`}
          viewBox={viewBox}
          className="h-auto w-full min-w-[420px] text-foreground"
          fontFamily="inherit"
          fontSize="13"
        >
          <title id={titleId}>{title}</title>
          <desc id={descId}>{description}</desc>
          {children}
        </svg>
      </div>
      <figcaption className="mt-2 text-sm text-muted-foreground">{caption}</figcaption>
    </figure>
  );
}

/** Theme colours usable as SVG fill/stroke values. */
export const C = {
  fg: "currentColor",
  muted: "var(--muted-foreground)",
  card: "var(--card)",
  bg: "var(--muted)",
  border: "var(--border)",
  primary: "var(--primary)",
  success: "var(--success)",
  warning: "var(--warning)",
  danger: "var(--danger)",
} as const;

export function Box({
  x,
  y,
  w,
  h,
  label,
  sub,
  stroke = C.fg,
  fill = C.card,
  dashed,
}: {
  x: number;
  y: number;
  w: number;
  h: number;
  label?: string;
  sub?: string;
  stroke?: string;
  fill?: string;
  dashed?: boolean;
}) {
  return (
    <g>
      <rect
        x={x}
        y={y}
        width={w}
        height={h}
        rx={6}
        fill={fill}
        stroke={stroke}
        strokeWidth={1.5}
        strokeDasharray={dashed ? "5 4" : undefined}
      />
      {label ? (
        <text x={x + w / 2} y={y + (sub ? h / 2 - 3 : h / 2 + 4)} textAnchor="middle" fill={C.fg} fontWeight={600}>
          {label}
        </text>
      ) : null}
      {sub ? (
        <text x={x + w / 2} y={y + h / 2 + 13} textAnchor="middle" fill={C.muted} fontSize={11}>
          {sub}
        </text>
      ) : null}
    </g>
  );
}

export function Arrow({
  x1,
  y1,
  x2,
  y2,
  color = C.fg,
  dashed,
}: {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  color?: string;
  dashed?: boolean;
}) {
  const angle = Math.atan2(y2 - y1, x2 - x1);
  const head = 7;
  const p1 = `${x2 - head * Math.cos(angle - 0.45)},${y2 - head * Math.sin(angle - 0.45)}`;
  const p2 = `${x2 - head * Math.cos(angle + 0.45)},${y2 - head * Math.sin(angle + 0.45)}`;
  return (
    <g stroke={color} fill={color}>
      <line x1={x1} y1={y1} x2={x2} y2={y2} strokeWidth={1.5} strokeDasharray={dashed ? "4 3" : undefined} />
      <polygon points={`${x2},${y2} ${p1} ${p2}`} stroke="none" />
    </g>
  );
}
