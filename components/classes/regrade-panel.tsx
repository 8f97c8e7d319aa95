"use client";

import { useMutation } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { withQueryClient } from "@/components/query-provider";
import { Button } from "@/components/ui/button";
import type { DryRunDto, RegradeJobDto } from "@/lib/analytics/dto";
import { apiJson, errorMessage } from "@/lib/api/client";
import { percent } from "./api";

/** Dry run first, then apply; the server runs the job, and polling only reads its progress for the bar. */
export const RegradePanel = withQueryClient(function RegradePanel({
  classId,
  slug,
}: {
  classId: string;
  slug: string;
}) {
  const [dry, setDry] = useState<DryRunDto | null>(null);
  const [job, setJob] = useState<RegradeJobDto | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!job || job.status !== "running") return;
    const timer = setTimeout(() => {
      apiJson<{ job: RegradeJobDto }>(`/api/teach/regrade/${job.id}`).then(
        (r) => setJob(r.job),
        (e: Error) => setError(e.message),
      );
    }, 300);
    return () => clearTimeout(timer);
  }, [job]);

  const request = useMutation({
    mutationFn: (dryRun: boolean) =>
      apiJson<{ dryRun?: DryRunDto; job?: RegradeJobDto }>("/api/teach/regrade", {
        method: "POST",
        body: { classId, slug, dryRun },
      }),
    onMutate: () => setError(null),
    onSuccess: (result) => {
      if (result.dryRun) {
        setDry(result.dryRun);
        // A new dry run starts over: the last job's result no longer describes what is on screen.
        setJob(null);
      } else if (result.job) {
        setJob(result.job);
        // "would be graded" is no longer true once applied; the job's progress says what happens instead.
        setDry(null);
      }
    },
    onError: (e) => setError(errorMessage(e, "the request failed")),
  });
  const busy = request.isPending;
  const run = (dryRun: boolean) => request.mutate(dryRun);

  return (
    <div className="flex flex-col gap-4">
      <div className="flex gap-3">
        <Button
          type="button"
          variant="secondary"
          disabled={busy || job?.status === "running"}
          onClick={() => run(true)}
        >
          Dry run
        </Button>
        <Button type="button" disabled={busy || !dry || dry.total === 0 || job !== null} onClick={() => run(false)}>
          Apply regrade
        </Button>
      </div>
      {error ? (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : null}
      {job ? (
        <div>
          <progress className="w-full" max={Math.max(1, job.total)} value={job.done} aria-label="Regrade progress" />
          <p role="status" className="text-sm">
            {job.status === "done"
              ? `Done: ${job.done} attempts regraded, ${job.changed} scores changed.`
              : `Regrading… ${job.done} of ${job.total}`}
          </p>
        </div>
      ) : null}
      {dry ? (
        <div className="flex flex-col gap-3">
          <p className="text-sm">
            {dry.total} attempt{dry.total === 1 ? "" : "s"} on older versions would be graded with version{" "}
            {dry.toVersion}
            {dry.rows.length < dry.total ? ` (showing the first ${dry.rows.length})` : ""}.
          </p>
          {dry.students.length > 0 ? (
            <table className="w-full text-sm">
              <thead>
                <tr className="text-left">
                  <th>Student</th>
                  <th>Attempts</th>
                  <th>Mean score: old → new</th>
                </tr>
              </thead>
              <tbody>
                {dry.students.map((s) => (
                  <tr key={s.id}>
                    <td>{s.name}</td>
                    <td>{s.attempts}</td>
                    <td>
                      {percent(s.oldMean)} → {percent(s.newMean)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {dry.rows.some((r) => r.problem) ? (
            <p className="text-sm text-danger">
              {dry.rows.filter((r) => r.problem).length} stored answers do not fit the new version and will be left as
              they are.
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
});
