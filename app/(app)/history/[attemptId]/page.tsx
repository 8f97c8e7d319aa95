import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ExhibitView, GradeView, PromptText } from "@/components/sim";
import { getAttemptDetail } from "@/lib/server/dal/history";
import { requirePageUser } from "@/lib/server/dal/session";
import { AppError } from "@/lib/server/errors";

export const metadata: Metadata = { title: "Attempt" };

type Props = { params: Promise<{ attemptId: string }> };

export default async function AttemptPage({ params }: Props) {
  const { attemptId } = await params;
  const user = await requirePageUser(`/history/${attemptId}`);
  const detail = await getAttemptDetail(user, attemptId).catch((error: unknown) => {
    if (error instanceof AppError && (error.code === "NOT_FOUND" || error.code === "CONFLICT")) notFound();
    throw error;
  });
  return (
    <div className="flex flex-col gap-6">
      <p className="text-sm text-muted-foreground">
        <Link href="/history" className="underline">
          History
        </Link>{" "}
        / attempt {detail.attemptNumber} · seed {detail.seed} ·{" "}
        <time dateTime={detail.createdAt}>{detail.createdAt.slice(0, 16).replace("T", " ")} UTC</time>
      </p>
      <div className="flex flex-col gap-4">
        <h1 className="text-2xl font-bold">{detail.view.title}</h1>
        <PromptText markdown={detail.view.prompt} />
        {detail.view.exhibits.map((exhibit, i) => (
          <ExhibitView key={i} exhibit={exhibit} />
        ))}
      </div>
      <section aria-labelledby="grade-heading" className="flex flex-col gap-4">
        <h2 id="grade-heading" className="text-xl font-semibold">
          Score: {Math.round(detail.score * 100)}%
        </h2>
        <GradeView report={detail.report} parts={detail.view.parts} answer={detail.answer} />
      </section>
      {detail.revealed ? (
        <details className="rounded-lg border border-border bg-card p-4">
          <summary className="cursor-pointer font-medium">Worked explanation</summary>
          <div className="mt-3">
            <PromptText markdown={detail.explanation} />
          </div>
        </details>
      ) : (
        // The attempt belongs to an assignment that withholds references (getAttemptDetail cut them).
        <p className="text-sm text-muted-foreground" data-testid="reference-hidden">
          The reference and explanation are hidden by the assignment&apos;s rules.
        </p>
      )}
      <p>
        <Link href={`/practice/q/${detail.slug}`} className="underline">
          Practise this question again
        </Link>
      </p>
    </div>
  );
}
