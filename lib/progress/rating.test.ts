import { describe, expect, it } from "vitest";
import { ratingFor } from "./rating";

describe("ratingFor", () => {
  it("maps the documented score bands", () => {
    expect(ratingFor({ score: 0, attemptNumber: 1, hintsUsed: 0 })).toBe("again");
    expect(ratingFor({ score: 0.49, attemptNumber: 1, hintsUsed: 0 })).toBe("again");
    expect(ratingFor({ score: 0.5, attemptNumber: 1, hintsUsed: 0 })).toBe("hard");
    expect(ratingFor({ score: 0.99, attemptNumber: 1, hintsUsed: 0 })).toBe("hard");
    expect(ratingFor({ score: 1, attemptNumber: 1, hintsUsed: 0 })).toBe("easy");
  });
  it("a correct answer after a retry or a hint is good, not easy", () => {
    expect(ratingFor({ score: 1, attemptNumber: 2, hintsUsed: 0 })).toBe("good");
    expect(ratingFor({ score: 1, attemptNumber: 1, hintsUsed: 1 })).toBe("good");
  });
  it("retries do not rescue a wrong or partial answer", () => {
    expect(ratingFor({ score: 0.2, attemptNumber: 3, hintsUsed: 2 })).toBe("again");
    expect(ratingFor({ score: 0.7, attemptNumber: 3, hintsUsed: 0 })).toBe("hard");
  });
  it("treats a NaN score as wrong", () => {
    expect(ratingFor({ score: Number.NaN, attemptNumber: 1, hintsUsed: 0 })).toBe("again");
  });
});
