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
  dueAt: Date | null;
}

/** Free practice: references after every attempt, no limit, no due date. */
export const FREE_PRACTICE: AssessmentRules = {
  maxAttempts: null,
  reveal: "after-attempt",
  latePolicy: "accept",
  latePenalty: 0,
  dueAt: null,
};

export function asRules(row: {
  maxAttempts: number | null;
  reveal: string;
  latePolicy: string;
  latePenalty: number;
  dueAt: Date | null;
}): AssessmentRules {
  const reveal = (REVEAL_POLICIES as readonly string[]).includes(row.reveal)
    ? (row.reveal as RevealPolicy)
    : "after-attempt";
  const latePolicy = row.latePolicy === "close" ? "close" : "accept";
  return { maxAttempts: row.maxAttempts, reveal, latePolicy, latePenalty: row.latePenalty, dueAt: row.dueAt };
}

/** The rules as the browser sees them (the due date travels on the assignment itself). */
export function rulesDto(r: AssessmentRules): AssignmentRulesDto {
  return { maxAttempts: r.maxAttempts, reveal: r.reveal, latePolicy: r.latePolicy, latePenalty: r.latePenalty };
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

/** What an attempt earns towards its assignment: the score, less the late penalty if late. */
export function creditFor(rules: AssessmentRules, score: number, at: Date): number {
  return isLate(rules, at) ? score * (1 - rules.latePenalty) : score;
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
  return lines;
}
