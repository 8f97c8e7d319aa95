import Link from "next/link";

export interface MasteryBar {
  slug: string;
  label: string;
  attempts: number;
  /** 0..100, null when not started. */
  percent: number | null;
}

function tone(percent: number): string {
  if (percent >= 80) return "bg-success";
  if (percent >= 50) return "bg-warning";
  return "bg-danger";
}

/** Horizontal bars, one per topic; every bar also says its number in text, so it reads without the picture. */
export function MasteryChart({ bars }: { bars: MasteryBar[] }) {
  return (
    <ul className="flex flex-col gap-3" aria-label="Mastery by topic" data-testid="mastery-chart">
      {bars.map((bar) => (
        <li
          key={bar.slug}
          className="grid grid-cols-[minmax(0,9rem)_1fr_auto] items-center gap-2 text-sm sm:grid-cols-[12rem_1fr_auto]"
        >
          <Link href={`/practice/${bar.slug}`} className="truncate underline-offset-2 hover:underline">
            {bar.label}
          </Link>
          <div
            role="img"
            aria-label={
              bar.percent === null
                ? `${bar.label}: not started`
                : `${bar.label}: ${bar.percent}% mastery over ${bar.attempts} attempts`
            }
            className="h-3 overflow-hidden rounded-full bg-muted"
          >
            {bar.percent !== null ? (
              <div className={`h-full ${tone(bar.percent)}`} style={{ width: `${Math.max(2, bar.percent)}%` }} />
            ) : null}
          </div>
          <span className="w-24 text-right tabular-nums text-muted-foreground">
            {bar.percent === null ? "not started" : `${bar.percent}% · ${bar.attempts}`}
          </span>
        </li>
      ))}
    </ul>
  );
}
