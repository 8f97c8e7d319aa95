"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { withQueryClient } from "@/components/query-provider";
import { type ReactNode, useDeferredValue, useId, useMemo, useState } from "react";
import { PromptText } from "@/components/sim";
import { Button } from "@/components/ui/button";
import { selfTestTemplate, type SelfTestResult } from "@/lib/engine";
import type { QuestionTemplate, TemplateImage } from "@/lib/engine/questions";
import {
  type EditorForm,
  errorsByField,
  evaluateForm,
  formFromTemplate,
  TOPIC_OPTIONS,
  TYPE_OPTIONS,
} from "./editor-model";
import { ApiError, apiJson, errorMessage } from "@/lib/api/client";
import type { BankQuestionDto } from "@/lib/api/dto";
import { TemplatePreview } from "./template-preview";
import { distinctMessages } from "@/lib/messages";

/** Matches the server's self-test on save, so a green result here means the save will pass it. */
const SELF_TEST_VARIANTS = 50;

export interface QuestionEditorProps {
  initial: QuestionTemplate;
  /** Set when editing a saved question; absent when creating one. */
  questionId?: string;
  readOnly?: boolean;
  /** The lecturer's own topics (issue #24), offered after the eight built-in ones. */
  topics?: readonly { slug: string; name: string }[];
}

const inputClass = "min-h-10 rounded-md border border-border bg-background px-3 aria-invalid:border-danger";
const areaClass = "rounded-md border border-border bg-background p-3 font-mono text-sm aria-invalid:border-danger";

