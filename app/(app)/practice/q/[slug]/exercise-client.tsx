"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { startTransition, useEffect, useRef, useState } from "react";
import { LocalTime } from "@/components/ui/local-time";
import { ReportProblem } from "@/components/classes/report-problem";
import { StartReviewButton } from "@/components/progress/start-review-button";
import { AnswerFormShell } from "@/components/sim/answer-form-shell";
import { lazyPartInputFor } from "@/components/sim/part-inputs/lazy";
import { PromptText } from "@/components/sim/prompt-text";
import { QuestionView } from "@/components/sim/question-view";
import { Button } from "@/components/ui/button";
import { hintCostNotice } from "@/lib/analytics/assessment";
import { ApiError, apiJson } from "@/lib/api/client";
import type { Answer, ValidationIssue, VariantView } from "@/lib/engine/questions";
import type { AttemptDto, HistoryEntry, SubmitResult } from "@/lib/server/dal/attempts";

type HintState = "available" | "locked" | "none";

interface Props {
  slug: string;
  variantId: string;
  view: VariantView;
  maxAttempts: number | null;
  initialAttempts: AttemptDto[];
  hints: string[];
  hintState: HintState;
  explanation: string | null;
  /**
   * Set when the variant was drawn from an assignment (app/(app)/classes/a): its rules in words, and
   * whether references are shown now or from a date. After a reveal a retry needs a new variant.
   */
  assignment?: {
    id: string;
    rules: string[];
    revealVisible: boolean;
    revealAt: string | null;
    /** The assignment's hint penalty (fractions), so the cost of the next hint is said before it is opened. */
    hintPenalty?: { hintPenalty: number; hintPenaltyMax: number };
  };
  /** Opened from the review queue: a graded attempt offers the next due review. */
  inReview?: boolean;
}

// The grade view (charts, replay) is shown only once an answer is graded, so it is not part of the
// page's first load: a submission fetches it alongside the grading request. A page that opens on a
// graded attempt renders it on the server and preloads it.
const GradeView = dynamic(() => import("@/components/sim/grade-view").then((m) => m.GradeView));
function preloadGradeView(): Promise<unknown> {
  return import("@/components/sim/grade-view").catch(() => undefined);
}

/** A fresh id per submission: retries of the same request are stored once by the server. */
function newSubmissionId(): string {
  return crypto.randomUUID().replace(/-/g, "");
}

