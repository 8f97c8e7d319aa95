"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { apiJson } from "@/lib/api/client";
import type { BankQuestionDto, QuestionStatus } from "@/lib/api/dto";

/** Publish / unpublish / archive for editable questions, and duplicate for any visible one. */
export function QuestionActions({ id, status, editable, compact = false }: { id: string; status: QuestionStatus; editable: boolean; compact?: boolean }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async (action: () => Promise<void>) => {
    setPending(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setPending(false);
    }
  };
  const setStatus = (next: QuestionStatus) =>
    run(async () => {
      await apiJson(`/api/teach/questions/${id}/status`, { method: "POST", body: { status: next } });
      router.refresh();
    });
  const duplicate = () =>
    run(async () => {
      const { question } = await apiJson<{ question: BankQuestionDto }>(`/api/teach/questions/${id}/duplicate`, { method: "POST", body: {} });
      router.push(`/teach/questions/${question.id}`);
    });

  const size = compact ? "min-h-8 px-2 text-xs" : "";
  return (
    <div className="flex flex-wrap items-center gap-2">
      {editable && status !== "PUBLISHED" ? (
        <Button className={size} onClick={() => void setStatus("PUBLISHED")} disabled={pending}>
          Publish
        </Button>
      ) : null}
      {editable && status === "PUBLISHED" ? (
        <Button className={size} variant="secondary" onClick={() => void setStatus("DRAFT")} disabled={pending}>
          Unpublish
        </Button>
      ) : null}
      {editable && status !== "ARCHIVED" ? (
        <Button className={size} variant="ghost" onClick={() => void setStatus("ARCHIVED")} disabled={pending}>
          Archive
        </Button>
      ) : null}
      <Button className={size} variant="secondary" onClick={() => void duplicate()} disabled={pending}>
        Duplicate
      </Button>
      {error ? (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}
