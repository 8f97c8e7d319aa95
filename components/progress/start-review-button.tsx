"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ApiError, apiJson } from "@/lib/api/client";

/**
 * Draws a fresh variant (of the most overdue card, or of `slug`) and opens it. When nothing is due any
 * more the review page shows its finished-for-today state, so that is where the student goes.
 */
function useStartReview() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function start(slug?: string) {
    setPending(true);
    setError(null);
    try {
      const next = await apiJson<{ href: string }>("/api/review/next", { method: "POST", body: slug ? { slug } : {} });
      router.push(next.href);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) {
        router.push("/review");
        router.refresh();
        return;
      }
      setError(e instanceof Error ? e.message : "could not start the review");
      setPending(false);
    }
  }
  return { start, pending, error };
}

function ErrorLine({ error }: { error: string | null }) {
  return error ? (
    <p role="alert" className="text-sm text-danger">
      {error}
    </p>
  ) : null;
}

/** Draws a fresh variant of the most overdue card and opens it on the exercise page. */
export function StartReviewButton({ label = "Start review", variant = "primary" }: { label?: string; variant?: "primary" | "secondary" }) {
  const { start, pending, error } = useStartReview();
  return (
    <div className="flex flex-col gap-1">
      <Button variant={variant} onClick={() => void start()} disabled={pending}>
        {pending ? "Drawing a new variant…" : label}
      </Button>
      <ErrorLine error={error} />
    </div>
  );
}

/**
 * One row of the review list. A real link (it opens the question as is without JavaScript); a click
 * first draws the fresh variant the review is about.
 */
export function ReviewItemLink({ slug, title }: { slug: string; title: string }) {
  const { start, pending, error } = useStartReview();
  return (
    <span className="mr-auto flex flex-col gap-1">
      <Link
        href={`/practice/q/${slug}?review=1`}
        className="font-medium underline"
        aria-busy={pending}
        onClick={(event) => {
          event.preventDefault();
          if (!pending) void start(slug);
        }}
      >
        {title}
      </Link>
      <ErrorLine error={error} />
    </span>
  );
}
