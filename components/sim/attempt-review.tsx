import type { Answer, GradeReport, VariantView } from "@/lib/engine/questions";
import { GradeView } from "./grade-view";
import { PromptText } from "./prompt-text";
import { QuestionView } from "./question-view";

export interface AttemptReviewProps {
  view: VariantView;
  report: GradeReport;
  answer: Answer;
  /** The worked explanation (Markdown), shown folded. */
  explanation: string;
  /** False when an assignment's rules still withhold the reference: the server sent no explanation. */
  revealed?: boolean;
}

/** A past attempt: the question exactly as it was asked, then its grade and the worked explanation. */
export function AttemptReview({ view, report, answer, explanation, revealed = true }: AttemptReviewProps) {
  return (
    <>
      <QuestionView view={view} />
      <section aria-labelledby="grade-heading" className="flex flex-col gap-4">
        <h2 id="grade-heading" className="sr-only">
          Your result
        </h2>
        <GradeView report={report} parts={view.parts} answer={answer} />
      </section>
      {revealed ? (
        <details className="rounded-lg border border-border bg-card p-4">
          <summary className="cursor-pointer font-medium">Worked explanation</summary>
          <div className="mt-3">
            <PromptText markdown={explanation} />
          </div>
        </details>
      ) : (
        <p className="text-sm text-muted-foreground" data-testid="reference-hidden">
          The reference and explanation are hidden by the assignment&apos;s rules.
        </p>
      )}
    </>
  );
}
