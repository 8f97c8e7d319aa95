import "server-only";
import { type AssessmentRules, asRules, FREE_PRACTICE, isLate, variantRevealed } from "@/lib/analytics/assessment";
import { db } from "../db";
import { AppError } from "../errors";
import type { UserDto } from "./users";
import { createVariant, type VariantRow } from "./variants";

// Assignments in assessment mode. A variant drawn from an assignment carries its id; only such variants
// earn that assignment's credit, and every submission on one is checked against the assignment's rules
// here. The pure rules are in lib/analytics/assessment.ts; docs/instructors.md explains them.

export interface VariantContext {
  assignmentId: string | null;
  rules: AssessmentRules;
}

const RULE_FIELDS = {
  id: true,
  classId: true,
  slugs: true,
  dueAt: true,
  maxAttempts: true,
  reveal: true,
  latePolicy: true,
  latePenalty: true,
  hintPenalty: true,
  hintPenaltyMax: true,
} as const;

/** The rules a variant is graded under: its assignment's, or free practice's. */
export async function variantContext(variantId: string): Promise<VariantContext> {
  const row = await db.variant.findUnique({
    where: { id: variantId },
    select: { assignment: { select: RULE_FIELDS } },
  });
  const a = row?.assignment;
  return a ? { assignmentId: a.id, rules: asRules(a) } : { assignmentId: null, rules: FREE_PRACTICE };
}

/** Attempts the student has made at one question of the assignment, over all its variants. */
async function attemptsInAssignment(userId: string, assignmentId: string, templateId: string): Promise<number> {
  return db.attempt.count({ where: { userId, templateId, variant: { assignmentId } } });
}

/**
 * Refuses (409) a submission the assignment's rules do not allow: after the due date when late work
 * is closed, on a variant whose reference the student has already been shown (a retry after a reveal
 * needs a new variant), or beyond the attempt limit. Free-practice variants pass.
 */
export async function assertMaySubmit(
  user: UserDto,
  variant: VariantRow,
  ctx: VariantContext,
  now: Date,
): Promise<void> {
  if (!ctx.assignmentId) return;
  const { rules } = ctx;
  if (rules.latePolicy === "close" && isLate(rules, now))
    throw new AppError("CONFLICT", "this assignment closed at its due date; no more attempts are accepted");
  if (variantRevealed(rules, variant.attemptsUsed, now)) {
    throw new AppError("CONFLICT", "you have seen the reference of this variant; start a new variant to try again");
  }
  if (
    rules.maxAttempts !== null &&
    (await attemptsInAssignment(user.id, ctx.assignmentId, variant.templateId)) >= rules.maxAttempts
  ) {
    throw new AppError("CONFLICT", `all ${rules.maxAttempts} attempts at this question are used`);
  }
}

/** The assignment, if the student may work on `slug` in it (member of its live class, slug assigned and published). */
async function assignmentForStudent(user: UserDto, assignmentId: string, slug: string) {
  const a = await db.assignment.findUnique({
    where: { id: assignmentId },
    select: {
      ...RULE_FIELDS,
      class: { select: { archivedAt: true, members: { where: { userId: user.id }, select: { id: true } } } },
    },
  });
  // Someone else's assignment is reported missing, so ids cannot be probed.
  if (!a || a.class.archivedAt || a.class.members.length === 0) throw new AppError("NOT_FOUND", "no such assignment");
  if (!(JSON.parse(a.slugs) as string[]).includes(slug))
    throw new AppError("NOT_FOUND", `question '${slug}' is not part of this assignment`);
  const template = await db.questionTemplate.findUnique({
    where: { slug },
    select: { id: true, status: true, currentVersion: true },
  });
  if (!template || template.status !== "PUBLISHED") throw new AppError("NOT_FOUND", `no published question '${slug}'`);
  return { assignment: a, rules: asRules(a), template };
}

export interface AssignmentVariant {
  variant: VariantRow;
  rules: AssessmentRules;
  /** Attempts made at this question in the assignment, over all variants. */
  used: number;
}

/**
 * The variant a student works on for one question of an assignment: the latest one drawn for it,
 * unless its reference has been shown, in which case a new one is drawn (never on a closed assignment
 * or with no attempts left: then the latest stays, read-only). `fresh` asks for a new variant.
 */
export async function assignmentVariant(
  user: UserDto,
  assignmentId: string,
  slug: string,
  fresh = false,
  now = new Date(),
): Promise<AssignmentVariant> {
  const { rules, template } = await assignmentForStudent(user, assignmentId, slug);
  const latest = await db.variant.findFirst({
    where: { userId: user.id, templateId: template.id, assignmentId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      userId: true,
      templateId: true,
      versionId: true,
      seed: true,
      attemptsUsed: true,
      hintsShown: true,
      createdAt: true,
    },
  });
  const used = await attemptsInAssignment(user.id, assignmentId, template.id);
  const closed = rules.latePolicy === "close" && isLate(rules, now);
  const exhausted = rules.maxAttempts !== null && used >= rules.maxAttempts;
  const wantNew = !latest || fresh || variantRevealed(rules, latest.attemptsUsed, now);
  if (wantNew && latest && (closed || exhausted)) {
    if (fresh)
      throw new AppError(
        "CONFLICT",
        closed ? "this assignment closed at its due date" : "all attempts at this question are used",
      );
    return { variant: latest, rules, used };
  }
  if (!wantNew) return { variant: latest!, rules, used };
  if (!latest && closed) throw new AppError("CONFLICT", "this assignment closed at its due date");
  return { variant: await createVariant(user, slug, assignmentId), rules, used };
}
