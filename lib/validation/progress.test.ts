import { describe, expect, it } from "vitest";
import {
  historyQuerySchema,
  mockAnswerSchema,
  mockAssessSchema,
  mockExplainSchema,
  settingsPatchSchema,
  startMockSchema,
} from "./progress";

const firstPath = (r: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  r.error?.issues[0]?.path.join(".");

describe("progress request schemas", () => {
  it("accepts retention 0.7–0.97 and names the field otherwise", () => {
    expect(settingsPatchSchema.safeParse({ retention: 0.7 }).success).toBe(true);
    expect(settingsPatchSchema.safeParse({ retention: 0.97 }).success).toBe(true);
    for (const bad of [0.69, 0.98, Number.NaN, "0.9", null]) {
      const r = settingsPatchSchema.safeParse({ retention: bad });
      expect(r.success).toBe(false);
      expect(firstPath(r)).toBe("retention");
    }
  });

  it("bounds the UTC offset to real time zones and refuses unknown fields", () => {
    expect(settingsPatchSchema.safeParse({ timeZone: "Asia/Kathmandu" }).success).toBe(true);
    expect(firstPath(settingsPatchSchema.safeParse({ timeZone: "Mars/Olympus" }))).toBe("timeZone");
    expect(firstPath(settingsPatchSchema.safeParse({ timeZone: 120 }))).toBe("timeZone");
    // The offset it replaced is no longer accepted (strict body).
    expect(settingsPatchSchema.safeParse({ utcOffsetMinutes: 120 }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ retention: 0.9, admin: true }).success).toBe(false);
  });

  it("allows only 15, 30 or 45 minute mock interviews", () => {
    for (const m of [15, 30, 45]) expect(startMockSchema.safeParse({ minutes: m }).success).toBe(true);
    for (const m of [0, 20, -15, 1e9, "30"])
      expect(firstPath(startMockSchema.safeParse({ minutes: m }))).toBe("minutes");
  });

  it("requires an item id with a mock answer", () => {
    const answer = { submissionId: "abcdefgh12", answer: { parts: { a: 1 } } };
    expect(mockAnswerSchema.safeParse({ ...answer, itemId: "item_1" }).success).toBe(true);
    expect(firstPath(mockAnswerSchema.safeParse(answer))).toBe("itemId");
  });

  it("coerces and bounds the history page size", () => {
    expect(historyQuerySchema.parse({ limit: "20" })).toEqual({ limit: 20 });
    expect(historyQuerySchema.safeParse({ limit: "1000" }).success).toBe(false);
    expect(historyQuerySchema.safeParse({ cursor: "../../etc" }).success).toBe(false);
  });

  it("needs non-empty explain text within the limit, and key-point ids for the self-assessment", () => {
    expect(mockExplainSchema.safeParse({ text: "Threads share the address space." }).success).toBe(true);
    for (const text of ["", "   ", 42, "x".repeat(8001)])
      expect(firstPath(mockExplainSchema.safeParse({ text }))).toBe("text");
    expect(mockAssessSchema.safeParse({ covered: ["pcid-no-flush"] }).success).toBe(true);
    for (const covered of ["pcid", [1], ["Not An Id"], Array.from({ length: 21 }, (_, i) => `k${i}`)]) {
      expect(firstPath(mockAssessSchema.safeParse({ covered }))).toMatch(/^covered/);
    }
  });
});
