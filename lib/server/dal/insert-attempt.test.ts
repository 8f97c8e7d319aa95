import { describe, expect, it } from "vitest";
import { attemptId } from "./insert-attempt";

describe("attemptId", () => {
  it("sorts in creation order, within one millisecond and across milliseconds", () => {
    const start = Date.parse("2026-11-27T10:00:00Z");
    // 50 ids in each of 40 milliseconds: the order they were made in is the order they sort in.
    const made = Array.from({ length: 2000 }, (_, i) => attemptId(start + Math.floor(i / 50)));
    expect([...made].sort()).toEqual(made);
    expect(new Set(made).size).toBe(made.length);
  });

  it("is a short opaque string of letters and digits", () => {
    expect(attemptId(Date.now())).toMatch(/^c[0-9a-z]{12}[0-9a-f]{16}$/);
  });
});
