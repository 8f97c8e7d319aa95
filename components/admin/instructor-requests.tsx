"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { withQueryClient } from "@/components/query-provider";
import { ApiError, apiJson } from "@/lib/api/client";
import { Button } from "@/components/ui/button";

export interface InstructorRequestView {
  id: string;
  name: string;
  email: string;
  message: string;
  createdAt: string;
}

/** Open requests to become an instructor; approving one changes the account's role at once. */
export const InstructorRequests = withQueryClient(function InstructorRequests({
  initial,
}: {
  initial: InstructorRequestView[];
}) {
  const [requests, setRequests] = useState(initial);
  const decision = useMutation({
    mutationFn: ({ id, approved }: { id: string; approved: boolean }) =>
      apiJson(`/api/admin/instructor-requests/${encodeURIComponent(id)}`, { method: "PATCH", body: { approved } }),
    onSuccess: (_result, { id }) => setRequests((current) => current.filter((r) => r.id !== id)),
  });
  const decide = (id: string, approved: boolean) => decision.mutate({ id, approved });
  const error =
    decision.error instanceof ApiError
      ? decision.error.message
      : decision.error
        ? "Could not save the decision."
        : null;

  if (!requests.length) return <p className="text-sm text-muted-foreground">No open requests.</p>;
  return (
    <div className="flex flex-col gap-2">
      <ul className="flex flex-col gap-2">
        {requests.map((r) => (
          <li key={r.id} className="flex flex-wrap items-center gap-3 rounded-md border border-border p-3 text-sm">
            <span className="mr-auto">
              <span className="font-medium">{r.name}</span> <span className="text-muted-foreground">{r.email}</span>
              {r.message ? <span className="block text-muted-foreground">{r.message}</span> : null}
            </span>
            <Button type="button" onClick={() => decide(r.id, true)} disabled={decision.isPending}>
              Approve {r.name}
            </Button>
            <Button type="button" variant="secondary" onClick={() => decide(r.id, false)} disabled={decision.isPending}>
              Decline
            </Button>
          </li>
        ))}
      </ul>
      {error ? (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
});
