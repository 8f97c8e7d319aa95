"use client";

import { useState } from "react";
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
export function InstructorRequests({ initial }: { initial: InstructorRequestView[] }) {
  const [requests, setRequests] = useState(initial);
  const [error, setError] = useState<string | null>(null);

  async function decide(id: string, approved: boolean) {
    setError(null);
    try {
      await apiJson(`/api/admin/instructor-requests/${encodeURIComponent(id)}`, { method: "PATCH", body: { approved } });
      setRequests((current) => current.filter((r) => r.id !== id));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : "Could not save the decision.");
    }
  }

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
            <Button type="button" onClick={() => void decide(r.id, true)}>
              Approve {r.name}
            </Button>
            <Button type="button" variant="secondary" onClick={() => void decide(r.id, false)}>
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
}
