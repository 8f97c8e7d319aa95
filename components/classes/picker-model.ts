import type { PickerQuestionDto } from "@/lib/api/dto";

// The assignment picker's filtering and selection, kept apart from React so it can be tested directly.

export interface PickerFilter {
  /** Words to find in the title, slug or tags, in any order and any case. */
  q: string;
  topic: string;
  type: string;
  /** "" for any, else "1".."5". */
  difficulty: string;
}

export const NO_FILTER: PickerFilter = { q: "", topic: "", type: "", difficulty: "" };

export function matchesFilter(question: PickerQuestionDto, filter: PickerFilter): boolean {
  if (filter.topic && question.topic !== filter.topic) return false;
  if (filter.type && question.type !== filter.type) return false;
  if (filter.difficulty && String(question.difficulty) !== filter.difficulty) return false;
  const haystack = [question.title, question.slug, ...question.tags].join(" ").toLowerCase();
  // Every word must appear somewhere: "rr quantum" finds "Round robin … quantum" tagged "rr".
  return filter.q
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

/** The slugs typed or picked so far, in order, each once. */
export function parseSlugs(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).filter(Boolean))];
}

/** The slug list with `slug` added at the end, or removed when it was there. */
export function toggleSlug(text: string, slug: string): string {
  const slugs = parseSlugs(text);
  return (slugs.includes(slug) ? slugs.filter((s) => s !== slug) : [...slugs, slug]).join(", ");
}

/** The distinct values of one column, sorted, for a filter's options. */
export function optionsOf<K extends "topic" | "type">(questions: readonly PickerQuestionDto[], key: K): string[] {
  return [...new Set(questions.map((q) => q[key]))].sort();
}
