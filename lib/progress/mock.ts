// Mock interviews: a timed run of mixed questions whose difficulty follows the student's answers.
// Selection is seeded (the session's seed and the question's position), so a session can be replayed.
import { createPythonRandom } from "@/lib/engine/ostep";
import type { MockPromptSpec } from "./mock-prompts";

export const MOCK_DURATIONS_MIN = [15, 30, 45] as const;
export type MockDuration = (typeof MOCK_DURATIONS_MIN)[number];
export const DEFAULT_MOCK_MINUTES: MockDuration = 30;
export const START_DIFFICULTY = 2;
export const MIN_DIFFICULTY = 1;
export const MAX_DIFFICULTY = 5;
/** Hard cap per session, whatever the time, so a session stays bounded. */
export const MAX_MOCK_QUESTIONS = 40;

export function nextDifficulty(current: number, correct: boolean): number {
  return Math.min(MAX_DIFFICULTY, Math.max(MIN_DIFFICULTY, current + (correct ? 1 : -1)));
}

/** Tags that keep a template out of mock interviews: recall of a constant is not an interview question. */
export const MOCK_EXCLUDED_TAGS = ["trivia"] as const;

// Text that leans on something the candidate was not shown ("Same situation…", "as above"). A mock
// asks questions one at a time in a mixed order, so every question must carry its own situation.
const UNSEEN_REFERENCE =
  /\b(same (situation|setup|scenario|program|workload|system|machine|tasks?|jobs?) as\b|^same (situation|setup|scenario)\b|as (above|before)\b|(previous|last|earlier) (question|exercise|part)\b)/im;

/** True when the text refers to a situation that is not part of it. */
export function refersToUnseenSituation(text: string): boolean {
  return UNSEEN_REFERENCE.test(text);
}

/** Whether a template may be drawn for a mock: not tagged as trivia. */
export function isMockEligible(tags: readonly string[]): boolean {
  return !tags.some((t) => (MOCK_EXCLUDED_TAGS as readonly string[]).includes(t));
}

export interface MockCandidate {
  templateId: string;
  slug: string;
  topic: string;
  difficulty: number;
}

export interface MockPickState {
  difficulty: number;
  askedTemplateIds: readonly string[];
  askedTopics: readonly string[];
}

/**
 * The next question: never one already asked; from the topic asked least so far (mixing topics);
 * then the difficulty closest to the target; remaining ties broken by the seeded generator.
 */
export function pickNextQuestion<C extends MockCandidate>(
  candidates: readonly C[],
  state: MockPickState,
  seed: number,
): C | null {
  const asked = new Set(state.askedTemplateIds);
  const open = candidates.filter((c) => !asked.has(c.templateId));
  if (open.length === 0) return null;
  const topicCount = new Map<string, number>();
  for (const t of state.askedTopics) topicCount.set(t, (topicCount.get(t) ?? 0) + 1);
  const score = (c: C) => (topicCount.get(c.topic) ?? 0) * 10 + Math.abs(c.difficulty - state.difficulty);
  const best = Math.min(...open.map(score));
  const tied = open.filter((c) => score(c) === best).sort((a, b) => a.templateId.localeCompare(b.templateId));
  return createPythonRandom(seed).choice(tied);
}

export interface MockItemResult {
  templateId: string;
  slug: string;
  title: string;
  topic: string;
  difficulty: number;
  /** null when the student did not answer it before the session ended. */
  score: number | null;
  startedAt: string;
  answeredAt: string | null;
  /** The graded attempt (full feedback and replay at /history/<id>); null when not answered. */
  attemptId: string | null;
}

export interface MockReport {
  answered: number;
  asked: number;
  /** Mean score over asked questions (unanswered count as 0), 0..1. */
  overall: number;
  byTopic: { topic: string; asked: number; answered: number; meanScore: number }[];
  perQuestion: (MockItemResult & { seconds: number | null })[];
  /** Templates to review: answered below full marks, or not answered. */
  toReview: { templateId: string; slug: string; title: string }[];
  /** The explain / trade-off prompt, self-assessed; null for sessions from before prompts existed. */
  explain: MockExplainReport | null;
}

export interface MockExplainInput {
  prompt: MockPromptSpec;
  answer: string | null;
  startedAt: string;
  answeredAt: string | null;
  /** Key-point ids ticked; null until the candidate has self-assessed. */
  covered: readonly string[] | null;
}

export interface MockExplainReport {
  promptId: string;
  kind: MockPromptSpec["kind"];
  prompt: string;
  answer: string | null;
  seconds: number | null;
  /** Shown only because the report exists after the answer was submitted or the session ended. */
  modelAnswer: string;
  keyPoints: { id: string; text: string; covered: boolean }[];
  assessed: boolean;
  /** Covered key points / all key points, 0..1; null until self-assessed. */
  selfScore: number | null;
}

function secondsBetween(from: string, to: string | null): number | null {
  return to ? Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000)) : null;
}

export function buildExplainReport(e: MockExplainInput): MockExplainReport {
  const covered = new Set(e.covered ?? []);
  const keyPoints = e.prompt.keyPoints.map((k) => ({ id: k.id, text: k.text, covered: covered.has(k.id) }));
  return {
    promptId: e.prompt.id,
    kind: e.prompt.kind,
    prompt: e.prompt.prompt,
    answer: e.answer,
    seconds: secondsBetween(e.startedAt, e.answeredAt),
    modelAnswer: e.prompt.modelAnswer,
    keyPoints,
    assessed: e.covered !== null,
    selfScore: e.covered === null ? null : keyPoints.filter((k) => k.covered).length / keyPoints.length,
  };
}

export function buildMockReport(items: readonly MockItemResult[], explain: MockExplainInput | null = null): MockReport {
  const topics = new Map<string, { asked: number; answered: number; total: number }>();
  let total = 0;
  for (const item of items) {
    const t = topics.get(item.topic) ?? { asked: 0, answered: 0, total: 0 };
    t.asked += 1;
    if (item.score !== null) t.answered += 1;
    t.total += item.score ?? 0;
    total += item.score ?? 0;
    topics.set(item.topic, t);
  }
  return {
    asked: items.length,
    answered: items.filter((i) => i.score !== null).length,
    overall: items.length ? total / items.length : 0,
    byTopic: [...topics].map(([topic, t]) => ({
      topic,
      asked: t.asked,
      answered: t.answered,
      meanScore: t.total / t.asked,
    })),
    perQuestion: items.map((i) => ({ ...i, seconds: secondsBetween(i.startedAt, i.answeredAt) })),
    toReview: items
      .filter((i) => i.score === null || i.score < 1)
      .map(({ templateId, slug, title }) => ({ templateId, slug, title })),
    explain: explain ? buildExplainReport(explain) : null,
  };
}
