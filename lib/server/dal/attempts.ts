import "server-only";
import { Prisma } from "@/prisma/generated/sqlite/client";
import { type Answer, checkAnswer, ENGINE_VERSION, explanationFor, type GradeReport, gradeAnswer } from "@/lib/engine";
import type { SubmitAttemptInput } from "@/lib/validation/attempts";
import { isUniqueViolation } from "@/lib/db/errors";
import { insertAttempt } from "@/lib/server/dal/insert-attempt";
import { db } from "../db";
import { AppError } from "../errors";
import { recordQuestionBest } from "@/lib/server/dal/question-best";
import { type AssessmentRules, referenceVisible, variantRevealed, withheldReport } from "@/lib/analytics/assessment";
import { recordAttemptStats } from "./analytics";
import { assertMaySubmit, variantContext } from "./assessment";
import { canSee } from "./authoring-access";
import { assertNotInRunningMock, claimMockAnswer, hiddenMockAttempts } from "./mock-secrecy";
import { recordAttemptProgress } from "./progress";
import type { UserDto } from "./users";
import { type LoadedVariant, loadOwnVariant, ownVariant, unlockedHints } from "./variants";

export interface AttemptDto {
  id: string;
  variantId: string;
  attemptNumber: number;
  score: number;
  correct: boolean;
  answer: Answer;
  report: GradeReport;
  /** Made after the variant's reference was shown: graded, but it raises no score (docs/progress.md). */
  practice: boolean;
  createdAt: string;
}

const ATTEMPT_FIELDS = {
  id: true,
  variantId: true,
  attemptNumber: true,
  score: true,
  correct: true,
  answer: true,
  report: true,
  practice: true,
  createdAt: true,
} as const;

type AttemptRow = Prisma.AttemptGetPayload<{ select: typeof ATTEMPT_FIELDS }>;

/**
 * What the student may see of stored attempts under the variant's rules at `now`: before the reveal the
 * report loses everything that gives the answer away (see withheldReport). Every route that returns an
 * attempt's report goes through this or through submitAttempt, which applies the same rule.
 */
export function visibleDto(row: AttemptRow, rules: AssessmentRules, now: Date): AttemptDto {
  const dto = toDto(row);
  return referenceVisible(rules, now) ? dto : { ...dto, report: withheldReport(dto.report) };
}

function toDto(row: AttemptRow): AttemptDto {
  return {
    id: row.id,
    variantId: row.variantId,
    attemptNumber: row.attemptNumber,
    score: row.score,
    correct: row.correct,
    answer: row.answer as unknown as Answer,
    report: row.report as unknown as GradeReport,
    practice: row.practice,
    createdAt: row.createdAt.toISOString(),
  };
}

export interface SubmitResult {
  attempt: AttemptDto;
  replayed: boolean;
  /** The worked explanation, once the student has submitted and the rules allow it; "" while withheld. */
  explanation: string;
  hintState: "available" | "locked" | "none";
  /** Whether the reference is shown, and if it is withheld until a date, that date (ISO). */
  reveal: { visible: boolean; at: string | null };
}

/** Thrown inside the transaction when another submission took this attempt number first. */
class AttemptNumberTaken extends AppError {
  constructor() {
    super("CONFLICT", "another submission for this variant was graded at the same moment; reload to see it");
  }
}

/**
 * The mock interview an answer is submitted through (answerMock passes it): a mock question's variant
 * accepts an answer only with its own session's context, so the practice page (whose response carries
 * the score) cannot be used to answer one. Checked once, inside the transaction (claimMockAnswer).
 */
export interface MockAnswerContext {
  sessionId: string;
}

/**
 * Grades and stores one submission. Answers that cannot be graded are refused before anything is
 * written, so they never use up an attempt. A repeated submissionId returns the stored attempt.
 *
 * The whole grading path reads top to bottom here; every step is one call that does not call back up:
 * the student's variant (variants.ts) → the rules it was drawn under (assessment.ts) → the answer's
 * shape (engine checkAnswer) → may this attempt be made (assertMaySubmit) → the grade (engine
 * gradeAnswer) → one transaction: claim the attempt number, store it (insert-attempt.ts), take a mock
 * interview's item (mock-secrecy.ts), progress (progress.ts), item statistics (analytics.ts), the best
 * score (question-best.ts) → what the student may see of it (lib/analytics/assessment).
 */
