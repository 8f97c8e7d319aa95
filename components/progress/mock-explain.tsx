"use client";

import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { withQueryClient } from "@/components/query-provider";
import { Button } from "@/components/ui/button";
import { apiJson, errorMessage } from "@/lib/api/client";
import { MAX_EXPLAIN_CHARS, type MockKeyPoint, type MockPromptKind } from "@/lib/progress/mock-prompt-types";

const KIND_LABEL: Record<MockPromptKind, string> = { explain: "Explain", "trade-off": "Trade-off", design: "Design" };

type Props = {
  sessionId: string;
  kind: MockPromptKind;
  prompt: string;
} & ({ phase: "answer" } | { phase: "assess"; answer: string; modelAnswer: string; keyPoints: MockKeyPoint[] });

/**
 * The mock's explain prompt. First the candidate types an answer (the server has no model answer on
 * this page yet); once it is stored, the page shows the model answer and the key points to tick.
 */
export const MockExplain = withQueryClient(function MockExplain(props: Props) {
  const router = useRouter();
  const [text, setText] = useState("");
  const [covered, setCovered] = useState<string[]>([]);
  const send = useMutation({
    mutationFn: () =>
      props.phase === "answer"
        ? apiJson(`/api/mock/${props.sessionId}/explain`, { method: "POST", body: { text } })
        : apiJson(`/api/mock/${props.sessionId}/assess`, { method: "POST", body: { covered } }),
    onSuccess: () => router.refresh(),
  });
  // Stays pending until the refreshed page replaces this step.
  const pending = send.isPending || send.isSuccess;
  const message = send.isError ? errorMessage(send.error, "could not save") : null;
  function submit(event: FormEvent) {
    event.preventDefault();
    send.mutate();
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-4" data-testid="mock-explain">
      <p className="text-xs font-semibold tracking-wide text-muted-foreground uppercase">
        {KIND_LABEL[props.kind]} · answer as you would aloud
      </p>
      <p className="text-lg">{props.prompt}</p>
      {props.phase === "answer" ? (
        <>
          <label htmlFor="mock-explain-text" className="text-sm font-medium">
            Your answer
          </label>
          <textarea
            id="mock-explain-text"
            required
            maxLength={MAX_EXPLAIN_CHARS}
            rows={8}
            value={text}
            onChange={(e) => setText(e.target.value)}
            className="rounded-md border border-border bg-card p-3 text-base"
          />
          <div>
            <Button type="submit" disabled={pending || text.trim() === ""}>
              Submit answer
            </Button>
          </div>
        </>
      ) : (
        <>
          <section aria-labelledby="your-answer-heading" className="rounded-md border border-border p-3">
            <h2 id="your-answer-heading" className="text-sm font-semibold">
              Your answer
            </h2>
            <p className="mt-1 text-sm whitespace-pre-wrap">{props.answer}</p>
          </section>
          <section
            aria-labelledby="model-answer-heading"
            className="rounded-md border border-border bg-card p-3"
            data-testid="mock-model-answer"
          >
            <h2 id="model-answer-heading" className="text-sm font-semibold">
              Model answer
            </h2>
            <p className="mt-1 text-sm">{props.modelAnswer}</p>
          </section>
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-1 text-sm font-medium">Which key points did your answer cover?</legend>
            {props.keyPoints.map((k) => (
              <label key={k.id} className="inline-flex items-start gap-2 text-sm">
                <input
                  type="checkbox"
                  className="mt-1"
                  checked={covered.includes(k.id)}
                  onChange={(e) => setCovered((c) => (e.target.checked ? [...c, k.id] : c.filter((x) => x !== k.id)))}
                />
                {k.text}
              </label>
            ))}
          </fieldset>
          <div>
            <Button type="submit" disabled={pending}>
              Save self-assessment
            </Button>
          </div>
        </>
      )}
      {message ? (
        <p role="alert" className="rounded-md border border-danger/40 bg-danger/10 p-3 text-sm text-danger">
          {message}
        </p>
      ) : null}
    </form>
  );
});
