// Issue #23, item 3: every concept question has variety — parameters or a pool of at least five
// alternative items — so a review can always show a text other than the one seen last.
import { describe, expect, it } from "vitest";
import { buildVariant } from "@/lib/engine";
import { variantText } from "@/lib/progress/review-variety";
import { BUILT_IN_TEMPLATES } from "./index";

const SEEDS = 40;
const MIN_TEXTS = 5;
const concepts = BUILT_IN_TEMPLATES.filter((t) => t.type === "concept");

describe("concept questions have variety", () => {
  it("the bank has concept templates to check", () => {
    expect(concepts.length).toBeGreaterThan(0);
  });

  it.each(concepts.map((t) => [t.slug, t] as const))(
    `%s shows at least ${MIN_TEXTS} different texts over ${SEEDS} seeds`,
    (_slug, t) => {
      const texts = new Set<string>();
      for (let seed = 0; seed < SEEDS; seed++) {
        const v = buildVariant(t, seed);
        if (!v.ok) throw new Error(`seed ${seed}: ${v.errors[0]?.message}`);
        texts.add(variantText(v.value.view));
      }
      expect(texts.size).toBeGreaterThanOrEqual(MIN_TEXTS);
    },
  );

  it("a pool template never shows the same text for two consecutive seeds", () => {
    const pools = concepts.filter((t) => Array.isArray((t.generator as { pool?: unknown }).pool));
    expect(pools.length).toBeGreaterThan(0);
    for (const t of pools) {
      let last: string | null = null;
      for (let seed = 0; seed < 12; seed++) {
        const v = buildVariant(t, seed);
        if (!v.ok) throw new Error(`${t.slug} seed ${seed}: ${v.errors[0]?.message}`);
        const text = variantText(v.value.view);
        expect(text, `${t.slug} seeds ${seed - 1} and ${seed}`).not.toBe(last);
        last = text;
      }
    }
  });
});
