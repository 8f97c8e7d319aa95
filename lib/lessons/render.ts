// Markdown → HTML for lesson prose. Lesson files are our own reviewed content, so raw HTML passes
// through; footnote markers become numbered links to the Sources list the page renders at the end.
import { Marked } from "marked";
import type { Lesson } from "./types";

const marked = new Marked({ gfm: true, async: false });
marked.use({
  renderer: {
    // Headings get stable ids so a lesson section can be linked to from practice feedback.
    heading({ tokens, depth }) {
      const inner = this.parser.parseInline(tokens);
      const id = headingId(inner.replace(/<[^>]+>/g, ""));
      return `<h${depth} id="${id}">${inner}</h${depth}>\n`;
    },
    // Checklist items ("- [ ] …") are boxes the reader can tick (components/lessons/checklist-memory.tsx
    // remembers them in the browser), each labelled by its own text.
    listitem(item) {
      if (!item.task) return false;
      // A label holds phrasing content only, so the item's paragraphs are rendered inline.
      const inner = item.tokens
        .map((t) => ("tokens" in t && t.tokens ? this.parser.parseInline(t.tokens) : this.parser.parse([t])))
        .join("");
      return `<li class="lesson-task"><label>${inner}</label></li>\n`;
    },
    checkbox({ checked }) {
      return `<input type="checkbox" data-lesson-check${checked ? " checked" : ""}> `;
    },
  },
});

export function headingId(text: string): string {
  return text
    .toLowerCase()
    .replace(/&[a-z#0-9]+;/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** 1-based display numbers in Sources order, so [^kernel-eevdf] reads as [3]. */
export function footnoteNumbers(lesson: Pick<Lesson, "sources">): Map<string, number> {
  return new Map(lesson.sources.map((s, i) => [s.id, i + 1]));
}

function linkFootnotes(markdown: string, numbers: Map<string, number>): string {
  return markdown.replace(/\[\^([A-Za-z0-9-]+)\]/g, (whole, id: string) => {
    const n = numbers.get(id);
    if (n === undefined) return whole;
    return `<sup class="lesson-cite"><a href="#source-${id}" aria-label="Source ${n}">[${n}]</a></sup>`;
  });
}

export function renderMarkdown(markdown: string, numbers: Map<string, number>): string {
  return marked.parse(linkFootnotes(markdown, numbers)) as string;
}

export function renderInline(markdown: string): string {
  return marked.parseInline(markdown) as string;
}
