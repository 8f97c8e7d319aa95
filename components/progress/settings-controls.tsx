"use client";

import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useEffect, useId, useState } from "react";
import { withQueryClient } from "@/components/query-provider";
import { Button } from "@/components/ui/button";
import { apiJson, errorMessage } from "@/lib/api/client";

const MIN = 0.7;
const MAX = 0.97;

async function patchSettings(body: Record<string, unknown>): Promise<void> {
  await apiJson("/api/progress/settings", { method: "PATCH", body });
}

/** The browser's IANA time zone, e.g. "Europe/Berlin". */
function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * Streaks are opt-in; the toggle also stores the browser's time zone so days are the student's days, and
 * while streaks are on, a dashboard opened in another zone (travel, a new laptop) stores the new one.
 */
export const StreakToggle = withQueryClient(function StreakToggle({
  enabled,
  timeZone,
}: {
  enabled: boolean;
  timeZone: string;
}) {
  const router = useRouter();
  const save = useMutation({
    mutationFn: () => patchSettings({ streaksEnabled: !enabled, timeZone: browserTimeZone() }),
    onSuccess: () => router.refresh(),
  });
  useEffect(() => {
    const zone = browserTimeZone();
    // Best effort: a failure leaves the stored zone, which the next visit tries again.
    if (enabled && zone !== timeZone) patchSettings({ timeZone: zone }).catch(() => undefined);
  }, [enabled, timeZone]);
  const pending = save.isPending;
  const error = save.isError ? errorMessage(save.error, "could not save") : null;
  const toggle = () => save.mutate();
  return (
    <div className="flex flex-col gap-1">
      <label className="inline-flex items-center gap-2 text-sm">
        <input type="checkbox" checked={enabled} onChange={toggle} disabled={pending} className="size-4" />
        Track a daily streak
      </label>
      {error ? (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
});

/** Desired retention for the review queue: higher means more frequent reviews. */
export const RetentionForm = withQueryClient(function RetentionForm({ retention }: { retention: number }) {
  const router = useRouter();
  const id = useId();
  const [value, setValue] = useState(String(retention));
  const [invalid, setInvalid] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (n: number) => patchSettings({ retention: n }),
    onSuccess: () => router.refresh(),
  });
  const message = invalid
    ? { ok: false, text: invalid }
    : save.isSuccess
      ? { ok: true, text: "Saved. New reviews are scheduled with it." }
      : save.isError
        ? { ok: false, text: errorMessage(save.error, "could not save") }
        : null;
  function submit(event: FormEvent) {
    event.preventDefault();
    const n = Number(value);
    if (!Number.isFinite(n) || n < MIN || n > MAX) {
      setInvalid(`Retention must be between ${MIN} and ${MAX}.`);
      return;
    }
    setInvalid(null);
    save.mutate(n);
  }
  return (
    <form onSubmit={submit} className="flex flex-wrap items-end gap-2" aria-label="Review settings">
      <div className="flex flex-col gap-1">
        <label htmlFor={id} className="text-sm font-medium">
          Desired retention
        </label>
        <input
          id={id}
          type="number"
          step="0.01"
          min={MIN}
          max={MAX}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          className="w-28 rounded-md border border-border bg-card px-2 py-1.5"
          aria-describedby={`${id}-help`}
        />
      </div>
      <Button type="submit" variant="secondary" disabled={save.isPending}>
        Save
      </Button>
      <p id={`${id}-help`} className="basis-full text-xs text-muted-foreground">
        The chance you still remember an answer when it comes back ({MIN}–{MAX}; default 0.9).
      </p>
      {message ? (
        <p
          role={message.ok ? "status" : "alert"}
          className={`basis-full text-sm ${message.ok ? "text-success" : "text-danger"}`}
        >
          {message.text}
        </p>
      ) : null}
    </form>
  );
});
