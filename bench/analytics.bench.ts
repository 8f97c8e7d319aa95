// How fast the instructor's class page and a question's analytics load for a class of 500 students
// with 50,000 attempts. Data is bulk-inserted into a temp SQLite database, aggregates included (as the
// attempt transaction would have left them); the timed code is the pages' own query functions. For
// contrast it also times computing one question's statistics by scanning its attempts.
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { countersFromAttempts, itemStats } from "@/lib/analytics/item-stats";
import { queryClassProgress, queryQuestionAnalytics } from "@/lib/analytics/queries";
import { createPrismaClient } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrations";
import { TOPICS } from "@/lib/topics";

const STUDENTS = 500;
const QUESTIONS = 20;
const ATTEMPTS = 50_000;
const WRONG_GROUPS = 40;
const CHUNK = 2_000;
const RUNS = 10;

/** Deterministic pseudo-scores, so every run inserts the same data. */
const scoreOf = (i: number) => ((i * 7919) % 100) / 99;

async function median(fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

async function insertInChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

export default async function analyticsBench(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "timeslice-bench-analytics-"));
  const target = { provider: "sqlite" as const, url: path.join(dir, "bench.db") };
  await applyMigrations(target);
  const db = createPrismaClient(target);
  try {
    const t0 = performance.now();
    const teacher = await db.user.create({ data: { email: "teacher@bench", name: "Teacher", passwordHash: "x", role: "INSTRUCTOR" } });
    const students = Array.from({ length: STUDENTS }, (_, i) => ({ id: randomUUID(), email: `s${i}@bench`, name: `Student ${String(i).padStart(3, "0")}`, passwordHash: "x" }));
    await insertInChunks(students, (data) => db.user.createMany({ data }));
    const questions: { id: string; slug: string; title: string; type: string; topic: string; versionId: string }[] = [];
    for (let q = 0; q < QUESTIONS; q++) {
      const topic = TOPICS[q % TOPICS.length]!.slug;
      const t = await db.questionTemplate.create({ data: { slug: `bench-q${q}`, title: `Question ${q}`, type: "schedule", topic, difficulty: 1 + (q % 5), status: "PUBLISHED" } });
      const v = await db.questionVersion.create({ data: { templateId: t.id, version: 1, spec: {} } });
      questions.push({ id: t.id, slug: t.slug, title: t.title, type: t.type, topic, versionId: v.id });
    }
    const cls = await db.class.create({ data: { name: "Bench class", joinCode: "BENCH234", instructorId: teacher.id } });
    await insertInChunks(students.map((s) => ({ classId: cls.id, userId: s.id })), (data) => db.classMember.createMany({ data }));
    await db.assignment.create({ data: { classId: cls.id, title: "All", slugs: JSON.stringify(questions.map((q) => q.slug)) } });

    // One variant per (student, question); attempts spread evenly, numbered within their variant.
    const variants = students.flatMap((s) => questions.map((q) => ({ id: randomUUID(), userId: s.id, templateId: q.id, versionId: q.versionId, seed: 1, engineVersion: "bench" })));
    await insertInChunks(variants, (data) => db.variant.createMany({ data }));
    const perVariant = new Map<string, number>();
    const attempts = Array.from({ length: ATTEMPTS }, (_, i) => {
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
      };
    });
    await insertInChunks(attempts, (data) => db.attempt.createMany({ data }));

    // The aggregates the attempt transaction maintains.
    for (const q of questions) {
      const mine = attempts.filter((a) => a.templateId === q.id);
      await db.questionStat.create({ data: { templateId: q.id, ...countersFromAttempts(mine) } });
      await db.wrongAnswerGroup.createMany({
        data: Array.from({ length: WRONG_GROUPS }, (_, g) => ({ templateId: q.id, key: `answer:${g}`, label: `at t=${g} ran A instead of B`, sample: "[]", count: 1 + ((g * 37) % 50) })),
      });
    }
    const mastery = students.flatMap((s) => TOPICS.map((t) => ({ userId: s.id, kind: "topic", key: t.slug, attempts: 10, scoreSum: 6, ema: 0.6 })));
    await insertInChunks(mastery, (data) => db.mastery.createMany({ data }));
    const insertMs = performance.now() - t0;

    const classMs = await median(() => queryClassProgress(db, cls));
    const questionMs = await median(() => queryQuestionAnalytics(db, questions[0]!));
    const scanMs = await median(async () => {
      const rows = await db.attempt.findMany({ where: { templateId: questions[0]!.id }, select: { userId: true, variantId: true, attemptNumber: true, score: true, correct: true } });
      return itemStats(rows);
    });
    console.log(`students=${STUDENTS} questions=${QUESTIONS} attempts=${ATTEMPTS}  (insert ${insertMs.toFixed(0)} ms)`);
    console.log(`class progress page query   median ${classMs.toFixed(2)} ms`);
    console.log(`question analytics query    median ${questionMs.toFixed(2)} ms  (aggregate tables)`);
    console.log(`same stats by scanning      median ${scanMs.toFixed(2)} ms  (${ATTEMPTS / QUESTIONS} attempts, for contrast)`);
  } finally {
    await db.$disconnect();
    rmSync(dir, { recursive: true, force: true });
  }
}
