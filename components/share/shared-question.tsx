"use client";

import dynamic from "next/dynamic";
import { startTransition, useEffect, useRef, useState } from "react";
import { AnswerFormShell } from "@/components/sim/answer-form-shell";
import { lazyPartInputFor } from "@/components/sim/part-inputs/lazy";
import { PromptText } from "@/components/sim/prompt-text";
import { QuestionView } from "@/components/sim/question-view";
import { Button } from "@/components/ui/button";
import type { Answer, GradeReport, ValidationIssue, VariantView } from "@/lib/engine/questions";

const GradeView = dynamic(() => import("@/components/sim/grade-view").then((m) => m.GradeView));

interface Props {
  code: string;
  view: VariantView;
  /** In an iframe on a course page: smaller heading, a link out instead of the account hint. */
  embedded?: boolean;
}

interface Graded {
  answer: Answer;
  report: GradeReport;
  explanation: string;
}

/**
 * A shared practice question answered without an account: the server grades the answer and sends the
 * reference and explanation back only then; nothing is stored.
 */
export function SharedQuestion({ code, view, embedded = false }: Props) {
  const [graded, setGraded] = useState<Graded | null>(null);
  const [errors, setErrors] = useState<ValidationIssue[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [retry, setRetry] = useState<Answer | null>(null);
  const resultRef = useRef<HTMLElement>(null);

  useEffect(() => {
    // After Submit the form unmounts: the result heading takes the focus and announces the score.
    const target = resultRef.current?.querySelector<HTMLElement>("h2, h3");
    if (!graded || !target) return;
    target.tabIndex = -1;
    target.focus();
  }, [graded]);

  async function submit(answer: Answer) {
    setPending(true);
    setErrors([]);
    setMessage(null);
    try {
      const response = await fetch(`/api/shared/${code}/grade`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ answer }),
      });
      const payload = (await response.json().catch(() => null)) as
        (Omit<Graded, "answer"> & { error?: { message: string; fields?: Record<string, string[]> } }) | null;
      if (!response.ok || !payload || payload.error) {
        const fields = payload?.error?.fields;
        if (fields)
          setErrors(Object.entries(fields).flatMap(([path, messages]) => messages.map((m) => ({ path, message: m }))));
        setMessage(payload?.error?.message ?? `grading failed (${response.status})`);
        return;
      }
      startTransition(() => {
        setGraded({ answer, report: payload.report, explanation: payload.explanation });
        setRetry(null);
      });
    } catch {
      setMessage("the answer could not be sent; check the connection and try again");
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="flex flex-col gap-6" data-testid="shared-question">
      <QuestionView view={view} titleAs="h1" className={embedded ? "[&>h1]:text-xl" : undefined} />
      {!graded ? (
        <AnswerFormShell
          view={view}
          inputFor={lazyPartInputFor}
          partsOnly
          onSubmit={submit}
          errors={errors}
          pending={pending}
          submitLabel="Check my answer"
          initialAnswer={retry ?? undefined}
        />
      ) : null}
      {message ? (
        <p
          role="alert"
          className="rounded-md border border-danger/40 bg-danger/10 p-3 text-sm text-danger"
          data-testid="shared-message"
        >
          {message}
        </p>
      ) : null}
      {graded ? (
        <section ref={resultRef} aria-label="Your result" className="flex flex-col gap-4" data-testid="grade-result">
          <GradeView report={graded.report} parts={view.parts} answer={graded.answer} />
          {graded.explanation ? (
            <details className="rounded-lg border border-border bg-card p-4" open={graded.report.correct}>
              <summary className="cursor-pointer font-medium">Worked explanation</summary>
              <div className="mt-3">
                <PromptText markdown={graded.explanation} />
              </div>
            </details>
          ) : null}
          <div>
            <Button
              variant="secondary"
              onClick={() => {
                setRetry(graded.answer);
                setGraded(null);
              }}
            >
              Try again
            </Button>
          </div>
        </section>
      ) : null}
      <p className="text-sm text-muted-foreground">
        Practice only: answers here are graded but not saved.{" "}
        <a href="/signup" target={embedded ? "_blank" : undefined} rel="noopener" className="text-primary underline">
          Sign up
        </a>{" "}
        to track your progress on Timeslice.
      </p>
    </div>
  );
}
