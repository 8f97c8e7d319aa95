// The content lint over the whole bank (every template × 25 seeds) must be clean, and each rule must
// catch a planted example of what it forbids.
import { describe, expect, it } from "vitest";
import { buildVariant, EXAMPLE_TEMPLATES, type QuestionTemplate } from "@/lib/engine";
import { BUILT_IN_TEMPLATES } from "./index";
import {
  approximateFigureProblems,
  arithmeticProblems,
  evaluate,
  KNOWN_RULE_IDS,
  lintTemplate,
  versionProblems,
} from "./lint";

const SEEDS = 25;

/** Rule ids as the engine logs them, gathered from the bank's own schedules, plus every template slug. */
function internalIds(): string[] {
  const rules = new Set(KNOWN_RULE_IDS);
  for (const t of BUILT_IN_TEMPLATES) {
    if (!["schedule", "metrics"].includes(t.type)) continue;
    const v = buildVariant(t, 0);
    const sim = v.ok ? (v.value.key.data as { sim?: { decisions: { rule: string }[] } }).sim : undefined;
    for (const d of sim?.decisions ?? []) for (const part of d.rule.split("+")) if (part.includes("-")) rules.add(part);
  }
  return [...rules, ...BUILT_IN_TEMPLATES.map((t) => t.slug)];
}

const IDS = internalIds();
const base = BUILT_IN_TEMPLATES.find((t) => t.slug === "which-policy-optimises-what")!;

function planted(over: Partial<QuestionTemplate>): QuestionTemplate {
  return { ...base, ...over };
}

describe("content lint", () => {
  it("finds the engine's rule ids to look for", () => {
    expect(IDS).toContain("stcf-shortest-remaining");
    expect(IDS).toContain("rr-head");
  });

  it.each([...BUILT_IN_TEMPLATES, ...EXAMPLE_TEMPLATES].map((t) => [t.slug, t] as const))("%s is clean", (_slug, t) => {
    expect(lintTemplate(t, { seeds: SEEDS, ids: IDS })).toEqual([]);
  });

  it("catches raw Markdown in plain-text fields (hints, option labels)", () => {
    const t = planted({ hints: ["STCF compares *remaining* time."] });
    expect(lintTemplate(t, { seeds: 1, ids: IDS }).map((i) => i.rule)).toContain("markdown-in-plain-text");
    // The base is a concept pool (issue #23): plant the label in its first item.
    const g = structuredClone(base.generator) as { pool: { parts: { options?: { label: string }[] }[] }[] };
    g.pool[0]!.parts[0]!.options![1]!.label = "FIFO is **not** optimal";
    const issues = lintTemplate(planted({ generator: g }), { seeds: 1, ids: IDS });
    expect(issues.some((i) => i.rule === "markdown-in-plain-text" && i.field.includes("options"))).toBe(true);
    // The prompt is Markdown: emphasis there is fine.
    expect(lintTemplate(planted({ prompt: "Match each *goal*." }), { seeds: 1, ids: IDS })).toEqual([]);
  });

  it("catches internal ids and repository paths", () => {
    for (const text of [
      "The rule stcf-shortest-remaining decided.",
      "Formulas: docs/eventloop-and-capacity.md.",
      "Like fork-loop-count.",
      "(domain notes)",
    ]) {
      const issues = lintTemplate(planted({ explanation: base.explanation + "\n" + text }), { seeds: 1, ids: IDS });
      expect(
        issues.map((i) => i.rule),
        text,
      ).toContain("internal-id");
    }
  });

  it("catches arithmetic that does not compute, and accepts what does", () => {
    expect(arithmeticProblems("A: 1024 / (1024 + 820) = 1024 / 1844 = **55.5%**; B gets 44.5%.")).toEqual([]);
    expect(arithmeticProblems("So 100 / 0.052 ≈ 1923 req/s.")).toEqual([]);
    expect(arithmeticProblems("Completions 2, 4 and 14: (2 + 4 + 14) / 3 = 6 ms.")).toHaveLength(1);
    expect(arithmeticProblems("Each gets 1024 / 1359 = 80%.")).toHaveLength(1);
    expect(evaluate("2 × (3 + 4) − 1")).toBe(13);
    expect(evaluate("32,768 / 2")).toBe(16384);
  });

  it("catches an approximate figure that disagrees with its computation, or has none", () => {
    // The convoy example before the fix: "about 6 ms" for (2 + 4 + 14) / 3 = 6.67.
    expect(approximateFigureProblems("fifo-convoy-effect", "the average turnaround drops to about 6 ms")[0]).toMatch(
      /not registered/,
    );
    expect(approximateFigureProblems("green-threads-switch-cost", "about 20× less")).toEqual([]);
    expect(approximateFigureProblems("green-threads-switch-cost", "about 30× less")).toHaveLength(1);
  });

  it("catches version-sensitive claims without a version", () => {
    expect(versionProblems("Linux's default scheduler is CFS.")).toHaveLength(1);
    expect(versionProblems("Since Linux 6.6 the default is EEVDF.")).toEqual([]);
    expect(versionProblems("The default pid_max is 32768.")).toHaveLength(1);
    expect(versionProblems("pid_max is 32768, the kernel's built-in default.")).toEqual([]);
    expect(versionProblems("A virtual thread is pinned inside synchronized.")).toHaveLength(1);
    expect(versionProblems("nextTick callbacks run before promise callbacks.")).toHaveLength(1);
    expect(versionProblems("Threads get a default 8 MiB stack.")).toHaveLength(1);
  });
});
