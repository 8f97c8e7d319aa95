// The editor's form state and its translation to a template. Kept apart from the component so the
// form ↔ template mapping is plain data in, plain data out.
import { QUESTION_TYPES, TOPIC_SLUGS } from "@/lib/engine";
import type { QuestionTemplate, TemplateImage, ValidationIssue } from "@/lib/engine/questions";
import { checkTemplate } from "@/lib/validation/questions";

export interface EditorForm {
  slug: string;
  title: string;
  type: string;
  topic: string;
  tags: string;
  difficulty: string;
  prompt: string;
  generator: string;
  scheduleScoring: string;
  relativeTolerance: string;
  absoluteTolerance: string;
  conventionCredit: string;
  maxAttempts: string;
  hintAfterAttempts: string;
  hints: string;
  explanation: string;
  /** The template's images (TemplateImage[]), kept as plain data beside the text fields. */
  images: TemplateImage[];
}

export function formFromTemplate(t: QuestionTemplate): EditorForm {
  return {
    slug: t.slug,
    title: t.title,
    type: t.type,
    topic: t.topic,
    tags: t.tags.join(", "),
    difficulty: String(t.difficulty),
    prompt: t.prompt,
    generator: JSON.stringify(t.generator, null, 2),
    scheduleScoring: t.grading.scheduleScoring,
    relativeTolerance: String(t.grading.relativeTolerance),
    absoluteTolerance: String(t.grading.absoluteTolerance),
    conventionCredit: String(t.grading.conventionCredit),
    maxAttempts: t.grading.maxAttempts === null ? "" : String(t.grading.maxAttempts),
    hintAfterAttempts: String(t.grading.hintAfterAttempts),
    // One hint per paragraph: hints may span lines, a blank line separates them.
    hints: t.hints.join("\n\n"),
    explanation: t.explanation,
    images: t.images ?? [],
  };
}

const num = (text: string): number => (text.trim() === "" ? Number.NaN : Number(text));

/** The raw template the form describes (unvalidated), or the generator's JSON syntax error. */
export function templateFromForm(f: EditorForm): { raw: Record<string, unknown>; errors: ValidationIssue[] } {
  let generator: unknown = {};
  const errors: ValidationIssue[] = [];
  try {
    generator = JSON.parse(f.generator);
  } catch (error) {
    errors.push({
      path: "generator",
      message: `not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
  const raw = {
    slug: f.slug.trim(),
    title: f.title.trim(),
    type: f.type,
    topic: f.topic,
    tags: f.tags
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
    difficulty: num(f.difficulty),
    prompt: f.prompt,
    generator,
    grading: {
      scheduleScoring: f.scheduleScoring,
      relativeTolerance: num(f.relativeTolerance),
      absoluteTolerance: num(f.absoluteTolerance),
      conventionCredit: num(f.conventionCredit),
      maxAttempts: f.maxAttempts.trim() === "" ? null : num(f.maxAttempts),
      hintAfterAttempts: num(f.hintAfterAttempts),
    },
    hints: f.hints
      .split(/\n\s*\n/)
      .map((s) => s.trim())
      .filter(Boolean),
    explanation: f.explanation,
    ...(f.images.length > 0 ? { images: f.images } : {}),
  };
  return { raw, errors };
}

export type Evaluated = { template: QuestionTemplate | null; raw: Record<string, unknown>; errors: ValidationIssue[] };

/** Live validation: the same check the server makes, short of the self-test. */
export function evaluateForm(f: EditorForm): Evaluated {
  const { raw, errors } = templateFromForm(f);
  if (errors.length) return { template: null, raw, errors };
  const checked = checkTemplate(raw);
  return checked.ok ? { template: checked.value, raw, errors: [] } : { template: null, raw, errors: checked.errors };
}

/** Errors grouped by the form field that owns them ("generator.tasks[0]" belongs to "generator"). */
export function errorsByField(errors: readonly ValidationIssue[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const e of errors) {
    const field = e.path.startsWith("grading.")
      ? e.path.slice("grading.".length).split(/[.[]/)[0]!
      : e.path.split(/[.[]/)[0]!;
    const where = e.path.includes(".") || e.path.includes("[") ? `${e.path}: ` : "";
    (out[field || "template"] ??= []).push(`${where}${e.message}`);
  }
  return out;
}

export const TYPE_OPTIONS = QUESTION_TYPES;
export const TOPIC_OPTIONS = TOPIC_SLUGS;
