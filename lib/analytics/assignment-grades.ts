// Assignment grades under assessment mode. Only attempts on variants drawn from the assignment count,
// never practice attempts (made after the variant's reference was shown), and never attempts made
// before the assignment was set; an attempt earns its score less the hint penalty for the hints opened on
// its variant and, if late, less the late penalty. A question's
// credit is the best such credit, the assignment's grade the mean over its questions (an untried
// question counts 0). Pure: the attempts are read by lib/server/dal/analytics-queries.ts.
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
  /** Hints the student had opened on the variant when making the attempt (Attempt.hintsUsed). */
  hintsUsed: number;
  createdAt: Date;
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
export function gradeAssignment(
  a: GradedAssignment,
  slugByTemplate: ReadonlyMap<string, string>,
  attempts: readonly CountedAttempt[],
): Map<string, StudentAssignmentGrade> {
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
    const credit = creditFor(a.rules, x.score, x.createdAt, x.hintsUsed);
    q.credit = q.credit === null ? credit : Math.max(q.credit, credit);
    q.attempts += 1;
    q.first ??= x.score;
  }
  for (const s of out.values())
    s.grade = a.slugs.reduce((sum, slug) => sum + (s.questions[slug]?.credit ?? 0), 0) / a.slugs.length;
  return out;
}
