"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { withQueryClient } from "@/components/query-provider";
import { Button } from "@/components/ui/button";
import { ApiError, apiJson, errorMessage } from "@/lib/api/client";

/**
 * Draws a fresh variant (of the most overdue card, or of `slug`) and opens it. When nothing is due any
 * more the review page shows its finished-for-today state, so that is where the student goes.
 */
function useStartReview() {
  const router = useRouter();
  const draw = useMutation({
    mutationFn: (slug?: string) =>
      apiJson<{ href: string }>("/api/review/next", { method: "POST", body: slug ? { slug } : {} }),
    onSuccess: (next) => router.push(next.href),
    onError: (e) => {
      if (e instanceof ApiError && e.status === 404) {
        router.push("/review");
        router.refresh();
      }
    },
  });
  const nothingDue = draw.error instanceof ApiError && draw.error.status === 404;
  return {
    start: (slug?: string) => draw.mutate(slug),
    // Still pending while the browser moves to the question (or to the finished review page).
    pending: draw.isPending || draw.isSuccess || nothingDue,
    error: draw.isError && !nothingDue ? errorMessage(draw.error, "could not start the review") : null,
  };
}

function ErrorLine({ error }: { error: string | null }) {
  return error ? (
    <p role="alert" className="text-sm text-danger">
      {error}
    </p>
  ) : null;
}

/** Draws a fresh variant of the most overdue card and opens it on the exercise page. */
export const StartReviewButton = withQueryClient(function StartReviewButton({
  label = "Start review",
  variant = "primary",
}: {
  label?: string;
  variant?: "primary" | "secondary";
}) {
  const { start, pending, error } = useStartReview();
  return (
    <div className="flex flex-col gap-1">
      <Button variant={variant} onClick={() => start()} disabled={pending}>
        {pending ? "Drawing a new variant…" : label}
      </Button>
      <ErrorLine error={error} />
    </div>
  );
});

/**
 * One row of the review list. A real link (it opens the question as is without JavaScript); a click
 * first draws the fresh variant the review is about.
 */
export const ReviewItemLink = withQueryClient(function ReviewItemLink({
  slug,
  title,
}: {
  slug: string;
  title: string;
}) {
  const { start, pending, error } = useStartReview();
  return (
    <span className="mr-auto flex flex-col gap-1">
      <Link
        href={`/practice/q/${slug}?review=1`}
        className="font-medium underline"
        aria-busy={pending}
        onClick={(event) => {
          event.preventDefault();
          if (!pending) start(slug);
        }}
      >
        {title}
      </Link>
      <ErrorLine error={error} />
    </span>
  );
});
