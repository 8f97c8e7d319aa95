import "server-only";
import type { GradeReport } from "@/lib/engine";
import { countMisconceptions, type MisconceptionCountDto } from "@/lib/analytics/misconceptions";
import { db } from "../db";
import { memberIds, taughtClass } from "./class-access";
import type { UserDto } from "./users";

/** How far back the class overview looks: its cost stays bounded however much a class answers. */
export const CLASS_MISCONCEPTIONS_WINDOW = 2000;

export interface ClassMisconceptionDto extends MisconceptionCountDto {
  /** Titles of the questions where some student's answer was exactly it, most students first. */
  questions: string[];
}

/**
 * Issue #21, per class across all questions: how many of the class's students hold each catalogued
 * misconception (a graded, non-practice answer that was exactly it), with an example and where it showed.
 */
export async function getClassMisconceptions(user: UserDto, classId: string): Promise<ClassMisconceptionDto[]> {
  const cls = await taughtClass(user, classId);
  const members = await memberIds(cls.id);
  if (members.length === 0) return [];
  const rows = await db.attempt.findMany({
    where: { userId: { in: members }, practice: false, correct: false },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: CLASS_MISCONCEPTIONS_WINDOW,
    select: { userId: true, report: true, template: { select: { title: true } } },
  });
  const attempts = rows.map((r) => ({
    userId: r.userId,
    title: r.template.title,
    report: r.report as unknown as GradeReport,
  }));
  // Where each one showed: the same count run per question, so a question's students are counted once.
  const byQuestion = new Map<string, typeof attempts>();
  for (const a of attempts) byQuestion.set(a.title, [...(byQuestion.get(a.title) ?? []), a]);
  const where = new Map<string, { title: string; students: number }[]>();
  for (const [title, list] of byQuestion) {
    for (const c of countMisconceptions(list))
      where.set(c.id, [...(where.get(c.id) ?? []), { title, students: c.students }]);
  }
  return countMisconceptions(attempts).map((c) => ({
    ...c,
    questions: (where.get(c.id) ?? [])
      .sort((a, b) => b.students - a.students || (a.title < b.title ? -1 : 1))
      .map((q) => q.title),
  }));
}
