// Issue #21 for students: the misconceptions their own recent answers keep reproducing. Pure, so the
// rule is tested without a database; lib/server/dal/my-misconceptions.ts feeds it the attempts.
import type { GradeReport } from "@/lib/engine/questions";

export interface MyMisconceptionDto {
  id: string;
  name: string;
  /** Attempts whose answer was exactly this misconception's. */
  attempts: number;
  /** Distinct questions it showed up in. */
  questions: number;
  /** When it last showed up (ISO). */
  lastSeen: string;
  /** The grader's explanation from the latest such attempt. */
  example: string;
}

/** Seen in at least this many attempts: one slip is not yet a belief. */
export const RECURRING_MIN_ATTEMPTS = 2;

export function recurringMisconceptions(
  rows: readonly { templateId: string; createdAt: Date; report: GradeReport }[],
): MyMisconceptionDto[] {
  const byId = new Map<
    string,
    { name: string; attempts: number; questions: Set<string>; last: Date; example: string }
  >();
  for (const r of rows) {
    if (r.report.correct) continue;
    const seen = new Set<string>();
    for (const p of r.report.parts ?? []) {
      for (const m of p.misconceptions ?? []) {
        if (!m.full || seen.has(m.id)) continue;
        seen.add(m.id);
        const e = byId.get(m.id) ?? {
          name: m.name,
          attempts: 0,
          questions: new Set<string>(),
          last: r.createdAt,
          example: m.explanation,
        };
        e.attempts += 1;
        e.questions.add(r.templateId);
        if (r.createdAt >= e.last) {
          e.last = r.createdAt;
          e.example = m.explanation;
        }
        byId.set(m.id, e);
      }
    }
  }
  return [...byId]
    .filter(([, e]) => e.attempts >= RECURRING_MIN_ATTEMPTS)
    .map(([id, e]) => ({
      id,
      name: e.name,
      attempts: e.attempts,
      questions: e.questions.size,
      lastSeen: e.last.toISOString(),
      example: e.example,
    }))
    .sort(
      (a, b) =>
        b.attempts - a.attempts ||
        (a.lastSeen < b.lastSeen ? 1 : a.lastSeen > b.lastSeen ? -1 : 0) ||
        (a.id < b.id ? -1 : 1),
    );
}
