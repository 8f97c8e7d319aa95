// What the JSON API returns, as both sides see it: the data-access layer builds these and the browser
// reads them, so the shapes are declared once here (types only; nothing here runs).
import type { QuestionTemplate, VariantView } from "@/lib/engine/questions";

export type QuestionStatus = "DRAFT" | "PUBLISHED" | "ARCHIVED";

/** A question of the instructor's bank (lib/server/dal/authoring.ts). */
export interface BankQuestionDto {
  id: string;
  slug: string;
  title: string;
  type: string;
  topic: string;
  difficulty: number;
  tags: string[];
  status: QuestionStatus;
  builtIn: boolean;
  mine: boolean;
  editable: boolean;
  currentVersion: number;
  updatedAt: string;
}

/** A bank question opened in the editor: its current template and its versions. */
export interface AuthoredQuestionDto extends BankQuestionDto {
  spec: QuestionTemplate;
  versions: { version: number; createdAt: string; attempts: number }[];
}

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