function FieldBox({
  label,
  errors,
  children,
  id,
}: {
  label: string;
  errors?: string[];
  children: (describedBy: string | undefined) => ReactNode;
  id: string;
}) {
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

const MAX_IMAGE_KIB = 100;

/** A file name the engine accepts: lowercase letters, digits and dashes, with the image's extension. */
function imageName(file: File, taken: readonly string[]): string {
  const ext = file.type === "image/jpeg" ? "jpg" : file.type.replace("image/", "");
  const stem =
    file.name
      .replace(/\.[^.]*$/, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 40) || "image";
  let name = `${stem}.${ext}`;
  for (let i = 2; taken.includes(name); i++) name = `${stem}-${i}.${ext}`;
  return name;
}

/** Pictures uploaded with the question: shown under the prompt, stored and exported with the template. */
function ImagesField({
  id,
  images,
  errors,
  onChange,
}: {
  id: string;
  images: TemplateImage[];
  errors?: string[];
  onChange: (images: TemplateImage[]) => void;
}) {
  const [problem, setProblem] = useState<string | null>(null);
  const shown = distinctMessages([...(errors ?? []), ...(problem ? [problem] : [])]);
  const add = (file: File | undefined) => {
    setProblem(null);
    if (!file) return;
    if (!["image/png", "image/jpeg", "image/gif", "image/webp"].includes(file.type))
      return setProblem(`${file.name}: only PNG, JPEG, GIF or WebP images`);
    if (file.size > MAX_IMAGE_KIB * 1024)
      return setProblem(`${file.name}: at most ${MAX_IMAGE_KIB} KiB (this one is ${Math.ceil(file.size / 1024)} KiB)`);
    const reader = new FileReader();
    reader.onload = () => {
      if (typeof reader.result === "string")
        onChange([
          ...images,
          {
            name: imageName(
              file,
              images.map((i) => i.name),
            ),
            alt: "",
            dataUrl: reader.result,
          },
        ]);
    };
    reader.readAsDataURL(file);
  };
  return (
    <fieldset
      className="flex flex-col gap-2 rounded-md border border-border p-3"
      aria-describedby={shown.length ? `${id}-error` : undefined}
    >
      <legend className="px-1 text-sm font-semibold">Images (shown under the prompt)</legend>
      {images.map((img, i) => (
        <div key={img.name} className="flex flex-wrap items-center gap-3" data-testid="editor-image">
          {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL being edited; nothing to optimise */}
          <img src={img.dataUrl} alt="" className="h-12 w-12 rounded border border-border object-contain" />
          <span className="font-mono text-sm">{img.name}</span>
          <label className="flex flex-1 flex-col gap-1 text-sm">
            Alt text for {img.name}
            <input
              className={inputClass}
              value={img.alt}
              onChange={(e) => onChange(images.map((x, j) => (j === i ? { ...x, alt: e.target.value } : x)))}
            />
          </label>
          <Button type="button" variant="ghost" onClick={() => onChange(images.filter((_, j) => j !== i))}>
            Remove {img.name}
          </Button>
        </div>
      ))}
      <label className="flex flex-col gap-1 text-sm" htmlFor={id}>
        Add an image (PNG, JPEG, GIF or WebP, at most {MAX_IMAGE_KIB} KiB each, 150 KiB together)
        <input
          id={id}
          type="file"
          accept="image/png,image/jpeg,image/gif,image/webp"
          onChange={(e) => {
            add(e.target.files?.[0]);
            e.target.value = "";
          }}
        />
      </label>
      {shown.length ? (
        <ul id={`${id}-error`} className="text-sm text-danger" data-testid="error-images">
          {shown.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
}

const MEASURES = [
  ["slots", "Timeline length (slots)"],
  ["decisions", "Scheduling decisions"],
  ["preemptions", "Preemptions"],
] as const;

/** How even the variants are: per difficulty measure, min / median / max and a small histogram. */
function DifficultySpread({ difficulty }: { difficulty: NonNullable<SelfTestResult["difficulty"]> }) {
  return (
    <section
      className="rounded-md border border-border p-3 text-sm"
      data-testid="difficulty-spread"
      aria-label="Difficulty spread"
    >
      <h3 className="font-semibold">Difficulty over {difficulty.variants} variants</h3>
      <dl className="mt-2 grid gap-3">
        {MEASURES.map(([key, label]) => {
          const s = difficulty[key];
          const top = Math.max(...s.counts.map(([, n]) => n));
          return (
            <div key={key} data-testid={`spread-${key}`}>
              <dt className="font-medium">{label}</dt>
              <dd>
                <span data-testid={`spread-${key}-summary`}>
                  min {s.min} · median {s.median} · max {s.max}
                </span>
                <div
                  className="mt-1 flex h-8 items-end gap-px"
                  role="img"
                  aria-label={`${label}: ${s.counts.map(([v, n]) => `${n}× ${v}`).join(", ")}`}
                >
                  {s.counts.map(([v, n]) => (
                    <div
                      key={v}
                      title={`${v}: ${n} variant${n === 1 ? "" : "s"}`}
                      className="w-2 bg-primary"
                      style={{ height: `${Math.max(8, (100 * n) / top)}%` }}
                    />
                  ))}
                </div>
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}

export const QuestionEditor = withQueryClient(function QuestionEditor({
  initial,
  questionId,
  readOnly = false,
  topics = [],
}: QuestionEditorProps) {
  const router = useRouter();
  const base = useId();
  const [form, setForm] = useState<EditorForm>(() => formFromTemplate(initial));
  const [showPromptPreview, setShowPromptPreview] = useState(false);
  const [serverErrors, setServerErrors] = useState<{ message: string; fields: Record<string, string[]> } | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [selfTest, setSelfTest] = useState<SelfTestResult | null>(null);

  // Validation runs the engine's trial build; deferring keeps typing responsive.
  const deferred = useDeferredValue(form);
  const evaluated = useMemo(() => evaluateForm(deferred), [deferred]);
  const fieldErrors = useMemo(() => {
    const live = errorsByField(evaluated.errors);
    for (const [k, v] of Object.entries(serverErrors?.fields ?? {})) {
      const field = k
        .replace(/^template\./, "")
        .replace(/^grading\./, "")
        .split(/[.[]/)[0]!;
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

  const saveMutation = useMutation({
    mutationFn: () =>
      questionId
        ? apiJson<{ question: BankQuestionDto }>(`/api/teach/questions/${questionId}`, {
            method: "PUT",
            body: { template: evaluated.raw },
          })
        : apiJson<{ question: BankQuestionDto }>("/api/teach/questions", {
            method: "POST",
            body: { template: evaluated.raw },
          }),
    onMutate: () => {
      setServerErrors(null);
      setSaved(null);
    },
    onSuccess: ({ question }) => {
      if (questionId) {
        setSaved(`Saved as version ${question.currentVersion}.`);
        router.refresh();
      } else {
        router.push(`/teach/questions/${question.id}?created=1`);
      }
    },
    onError: (error) =>
      setServerErrors({ message: errorMessage(error), fields: error instanceof ApiError ? error.fields : {} }),
  });
  const save = () => saveMutation.mutate();
  const saving = saveMutation.isPending;

  const selfTestProblems = serverErrors?.fields["selfTest"] ?? [];
  // Counted as shown: one line per distinct message under each field, not one per raw issue.
  const problemCount = evaluated.errors.length
    ? Object.values(errorsByField(evaluated.errors)).reduce((n, list) => n + distinctMessages(list).length, 0)
    : 0;

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <form
        className="flex flex-col gap-4"
        aria-label="Question template"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <fieldset disabled={readOnly} className="flex flex-col gap-4">
          <div className="grid gap-4 sm:grid-cols-2">
            <FieldBox label="Title" id={id("title")} errors={fieldErrors["title"]}>
              {(d) => (
                <input
                  id={id("title")}
                  className={inputClass}
                  value={form.title}
                  onChange={set("title")}
                  aria-describedby={d}
                  aria-invalid={d ? true : undefined}
                />
              )}
            </FieldBox>
            <FieldBox label="Slug" id={id("slug")} errors={fieldErrors["slug"]}>
              {(d) => (
                <input
                  id={id("slug")}
                  className={inputClass}
                  value={form.slug}
                  onChange={set("slug")}
                  readOnly={!!questionId}
                  aria-describedby={d}
                  aria-invalid={d ? true : undefined}
                />
              )}
            </FieldBox>
            <FieldBox label="Type" id={id("type")} errors={fieldErrors["type"]}>
              {(d) => (
                <select
                  id={id("type")}
                  className={inputClass}
                  value={form.type}
                  onChange={set("type")}
                  aria-describedby={d}
                >
                  {TYPE_OPTIONS.map((t) => (
                    <option key={t}>{t}</option>
                  ))}
                </select>
              )}
            </FieldBox>
            <FieldBox label="Topic" id={id("topic")} errors={fieldErrors["topic"]}>
              {(d) => (
                <select
                  id={id("topic")}
                  className={inputClass}
                  value={form.topic}
                  onChange={set("topic")}
                  aria-describedby={d}
                >
                  {TOPIC_OPTIONS.map((t) => (
                    <option key={t}>{t}</option>
                  ))}
                  {topics.map((t) => (
                    <option key={t.slug} value={t.slug}>
                      {t.name} ({t.slug})
                    </option>
                  ))}
                  {/* A question filed under a topic that is not offered (another lecturer's) keeps it. */}
                  {!(TOPIC_OPTIONS as readonly string[]).includes(form.topic) &&
                  !topics.some((t) => t.slug === form.topic) ? (
                    <option value={form.topic}>{form.topic}</option>
                  ) : null}
                </select>
              )}
            </FieldBox>
            <FieldBox label="Tags (comma-separated)" id={id("tags")} errors={fieldErrors["tags"]}>
              {(d) => (
                <input
                  id={id("tags")}
                  className={inputClass}
                  value={form.tags}
                  onChange={set("tags")}
                  aria-describedby={d}
                  aria-invalid={d ? true : undefined}
                />
              )}
            </FieldBox>
            <FieldBox label="Difficulty (1–5)" id={id("difficulty")} errors={fieldErrors["difficulty"]}>
              {(d) => (
                <input
                  id={id("difficulty")}
                  type="number"
                  min={1}
                  max={5}
                  className={inputClass}
                  value={form.difficulty}
                  onChange={set("difficulty")}
                  aria-describedby={d}
                  aria-invalid={d ? true : undefined}
                />
              )}
            </FieldBox>
          </div>

          <FieldBox label="Prompt (Markdown; {{name}} placeholders)" id={id("prompt")} errors={fieldErrors["prompt"]}>
            {(d) => (
              <textarea
                id={id("prompt")}
                rows={4}
                className={areaClass}
                value={form.prompt}
                onChange={set("prompt")}
                aria-describedby={d}
                aria-invalid={d ? true : undefined}
              />
            )}
          </FieldBox>
          <div>
            <Button
              type="button"
              variant="ghost"
              onClick={() => setShowPromptPreview((s) => !s)}
              aria-expanded={showPromptPreview}
            >
              {showPromptPreview ? "Hide Markdown preview" : "Show Markdown preview"}
            </Button>
            {showPromptPreview ? (
              <div className="rounded-md border border-border p-3">
                <PromptText markdown={form.prompt} />
              </div>
            ) : null}
          </div>

          <ImagesField
            id={id("images")}
            images={form.images}
            errors={fieldErrors["images"]}
            onChange={(images) => {
              setForm((f) => ({ ...f, images }));
              setSaved(null);
              setSelfTest(null);
            }}
          />

          <FieldBox
            label="Generator (JSON: fixed values, or ranges [min, max] and choices; see docs/questions.md)"
            id={id("generator")}
            errors={fieldErrors["generator"]}
          >
            {(d) => (
              <textarea
                id={id("generator")}
                rows={14}
                spellCheck={false}
                className={areaClass}
                value={form.generator}
                onChange={set("generator")}
                aria-describedby={d}
                aria-invalid={d ? true : undefined}
              />
            )}
          </FieldBox>

          <fieldset className="grid gap-4 rounded-md border border-border p-3 sm:grid-cols-3">
            <legend className="px-1 text-sm font-semibold">Grading</legend>
            <FieldBox label="Timeline scoring" id={id("scheduleScoring")} errors={fieldErrors["scheduleScoring"]}>
              {(d) => (
                <select
                  id={id("scheduleScoring")}
                  className={inputClass}
                  value={form.scheduleScoring}
                  onChange={set("scheduleScoring")}
                  aria-describedby={d}
                >
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
                {(d) => (
                  <input
                    id={id(key)}
                    type="number"
                    step="any"
                    className={inputClass}
                    value={form[key]}
                    onChange={set(key)}
                    aria-describedby={d}
                    aria-invalid={d ? true : undefined}
                  />
                )}
              </FieldBox>
            ))}
          </fieldset>

          <FieldBox
            label="Hints (one per paragraph; unlocked one by one)"
            id={id("hints")}
            errors={fieldErrors["hints"]}
          >
            {(d) => (
              <textarea
                id={id("hints")}
                rows={3}
                className={areaClass}
                value={form.hints}
                onChange={set("hints")}
                aria-describedby={d}
              />
            )}
          </FieldBox>
          <FieldBox
            label="Worked explanation (Markdown, shown after submission)"
            id={id("explanation")}
            errors={fieldErrors["explanation"]}
          >
            {(d) => (
              <textarea
                id={id("explanation")}
                rows={3}
                className={areaClass}
                value={form.explanation}
                onChange={set("explanation")}
                aria-describedby={d}
              />
            )}
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
            <Button
              type="button"
              variant="secondary"
              disabled={!evaluated.template}
              onClick={() =>
                evaluated.template &&
                setSelfTest(
                  selfTestTemplate(evaluated.template, { variants: SELF_TEST_VARIANTS, reportMisconceptions: true }),
                )
              }
            >
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
          <div
            role="alert"
            className="rounded-md border border-danger/40 bg-danger/10 p-3 text-sm text-danger"
            data-testid="save-error"
          >
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
          <div
            role="status"
            className={`rounded-md border p-3 text-sm ${selfTest.ok ? "border-success/40 text-success" : "border-danger/40 text-danger"}`}
            data-testid="self-test-result"
          >
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
                ? `Misconceptions its variants tell apart: ${Object.entries(selfTest.discriminates)
                    .map(([id, n]) => `${id} (${n} of ${SELF_TEST_VARIANTS})`)
                    .join(", ")}.`
                : "No catalogued misconception changes the answer of these variants."}
            </p>
          </div>
        ) : null}
        {selfTest?.difficulty ? <DifficultySpread difficulty={selfTest.difficulty} /> : null}
      </form>

      <TemplatePreview template={evaluated.template} />
    </div>
  );
});
