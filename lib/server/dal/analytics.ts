import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/prisma/generated/sqlite/client";
import { toCsv } from "@/lib/analytics/csv";
import { counterDelta, countersFromAttempts } from "@/lib/analytics/item-stats";
import { groupWrongAnswers, wrongAnswerKey } from "@/lib/analytics/wrong-answers";
import type { Answer, GradeReport } from "@/lib/engine/questions/types";
import type { QuestionAnalyticsDto, ClassQuestionRow, ClassProgressDto } from "@/lib/analytics/dto";
import { queryClassProgress, queryQuestionAnalytics } from "@/lib/analytics/queries";
import { db } from "../db";
import { AppError } from "../errors";
import { assertTeacher, taughtClass } from "./class-access";
import type { UserDto } from "./users";

export type { QuestionAnalyticsDto, ClassQuestionRow, ClassProgressDto };

// Item analysis. QuestionStat and WrongAnswerGroup are running aggregates changed in the transaction
// that stores each attempt, so a question's page reads two small rows instead of scanning attempts.
// They are anonymous aggregates over every student who answered the question.

type Tx = Prisma.TransactionClient;
type Client = Tx | typeof db;

export interface AttemptStatsInput {
  templateId: string;
  variantId: string;
  attemptNumber: number;
  score: number;
  correct: boolean;
  answer: Answer;
  report: GradeReport;
}

/** Called inside submitAttempt's transaction, after the attempt row is created. */
export async function recordAttemptStats(tx: Tx, a: AttemptStatsInput): Promise<void> {
  // Raw SQL on the hot path (the query builder costs several times the statement); a bare boolean
  // column is a condition in both SQLite and PostgreSQL.
  const solvedBefore = a.correct
    ? (await tx.$queryRaw<unknown[]>`SELECT 1 FROM "Attempt" WHERE "variantId" = ${a.variantId} AND "correct" AND "attemptNumber" < ${a.attemptNumber} LIMIT 1`).length > 0
    : false;
  const d = counterDelta(a, solvedBefore);
  // One INSERT … ON CONFLICT DO UPDATE per aggregate: the first attempt creates the row, later ones
  // increment it atomically, so concurrent attempts never lose updates and a lost insert race does not
  // abort the transaction (same pattern as Mastery).
  await tx.$executeRaw`
    INSERT INTO "QuestionStat" ("templateId", "attempts", "scoreSum", "firstAttempts", "firstScoreSum", "solvedVariants", "attemptsToSolve", "updatedAt")
    VALUES (${a.templateId}, ${d.attempts}, ${d.scoreSum}, ${d.firstAttempts}, ${d.firstScoreSum}, ${d.solvedVariants}, ${d.attemptsToSolve}, ${new Date()})
    ON CONFLICT ("templateId") DO UPDATE SET
      "attempts" = "QuestionStat"."attempts" + excluded."attempts",
      "scoreSum" = "QuestionStat"."scoreSum" + excluded."scoreSum",
      "firstAttempts" = "QuestionStat"."firstAttempts" + excluded."firstAttempts",
      "firstScoreSum" = "QuestionStat"."firstScoreSum" + excluded."firstScoreSum",
      "solvedVariants" = "QuestionStat"."solvedVariants" + excluded."solvedVariants",
      "attemptsToSolve" = "QuestionStat"."attemptsToSolve" + excluded."attemptsToSolve",
      "updatedAt" = excluded."updatedAt"`;
  if (a.correct) return;
  const k = wrongAnswerKey(a.answer, a.report);
  // The first answer of a group keeps its label and sample; later ones only count.
  await tx.$executeRaw`
    INSERT INTO "WrongAnswerGroup" ("id", "templateId", "key", "label", "sample", "count") VALUES (${randomUUID()}, ${a.templateId}, ${k.key}, ${k.label}, ${k.sample}, 1)
    ON CONFLICT ("templateId", "key") DO UPDATE SET "count" = "WrongAnswerGroup"."count" + 1`;
}

/** Recomputes a question's aggregates from its attempts (after a regrade changed scores). */
export async function rebuildQuestionStats(client: Client, templateId: string): Promise<void> {
  const rows = await client.attempt.findMany({
    where: { templateId },
    select: { userId: true, variantId: true, attemptNumber: true, score: true, correct: true, answer: true, report: true },
  });
  const c = countersFromAttempts(rows);
  const groups = groupWrongAnswers(rows.map((r) => ({ answer: r.answer as unknown as Answer, report: r.report as unknown as GradeReport })));
  await client.questionStat.upsert({ where: { templateId }, create: { templateId, ...c }, update: c });
  await client.wrongAnswerGroup.deleteMany({ where: { templateId } });
  if (groups.length) await client.wrongAnswerGroup.createMany({ data: groups.map((g) => ({ templateId, key: g.key, label: g.label, sample: g.sample, count: g.count })) });
}

/** Questions an instructor may analyse: published ones and their own; admins any. */
async function analysableTemplate(user: UserDto, slug: string) {
  assertTeacher(user);
  const t = await db.questionTemplate.findUnique({ where: { slug }, select: { id: true, slug: true, title: true, type: true, topic: true, status: true, authorId: true } });
  if (!t || (user.role !== "ADMIN" && t.status !== "PUBLISHED" && t.authorId !== user.id)) throw new AppError("NOT_FOUND", `no question '${slug}'`);
  return t;
}

export async function getQuestionAnalytics(user: UserDto, slug: string, topWrong = 10): Promise<QuestionAnalyticsDto> {
  return queryQuestionAnalytics(db, await analysableTemplate(user, slug), topWrong);
}

/** Progress by student and topic and per assigned question; see queryClassProgress. */
export async function getClassProgress(user: UserDto, classId: string): Promise<ClassProgressDto> {
  const cls = await taughtClass(user, classId);
  return queryClassProgress(db, cls);
}

/** One line per student: totals, mean best per topic, then the best score on each assigned question. */
export function classProgressCsv(p: ClassProgressDto): string {
  const pct = (x: number | null | undefined) => (x === null || x === undefined ? "" : Math.round(x * 1000) / 10);
  return toCsv(
    ["student", "email", "attempts", "questions tried", "questions solved", "mean best %", ...p.topics.map((t) => `${t.short} %`), ...p.questions.map((q) => `${q.slug} best %`)],
    p.students.map((s) => [
      s.name,
      s.email,
      s.attempts,
      s.tried,
      s.solved,
      pct(s.meanBest),
      ...p.topics.map((t) => pct(s.topics[t.slug])),
      ...p.questions.map((q) => pct(s.assigned[q.slug])),
    ]),
  );
}
