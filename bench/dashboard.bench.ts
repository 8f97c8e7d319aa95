// How fast the student dashboard (mastery + due count + streak, and the best scores its assignments
// card shows) and the first history page stay as one student's attempts grow to 100,000. The
// aggregates are built with the same pure functions the attempt transaction uses (QuestionBest with
// the rebuild a regrade uses), then bulk-inserted; the timed code is the page's own query function.
// For contrast, the assignment scores are also computed the way they were before QuestionBest, by
// grouping the student's attempts.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { queryStudentBests, rebuildQuestionBest } from "@/lib/server/dal/question-best";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrations";
import type { DbTarget } from "@/lib/db/provider";
import { findPostgresBin, startThrowawayPostgres } from "@/lib/db/throwaway-postgres";
import { queryDashboard } from "@/lib/server/dal/dashboard-queries";
import { addAttempt, EMPTY_MASTERY, type MasteryAggregate } from "@/lib/progress/mastery";
import { ratingFor } from "@/lib/progress/rating";
import { type CardState, dayNumber, newCardState, scheduleReview } from "@/lib/progress/schedule";
import { TOPICS } from "@/lib/topics";

const SIZES = [1_000, 10_000, 100_000];
const TEMPLATES = 48;
const CHUNK = 2_000;
const RUNS = 15;
const DAY_MS = 86_400_000;

interface Fixture {
  userId: string;
  templates: { id: string; topic: string; variantId: string; versionId: string }[];
}

async function fixture(db: Db): Promise<Fixture> {
  const user = await db.user.create({ data: { email: "bench@example.com", name: "Bench", passwordHash: "x" } });
  const templates: Fixture["templates"] = [];
  for (let i = 0; i < TEMPLATES; i++) {
    const topic = TOPICS[i % TOPICS.length]!.slug;
    const t = await db.questionTemplate.create({
      data: {
        slug: `bench-${i}`,
        title: `Bench ${i}`,
        type: "metrics",
        topic,
        difficulty: 1 + (i % 5),
        status: "PUBLISHED",
      },
    });
    const v = await db.questionVersion.create({ data: { templateId: t.id, version: 1, spec: {} } });
    const variant = await db.variant.create({
      data: { userId: user.id, templateId: t.id, versionId: v.id, seed: i, engineVersion: "bench" },
    });
    templates.push({ id: t.id, topic, variantId: variant.id, versionId: v.id });
  }
  return { userId: user.id, templates };
}

/** Deterministic pseudo-scores, so every run inserts the same data. */
const scoreOf = (i: number) => ((i * 7919) % 100) / 99;

async function grow(db: Db, fx: Fixture, from: number, to: number, start: Date): Promise<void> {
  const span = to - from;
  for (let base = from; base < to; base += CHUNK) {
    const rows = [];
    for (let i = base; i < Math.min(to, base + CHUNK); i++) {
      const t = fx.templates[i % TEMPLATES]!;
      rows.push({
        userId: fx.userId,
        variantId: t.variantId,
        templateId: t.id,
        versionId: t.versionId,
        seed: i % TEMPLATES,
        engineVersion: "bench",
        attemptNumber: Math.floor(i / TEMPLATES) + 1,
        submissionId: `bench-${i}`,
        answer: { parts: { a: 1 } },
        score: scoreOf(i),
        correct: scoreOf(i) === 1,
        report: { score: scoreOf(i) },
        // Spread over the last 400 days so the streak has a long history to walk.
        createdAt: new Date(start.getTime() + Math.floor(((i - from) / span) * 400 * DAY_MS) - 400 * DAY_MS),
      });
    }
    await db.attempt.createMany({ data: rows });
  }
}

