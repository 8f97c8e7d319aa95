import Link from "next/link";
import { LocalTime } from "@/components/ui/local-time";
import type { InstructorHome } from "@/lib/analytics/instructor-home";

// What an instructor (or admin) sees on /dashboard instead of the student dashboard: where to go next.

const card = "rounded-lg border border-border bg-card p-5";

export function InstructorHomeView({ name, home }: { name: string; home: InstructorHome }) {
  return (
    <div className="flex flex-col gap-6" data-testid="instructor-home">
      <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
        <h1 className="mr-auto text-2xl font-bold">Welcome, {name}</h1>
        <Link href="/teach" className="text-sm underline">
          Question bank
        </Link>
        <Link href="/practice" className="text-sm underline">
          Practise as a student
        </Link>
      </div>

      <section className={card} aria-labelledby="classes-heading">
        <div className="flex items-baseline justify-between gap-4">
          <h2 id="classes-heading" className="font-semibold">
            Your classes
          </h2>
          <Link href="/teach/classes" className="text-sm underline">
            Manage classes
          </Link>
        </div>
        {home.classes.length === 0 ? (
          <p className="mt-2 text-sm text-muted-foreground">
            No classes yet.{" "}
            <Link href="/teach/classes" className="underline">
              Create one
            </Link>{" "}
            and give its join code to your students.
          </p>
        ) : (
          <ul className="mt-3 flex flex-col gap-2" data-testid="home-classes">
            {home.classes.map((c) => (
              <li key={c.id} className="flex flex-wrap gap-x-4 text-sm">
                <Link href={`/teach/classes/${c.id}`} className="mr-auto font-medium underline">
                  {c.name}
                </Link>
                <span className="text-muted-foreground">
                  {c.students} student{c.students === 1 ? "" : "s"} · {c.assignments} assignment
                  {c.assignments === 1 ? "" : "s"} · code <span className="font-mono">{c.joinCode}</span>
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className={card} aria-labelledby="due-soon-heading">
        <h2 id="due-soon-heading" className="font-semibold">
          Assignments due soon
        </h2>
        {home.dueSoon.length === 0 ? (
          <p className="mt-2 text-sm text-muted-foreground">Nothing is due in the next two weeks.</p>
        ) : (
          <ul className="mt-3 flex flex-col gap-2" data-testid="home-due">
            {home.dueSoon.map((a) => (
              <li key={a.id} className="flex flex-wrap gap-x-4 text-sm">
                <Link href={`/teach/classes/${a.classId}`} className="mr-auto underline">
                  {a.title} <span className="text-muted-foreground">· {a.className}</span>
                </Link>
                <span className="text-muted-foreground">
                  {a.questions} question{a.questions === 1 ? "" : "s"} · due <LocalTime iso={a.dueAt} />
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className={card} aria-labelledby="reports-heading">
        <div className="flex items-baseline justify-between gap-4">
          <h2 id="reports-heading" className="font-semibold">
            New problem reports <span className="font-normal text-muted-foreground">({home.openReportCount} open)</span>
          </h2>
          <Link href="/teach/reports" className="text-sm underline">
            All reports
          </Link>
        </div>
        {home.openReports.length === 0 ? (
          <p className="mt-2 text-sm text-muted-foreground">No open reports.</p>
        ) : (
          <ul className="mt-3 flex flex-col gap-2" data-testid="home-reports">
            {home.openReports.map((r) => (
              <li key={r.id} className="text-sm">
                <span className="font-medium">{r.questionTitle}</span>{" "}
                <span className="text-muted-foreground">
                  · {r.studentName} · seed {r.seed}
                </span>
                <p className="text-muted-foreground">{r.message}</p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className={card} aria-labelledby="discrimination-heading">
        <h2 id="discrimination-heading" className="font-semibold">
          Questions that tell students apart least
        </h2>
        <p className="mt-1 text-xs text-muted-foreground">
          Assigned questions by discrimination (upper minus lower 27% of the class), lowest first: near zero or negative
          means strong and weak students score alike, so the question may be too easy, too hard or unclear. Only
          questions answered by at least 3 students.
        </p>
        {home.worstDiscrimination.length === 0 ? (
          <p className="mt-2 text-sm text-muted-foreground">Not enough answers yet.</p>
        ) : (
          <ul className="mt-3 flex flex-col gap-2" data-testid="home-discrimination">
            {home.worstDiscrimination.map((q) => (
              <li key={`${q.classId} ${q.slug}`} className="flex flex-wrap gap-x-4 text-sm">
                <Link href={`/teach/analytics/${q.slug}`} className="mr-auto underline">
                  {q.title} <span className="text-muted-foreground">· {q.className}</span>
                </Link>
                <span className="tabular-nums text-muted-foreground">
                  {q.discrimination.toFixed(2)} · {q.students} students
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
