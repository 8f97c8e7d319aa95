"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { withQueryClient } from "@/components/query-provider";
import { Button } from "@/components/ui/button";
import { apiJson, errorMessage } from "@/lib/api/client";
import type { BankQuestionDto, QuestionStatus } from "@/lib/api/dto";

type Action = { kind: "status"; status: QuestionStatus } | { kind: "duplicate" };

/** Publish / unpublish / archive for editable questions, and duplicate for any visible one. */
export const QuestionActions = withQueryClient(function QuestionActions({
  id,
  status,
  editable,
  compact = false,
}: {
  id: string;
  status: QuestionStatus;
  editable: boolean;
  compact?: boolean;
}) {
  const router = useRouter();
  const action = useMutation({
    mutationFn: async (a: Action) => {
      if (a.kind === "status") {
        await apiJson(`/api/teach/questions/${id}/status`, { method: "POST", body: { status: a.status } });
        return null;
      }
      return (
        await apiJson<{ question: BankQuestionDto }>(`/api/teach/questions/${id}/duplicate`, {
          method: "POST",
          body: {},
        })
      ).question;
    },
    onSuccess: (copy) => (copy ? router.push(`/teach/questions/${copy.id}`) : router.refresh()),
  });
  const setStatus = (next: QuestionStatus) => action.mutate({ kind: "status", status: next });
  const pending = action.isPending;

  const size = compact ? "min-h-8 px-2 text-xs" : "";
  return (
    <div className="flex flex-wrap items-center gap-2">
      {editable && status !== "PUBLISHED" ? (
        <Button className={size} onClick={() => setStatus("PUBLISHED")} disabled={pending}>
          Publish
        </Button>
      ) : null}
      {editable && status === "PUBLISHED" ? (
        <Button className={size} variant="secondary" onClick={() => setStatus("DRAFT")} disabled={pending}>
          Unpublish
        </Button>
      ) : null}
      {editable && status !== "ARCHIVED" ? (
        <Button className={size} variant="ghost" onClick={() => setStatus("ARCHIVED")} disabled={pending}>
          Archive
        </Button>
      ) : null}
      <Button
        className={size}
        variant="secondary"
        onClick={() => action.mutate({ kind: "duplicate" })}
        disabled={pending}
      >
        Duplicate
      </Button>
      {action.isError ? (
        <p role="alert" className="text-sm text-danger">
          {errorMessage(action.error)}
        </p>
      ) : null}
    </div>
  );
});
