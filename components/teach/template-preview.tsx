"use client";

import { useMemo, useState } from "react";
import { AnswerForm, GradeView } from "@/components/sim";
import { Button } from "@/components/ui/button";
import { buildVariant, gradeAnswer, referenceAnswer } from "@/lib/engine";
import type { GradeReport, QuestionTemplate } from "@/lib/engine/questions";

/** Seeds stay in 31 bits, like the server's, so a pinned seed means the same variant everywhere. */
const randomSeed = () => Math.floor(Math.random() * (2 ** 31 - 1));

/**
 * Runs the engine in the browser on the template being edited: exactly the view a student gets, a
 * trial grading of the preview answer, and the reference answer graded.
 */
export function TemplatePreview({ template }: { template: QuestionTemplate | null }) {
  const [seed, setSeed] = useState(0);
  const [pinned, setPinned] = useState(false);
  const [trial, setTrial] = useState<GradeReport | null>(null);
  const [showReference, setShowReference] = useState(false);

  const built = useMemo(() => (template ? buildVariant(template, seed) : null), [template, seed]);
  const reference = useMemo(() => {
    if (!template || !built?.ok) return null;
    const answer = referenceAnswer(built.value);
    return { answer, report: gradeAnswer(template, built.value, answer) };
  }, [template, built]);

  const redraw = () => {
    setSeed(randomSeed());
    setTrial(null);
  };

  return (
    <section
      aria-labelledby="preview-heading"
      className="flex flex-col gap-4 rounded-lg border border-border bg-card p-4"
      data-testid="preview"
    >
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="preview-heading" className="mr-auto font-semibold">
          Student preview
        </h2>
        <label className="flex items-center gap-2 text-sm">
          Seed
          <input
            type="number"
            min={0}
            max={2 ** 31 - 2}
            value={seed}
            onChange={(e) => {
              const n = Math.trunc(Number(e.target.value));
              if (Number.isFinite(n) && n >= 0 && n < 2 ** 31 - 1) setSeed(n);
              setTrial(null);
            }}
            className="min-h-10 w-32 rounded-md border border-border bg-background px-2"
            data-testid="preview-seed"
          />
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={pinned} onChange={(e) => setPinned(e.target.checked)} />
          Pin seed
        </label>
        <Button variant="secondary" onClick={redraw} disabled={pinned || !template}>
          New variant
        </Button>
      </div>

      {!template ? (
        <p className="text-sm text-muted-foreground">Fix the errors in the template to see the preview.</p>
      ) : null}
      {built && !built.ok ? (
        <div role="alert" className="text-sm text-danger">
          <p>Seed {seed} does not build:</p>
          <ul className="list-disc pl-5">
            {built.errors.map((e) => (
              <li key={`${e.path}:${e.message}`}>
                <code>{e.path}</code>: {e.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {template && built?.ok ? (
        <>
          <AnswerForm
            key={`${seed}:${JSON.stringify(built.value.view)}`}
            view={built.value.view}
            onSubmit={(answer) => setTrial(gradeAnswer(template, built.value, answer))}
            submitLabel="Try this answer"
          />
          {trial ? (
            <div data-testid="preview-grade">
              <h3 className="mb-2 font-medium">Your trial answer</h3>
              <GradeView report={trial} parts={built.value.view.parts} showReplay={false} />
            </div>
          ) : null}
          <details
            open={showReference}
            onToggle={(e) => setShowReference(e.currentTarget.open)}
            className="rounded-md border border-border p-3"
          >
            <summary className="cursor-pointer font-medium">Reference answer</summary>
            {showReference && reference ? (
              <div className="mt-3" data-testid="preview-reference">
                <GradeView report={reference.report} parts={built.value.view.parts} answer={reference.answer} />
              </div>
            ) : null}
          </details>
        </>
      ) : null}
    </section>
  );
}