export function ExerciseClient({
  slug,
  variantId,
  view,
  maxAttempts,
  initialAttempts,
  hints: initialHints,
  hintState: initialHintState,
  explanation: initialExplanation,
  assignment,
  inReview = false,
}: Props) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [attempts, setAttempts] = useState(initialAttempts);
  const [explanation, setExplanation] = useState(initialExplanation);
  const [hints, setHints] = useState(initialHints);
  const [hintState, setHintState] = useState<HintState>(initialHintState);
  const [errors, setErrors] = useState<ValidationIssue[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [reviewing, setReviewing] = useState(false);
  const [revealVisible, setRevealVisible] = useState(assignment?.revealVisible ?? true);
  // The attempt just graded by a Submit on this page, whose result heading takes the focus (not one the
  // page opened on): otherwise focus falls to <body> when the form unmounts, and a screen reader says
  // nothing. The heading reads "Correct: 100%" / "Result: 40%", so moving focus there announces the score.
  const [focusAttempt, setFocusAttempt] = useState<string | null>(null);
  const resultRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (!focusAttempt || !resultRef.current) return;
    const target = resultRef.current.querySelector<HTMLElement>("h2, h3") ?? resultRef.current;
    target.tabIndex = -1;
    target.focus();
    setFocusAttempt(null);
  }, [focusAttempt]);

  const latest = attempts.at(-1);
  const attemptsLeft = maxAttempts === null ? null : Math.max(0, maxAttempts - attempts.length);
  const solved = latest?.correct ?? false;

  const submit = useMutation({
    mutationFn: async (answer: Answer) => {
      const [result] = await Promise.all([
        apiJson<SubmitResult>(`/api/variants/${variantId}/attempts`, {
          method: "POST",
          body: { submissionId: newSubmissionId(), answer },
        }),
        preloadGradeView(),
      ]);
      return result;
    },
    onMutate: () => {
      setErrors([]);
      setMessage(null);
    },
    onSuccess: (result) => {
      // A transition: should the grade view's code still be on its way, the form stays up until it is
      // here instead of the page blanking to a loading state.
      startTransition(() => {
        setAttempts((list) => (list.some((a) => a.id === result.attempt.id) ? list : [...list, result.attempt]));
        setExplanation(result.explanation);
        setHintState(result.hintState);
        setRevealVisible(result.reveal.visible);
        setReviewing(false);
        setFocusAttempt(result.attempt.id);
      });
      void queryClient.invalidateQueries({ queryKey: ["question-history", slug] });
    },
    onError: (error) => {
      if (error instanceof ApiError) {
        setErrors(
          Object.entries(error.fields).flatMap(([path, messages]) => messages.map((m) => ({ path, message: m }))),
        );
      }
      setMessage(
        error instanceof ApiError && error.status === 400
          ? `${error.message} — this did not use an attempt.`
          : error.message,
      );
    },
  });

  const newVariant = useMutation({
    mutationFn: () =>
      assignment
        ? apiJson<{ variantId: string }>(`/api/assignments/${assignment.id}/variants`, {
            method: "POST",
            body: { slug, fresh: true },
          })
        : apiJson<{ variantId: string }>("/api/variants", { method: "POST", body: { slug } }),
    onSuccess: () => router.refresh(),
    onError: (error) => setMessage(error.message),
  });

  const hint = useMutation({
    mutationFn: () =>
      apiJson<{ hints: string[]; hintState: HintState }>(`/api/variants/${variantId}/hints`, { method: "POST" }),
    onSuccess: (result) => {
      setHints(result.hints);
      // The server's word, so the button never offers a hint after the last one (nor hides one still open).
      setHintState(result.hintState);
    },
    onError: (error) => setMessage(error.message),
  });

  const history = useQuery({
    queryKey: ["question-history", slug],
    queryFn: () => apiJson<{ history: HistoryEntry[] }>(`/api/questions/${slug}/attempts`),
  });

  const showForm = !latest || reviewing;
  const outOfAttempts = attemptsLeft === 0;
  // In an assignment, a variant whose reference was shown is done: the retry is on a new variant.
  const sameVariantRetry = !assignment || !revealVisible;
  // Said before the student opens the hint, as the assignment's rules charge for it (creditFor).
  const hintCost = assignment?.hintPenalty ? hintCostNotice(assignment.hintPenalty, hints.length) : null;

  return (
    <div className="flex flex-col gap-8">
      <QuestionView view={view} />

      {assignment ? (
        <section
          aria-label="Assignment rules"
          className="rounded-lg border border-border bg-muted p-4 text-sm"
          data-testid="assignment-rules"
        >
          <ul className="list-disc pl-5">
            {assignment.rules.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
          {attemptsLeft !== null ? <p className="mt-2">Attempts left: {attemptsLeft}</p> : null}
        </section>
      ) : null}

      {showForm ? (
        <AnswerFormShell
          view={view}
          inputFor={lazyPartInputFor}
          partsOnly
          onSubmit={(answer) => submit.mutate(answer)}
          errors={errors}
          pending={submit.isPending}
          disabled={outOfAttempts}
          submitLabel={outOfAttempts ? "No attempts left" : "Submit answer"}
          initialAnswer={reviewing ? latest?.answer : undefined}
        />
      ) : null}

      {message ? (
        <p
          role="alert"
          className="rounded-md border border-danger/40 bg-danger/10 p-3 text-sm text-danger"
          data-testid="exercise-message"
        >
          {message}
        </p>
      ) : null}

      {latest && !reviewing ? (
        <section
          ref={resultRef}
          aria-label={`Attempt ${latest.attemptNumber}`}
          className="flex flex-col gap-4"
          data-testid="grade-result"
        >
          <p className="text-sm text-muted-foreground">
            Attempt {latest.attemptNumber}
            {maxAttempts !== null ? ` of ${maxAttempts}` : ""}
          </p>
          {assignment && !revealVisible ? (
            <p className="rounded-md border border-border bg-muted p-3 text-sm" data-testid="reference-hidden">
              {assignment.revealAt ? (
                <>
                  Reference hidden until <LocalTime iso={assignment.revealAt} />.
                </>
              ) : (
                "This assignment never shows references."
              )}
            </p>
          ) : null}
          {latest.practice ? (
            <p className="text-sm text-muted-foreground">
              Practice attempt: you had seen the reference, so it does not change your best score.
            </p>
          ) : null}
          <GradeView report={latest.report} parts={view.parts} answer={latest.answer} />
          {explanation ? (
            <details className="rounded-lg border border-border bg-card p-4" open={solved}>
              <summary className="cursor-pointer font-medium">Worked explanation</summary>
              <div className="mt-3">
                <PromptText markdown={explanation} />
              </div>
            </details>
          ) : null}
        </section>
      ) : null}

      <div className="flex flex-wrap items-center gap-3">
        {latest && !reviewing && !solved && !outOfAttempts && sameVariantRetry ? (
          // A transition: a page that opened on a graded attempt has not loaded the answer widgets yet,
          // and the result stays on screen until they are in instead of the page falling back to loading.
          <Button variant="secondary" onClick={() => startTransition(() => setReviewing(true))}>
            Try again{attemptsLeft !== null ? ` (${attemptsLeft} left)` : ""}
          </Button>
        ) : null}
        {latest && !reviewing && inReview ? <StartReviewButton label="Next review" /> : null}
        {latest ? (
          <Button
            variant={inReview ? "secondary" : solved || outOfAttempts ? "primary" : "secondary"}
            onClick={() => newVariant.mutate()}
            disabled={newVariant.isPending}
          >
            {newVariant.isPending ? "Drawing…" : "New variant"}
          </Button>
        ) : null}
        {hintState === "available" ? (
          <Button variant="ghost" onClick={() => hint.mutate()} disabled={hint.isPending}>
            {hintCost ? "Show a hint (costs credit)" : "Show a hint"}
          </Button>
        ) : null}
        {hintState === "available" && hintCost ? (
          <p className="text-sm text-warning" data-testid="hint-cost" role="note">
            {hintCost}
          </p>
        ) : null}
        {hintState === "locked" && hints.length === 0 ? (
          <p className="text-sm text-muted-foreground">A hint unlocks after a graded attempt.</p>
        ) : null}
      </div>

      {hints.length > 0 ? (
        <section aria-labelledby="hints-heading" className="rounded-lg border border-border bg-muted p-4">
          <h2 id="hints-heading" className="font-semibold">
            Hints
          </h2>
          <ol className="mt-2 list-decimal pl-5 text-sm">
            {hints.map((h) => (
              <li key={h}>{h}</li>
            ))}
          </ol>
        </section>
      ) : null}

      <section aria-labelledby="history-heading" className="flex flex-col gap-2">
        <h2 id="history-heading" className="font-semibold">
          Your attempts at this question
        </h2>
        {history.isPending ? <p className="text-sm text-muted-foreground">Loading…</p> : null}
        {history.data && history.data.history.length === 0 ? (
          <p className="text-sm text-muted-foreground">None yet.</p>
        ) : null}
        {history.data && history.data.history.length > 0 ? (
          <table className="w-full max-w-md text-left text-sm">
            <thead>
              <tr className="text-muted-foreground">
                <th className="py-1 font-medium">When</th>
                <th className="py-1 font-medium">Variant</th>
                <th className="py-1 font-medium">Score</th>
              </tr>
            </thead>
            <tbody>
              {history.data.history.map((h) => (
                <tr key={h.id} className="border-t border-border">
                  <td className="py-1">{new Date(h.createdAt).toLocaleString()}</td>
                  <td className="py-1">{h.variantId === variantId ? "this one" : "earlier"}</td>
                  <td className="py-1">{Math.round(h.score * 100)}%</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>

      <ReportProblem variantId={variantId} />
    </div>
  );
}
