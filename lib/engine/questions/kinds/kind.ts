// The contract every question type implements. A kind validates its generator spec once, builds the
// view and key of a variant from a seed, and grades the parts only it knows how to grade (timelines,
// orders, error carried forward); number and choice parts fall back to the shared rules in grade.ts.
import type { ParamValue } from "../params";
import type {
  Answer,
  AnswerKey,
  AnswerPartSpec,
  Checked,
  FirstDivergence,
  GradeReport,
  GradingSettings,
  MisconceptionMatch,
  PartGrade,
  QuestionTemplate,
  QuestionType,
  Variant,
  VariantExhibit,
} from "../types";

export interface BuiltVariant {
  /** Values for {{placeholders}} in the prompt. */
  params: Record<string, ParamValue>;
  exhibits: VariantExhibit[];
  parts: AnswerPartSpec[];
  conventions: string[];
  key: AnswerKey;
}

export interface GradeContext {
  template?: QuestionTemplate;
  variant: Variant;
  answer: Answer;
  grading: GradingSettings;
}

export interface KindGrade {
  /** Grades for the parts the kind handles itself, by part id. */
  parts: Record<string, PartGrade>;
  firstDivergence?: FirstDivergence;
  convention?: GradeReport["convention"];
  replay?: Record<string, unknown>;
}

export interface QuestionKind<Spec> {
  type: QuestionType;
  /** Semantic validation of `template.generator`; issue paths start with `generator`. */
  validate(generator: Record<string, unknown>): Checked<Spec>;
  /** Deterministic in (spec, seed); a bounded number of redraws when a draw is unusable. */
  build(spec: Spec, seed: number, template: QuestionTemplate): Checked<BuiltVariant>;
  grade(ctx: GradeContext): KindGrade;
  /**
   * The catalogue misconceptions (issue #21) a wrong part reproduces, most specific first. Called by
   * grade.ts for every part scored below 1 that names none yet, whoever graded it.
   */
  misconceptions?(ctx: GradeContext, part: PartGrade): MisconceptionMatch[];
  /**
   * The catalogue misconceptions (issue #21) this variant tells apart from the truth: a student holding
   * one gets some part wrong. The self-test counts them per template.
   */
  discriminates?(variant: Variant): string[];
  /** Why the variant makes a poor question (e.g. one task runs all along), or null. */
  degenerate(variant: Variant): string | null;
}

/**
 * Erases the spec type for the registry. The cast is sound because a kind only ever receives the spec
 * its own `validate` produced (grade.ts and variant.ts call validate before build).
 */
export function defineKind<Spec>(kind: QuestionKind<Spec>): QuestionKind<unknown> {
  return kind as unknown as QuestionKind<unknown>;
}

export const MAX_REDRAWS = 25;
