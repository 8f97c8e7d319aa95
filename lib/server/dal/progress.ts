import "server-only";
import { randomUUID } from "node:crypto";
import { Prisma } from "@/prisma/generated/sqlite/client";
import { type DashboardData, DEFAULT_SETTINGS, type ProgressSettingsDto } from "@/lib/progress/dashboard";
import { clampScore, MASTERY_ALPHA, nextEma } from "@/lib/progress/mastery";
import { nextDifficulty } from "@/lib/progress/mock";
import { ratingFor } from "@/lib/progress/rating";
import { dueForInterview } from "@/lib/progress/readiness";
import {
  balanceRange,
  type CardState,
  dayNumber,
  isValidRetention,
  newCardState,
  scheduleReview,
} from "@/lib/progress/schedule";
import { isTimeZone, startOfDay } from "@/lib/progress/timezone";
import type { StreakSummary } from "@/lib/progress/streak";
import { db } from "../db";
import { AppError } from "../errors";
import { queryDashboard, queryDueCount, querySettings, queryStreak } from "./dashboard-queries";
import type { UserDto } from "./users";

// Progress that sticks: mastery aggregates, the review card and the streak day all change in the
// transaction that stores a graded attempt, so the dashboard reads a handful of small rows.

type Tx = Prisma.TransactionClient;
const DAY_MS = 86_400_000;

export interface AttemptProgressInput {
  userId: string;
  templateId: string;
  variantId?: string;
  attemptId?: string;
  topic: string;
  tags?: readonly string[];
  score: number;
  correct: boolean;
  attemptNumber: number;
  hintsUsed: number;
  at: Date;
}

export type { ProgressSettingsDto };
export { DEFAULT_SETTINGS };

export async function readSettings(client: Tx | typeof db, userId: string): Promise<ProgressSettingsDto> {
  return querySettings(client, userId);
}

/**
 * Topic and tag mastery in one INSERT … ON CONFLICT DO UPDATE: a first attempt creates the row, a
 * later one increments it and moves the EMA from the stored value, atomically (the row is locked while
 * the statement updates it, so concurrent attempts cannot lose each other's update, and a lost insert
 * race does not abort the transaction). Rows are listed in a fixed order (topic, then sorted tags), so
 * concurrent transactions lock them in the same order. Both providers accept this statement.
 */
async function bumpMastery(
  tx: Tx,
  userId: string,
  keys: { kind: "topic" | "tag"; key: string }[],
  score: number,
  at: Date,
): Promise<void> {
  // nextEma's formula, alpha·s + (1 − alpha)·previous, with the same operands and order, so the stored
  // value is bit-for-bit what nextEma computes; the first attempt seeds the average with its score.
  const first = nextEma(null, score);
  const weighted = MASTERY_ALPHA * score;
  const keep = 1 - MASTERY_ALPHA;
  const rows = keys.map(
    (k) => Prisma.sql`(${randomUUID()}, ${userId}, ${k.kind}, ${k.key}, 1, ${score}, ${first}, ${at})`,
  );
  await tx.$executeRaw`
    INSERT INTO "Mastery" ("id", "userId", "kind", "key", "attempts", "scoreSum", "ema", "lastAttemptAt")
    VALUES ${Prisma.join(rows)}
    ON CONFLICT ("userId", "kind", "key") DO UPDATE SET
      "attempts" = "Mastery"."attempts" + 1,
      "scoreSum" = "Mastery"."scoreSum" + excluded."scoreSum",
      "ema" = CASE WHEN "Mastery"."ema" IS NULL THEN excluded."ema" ELSE ${weighted} + ${keep} * "Mastery"."ema" END,
      "lastAttemptAt" = excluded."lastAttemptAt"`;
}

function cardFromRow(row: {
  due: Date;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: number;
  lastReview: Date | null;
}): CardState {
  return { ...row, due: row.due.toISOString(), lastReview: row.lastReview ? row.lastReview.toISOString() : null };
}

type CardRow = Parameters<typeof cardFromRow>[0];

// The review card is read and written on every graded attempt, so both are single raw statements:
// through Prisma's query builder each cost several times the statement itself.

async function findCard(tx: Tx, userId: string, templateId: string): Promise<CardRow | null> {
  const [row] = await tx.$queryRaw<CardRow[]>`
    SELECT "due", "stability", "difficulty", "scheduledDays", "learningSteps", "reps", "lapses", "state", "lastReview"
    FROM "ReviewCard" WHERE "userId" = ${userId} AND "templateId" = ${templateId}`;
  return row ?? null;
}

