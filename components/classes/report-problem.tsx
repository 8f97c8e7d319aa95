"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { withQueryClient } from "@/components/query-provider";
import { Button } from "@/components/ui/button";
import { ApiError, apiJson } from "@/lib/api/client";

/** "Report a problem" on a question: sends the variant along so the instructor sees what the student saw. */
export const ReportProblem = withQueryClient(function ReportProblem({ variantId }: { variantId: string }) {
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState("");
  const send = useMutation({
    mutationFn: (text: string) => apiJson("/api/reports", { method: "POST", body: { variantId, message: text } }),
    onSuccess: () => {
      setMessage("");
      setOpen(false);
    },
  });
  const problem =
    send.error instanceof ApiError
      ? (send.error.fields.message?.[0] ?? send.error.message)
      : send.error
        ? "could not send; try again"
        : null;

  function submit(event: React.FormEvent) {
    event.preventDefault();
    send.mutate(message);
  }

  if (!open) {
    return (
      <div className="flex items-center gap-3">
        <Button type="button" variant="ghost" className="text-sm" onClick={() => setOpen(true)}>
          Report a problem
        </Button>
        {send.isSuccess ? (
          <p role="status" className="text-sm text-muted-foreground">
            Thanks — your report was sent with this exact variant.
          </p>
        ) : null}
      </div>
    );
  }
  return (
    <form onSubmit={submit} className="flex flex-col gap-2 rounded-md border border-border p-3">
      <label htmlFor="report-message" className="text-sm font-medium">
        What is wrong with this question?
      </label>
      <textarea
        id="report-message"
        value={message}
        onChange={(e) => setMessage(e.target.value)}
        rows={3}
        className="rounded-md border border-border bg-card p-2 text-sm"
      />
      {problem ? (
        <p role="alert" className="text-sm text-danger">
          {problem}
        </p>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" disabled={send.isPending}>
          Send report
        </Button>
        <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
});
