// The read side of instructor analytics, taking the client as a parameter so the benchmark times the
// same queries the pages run. Callers authorize first (lib/server/dal/analytics.ts).
import type { Db } from "@/lib/db/client";
import { TOPICS } from "@/lib/topics";
import { pointBiserial, upperLowerIndex } from "./discrimination";
import type { ClassProgressDto, ClassQuestionRow, QuestionAnalyticsDto } from "./dto";
import { statsFromCounters } from "./item-stats";

export async function queryQuestionAnalytics(db: Db, t: { id: string; slug: string; title: string; type: string; topic: string }, topWrong = 10): Promise<QuestionAnalyticsDto> {
  const [stat, groups] = await Promise.all([
    db.questionStat.findUnique({ where: { templateId: t.id } }),
    db.wrongAnswerGroup.findMany({ where: { templateId: t.id }, orderBy: [{ count: "desc" }, { key: "asc" }], take: topWrong }),
  ]);
  const counters = stat ?? { attempts: 0, scoreSum: 0, firstAttempts: 0, firstScoreSum: 0, solvedVariants: 0, attemptsToSolve: 0 };
  return {
    slug: t.slug,
    title: t.title,
    type: t.type,
    topic: t.topic,
    stats: statsFromCounters(counters),
    wrongAnswers: groups.map((g) => ({ key: g.key, label: g.label, sample: g.sample, count: g.count })),
  };
}

export async function queryClassProgress(db: Db, cls: { id: string; name: string }): Promise<ClassProgressDto> {
  const classId = cls.id;
  const ids = (await db.classMember.findMany({ where: { classId }, select: { userId: true } })).map((m) => m.userId);
  const [users, mastery, assignments] = await Promise.all([
    db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, email: true }, orderBy: { name: "asc" } }),
    db.mastery.findMany({ where: { userId: { in: ids }, kind: "topic" }, select: { userId: true, key: true, attempts: true, scoreSum: true } }),
    db.assignment.findMany({ where: { classId }, select: { slugs: true } }),
  ]);
  const slugs = [...new Set(assignments.flatMap((a) => JSON.parse(a.slugs) as string[]))];
  const templates = await db.questionTemplate.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true, title: true } });
  const best = ids.length && templates.length
    ? await db.attempt.groupBy({ by: ["userId", "templateId"], where: { userId: { in: ids }, templateId: { in: templates.map((t) => t.id) } }, _max: { score: true } })
    : [];

  const byUser = new Map<string, Map<string, { attempts: number; scoreSum: number }>>();
  for (const m of mastery) {
    if (!byUser.has(m.userId)) byUser.set(m.userId, new Map());
    byUser.get(m.userId)!.set(m.key, m);
  }
  const totals = new Map<string, { sum: number; n: number }>();
  for (const b of best) {
    const t = totals.get(b.userId) ?? { sum: 0, n: 0 };
    t.sum += b._max.score ?? 0;
    t.n += 1;
    totals.set(b.userId, t);
  }
  const questions: ClassQuestionRow[] = templates.map((t) => {
    const rows = best.filter((b) => b.templateId === t.id).map((b) => {
      const tot = totals.get(b.userId)!;
      return { item: b._max.score ?? 0, total: tot.sum / tot.n };
    });
    return {
      slug: t.slug,
      title: t.title,
      students: rows.length,
      meanBest: rows.length ? rows.reduce((s, r) => s + r.item, 0) / rows.length : null,
      discrimination: upperLowerIndex(rows),
      pointBiserial: pointBiserial(rows),
    };
  });
  questions.sort((a, b) => slugs.indexOf(a.slug) - slugs.indexOf(b.slug));

  return {
    classId: cls.id,
    className: cls.name,
    topics: TOPICS.map((t) => ({ slug: t.slug, short: t.short })),
    students: users.map((u) => {
      const mine = byUser.get(u.id) ?? new Map<string, { attempts: number; scoreSum: number }>();
      let attempts = 0;
      let sum = 0;
      const topics: Record<string, number | null> = {};
      for (const t of TOPICS) {
        const m = mine.get(t.slug);
        topics[t.slug] = m && m.attempts ? m.scoreSum / m.attempts : null;
        attempts += m?.attempts ?? 0;
        sum += m?.scoreSum ?? 0;
      }
      return { ...u, attempts, meanScore: attempts ? sum / attempts : null, topics };
    }),
    questions,
  };
}
