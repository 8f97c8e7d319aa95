// What the JSON API returns, as both sides see it: the data-access layer builds these and the browser
// reads them, so the shapes are declared once here (types only; nothing here runs).
import type { VariantView } from "@/lib/engine/questions/types";

/** A published question as the assignment picker lists it: what instructors filter and search on. */
export interface PickerQuestionDto {
  id: string;
  slug: string;
  title: string;
  type: string;
  topic: string;
  difficulty: number;
  tags: string[];
}

/** A question as a student would see it (title, prompt, exhibits, conventions, what is asked): never its key. */
export interface QuestionPreviewDto {
  seed: number;
  view: Pick<VariantView, "title" | "prompt" | "exhibits" | "conventions">;
  /** What the student answers, part by part, in the words of the form. */
  asks: { kind: string; label: string }[];
}
