import { describe, expect, it } from "vitest";
import { seededRandom } from "./client";

// The paced load test's schedule (arrivals, think times, questions) comes from seededRandom: a run is
// reproducible only if the same seed gives the same stream.
describe("seededRandom", () => {
  it("repeats its stream for a seed, differs between seeds, and stays in [0, 1) with mean near 1/2", () => {
    const take = (seed: number) => {
      const r = seededRandom(seed);
      return Array.from({ length: 10_000 }, () => r());
    };
    const a = take(7);
    expect(take(7)).toEqual(a);
    expect(take(8)).not.toEqual(a);
    expect(a.every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = a.reduce((s, x) => s + x, 0) / a.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.02);
    // Every tenth of the interval is hit (think times spread over 20–40 s, not clumped).
    const deciles = new Set(a.map((x) => Math.floor(x * 10)));
    expect(deciles.size).toBe(10);
  });
});
