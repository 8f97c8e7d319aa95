"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { withQueryClient } from "@/components/query-provider";
import { LocalTime } from "@/components/ui/local-time";
import { Button } from "@/components/ui/button";
import type { ProblemReportDto } from "@/lib/analytics/dto";
import { apiJson, errorMessage } from "@/lib/api/client";

export const ReportInbox = withQueryClient(function ReportInbox({ reports }: { reports: ProblemReportDto[] }) {
  const router = useRouter();
  const toggle = useMutation({
    mutationFn: (r: ProblemReportDto) =>
      apiJson(`/api/reports/${r.id}`, { method: "PATCH", body: { resolved: !r.resolved } }),
    onSuccess: () => router.refresh(),
  });
  const error = toggle.isError ? errorMessage(toggle.error, "could not update the report") : null;

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
              {r.questionTitle}{" "}
              <span className="font-normal text-muted-foreground">
                ({r.slug}, seed {r.seed})
              </span>
            </p>
            <p className="mt-1 whitespace-pre-wrap text-sm">{r.message}</p>
            <p className="mt-1 text-xs text-muted-foreground">
              {r.studentName} · <LocalTime iso={new Date(r.createdAt).toISOString()} /> ·{" "}
              {r.resolved ? "resolved" : "open"}
            </p>
            <Button
              type="button"
              variant="secondary"
              className="mt-2 text-sm"
              onClick={() => toggle.mutate(r)}
              disabled={toggle.isPending}
            >
              {r.resolved ? "Reopen" : "Mark resolved"}
            </Button>
          </li>
        ))}
      </ul>
    </div>
  );
});
