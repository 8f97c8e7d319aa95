// How well a question separates strong from weak students (classical test theory).
//
// Upper-lower index D: rank students by their total score over all questions, take the top and bottom
// 27% (Kelley's split, which maximises the contrast for normally distributed totals while keeping the
// groups large), and subtract the bottom group's mean score on this item from the top group's.
// D ranges from -1 to 1; above 0.3 is usually called good, below 0.1 poor, negative means the strong
// students do worse on it (often a broken or ambiguous question).
//
// Point-biserial r: Pearson correlation between a student's item score and their total score.

export interface StudentItemScore {
  /** The student's mean score on all questions (the criterion). */
  total: number;
  /** The student's score on this question (0..1): their FIRST attempt, as copying inflates best scores. */
  item: number;
}

export const KELLEY_FRACTION = 0.27;

/**
 * Discrimination is computed only from at least this many students. Below it the 27% groups hold a
 * handful of students each and one of them moves D by 0.2 or more: three students printed D = 1.00.
 * Classical item analysis asks for 100-200 examinees for stable statistics and treats classroom
 * figures with caution; Downing & Yudkowsky (Assessment in Health Professions Education, 2009) note
 * that about 30 examinees still give useful information. At 30 each 27% group holds 8 students.
 */
export const MIN_DISCRIMINATION_N = 30;

/** The upper-lower index and point-biserial r, or nulls below MIN_DISCRIMINATION_N students. */
export function discriminationOf(
  rows: readonly StudentItemScore[],
  minN = MIN_DISCRIMINATION_N,
): { discrimination: number | null; pointBiserial: number | null } {
  if (rows.length < minN) return { discrimination: null, pointBiserial: null };
  return { discrimination: upperLowerIndex(rows), pointBiserial: pointBiserial(rows) };
}

/** null when there are too few students for both groups to hold someone. */
export function upperLowerIndex(rows: readonly StudentItemScore[], fraction = KELLEY_FRACTION): number | null {
  const n = Math.round(rows.length * fraction);
  if (n < 1 || rows.length < 2 * n) return null;
  // Ties on the total are broken by item score ascending in the top group, so the index is not
  // inflated by an arbitrary order.
  const sorted = [...rows].sort((a, b) => b.total - a.total || a.item - b.item);
  const mean = (xs: readonly StudentItemScore[]) => xs.reduce((s, r) => s + r.item, 0) / xs.length;
  return mean(sorted.slice(0, n)) - mean(sorted.slice(sorted.length - n));
}

/** null when either variable has no variance (the correlation is undefined). */
export function pointBiserial(rows: readonly StudentItemScore[]): number | null {
  if (rows.length < 2) return null;
  const n = rows.length;
  const mx = rows.reduce((s, r) => s + r.item, 0) / n;
  const my = rows.reduce((s, r) => s + r.total, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const r of rows) {
    sxy += (r.item - mx) * (r.total - my);
    sxx += (r.item - mx) ** 2;
    syy += (r.total - my) ** 2;
  }
  if (sxx < 1e-12 || syy < 1e-12) return null;
  return sxy / Math.sqrt(sxx * syy);
}
