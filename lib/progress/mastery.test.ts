import { describe, expect, it } from "vitest";
import { addAttempt, EMPTY_MASTERY, masteryPercent, nextEma, weakestFirst } from "./mastery";

describe("mastery", () => {
  it("is the exponential moving average with alpha 0.3, seeded by the first score", () => {
    // By hand: 1 → 1; then 0 → 0.3·0 + 0.7·1 = 0.7; then 1 → 0.3 + 0.49 = 0.79.
    let ema = nextEma(null, 1);
    expect(ema).toBe(1);
    ema = nextEma(ema, 0);
    expect(ema).toBeCloseTo(0.7);
    ema = nextEma(ema, 1);
    expect(ema).toBeCloseTo(0.79);
    expect(masteryPercent(ema)).toBe(79);
    expect(masteryPercent(null)).toBeNull();
  });

  it("keeps counts and clamps bad scores", () => {
    const at = new Date("2026-03-02T09:00:00Z");
    const agg = addAttempt(addAttempt(EMPTY_MASTERY, 0.5, at), Number.NaN, at);
    expect(agg).toMatchObject({ attempts: 2, scoreSum: 0.5, lastAttemptAt: at.toISOString() });
    expect(agg.ema).toBeCloseTo(0.35);
  });

  it("lists the weakest started topic first and not-started ones last", () => {
    const order = weakestFirst([
      { topic: "a", attempts: 0, percent: null },
      { topic: "b", attempts: 3, percent: 80 },
      { topic: "c", attempts: 2, percent: 20 },
    ]).map((r) => r.topic);
    expect(order).toEqual(["c", "b", "a"]);
  });
});
