"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { callJson } from "./api";

/** "Review" in the header, with today's due count as a badge. */
export function ReviewNavLink() {
  const due = useQuery({
    queryKey: ["review-due-count"],
    queryFn: () => callJson<{ dueCount: number }>("/api/review/count"),
    staleTime: 60_000,
  });
  const count = due.data?.dueCount ?? 0;
  return (
    <Link href="/review" className="inline-flex items-center gap-1 text-sm hover:underline">
      Review
      {count > 0 ? (
        <span className="rounded-full bg-primary px-1.5 text-xs font-semibold text-primary-foreground" data-testid="review-badge">
          {count}
          <span className="sr-only"> due</span>
        </span>
      ) : null}
    </Link>
  );
}
