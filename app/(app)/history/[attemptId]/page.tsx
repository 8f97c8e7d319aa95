import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AttemptReview } from "@/components/sim/attempt-review";
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
      <AttemptReview
        view={detail.view}
        report={detail.report}
        answer={detail.answer}
        explanation={detail.explanation}
        revealed={detail.revealed}
      />
      <p>
        <Link href={`/practice/q/${detail.slug}`} className="underline">
          Practise this question again
        </Link>
      </p>
    </div>
  );
}
