import "server-only";
// QuestionBest: one row per (student, question) summarising their attempts, so class progress and
// assignment scores read one row per pair instead of grouping attempts. Written by one upsert in the
// attempt's transaction; a regrade recomputes the pairs it touched with the same SELECT the migration
// used to backfill existing databases (prisma/migrations/*_question_best). Takes the client as a
// parameter so the benchmark (run with the react-server condition) times exactly this code.
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/prisma/generated/sqlite/client";

type Client = Db | Prisma.TransactionClient;

export interface QuestionBestAttempt {
  userId: string;
  templateId: string;
  score: number;
  correct: boolean;
  /** The attempt's createdAt, so firstAt/lastAttemptAt/correctAt agree with a recomputation. */
  at: Date;
}

/**
 * One atomic INSERT … ON CONFLICT DO UPDATE: concurrent attempts of the same student (two tabs) both
 * land, and the max/min comparisons run on the locked row. Both providers accept this statement, and
 * the existing row is named by its table, which both accept (SQLite has no other way).
 */
export async function recordQuestionBest(tx: Client, a: QuestionBestAttempt): Promise<void> {
  const correctAt = a.correct ? a.at : null;
  await tx.$executeRaw`
    INSERT INTO "QuestionBest" ("userId", "templateId", "attempts", "scoreSum", "bestScore", "firstScore", "firstAt", "lastAttemptAt", "correctAt")
    VALUES (${a.userId}, ${a.templateId}, 1, ${a.score}, ${a.score}, ${a.score}, ${a.at}, ${a.at}, ${correctAt})
    ON CONFLICT ("userId", "templateId") DO UPDATE SET
      "attempts" = "QuestionBest"."attempts" + 1,
      "scoreSum" = "QuestionBest"."scoreSum" + excluded."scoreSum",
      "bestScore" = CASE WHEN excluded."bestScore" > "QuestionBest"."bestScore" THEN excluded."bestScore" ELSE "QuestionBest"."bestScore" END,
      "firstScore" = CASE WHEN excluded."firstAt" < "QuestionBest"."firstAt" THEN excluded."firstScore" ELSE "QuestionBest"."firstScore" END,
      "firstAt" = CASE WHEN excluded."firstAt" < "QuestionBest"."firstAt" THEN excluded."firstAt" ELSE "QuestionBest"."firstAt" END,
      "lastAttemptAt" = CASE WHEN excluded."lastAttemptAt" > "QuestionBest"."lastAttemptAt" THEN excluded."lastAttemptAt" ELSE "QuestionBest"."lastAttemptAt" END,
      "correctAt" = CASE WHEN "QuestionBest"."correctAt" IS NULL OR excluded."correctAt" < "QuestionBest"."correctAt" THEN COALESCE(excluded."correctAt", "QuestionBest"."correctAt") ELSE "QuestionBest"."correctAt" END`;
}

/**
 * Recomputes the rows of one question for the given students from their counted attempts (practice
 * attempts, made after the variant's reference was shown, never count; submitAttempt likewise never
 * records them), for all students when userIds is omitted. Ties in createdAt for the first attempt are broken by id, as in the backfill.
 */
export async function rebuildQuestionBest(
  client: Client,
  templateId: string,
  userIds?: readonly string[],
): Promise<void> {
  if (userIds && userIds.length === 0) return;
  const users = userIds ? Prisma.sql`AND a."userId" IN (${Prisma.join(userIds)})` : Prisma.empty;
  await client.$executeRaw`DELETE FROM "QuestionBest" WHERE "templateId" = ${templateId} ${userIds ? Prisma.sql`AND "userId" IN (${Prisma.join(userIds)})` : Prisma.empty}`;
  // The first attempt's score by ROW_NUMBER: one sort, where a correlated subquery would scan a
  // student's attempts once per question.
  await client.$executeRaw`
    INSERT INTO "QuestionBest" ("userId", "templateId", "attempts", "scoreSum", "bestScore", "firstScore", "firstAt", "lastAttemptAt", "correctAt")
    SELECT x."userId", x."templateId", COUNT(*), SUM(x."score"), MAX(x."score"), MAX(CASE WHEN x."n" = 1 THEN x."score" END),
      MIN(x."createdAt"), MAX(x."createdAt"), MIN(CASE WHEN x."correct" THEN x."createdAt" END)
    FROM (
      SELECT a."userId", a."templateId", a."score", a."correct", a."createdAt",
        ROW_NUMBER() OVER (PARTITION BY a."userId", a."templateId" ORDER BY a."createdAt", a."id") AS "n"
      FROM "Attempt" a
      WHERE a."templateId" = ${templateId} AND NOT a."practice" ${users}
    ) x
    GROUP BY x."userId", x."templateId"`;
}

/** One student's best score and attempt count per question, for their assignments. */
export async function queryStudentBests(
  db: Db,
  userId: string,
  templateIds: readonly string[],
): Promise<Map<string, { bestScore: number; attempts: number }>> {
  if (templateIds.length === 0) return new Map();
  const rows = await db.questionBest.findMany({
    where: { userId, templateId: { in: [...templateIds] } },
    select: { templateId: true, bestScore: true, attempts: true },
  });
  return new Map(rows.map((r) => [r.templateId, { bestScore: r.bestScore, attempts: r.attempts }]));
}
