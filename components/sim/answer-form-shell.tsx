"use client";

import { createContext, type FormEvent, type ReactNode, useContext, useMemo, useRef, useState } from "react";
import type { Answer, AnswerPartSpec, ValidationIssue, VariantView } from "@/lib/engine/questions";
import { Button } from "@/components/ui/button";
import { type Draft, type DraftValue, draftToAnswer, errorsByPart, initialDraft } from "./answer-model";
import { QuestionView } from "./question-view";

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

interface PartFields {
  draft: Draft;
  setPart: (id: string, value: DraftValue) => void;
  locked: boolean;
  errors: Record<string, string[]>;
}

// The inputs reach the draft through context rather than props so that the page can hand the form
// ready-made inputs for just the part kinds its question has (see part-inputs/index.tsx).
const PartFieldsContext = createContext<PartFields | null>(null);

/** One part's slice of the form: its draft value, a setter, whether input is locked, its errors. */
export function usePartField(part: AnswerPartSpec): {
  draft: DraftValue;
  onChange: (value: DraftValue) => void;
  disabled: boolean;
  errors: string[];
} {
  const fields = useContext(PartFieldsContext);
  if (!fields) throw new Error("a part input must be rendered inside an answer form");
  return {
    draft: fields.draft[part.id],
    onChange: (value) => fields.setPart(part.id, value),
    disabled: fields.locked,
    errors: fields.errors[part.id] ?? [],
  };
}

/**
 * Renders a question's prompt, exhibits and answer parts, and collects the Answer. The inputs for the
 * parts come from `inputFor`, so this module loads no answer widget itself.
 */
export function AnswerFormShell({
  view,
  onSubmit,
  initialAnswer,
  errors = [],
  pending = false,
  disabled = false,
  submitLabel = "Check answer",
  promptHtml,
  partsOnly = false,
  inputFor,
}: AnswerFormProps & { inputFor: (part: AnswerPartSpec) => ReactNode }) {
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
      setTimeout(
        () =>
          formRef.current
            ?.querySelector<HTMLElement>("[aria-invalid='true'], fieldset:has([role='alert']) input")
            ?.focus(),
        0,
      );
      return;
    }
    void onSubmit(answer);
  }

  function reset() {
    setDraft(initialDraft(view));
    setClientErrors([]);
  }

  return (
    <form
      ref={formRef}
      onSubmit={submit}
      aria-busy={pending || undefined}
      className="flex flex-col gap-6"
      data-slot="answer-form"
      noValidate
    >
      {!partsOnly ? <QuestionView view={view} titleAs="h2" promptHtml={promptHtml} /> : null}
      <PartFieldsContext value={{ draft, setPart, locked, errors: grouped.byPart }}>
        {view.parts.map((part) => (
          <div key={part.id} className="rounded-lg border border-border bg-card p-4" data-part={part.id}>
            {inputFor(part)}
          </div>
        ))}
      </PartFieldsContext>
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
