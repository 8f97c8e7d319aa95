// Plain, JSON-safe shapes of a parsed lesson: what the loader returns and the page renders.
import type { DiagramName, LessonSlug, WidgetName } from "./registry";

export interface LessonMeta {
  slug: LessonSlug;
  title: string;
  order: number;
  summary: string;
  minutes: number;
}

/** A lesson body is Markdown interrupted by embedded diagrams and widgets, in reading order. */
export type LessonBlock =
  | { kind: "markdown"; source: string; line: number }
  | { kind: "widget"; name: WidgetName; line: number }
  | { kind: "diagram"; name: DiagramName; line: number }
  | WorkedExampleBlock
  | CheckBlock;

/** Which engine computes a worked example or a check question (see lib/lessons/worked.ts). */
export const SCENARIO_ENGINES = [
  "sched",
  "fork",
  "eventloop",
  "capacity",
  "race",
  // lib/lessons/worked-models.ts
  "inversion",
  "deadline",
  "quota",
  // lib/lessons/worked-procstates.ts, worked-loadavg.ts, worked-lifecycle.ts, worked-crash.ts
  "procstates",
  "loadavg",
  "lifecycle",
  "crash",
] as const;
export type ScenarioEngine = (typeof SCENARIO_ENGINES)[number];

/**
 * `:::worked-example{engine="sched" title="…"}` with one fenced block (the scenario: a workload as JSON,
 * a C or JavaScript program, …) and `:::` — the engine computes the steps, the lesson only names the case.
 */
export interface WorkedExampleBlock {
  kind: "worked-example";
  engine: ScenarioEngine;
  title: string;
  scenario: string;
  line: number;
}

/**
 * `:::check{engine="…" ask="…"}`: the question in Markdown, then the scenario's fenced block, then `:::`.
 * `ask` names what the engine computes as the answer (e.g. `waiting:B`, `runs-at:4`, `lines`).
 */
export interface CheckBlock {
  kind: "check";
  engine: ScenarioEngine;
  ask: string;
  prompt: string;
  scenario: string;
  line: number;
}

export interface Lesson {
  meta: LessonMeta;
  blocks: LessonBlock[];
  /** Footnote id → citation text, from `[^id]: …` lines in the Sources section. */
  sources: { id: string; text: string }[];
}

export interface LessonIssue {
  /** "front-matter.title", "line 42", … */
  path: string;
  message: string;
}

export type LessonResult<T> = { ok: true; value: T } | { ok: false; errors: LessonIssue[] };
