// Issue #14, "noise and jargon" in the feedback: for every bank template, a graded wrong answer's page
// shows no internal rule id, one score (the heading and the summary agree), no switch prices where
// switches are free, counts that are always whole say so, and key: value exhibits read as tables.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { BUILT_IN_TEMPLATES } from "@/lib/bank";
import { buildVariant, gradeAnswer, perturbAnswer, validateTemplate } from "@/lib/engine/questions";
import { AnswerForm } from "./answer-form";
import { ExhibitView } from "./exhibit-view";
import { GradeView } from "./grade-view";

const TEMPLATES = BUILT_IN_TEMPLATES.map((raw) => {
  const t = validateTemplate(raw);
  if (!t.ok) throw new Error(`${raw.slug}: ${JSON.stringify(t.errors)}`);
  return t.value;
});

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");

describe.each(TEMPLATES.map((t) => [t.slug, t] as const))("%s", (_slug, t) => {
  it("the grade view of a wrong answer: no rule ids, one score, switch prices only when charged", () => {
    for (const seed of [0, 1, 2]) {
      const built = buildVariant(t, seed);
      if (!built.ok) throw new Error(JSON.stringify(built.errors));
      const v = built.value;
      const answer = perturbAnswer(v, seed);
      const report = gradeAnswer(t, v, answer);
      const page = text(renderToStaticMarkup(createElement(GradeView, { report, parts: v.view.parts, answer })));

      const replay = report.replay as { decisions?: { rule: string }[]; switches?: { charged: boolean } } | undefined;
      const ids = new Set([
        ...(replay?.decisions ?? []).map((d) => d.rule),
        ...(report.firstDivergence ? [report.firstDivergence.rule] : []),
      ]);
      for (const id of ids) if (/^[a-z]+(-[a-z]+)+/.test(id)) expect(page, `rule id ${id} shown`).not.toContain(id);

      const heading = /(?:Correct|Result): (\d+)%/.exec(page)?.[1];
      const summary = /Score (\d+(?:\.\d+)?)%/.exec(page)?.[1];
      expect(heading).toBeDefined();
      if (summary !== undefined) expect(summary).toBe(heading);

      if (replay?.switches && !replay.switches.charged) {
        expect(page).not.toContain("Cost per switch");
        expect(page).not.toMatch(/switch, ≈/);
      }
    }
  });

  it("the answer form says 'a whole number' for counts that are always whole", () => {
    const built = buildVariant(t, 0);
    if (!built.ok) throw new Error(JSON.stringify(built.errors));
    const page = text(renderToStaticMarkup(createElement(AnswerForm, { view: built.value.view, onSubmit: () => {} })));
    const wholes = built.value.view.parts.filter((p) => p.kind === "number" && p.integer === true).length;
    expect(page.split("a whole number").length - 1).toBeGreaterThanOrEqual(wholes);
    expect(page).not.toContain("whole number or decimal");
  });
});

describe("key: value exhibits", () => {
  it("render the capacity server models as a table with words for the keys", () => {
    const html = renderToStaticMarkup(
      createElement(ExhibitView, {
        exhibit: {
          kind: "code",
          caption: "Server models",
          language: "text",
          source: "kind: thread-per-request, poolSize: 200, stackMiB: 8\nkind: event-loop, perConnectionKiB: 10",
        },
      }),
    );
    expect(html).toContain("<table");
    expect(html).toContain("Pool size");
    expect(html).toContain("Memory per connection (KiB)");
    expect(html).not.toContain("kind: thread-per-request");
    expect(html).not.toContain("(Text)");
  });
  it("leave a program listing as a listing", () => {
    const html = renderToStaticMarkup(
      createElement(ExhibitView, {
        exhibit: {
          kind: "code",
          caption: "Program",
          language: "text",
          source: "process P:\n  thread T:\n    exit(0);",
        },
      }),
    );
    expect(html).toContain("<pre");
  });
});
