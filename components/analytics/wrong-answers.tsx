import type { WrongAnswerGroupDto } from "@/lib/analytics/wrong-answers";

/** The most common wrong answers of a question, each with its label and one example answer. */
export function WrongAnswers({ groups, total }: { groups: WrongAnswerGroupDto[]; total: number }) {
  if (groups.length === 0) return <p className="text-sm text-muted-foreground">No wrong answers yet.</p>;
  return (
    <ol className="flex flex-col gap-2" data-testid="wrong-answers">
      {groups.map((g) => (
        <li key={g.key} className="rounded-md border border-border p-3">
          <p className="text-sm font-medium">
            {g.label}{" "}
            <span className="font-normal text-muted-foreground">
              — {g.count} answer{g.count === 1 ? "" : "s"}
              {total ? ` (${Math.round((g.count / total) * 100)}% of attempts)` : ""}
            </span>
          </p>
          <details className="mt-1 text-xs text-muted-foreground">
            <summary>Example answer</summary>
            <code className="break-all">{g.sample}</code>
          </details>
        </li>
      ))}
    </ol>
  );
}
