import { describe, expect, it } from "vitest";
import { BUILT_IN_TEMPLATES } from "@/lib/bank";
import { markdownBlocks } from "./prompt-text";

describe("markdownBlocks", () => {
  it("renders numbered steps and bullets as lists, also right under a lead-in line", () => {
    expect(markdownBlocks("Steps:\n1. Draw it.\n2. Average.\n\n- a\n- b\n\nDone.")).toEqual([
      { kind: "p", lines: ["Steps:"] },
      { kind: "ol", items: ["Draw it.", "Average."] },
      { kind: "ul", items: ["a", "b"] },
      { kind: "p", lines: ["Done."] },
    ]);
  });

  it("leaves no numbered step of a built-in explanation as plain text", () => {
    for (const t of BUILT_IN_TEMPLATES) {
      for (const block of markdownBlocks(t.explanation ?? "")) {
        if (block.kind === "p") for (const line of block.lines) expect(line, t.slug).not.toMatch(/^\s*\d+[.)] /);
      }
    }
  });
});
