// How fast the instructor's class page and a question's analytics load for a class of 500 students
// as their attempts grow to 10,000, 50,000 and 100,000. Data is bulk-inserted into a temp SQLite
// database; the aggregates are built as the attempt transaction leaves them (QuestionBest with the
// same rebuild the migration's backfill and regrades use, which the integration tests prove equal to
// the per-attempt upserts). The timed code is the pages' own query functions. For contrast it also
// times the previous class-page query, which grouped the attempts table (the "before" figure), and
// computing one question's statistics by scanning its attempts.
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { countersFromAttempts, itemStats } from "@/lib/analytics/item-stats";
import { queryClassProgress, queryQuestionAnalytics } from "@/lib/server/dal/analytics-queries";
import { rebuildQuestionBest, recordQuestionBest } from "@/lib/server/dal/question-best";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrations";
import { TOPICS } from "@/lib/topics";

const STUDENTS = 500;
const QUESTIONS = 20;
const SIZES = [10_000, 50_000, 100_000];
const WRONG_GROUPS = 40;
const CHUNK = 2_000;
const RUNS = 10;
const UPSERTS = 200;

/** Deterministic pseudo-scores, so every run inserts the same data. */
const scoreOf = (i: number) => ((i * 7919) % 100) / 99;

/** Medians of two functions timed in alternation, so a load spike on a shared machine hits both alike. */
async function compare(a: () => Promise<unknown>, b: () => Promise<unknown>, runs = RUNS): Promise<[number, number]> {
  await a();
  await b();
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t0 = performance.now();
    await a();
    ta.push(performance.now() - t0);
    t0 = performance.now();
    await b();
    tb.push(performance.now() - t0);
  }
  const mid = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  return [mid(ta), mid(tb)];
}

async function insertInChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/**
 * The class page's best-score query before QuestionBest existed (Mastery for topics, a GROUP BY over
 * the attempts for the per-question best scores), kept here only to print the "before" figure.
 */
async function classProgressFromAttempts(db: Db, classId: string) {
  const ids = (await db.classMember.findMany({ where: { classId }, select: { userId: true } })).map((m) => m.userId);
  const [users, mastery, assignments] = await Promise.all([
    db.user.findMany({
      where: { id: { in: ids } },
      select: { id: true, name: true, email: true },
      orderBy: { name: "asc" },
    }),
    db.mastery.findMany({
      where: { userId: { in: ids }, kind: "topic" },
      select: { userId: true, key: true, attempts: true, scoreSum: true },
    }),
    db.assignment.findMany({ where: { classId }, select: { slugs: true } }),
  ]);
  const slugs = [...new Set(assignments.flatMap((a) => JSON.parse(a.slugs) as string[]))];
  const templates = await db.questionTemplate.findMany({ where: { slug: { in: slugs } }, select: { id: true } });
  const best = await db.attempt.groupBy({
    by: ["userId", "templateId"],
    where: { userId: { in: ids }, templateId: { in: templates.map((t) => t.id) } },
    _max: { score: true },
  });
  return { users, mastery, best };
}

