import { describe, expect, it } from "vitest";
import type { VariantView } from "@/lib/engine";
import { nextSeedAfterRepeat, variantText } from "./review-variety";

const view = (over: Partial<VariantView>): VariantView => ({
  type: "concept",
  title: "T",
  prompt: "P",
  exhibits: [],
  parts: [
    {
      kind: "choice",
      id: "q",
      label: "Which?",
      options: [
        { id: "o1", label: "yes" },
        { id: "o2", label: "no" },
      ],
      multiple: false,
    },
  ],
  conventions: [],
  ...over,
});

describe("the text a review must not repeat", () => {
  it("ignores a reshuffle of the options but not a change of prompt, label, option or exhibit", () => {
    const base = variantText(view({}));
    const shuffled = view({
      parts: [
        {
          kind: "choice",
          id: "q",
          label: "Which?",
          options: [
            { id: "o1", label: "no" },
            { id: "o2", label: "yes" },
          ],
          multiple: false,
        },
      ],
    });
    expect(variantText(shuffled)).toBe(base);
    expect(variantText(view({ prompt: "Q" }))).not.toBe(base);
    expect(variantText(view({ conventions: ["c"] }))).not.toBe(base);
    expect(variantText(view({ exhibits: [{ kind: "markdown", markdown: "| A | 1 |" } as never] }))).not.toBe(base);
    const relabelled = view({
      parts: [{ kind: "choice", id: "q", label: "Which one?", options: [{ id: "o1", label: "yes" }], multiple: false }],
    });
    expect(variantText(relabelled)).not.toBe(base);
  });

  it("steps to the next seed, wrapping below 2^31", () => {
    expect(nextSeedAfterRepeat(7)).toBe(8);
    expect(nextSeedAfterRepeat(2 ** 31 - 1)).toBe(0);
  });
});
