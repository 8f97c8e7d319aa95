// Mastery is an exponential moving average of graded scores: recent work counts most, yet one lucky
// or unlucky answer moves it by at most ALPHA. Kept as a running aggregate, never recomputed per view.

export const MASTERY_ALPHA = 0.3;

export interface MasteryAggregate {
  attempts: number;
  scoreSum: number;
  /** Recent-weighted score in 0..1; null before the first attempt. */
  ema: number | null;
  lastAttemptAt: string | null;
}

export const EMPTY_MASTERY: MasteryAggregate = { attempts: 0, scoreSum: 0, ema: null, lastAttemptAt: null };

export function clampScore(score: number): number {
  if (!Number.isFinite(score)) return 0;
  return Math.min(1, Math.max(0, score));
}

/** The first score seeds the average, so one attempt is not dragged towards an arbitrary prior. */
export function nextEma(previous: number | null, score: number, alpha = MASTERY_ALPHA): number {
  const s = clampScore(score);
  return previous === null ? s : alpha * s + (1 - alpha) * previous;
}

export function addAttempt(agg: MasteryAggregate, score: number, at: Date): MasteryAggregate {
  return {
    attempts: agg.attempts + 1,
    scoreSum: agg.scoreSum + clampScore(score),
    ema: nextEma(agg.ema, score),
    lastAttemptAt: at.toISOString(),
  };
}

/** 0..100, or null for "not started". */
export function masteryPercent(ema: number | null): number | null {
  return ema === null ? null : Math.round(clampScore(ema) * 100);
}

export interface TopicMastery {
  topic: string;
  attempts: number;
  percent: number | null;
}

/** Weakest first; topics not started come after those started (there is nothing to fix yet). */
export function weakestFirst<T extends TopicMastery>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => {
    if (a.percent === null && b.percent === null) return 0;
    if (a.percent === null) return 1;
    if (b.percent === null) return -1;
    return a.percent - b.percent;
  });
}
