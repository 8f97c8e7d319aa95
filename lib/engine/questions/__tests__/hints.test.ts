// The hint ladder's shape for templates outside the bank: authored ones may bring no hints at all.
import { describe, expect, it } from "vitest";
import { buildVariant, EXAMPLE_TEMPLATES, hintLadder, type QuestionTemplate } from "../index";

describe("hintLadder", () => {
  it("gives a template without hints three rungs: a nudge, the rule, then the worked step", () => {
    for (const t of EXAMPLE_TEMPLATES) {
      const bare: QuestionTemplate = { ...t, hints: [] };
      const v = buildVariant(bare, 11);
      if (!v.ok) throw new Error(t.slug);
      const ladder = hintLadder(bare, v.value);
      expect(ladder.length, t.slug).toBe(3);
      expect(ladder.at(-1), t.slug).toMatch(/^First step/);
    }
  });

  it("fills the variant's parameters into the template's own hints and keeps them first", () => {
    const t = EXAMPLE_TEMPLATES.find((x) => x.type === "schedule")!;
    const v = buildVariant(t, 3);
    if (!v.ok) throw new Error(t.slug);
    const policy = String((v.value.key.data["params"] as Record<string, unknown>)["policy"]);
    const ladder = hintLadder({ hints: ["Apply {{policy}} at every decision.", "Second."] }, v.value);
    expect(ladder.slice(0, 2)).toEqual([`Apply ${policy} at every decision.`, "Second."]);
    expect(ladder).toHaveLength(3);
  });
});
