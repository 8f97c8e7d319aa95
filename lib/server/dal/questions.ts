import "server-only";
import { db } from "../db";
import type { UserDto } from "./users";

export interface PracticeQuestion {
  slug: string;
  title: string;
  type: string;
  difficulty: number;
  tags: string[];
  bestScore: number | null;
  attempts: number;
}

/** Published questions of one topic, easiest first, with the student's best score on each. */
export async function listPracticeQuestions(user: UserDto, topic: string): Promise<PracticeQuestion[]> {
  const templates = await db.questionTemplate.findMany({
    where: { topic, status: "PUBLISHED" },
    orderBy: [{ difficulty: "asc" }, { title: "asc" }],
    select: { id: true, slug: true, title: true, type: true, difficulty: true, tags: true },
  });
  const stats = await db.attempt.groupBy({
    by: ["templateId"],
    where: { userId: user.id, templateId: { in: templates.map((t) => t.id) } },
    _max: { score: true },
    _count: { _all: true },
  });
  const byTemplate = new Map(stats.map((s) => [s.templateId, s]));
  return templates.map((t) => ({
    slug: t.slug,
    title: t.title,
    type: t.type,
    difficulty: t.difficulty,
    tags: JSON.parse(t.tags) as string[],
    bestScore: byTemplate.get(t.id)?._max.score ?? null,
    attempts: byTemplate.get(t.id)?._count._all ?? 0,
  }));
}

/** Published question counts per topic. */
export async function countPublishedByTopic(): Promise<Record<string, number>> {
  const rows = await db.questionTemplate.groupBy({
    by: ["topic"],
    where: { status: "PUBLISHED" },
    _count: { _all: true },
  });
  return Object.fromEntries(rows.map((r) => [r.topic, r._count._all]));
}
