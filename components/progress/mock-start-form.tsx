"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { apiJson } from "@/lib/api/client";

const DURATIONS = [15, 30, 45] as const;

export function MockStartForm() {
  const router = useRouter();
  const [minutes, setMinutes] = useState<(typeof DURATIONS)[number]>(30);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function start(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      const { sessionId } = await apiJson<{ sessionId: string }>("/api/mock", { method: "POST", body: { minutes } });
      router.push(`/mock/${sessionId}`);
    } catch (e) {
      setError(e instanceof Error ? e.message : "could not start");
      setPending(false);
    }
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
}
