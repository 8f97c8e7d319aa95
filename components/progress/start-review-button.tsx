"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { callJson } from "./api";

/** Draws a fresh variant of the most overdue card and opens it on the exercise page. */
export function StartReviewButton({ label = "Start review" }: { label?: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function start() {
    setPending(true);
    setError(null);
    try {
      const next = await callJson<{ href: string }>("/api/review/next", { method: "POST" });
      router.push(next.href);
    } catch (e) {
      setError(e instanceof Error ? e.message : "could not start the review");
      setPending(false);
    }
  }
  return (
    <div className="flex flex-col gap-1">
      <Button onClick={start} disabled={pending}>
        {pending ? "Drawing a new variant…" : label}
      </Button>
      {error ? (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}
