"use client";

import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { withQueryClient } from "@/components/query-provider";
import { AnswerForm, QuestionView } from "@/components/sim";
import { Button } from "@/components/ui/button";
import type { Answer, VariantView } from "@/lib/engine/questions";
import { apiJson, errorMessage } from "@/lib/api/client";
import { newSubmissionId } from "./api";

interface Props {
  sessionId: string;
  itemId: string;
  position: number;
  answered: number;
  deadline: string;
  view: VariantView;
}

function formatLeft(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/** One mock question: the answer is recorded, never graded in front of the student, until the end. */
export const MockRunner = withQueryClient(function MockRunner({
  sessionId,
  itemId,
  position,
  answered,
  deadline,
  view,
}: Props) {
  const router = useRouter();
  const [now, setNow] = useState(() => Date.now());
  const left = Date.parse(deadline) - now;

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    // The server ends the session at the deadline; reloading shows the report.
    if (left <= 0) router.refresh();
  }, [left <= 0, router]); // eslint-disable-line react-hooks/exhaustive-deps

  const record = useMutation({
    mutationFn: (answer: Answer) =>
      apiJson(`/api/mock/${sessionId}/answer`, {
        method: "POST",
        body: { itemId, submissionId: newSubmissionId(), answer },
      }),
    onSuccess: () => router.refresh(),
  });
  const finish = useMutation({
    mutationFn: () => apiJson(`/api/mock/${sessionId}/end`, { method: "POST" }),
    onSuccess: () => router.refresh(),
  });
  // Ending stays pending until the page shows the report.
  const pending = record.isPending || finish.isPending || finish.isSuccess;
  const message = record.isError
    ? errorMessage(record.error, "could not record the answer")
    : finish.isError
      ? errorMessage(finish.error, "could not end the interview")
      : null;
  const submit = (answer: Answer) => record.mutate(answer);
  const end = () => finish.mutate();

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center gap-3 rounded-lg border border-border bg-card p-3">
        <p className="mr-auto text-sm">
          Question {position + 1} · {answered} answered
        </p>
        <p className="font-mono text-lg tabular-nums" role="timer" aria-label={`Time left ${formatLeft(left)}`}>
          {formatLeft(left)}
        </p>
        <Button variant="secondary" onClick={end} disabled={pending}>
          End interview
        </Button>
      </div>
      {answered > 0 ? (
        <p role="status" className="text-sm text-success" data-testid="mock-recorded">
          Answer {answered} recorded. Scores are shown when the interview ends.
        </p>
      ) : null}
      <QuestionView view={view} />
      <AnswerForm key={itemId} view={view} partsOnly onSubmit={submit} pending={pending} submitLabel="Record answer" />
      {message ? (
        <p role="alert" className="rounded-md border border-danger/40 bg-danger/10 p-3 text-sm text-danger">
          {message}
        </p>
      ) : null}
    </div>
  );
});
