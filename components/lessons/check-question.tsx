"use client";
// A lesson's inline check question. Judged in the browser: the question is practice inside an open
// lesson (nothing is recorded or scored), and its answer follows from the scenario printed beside it,
// so it holds no secret; graded exercises still go through the server and never ship their keys.
import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { checkAnswer } from "@/lib/lessons/check-answer";
import type { CheckQuestion } from "@/lib/lessons/worked";
import { JobTable } from "./worked-example";

export function CheckQuestionView({ question, promptHtml }: { question: CheckQuestion; promptHtml: string }) {
  const id = useId();
  const [given, setGiven] = useState("");
  const [verdict, setVerdict] = useState<boolean | null>(null);
  const { answer } = question;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setVerdict(checkAnswer(answer, given));
  }

  return (
    <section
      className="my-6 rounded-lg border border-primary/40 bg-card p-4"
      aria-label="Check your understanding"
      data-slot="check-question"
    >
      <h3 className="text-base font-semibold">Check your understanding</h3>
      <div className="lesson-md mt-2 text-sm" id={`${id}-prompt`} dangerouslySetInnerHTML={{ __html: promptHtml }} />
      {question.jobs ? <JobTable jobs={question.jobs} caption="The jobs" /> : null}
      {question.source ? (
        <pre tabIndex={0} aria-label="The scenario" className="mt-2 overflow-x-auto rounded-md bg-muted p-3 text-xs">
          <code>{question.source}</code>
        </pre>
      ) : null}
      <form onSubmit={onSubmit} className="mt-3 flex flex-wrap items-end gap-3">
        {answer.kind === "number" ? (
          <label className="flex flex-col gap-1 text-sm">
            Your answer{answer.unit ? ` (${answer.unit})` : ""}
            <input
              type="text"
              inputMode="decimal"
              value={given}
              onChange={(e) => {
                setGiven(e.target.value);
                setVerdict(null);
              }}
              aria-describedby={`${id}-prompt`}
              className="w-40 rounded-md border border-border bg-background px-2 py-1.5"
            />
          </label>
        ) : (
          <fieldset className="flex flex-wrap gap-3 text-sm" aria-describedby={`${id}-prompt`}>
            <legend className="mb-1">Your answer</legend>
            {answer.options.map((o) => (
              <label key={o} className="flex items-center gap-1">
                <input
                  type="radio"
                  name={`${id}-choice`}
                  value={o}
                  checked={given === o}
                  onChange={() => {
                    setGiven(o);
                    setVerdict(null);
                  }}
                  className="accent-[var(--primary)]"
                />
                <span className="font-mono">{o}</span>
              </label>
            ))}
          </fieldset>
        )}
        <Button type="submit" disabled={given.trim() === ""}>
          Check
        </Button>
      </form>
      <div aria-live="polite" data-testid="check-verdict" className="mt-3 text-sm">
        {verdict === null ? null : (
          <>
            <p className={verdict ? "font-medium text-success" : "font-medium text-danger"}>
              {verdict ? "Correct." : "Not quite."}
            </p>
            <p className="mt-1">{question.explanation}</p>
          </>
        )}
      </div>
    </section>
  );
}