/** The aggregates for attempts 0..n, as the attempt transaction would have left them. */
async function writeAggregates(db: Db, fx: Fixture, n: number, now: Date): Promise<void> {
  const mastery = new Map<string, MasteryAggregate>();
  const cards = new Map<string, CardState>();
  const days = new Map<number, { attempts: number }>();
  for (let i = 0; i < n; i++) {
    const t = fx.templates[i % TEMPLATES]!;
    const at = new Date(now.getTime() - 400 * DAY_MS + Math.floor((i / n) * 400 * DAY_MS));
    mastery.set(t.topic, addAttempt(mastery.get(t.topic) ?? EMPTY_MASTERY, scoreOf(i), at));
    // A card's state depends mostly on its recent reviews; replaying the last few per template keeps set-up fast.
    if (i >= n - TEMPLATES * 20) {
      const rating = ratingFor({ score: scoreOf(i), attemptNumber: 1, hintsUsed: 0 });
      cards.set(t.id, scheduleReview(cards.get(t.id) ?? newCardState(at), rating, at).card);
    }
    const d = dayNumber(at, "UTC");
    days.set(d, { attempts: (days.get(d)?.attempts ?? 0) + 1 });
  }
  await db.mastery.deleteMany({ where: { userId: fx.userId } });
  await db.reviewCard.deleteMany({ where: { userId: fx.userId } });
  await db.streakDay.deleteMany({ where: { userId: fx.userId } });
  await db.mastery.createMany({
    data: [...mastery].map(([key, m]) => ({
      userId: fx.userId,
      kind: "topic",
      key,
      attempts: m.attempts,
      scoreSum: m.scoreSum,
      ema: m.ema,
      lastAttemptAt: m.lastAttemptAt ? new Date(m.lastAttemptAt) : null,
    })),
  });
  await db.reviewCard.createMany({
    data: [...cards].map(([templateId, c]) => ({
      userId: fx.userId,
      templateId,
      ...c,
      due: new Date(c.due),
      lastReview: c.lastReview ? new Date(c.lastReview) : null,
    })),
  });
  await db.streakDay.createMany({
    data: [...days].map(([day, d]) => ({
      userId: fx.userId,
      day,
      attempts: d.attempts,
      dueAtStart: 1,
      nextDueDay: day + 1,
    })),
  });
}

async function median(fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm-up: first query plans and connection set-up are not what a page load pays
  const times: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

async function runOn(label: string, target: DbTarget): Promise<void> {
  await applyMigrations(target);
  const db = createPrismaClient(target);
  try {
    const fx = await fixture(db);
    const now = new Date();
    let have = 0;
    for (const size of SIZES) {
      const t0 = performance.now();
      await grow(db, fx, have, size, now);
      await writeAggregates(db, fx, size, now);
      have = size;
      const insertMs = performance.now() - t0;
      for (const t of fx.templates) await rebuildQuestionBest(db, t.id, [fx.userId]);
      const templateIds = fx.templates.map((t) => t.id);
      const dash = await median(() => queryDashboard(db, fx.userId, now, { forceStreak: true }));
      const bests = await median(() => queryStudentBests(db, fx.userId, templateIds));
      const grouped = await median(() =>
        db.attempt.groupBy({
          by: ["templateId"],
          where: { userId: fx.userId, templateId: { in: templateIds } },
          _max: { score: true },
          _count: { _all: true },
        }),
      );
      const history = await median(() =>
        db.attempt.findMany({
          where: { userId: fx.userId },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          take: 26,
          select: { id: true, score: true, createdAt: true },
        }),
      );
      console.log(
        `${label.padEnd(10)} attempts=${String(size).padStart(7)}  dashboard median ${dash.toFixed(2)} ms  history page median ${history.toFixed(2)} ms  (insert ${insertMs.toFixed(0)} ms)`,
      );
      console.log(
        `${"".padEnd(10)} assignment best scores (${TEMPLATES} questions) median ${bests.toFixed(2)} ms from QuestionBest, ${grouped.toFixed(2)} ms grouping attempts (before)`,
      );
    }
  } finally {
    await db.$disconnect();
  }
}

export default async function dashboardBench(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "timeslice-bench-"));
  try {
    await runOn("sqlite", { provider: "sqlite", url: path.join(dir, "bench.db") });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const serverUrl = process.env.TEST_DATABASE_URL;
  const throwaway = serverUrl || !findPostgresBin() ? null : await startThrowawayPostgres();
  const base = serverUrl ?? throwaway?.url;
  if (!base) {
    console.log("postgresql skipped: set TEST_DATABASE_URL or install the postgresql server binaries");
    return;
  }
  const name = `bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  try {
    await runOn("postgresql", { provider: "postgresql", url: url.toString() });
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    throwaway?.stop();
  }
}
