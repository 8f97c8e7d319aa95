// Issue #14, item 2: every place a student (or an instructor previewing) meets a question shows the same
// thing — prompt, every exhibit and every convention — because they all render it through QuestionView.
// Each context's real component is server-rendered for every template in the bank, and each convention
// and exhibit of the view must be in the page's text.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { AppRouterContext } from "next/dist/shared/lib/app-router-context.shared-runtime";
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ExerciseClient } from "@/app/(app)/practice/q/[slug]/exercise-client";
import { MockRunner } from "@/components/progress/mock-runner";
import { TemplatePreview } from "@/components/teach/template-preview";
import { BUILT_IN_TEMPLATES } from "@/lib/bank";
import { buildVariant, explanationFor, gradeAnswer, perturbAnswer, validateTemplate } from "@/lib/engine/questions";
import type { QuestionTemplate, Variant, VariantView } from "@/lib/engine/questions";
import { AttemptReview } from "./attempt-review";
import { recordsOf } from "./exhibit-view";

// The App Router's context, as Next provides it to client components; nothing navigates while rendering.
const router = { back() {}, forward() {}, refresh() {}, push() {}, replace() {}, prefetch() {} };

function page(element: ReactElement): string {
  const tree = createElement(
    QueryClientProvider,
    { client: new QueryClient() },
    createElement(AppRouterContext.Provider, { value: router as never }, element),
  );
  return text(renderToStaticMarkup(tree));
}

/** The page's visible text: tags dropped, entities decoded, whitespace collapsed. */
function text(html: string): string {
  return collapse(
    html
      .replace(/<[^>]+>/g, " ")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&#x27;|&#39;/g, "'")
      .replace(/&amp;/g, "&"),
  );
}

const collapse = (s: string) => s.replace(/\s+/g, " ").trim();

/** What of the view must be on the page: each convention, and each exhibit's caption and content. */
export function expectedTexts(view: VariantView): string[] {
  const out = [...view.conventions];
  for (const e of view.exhibits) {
    out.push(e.caption);
    if (e.kind === "table") {
      out.push(...e.columns);
      for (const row of e.rows) out.push(...row.map(String));
    } else {
      const records = recordsOf(e.source);
      if (records) for (const row of records.rows) out.push(...Object.values(row));
      else out.push(...e.source.split("\n").filter((l) => l.trim() !== ""));
    }
  }
  return out.map(collapse).filter((s) => s !== "");
}

type Context = { name: string; render: (t: QuestionTemplate, v: Variant) => string };

const CONTEXTS: Context[] = [
  {
    // Practice, the review queue and class assignments all open the exercise page.
    name: "practice / review / assignment",
    render: (_t, v) =>
      page(
        createElement(ExerciseClient, {
          slug: "q",
          variantId: "v",
          view: v.view,
          maxAttempts: null,
          initialAttempts: [],
          hints: [],
          hintState: "none",
          explanation: null,
        }),
      ),
  },
  {
    name: "mock interview",
    render: (_t, v) =>
      page(
        createElement(MockRunner, {
          sessionId: "s",
          itemId: "i",
          position: 0,
          answered: 0,
          deadline: new Date(Date.now() + 60_000).toISOString(),
          view: v.view,
        }),
      ),
  },
  {
    name: "history",
    render: (t, v) => {
      const answer = perturbAnswer(v, 1);
      return page(
        createElement(AttemptReview, {
          view: v.view,
          report: gradeAnswer(t, v, answer),
          answer,
          explanation: explanationFor(t, v),
        }),
      );
    },
  },
  { name: "instructor preview", render: (t) => page(createElement(TemplatePreview, { template: t })) },
];

const TEMPLATES = BUILT_IN_TEMPLATES.map((raw) => {
  const t = validateTemplate(raw);
  if (!t.ok) throw new Error(`${raw.slug}: ${JSON.stringify(t.errors)}`);
  return t.value;
});

describe.each(CONTEXTS.map((c) => [c.name, c] as const))("%s shows every convention and exhibit", (_name, context) => {
  it.each(TEMPLATES.map((t) => [t.slug, t] as const))("%s", (_slug, t) => {
    // The instructors' preview draws seed 0 until redrawn: check that variant everywhere.
    const built = buildVariant(t, 0);
    if (!built.ok) throw new Error(JSON.stringify(built.errors));
    const html = context.render(t, built.value);
    expect(html).toContain(collapse(built.value.view.title));
    const missing = expectedTexts(built.value.view).filter((s) => !html.includes(s));
    expect(missing).toEqual([]);
  });
});
