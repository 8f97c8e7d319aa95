// Assessment mode of an assignment: the pure rules, shared by the data-access layer (which enforces
// them), the class table and the student's view (which explain them). See docs/instructors.md.
import type { AnswerValue, GradeReport } from "@/lib/engine/questions";
import type { AssignmentRulesDto } from "./dto";

export const REVEAL_POLICIES = ["after-attempt", "after-due", "never"] as const;
export type RevealPolicy = (typeof REVEAL_POLICIES)[number];
export const LATE_POLICIES = ["accept", "close"] as const;
export type LatePolicy = (typeof LATE_POLICIES)[number];

export interface AssessmentRules {
  /** Attempts per question over all of a student's variants in the assignment; null: no limit. */
  maxAttempts: number | null;
  reveal: RevealPolicy;
  latePolicy: LatePolicy;
  /** Fraction (0..1) taken off a late attempt's score when late attempts are accepted. */
  latePenalty: number;
  /** Fraction (0..1) of credit each hint opened on the variant takes off its attempts; 0: hints are free. */
  hintPenalty: number;
  /** The most (0..1) that hints can take off in total, however many were opened. */
  hintPenaltyMax: number;
  dueAt: Date | null;
}

/** Free practice: references after every attempt, no limit, no due date. */
export const FREE_PRACTICE: AssessmentRules = {
  maxAttempts: null,
  reveal: "after-attempt",
  latePolicy: "accept",
  latePenalty: 0,
  hintPenalty: 0,
  hintPenaltyMax: 1,
  dueAt: null,
};

export function asRules(row: {
  maxAttempts: number | null;
  reveal: string;
  latePolicy: string;
  latePenalty: number;
  hintPenalty: number;
  hintPenaltyMax: number;
  dueAt: Date | null;
}): AssessmentRules {
  const reveal = (REVEAL_POLICIES as readonly string[]).includes(row.reveal)
    ? (row.reveal as RevealPolicy)
    : "after-attempt";
  const latePolicy = row.latePolicy === "close" ? "close" : "accept";
  return {
    maxAttempts: row.maxAttempts,
    reveal,
    latePolicy,
    latePenalty: row.latePenalty,
    hintPenalty: row.hintPenalty,
    hintPenaltyMax: row.hintPenaltyMax,
    dueAt: row.dueAt,
  };
}

/** The rules as the browser sees them (the due date travels on the assignment itself). */
export function rulesDto(r: AssessmentRules): AssignmentRulesDto {
  return {
    maxAttempts: r.maxAttempts,
    reveal: r.reveal,
    latePolicy: r.latePolicy,
    latePenalty: r.latePenalty,
    hintPenalty: r.hintPenalty,
    hintPenaltyMax: r.hintPenaltyMax,
  };
}

export function isLate(rules: AssessmentRules, at: Date): boolean {
  return rules.dueAt !== null && at.getTime() > rules.dueAt.getTime();
}

/** Whether the reference, explanation and detailed feedback of a graded attempt may be shown at `now`. */
export function referenceVisible(rules: AssessmentRules, now: Date): boolean {
  if (rules.reveal === "after-attempt") return true;
  // "after the due date" without a due date never comes; the form refuses that combination anyway.
  if (rules.reveal === "after-due") return rules.dueAt !== null && now.getTime() >= rules.dueAt.getTime();
  return false;
}

/**
 * A variant whose reference has been available to the student: it had a graded attempt, and the
 * rules let that attempt's reference be seen by now. Attempts after this are made with the answer in
 * view, so they are practice (free practice) or refused in favour of a new variant (assignments).
 */
export function variantRevealed(rules: AssessmentRules, attemptsUsed: number, now: Date): boolean {
  return attemptsUsed > 0 && referenceVisible(rules, now);
}

/**
 * The fraction of credit the hints opened on a variant take off: hintPenalty per hint, at most
 * hintPenaltyMax in total, never below 0 or above 1 whatever the stored numbers.
 */
