"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { apiJson } from "@/lib/api/client";

/** "Review" in the header, with today's due count as a badge. */
export function ReviewNavLink() {
  const pathname = usePathname();
  const [count, setCount] = useState(0);
  // The header outlives client-side navigations; answering or reviewing happens on other pages, so the
  // count is read again on each one. A plain fetch: React Query stays on the pages that need its cache.
  useEffect(() => {
    let current = true;
    apiJson<{ dueCount: number }>("/api/review/count")
      .then((due) => current && setCount(due.dueCount))
      .catch(() => {
        // A badge is a hint; the Review page itself shows the queue.
      });
    return () => {
      current = false;
    };
  }, [pathname]);
  return (
    <Link href="/review" className="inline-flex items-center gap-1 text-sm hover:underline">
      Review
      {count > 0 ? (
        <span
          className="rounded-full bg-primary px-1.5 text-xs font-semibold text-primary-foreground"
          data-testid="review-badge"
        >
          {count}
          <span className="sr-only"> due</span>
        </span>
      ) : null}
    </Link>
  );
}
