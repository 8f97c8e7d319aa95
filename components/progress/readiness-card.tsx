"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useId, useState } from "react";
import { withQueryClient } from "@/components/query-provider";
import { Button } from "@/components/ui/button";
import { apiJson } from "@/lib/api/client";
import type { ReadinessView } from "@/lib/progress/readiness";

const pct = (x: number) => `${Math.round(x * 100)}%`;

/**
 * The interview date and what it means: readiness per topic on that day (recall the review model expects
 * plus recent accuracy), what to study next and why, and how many reviews to do before the day.
 */
export const ReadinessCard = withQueryClient(function ReadinessCard({ view }: { view: ReadinessView }) {
  const router = useRouter();
  const id = useId();
  const [date, setDate] = useState(view.interviewDate ?? "");
  const save = useMutation({
    mutationFn: (interviewDate: string | null) =>
      apiJson<ReadinessView>("/api/progress/interview", { method: "PUT", body: { interviewDate } }),
    onSuccess: () => router.refresh(),
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate(date === "" ? null : date);
  }
  const r = view.readiness;
  return (
    <section
      className="rounded-lg border border-border bg-card p-5"
      aria-labelledby="readiness-heading"
      data-testid="readiness"
    >
      <h2 id="readiness-heading" className="font-semibold">
        Interview readiness
      </h2>
      <form onSubmit={submit} className="mt-2 flex flex-wrap items-end gap-2">
        <label htmlFor={`${id}-date`} className="flex flex-col gap-1 text-sm">
          Interview date
          <input
            id={`${id}-date`}
            type="date"
            value={date}
            onChange={(e) => setDate(e.target.value)}
            className="rounded-md border border-border bg-background px-2 py-1"
          />
        </label>
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save date"}
        </Button>
      </form>
      {save.isError ? (
        <p role="alert" className="mt-2 text-sm text-danger">
          {save.error.message}
        </p>
      ) : null}
      {!r ? (
        <p className="mt-2 text-sm text-muted-foreground">
          Set the day of your interview to see how ready you are for each topic and what to study next.
        </p>
      ) : (
        <>
          <p className="mt-3 text-sm" data-testid="readiness-summary">
            {r.daysLeft === 0 ? "Your interview is today." : `${r.daysLeft} day${r.daysLeft === 1 ? "" : "s"} to go.`}{" "}
            {view.dueForInterview > 0 ? (
              <>
                <Link href="/review" className="underline">
                  {view.dueForInterview} review{view.dueForInterview === 1 ? "" : "s"}
                </Link>{" "}
                to do now, planned so that what you learn peaks on the day.
              </>
            ) : (
              "No reviews are due before then yet."
            )}
          </p>
          {r.studyNext ? (
            <div className="mt-3 rounded-md border border-primary/40 bg-primary/5 p-3" data-testid="study-next">
              <h3 className="text-sm font-semibold">Study next: {r.studyNext.label}</h3>
              <p className="mt-1 text-sm">{r.studyNext.why}</p>
              <p className="mt-1 text-sm">
                <Link href={`/learn/${r.studyNext.slug}`} className="underline">
                  Read the lesson
                </Link>{" "}
                ·{" "}
                <Link href={`/practice/${r.studyNext.slug}`} className="underline">
                  Practise
                </Link>
              </p>
            </div>
          ) : null}
          <table className="mt-3 w-full text-sm" aria-label="Readiness by topic">
            <thead>
              <tr className="text-left text-muted-foreground">
                <th className="py-1 pr-3 font-medium">Topic</th>
                <th className="px-3 py-1 font-medium">Ready on the day</th>
                <th className="px-3 py-1 font-medium">Recall of missed questions</th>
                <th className="px-3 py-1 font-medium">Recent accuracy</th>
              </tr>
            </thead>
            <tbody>
              {r.topics.map((t) => (
                <tr key={t.slug} className="border-t border-border">
                  <td className="py-1 pr-3">{t.label}</td>
                  <td className="px-3 py-1">{t.readiness === null ? "not practised" : pct(t.readiness)}</td>
                  <td className="px-3 py-1">{t.recall === null ? "—" : pct(t.recall)}</td>
                  <td className="px-3 py-1">{t.accuracy === null ? "—" : pct(t.accuracy)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
});
