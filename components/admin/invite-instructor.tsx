"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { withQueryClient } from "@/components/query-provider";
import { ApiError, apiJson } from "@/lib/api/client";
import { Button } from "@/components/ui/button";

/** Issues a single-use instructor invitation and shows its link once (only its hash is stored). */
export const InviteInstructor = withQueryClient(function InviteInstructor() {
  const [invite, setInvite] = useState<{ code: string; expiresAt: string } | null>(null);
  const create = useMutation({
    mutationFn: () =>
      apiJson<{ invite: { code: string; expiresAt: string } }>("/api/teach/invites", { method: "POST", body: {} }),
    onSuccess: (result) => setInvite(result.invite),
  });
  const pending = create.isPending;
  const error =
    create.error instanceof ApiError ? create.error.message : create.error ? "Could not create the invitation." : null;

  const link = invite ? `${window.location.origin}/signup?invite=${encodeURIComponent(invite.code)}` : null;
  return (
    <section
      className="flex flex-col gap-3 rounded-lg border border-border bg-card p-4"
      aria-label="Invite an instructor"
    >
      <h2 className="font-semibold">Invite an instructor</h2>
      <p className="text-sm text-muted-foreground">
        The link works once, for 14 days. Whoever signs up with it becomes an instructor.
      </p>
      <Button type="button" onClick={() => create.mutate()} disabled={pending} className="self-start">
        {pending ? "Creating…" : "Create invitation link"}
      </Button>
      {link && invite ? (
        <p className="text-sm">
          <span className="font-mono break-all" data-testid="invite-link">
            {link}
          </span>{" "}
          <span className="text-muted-foreground">
            (code{" "}
            <span className="font-mono" data-testid="invite-code">
              {invite.code}
            </span>
            , until {new Date(invite.expiresAt).toLocaleDateString()})
          </span>
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : null}
    </section>
  );
});
