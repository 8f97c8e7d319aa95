// The dashboard's reads, taking the Prisma client as a parameter so the benchmark can time exactly the
// queries the page runs. Only aggregate rows are read (mastery rows, one indexed count, ≤400 streak days):
// the cost does not grow with the number of attempts.
import type { Db } from "@/lib/db/client";
import { TOPICS } from "@/lib/topics";
import { masteryPercent, weakestFirst } from "./mastery";
import { DEFAULT_RETENTION, dayNumber } from "./schedule";
import { computeStreak, STREAK_LOOKBACK_DAYS, type StreakSummary } from "./streak";

export interface ProgressSettingsDto {
  retention: number;
  streaksEnabled: boolean;
  utcOffsetMinutes: number;
}

export const DEFAULT_SETTINGS: ProgressSettingsDto = { retention: DEFAULT_RETENTION, streaksEnabled: false, utcOffsetMinutes: 0 };

export interface TopicProgress {
  slug: string;
  title: string;
  short: string;
  attempts: number;
  /** 0..100, null when not started. */
  percent: number | null;
  lastAttemptAt: string | null;
}

export interface TagProgress {
  tag: string;
  attempts: number;
  percent: number | null;
}

export interface DashboardData {
  topics: TopicProgress[];
  /** Started topics, weakest first, at most three. */
  weakest: TopicProgress[];
  tags: TagProgress[];
  dueCount: number;
  settings: ProgressSettingsDto;
  /** Null while streaks are off. */
  streak: StreakSummary | null;
}

type Client = Pick<Db, "mastery" | "reviewCard" | "streakDay" | "$queryRaw">;

/** Raw SQL: every graded attempt reads the settings, and the query builder costs several times the statement. */
export async function querySettings(client: Pick<Db, "$queryRaw">, userId: string): Promise<ProgressSettingsDto> {
  const [row] = await client.$queryRaw<{ retention: number; streaksEnabled: boolean | number | bigint; utcOffsetMinutes: number }[]>`
    SELECT "retention", "streaksEnabled", "utcOffsetMinutes" FROM "ProgressSettings" WHERE "userId" = ${userId}`;
  // SQLite has no boolean type: a driver may hand back 0/1.
  return row ? { retention: row.retention, streaksEnabled: Boolean(row.streaksEnabled), utcOffsetMinutes: row.utcOffsetMinutes } : DEFAULT_SETTINGS;
}

export async function queryDueCount(client: Pick<Db, "reviewCard">, userId: string, now: Date): Promise<number> {
  return client.reviewCard.count({ where: { userId, due: { lte: now } } });
}

export async function queryStreak(client: Pick<Db, "streakDay">, userId: string, utcOffsetMinutes: number, now: Date): Promise<StreakSummary> {
  const today = dayNumber(now, utcOffsetMinutes);
  const days = await client.streakDay.findMany({
    where: { userId, day: { gt: today - STREAK_LOOKBACK_DAYS, lte: today } },
    orderBy: { day: "asc" },
    select: { day: true, attempts: true, reviewsDone: true, dueAtStart: true, nextDueDay: true },
  });
  return computeStreak(days, today);
}

export async function queryDashboard(client: Client, userId: string, now: Date, options: { forceStreak?: boolean } = {}): Promise<DashboardData> {
  const [rows, dueCount, settings] = await Promise.all([
    client.mastery.findMany({ where: { userId }, orderBy: [{ kind: "asc" }, { key: "asc" }] }),
    queryDueCount(client, userId, now),
    querySettings(client, userId),
  ]);
  const byTopic = new Map(rows.filter((r) => r.kind === "topic").map((r) => [r.key, r]));
  const topics: TopicProgress[] = TOPICS.map((t) => {
    const m = byTopic.get(t.slug);
    return {
      slug: t.slug,
      title: t.title,
      short: t.short,
      attempts: m?.attempts ?? 0,
      percent: masteryPercent(m?.ema ?? null),
      lastAttemptAt: m?.lastAttemptAt?.toISOString() ?? null,
    };
  });
  const tags = rows.filter((r) => r.kind === "tag").map((r) => ({ tag: r.key, attempts: r.attempts, percent: masteryPercent(r.ema) }));
  const weakest = weakestFirst(topics.map((t) => ({ ...t, topic: t.slug })))
    .filter((t) => t.percent !== null)
    .slice(0, 3)
    .map(({ topic: _topic, ...t }) => t);
  const streak = settings.streaksEnabled || options.forceStreak ? await queryStreak(client, userId, settings.utcOffsetMinutes, now) : null;
  return { topics, weakest, tags, dueCount, settings, streak };
}
