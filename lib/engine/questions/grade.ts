// gradeAnswer: deterministic score 0..1 with per-part credit. Kinds grade what only they understand
// (timelines, orders, error carried forward); number and choice parts use the shared rules here.
import { checkAnswer } from "./check";
import {
  formatNumber,
  scorePercent,
  TEMPLATE_DEFAULT_GRADING,
  weightedScore,
  withinTolerance,
  withUnit,
} from "./grading";
import { KINDS } from "./registry";
import type {
  Answer,
  AnswerPartSpec,
  GradeReport,
  GradingSettings,
  PartGrade,
  QuestionTemplate,
  Variant,
} from "./types";

export interface GradeOptions {
  attemptNumber: number;
  hintsUsed: number;
}

function gradeNumberPart(
  spec: Extract<AnswerPartSpec, { kind: "number" }>,
  expected: number,
  got: number,
  g: GradingSettings,
  minAbs: number,
): PartGrade {
  const tol = { relative: g.relativeTolerance, absolute: Math.max(g.absoluteTolerance, minAbs) };
  const ok = withinTolerance(expected, got, tol);
  return {
    id: spec.id,
    label: spec.label,
    score: ok ? 1 : 0,
    weight: 1,
    message: ok
      ? `Right: ${withUnit(expected, spec.unit)}.`
      : `You answered ${withUnit(got, spec.unit)}; the answer is ${withUnit(expected, spec.unit)}.`,
  };
}

function gradeChoicePart(
  spec: Extract<AnswerPartSpec, { kind: "choice" }>,
  expected: string | string[],
  got: string | string[],
): PartGrade {
  const want = new Set(Array.isArray(expected) ? expected : [expected]);
  const have = new Set(Array.isArray(got) ? got : [got]);
  const label = (id: string) => spec.options.find((o) => o.id === id)?.label ?? id;
  const exact = want.size === have.size && [...want].every((x) => have.has(x));
  if (exact) return { id: spec.id, label: spec.label, score: 1, weight: 1, message: "Right." };
  if (!spec.multiple) {
    return {
      id: spec.id,
      label: spec.label,
      score: 0,
      weight: 1,
      message: `You chose “${label([...have][0]!)}”; the answer is “${label([...want][0]!)}”.`,
    };
  }
  // Each right pick earns its share; each wrong pick takes one back, so "tick everything" earns nothing.
  const hits = [...have].filter((x) => want.has(x)).length;
  const wrong = have.size - hits;
  const score = want.size === 0 ? 0 : Math.max(0, (hits - wrong) / want.size);
  const missed = [...want].filter((x) => !have.has(x)).map(label);
  const extra = [...have].filter((x) => !want.has(x)).map(label);
  const bits = [
    missed.length ? `missed ${missed.map((m) => `“${m}”`).join(", ")}` : "",
    extra.length ? `wrongly chose ${extra.map((m) => `“${m}”`).join(", ")}` : "",
  ].filter(Boolean);
  return { id: spec.id, label: spec.label, score, weight: 1, message: `Partly right: you ${bits.join(" and ")}.` };
}

function gradeOrderPart(
  spec: Extract<AnswerPartSpec, { kind: "order" }>,
  expected: string[],
  accepted: string[][],
  got: string[],
): PartGrade {
  const same = (a: string[]) => a.length === got.length && a.every((x, i) => x === got[i]);
  const ok = same(expected) || accepted.some(same);
  return {
    id: spec.id,
    label: spec.label,
    score: ok ? 1 : 0,
    weight: 1,
    message: ok ? "A valid order." : "This order is not one the system produces.",
  };
}

/**
 * Grades without the template (perturbAnswer and the self-test use the grading stored in the key). Only
 * the score matters to those two, so they skip naming misconceptions, which re-runs the question's model
 * under each mistaken belief and would double what a self-test costs against its work budget.
 */
