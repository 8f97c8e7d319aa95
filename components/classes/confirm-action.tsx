"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { withQueryClient } from "@/components/query-provider";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { apiJson, errorMessage } from "@/lib/api/client";

/**
 * A button for a change that is hard to undo (removing a student, deleting an assignment, leaving a
 * class): the first press asks, in place, to confirm; only "Yes" sends the request. The server's
 * message is shown if it refuses, and the page is refreshed when it succeeds.
 */
export const ConfirmAction = withQueryClient(function ConfirmAction({
  label,
  question,
  confirmLabel,
  url,
  method,
  body,
  variant = "secondary",
  done,
}: {
  label: string;
  question: string;
  confirmLabel: string;
  url: string;
  method: "POST" | "PATCH" | "DELETE";
  body?: unknown;
  variant?: ButtonVariant;
  /** Where to go afterwards; the current page is refreshed when omitted. */
  done?: string;
}) {
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const questionId = useId();
  const action = useMutation({
    mutationFn: () => apiJson(url, { method, body }),
    onSuccess: () => {
      setAsking(false);
      if (done) router.push(done);
      else router.refresh();
    },
  });
  const busy = action.isPending;
  const confirm = () => action.mutate();
  const error = action.isError ? errorMessage(action.error, "the request failed; try again") : null;

  const problem = error ? (
    <span role="alert" className="text-sm text-danger">
      {error}
    </span>
  ) : null;
  if (!asking) {
    return (
      <span className="inline-flex flex-wrap items-center gap-2">
        <Button type="button" variant={variant} className="min-h-8 px-3" onClick={() => setAsking(true)}>
          {label}
        </Button>
        {problem}
      </span>
    );
  }
  return (
    <span role="group" aria-labelledby={questionId} className="inline-flex flex-wrap items-center gap-2">
      <span id={questionId} className="text-sm">
        {question}
      </span>
      <Button type="button" variant="danger" className="min-h-8 px-3" disabled={busy} onClick={confirm}>
        {confirmLabel}
      </Button>
      <Button type="button" variant="ghost" className="min-h-8 px-3" disabled={busy} onClick={() => setAsking(false)}>
        Cancel
      </Button>
      {problem}
    </span>
  );
});
