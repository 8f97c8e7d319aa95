// Plain, JSON-safe shapes of a parsed lesson: what the loader returns and the page renders.
import type { DiagramName, LessonSlug, WidgetName } from "./registry";

export interface LessonMeta {
  slug: LessonSlug;
  title: string;
  order: number;
  summary: string;
  minutes: number;
}

/** A lesson body is Markdown interrupted by embedded diagrams and widgets, in reading order. */
export type LessonBlock =
  | { kind: "markdown"; source: string; line: number }
  | { kind: "widget"; name: WidgetName; line: number }
  | { kind: "diagram"; name: DiagramName; line: number };

export interface Lesson {
  meta: LessonMeta;
  blocks: LessonBlock[];
  /** Footnote id → citation text, from `[^id]: …` lines in the Sources section. */
  sources: { id: string; text: string }[];
}

export interface LessonIssue {
  /** "front-matter.title", "line 42", … */
  path: string;
  message: string;
}

export type LessonResult<T> = { ok: true; value: T } | { ok: false; errors: LessonIssue[] };
