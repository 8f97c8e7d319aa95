"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { QuestionView } from "@/components/sim/question-view";
import { Button } from "@/components/ui/button";
import { apiJson, errorMessage } from "@/lib/api/client";
import type { PickerQuestionDto, QuestionPreviewDto } from "@/lib/api/dto";
import { topicBySlug } from "@/lib/topics";
import { matchesFilter, NO_FILTER, optionsOf, type PickerFilter } from "./picker-model";

const selectClass = "min-h-10 rounded-md border border-border bg-card px-2 text-sm";
const topicName = (slug: string) => topicBySlug(slug)?.title ?? slug;

/**
 * Choosing an assignment's questions: search and filter the published questions, tick the ones to
 * assign, and preview any of them as a student will see it (built on the server; no answer key here).
 * Every control is a native checkbox, select or button, so it all works from the keyboard.
 */
export function QuestionPicker({
  questions,
  selected,
  onToggle,
}: {
  questions: PickerQuestionDto[];
  selected: string[];
  onToggle: (slug: string) => void;
}) {
  const [filter, setFilter] = useState<PickerFilter>(NO_FILTER);
  const [previewId, setPreviewId] = useState<string | null>(null);
  const previewRef = useRef<HTMLDivElement>(null);
  const openerRef = useRef<HTMLButtonElement | null>(null);
  const ids = useId();
  const shown = useMemo(() => questions.filter((q) => matchesFilter(q, filter)), [questions, filter]);
  const chosen = new Set(selected);
  const previewed = questions.find((q) => q.id === previewId) ?? null;
  const set = (key: keyof PickerFilter) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    setFilter((f) => ({ ...f, [key]: e.target.value }));

  // Keyboard users land in the preview they asked for, and go back to their place in the list on close.
  useEffect(() => {
    if (previewId) previewRef.current?.focus();
  }, [previewId]);
  const closePreview = () => {
    setPreviewId(null);
    openerRef.current?.focus();
  };

  return (
    <fieldset className="flex flex-col gap-3 rounded-md border border-border p-3" data-testid="question-picker">
      <legend className="px-1 text-sm font-medium">Choose questions</legend>
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1 text-sm">
          <label htmlFor={`${ids}-q`}>Search questions</label>
          <input
            id={`${ids}-q`}
            type="search"
            value={filter.q}
            onChange={set("q")}
            placeholder="title, slug or tag"
            className="min-h-10 rounded-md border border-border bg-card px-3"
          />
        </div>
        <div className="flex flex-col gap-1 text-sm">
          <label htmlFor={`${ids}-topic`}>Topic</label>
          <select id={`${ids}-topic`} value={filter.topic} onChange={set("topic")} className={selectClass}>
            <option value="">any</option>
            {optionsOf(questions, "topic").map((t) => (
              <option key={t} value={t}>
                {topicName(t)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1 text-sm">
          <label htmlFor={`${ids}-type`}>Type</label>
          <select id={`${ids}-type`} value={filter.type} onChange={set("type")} className={selectClass}>
            <option value="">any</option>
            {optionsOf(questions, "type").map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1 text-sm">
          <label htmlFor={`${ids}-difficulty`}>Difficulty</label>
          <select
            id={`${ids}-difficulty`}
            value={filter.difficulty}
            onChange={set("difficulty")}
            className={selectClass}
          >
            <option value="">any</option>
            {[1, 2, 3, 4, 5].map((d) => (
              <option key={d}>{d}</option>
            ))}
          </select>
        </div>
      </div>
      <p aria-live="polite" className="text-sm text-muted-foreground" data-testid="picker-count">
        {shown.length} of {questions.length} questions shown · {selected.length} selected
      </p>

      <div className="grid gap-4 lg:grid-cols-2">
        <ul
          aria-label="Published questions"
          className="flex max-h-96 flex-col overflow-y-auto rounded-md border border-border"
        >
          {shown.map((q) => {
            const checkbox = `${ids}-${q.id}`;
            return (
              <li
                key={q.id}
                className="flex items-start gap-3 border-b border-border p-2 last:border-b-0"
                data-testid="picker-row"
              >
                <input
                  id={checkbox}
                  type="checkbox"
                  className="mt-1 size-4"
                  checked={chosen.has(q.slug)}
                  onChange={() => onToggle(q.slug)}
                  aria-describedby={`${checkbox}-meta`}
                />
                <div className="mr-auto text-sm">
                  <label htmlFor={checkbox} className="font-medium">
                    {q.title}
                  </label>
                  <p id={`${checkbox}-meta`} className="text-xs text-muted-foreground">
                    {topicName(q.topic)} · {q.type} · difficulty {q.difficulty} · {q.slug}
                  </p>
                </div>
                <Button
                  type="button"
                  variant="secondary"
                  className="min-h-8 px-3 text-xs"
                  aria-controls={`${ids}-preview`}
                  aria-expanded={previewId === q.id}
                  onClick={(e) => {
                    openerRef.current = e.currentTarget;
                    setPreviewId(q.id);
                  }}
                >
                  Preview<span className="sr-only"> {q.title}</span>
                </Button>
              </li>
            );
          })}
          {shown.length === 0 ? (
            <li className="p-3 text-sm text-muted-foreground">No published question matches.</li>
          ) : null}
        </ul>

        <div
          id={`${ids}-preview`}
          ref={previewRef}
          tabIndex={-1}
          aria-label={previewed ? `Preview of ${previewed.title}` : "Preview"}
          className="rounded-md border border-border p-3 outline-none focus-visible:ring-2 focus-visible:ring-primary"
          data-testid="picker-preview"
          role="region"
        >
          {previewed ? (
            <Preview
              question={previewed}
              selected={chosen.has(previewed.slug)}
              onToggle={() => onToggle(previewed.slug)}
              onClose={closePreview}
            />
          ) : (
            <p className="text-sm text-muted-foreground">Choose Preview on a question to see it as students do.</p>
          )}
        </div>
      </div>
    </fieldset>
  );
}

function Preview({
  question,
  selected,
  onToggle,
  onClose,
}: {
  question: PickerQuestionDto;
  selected: boolean;
  onToggle: () => void;
  onClose: () => void;
}) {
  const preview = useQuery({
    queryKey: ["question-preview", question.id],
    queryFn: ({ signal }) =>
      apiJson<{ preview: QuestionPreviewDto }>(`/api/teach/questions/${encodeURIComponent(question.id)}/preview`, {
        signal,
      }).then((r) => r.preview),
    // A published version's preview never changes for a fixed seed.
    staleTime: Infinity,
  });
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap gap-2">
        <Button
          type="button"
          variant={selected ? "secondary" : "primary"}
          className="min-h-8 px-3 text-xs"
          onClick={onToggle}
        >
          {selected ? "Unselect this question" : "Select this question"}
        </Button>
        <Button type="button" variant="ghost" className="min-h-8 px-3 text-xs" onClick={onClose}>
          Close preview
        </Button>
      </div>
      {preview.isPending ? <p className="text-sm text-muted-foreground">Loading the preview…</p> : null}
      {preview.isError ? (
        <p role="alert" className="text-sm text-danger">
          The preview could not be loaded: {errorMessage(preview.error)}
        </p>
      ) : null}
      {preview.data ? (
        <>
          <QuestionView view={preview.data.view} titleAs="h2" className="text-sm" />
          <div className="text-sm">
            <p className="font-medium">Students answer</p>
            <ul className="list-disc pl-5 text-muted-foreground">
              {preview.data.asks.map((a, i) => (
                <li key={i}>
                  {a.label} <span className="text-xs">({a.kind})</span>
                </li>
              ))}
            </ul>
            <p className="mt-2 text-xs text-muted-foreground">
              Shown with seed {preview.data.seed}; each student gets their own variant.
            </p>
          </div>
        </>
      ) : null}
    </div>
  );
}
