"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { withQueryClient } from "@/components/query-provider";
import type { PickerQuestionDto } from "@/lib/api/dto";
import { ApiError, apiJson, errorMessage } from "@/lib/api/client";
import { parseSlugs, toggleSlug } from "./picker-model";
import { QuestionPicker } from "./question-picker";

/**
 * Assign a set of published questions with an optional due date (the browser's local time). The picker
 * and the slug field edit one list: ticking a question adds its slug, and pasted slugs tick theirs.
 */
export const AssignForm = withQueryClient(function AssignForm({
  classId,
  questions,
}: {
  classId: string;
  questions: PickerQuestionDto[];
}) {
  const router = useRouter();
  const [title, setTitle] = useState("");
  const [slugs, setSlugs] = useState("");
  const [due, setDue] = useState("");
  const [maxAttempts, setMaxAttempts] = useState("");
  const [reveal, setReveal] = useState<"after-attempt" | "after-due" | "never">("after-attempt");
  const [latePolicy, setLatePolicy] = useState<"accept" | "close">("accept");
  const [penalty, setPenalty] = useState("0");
  const [hintPenalty, setHintPenalty] = useState("0");
  const [hintPenaltyMax, setHintPenaltyMax] = useState("100");
  const assign = useMutation({
    mutationFn: () =>
      apiJson("/api/teach/classes/" + classId + "/assignments", {
        method: "POST",
        body: {
          title,
          slugs: parseSlugs(slugs),
          dueAt: due ? new Date(due).toISOString() : null,
          // Empty means no limit; anything else goes to the server as typed, which names a bad value.
          maxAttempts: maxAttempts.trim() === "" ? null : Number(maxAttempts),
          reveal,
          latePolicy,
          latePenalty: Number(penalty) / 100,
          hintPenalty: Number(hintPenalty) / 100,
          hintPenaltyMax: Number(hintPenaltyMax) / 100,
        },
      }),
    onSuccess: () => {
      setTitle("");
      setSlugs("");
      setDue("");
      setMaxAttempts("");
      router.refresh();
    },
  });
  const errors: Record<string, string[]> = assign.error instanceof ApiError ? assign.error.fields : {};
  const message = assign.isSuccess
    ? "Assigned."
    : assign.isError
      ? errorMessage(assign.error, "could not assign")
      : null;

  function submit(event: React.FormEvent) {
    event.preventDefault();
    assign.mutate();
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-3" aria-label="Assign questions">
      <Field
        id="assignment-title"
        label="Title"
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        error={errors.title?.[0]}
      />
      <Field
        id="assignment-slugs"
        label="Question slugs"
        value={slugs}
        onChange={(e) => setSlugs(e.target.value)}
        error={errors.slugs?.[0]}
        hint="Tick questions below, or paste slugs of published questions separated by commas or spaces."
      />
      <QuestionPicker
        questions={questions}
        selected={parseSlugs(slugs)}
        onToggle={(slug) => setSlugs((text) => toggleSlug(text, slug))}
      />
      <Field
        id="assignment-due"
        label="Due (optional)"
        type="datetime-local"
        value={due}
        onChange={(e) => setDue(e.target.value)}
        error={errors.dueAt?.[0]}
      />
      <fieldset className="flex flex-col gap-3 rounded-md border border-border p-3">
        <legend className="px-1 text-sm font-medium">Assessment rules</legend>
        <Field
          id="assignment-max-attempts"
          label="Attempts per question (empty: unlimited)"
          type="number"
          min={1}
          value={maxAttempts}
          onChange={(e) => setMaxAttempts(e.target.value)}
          error={errors.maxAttempts?.[0]}
        />
        <div className="flex flex-col gap-1">
          <label htmlFor="assignment-reveal" className="text-sm font-medium">
            Show references and explanations
          </label>
          <select
            id="assignment-reveal"
            className="min-h-10 rounded-md border border-border bg-card px-3"
            value={reveal}
            onChange={(e) => setReveal(e.target.value as typeof reveal)}
          >
            <option value="after-attempt">after each attempt (a retry gets a new variant)</option>
            <option value="after-due">after the due date</option>
            <option value="never">never</option>
          </select>
          {errors.reveal?.[0] ? <p className="text-xs text-danger">{errors.reveal[0]}</p> : null}
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="assignment-late" className="text-sm font-medium">
            After the due date
          </label>
          <select
            id="assignment-late"
            className="min-h-10 rounded-md border border-border bg-card px-3"
            value={latePolicy}
            onChange={(e) => setLatePolicy(e.target.value as typeof latePolicy)}
          >
            <option value="accept">accept late attempts</option>
            <option value="close">close the assignment</option>
          </select>
        </div>
        {latePolicy === "accept" ? (
          <Field
            id="assignment-late-penalty"
            label="Late penalty (% taken off a late attempt's score)"
            type="number"
            min={0}
            max={100}
            value={penalty}
            onChange={(e) => setPenalty(e.target.value)}
            error={errors.latePenalty?.[0]}
          />
        ) : null}
        <Field
          id="assignment-hint-penalty"
          label="Hint penalty (% of a question's credit per hint opened; 0: hints are free)"
          type="number"
          min={0}
          max={100}
          value={hintPenalty}
          onChange={(e) => setHintPenalty(e.target.value)}
          error={errors.hintPenalty?.[0]}
        />
        {Number(hintPenalty) > 0 ? (
          <Field
            id="assignment-hint-penalty-max"
            label="Most the hints may take off in total (%)"
            type="number"
            min={0}
            max={100}
            value={hintPenaltyMax}
            onChange={(e) => setHintPenaltyMax(e.target.value)}
            error={errors.hintPenaltyMax?.[0]}
          />
        ) : null}
      </fieldset>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={assign.isPending}>
          Assign
        </Button>
        {message ? (
          <p role="status" className="text-sm text-muted-foreground">
            {message}
          </p>
        ) : null}
      </div>
    </form>
  );
});
