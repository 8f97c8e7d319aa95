// Per-question statistics from graded attempts. The same definitions are maintained incrementally in
// the attempt transaction (lib/server/dal/analytics.ts); this direct computation is what tests and
// rebuilds compare against.

export interface AttemptFact {
  userId: string;
  variantId: string;
  attemptNumber: number;
  score: number;
  correct: boolean;
}

export interface ItemStats {
  attempts: number;
  meanScore: number | null;
  /** Mean score of the first attempt at each variant: what a student knows before feedback. */
  firstAttemptMean: number | null;
  /** Over variants eventually answered correctly: attempts up to and including the first correct one. */
  avgAttemptsToCorrect: number | null;
}

export interface StatCounters {
  attempts: number;
  scoreSum: number;
  firstAttempts: number;
  firstScoreSum: number;
  solvedVariants: number;
  attemptsToSolve: number;
}

export const EMPTY_COUNTERS: StatCounters = {
  attempts: 0,
  scoreSum: 0,
  firstAttempts: 0,
  firstScoreSum: 0,
  solvedVariants: 0,
  attemptsToSolve: 0,
};

/**
 * What one new attempt adds to the counters. `solvedBefore` says whether the variant already had a
 * correct attempt, so only the first correct one counts towards attempts-to-correct.
 */
export function counterDelta(
  a: Pick<AttemptFact, "attemptNumber" | "score" | "correct">,
  solvedBefore: boolean,
): StatCounters {
  const first = a.attemptNumber === 1;
  const solvesNow = a.correct && !solvedBefore;
  return {
    attempts: 1,
    scoreSum: a.score,
    firstAttempts: first ? 1 : 0,
    firstScoreSum: first ? a.score : 0,
    solvedVariants: solvesNow ? 1 : 0,
    attemptsToSolve: solvesNow ? a.attemptNumber : 0,
  };
}

export function countersFromAttempts(attempts: readonly AttemptFact[]): StatCounters {
  const sorted = [...attempts].sort((x, y) =>
    x.variantId === y.variantId ? x.attemptNumber - y.attemptNumber : x.variantId < y.variantId ? -1 : 1,
  );
  const solved = new Set<string>();
  const c = { ...EMPTY_COUNTERS };
  for (const a of sorted) {
    const d = counterDelta(a, solved.has(a.variantId));
    if (a.correct) solved.add(a.variantId);
    c.attempts += d.attempts;
    c.scoreSum += d.scoreSum;
    c.firstAttempts += d.firstAttempts;
    c.firstScoreSum += d.firstScoreSum;
    c.solvedVariants += d.solvedVariants;
    c.attemptsToSolve += d.attemptsToSolve;
  }
  return c;
}

export function statsFromCounters(c: StatCounters): ItemStats {
  return {
    attempts: c.attempts,
    meanScore: c.attempts ? c.scoreSum / c.attempts : null,
    firstAttemptMean: c.firstAttempts ? c.firstScoreSum / c.firstAttempts : null,
    avgAttemptsToCorrect: c.solvedVariants ? c.attemptsToSolve / c.solvedVariants : null,
  };
}

export function itemStats(attempts: readonly AttemptFact[]): ItemStats {
  return statsFromCounters(countersFromAttempts(attempts));
}