export default async function analyticsBench(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "timeslice-bench-analytics-"));
  const target = { provider: "sqlite" as const, url: path.join(dir, "bench.db") };
  await applyMigrations(target);
  const db = createPrismaClient(target);
  try {
    const teacher = await db.user.create({
      data: { email: "teacher@bench", name: "Teacher", passwordHash: "x", role: "INSTRUCTOR" },
    });
    const students = Array.from({ length: STUDENTS }, (_, i) => ({
      id: randomUUID(),
      email: `s${i}@bench`,
      name: `Student ${String(i).padStart(3, "0")}`,
      passwordHash: "x",
    }));
    await insertInChunks(students, (data) => db.user.createMany({ data }));
    const questions: { id: string; slug: string; title: string; type: string; topic: string; versionId: string }[] = [];
    for (let q = 0; q < QUESTIONS; q++) {
      const topic = TOPICS[q % TOPICS.length]!.slug;
      const t = await db.questionTemplate.create({
        data: {
          slug: `bench-q${q}`,
          title: `Question ${q}`,
          type: "schedule",
          topic,
          difficulty: 1 + (q % 5),
          status: "PUBLISHED",
        },
      });
      const v = await db.questionVersion.create({ data: { templateId: t.id, version: 1, spec: {} } });
      questions.push({ id: t.id, slug: t.slug, title: t.title, type: t.type, topic, versionId: v.id });
    }
    const cls = await db.class.create({
      data: { name: "Bench class", joinCode: "BENCH234", instructorId: teacher.id },
    });
    await insertInChunks(
      students.map((s) => ({ classId: cls.id, userId: s.id })),
      (data) => db.classMember.createMany({ data }),
    );
    await db.assignment.create({
      data: { classId: cls.id, title: "All", slugs: JSON.stringify(questions.map((q) => q.slug)) },
    });
    const mastery = students.flatMap((s) =>
      TOPICS.map((t) => ({ userId: s.id, kind: "topic", key: t.slug, attempts: 10, scoreSum: 6, ema: 0.6 })),
    );
    await insertInChunks(mastery, (data) => db.mastery.createMany({ data }));

    // One variant per (student, question); attempts spread evenly, numbered within their variant.
    const variants = students.flatMap((s) =>
      questions.map((q) => ({
        id: randomUUID(),
        userId: s.id,
        templateId: q.id,
        versionId: q.versionId,
        seed: 1,
        engineVersion: "bench",
      })),
    );
    await insertInChunks(variants, (data) => db.variant.createMany({ data }));
    const perVariant = new Map<string, number>();
    const start = Date.UTC(2026, 0, 1);
    const attemptRow = (i: number) => {
      const v = variants[i % variants.length]!;
      const n = (perVariant.get(v.id) ?? 0) + 1;
      perVariant.set(v.id, n);
      const score = scoreOf(i);
      return {
        userId: v.userId,
        variantId: v.id,
        templateId: v.templateId,
        versionId: v.versionId,
        seed: 1,
        engineVersion: "bench",
        attemptNumber: n,
        submissionId: `bench-${i}`,
        answer: { parts: { timeline: ["A", "B"] } },
        score,
        correct: score === 1,
        report: { score, correct: score === 1, parts: [], summary: "", reference: {} },
        createdAt: new Date(start + i * 1000),
      };
    };

    console.log(`class of ${STUDENTS} students, ${QUESTIONS} assigned questions; medians of ${RUNS} runs (SQLite)`);
    let have = 0;
    for (const size of SIZES) {
      const t0 = performance.now();
      const rows = Array.from({ length: size - have }, (_, k) => attemptRow(have + k));
      await insertInChunks(rows, (data) => db.attempt.createMany({ data }));
      have = size;
      const insertMs = performance.now() - t0;

      // The aggregates the attempt transaction maintains, rebuilt from all attempts so far.
      const all = await db.attempt.findMany({
        select: { userId: true, variantId: true, templateId: true, attemptNumber: true, score: true, correct: true },
      });
      await db.questionStat.deleteMany();
      await db.wrongAnswerGroup.deleteMany();
      for (const q of questions) {
        await db.questionStat.create({
          data: { templateId: q.id, ...countersFromAttempts(all.filter((a) => a.templateId === q.id)) },
        });
        await db.wrongAnswerGroup.createMany({
          data: Array.from({ length: WRONG_GROUPS }, (_, g) => ({
            templateId: q.id,
            key: `answer:${g}`,
            label: `at t=${g} ran A instead of B`,
            sample: "[]",
            count: 1 + ((g * 37) % 50),
          })),
        });
      }
      const b0 = performance.now();
      for (const q of questions) await rebuildQuestionBest(db, q.id);
      const backfillMs = performance.now() - b0;

      const [after, before] = await compare(
        () => queryClassProgress(db, cls),
        () => classProgressFromAttempts(db, cls.id),
      );
      const [questionMs, scanMs] = await compare(
        // Scoped to the class, as the page is: it reads the class's attempts at the question.
        () =>
          queryQuestionAnalytics(db, questions[0]!, {
            kind: "class",
            id: cls.id,
            label: cls.name,
            memberIds: students.map((s) => s.id),
          }),
        async () => {
          const scanned = await db.attempt.findMany({
            where: { templateId: questions[0]!.id },
            select: { userId: true, variantId: true, attemptNumber: true, score: true, correct: true },
          });
          return itemStats(scanned);
        },
      );
      console.log(
        `attempts=${String(size).padStart(7)}  (insert ${insertMs.toFixed(0)} ms, QuestionBest backfill ${backfillMs.toFixed(0)} ms)`,
      );
      console.log(
        `  class progress page query  after ${after.toFixed(2).padStart(7)} ms (QuestionBest)   before ${before.toFixed(2).padStart(7)} ms (grouping attempts)`,
      );
      console.log(
        `  question analytics query         ${questionMs.toFixed(2).padStart(7)} ms (class-scoped)  scan ${scanMs.toFixed(2).padStart(7)} ms (${size / QUESTIONS} attempts, for contrast)`,
      );
    }

    // What the aggregate adds to each submission: one upsert inside the attempt's transaction.
    const times: number[] = [];
    await db.$transaction(async (tx) => {
      for (let i = 0; i < UPSERTS; i++) {
        const a = attemptRow(have + i);
        const t0 = performance.now();
        await recordQuestionBest(tx, {
          userId: a.userId,
          templateId: a.templateId,
          score: a.score,
          correct: a.correct,
          at: a.createdAt,
        });
        times.push(performance.now() - t0);
      }
    });
    times.sort((x, y) => x - y);
    console.log(
      `QuestionBest upsert, the per-attempt cost in submitAttempt's transaction: median ${times[UPSERTS >> 1]!.toFixed(2)} ms over ${UPSERTS}`,
    );
  } finally {
    await db.$disconnect();
    rmSync(dir, { recursive: true, force: true });
  }
}
