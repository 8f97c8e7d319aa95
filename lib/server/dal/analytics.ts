import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/prisma/generated/sqlite/client";
import { toCsv } from "@/lib/analytics/csv";
import { counterDelta, countersFromAttempts } from "@/lib/analytics/item-stats";
import { groupWrongAnswers, wrongAnswerKey } from "@/lib/analytics/wrong-answers";
import type { Answer, GradeReport } from "@/lib/engine/questions";
import type { QuestionAnalyticsDto, ClassQuestionRow, ClassProgressDto } from "@/lib/analytics/dto";
import type { AnalyticsScopeDto } from "@/lib/analytics/dto";
import { asRules } from "@/lib/analytics/assessment";
import { db } from "../db";
import { AppError } from "../errors";
import { type AnalyticsScope, queryClassProgress, queryQuestionAnalytics } from "./analytics-queries";
import { assertTeacher, memberIds, taughtClass } from "./class-access";
import type { UserDto } from "./users";
import { isAdmin } from "@/lib/roles";

export type { QuestionAnalyticsDto, ClassQuestionRow, ClassProgressDto };

// Item analysis. QuestionStat and WrongAnswerGroup are running aggregates changed in the transaction
// that stores each attempt, so a question's page reads two small rows instead of scanning attempts.
// They are anonymous aggregates over every student who answered the question, and are NOT what a
// lecturer sees: a question's analysis is computed over one class or assignment (getQuestionAnalytics).

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
    ? (
        await tx.$queryRaw<
          unknown[]
        >`SELECT 1 FROM "Attempt" WHERE "variantId" = ${a.variantId} AND "correct" AND "attemptNumber" < ${a.attemptNumber} LIMIT 1`
      ).length > 0
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
    // Practice attempts never enter statistics (submitAttempt does not record them either).
    where: { templateId, practice: false },
    select: {
      userId: true,
      variantId: true,
      attemptNumber: true,
      score: true,
      correct: true,
      answer: true,
      report: true,
    },
  });
  const c = countersFromAttempts(rows);
  const groups = groupWrongAnswers(
    rows.map((r) => ({ answer: r.answer as unknown as Answer, report: r.report as unknown as GradeReport })),
  );
  await client.questionStat.upsert({ where: { templateId }, create: { templateId, ...c }, update: c });
  await client.wrongAnswerGroup.deleteMany({ where: { templateId } });
  if (groups.length)
    await client.wrongAnswerGroup.createMany({
      data: groups.map((g) => ({ templateId, key: g.key, label: g.label, sample: g.sample, count: g.count })),
    });
}

/** Questions an instructor may analyse: published ones and their own; admins any. */
async function analysableTemplate(user: UserDto, slug: string) {
  assertTeacher(user);
  const t = await db.questionTemplate.findUnique({
    where: { slug },
    select: { id: true, slug: true, title: true, type: true, topic: true, status: true, authorId: true },
  });
  if (!t || (!isAdmin(user) && t.status !== "PUBLISHED" && t.authorId !== user.id))
    throw new AppError("NOT_FOUND", `no question '${slug}'`);
  return t;
}

/**
 * A question's analysis over one class the lecturer teaches, or one assignment of it (`scope` is
 * "class:<id>" or "assignment:<id>"); by default their most recent class. Never over strangers: the
 * platform-wide QuestionStat aggregates are not shown to lecturers.
 */
export async function getQuestionAnalytics(
  user: UserDto,
  slug: string,
  scopeParam?: string,
  topWrong = 10,
): Promise<QuestionAnalyticsDto> {
  const t = await analysableTemplate(user, slug);
  const classes = await db.class.findMany({
    where: isAdmin(user) ? {} : { instructorId: user.id },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, assignments: { orderBy: { createdAt: "asc" } } },
  });
  const scopes: AnalyticsScopeDto[] = classes.flatMap((c) => [
    { kind: "class" as const, id: c.id, label: c.name },
    ...c.assignments
      .filter((a) => (JSON.parse(a.slugs) as string[]).includes(slug))
      .map((a) => ({ kind: "assignment" as const, id: a.id, label: `${c.name}: ${a.title}` })),
  ]);
  let scope: AnalyticsScope = { kind: "none" };
  const [kind, id] = scopeParam ? scopeParam.split(":") : ["class", classes[0]?.id];
  if (kind === "class" && id) {
    const c = classes.find((x) => x.id === id);
    if (!c) throw new AppError("NOT_FOUND", "no such class");
    scope = { kind: "class", id: c.id, label: c.name, memberIds: await memberIds(c.id) };
  } else if (kind === "assignment" && id) {
    const c = classes.find((x) => x.assignments.some((a) => a.id === id));
    const a = c?.assignments.find((x) => x.id === id);
    if (!c || !a) throw new AppError("NOT_FOUND", "no such assignment");
    scope = {
      kind: "assignment",
      id: a.id,
      label: `${c.name}: ${a.title}`,
      memberIds: await memberIds(c.id),
      assignment: { id: a.id, createdAt: a.createdAt, slugs: JSON.parse(a.slugs) as string[], rules: asRules(a) },
    };
  } else if (scopeParam) {
    throw new AppError("INVALID_INPUT", "scope: must be class:<id> or assignment:<id>", {
      scope: ["must be class:<id> or assignment:<id>"],
    });
  }
  return { ...(await queryQuestionAnalytics(db, t, scope, topWrong)), scopes };
}

/** Progress by student and topic and per assigned question; see queryClassProgress. */
export async function getClassProgress(user: UserDto, classId: string): Promise<ClassProgressDto> {
  const cls = await taughtClass(user, classId);
  return queryClassProgress(db, cls);
}

/**
 * One line per student: totals, mean best per topic, then per assignment its grade (assessment rules
 * applied) and the credit on each of its questions.
 */
export function classProgressCsv(p: ClassProgressDto): string {
  const pct = (x: number | null | undefined) => (x === null || x === undefined ? "" : Math.round(x * 1000) / 10);
  return toCsv(
    [
      "student",
      "email",
      "attempts",
      "questions tried",
      "questions solved",
      "mean best %",
      ...p.topics.map((t) => `${t.short} %`),
      ...p.assignments.map((a) => `${a.title} grade %`),
      ...p.questions.map((q) => `${q.assignmentTitle}: ${q.slug} %`),
    ],
    p.students.map((s) => [
      s.name,
      s.email,
      s.attempts,
      s.tried,
      s.solved,
      pct(s.meanBest),
      ...p.topics.map((t) => pct(s.topics[t.slug])),
      ...p.assignments.map((a) => pct(s.grades[a.id])),
      ...p.questions.map((q) => pct(s.assigned[q.key])),
    ]),
  );
}
