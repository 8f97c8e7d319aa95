// The FSRS scheduler behind the review queue (ts-fsrs), with two decisions of our own:
// ts-fsrs's random fuzz is off, and instead a review interval is moved, within the same fuzz range FSRS
// would use, to the least-loaded day, so that due reviews spread out instead of piling onto one day.
import { type Card, createEmptyCard, fsrs, type Grade, get_fuzz_range, Rating, State } from "ts-fsrs";
import type { ReviewRating } from "./rating";
import { DEFAULT_TIME_ZONE, dayNumber } from "./timezone";

export const DEFAULT_RETENTION = 0.9;
export const MIN_RETENTION = 0.7;
export const MAX_RETENTION = 0.97;
export const MAXIMUM_INTERVAL_DAYS = 365;
const DAY_MS = 86_400_000;

/** The JSON-safe state of one review card (student × question template), as stored. */
export interface CardState {
  due: string;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  /** 0 new, 1 learning, 2 review, 3 relearning (ts-fsrs's State). */
  state: number;
  lastReview: string | null;
}

const GRADE: Record<ReviewRating, Grade> = {
  again: Rating.Again,
  hard: Rating.Hard,
  good: Rating.Good,
  easy: Rating.Easy,
};

export function isValidRetention(value: number): boolean {
  return Number.isFinite(value) && value >= MIN_RETENTION && value <= MAX_RETENTION;
}

/** A card that has never been reviewed, due at `now`. */
export function newCardState(now: Date): CardState {
  return fromFsrs(createEmptyCard(now));
}

/** The stored card as ts-fsrs's Card (also read by lib/progress/readiness.ts). */
export function toFsrs(card: CardState): Card {
  return {
    due: new Date(card.due),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: 0,
    scheduled_days: card.scheduledDays,
    learning_steps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state as State,
    last_review: card.lastReview ? new Date(card.lastReview) : undefined,
  };
}

function fromFsrs(card: Card): CardState {
  return {
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    lastReview: card.last_review ? card.last_review.toISOString() : null,
  };
}

export { dayNumber };

export interface ScheduleOptions {
  retention?: number;
  /** The student's IANA time zone, so "a day" is their day. */
  timeZone?: string;
  /** Cards already due on each day number; only days inside the fuzz range are looked at. */
  loadByDay?: ReadonlyMap<number, number>;
}

export interface ScheduleResult {
  card: CardState;
  /** The interval FSRS chose before balancing, in days (0 for same-day learning steps). */
  plannedDays: number;
  /** The interval actually used. */
  days: number;
}

/** The range of days a review interval may be moved within; none for short (learning) intervals. */
export function balanceRange(intervalDays: number, elapsedDays: number): { min: number; max: number } | null {
  if (intervalDays < 3) return null;
  const { min_ivl, max_ivl } = get_fuzz_range(intervalDays, elapsedDays, MAXIMUM_INTERVAL_DAYS);
  return { min: min_ivl, max: max_ivl };
}

/** Picks the least-loaded interval in the range; ties go to the one closest to FSRS's own choice. */
export function leastLoadedInterval(
  planned: number,
  range: { min: number; max: number },
  today: number,
  load: ReadonlyMap<number, number>,
): number {
  let best = planned;
  let bestLoad = Number.POSITIVE_INFINITY;
  for (let ivl = range.min; ivl <= range.max; ivl++) {
    const l = load.get(today + ivl) ?? 0;
    if (l < bestLoad || (l === bestLoad && Math.abs(ivl - planned) < Math.abs(best - planned))) {
      best = ivl;
      bestLoad = l;
    }
  }
  return best;
}

// Building an FSRS instance precomputes its parameters; reuse one per retention value (few distinct ones).
const schedulers = new Map<number, ReturnType<typeof fsrs>>();
export function schedulerFor(retention: number) {
  let scheduler = schedulers.get(retention);
  if (!scheduler) {
    if (schedulers.size > 64) schedulers.clear();
    scheduler = fsrs({ request_retention: retention, maximum_interval: MAXIMUM_INTERVAL_DAYS, enable_fuzz: false });
    schedulers.set(retention, scheduler);
  }
  return scheduler;
}

export function scheduleReview(
  card: CardState,
  rating: ReviewRating,
  now: Date,
  options: ScheduleOptions = {},
): ScheduleResult {
  const retention = options.retention ?? DEFAULT_RETENTION;
  if (!isValidRetention(retention))
    throw new RangeError(`retention must be between ${MIN_RETENTION} and ${MAX_RETENTION}`);
  const scheduler = schedulerFor(retention);
  const { card: next } = scheduler.next(toFsrs(card), now, GRADE[rating]);
  const planned = next.state === State.Review ? next.scheduled_days : 0;
  const elapsed = card.lastReview
    ? Math.max(0, Math.floor((now.getTime() - new Date(card.lastReview).getTime()) / DAY_MS))
    : 0;
  const range = next.state === State.Review ? balanceRange(planned, elapsed) : null;
  if (!range || !options.loadByDay) return { card: fromFsrs(next), plannedDays: planned, days: planned };
  const today = dayNumber(now, options.timeZone ?? DEFAULT_TIME_ZONE);
  const days = leastLoadedInterval(planned, range, today, options.loadByDay);
  const due = new Date(now.getTime() + days * DAY_MS);
  return { card: { ...fromFsrs(next), due: due.toISOString(), scheduledDays: days }, plannedDays: planned, days };
}
