import Link from "next/link";
import type { MockExplainReport, MockReport } from "@/lib/progress/mock";
import { topicBySlug } from "@/lib/topics";

const pct = (x: number) => `${Math.round(x * 100)}%`;

function duration(seconds: number | null): string {
  if (seconds === null) return "not answered";
  return seconds >= 60 ? `${Math.floor(seconds / 60)} min ${seconds % 60} s` : `${seconds} s`;
}

export function MockReportView({ report }: { report: MockReport }) {
  return (
    <div className="flex flex-col gap-6" data-testid="mock-report">
      <p className="text-lg">
        Overall <strong>{pct(report.overall)}</strong> · {report.answered} of {report.asked} answered
        {report.explain ? (
          <>
            {" "}
            · explain prompt{" "}
            <a href="#explain-heading" className="underline" data-testid="mock-explain-summary">
              {report.explain.selfScore === null
                ? report.explain.answer === null
                  ? "not answered"
                  : "not self-assessed"
                : `${pct(report.explain.selfScore)} of key points (self-assessed)`}
            </a>
          </>
        ) : null}
      </p>
      <section aria-labelledby="by-topic-heading">
        <h2 id="by-topic-heading" className="font-semibold">
          Score by topic
        </h2>
        <div className="overflow-x-auto">
          <table className="mt-2 w-full text-sm" data-testid="mock-by-topic">
            <thead>
              <tr className="text-left text-muted-foreground">
                <th className="py-1 font-normal">Topic</th>
                <th className="font-normal">Asked</th>
                <th className="font-normal">Answered</th>
                <th className="font-normal">Score</th>
              </tr>
            </thead>
            <tbody>
              {report.byTopic.map((t) => (
                <tr key={t.topic} className="border-t border-border">
                  <td className="py-1">{topicBySlug(t.topic)?.short ?? t.topic}</td>
                  <td className="tabular-nums">{t.asked}</td>
                  <td className="tabular-nums">{t.answered}</td>
                  <td className="tabular-nums">{pct(t.meanScore)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="per-question-heading">
        <h2 id="per-question-heading" className="font-semibold">
          Question by question
        </h2>
        <p className="text-sm text-muted-foreground">Open a question to see its feedback and replay.</p>
        <ol className="mt-2 flex flex-col gap-1 text-sm" data-testid="mock-per-question">
          {report.perQuestion.map((q, i) => (
            <li key={i} className="flex flex-wrap gap-x-3">
              <span className="mr-auto">
                {i + 1}.{" "}
                {q.attemptId ? (
                  <Link href={`/history/${q.attemptId}`} className="underline">
                    {q.title}
                  </Link>
                ) : (
                  q.title
                )}{" "}
                <span className="text-muted-foreground">(difficulty {q.difficulty})</span>
              </span>
              <span className="tabular-nums">{q.score === null ? "—" : pct(q.score)}</span>
              <span className="w-32 text-right text-muted-foreground">{duration(q.seconds)}</span>
            </li>
          ))}
        </ol>
      </section>
      {report.explain ? <ExplainSection explain={report.explain} /> : null}
      <section aria-labelledby="to-review-heading">
        <h2 id="to-review-heading" className="font-semibold">
          What to review
        </h2>
        {report.toReview.length === 0 ? (
          <p className="text-sm text-muted-foreground">Everything was right. Well done.</p>
        ) : (
          <>
            <p className="text-sm text-muted-foreground">These are due in your review queue now.</p>
            <ul className="mt-1 list-disc pl-5 text-sm">
              {report.toReview.map((t) => (
                <li key={t.templateId}>{t.title}</li>
              ))}
            </ul>
            <Link href="/review" className="mt-2 inline-block text-sm underline">
              Go to the review queue
            </Link>
          </>
        )}
      </section>
    </div>
  );
}

/** The explain prompt: the candidate's text, the model answer and the rubric with their own ticks. */
function ExplainSection({ explain }: { explain: MockExplainReport }) {
  return (
    <section aria-labelledby="explain-heading" data-testid="mock-report-explain">
      <h2 id="explain-heading" className="scroll-mt-20 font-semibold">
        Explain prompt (self-assessed)
      </h2>
      <p className="mt-1 text-sm">{explain.prompt}</p>
      <p className="mt-2 text-sm text-muted-foreground">
        {explain.answer === null ? "Not answered." : `Answered in ${duration(explain.seconds)}.`}{" "}
        {explain.assessed
          ? `You covered ${explain.keyPoints.filter((k) => k.covered).length} of ${explain.keyPoints.length} key points.`
          : "Not self-assessed."}
      </p>
      {explain.answer !== null ? (
        <p className="mt-2 rounded-md border border-border p-3 text-sm whitespace-pre-wrap">{explain.answer}</p>
      ) : null}
      <h3 className="mt-3 text-sm font-semibold">Key points an interviewer listens for</h3>
      <ul className="mt-1 flex flex-col gap-1 text-sm" data-testid="mock-report-key-points">
        {explain.keyPoints.map((k) => (
          <li key={k.id}>
            <span aria-label={k.covered ? "covered" : "not covered"}>{k.covered ? "✓" : "✗"}</span> {k.text}
          </li>
        ))}
      </ul>
      <h3 className="mt-3 text-sm font-semibold">Model answer</h3>
      <p className="mt-1 text-sm">{explain.modelAnswer}</p>
    </section>
  );
}
