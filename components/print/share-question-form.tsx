"use client";

import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

/** Makes a public practice link (and its embed snippet) for one published question. */
export function ShareQuestionForm() {
  const [slug, setSlug] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [shared, setShared] = useState<{ url: string; embedUrl: string } | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      const response = await fetch("/api/shared", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ slug: slug.trim() }),
      });
      const payload = (await response.json().catch(() => null)) as {
        url: string;
        embedUrl: string;
        error?: { message: string };
      } | null;
      if (!response.ok || !payload || payload.error)
        setError(payload?.error?.message ?? `sharing failed (${response.status})`);
      else setShared({ url: payload.url, embedUrl: payload.embedUrl });
    } finally {
      setPending(false);
    }
  }

  const snippet = shared
    ? `<iframe src="${shared.embedUrl}" title="Timeslice practice question" width="100%" height="720" style="border:0"></iframe>`
    : "";
  return (
    <div className="flex flex-col gap-4">
      <form onSubmit={submit} className="flex flex-wrap items-end gap-3">
        <Field
          id="share-slug"
          label="Question slug"
          value={slug}
          onChange={(e) => setSlug(e.target.value)}
          required
          error={error ?? undefined}
          className="min-w-64 flex-1"
        />
        <Button type="submit" disabled={pending}>
          {pending ? "Sharing…" : "Make a public link"}
        </Button>
      </form>
      {shared ? (
        <div className="flex flex-col gap-2 text-sm" data-testid="share-result">
          <p>
            Link:{" "}
            <a href={shared.url} className="break-all text-primary underline" data-testid="share-link">
              {shared.url}
            </a>
          </p>
          <label htmlFor="share-embed" className="font-medium">
            Embed in a course page
          </label>
          <textarea
            id="share-embed"
            readOnly
            value={snippet}
            rows={3}
            className="rounded-md border border-border bg-card p-2 font-mono text-xs"
            data-testid="share-embed"
          />
        </div>
      ) : null}
    </div>
  );
}
