import { describe, expect, it } from "vitest";
import { attemptId } from "./insert-attempt";

describe("attemptId", () => {
  it("sorts in creation order, within one millisecond and across milliseconds", () => {
    const made = Array.from({ length: 5000 }, () => attemptId());
    expect([...made].sort()).toEqual(made);
    expect(new Set(made).size).toBe(made.length);
    // The first 48 bits are the millisecond: some ids share one (the order within it is the counter's)
    // and the run spans more than one, so both cases above were exercised.
    const millis = made.map((id) => id.slice(0, 13));
    expect(new Set(millis).size).toBeLessThan(made.length);
    expect(new Set(millis).size).toBeGreaterThan(1);
  });

  it("is a version-7 UUID", () => {
    expect(attemptId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
