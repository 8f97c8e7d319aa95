// How a graded attempt becomes an FSRS rating. The student never rates themselves: the grader's score
// and how the answer was reached decide, so the queue reflects what they can actually do.

export type ReviewRating = "again" | "hard" | "good" | "easy";

export interface GradedResult {
  /** 0..1 from the engine's grader. */
  score: number;
  /** 1 for the first submission on a variant. */
  attemptNumber: number;
  hintsUsed: number;
}

/** Scores below this count as not knowing the answer at all. */
export const AGAIN_BELOW = 0.5;

/**
 * wrong (score < 0.5) → again; partial (0.5 ≤ score < 1) → hard;
 * fully correct after a retry or a hint → good; fully correct first time without hints → easy.
 */
export function ratingFor(result: GradedResult): ReviewRating {
  // NaN or out-of-range scores are treated as the worst case rather than trusted.
  const score = Number.isFinite(result.score) ? result.score : 0;
  if (score < AGAIN_BELOW) return "again";
  if (score < 1) return "hard";
  if (result.attemptNumber > 1 || result.hintsUsed > 0) return "good";
  return "easy";
}