/** Creates the card or replaces its schedule; `at` stamps createdAt (new cards) and updatedAt. */
async function saveCard(tx: Tx, userId: string, templateId: string, card: CardState, at: Date): Promise<void> {
  const due = new Date(card.due);
  const lastReview = card.lastReview ? new Date(card.lastReview) : null;
  await tx.$executeRaw`
    INSERT INTO "ReviewCard" ("id", "userId", "templateId", "due", "stability", "difficulty", "scheduledDays", "learningSteps", "reps", "lapses", "state", "lastReview", "createdAt", "updatedAt")
    VALUES (${randomUUID()}, ${userId}, ${templateId}, ${due}, ${card.stability}, ${card.difficulty}, ${card.scheduledDays}, ${card.learningSteps}, ${card.reps}, ${card.lapses}, ${card.state}, ${lastReview}, ${at}, ${at})
    ON CONFLICT ("userId", "templateId") DO UPDATE SET
      "due" = excluded."due", "stability" = excluded."stability", "difficulty" = excluded."difficulty",
      "scheduledDays" = excluded."scheduledDays", "learningSteps" = excluded."learningSteps", "reps" = excluded."reps",
      "lapses" = excluded."lapses", "state" = excluded."state", "lastReview" = excluded."lastReview", "updatedAt" = excluded."updatedAt"`;
}

/** Cards due per day number in the window a review interval may be moved within. */
async function loadAround(
  tx: Tx,
  userId: string,
  from: Date,
  range: { min: number; max: number },
  timeZone: string,
): Promise<Map<number, number>> {
  const rows = await tx.reviewCard.findMany({
    where: {
      userId,
      due: {
        gte: new Date(from.getTime() + (range.min - 1) * DAY_MS),
        lt: new Date(from.getTime() + (range.max + 2) * DAY_MS),
      },
    },
    select: { due: true },
  });
  const load = new Map<number, number>();
  for (const r of rows) {
    const d = dayNumber(r.due, timeZone);
    load.set(d, (load.get(d) ?? 0) + 1);
  }
  return load;
}

/**
 * Called inside submitAttempt's transaction, after the attempt row is created, for attempts that count
 * now (not practice, not a mock interview's answer: those wait for the interview's end, applyMockProgress).
 */
export async function recordAttemptProgress(tx: Tx, input: AttemptProgressInput): Promise<void> {
  await applyAttemptProgress(tx, input, clampScore(input.score));
}

async function applyAttemptProgress(tx: Tx, input: AttemptProgressInput, score: number): Promise<void> {
  const { at, userId } = input;

  // Lock order: topic row, then tag rows (sorted), then the card, then the day; the same for everyone.
  const tags = [...new Set(input.tags ?? [])].sort().slice(0, 20);
  await bumpMastery(
    tx,
    userId,
    [{ kind: "topic", key: input.topic }, ...tags.map((key) => ({ kind: "tag" as const, key }))],
    score,
    at,
  );

  const settings = await readSettings(tx, userId);
  const zone = settings.timeZone;
  const today = dayNumber(at, zone);
  const endOfToday = startOfDay(today + 1, zone);

  // The topic row lock above serialises attempts on the same template, so find-then-create is safe.
  const existing = await findCard(tx, userId, input.templateId);
  // A due card counts as one review done per day, however often it is retried that day.
  const wasDue =
    existing !== null &&
    existing.due < endOfToday &&
    (existing.lastReview === null || dayNumber(existing.lastReview, zone) < today);
  // Raw SQL for these two aggregates: Prisma's query builder costs several times the statement. COUNT
  // comes back as a BigInt (SQLite) or a bigint string (pg), MIN as text (SQLite) or a Date (pg).
  const [due] = await tx.$queryRaw<
    { n: bigint | number | string }[]
  >`SELECT COUNT(*) AS "n" FROM "ReviewCard" WHERE "userId" = ${userId} AND "due" < ${endOfToday}`;
  const dueBefore = Number(due?.n ?? 0);

  const rating = ratingFor({ score, attemptNumber: input.attemptNumber, hintsUsed: input.hintsUsed });
  const current: CardState = existing ? cardFromRow(existing) : newCardState(at);
  const planned = scheduleReview(current, rating, at, { retention: settings.retention, timeZone: zone });
  let next = planned.card;
  const range = balanceRange(
    planned.plannedDays,
    current.lastReview ? Math.floor((at.getTime() - Date.parse(current.lastReview)) / DAY_MS) : 0,
  );
  if (range && next.state === 2) {
    const load = await loadAround(tx, userId, at, range, zone);
    next = scheduleReview(current, rating, at, {
      retention: settings.retention,
      timeZone: zone,
      loadByDay: load,
    }).card;
  }
  // A wrong answer is due again right away: it shows in "Review now" at once.
  if (rating === "again") next = { ...next, due: at.toISOString() };
  // With an interview date set, a card FSRS would bring back only after the day comes back before it.
  const plan = await tx.progressSettings.findUnique({ where: { userId }, select: { interviewDate: true } });
  if (plan?.interviewDate && plan.interviewDate > at)
    next = { ...next, due: dueForInterview(next, plan.interviewDate, at).toISOString() };
  await saveCard(tx, userId, input.templateId, next, at);

  const [earliest] = await tx.$queryRaw<
    { due: Date | string | null }[]
  >`SELECT MIN("due") AS "due" FROM "ReviewCard" WHERE "userId" = ${userId}`;
  const nextDue = earliest?.due ? { due: new Date(earliest.due) } : null;
  // The day's first attempt creates the row with the due count at its start; later ones add to it.
  await tx.$executeRaw`
    INSERT INTO "StreakDay" ("id", "userId", "day", "attempts", "reviewsDone", "dueAtStart", "nextDueDay")
    VALUES (${randomUUID()}, ${userId}, ${today}, 1, ${wasDue ? 1 : 0}, ${dueBefore}, ${nextDue ? dayNumber(nextDue.due, zone) : null})
    ON CONFLICT ("userId", "day") DO UPDATE SET
      "attempts" = "StreakDay"."attempts" + 1,
      "reviewsDone" = "StreakDay"."reviewsDone" + excluded."reviewsDone",
      "nextDueDay" = excluded."nextDueDay"`;
}

