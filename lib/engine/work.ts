// A work meter for engine code whose cost depends on what an author wrote (the C and JavaScript
// interpreters). Work is counted in interpreter steps, so a budget trips at the same point on a fast
// and on a slow machine. Without a meter installed (the default: grading on the request thread, the
// CLI, tests) charging does nothing; the server installs one in its engine workers, around one job.

export class WorkBudgetExceeded extends Error {
  constructor(
    /** The name given to the budget that ran out. */
    readonly budget: string,
    readonly limit: number,
  ) {
    super(`the ${budget} budget of ${limit} interpreter steps is used up`);
    this.name = "WorkBudgetExceeded";
  }
}

interface Meter {
  used: number;
  /** Steps this meter may still charge before one of the budgets it runs under is exceeded. */
  limit: number;
  /** The budget that `limit` comes from (this one, or an enclosing one with less left). */
  binding: { name: string; limit: number };
}

let meter: Meter | null = null;

/** One interpreter step. Throws WorkBudgetExceeded once the installed budget is used up. */
export function chargeWork(): void {
  if (meter !== null && ++meter.used > meter.limit)
    throw new WorkBudgetExceeded(meter.binding.name, meter.binding.limit);
}

/**
 * Runs `run` with at most `limit` steps and returns what it charged. Budgets nest: an inner one
 * counts against the enclosing ones too (a per-variant budget inside a per-template budget), and
 * the error names whichever ran out.
 */
export function withWorkBudget<T>(name: string, limit: number, run: () => T): { value: T; used: number } {
  const outer = meter;
  const outerLeft = outer ? outer.limit - outer.used : Infinity;
  const own: Meter =
    outerLeft < limit && outer
      ? { used: 0, limit: outerLeft, binding: outer.binding }
      : { used: 0, limit, binding: { name, limit } };
  meter = own;
  try {
    return { value: run(), used: own.used };
  } finally {
    meter = outer;
    if (outer) outer.used += own.used;
  }
}
