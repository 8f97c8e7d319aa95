"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { withQueryClient } from "@/components/query-provider";
import { Button } from "@/components/ui/button";
import { apiJson, errorMessage } from "@/lib/api/client";

const DURATIONS = [15, 30, 45] as const;

export const MockStartForm = withQueryClient(function MockStartForm() {
  const router = useRouter();
  const [minutes, setMinutes] = useState<(typeof DURATIONS)[number]>(30);
  const begin = useMutation({
    mutationFn: (length: number) =>
      apiJson<{ sessionId: string }>("/api/mock", { method: "POST", body: { minutes: length } }),
    onSuccess: ({ sessionId }) => router.push(`/mock/${sessionId}`),
  });
  // Still pending while the browser moves to the interview.
  const pending = begin.isPending || begin.isSuccess;
  const error = begin.isError ? errorMessage(begin.error, "could not start") : null;
  function start(event: FormEvent) {
    event.preventDefault();
    begin.mutate(minutes);
  }

  return (
    <form onSubmit={start} className="flex flex-col gap-3">
      <fieldset className="flex flex-wrap gap-3">
        <legend className="mb-1 text-sm font-medium">Length</legend>
        {DURATIONS.map((m) => (
          <label key={m} className="inline-flex items-center gap-2 rounded-md border border-border px-3 py-2 text-sm">
            <input type="radio" name="minutes" value={m} checked={minutes === m} onChange={() => setMinutes(m)} />
            {m} minutes
          </label>
        ))}
      </fieldset>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Starting…" : "Start mock interview"}
        </Button>
      </div>
      {error ? (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : null}
    </form>
  );
});
