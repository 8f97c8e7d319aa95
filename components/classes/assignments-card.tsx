import Link from "next/link";
import type { AssignmentDto } from "@/lib/analytics/dto";
import { percent } from "./api";
import { LocalTime } from "@/components/ui/local-time";

/** The assessment rules in one short line (the question page lists them in full). */
export function rulesLine(a: AssignmentDto): string {
  const r = a.rules;
  const attempts =
    r.maxAttempts === null
      ? "unlimited attempts"
      : `${r.maxAttempts} attempt${r.maxAttempts === 1 ? "" : "s"} per question`;
  const reveal =
    r.reveal === "after-attempt"
      ? "answers after each attempt"
      : r.reveal === "after-due"
        ? "answers after the due date"
        : "answers never shown";
  const late = !a.dueAt
    ? ""
    : r.latePolicy === "close"
      ? ", closes when due"
      : r.latePenalty > 0
        ? `, late work −${Math.round(r.latePenalty * 100)}%`
        : "";
  const hints =
    r.hintPenalty > 0 && r.hintPenaltyMax > 0
      ? `, hints −${Math.round(r.hintPenalty * 100)}% each (at most −${Math.round(r.hintPenaltyMax * 100)}%)`
      : "";
  return `${attempts}, ${reveal}${late}${hints}`;
}

/** A student's assignments with their own best score per question; for the dashboard and /classes. */
export function AssignmentsCard({ assignments, now = new Date() }: { assignments: AssignmentDto[]; now?: Date }) {
  return (
    <section className="rounded-lg border border-border bg-card p-5" aria-labelledby="assignments-heading">
      <div className="flex items-baseline justify-between gap-4">
        <h2 id="assignments-heading" className="font-semibold">
          Assignments
        </h2>
        <Link href="/classes" className="text-sm underline">
          Classes
        </Link>
      </div>
      {assignments.length === 0 ? (
        <p className="mt-2 text-sm text-muted-foreground">
          No assignments. Join a class with the code your instructor gives you.
        </p>
      ) : (
        <ul className="mt-3 flex flex-col gap-4" data-testid="assignments">
          {assignments.map((a) => {
            const due = a.dueAt ? new Date(a.dueAt) : null;
            const late = due !== null && due < now;
            return (
              <li key={a.id}>
                <p className="text-sm font-medium">
                  {a.title} <span className="font-normal text-muted-foreground">· {a.className}</span>
                </p>
                <p className={late ? "text-xs text-danger" : "text-xs text-muted-foreground"}>
                  {due ? (
                    <>
                      {late ? "was due" : "due"} <LocalTime iso={a.dueAt!} />
                    </>
                  ) : (
                    "no due date"
                  )}
                  {a.grade !== null ? <span data-testid="assignment-grade"> · grade {percent(a.grade)}</span> : null}
                </p>
                <p className="text-xs text-muted-foreground">{rulesLine(a)}</p>
                <ul className="mt-1 flex flex-wrap gap-2">
                  {a.questions.map((q) => (
                    <li key={q.slug}>
                      <Link
                        href={`/classes/a/${a.id}/${q.slug}`}
                        className="inline-block rounded-md border border-border px-3 py-1.5 text-sm hover:border-primary"
                      >
                        {q.title}{" "}
                        <span className="text-muted-foreground">
                          ({q.attempts ? `credit ${percent(q.bestScore)}` : "not started"})
                        </span>
                      </Link>
                    </li>
                  ))}
                </ul>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
