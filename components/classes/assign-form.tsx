"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ApiError, sendJson } from "./api";

/** Assign a set of published questions, by slug, with an optional due date (the browser's local time). */
export function AssignForm({ classId, publishedSlugs }: { classId: string; publishedSlugs: string[] }) {
  const router = useRouter();
  const [title, setTitle] = useState("");
  const [slugs, setSlugs] = useState("");
  const [due, setDue] = useState("");
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setErrors({});
    setMessage(null);
    const list = slugs.split(/[\s,]+/).filter(Boolean);
    try {
      await sendJson("/api/teach/classes/" + classId + "/assignments", "POST", { title, slugs: list, dueAt: due ? new Date(due).toISOString() : null });
      setTitle("");
      setSlugs("");
      setDue("");
      setMessage("Assigned.");
      router.refresh();
    } catch (e) {
      if (e instanceof ApiError) setErrors(e.fields);
      setMessage(e instanceof Error ? e.message : "could not assign");
    }
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-3" aria-label="Assign questions">
      <Field id="assignment-title" label="Title" value={title} onChange={(e) => setTitle(e.target.value)} error={errors.title?.[0]} />
      <Field
        id="assignment-slugs"
        label="Question slugs"
        list="published-slugs"
        value={slugs}
        onChange={(e) => setSlugs(e.target.value)}
        error={errors.slugs?.[0]}
        hint="Published questions only, separated by commas or spaces."
      />
      <datalist id="published-slugs">
        {publishedSlugs.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
      <Field id="assignment-due" label="Due (optional)" type="datetime-local" value={due} onChange={(e) => setDue(e.target.value)} error={errors.dueAt?.[0]} />
      <div className="flex items-center gap-3">
        <Button type="submit">Assign</Button>
        {message ? (
          <p role="status" className="text-sm text-muted-foreground">
            {message}
          </p>
        ) : null}
      </div>
    </form>
  );
}
