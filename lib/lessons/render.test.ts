import { describe, expect, test } from "vitest";
import { renderMarkdown } from "./render";

describe("lesson Markdown", () => {
  test("checklist items become tickable boxes labelled by their own text; other lists stay plain", () => {
    const html = renderMarkdown("- [ ] Define **turnaround**\n- [x] Done already\n\nText.\n\n- plain item", new Map());
    expect(html).toContain(
      '<li class="lesson-task"><label><input type="checkbox" data-lesson-check> Define <strong>turnaround</strong></label></li>',
    );
    expect(html).toContain('<input type="checkbox" data-lesson-check checked> Done already');
    expect(html).not.toContain("disabled");
    expect(html).toContain("<li>plain item</li>");
  });
});