export function gradeWith(
  variant: Variant,
  answer: Answer,
  grading: GradingSettings,
  template?: QuestionTemplate,
  options: { nameMisconceptions?: boolean } = {},
): GradeReport {
  const nameMisconceptions = options.nameMisconceptions ?? true;
  const reference = { ...variant.key.expected };
  const checked = checkAnswer(variant.view, answer);
  if (!checked.ok) {
    return {
      score: 0,
      correct: false,
      parts: variant.view.parts.map((p) => {
        const e = checked.errors.find((x) => x.path === `parts.${p.id}` || x.path.startsWith(`parts.${p.id}[`));
        return {
          id: p.id,
          label: p.label,
          score: 0,
          weight: 1,
          message: e ? `Not gradable: ${e.message}.` : "Not graded: the answer is incomplete.",
        };
      }),
      summary: `The answer is not valid: ${checked.errors[0]!.path} ${checked.errors[0]!.message}.`,
      reference,
    };
  }
  const ans = checked.value;
  const kind = KINDS[variant.view.type];
  const ctx = { variant, answer: ans, grading, ...(template ? { template } : {}) };
  const k = kind.grade(ctx);
  const minAbs = (variant.key.data["minAbsTolerance"] ?? {}) as Record<string, number>;
  const parts: PartGrade[] = variant.view.parts.map((spec) => withMisconceptions(gradePart(spec)));
  function withMisconceptions(p: PartGrade): PartGrade {
    if (!nameMisconceptions || p.score >= 1 || p.misconceptions || !kind.misconceptions) return p;
    const mis = kind.misconceptions(ctx, p);
    return mis.length > 0 ? { ...p, message: `${p.message} ${mis[0]!.summary}`, misconceptions: mis } : p;
  }
  function gradePart(spec: AnswerPartSpec): PartGrade {
    const own = k.parts[spec.id];
    if (own) return own;
    const exp = variant.key.expected[spec.id]!;
    const got = ans.parts[spec.id]!;
    if (spec.kind === "number")
      return gradeNumberPart(spec, exp as number, got as number, grading, minAbs[spec.id] ?? 0);
    if (spec.kind === "choice") return gradeChoicePart(spec, exp as string | string[], got as string | string[]);
    if (spec.kind === "order")
      return gradeOrderPart(
        spec,
        exp as string[],
        (variant.key.accepted?.[spec.id] ?? []) as string[][],
        got as string[],
      );
    return { id: spec.id, label: spec.label, score: 0, weight: 1, message: "This part type cannot be graded here." };
  }
  const score = weightedScore(parts);
  const correct = parts.every((p) => p.score === 1);
  const right = parts.filter((p) => p.score === 1).length;
  let summary = correct
    ? parts.length === 1
      ? "Correct."
      : `Correct: all ${parts.length} parts are right.`
    : `Score ${scorePercent(score)}%: ${right} of ${parts.length} part${parts.length === 1 ? "" : "s"} fully right.`;
  if (!correct && k.convention) summary += ` Your timeline follows another convention (${k.convention.name}).`;
  else if (!correct && k.firstDivergence)
    summary += ` Your timeline first differs at t=${formatNumber(k.firstDivergence.time)} ms.`;
  if (parts.some((p) => p.errorCarriedForward))
    summary += " Some answers were credited from your own timeline (error carried forward).";
  const report: GradeReport = { score, correct, parts, summary, reference };
  if (k.firstDivergence) report.firstDivergence = k.firstDivergence;
  if (k.convention) report.convention = k.convention;
  if (k.replay) report.replay = k.replay;
  return report;
}

/**
 * The attempt context is accepted for the server's records but does not change the score: the grade
 * of an answer is a function of the answer alone, and attempt or hint penalties are course policy.
 */
export function gradeAnswer(
  template: QuestionTemplate,
  variant: Variant,
  answer: Answer,
  context?: GradeOptions,
): GradeReport {
  void context;
  return gradeWith(variant, answer, template.grading ?? TEMPLATE_DEFAULT_GRADING, template);
}
