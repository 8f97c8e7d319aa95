import type { PartGrade } from "@/lib/engine/questions";
import { formatMs } from "./timeline-model";

/**
 * Issue #21: the named mistake(s) a wrong answer reproduces, proved by running the misconception through
 * the engine. One card per part that has any; the best match is explained, the others only named (a
 * partial answer can be consistent with several beliefs up to the instant they part from the truth).
 */
export function MisconceptionCards({ parts }: { parts: readonly PartGrade[] }) {
  const named = parts.filter((p) => (p.misconceptions?.length ?? 0) > 0);
  if (named.length === 0) return null;
  return (
    <div className="flex flex-col gap-3">
      {named.map((p) => {
        const [best, ...others] = p.misconceptions!;
        return (
          <div
            key={p.id}
            className="flex flex-col gap-2 rounded-lg border border-warning/60 bg-card p-4"
            data-testid="misconception"
            data-misconception={best!.id}
          >
            <h3 className="font-medium">
              Known mistake{named.length > 1 ? ` (${p.label})` : ""}:{" "}
              <span data-testid="misconception-name">{best!.name}</span>
            </h3>
            {best!.divergesAt ? (
              <p className="text-sm" data-testid="misconception-time">
                It parts from the right answer at t = {formatMs(best!.divergesAt.time)} ms (slot {best!.divergesAt.slot}
                ).
              </p>
            ) : null}
            <p className="text-sm">{best!.explanation}</p>
            {best!.source ? <p className="text-xs text-muted-foreground">Source: {best!.source}</p> : null}
            {others.length > 0 ? (
              <p className="text-xs text-muted-foreground">
                Up to that point your answer is also consistent with: {others.map((o) => o.name).join("; ")}.
              </p>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}