/**
 * A mock answer is recorded once, before the deadline; true when the attempt was one. The session's
 * difficulty does not move while it runs: the next question's difficulty would tell the student how the
 * last answer went.
 */
/**
 * When a mock interview ends (called once, in the transaction that marks it ended): its answers reach
 * mastery, review cards and streaks as if made then in order, and the session's difficulty takes the
 * value adapting to them would have given.
 */
export async function applyMockProgress(tx: Tx, sessionId: string): Promise<void> {
  const session = await tx.mockSession.findUniqueOrThrow({
    where: { id: sessionId },
    select: { userId: true, difficulty: true },
  });
  const items = await tx.mockItem.findMany({
    where: { sessionId, attemptId: { not: null } },
    orderBy: { position: "asc" },
    select: { attemptId: true, variantId: true },
  });
  let difficulty = session.difficulty;
  for (const item of items) {
    const attempt = await tx.attempt.findUnique({
      where: { id: item.attemptId! },
      select: {
        id: true,
        templateId: true,
        score: true,
        correct: true,
        attemptNumber: true,
        hintsUsed: true,
        createdAt: true,
        template: { select: { topic: true, tags: true } },
      },
    });
    if (!attempt) continue;
    const tags = JSON.parse(attempt.template.tags) as unknown;
    await applyAttemptProgress(
      tx,
      {
        userId: session.userId,
        templateId: attempt.templateId,
        variantId: item.variantId,
        attemptId: attempt.id,
        topic: attempt.template.topic,
        tags: Array.isArray(tags) ? tags.filter((t): t is string => typeof t === "string") : [],
        score: attempt.score,
        correct: attempt.correct,
        attemptNumber: attempt.attemptNumber,
        hintsUsed: attempt.hintsUsed,
        at: attempt.createdAt,
      },
      clampScore(attempt.score),
    );
    difficulty = nextDifficulty(difficulty, attempt.correct);
  }
  await tx.mockSession.update({ where: { id: sessionId }, data: { difficulty } });
}

export type { DashboardData, TagProgress, TopicProgress } from "@/lib/progress/dashboard";

/** Everything the dashboard shows, from aggregates only: its cost does not grow with the number of attempts. */
export async function getDashboard(user: UserDto, now = new Date()): Promise<DashboardData> {
  return queryDashboard(db, user.id, now);
}

export async function countDue(user: UserDto, now = new Date()): Promise<number> {
  return queryDueCount(db, user.id, now);
}

export async function getStreak(user: UserDto, timeZone: string, now = new Date()): Promise<StreakSummary> {
  return queryStreak(db, user.id, timeZone, now);
}

export interface SettingsPatch {
  retention?: number;
  streaksEnabled?: boolean;
  timeZone?: string;
}

export async function updateSettings(user: UserDto, patch: SettingsPatch): Promise<ProgressSettingsDto> {
  if (patch.retention !== undefined && !isValidRetention(patch.retention))
    throw new AppError("INVALID_INPUT", "retention: must be between 0.7 and 0.97");
  if (patch.timeZone !== undefined && !isTimeZone(patch.timeZone))
    throw new AppError("INVALID_INPUT", "timeZone: must be an IANA time zone name such as Europe/Berlin", {
      timeZone: ["unknown time zone"],
    });
  const row = await db.progressSettings.upsert({
    where: { userId: user.id },
    create: { userId: user.id, ...DEFAULT_SETTINGS, ...patch },
    update: patch,
  });
  return { retention: row.retention, streaksEnabled: row.streaksEnabled, timeZone: row.timeZone };
}

export async function getProgressSettings(user: UserDto): Promise<ProgressSettingsDto> {
  return readSettings(db, user.id);
}
