import "server-only";
// The dashboard's reads, taking the Prisma client as a parameter so the benchmark (run with the
// react-server condition) times exactly the queries the page runs. Only aggregate rows are read
// (mastery rows, one indexed count, ≤400 streak days): the cost does not grow with the number of attempts.
import type { Db } from "@/lib/db/client";
import {
  type DashboardData,
  DEFAULT_SETTINGS,
  dashboardFrom,
  type ProgressSettingsDto,
} from "@/lib/progress/dashboard";
import { dayNumber } from "@/lib/progress/schedule";
import { TOPIC_SLUGS } from "@/lib/topics";
import { computeStreak, STREAK_LOOKBACK_DAYS, type StreakSummary } from "@/lib/progress/streak";

type Client = Pick<Db, "mastery" | "reviewCard" | "streakDay" | "topic" | "$queryRaw">;

/** Raw SQL: every graded attempt reads the settings, and the query builder costs several times the statement. */
export async function querySettings(client: Pick<Db, "$queryRaw">, userId: string): Promise<ProgressSettingsDto> {
  const [row] = await client.$queryRaw<
    { retention: number; streaksEnabled: boolean | number | bigint; timeZone: string }[]
  >`
    SELECT "retention", "streaksEnabled", "timeZone" FROM "ProgressSettings" WHERE "userId" = ${userId}`;
  // SQLite has no boolean type: a driver may hand back 0/1.
  return row
    ? { retention: row.retention, streaksEnabled: Boolean(row.streaksEnabled), timeZone: row.timeZone }
    : DEFAULT_SETTINGS;
}

export async function queryDueCount(client: Pick<Db, "reviewCard">, userId: string, now: Date): Promise<number> {
  return client.reviewCard.count({ where: { userId, due: { lte: now } } });
}

export async function queryStreak(
  client: Pick<Db, "streakDay">,
  userId: string,
  timeZone: string,
  now: Date,
): Promise<StreakSummary> {
  const today = dayNumber(now, timeZone);
  const days = await client.streakDay.findMany({
    where: { userId, day: { gt: today - STREAK_LOOKBACK_DAYS, lte: today } },
    orderBy: { day: "asc" },
    select: { day: true, attempts: true, reviewsDone: true, dueAtStart: true, nextDueDay: true },
  });
  return computeStreak(days, today);
}

export async function queryDashboard(
  client: Client,
  userId: string,
  now: Date,
  options: { forceStreak?: boolean } = {},
): Promise<DashboardData> {
  const [rows, dueCount, settings] = await Promise.all([
    client.mastery.findMany({ where: { userId }, orderBy: [{ kind: "asc" }, { key: "asc" }] }),
    queryDueCount(client, userId, now),
    querySettings(client, userId),
  ]);
  const streak =
    settings.streaksEnabled || options.forceStreak ? await queryStreak(client, userId, settings.timeZone, now) : null;
  // Mastery rows of a topic outside the eight are a lecturer topic's (one deleted since has no row left).
  const builtIn = new Set<string>(TOPIC_SLUGS);
  const custom = rows.filter((r) => r.kind === "topic" && !builtIn.has(r.key)).map((r) => r.key);
  const lecturerTopics = custom.length
    ? await client.topic.findMany({
        where: { slug: { in: custom } },
        select: { slug: true, name: true },
        orderBy: { name: "asc" },
      })
    : [];
  return dashboardFrom(rows, dueCount, settings, streak, lecturerTopics);
}