export async function submitAttempt(
  user: UserDto,
  variantId: string,
  input: SubmitAttemptInput,
  mock?: MockAnswerContext,
): Promise<SubmitResult> {
  const loaded = await loadOwnVariant(user, variantId);
  const variant = loaded.row;
  const now = new Date();
  // Free practice, or the rules of the assignment the variant was drawn for (assessment.ts).
  const ctx = await variantContext(variantId);
  // A retried submission (same submissionId) is answered with the attempt stored the first time. It is
  // looked up only where this request would otherwise fail, not on every submit: one that gets as far
  // as the insert hits the unique (userId, submissionId) and rolls back, and is answered from there.
  const storedOr = async (error: AppError): Promise<SubmitResult> => {
    const stored = await db.attempt.findUnique({
      where: { userId_submissionId: { userId: user.id, submissionId: input.submissionId } },
      select: ATTEMPT_FIELDS,
    });
    if (!stored) throw error;
    if (stored.variantId !== variantId)
      throw new AppError("CONFLICT", "this submissionId was already used for another question");
    return replay(stored, loaded, ctx.rules, now);
  };
  if (loaded.status !== "PUBLISHED") return storedOr(new AppError("NOT_FOUND", "this question is no longer published"));

  const checked = checkAnswer(loaded.built.view, input.answer);
  if (!checked.ok) {
    const fields: Record<string, string[]> = {};
    for (const e of checked.errors) (fields[e.path] ??= []).push(e.message);
    return storedOr(new AppError("INVALID_INPUT", `${checked.errors[0]!.path}: ${checked.errors[0]!.message}`, fields));
  }
  try {
    await assertMaySubmit(user, variant, ctx, now);
  } catch (error) {
    if (error instanceof AppError) return storedOr(error);
    throw error;
  }
  // The variant's reference was already shown: this attempt is graded and stored, but counts for
  // nothing (no best score, mastery, review card, streak or statistics). Assignment variants never
  // get here (assertMaySubmit asks for a new variant); free practice does on "Try again".
  const practice = variantRevealed(ctx.rules, variant.attemptsUsed, now);
  const max = loaded.spec.grading.maxAttempts;
  if (max !== null && variant.attemptsUsed >= max) {
    return storedOr(new AppError("CONFLICT", `all ${max} attempts on this variant are used; start a new variant`));
  }
  const attemptNumber = variant.attemptsUsed + 1;
  const report = gradeAnswer(loaded.spec, loaded.built, checked.value, {
    attemptNumber,
    hintsUsed: variant.hintsShown,
  });

  try {
    const row = await db.$transaction(async (tx) => {
      // Claim the attempt number: a concurrent submit that read the same count matches no row here.
      // (Raw SQL for the hot path: Prisma's query builder costs several times the statement itself.)
      const claimed =
        await tx.$executeRaw`UPDATE "Variant" SET "attemptsUsed" = ${attemptNumber} WHERE "id" = ${variant.id} AND "attemptsUsed" = ${variant.attemptsUsed}`;
      if (claimed !== 1) throw new AttemptNumberTaken();
      const created = await insertAttempt(tx, {
        userId: user.id,
        variantId: variant.id,
        templateId: variant.templateId,
        versionId: variant.versionId,
        seed: variant.seed,
        engineVersion: ENGINE_VERSION,
        attemptNumber,
        submissionId: input.submissionId,
        answer: checked.value,
        score: report.score,
        correct: report.correct,
        report,
        hintsUsed: variant.hintsShown,
        practice,
      });
      if (practice) return created;
      // A mock interview's answer claims its item (the mock rules are checked there, once) and waits
      // for the interview's end before it moves mastery, the review card and the streak.
      const mockAnswer = await claimMockAnswer(tx, {
        variantId: variant.id,
        mockSessionId: mock?.sessionId,
        attemptId: created.id,
        score: report.score,
        correct: report.correct,
        at: created.createdAt,
      });
      // Mastery, the review card and the streak day change with the attempt or not at all.
      if (!mockAnswer)
        await recordAttemptProgress(tx, {
          userId: user.id,
          templateId: variant.templateId,
          variantId: variant.id,
          attemptId: created.id,
          topic: loaded.spec.topic,
          tags: loaded.spec.tags,
          score: report.score,
          correct: report.correct,
          attemptNumber,
          hintsUsed: variant.hintsShown,
          at: created.createdAt,
        });
      await recordAttemptStats(tx, {
        templateId: variant.templateId,
        variantId: variant.id,
        attemptNumber,
        score: report.score,
        correct: report.correct,
        answer: checked.value,
        report,
      });
      await recordQuestionBest(tx, {
        userId: user.id,
        templateId: variant.templateId,
        score: report.score,
        correct: report.correct,
        at: created.createdAt,
      });
      return created;
    });
    const after = { ...loaded, row: { ...loaded.row, attemptsUsed: attemptNumber } };
    const attempt: AttemptDto = {
      id: row.id,
      variantId: variant.id,
      attemptNumber,
      score: report.score,
      correct: report.correct,
      answer: checked.value,
      report,
      practice,
      createdAt: row.createdAt.toISOString(),
    };
    const visible = referenceVisible(ctx.rules, now);
    return {
      attempt: visible ? attempt : { ...attempt, report: withheldReport(report) },
      replayed: false,
      explanation: visible ? explanationFor(loaded.spec, loaded.built) : "",
      hintState: unlockedHints(after).next,
      reveal: revealOf(ctx.rules, now),
    };
  } catch (error) {
    // A duplicate submissionId, or the same submission racing itself: answer with the stored attempt.
    if (error instanceof AttemptNumberTaken) return storedOr(error);
    if (isUniqueViolation(error)) return storedOr(new AttemptNumberTaken());
    throw error;
  }
}

