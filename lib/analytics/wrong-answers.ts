// Groups wrong answers so an instructor sees the few mistakes most students make, not thousands of
// rows. A schedule answer that reproduces another convention exactly (the grader's `convention`) is
// grouped under that convention whatever its seed, because it is the same misconception; so is an answer
// the grader proved to be exactly a catalogued misconception (issue #21), under that misconception's
// name; any other wrong answer is grouped by the answer itself and labelled with where it first went wrong.
import type { Answer, AnswerValue, GradeReport } from "@/lib/engine/questions";

export interface WrongAnswerKey {
  key: string;
  label: string;
  /** One answer of the group, as JSON, for display. */
  sample: string;
}

/** Keys are stored in an indexed column; longer ones are replaced by a hash of the same text. */
export const MAX_KEY_LENGTH = 300;

function canonicalValue(v: AnswerValue): unknown {
  return Array.isArray(v) ? v.map((x) => x ?? "_") : v;
}

export function canonicalAnswer(answer: Answer): string {
  const ids = Object.keys(answer.parts).sort();
  return JSON.stringify(ids.map((id) => [id, canonicalValue(answer.parts[id]!)]));
}

/** FNV-1a (two 32-bit lanes): stable across processes and providers, no dependencies. */
export function stableHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c ^ (i & 0xff), 0x5bd1e995) >>> 0;
  }
  return a.toString(16).padStart(8, "0") + b.toString(16).padStart(8, "0");
}

function capKey(key: string): string {
  return key.length <= MAX_KEY_LENGTH ? key : `hash:${stableHash(key)}`;
}

function formatMs(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0+$/, "");
}

function slotWord(v: string | null): string {
  if (v === null) return "nothing";
  if (v === "idle") return "idle";
  if (v === "cs") return "a switch";
  return v;
}

/** "at t=4 kept A instead of B" when the student let the previous job run on, else "ran A instead of B". */
export function divergenceLabel(report: GradeReport): string | null {
  const d = report.firstDivergence;
  if (!d) return null;
  const reference = report.reference[d.part];
  const previous = Array.isArray(reference) && d.slot > 0 ? reference[d.slot - 1] : undefined;
  const verb = d.got !== null && d.got === previous && d.got !== d.expected ? "kept" : d.got === null ? "left" : "ran";
  const got = slotWord(d.got);
  const expected = slotWord(d.expected);
  return verb === "left"
    ? `at t=${formatMs(d.time)} left the slot empty instead of ${expected}`
    : `at t=${formatMs(d.time)} ${verb} ${got} instead of ${expected}`;
}

function shortAnswer(answer: Answer): string {
  const parts = Object.entries(answer.parts).map(
    ([id, v]) => `${id}: ${Array.isArray(v) ? v.map((x) => x ?? "_").join(" ") : String(v)}`,
  );
  const text = parts.join("; ");
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

export function wrongAnswerKey(answer: Answer, report: GradeReport): WrongAnswerKey {
  const sample = canonicalAnswer(answer);
  if (report.convention) {
    return { key: capKey(`convention:${report.convention.name}`), label: `ran ${report.convention.name}`, sample };
  }
  // The first part whose whole answer is a misconception's (partial matches are only consistent with it).
  const named = report.parts.flatMap((p) => (p.misconceptions ?? []).filter((m) => m.full))[0];
  if (named) return { key: capKey(`misconception:${named.id}`), label: named.name, sample };
  const diverged = divergenceLabel(report);
  return { key: capKey(`answer:${sample}`), label: diverged ?? `answered ${shortAnswer(answer)}`, sample };
}

export interface WrongAnswerGroupDto {
  key: string;
  label: string;
  sample: string;
  count: number;
}

/** Direct grouping of a list of wrong answers, most common first (ties by key, so the order is stable). */
export function groupWrongAnswers(items: readonly { answer: Answer; report: GradeReport }[]): WrongAnswerGroupDto[] {
  const groups = new Map<string, WrongAnswerGroupDto>();
  for (const { answer, report } of items) {
    if (report.correct) continue;
    const k = wrongAnswerKey(answer, report);
    const g = groups.get(k.key);
    if (g) g.count += 1;
    else groups.set(k.key, { ...k, count: 1 });
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
}
