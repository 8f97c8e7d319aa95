// What the dashboard shows, assembled from aggregate rows (mastery rows, one count, the settings and
// the streak). Pure: lib/server/dal/dashboard-queries.ts reads the rows.
import { TOPICS } from "@/lib/topics";
import { masteryPercent, weakestFirst } from "./mastery";
import { DEFAULT_RETENTION } from "./schedule";
import type { StreakSummary } from "./streak";
import { DEFAULT_TIME_ZONE } from "./timezone";

export interface ProgressSettingsDto {
  retention: number;
  streaksEnabled: boolean;
  /** IANA name; the student's calendar days (streaks, "due today") are this zone's days. */
  timeZone: string;
}

export const DEFAULT_SETTINGS: ProgressSettingsDto = {
  retention: DEFAULT_RETENTION,
  streaksEnabled: false,
  timeZone: DEFAULT_TIME_ZONE,
};

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

export interface MasteryRow {
  kind: string;
  key: string;
  attempts: number;
  ema: number | null;
  lastAttemptAt: Date | null;
}

/**
 * Topics in the catalogue's order (untouched ones included), then the lecturer-defined topics the student
 * has practised (issue #24; `lecturerTopics` names them), tags, and the three weakest started topics.
 */
export function dashboardFrom(
  rows: readonly MasteryRow[],
  dueCount: number,
  settings: ProgressSettingsDto,
  streak: StreakSummary | null,
  lecturerTopics: readonly { slug: string; name: string }[] = [],
): DashboardData {
  const byTopic = new Map(rows.filter((r) => r.kind === "topic").map((r) => [r.key, r]));
  const catalogue = [
    ...TOPICS,
    ...lecturerTopics
      .filter((t) => byTopic.has(t.slug) && !TOPICS.some((b) => b.slug === t.slug))
      .map((t) => ({ slug: t.slug, title: t.name, short: t.name })),
  ];
  const topics: TopicProgress[] = catalogue.map((t) => {
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
  const tags = rows
    .filter((r) => r.kind === "tag")
    .map((r) => ({ tag: r.key, attempts: r.attempts, percent: masteryPercent(r.ema) }));
  const weakest = weakestFirst(topics.map((t) => ({ ...t, topic: t.slug })))
    .filter((t) => t.percent !== null)
    .slice(0, 3)
    .map(({ topic: _topic, ...t }) => t);
  return { topics, weakest, tags, dueCount, settings, streak };
}
