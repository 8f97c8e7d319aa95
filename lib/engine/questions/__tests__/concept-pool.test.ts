// The concept kind's pool of alternative items (issue #23): validation names the field, the seed picks
// the item (seed mod pool size), and an item's vars fill placeholders and feed answers like parameters.
import { describe, expect, it } from "vitest";
import { buildVariant, validateTemplate } from "../../index";
import type { QuestionTemplate } from "../types";
import { TEMPLATE_DEFAULT_GRADING } from "../grading";

const choice = (id: string, right: string, wrong: string) => ({
  kind: "choice",
  id,
  label: `Question ${id}?`,
  options: [{ label: right, correct: true }, { label: wrong }],
});

function template(generator: Record<string, unknown>): QuestionTemplate {
  return {
    slug: "pool-test",
    title: "Pool",
    type: "concept",
    topic: "processes-threads",
    tags: [],
    difficulty: 1,
    prompt: "About {{thing}}.",
    generator,
    grading: TEMPLATE_DEFAULT_GRADING,
    hints: [],
    explanation: "Because of {{thing}}.",
  };
}

describe("concept pools", () => {
  const items = ["a", "b", "c"].map((x) => ({
    vars: { thing: `thing ${x}` },
    parts: [choice(x, `yes ${x}`, `no ${x}`)],
  }));

  it("draws item seed mod pool size, with its vars in the prompt", () => {
    for (let seed = 0; seed < 9; seed++) {
      const v = buildVariant(template({ pool: items }), seed);
      if (!v.ok) throw new Error(v.errors[0]!.message);
      const x = ["a", "b", "c"][seed % 3]!;
      expect(v.value.view.prompt).toBe(`About thing ${x}.`);
      expect(v.value.view.parts.map((p) => p.id)).toEqual([x]);
      const part = v.value.view.parts[0]!;
      if (part.kind !== "choice") throw new Error("not a choice");
      const right = part.options.find((o) => o.label === `yes ${x}`)!;
      expect(v.value.key.expected[x]).toBe(right.id);
    }
  });

  it("numeric vars feed answer expressions like parameters", () => {
    const pool = [2, 5].map((n) => ({
      vars: { thing: `${n} things`, n },
      parts: [{ kind: "number", id: "double", label: "Twice {{n}}", answer: "{{n}} * 2", unit: "count" }],
    }));
    const answers = [0, 1].map((seed) => {
      const v = buildVariant(template({ pool }), seed);
      if (!v.ok) throw new Error(v.errors[0]!.message);
      return v.value.key.expected["double"];
    });
    expect(answers).toEqual([4, 10]);
  });

  it("refuses a pool with parts beside it, of one item, or with items naming different vars", () => {
    const paths = (g: Record<string, unknown>) => {
      const r = validateTemplate(template(g));
      return r.ok ? [] : r.errors.map((e) => e.path);
    };
    expect(paths({ pool: items, parts: [choice("z", "y", "n")] })).toContain("generator.parts");
    expect(paths({ pool: items.slice(0, 1) })).toContain("generator.pool");
    expect(paths({ pool: [...items, { vars: { other: "x" }, parts: [choice("d", "y", "n")] }] })).toContain(
      "generator.pool[3].vars",
    );
    expect(paths({ pool: [items[0], { vars: { thing: "t" }, parts: [{ kind: "choice", id: "q" }] }] })[0]).toMatch(
      /^generator\.pool\[1\]\.parts\[0\]/,
    );
  });
});