export function hintDeduction(
  rules: Pick<AssessmentRules, "hintPenalty" | "hintPenaltyMax">,
  hintsUsed: number,
): number {
  const hints = Number.isFinite(hintsUsed) ? Math.max(0, Math.floor(hintsUsed)) : 0;
  const cap = Math.min(1, Math.max(0, rules.hintPenaltyMax));
  return Math.min(cap, Math.max(0, hints * rules.hintPenalty));
}

/**
 * What an attempt earns towards its assignment: the score, less the hint penalty for the hints opened
 * before it, less the late penalty if late. Both are fractions of what is left, so their order is moot.
 */
export function creditFor(rules: AssessmentRules, score: number, at: Date, hintsUsed = 0): number {
  const afterHints = score * (1 - hintDeduction(rules, hintsUsed));
  return isLate(rules, at) ? afterHints * (1 - rules.latePenalty) : afterHints;
}

/** What opening the next hint costs, in plain words for the hint button; null when hints are free. */
export function hintCostNotice(
  rules: Pick<AssessmentRules, "hintPenalty" | "hintPenaltyMax">,
  hintsShown: number,
): string | null {
  if (rules.hintPenalty <= 0 || rules.hintPenaltyMax <= 0) return null;
  const now = hintDeduction(rules, hintsShown);
  const next = hintDeduction(rules, hintsShown + 1);
  const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
  if (next <= now)
    return `Hints in this assignment cost ${pct(rules.hintPenalty)} of this question's credit each, at most ${pct(rules.hintPenaltyMax)}; you have reached that, so this hint is free.`;
  return `Hints in this assignment cost credit: opening this one takes ${pct(next - now)} off this question's credit (${pct(next)} in total, at most ${pct(rules.hintPenaltyMax)}).`;
}

/**
 * The report as the student may see it before the reveal: the score and which parts earned credit,
 * nothing that gives the answer away (reference, replay, first divergence, per-part messages that
 * quote the answer, a matched convention's description).
 */
export function withheldReport(report: GradeReport): GradeReport {
  const reference: Record<string, AnswerValue> = {};
  return {
    score: report.score,
    correct: report.correct,
    parts: report.parts.map((p) => ({
      id: p.id,
      label: p.label,
      score: p.score,
      weight: p.weight,
      message: p.score >= 1 ? "Full credit." : p.score > 0 ? "Partial credit." : "No credit.",
    })),
    summary: `Scored ${Math.round(report.score * 1000) / 10}%. The reference and explanation are hidden by this assignment's rules.`,
    reference,
  };
}

/** The rules in one line of plain words, for the student's and the lecturer's views. */
export function describeRules(rules: AssessmentRules, formatDate: (d: Date) => string): string[] {
  const lines: string[] = [];
  lines.push(
    rules.maxAttempts === null
      ? "Unlimited attempts per question."
      : `${rules.maxAttempts} attempt${rules.maxAttempts === 1 ? "" : "s"} per question.`,
  );
  if (rules.reveal === "after-attempt")
    lines.push("References and explanations are shown after each attempt; a retry gets a new variant.");
  else if (rules.reveal === "after-due")
    lines.push(
      rules.dueAt
        ? `References and explanations are shown after the due date, ${formatDate(rules.dueAt)}.`
        : "References are shown after the due date.",
    );
  else lines.push("References and explanations are never shown.");
  if (rules.dueAt) {
    if (rules.latePolicy === "close") lines.push(`Closes at the due date, ${formatDate(rules.dueAt)}.`);
    else if (rules.latePenalty > 0)
      lines.push(`Late attempts count at ${Math.round((1 - rules.latePenalty) * 100)}% of their score.`);
    else lines.push("Late attempts count in full.");
  }
  if (rules.hintPenalty > 0 && rules.hintPenaltyMax > 0)
    lines.push(
      `Each hint you open takes ${Math.round(rules.hintPenalty * 1000) / 10}% off that question's credit (at most ${Math.round(Math.min(1, rules.hintPenaltyMax) * 1000) / 10}%).`,
    );
  return lines;
}
