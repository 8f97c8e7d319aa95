import type { Metadata } from "next";
import Link from "next/link";
import { WrongAnswers } from "@/components/analytics/wrong-answers";
import { getQuestionAnalytics } from "@/lib/server/dal/analytics";
import { orNotFound } from "@/lib/server/dal/page-guard";
import { requirePageRole } from "@/lib/server/dal/session";

export const metadata: Metadata = { title: "Question analytics" };

const pct = (x: number | null) => (x === null ? "—" : `${Math.round(x * 100)}%`);

export default async function QuestionAnalyticsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requirePageRole(`/teach/analytics/${slug}`, "INSTRUCTOR", "ADMIN");
  const a = await orNotFound(getQuestionAnalytics(user, slug));
  const facts: [string, string][] = [
    ["Attempts", String(a.stats.attempts)],
    ["Mean score", pct(a.stats.meanScore)],
    ["First-attempt score", pct(a.stats.firstAttemptMean)],
    ["Attempts to correct", a.stats.avgAttemptsToCorrect === null ? "—" : a.stats.avgAttemptsToCorrect.toFixed(1)],
  ];
  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link href="/teach/classes" className="text-sm underline">
          Classes
        </Link>
        <h1 className="mt-2 text-2xl font-bold">{a.title}</h1>
        <p className="text-sm text-muted-foreground">
          {a.slug} · {a.type} · all students who answered it (anonymous aggregates; class discrimination is on each class page)
        </p>
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
    </div>
  );
}
