// Explanations name the variant's own values: {{placeholders}} in a template's explanation are filled
// from the parameters the variant drew, which travel in the key (never in the view).
import { describe, expect, it } from "vitest";
import { validateTemplate } from "../template";
import { buildVariant, explanationFor } from "../variant";
import type { QuestionTemplate } from "../types";
import { TEMPLATE_DEFAULT_GRADING } from "../grading";
import { placeholdersIn } from "../params";
import { BUILT_IN_TEMPLATES } from "@/lib/bank";

function loopTemplate(explanation: string): QuestionTemplate {
  return {
    slug: "loop",
    title: "Loop",
    type: "process",
    topic: "creating-processes",
    tags: [],
    difficulty: 1,
    prompt: "n = {{n}}",
    generator: {
      program: 'int main(void) {\n  for (int i = 0; i < {{n}}; i++)\n    fork();\n  printf("x\\n");\n  return 0;\n}\n',
      params: { n: { range: [2, 5] } },
      output: "tty",
      ask: ["processes"],
    },
    grading: TEMPLATE_DEFAULT_GRADING,
    hints: [],
    explanation,
  };
}

describe("explanationFor", () => {
  it("fills each variant's drawn values, which are in the key and not in the view", () => {
    const t = loopTemplate("Here the loop runs {{n}} times, so there are 2^{{n}} processes.");
    const seen = new Set<string>();
    for (let seed = 0; seed < 30; seed++) {
      const v = buildVariant(t, seed);
      if (!v.ok) throw new Error(JSON.stringify(v.errors));
      const n = Number(/i < (\d+)/.exec((v.value.view.exhibits[0] as { source: string }).source)![1]);
      const text = explanationFor(t, v.value);
      expect(text).toBe(`Here the loop runs ${n} times, so there are 2^${n} processes.`);
      seen.add(text);
      expect(JSON.stringify(v.value.view)).not.toContain('"params"');
    }
    expect(seen.size).toBeGreaterThan(1);
  });

  it("rejects a placeholder in the explanation that no variant fills", () => {
    const r = validateTemplate(loopTemplate("There are {{m}} processes."));
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors).toContainEqual({ path: "explanation", message: "unknown placeholder {{m}} (known: n)" });
  });
});

describe("the bank's explanations", () => {
  const named = BUILT_IN_TEMPLATES.filter((t) => placeholdersIn(t.explanation).length > 0);

  it("name the variant's values in at least a dozen templates", () => {
    expect(named.length).toBeGreaterThanOrEqual(12);
  });

  it.each(named.map((t) => [t.slug, t] as const))(
    "%s: every placeholder is filled on 20 seeds, with the values the prompt shows",
    (_slug, t) => {
      for (let seed = 0; seed < 20; seed++) {
        const v = buildVariant(t, seed);
        if (!v.ok) throw new Error(JSON.stringify(v.errors));
        const text = explanationFor(t, v.value);
        expect(text).not.toMatch(/\{\{/);
        // The same value reaches the prompt wherever the prompt names the same parameter.
        const params = v.value.key.data["params"] as Record<string, unknown>;
        for (const name of placeholdersIn(t.explanation))
          if (placeholdersIn(t.prompt).includes(name)) expect(v.value.view.prompt).toContain(String(params[name]));
      }
    },
  );
});
