import type { MisconceptionCountDto } from "@/lib/analytics/misconceptions";

/** Issue #21: how many students of the scope hold each misconception on this question, with an example. */
export function MisconceptionCounts({
  items,
  students,
  of = "of those who answered",
}: {
  items: (MisconceptionCountDto & { questions?: string[] })[];
  students: number;
  of?: string;
}) {
  if (items.length === 0)
    return <p className="text-sm text-muted-foreground">No answer has reproduced a catalogued misconception yet.</p>;
  return (
    <ol className="flex flex-col gap-2" data-testid="misconception-counts">
      {items.map((m) => (
        <li key={m.id} className="rounded-md border border-border p-3" data-misconception={m.id}>
          <p className="text-sm font-medium">
            {m.name}{" "}
            <span className="font-normal text-muted-foreground">
              — {m.students} student{m.students === 1 ? "" : "s"}
              {students ? ` (${Math.round((m.students / students) * 100)}% ${of})` : ""}
            </span>
          </p>
          {m.questions?.length ? <p className="text-xs text-muted-foreground">In: {m.questions.join(", ")}</p> : null}
          <details className="mt-1 text-xs text-muted-foreground">
            <summary>Example feedback</summary>
            <p>{m.example}</p>
          </details>
        </li>
      ))}
    </ol>
  );
}
