// generator.discriminate (issue #21, item 3): a template asks for variants where each named catalogue
// misconception gives a different answer from the truth, so a student holding it cannot score by luck.
// It is kind-independent: buildVariant draws the kind's variant, asks the kind's discriminates() hook,
// and redraws from seeds derived deterministically from the requested one until every id is there.
import { CAPACITY_MISCONCEPTIONS } from "./misconceptions/capacity";
import { EVENTLOOP_MISCONCEPTIONS } from "./misconceptions/eventloop";
import { METRIC_MISCONCEPTION_IDS } from "./misconceptions/metrics";
import { FORK_MISCONCEPTIONS } from "./misconceptions/process";
import { SCHEDULE_MISCONCEPTIONS } from "./misconceptions/schedule";
import { Issues, joinPath, read } from "./issues";
import { MAX_REDRAWS } from "./kinds/kind";
import { KINDS } from "./registry";
import type { QuestionTemplate, QuestionType } from "./types";
import { buildVariant } from "./variant";

export const DISCRIMINATE_KEY = "discriminate";
export const MAX_DISCRIMINATE_IDS = 5;
/** Draws tried before giving up: the same budget as any other redraw condition. */
export const MAX_DISCRIMINATE_DRAWS = MAX_REDRAWS;

const SCHEDULE_IDS = SCHEDULE_MISCONCEPTIONS.map((e) => e.id);

/** The catalogue ids each question type's discriminates() hook can report. */
export const MISCONCEPTION_IDS: Record<QuestionType, readonly string[]> = {
  schedule: SCHEDULE_IDS,
  metrics: [...SCHEDULE_IDS, ...METRIC_MISCONCEPTION_IDS],
  "switch-cost": [],
  process: FORK_MISCONCEPTIONS.map((e) => e.id),
  eventloop: EVENTLOOP_MISCONCEPTIONS.map((e) => e.id),
  capacity: CAPACITY_MISCONCEPTIONS.map((e) => e.id),
  concept: [],
  race: [],
};

/** The generator without its discriminate field (what the kind validates) and that field as given. */
export function splitDiscriminate(generator: Record<string, unknown>): { rest: Record<string, unknown>; raw: unknown } {
  if (!Object.prototype.hasOwnProperty.call(generator, DISCRIMINATE_KEY)) return { rest: generator, raw: undefined };
  const { [DISCRIMINATE_KEY]: raw, ...rest } = generator;
  return { rest, raw };
}

export function validateDiscriminate(
  issues: Issues,
  v: unknown,
  type: QuestionType,
  path = `generator.${DISCRIMINATE_KEY}`,
): string[] {
  if (v === undefined) return [];
  const arr = read.array(issues, v, path, { min: 1, max: MAX_DISCRIMINATE_IDS }) ?? [];
  const known = MISCONCEPTION_IDS[type];
  const out: string[] = [];
  arr.forEach((raw, i) => {
    const p = joinPath(path, i);
    if (typeof raw !== "string") issues.add(p, 'must be a misconception id such as "sjf-for-stcf"');
    else if (!known.includes(raw)) {
      issues.add(
        p,
        known.length === 0
          ? `unknown misconception ${JSON.stringify(raw)}: ${type} questions have no misconception catalogue`
          : `unknown misconception ${JSON.stringify(raw)} for ${type} questions (known: ${known.join(", ")})`,
      );
    } else if (!out.includes(raw)) out.push(raw);
  });
  return out;
}

/**
 * The seed of draw number `attempt` for a requested seed: the seed itself first (so templates without
 * the field, and lucky seeds, keep their variant), then a fixed odd-multiplier walk through 32-bit seeds.
 */
export function discriminateSeed(seed: number, attempt: number): number {
  return attempt === 0 ? seed : (seed + Math.imul(attempt, 0x9e3779b1)) >>> 0;
}

/**
 * Review (issue #21, item 5): of `seeds`, tried in order, the first whose variant tells every one of
 * `held` apart from the truth, else the one that tells the most of them apart (the earliest on a tie),
 * with the ids it tells apart; null when none of `held` belongs to this type's catalogue or no seed
 * tells any apart. Deterministic in its arguments; one build per seed tried.
 */
export function preferDiscriminatingSeed(
  template: QuestionTemplate,
  seeds: readonly number[],
  held: readonly string[],
): { seed: number; told: string[] } | null {
  const kind = KINDS[template.type];
  const wanted = held.filter((id) => MISCONCEPTION_IDS[template.type]?.includes(id));
  if (!kind?.discriminates || wanted.length === 0) return null;
  let best: { seed: number; told: string[] } | null = null;
  for (const seed of seeds) {
    const v = buildVariant(template, seed);
    if (!v.ok) continue;
    const all = kind.discriminates(v.value);
    const told = wanted.filter((id) => all.includes(id));
    if (told.length > (best?.told.length ?? 0)) best = { seed, told };
    if (told.length === wanted.length) break;
  }
  return best;
}