function revealOf(rules: AssessmentRules, now: Date): SubmitResult["reveal"] {
  const visible = referenceVisible(rules, now);
  return { visible, at: !visible && rules.reveal === "after-due" && rules.dueAt ? rules.dueAt.toISOString() : null };
}

function replay(row: AttemptRow, loaded: LoadedVariant, rules: AssessmentRules, now: Date): SubmitResult {
  const visible = referenceVisible(rules, now);
  return {
    attempt: visibleDto(row, rules, now),
    replayed: true,
    explanation: visible ? explanationFor(loaded.spec, loaded.built) : "",
    hintState: unlockedHints(loaded).next,
    reveal: revealOf(rules, now),
  };
}

export async function listVariantAttempts(user: UserDto, variantId: string): Promise<AttemptDto[]> {
  await ownVariant(user, variantId);
  const now = new Date();
  await assertNotInRunningMock(variantId, now);
  const [rows, ctx] = await Promise.all([
    db.attempt.findMany({
      where: { variantId, userId: user.id },
      orderBy: { attemptNumber: "asc" },
      select: ATTEMPT_FIELDS,
    }),
    variantContext(variantId),
  ]);
  return rows.map((r) => visibleDto(r, ctx.rules, now));
}

export interface HistoryEntry {
  id: string;
  variantId: string;
  attemptNumber: number;
  score: number;
  correct: boolean;
  createdAt: string;
}

/** The student's attempts at one question across all its variants, newest first. */
export async function listQuestionHistory(user: UserDto, slug: string, limit = 50): Promise<HistoryEntry[]> {
  const template = await db.questionTemplate.findUnique({
    where: { slug },
    select: { id: true, status: true, builtIn: true, authorId: true },
  });
  // Someone else's unpublished question answers exactly like a missing slug, so its existence does not
  // leak (security finding 8); a question one has already answered stays visible in one's own history.
  const visible =
    template &&
    (template.status === "PUBLISHED" ||
      canSee(user, template) ||
      (await db.attempt.findFirst({ where: { userId: user.id, templateId: template.id }, select: { id: true } })) !==
        null);
  if (!visible) throw new AppError("NOT_FOUND", `no question '${slug}'`);
  const hidden = await hiddenMockAttempts(user, new Date());
  const rows = await db.attempt.findMany({
    where: { userId: user.id, templateId: template.id, id: hidden.size ? { notIn: [...hidden] } : undefined },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { id: true, variantId: true, attemptNumber: true, score: true, correct: true, createdAt: true },
  });
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}
