import type { Metadata } from "next";
import Link from "next/link";
import { MisconceptionCounts } from "@/components/analytics/misconceptions";
import { WrongAnswers } from "@/components/analytics/wrong-answers";
import { getQuestionAnalytics } from "@/lib/server/dal/analytics";
import { orNotFound } from "@/lib/server/dal/page-guard";
import { requirePageTeacher } from "@/lib/server/dal/session";

export const metadata: Metadata = { title: "Question analytics" };

const pct = (x: number | null) => (x === null ? "—" : `${Math.round(x * 100)}%`);

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ scope?: string | string[] }> };

export default async function QuestionAnalyticsPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { scope } = await searchParams;
  const user = await requirePageTeacher(`/teach/analytics/${slug}`);
  const a = await orNotFound(getQuestionAnalytics(user, slug, typeof scope === "string" ? scope : undefined));
  const facts: [string, string][] = [
    ["Attempts", String(a.stats.attempts)],
    ["Mean score", pct(a.stats.meanScore)],
    ["First-attempt score", pct(a.stats.firstAttemptMean)],
    ["Attempts to correct", a.stats.avgAttemptsToCorrect === null ? "—" : a.stats.avgAttemptsToCorrect.toFixed(1)],
    ["Students", String(a.students)],
    // Below the minimum the 27% groups are a handful of students: the index would be noise.
    [
      "Discrimination D (first attempts)",
      a.students < a.minDiscriminationN
        ? `needs ${a.minDiscriminationN} students`
        : a.discrimination === null
          ? "—"
          : a.discrimination.toFixed(2),
    ],
    [
      "Point-biserial r",
      a.students < a.minDiscriminationN
        ? `needs ${a.minDiscriminationN} students`
        : a.pointBiserial === null
          ? "—"
          : a.pointBiserial.toFixed(2),
    ],
  ];
  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link href="/teach/classes" className="text-sm underline">
          Classes
        </Link>
        <h1 className="mt-2 text-2xl font-bold">{a.title}</h1>
        <p className="text-sm text-muted-foreground" data-testid="analytics-scope">
          {a.slug} · {a.type} ·{" "}
          {a.scope.kind === "none"
            ? "you have no class yet: statistics cover only your own classes"
            : `students of ${a.scope.label} (practice attempts left out)`}
        </p>
        {a.scopes.length > 0 ? (
          <nav aria-label="Scope" className="mt-2 flex flex-wrap gap-2 text-sm">
            {a.scopes.map((s) => (
              <Link
                key={`${s.kind}:${s.id}`}
                href={`/teach/analytics/${a.slug}?scope=${s.kind}:${s.id}`}
                aria-current={s.kind === a.scope.kind && s.id === a.scope.id ? "page" : undefined}
                className="rounded-md border border-border px-2 py-1 aria-[current=page]:border-primary aria-[current=page]:font-medium"
              >
                {s.label}
              </Link>
            ))}
          </nav>
        ) : null}
      </div>
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4" data-testid="question-stats">
        {facts.map(([k, v]) => (
          <div key={k} className="rounded-md border border-border p-3">
            <dt className="text-xs text-muted-foreground">{k}</dt>
            <dd className="text-xl font-semibold">{v}</dd>
          </div>
        ))}
      </dl>
      <section aria-labelledby="wrong-heading" className="flex flex-col gap-3">
        <h2 id="wrong-heading" className="font-semibold">
          Most common wrong answers
        </h2>
        <WrongAnswers groups={a.wrongAnswers} total={a.stats.attempts} />
      </section>
      <section aria-labelledby="misconceptions-heading" className="flex flex-col gap-3">
        <h2 id="misconceptions-heading" className="font-semibold">
          Misconceptions held
        </h2>
        <MisconceptionCounts items={a.misconceptions} students={a.students} />
      </section>
    </div>
  );
}
