import type { Metadata } from "next";
import Link from "next/link";
import { explanationFor } from "@/lib/engine";
import { listVariantAttempts } from "@/lib/server/dal/attempts";
import { requirePageUser } from "@/lib/server/dal/session";
import { currentVariant, loadVariant, unlockedHints } from "@/lib/server/dal/variants";
import { AppError } from "@/lib/server/errors";
import { topicBySlug } from "@/lib/topics";
import { notFound } from "next/navigation";
import { QueryProvider } from "@/components/query-provider";
import { ExerciseClient } from "./exercise-client";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ review?: string | string[] }> };

export const metadata: Metadata = { title: "Exercise" };

export default async function ExercisePage({ params, searchParams }: Props) {
  const { slug } = await params;
  // Opened from the review queue: after answering, the page offers the next due review.
  const inReview = (await searchParams).review === "1";
  const user = await requirePageUser(`/practice/q/${slug}`);
  const variant = await currentVariant(user, slug).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const loaded = await loadVariant(variant);
  const attempts = await listVariantAttempts(user, variant.id);
  const hints = unlockedHints(loaded);
  const topic = topicBySlug(loaded.spec.topic);
  // Only the view crosses to the browser. The key, the hints not yet unlocked and the worked
  // explanation stay here until the student has submitted.
  return (
    <div className="flex flex-col gap-6">
      <p className="text-sm text-muted-foreground">
        <Link href="/practice" className="underline">
          Practice
        </Link>
        {topic ? (
          <>
            {" / "}
            <Link href={`/practice/${topic.slug}`} className="underline">
              {topic.short}
            </Link>
          </>
        ) : null}
      </p>
      <QueryProvider>
        <ExerciseClient
          key={variant.id}
          slug={slug}
          variantId={variant.id}
          view={loaded.built.view}
          maxAttempts={loaded.spec.grading.maxAttempts}
          initialAttempts={attempts}
          hints={hints.shown}
          hintState={hints.next}
          explanation={attempts.length > 0 ? explanationFor(loaded.spec, loaded.built) : null}
          inReview={inReview}
        />
      </QueryProvider>
    </div>
  );
}
