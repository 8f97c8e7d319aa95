// The kernel's nice-to-weight table (kernel/sched/core.c, sched_prio_to_weight). Kept in exactly one
// place: every fair-class computation (vruntime, slices, shares, deadlines) reads it from here.
export const NICE_0_WEIGHT = 1024;
/** SCHED_IDLE tasks run in the fair class with this tiny weight (WEIGHT_IDLEPRIO). */
export const SCHED_IDLE_WEIGHT = 3;

const PRIO_TO_WEIGHT: readonly number[] = [
  88761, 71755, 56483, 46273, 36291, 29154, 23254, 18705, 14949, 11916, 9548, 7620, 6100, 4904, 3906, 3121, 2501, 1991,
  1586, 1277, 1024, 820, 655, 526, 423, 335, 272, 215, 172, 137, 110, 87, 70, 56, 45, 36, 29, 23, 18, 15,
];

export function niceToWeight(nice: number): number {
  const w = PRIO_TO_WEIGHT[nice + 20];
  if (w === undefined) throw new RangeError(`nice ${nice} outside -20..19`);
  return w;
}

/** Long-run CPU share of each CPU-bound task on one CPU: w / Σw. */
export function fairShares(nices: readonly number[]): number[] {
  const ws = nices.map(niceToWeight);
  const total = ws.reduce((a, b) => a + b, 0);
  return ws.map((w) => w / total);
}
