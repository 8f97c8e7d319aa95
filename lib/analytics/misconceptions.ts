// Issue #21 for instructors: how many students of a scope hold each catalogued misconception on a
// question, from the misconceptions the grader stored in each attempt's report (no extra column). A
// student counts once per misconception, however many attempts reproduced it; only whole-answer
// matches count (following one up to where it parts from the truth is merely consistent with it).
import type { GradeReport } from "@/lib/engine/questions";

export interface MisconceptionCountDto {
  id: string;
  name: string;
  /** Distinct students whose answer was exactly this misconception's at least once. */
  students: number;
  /** The grader's explanation from the earliest such attempt, as an example. */
  example: string;
}

export function countMisconceptions(
  attempts: readonly { userId: string; report: GradeReport }[],
): MisconceptionCountDto[] {
  const byId = new Map<string, { name: string; users: Set<string>; example: string }>();
  for (const a of attempts) {
    if (a.report.correct) continue;
    const seen = new Set<string>();
    for (const p of a.report.parts ?? []) {
      for (const m of p.misconceptions ?? []) {
        if (!m.full || seen.has(m.id)) continue;
        seen.add(m.id);
        const e = byId.get(m.id) ?? { name: m.name, users: new Set<string>(), example: m.explanation };
        e.users.add(a.userId);
        byId.set(m.id, e);
      }
    }
  }
  return [...byId]
    .map(([id, e]) => ({ id, name: e.name, students: e.users.size, example: e.example }))
    .sort((a, b) => b.students - a.students || (a.id < b.id ? -1 : 1));
}
