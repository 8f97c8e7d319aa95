// Assignment grades under assessment mode. Only attempts on variants drawn from the assignment count,
// never practice attempts (made after the variant's reference was shown), and never attempts made
// before the assignment was set; a late attempt earns its score less the late penalty. A question's
// credit is the best such credit, the assignment's grade the mean over its questions (an untried
// question counts 0). Takes the client as a parameter (no server-only) like the other queries here.
import type { Db } from "@/lib/db/client";
import { type AssessmentRules, creditFor } from "./assessment";

export interface GradedAssignment {
  id: string;
  createdAt: Date;
  slugs: string[];
  rules: AssessmentRules;
}

export interface CountedAttempt {
  id: string;
  userId: string;
  templateId: string;
  assignmentId: string;
  score: number;
  createdAt: Date;
}

/** Counted attempts of the assignments (optionally of some students only), oldest first. */
export async function queryAssignmentAttempts(db: Db, assignmentIds: readonly string[], userIds?: readonly string[]): Promise<CountedAttempt[]> {
  if (assignmentIds.length === 0 || userIds?.length === 0) return [];
  const rows = await db.attempt.findMany({
    where: { practice: false, variant: { assignmentId: { in: [...assignmentIds] } }, ...(userIds ? { userId: { in: [...userIds] } } : {}) },
    select: { id: true, userId: true, templateId: true, score: true, createdAt: true, variant: { select: { assignmentId: true } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map((r) => ({ id: r.id, userId: r.userId, templateId: r.templateId, assignmentId: r.variant.assignmentId!, score: r.score, createdAt: r.createdAt }));
}

export interface QuestionGrade {
  /** Best credit (score less any late penalty); null when not tried. */
  credit: number | null;
  attempts: number;
  /** Score of the first counted attempt: what the student knew before any feedback. */
  first: number | null;
}

export interface StudentAssignmentGrade {
  questions: Record<string, QuestionGrade>;
  /** Mean credit over the assignment's questions, untried ones as 0; null before any attempt. */
  grade: number | null;
}

/** Per student: their grade in one assignment, from the counted attempts (any order). */
export function gradeAssignment(a: GradedAssignment, slugByTemplate: ReadonlyMap<string, string>, attempts: readonly CountedAttempt[]): Map<string, StudentAssignmentGrade> {
  const out = new Map<string, StudentAssignmentGrade>();
  const sorted = attempts
    .filter((x) => x.assignmentId === a.id && x.createdAt.getTime() >= a.createdAt.getTime())
    .sort((x, y) => x.createdAt.getTime() - y.createdAt.getTime() || (x.id < y.id ? -1 : 1));
  for (const x of sorted) {
    const slug = slugByTemplate.get(x.templateId);
    if (!slug || !a.slugs.includes(slug)) continue;
    let s = out.get(x.userId);
    if (!s) out.set(x.userId, (s = { questions: {}, grade: null }));
    const q = (s.questions[slug] ??= { credit: null, attempts: 0, first: null });
    const credit = creditFor(a.rules, x.score, x.createdAt);
    q.credit = q.credit === null ? credit : Math.max(q.credit, credit);
    q.attempts += 1;
    q.first ??= x.score;
  }
  for (const s of out.values()) s.grade = a.slugs.reduce((sum, slug) => sum + (s.questions[slug]?.credit ?? 0), 0) / a.slugs.length;
  return out;
}
