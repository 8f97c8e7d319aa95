"use client";

import { type FormEvent, useId, useMemo, useRef, useState } from "react";
import type { Answer, AnswerPartSpec, ValidationIssue, VariantView } from "@/lib/engine/questions/types";
import { Button } from "@/components/ui/button";
import { type Draft, type DraftValue, draftToAnswer, errorsByPart, initialDraft } from "./answer-model";
import { ChoiceAnswer } from "./choice-answer";
import { NumberAnswer } from "./number-answer";
import { PromptText } from "./prompt-text";
import { ReorderList } from "./reorder-list";
import { TimelineEditor } from "./timeline-editor";
import { VariantContext } from "./variant-context";

export interface AnswerFormProps {
  view: VariantView;
  onSubmit: (answer: Answer) => void | Promise<void>;
  /** A previously saved answer to start from. */
  initialAnswer?: Answer;
  /** Validation errors returned by the server, e.g. { path: "parts.q1[3]", message }. */
  errors?: ValidationIssue[];
  /** True while the answer is being graded. */
  pending?: boolean;
  /** After grading, or when attempts are used up. */
  disabled?: boolean;
  submitLabel?: string;
  /** The prompt pre-rendered to HTML on the server (trusted); otherwise a safe Markdown subset is used. */
  promptHtml?: string;
  /** Hide the title, prompt and exhibits when the page shows them elsewhere. */
  partsOnly?: boolean;
}

function PartInput({
  part,
  draft,
  onChange,
  disabled,
  errors,
}: {
  part: AnswerPartSpec;
  draft: DraftValue;
  onChange: (value: DraftValue) => void;
  disabled: boolean;
  errors: string[];
}) {
  const errorId = useId();
  switch (part.kind) {
    case "timeline":
      return (
        <div className="flex flex-col gap-1">
          <p className="text-sm font-medium">{part.label}</p>
          <TimelineEditor
            part={part}
            value={draft.kind === "timeline" ? draft.value : []}
            onChange={(value) => onChange({ kind: "timeline", value })}
            disabled={disabled}
            errorId={errors.length ? errorId : undefined}
          />
          {errors.length ? (
            <p id={errorId} role="alert" className="text-sm text-danger">
              {errors.join(" ")}
            </p>
          ) : null}
        </div>
      );
    case "number":
      return <NumberAnswer part={part} text={draft.kind === "number" ? draft.text : ""} onChange={(text) => onChange({ kind: "number", text })} disabled={disabled} errors={errors} />;
    case "order":
      return <ReorderList part={part} value={draft.kind === "order" ? draft.value : []} onChange={(value) => onChange({ kind: "order", value })} disabled={disabled} errors={errors} />;
    case "choice":
      return <ChoiceAnswer part={part} value={draft.kind === "choice" ? draft.value : []} onChange={(value) => onChange({ kind: "choice", value })} disabled={disabled} errors={errors} />;
  }
}

/** Renders a question's prompt, exhibits and answer parts, and collects the Answer. */
export function AnswerForm({ view, onSubmit, initialAnswer, errors = [], pending = false, disabled = false, submitLabel = "Check answer", promptHtml, partsOnly = false }: AnswerFormProps) {
  const [draft, setDraft] = useState<Draft>(() => initialDraft(view, initialAnswer));
  const [clientErrors, setClientErrors] = useState<ValidationIssue[]>([]);
  const formRef = useRef<HTMLFormElement>(null);
  const partIds = useMemo(() => view.parts.map((p) => p.id), [view.parts]);
  const grouped = errorsByPart([...clientErrors, ...errors], partIds);
  const locked = disabled || pending;

  function setPart(id: string, value: DraftValue) {
    setDraft((d) => ({ ...d, [id]: value }));
    // A part's client-side error is stale as soon as the student edits that part.
    setClientErrors((es) => es.filter((e) => errorsByPart([e], [id]).form.length > 0));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (locked) return;
    const { answer, errors: problems } = draftToAnswer(view, draft);
    setClientErrors(problems);
    if (problems.length > 0) {
      // Move focus to the first problem so keyboard and screen-reader users land on it.
      setTimeout(() => formRef.current?.querySelector<HTMLElement>("[aria-invalid='true'], fieldset:has([role='alert']) input")?.focus(), 0);
      return;
    }
    void onSubmit(answer);
  }

  function reset() {
    setDraft(initialDraft(view));
    setClientErrors([]);
  }

  return (
    <form ref={formRef} onSubmit={submit} aria-busy={pending || undefined} className="flex flex-col gap-6" data-slot="answer-form" noValidate>
      {!partsOnly ? (
        <div className="flex flex-col gap-4">
          <h2 className="text-xl font-semibold">{view.title}</h2>
          {promptHtml !== undefined ? <div className="prose-sm leading-relaxed" dangerouslySetInnerHTML={{ __html: promptHtml }} /> : <PromptText markdown={view.prompt} />}
          <VariantContext view={view} />
        </div>
      ) : null}
      {view.parts.map((part) => (
        <div key={part.id} className="rounded-lg border border-border bg-card p-4" data-part={part.id}>
          <PartInput part={part} draft={draft[part.id]} onChange={(v) => setPart(part.id, v)} disabled={locked} errors={grouped.byPart[part.id] ?? []} />
        </div>
      ))}
      {grouped.form.length > 0 ? (
        <div role="alert" className="rounded-md border border-danger p-3 text-sm text-danger">
          {grouped.form.map((m) => (
            <p key={m}>{m}</p>
          ))}
        </div>
      ) : null}
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={locked}>
          {pending ? "Checking…" : submitLabel}
        </Button>
        <Button type="button" variant="secondary" onClick={reset} disabled={locked}>
          Reset
        </Button>
        <p aria-live="polite" className="sr-only">
          {pending ? "Checking your answer" : ""}
        </p>
      </div>
    </form>
  );
}
