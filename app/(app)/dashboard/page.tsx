import type { Metadata } from "next";
import Link from "next/link";
import { AssignmentsCard } from "@/components/classes/assignments-card";
import { MasteryChart } from "@/components/progress/mastery-chart";
import { ReadinessCard } from "@/components/progress/readiness-card";
import { StreakToggle } from "@/components/progress/settings-controls";
import { StartReviewButton } from "@/components/progress/start-review-button";
import { InstructorHomeView } from "@/components/teach/instructor-home";
import { listMyAssignments } from "@/lib/server/dal/classes";
import { getInstructorHome } from "@/lib/server/dal/instructor-home";
import { listMyMisconceptions } from "@/lib/server/dal/my-misconceptions";
import { getDashboard } from "@/lib/server/dal/progress";
import { getReadiness } from "@/lib/server/dal/readiness";
import { requirePageUser } from "@/lib/server/dal/session";
import { isTeacher } from "@/lib/roles";

export const metadata: Metadata = { title: "Dashboard" };

const DAY_LABEL: Record<string, string> = {
  counted: "counted",
  neutral: "nothing due",
  frozen: "freeze used",
  missed: "missed",
  pending: "today, not yet",
};
const DAY_TONE: Record<string, string> = {
  counted: "bg-success",
  neutral: "bg-muted",
  frozen: "bg-primary/50",
  missed: "bg-danger",
  pending: "border border-border",
};

export default async function DashboardPage() {
  const user = await requirePageUser("/dashboard");
  // Instructors and admins land here too (sign-in goes to /dashboard): they get their own home.
  if (isTeacher(user)) return <InstructorHomeView name={user.name} home={await getInstructorHome(user)} />;
  const [data, mine, readiness, misconceptions] = await Promise.all([
    getDashboard(user),
    listMyAssignments(user),
    getReadiness(user),
    listMyMisconceptions(user),
  ]);
  const started = data.topics.some((t) => t.percent !== null);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">Welcome, {user.name}</h1>

      <section
        className="flex flex-wrap items-center gap-4 rounded-lg border border-border bg-card p-5"
        aria-labelledby="review-heading"
      >
        <div className="mr-auto">
          <h2 id="review-heading" className="font-semibold">
            Review now
          </h2>
          <p className="text-sm text-muted-foreground" data-testid="dashboard-due">
            {data.dueCount === 0
              ? "Nothing is due. Wrong answers come back here automatically."
              : `${data.dueCount} question${data.dueCount === 1 ? "" : "s"} due today.`}
          </p>
        </div>
        {data.dueCount > 0 ? <StartReviewButton /> : null}
        <Link href="/review" className="text-sm underline">
          Review queue
        </Link>
        <Link href="/mock" className="text-sm underline">
          Mock interview
        </Link>
      </section>

      <AssignmentsCard assignments={mine.assignments} />

      <ReadinessCard view={readiness} />

      {misconceptions.length > 0 ? (
        <section className="rounded-lg border border-border bg-card p-5" aria-labelledby="misconceptions-heading">
          <h2 id="misconceptions-heading" className="font-semibold">
            Mistakes you keep making
          </h2>
          <p className="mt-1 text-xs text-muted-foreground">
            Your recent answers reproduced these known misconceptions more than once.
          </p>
          <ol className="mt-3 flex flex-col gap-2" data-testid="my-misconceptions">
            {misconceptions.map((m) => (
              <li key={m.id} className="rounded-md border border-border p-3" data-misconception={m.id}>
                <p className="text-sm font-medium">
                  {m.name}{" "}
                  <span className="font-normal text-muted-foreground">
                    — {m.attempts} answers in {m.questions} question{m.questions === 1 ? "" : "s"}
                  </span>
                </p>
                <details className="mt-1 text-xs text-muted-foreground">
                  <summary>Why it is wrong (your latest)</summary>
                  <p>{m.example}</p>
                </details>
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      <section className="rounded-lg border border-border bg-card p-5" aria-labelledby="mastery-heading">
        <h2 id="mastery-heading" className="font-semibold">
          Mastery by topic
        </h2>
        <p className="mt-1 text-xs text-muted-foreground">
          Recent-weighted score of your graded attempts (newest answers count most).
        </p>
        {data.weakest.length > 0 ? (
          <div className="mt-3">
            <h3 className="text-sm font-medium">Weakest first</h3>
            <ol className="mt-1 flex flex-wrap gap-2" aria-label="Weakest topics">
              {data.weakest.map((t) => (
                <li key={t.slug}>
                  <Link
                    href={`/practice/${t.slug}`}
                    className="inline-block rounded-md border border-border px-3 py-1.5 text-sm hover:border-primary"
                  >
                    Practise {t.short} ({t.percent}%)
                  </Link>
                </li>
              ))}
            </ol>
          </div>
        ) : null}
        <div className="mt-4">
          <MasteryChart
            bars={data.topics.map((t) => ({ slug: t.slug, label: t.short, attempts: t.attempts, percent: t.percent }))}
          />
        </div>
        {!started ? (
          <p className="mt-3 text-sm">
            <Link href="/practice" className="underline">
              Start practising
            </Link>{" "}
            to see your mastery here.
          </p>
        ) : null}
        {data.tags.length > 0 ? (
          <details className="mt-4">
            <summary className="cursor-pointer text-sm font-medium">By tag</summary>
            <table className="mt-2 w-full text-sm">
              <thead>
                <tr className="text-left text-muted-foreground">
                  <th className="font-normal">Tag</th>
                  <th className="font-normal">Attempts</th>
                  <th className="font-normal">Mastery</th>
                </tr>
              </thead>
              <tbody>
                {data.tags.map((t) => (
                  <tr key={t.tag}>
                    <td>{t.tag}</td>
                    <td className="tabular-nums">{t.attempts}</td>
                    <td className="tabular-nums">{t.percent === null ? "—" : `${t.percent}%`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        ) : null}
      </section>

      <section className="rounded-lg border border-border bg-card p-5" aria-labelledby="streak-heading">
        <h2 id="streak-heading" className="font-semibold">
          Streak
        </h2>
        <div className="mt-2">
          <StreakToggle enabled={data.settings.streaksEnabled} timeZone={data.settings.timeZone} />
        </div>
        {data.streak ? (
          <div className="mt-3 flex flex-col gap-2">
            <p className="text-sm" data-testid="streak-current">
              <span className="text-2xl font-bold tabular-nums">{data.streak.current}</span> day
              {data.streak.current === 1 ? "" : "s"} · longest {data.streak.longest}
              {data.streak.todayCounts ? " · today counts" : " · today needs 3 graded answers or all due reviews"}
              {data.streak.freezeUsedThisWeek ? " · this week's freeze is used" : ""}
            </p>
            <ol className="flex gap-1" aria-label="Last 14 days">
              {data.streak.recent.map((d) => (
                <li key={d.day} className={`size-4 rounded-sm ${DAY_TONE[d.status]}`} title={DAY_LABEL[d.status]}>
                  <span className="sr-only">
                    {new Date(d.day * 86_400_000).toISOString().slice(0, 10)}: {DAY_LABEL[d.status]}
                  </span>
                </li>
              ))}
            </ol>
          </div>
        ) : (
          <p className="mt-1 text-sm text-muted-foreground">
            Off. A day counts with 3 graded answers or all due reviews done; one missed day a week is forgiven.
          </p>
        )}
      </section>
    </div>
  );
}
