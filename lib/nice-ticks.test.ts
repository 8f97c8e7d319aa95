import { describe, expect, it } from "vitest";
import { niceStep, niceTicks } from "./nice-ticks";

const mantissa = (x: number) => Number((x / 10 ** Math.floor(Math.log10(x))).toPrecision(6));
/** True when x is 1, 2 or 5 times a power of ten (checked from the digits, not from the ladder). */
const isOneTwoFive = (x: number) => [1, 2, 5].includes(mantissa(x));

describe("niceStep / niceTicks", () => {
  it("only ever steps by 1, 2 or 5 × 10^k, and never gives more than the target number of intervals", () => {
    for (let span = 0.013; span < 5e6; span *= 1.37) {
      for (const target of [3, 4, 5, 8, 12]) {
        const step = niceStep(span, target);
        expect(isOneTwoFive(step), `span ${span} target ${target}: step ${step}`).toBe(true);
        expect(span / step).toBeLessThanOrEqual(target + 1e-9);
        // The next smaller 1/2/5 step would exceed the target: this is the smallest that fits.
        const smaller = mantissa(step) === 5 ? step * 0.4 : step / 2;
        expect(span / smaller).toBeGreaterThan(target - 1e-9);
      }
    }
  });

  it("never labels 2.5/7.5 on a 1 ms grid, nor 4.8/9.5/14.3 on a 19 ms widget", () => {
    expect(niceTicks(0, 20, 8)).toEqual([0, 5, 10, 15, 20]);
    expect(niceTicks(0, 19, 4)).toEqual([0, 5, 10, 15]);
    for (let end = 1; end <= 200; end++)
      for (const t of niceTicks(0, end, 8, 1)) expect(Number.isInteger(t), `end ${end}: ${t}`).toBe(true);
  });

  it("starts at the first multiple of the step at or after start and stays bounded", () => {
    expect(niceTicks(3, 17, 4)).toEqual([5, 10, 15]);
    expect(niceTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(0, 1e12, 8).length).toBeLessThanOrEqual(26);
    expect(niceStep(0)).toBe(1);
    expect(niceStep(Number.NaN, 8, 2)).toBe(2);
  });
});
