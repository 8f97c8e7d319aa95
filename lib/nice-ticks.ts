// Axis ticks that read as round numbers: steps of 1, 2 or 5 × 10^k only. A 2.5 step puts labels at
// 2.5/7.5 on a 1 ms grid, and an unrounded span/4 gives 4.8/9.5/14.3; neither is how anyone counts.

const LADDER = [1, 2, 5];

/**
 * The smallest 1/2/5 × 10^k step that gives at most `target` intervals over `span`. `minStep` keeps the
 * step a multiple of a grid (e.g. 1 for whole milliseconds): no tick falls between grid lines.
 */
export function niceStep(span: number, target = 8, minStep = 0): number {
  if (!(span > 0) || !Number.isFinite(span)) return Math.max(1, minStep);
  const raw = Math.max(span / Math.max(1, target), minStep);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  for (const n of LADDER) if (n * magnitude >= raw * (1 - 1e-12)) return n * magnitude;
  return 10 * magnitude;
}

/** Ticks at multiples of niceStep from the first one ≥ start to the last one ≤ end (at most ~3×target). */
export function niceTicks(start: number, end: number, target = 8, minStep = 0): number[] {
  const step = niceStep(end - start, target, minStep);
  const ticks: number[] = [];
  const first = Math.ceil(start / step - 1e-9) * step;
  // Bounded whatever the input; toPrecision drops float noise (0.30000000000000004).
  for (let t = first, n = 0; t <= end + step * 1e-9 && n < target * 3 + 2; t += step, n++)
    ticks.push(Number(t.toPrecision(12)));
  return ticks;
}
