"use client";

import { useRouter } from "next/navigation";
import { type ReactNode, useDeferredValue, useId, useMemo, useState } from "react";
import { PromptText } from "@/components/sim";
import { Button } from "@/components/ui/button";
import { selfTestTemplate, type SelfTestResult } from "@/lib/engine";
import type { QuestionTemplate } from "@/lib/engine/questions/types";
import { type EditorForm, errorsByField, evaluateForm, formFromTemplate, TOPIC_OPTIONS, TYPE_OPTIONS } from "./editor-model";
import { ApiError, type BankQuestion, callApi } from "./types";
import { TemplatePreview } from "./template-preview";
import { distinctMessages } from "@/lib/messages";

/** Matches the server's self-test on save, so a green result here means the save will pass it. */
const SELF_TEST_VARIANTS = 50;

export interface QuestionEditorProps {
  initial: QuestionTemplate;
  /** Set when editing a saved question; absent when creating one. */
  questionId?: string;
  readOnly?: boolean;
}

const inputClass = "min-h-10 rounded-md border border-border bg-background px-3 aria-invalid:border-danger";
const areaClass = "rounded-md border border-border bg-background p-3 font-mono text-sm aria-invalid:border-danger";

function FieldBox({ label, errors, children, id }: { label: string; errors?: string[]; children: (describedBy: string | undefined) => ReactNode; id: string }) {
  const errorId = `${id}-error`;
  // The live check and the server's answer after Save can report the same problem: list it once.
  const shown = distinctMessages(errors ?? []);
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {children(shown.length ? errorId : undefined)}
      {shown.length ? (
        <ul id={errorId} className="text-sm text-danger" data-testid={`error-${id.split("-").at(-1)}`}>
          {shown.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function QuestionEditor({ initial, questionId, readOnly = false }: QuestionEditorProps) {
  const router = useRouter();
  const base = useId();
  const [form, setForm] = useState<EditorForm>(() => formFromTemplate(initial));
  const [showPromptPreview, setShowPromptPreview] = useState(false);
  const [saving, setSaving] = useState(false);
  const [serverErrors, setServerErrors] = useState<{ message: string; fields: Record<string, string[]> } | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [selfTest, setSelfTest] = useState<SelfTestResult | null>(null);

  // Validation runs the engine's trial build; deferring keeps typing responsive.
  const deferred = useDeferredValue(form);
  const evaluated = useMemo(() => evaluateForm(deferred), [deferred]);
  const fieldErrors = useMemo(() => {
    const live = errorsByField(evaluated.errors);
    for (const [k, v] of Object.entries(serverErrors?.fields ?? {})) {
      const field = k.replace(/^template\./, "").replace(/^grading\./, "").split(/[.[]/)[0]!;
      (live[field] ??= []).push(...v.map((m) => `${k.replace(/^template\./, "")}: ${m}`));
    }
    return live;
  }, [evaluated.errors, serverErrors]);

  const set = (key: keyof EditorForm) => (e: { target: { value: string } }) => {
    setForm((f) => ({ ...f, [key]: e.target.value }));
    setSaved(null);
    setSelfTest(null);
  };
  const id = (name: string) => `${base}-${name}`;

  const save = async () => {
    setSaving(true);
    setServerErrors(null);
    setSaved(null);
    try {
      const body = JSON.stringify({ template: evaluated.raw });
      if (questionId) {
        const { question } = await callApi<{ question: BankQuestion }>(`/api/teach/questions/${questionId}`, { method: "PUT", body });
        setSaved(`Saved as version ${question.currentVersion}.`);
        router.refresh();
      } else {
        const { question } = await callApi<{ question: BankQuestion }>("/api/teach/questions", { method: "POST", body });
        router.push(`/teach/questions/${question.id}?created=1`);
      }
    } catch (error) {
      setServerErrors({
        message: error instanceof Error ? error.message : String(error),
        fields: error instanceof ApiError ? (error.body?.error.fields ?? {}) : {},
      });
    } finally {
      setSaving(false);
    }
  };

  const selfTestProblems = serverErrors?.fields["selfTest"] ?? [];
  // Counted as shown: one line per distinct message under each field, not one per raw issue.
  const problemCount = evaluated.errors.length ? Object.values(errorsByField(evaluated.errors)).reduce((n, list) => n + distinctMessages(list).length, 0) : 0;

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <form
        className="flex flex-col gap-4"
        aria-label="Question template"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <fieldset disabled={readOnly} className="flex flex-col gap-4">
          <div className="grid gap-4 sm:grid-cols-2">
            <FieldBox label="Title" id={id("title")} errors={fieldErrors["title"]}>
              {(d) => <input id={id("title")} className={inputClass} value={form.title} onChange={set("title")} aria-describedby={d} aria-invalid={d ? true : undefined} />}
            </FieldBox>
            <FieldBox label="Slug" id={id("slug")} errors={fieldErrors["slug"]}>
              {(d) => <input id={id("slug")} className={inputClass} value={form.slug} onChange={set("slug")} readOnly={!!questionId} aria-describedby={d} aria-invalid={d ? true : undefined} />}
            </FieldBox>
            <FieldBox label="Type" id={id("type")} errors={fieldErrors["type"]}>
              {(d) => (
                <select id={id("type")} className={inputClass} value={form.type} onChange={set("type")} aria-describedby={d}>
                  {TYPE_OPTIONS.map((t) => (
                    <option key={t}>{t}</option>
                  ))}
                </select>
              )}
            </FieldBox>
            <FieldBox label="Topic" id={id("topic")} errors={fieldErrors["topic"]}>
              {(d) => (
                <select id={id("topic")} className={inputClass} value={form.topic} onChange={set("topic")} aria-describedby={d}>
                  {TOPIC_OPTIONS.map((t) => (
                    <option key={t}>{t}</option>
                  ))}
                </select>
              )}
            </FieldBox>
            <FieldBox label="Tags (comma-separated)" id={id("tags")} errors={fieldErrors["tags"]}>
              {(d) => <input id={id("tags")} className={inputClass} value={form.tags} onChange={set("tags")} aria-describedby={d} aria-invalid={d ? true : undefined} />}
            </FieldBox>
            <FieldBox label="Difficulty (1–5)" id={id("difficulty")} errors={fieldErrors["difficulty"]}>
              {(d) => <input id={id("difficulty")} type="number" min={1} max={5} className={inputClass} value={form.difficulty} onChange={set("difficulty")} aria-describedby={d} aria-invalid={d ? true : undefined} />}
            </FieldBox>
          </div>

          <FieldBox label="Prompt (Markdown; {{name}} placeholders)" id={id("prompt")} errors={fieldErrors["prompt"]}>
            {(d) => <textarea id={id("prompt")} rows={4} className={areaClass} value={form.prompt} onChange={set("prompt")} aria-describedby={d} aria-invalid={d ? true : undefined} />}
          </FieldBox>
          <div>
            <Button type="button" variant="ghost" onClick={() => setShowPromptPreview((s) => !s)} aria-expanded={showPromptPreview}>
              {showPromptPreview ? "Hide Markdown preview" : "Show Markdown preview"}
            </Button>
            {showPromptPreview ? (
              <div className="rounded-md border border-border p-3">
                <PromptText markdown={form.prompt} />
              </div>
            ) : null}
          </div>

          <FieldBox label="Generator (JSON: fixed values, or ranges [min, max] and choices; see docs/questions.md)" id={id("generator")} errors={fieldErrors["generator"]}>
            {(d) => <textarea id={id("generator")} rows={14} spellCheck={false} className={areaClass} value={form.generator} onChange={set("generator")} aria-describedby={d} aria-invalid={d ? true : undefined} />}
          </FieldBox>

          <fieldset className="grid gap-4 rounded-md border border-border p-3 sm:grid-cols-3">
            <legend className="px-1 text-sm font-semibold">Grading</legend>
            <FieldBox label="Timeline scoring" id={id("scheduleScoring")} errors={fieldErrors["scheduleScoring"]}>
              {(d) => (
                <select id={id("scheduleScoring")} className={inputClass} value={form.scheduleScoring} onChange={set("scheduleScoring")} aria-describedby={d}>
                  <option value="per-slot">per slot</option>
                  <option value="segment-lcs">segments (LCS)</option>
                  <option value="strict-prefix">strict prefix</option>
                </select>
              )}
            </FieldBox>
            {(
              [
                ["relativeTolerance", "Relative tolerance (0–0.5)"],
                ["absoluteTolerance", "Absolute tolerance"],
                ["conventionCredit", "Credit for another convention (0–1)"],
                ["maxAttempts", "Max attempts (empty = unlimited)"],
                ["hintAfterAttempts", "Hint after attempts"],
              ] as const
            ).map(([key, label]) => (
              <FieldBox key={key} label={label} id={id(key)} errors={fieldErrors[key]}>
                {(d) => <input id={id(key)} type="number" step="any" className={inputClass} value={form[key]} onChange={set(key)} aria-describedby={d} aria-invalid={d ? true : undefined} />}
              </FieldBox>
            ))}
          </fieldset>

          <FieldBox label="Hints (one per paragraph; unlocked one by one)" id={id("hints")} errors={fieldErrors["hints"]}>
            {(d) => <textarea id={id("hints")} rows={3} className={areaClass} value={form.hints} onChange={set("hints")} aria-describedby={d} />}
          </FieldBox>
          <FieldBox label="Worked explanation (Markdown, shown after submission)" id={id("explanation")} errors={fieldErrors["explanation"]}>
            {(d) => <textarea id={id("explanation")} rows={3} className={areaClass} value={form.explanation} onChange={set("explanation")} aria-describedby={d} />}
          </FieldBox>
        </fieldset>

        {problemCount ? (
          <p className="text-sm text-danger" data-testid="live-errors">
            {problemCount} problem{problemCount === 1 ? "" : "s"} in the template (shown under each field).
          </p>
        ) : (
          <p className="text-sm text-success" data-testid="live-ok">
            The template is valid.
          </p>
        )}

        {!readOnly ? (
          <div className="flex flex-wrap gap-3">
            <Button type="submit" disabled={saving || !evaluated.template}>
              {saving ? "Saving…" : questionId ? "Save" : "Create draft"}
            </Button>
            <Button type="button" variant="secondary" disabled={!evaluated.template} onClick={() => evaluated.template && setSelfTest(selfTestTemplate(evaluated.template, { variants: SELF_TEST_VARIANTS, reportMisconceptions: true }))}>
              Self-test
            </Button>
          </div>
        ) : null}

        {saved ? (
          <p role="status" className="text-sm text-success" data-testid="save-status">
            {saved}
          </p>
        ) : null}
        {serverErrors ? (
          <div role="alert" className="rounded-md border border-danger/40 bg-danger/10 p-3 text-sm text-danger" data-testid="save-error">
            <p>{serverErrors.message}</p>
            {selfTestProblems.length ? (
              <ul className="mt-2 list-disc pl-5">
                {selfTestProblems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        {selfTest ? (
          <div role="status" className={`rounded-md border p-3 text-sm ${selfTest.ok ? "border-success/40 text-success" : "border-danger/40 text-danger"}`} data-testid="self-test-result">
            {selfTest.ok
              ? `Self-test passed on ${SELF_TEST_VARIANTS} variants: every reference scores 1, a wrong answer scores less, nothing degenerate.`
              : `Self-test failed on ${selfTest.failures.length} variant(s):`}
            {!selfTest.ok ? (
              <ul className="mt-2 list-disc pl-5">
                {selfTest.failures.slice(0, 10).map((f) => (
                  <li key={`${f.seed}:${f.problem}`}>{f.seed >= 0 ? `seed ${f.seed}: ${f.problem}` : f.problem}</li>
                ))}
              </ul>
            ) : null}
            <p className="mt-2 text-foreground" data-testid="self-test-misconceptions">
              {Object.keys(selfTest.discriminates).length > 0
                ? `Misconceptions its variants tell apart: ${Object.entries(selfTest.discriminates).map(([id, n]) => `${id} (${n} of ${SELF_TEST_VARIANTS})`).join(", ")}.`
                : "No catalogued misconception changes the answer of these variants."}
            </p>
          </div>
        ) : null}
      </form>

      <TemplatePreview template={evaluated.template} />
    </div>
  );
}
