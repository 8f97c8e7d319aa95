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

// Names are sorted here, not by the database, so both providers order them alike; one collator
// serves every comparison (localeCompare builds one per call).
const byName = new Intl.Collator("en").compare;

interface BestRow {
  userId: string;
  templateId: string;
  attempts: number | bigint;
  bestScore: number;
  solved: number | bigint | boolean;
}

/**
 * Progress by student and topic, and per assigned question the class's mean best score and
 * discrimination (upper-lower 27% and point-biserial against each student's mean best score over the
 * assigned questions they tried). Reads the class's QuestionBest rows, one per (student, question),
 * in a single statement: its cost follows students × questions tried, not the number of attempts.
 */
export async function queryClassProgress(db: Db, cls: { id: string; name: string }): Promise<ClassProgressDto> {
  const classId = cls.id;
  const [members, assignments, bests] = await Promise.all([
    db.classMember.findMany({ where: { classId }, select: { user: { select: { id: true, name: true, email: true } } } }),
    db.assignment.findMany({ where: { classId }, select: { slugs: true }, orderBy: { createdAt: "asc" } }),
    // Integers may come back as bigint (PostgreSQL, and SQLite through raw queries): Number() below.
    db.$queryRaw<BestRow[]>`
      SELECT b."userId" AS "userId", b."templateId" AS "templateId", b."attempts" AS "attempts", b."bestScore" AS "bestScore",
        CASE WHEN b."correctAt" IS NULL THEN 0 ELSE 1 END AS "solved"
      FROM "QuestionBest" b
      JOIN "ClassMember" m ON m."userId" = b."userId" AND m."classId" = ${classId}`,
  ]);
  const slugs = [...new Set(assignments.flatMap((a) => JSON.parse(a.slugs) as string[]))];
  const triedIds = [...new Set(bests.map((b) => b.templateId))];
  const templates = await db.questionTemplate.findMany({ where: { OR: [{ slug: { in: slugs } }, { id: { in: triedIds } }] }, select: { id: true, slug: true, title: true, topic: true } });
  const byId = new Map(templates.map((t) => [t.id, t]));
  const assignedSlugs = new Set(slugs);

  interface Tally {
    attempts: number;
    tried: number;
    solved: number;
    bestSum: number;
    topics: Map<string, { n: number; sum: number }>;
    assigned: Record<string, number>;
  }
  const tallies = new Map<string, Tally>();
  const itemScores = new Map<string, { userId: string; item: number }[]>();
  for (const b of bests) {
    const t = byId.get(b.templateId);
    if (!t) continue;
    let tally = tallies.get(b.userId);
    if (!tally) tallies.set(b.userId, (tally = { attempts: 0, tried: 0, solved: 0, bestSum: 0, topics: new Map(), assigned: {} }));
    tally.attempts += Number(b.attempts);
    tally.tried += 1;
    tally.solved += Number(b.solved);
    tally.bestSum += b.bestScore;
    const topic = tally.topics.get(t.topic) ?? { n: 0, sum: 0 };
    topic.n += 1;
    topic.sum += b.bestScore;
    tally.topics.set(t.topic, topic);
    if (assignedSlugs.has(t.slug)) {
      tally.assigned[t.slug] = b.bestScore;
      const items = itemScores.get(t.slug) ?? [];
      items.push({ userId: b.userId, item: b.bestScore });
      itemScores.set(t.slug, items);
    }
  }

  const students = members
    .map((m) => m.user)
    .sort((a, b) => byName(a.name, b.name) || byName(a.email, b.email))
    .map((u) => {
      const tally = tallies.get(u.id);
      const topics: Record<string, number | null> = Object.fromEntries(TOPICS.map((t) => [t.slug, null]));
      for (const [topic, x] of tally?.topics ?? []) topics[topic] = x.sum / x.n;
      return {
        ...u,
        attempts: tally?.attempts ?? 0,
        tried: tally?.tried ?? 0,
        solved: tally?.solved ?? 0,
        meanBest: tally?.tried ? tally.bestSum / tally.tried : null,
        topics,
        assigned: Object.fromEntries(slugs.map((s) => [s, tally?.assigned[s] ?? null])),
      };
    });

  // The criterion for discrimination: each student's mean best score over the assigned questions they tried.
  const totals = new Map<string, number>();
  for (const [userId, tally] of tallies) {
    const scores = Object.values(tally.assigned);
    if (scores.length) totals.set(userId, scores.reduce((s, x) => s + x, 0) / scores.length);
  }
  const questions: ClassQuestionRow[] = slugs.flatMap((slug) => {
    const t = templates.find((x) => x.slug === slug);
    if (!t) return [];
    const rows = (itemScores.get(slug) ?? []).map((r) => ({ item: r.item, total: totals.get(r.userId)! }));
    return [
      {
        slug,
        title: t.title,
        students: rows.length,
        meanBest: rows.length ? rows.reduce((s, r) => s + r.item, 0) / rows.length : null,
        discrimination: upperLowerIndex(rows),
        pointBiserial: pointBiserial(rows),
      },
    ];
  });

  return { classId: cls.id, className: cls.name, topics: TOPICS.map((t) => ({ slug: t.slug, short: t.short })), students, questions };
}
