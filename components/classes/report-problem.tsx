"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ApiError, apiJson } from "@/lib/api/client";

/** "Report a problem" on a question: sends the variant along so the instructor sees what the student saw. */
export function ReportProblem({ variantId }: { variantId: string }) {
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState("");
  const [state, setState] = useState<{ kind: "idle" | "sent" } | { kind: "error"; text: string }>({ kind: "idle" });

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    try {
      await apiJson("/api/reports", { method: "POST", body: { variantId, message } });
      setState({ kind: "sent" });
      setMessage("");
      setOpen(false);
    } catch (e) {
      setState({ kind: "error", text: e instanceof ApiError ? (e.fields.message?.[0] ?? e.message) : "could not send; try again" });
    }
  }

  if (!open) {
    return (
      <div className="flex items-center gap-3">
        <Button type="button" variant="ghost" className="text-sm" onClick={() => setOpen(true)}>
          Report a problem
        </Button>
        {state.kind === "sent" ? (
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
      <textarea id="report-message" value={message} onChange={(e) => setMessage(e.target.value)} rows={3} className="rounded-md border border-border bg-card p-2 text-sm" />
      {state.kind === "error" ? (
        <p role="alert" className="text-sm text-danger">
          {state.text}
        </p>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit">Send report</Button>
        <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
