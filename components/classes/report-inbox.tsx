"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { ProblemReportDto } from "@/lib/analytics/dto";
import { apiJson } from "@/lib/api/client";

export function ReportInbox({ reports }: { reports: ProblemReportDto[] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);

  async function toggle(r: ProblemReportDto) {
    try {
      await apiJson(`/api/reports/${r.id}`, { method: "PATCH", body: { resolved: !r.resolved } });
      router.refresh();
    } catch (e) {
      setError(e instanceof Error ? e.message : "could not update the report");
    }
  }

  if (reports.length === 0) return <p className="text-sm text-muted-foreground">No reports.</p>;
  return (
    <div className="flex flex-col gap-3">
      {error ? (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : null}
      <ul className="flex flex-col gap-3">
        {reports.map((r) => (
          <li key={r.id} className="rounded-md border border-border p-3">
            <p className="text-sm font-medium">
              {r.questionTitle} <span className="font-normal text-muted-foreground">({r.slug}, seed {r.seed})</span>
            </p>
            <p className="mt-1 whitespace-pre-wrap text-sm">{r.message}</p>
            <p className="mt-1 text-xs text-muted-foreground">
              {r.studentName} · {new Date(r.createdAt).toUTCString()} · {r.resolved ? "resolved" : "open"}
            </p>
            <Button type="button" variant="secondary" className="mt-2 text-sm" onClick={() => toggle(r)}>
              {r.resolved ? "Reopen" : "Mark resolved"}
            </Button>
          </li>
        ))}
      </ul>
    </div>
  );
}
