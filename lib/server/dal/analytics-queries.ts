import "server-only";
// The read side of instructor analytics, taking the client as a parameter so the benchmark (run with
// the react-server condition) times the same queries the pages run. Callers authorize first
// (lib/server/dal/analytics.ts); the arithmetic is lib/analytics's pure code.
import type { Db } from "@/lib/db/client";
import { TOPICS } from "@/lib/topics";
import { asRules, rulesDto } from "@/lib/analytics/assessment";
import {
  type CountedAttempt,
  type GradedAssignment,
  gradeAssignment,
  type StudentAssignmentGrade,
} from "@/lib/analytics/assignment-grades";
import { discriminationOf, MIN_DISCRIMINATION_N } from "@/lib/analytics/discrimination";
import type { ClassProgressDto, ClassQuestionRow, QuestionAnalyticsDto } from "@/lib/analytics/dto";
import type { Answer, GradeReport } from "@/lib/engine/questions";
import { EMPTY_COUNTERS, itemStats, statsFromCounters } from "@/lib/analytics/item-stats";
import { groupWrongAnswers } from "@/lib/analytics/wrong-answers";
import { countMisconceptions } from "@/lib/analytics/misconceptions";

/** Counted attempts of the assignments (optionally of some students only), oldest first. */
export async function queryAssignmentAttempts(
  db: Db,
  assignmentIds: readonly string[],
  userIds?: readonly string[],
): Promise<CountedAttempt[]> {
  if (assignmentIds.length === 0 || userIds?.length === 0) return [];
  const rows = await db.attempt.findMany({
    where: {
      practice: false,
      variant: { assignmentId: { in: [...assignmentIds] } },
      ...(userIds ? { userId: { in: [...userIds] } } : {}),
    },
    select: {
      id: true,
      userId: true,
      templateId: true,
      score: true,
      hintsUsed: true,
      createdAt: true,
      variant: { select: { assignmentId: true } },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map((r) => ({
    id: r.id,
    userId: r.userId,
    templateId: r.templateId,
    assignmentId: r.variant.assignmentId!,
    score: r.score,
    hintsUsed: r.hintsUsed,
    createdAt: r.createdAt,
  }));
}

/** Whose attempts a question's analysis covers; the caller (lib/server/dal/analytics.ts) authorizes it. */
export type AnalyticsScope =
  | { kind: "class"; id: string; label: string; memberIds: string[] }
  | { kind: "assignment"; id: string; label: string; memberIds: string[]; assignment: GradedAssignment }
  | { kind: "none" };

/**
 * One question's item analysis over the scope only: a class's members, or an assignment's own attempts
 * (never every user of the platform). Practice attempts are left out. Discrimination compares each
 * student's FIRST attempt at the question with their mean first-attempt score over the scope's
 * questions (class: every question they tried; assignment: its questions), from MIN_DISCRIMINATION_N
 * students up. Reads the scope's attempts at the question: its cost follows the class, not the platform.
 */
export async function queryQuestionAnalytics(
  db: Db,
  t: { id: string; slug: string; title: string; type: string; topic: string },
  scope: AnalyticsScope,
  topWrong = 10,
): Promise<Omit<QuestionAnalyticsDto, "scopes">> {
  const base = { slug: t.slug, title: t.title, type: t.type, topic: t.topic, minDiscriminationN: MIN_DISCRIMINATION_N };
  if (scope.kind === "none") {
    return {
      ...base,
      scope: { kind: "none", id: null, label: "no class" },
      stats: statsFromCounters(EMPTY_COUNTERS),
      students: 0,
      discrimination: null,
      pointBiserial: null,
      wrongAnswers: [],
      misconceptions: [],
    };
  }
  const where =
    scope.kind === "class"
      ? { templateId: t.id, practice: false, userId: { in: scope.memberIds } }
      : {
          templateId: t.id,
          practice: false,
          userId: { in: scope.memberIds },
          variant: { assignmentId: scope.id },
          createdAt: { gte: scope.assignment.createdAt },
        };
  const attempts = await db.attempt.findMany({
    where,
    select: {
      id: true,
      userId: true,
      variantId: true,
      attemptNumber: true,
      score: true,
      correct: true,
      answer: true,
      report: true,
      createdAt: true,
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const firstOf = new Map<string, number>();
  for (const a of attempts) if (!firstOf.has(a.userId)) firstOf.set(a.userId, a.score);

  const totals = new Map<string, number>();
  if (scope.kind === "class") {
    const rows = await db.questionBest.findMany({
      where: { userId: { in: [...firstOf.keys()] } },
      select: { userId: true, firstScore: true },
    });
    const sums = new Map<string, { n: number; sum: number }>();
    for (const r of rows) {
      const x = sums.get(r.userId) ?? { n: 0, sum: 0 };
      x.n += 1;
      x.sum += r.firstScore;
      sums.set(r.userId, x);
    }
    for (const [userId, x] of sums) totals.set(userId, x.sum / x.n);
  } else {
    const templates = await db.questionTemplate.findMany({
      where: { slug: { in: scope.assignment.slugs } },
      select: { id: true, slug: true },
    });
    const counted = await queryAssignmentAttempts(db, [scope.id], [...firstOf.keys()]);
    for (const [userId, g] of gradeAssignment(
      scope.assignment,
      new Map(templates.map((x) => [x.id, x.slug])),
      counted,
    )) {
      const firsts = Object.values(g.questions).flatMap((q) => (q.first === null ? [] : [q.first]));
      if (firsts.length) totals.set(userId, firsts.reduce((x, y) => x + y, 0) / firsts.length);
    }
  }
  const rows = [...firstOf].flatMap(([userId, item]) =>
    totals.has(userId) ? [{ item, total: totals.get(userId)! }] : [],
  );
  const wrong = groupWrongAnswers(
    attempts.map((a) => ({ answer: a.answer as unknown as Answer, report: a.report as unknown as GradeReport })),
  );
  return {
    ...base,
    scope: { kind: scope.kind, id: scope.id, label: scope.label },
    stats: itemStats(attempts),
    students: firstOf.size,
    ...discriminationOf(rows),
    wrongAnswers: wrong.slice(0, topWrong),
    misconceptions: countMisconceptions(
      attempts.map((a) => ({ userId: a.userId, report: a.report as unknown as GradeReport })),
    ),
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
 * Progress by student and topic from the class's QuestionBest rows (counted attempts only, one row per
 * (student, question), read in a single statement), and per assignment each student's grade and per
 * assigned question the class's mean credit and discrimination, from the assignment's own attempts:
 * upper-lower 27% and point-biserial of FIRST-attempt scores against each student's mean first-attempt
 * score over the assignment, only from MIN_DISCRIMINATION_N students up.
 */
export async function queryClassProgress(db: Db, cls: { id: string; name: string }): Promise<ClassProgressDto> {
  const classId = cls.id;
  const [members, assignments, bests] = await Promise.all([
    db.classMember.findMany({
      where: { classId },
      select: { user: { select: { id: true, name: true, email: true } } },
    }),
    db.assignment.findMany({ where: { classId }, orderBy: { createdAt: "asc" } }),
    // Integers may come back as bigint (PostgreSQL, and SQLite through raw queries): Number() below.
    db.$queryRaw<BestRow[]>`
      SELECT b."userId" AS "userId", b."templateId" AS "templateId", b."attempts" AS "attempts", b."bestScore" AS "bestScore",
        CASE WHEN b."correctAt" IS NULL THEN 0 ELSE 1 END AS "solved"
      FROM "QuestionBest" b
      JOIN "ClassMember" m ON m."userId" = b."userId" AND m."classId" = ${classId}`,
  ]);
  const slugs = [...new Set(assignments.flatMap((a) => JSON.parse(a.slugs) as string[]))];
  const triedIds = [...new Set(bests.map((b) => b.templateId))];
  const templates = await db.questionTemplate.findMany({
    where: { OR: [{ slug: { in: slugs } }, { id: { in: triedIds } }] },
    select: { id: true, slug: true, title: true, topic: true },
  });
  const byId = new Map(templates.map((t) => [t.id, t]));
  // The eight, then any lecturer-defined topic (issue #24) of the questions this class tried or was set.
  const builtIn = new Set<string>(TOPICS.map((t) => t.slug));
  const customSlugs = [...new Set(templates.map((t) => t.topic))].filter((slug) => !builtIn.has(slug));
  const lecturerTopics = customSlugs.length
    ? await db.topic.findMany({
        where: { slug: { in: customSlugs } },
        select: { slug: true, name: true },
        orderBy: { name: "asc" },
      })
    : [];
  const topicColumns = [
    ...TOPICS.map((t) => ({ slug: t.slug, short: t.short })),
    ...lecturerTopics.map((t) => ({ slug: t.slug, short: t.name })),
  ];

  interface Tally {
    attempts: number;
    tried: number;
    solved: number;
    bestSum: number;
    topics: Map<string, { n: number; sum: number }>;
  }
  const tallies = new Map<string, Tally>();
  for (const b of bests) {
    const t = byId.get(b.templateId);
    if (!t) continue;
    let tally = tallies.get(b.userId);
    if (!tally) tallies.set(b.userId, (tally = { attempts: 0, tried: 0, solved: 0, bestSum: 0, topics: new Map() }));
    tally.attempts += Number(b.attempts);
    tally.tried += 1;
    tally.solved += Number(b.solved);
    tally.bestSum += b.bestScore;
    const topic = tally.topics.get(t.topic) ?? { n: 0, sum: 0 };
    topic.n += 1;
    topic.sum += b.bestScore;
    tally.topics.set(t.topic, topic);
  }

  const students = members
    .map((m) => m.user)
    .sort((a, b) => byName(a.name, b.name) || byName(a.email, b.email))
    .map((u) => {
      const tally = tallies.get(u.id);
      const topics: Record<string, number | null> = Object.fromEntries(topicColumns.map((t) => [t.slug, null]));
      for (const [topic, x] of tally?.topics ?? []) topics[topic] = x.sum / x.n;
      return {
        ...u,
        attempts: tally?.attempts ?? 0,
        tried: tally?.tried ?? 0,
        solved: tally?.solved ?? 0,
        meanBest: tally?.tried ? tally.bestSum / tally.tried : null,
        topics,
        assigned: {} as Record<string, number | null>,
        grades: {} as Record<string, number | null>,
      };
    });

  // Assignment grades and per-question item statistics, from the assignments' own counted attempts.
  const memberIds = members.map((m) => m.user.id);
  const counted = await queryAssignmentAttempts(
    db,
    assignments.map((a) => a.id),
    memberIds,
  );
  const slugByTemplate = new Map(templates.map((t) => [t.id, t.slug]));
  const bySlug = new Map(templates.map((t) => [t.slug, t]));
  const questions: ClassQuestionRow[] = [];
  const gradesBy = new Map<string, Map<string, StudentAssignmentGrade>>();
  for (const a of assignments) {
    const slugsOf = JSON.parse(a.slugs) as string[];
    const grades = gradeAssignment(
      { id: a.id, createdAt: a.createdAt, slugs: slugsOf, rules: asRules(a) },
      slugByTemplate,
      counted,
    );
    gradesBy.set(a.id, grades);
    // The criterion: each student's mean FIRST-attempt score over the assignment's questions they tried.
    const totals = new Map<string, number>();
    for (const [userId, g] of grades) {
      const firsts = Object.values(g.questions).flatMap((q) => (q.first === null ? [] : [q.first]));
      if (firsts.length) totals.set(userId, firsts.reduce((x, y) => x + y, 0) / firsts.length);
    }
    for (const slug of slugsOf) {
      const t = bySlug.get(slug);
      if (!t) continue;
      const tried = [...grades].flatMap(([userId, g]) =>
        g.questions[slug] ? [{ userId, q: g.questions[slug]! }] : [],
      );
      const rows = tried.map(({ userId, q }) => ({ item: q.first!, total: totals.get(userId)! }));
      const mean = (xs: number[]) => (xs.length ? xs.reduce((x, y) => x + y, 0) / xs.length : null);
      questions.push({
        key: `${a.id}:${slug}`,
        assignmentId: a.id,
        assignmentTitle: a.title,
        slug,
        title: t.title,
        students: tried.length,
        meanBest: mean(tried.map(({ q }) => q.credit!)),
        firstMean: mean(tried.map(({ q }) => q.first!)),
        ...discriminationOf(rows),
      });
    }
  }
  for (const s of students) {
    for (const a of assignments) {
      const g = gradesBy.get(a.id)?.get(s.id);
      s.grades[a.id] = g?.grade ?? null;
      for (const slug of JSON.parse(a.slugs) as string[])
        s.assigned[`${a.id}:${slug}`] = g?.questions[slug]?.credit ?? null;
    }
  }

  return {
    classId: cls.id,
    className: cls.name,
    topics: topicColumns,
    students,
    assignments: assignments.map((a) => ({
      id: a.id,
      title: a.title,
      dueAt: a.dueAt?.toISOString() ?? null,
      rules: rulesDto(asRules(a)),
    })),
    questions,
    minDiscriminationN: MIN_DISCRIMINATION_N,
  };
}
