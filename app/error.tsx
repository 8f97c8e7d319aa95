"use client";

import { useRouter } from "next/navigation";
import { startTransition, useCallback, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";

// A page that failed on the server arrives here with its message stripped (production hides it), so
// the page asks /api/health why: a 503 there means the database is unreachable, which is worth saying
// plainly and waiting out, since the app reconnects by itself. Anything else is a bug.
type Cause = "checking" | "database" | "server" | "bug";

const FIRST_RETRY_MS = 2_000;
const MAX_RETRY_MS = 5_000;

async function diagnose(): Promise<Exclude<Cause, "checking">> {
  try {
    const response = await fetch("/api/health", { cache: "no-store", signal: AbortSignal.timeout(8_000) });
    if (response.ok) return "bug";
    return response.status === 503 ? "database" : "server";
  } catch {
    return "server";
  }
}

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const router = useRouter();
  const [cause, setCause] = useState<Cause>("checking");

  useEffect(() => {
    console.error(error);
  }, [error]);

  const retry = useCallback(() => {
    // reset() alone would re-render the same failed server payload; refresh fetches a new one.
    startTransition(() => {
      router.refresh();
      reset();
    });
  }, [reset, router]);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let outageChecks = 0;
    async function check() {
      const found = await diagnose();
      if (stopped) return;
      if (found === "bug" && outageChecks > 0) return retry();
      setCause(found);
      if (found === "bug") return;
      // Back off, with jitter so a whole class does not retry in the same second when the database returns.
      const delay = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** outageChecks++) + Math.random() * 1_000;
      timer = setTimeout(check, delay);
    }
    void check();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [retry]);

  if (cause === "database" || cause === "server") {
    return (
      <div className="flex flex-col items-start gap-4" role="alert" data-testid="outage">
        <h1 className="text-2xl font-bold">
          {cause === "database" ? "Timeslice can't reach its database" : "Timeslice isn't answering"}
        </h1>
        <p className="text-muted-foreground">
          Retrying… This page comes back by itself as soon as it can. Answers you already submitted are saved.
        </p>
        <Button onClick={retry}>Try now</Button>
      </div>
    );
  }
  return (
    <div className="flex flex-col items-start gap-4" role="alert">
      <h1 className="text-2xl font-bold">{cause === "checking" ? "Loading failed" : "Something went wrong"}</h1>
      <p className="text-muted-foreground">The page could not be shown. Your work is saved; try again.</p>
      {error.digest ? <p className="font-mono text-xs text-muted-foreground">Reference: {error.digest}</p> : null}
      <Button onClick={retry}>Try again</Button>
    </div>
  );
}
