import { describe, expect, it } from "vitest";
import { type ActivityDay, computeStreak, isoWeekOf } from "./streak";

// Day numbers: 20514 is Monday 2026-03-02 (checked below against Date).
const MON = 20514;
const act = (day: number, attempts: number, extra: Partial<ActivityDay> = {}): ActivityDay => ({
  day,
  attempts,
  reviewsDone: 0,
  dueAtStart: 0,
  nextDueDay: day + 1,
  ...extra,
});

describe("computeStreak", () => {
  it("uses Monday-based weeks", () => {
    expect(new Date(MON * 86_400_000).toISOString().slice(0, 10)).toBe("2026-03-02");
    expect(new Date(MON * 86_400_000).getUTCDay()).toBe(1);
    expect(isoWeekOf(MON)).toBe(isoWeekOf(MON + 6));
    expect(isoWeekOf(MON)).not.toBe(isoWeekOf(MON - 1));
  });

  it("counts days with at least 3 attempts and not days with fewer", () => {
    const s = computeStreak([act(MON, 3), act(MON + 1, 5), act(MON + 2, 3)], MON + 2);
    expect(s.current).toBe(3);
    expect(s.todayCounts).toBe(true);
    // Two attempts with something due is not enough, and (after the week's freeze) breaks the streak.
    const t = computeStreak(
      [act(MON, 3), act(MON + 1, 2, { dueAtStart: 1 }), act(MON + 2, 2, { dueAtStart: 1 }), act(MON + 3, 3)],
      MON + 3,
    );
    expect(t.current).toBe(1);
    expect(t.longest).toBe(1);
  });

  it("counts a day on which every due review was done, even with fewer than 3 attempts", () => {
    const s = computeStreak([act(MON, 3), act(MON + 1, 2, { dueAtStart: 2, reviewsDone: 2 })], MON + 1);
    expect(s.current).toBe(2);
  });

  it("does not break on days with nothing due and no practice", () => {
    // After Monday the next card is due on Friday: Tuesday to Thursday are neutral.
    const s = computeStreak([act(MON, 3, { nextDueDay: MON + 4 }), act(MON + 4, 3)], MON + 4);
    expect(s.current).toBe(2);
    expect(s.recent.slice(-5).map((d) => d.status)).toEqual(["counted", "neutral", "neutral", "neutral", "counted"]);
  });

  it("uses one freeze per week, then breaks", () => {
    // Something is due every day (nextDueDay = next day), Tuesday skipped: frozen.
    const one = computeStreak([act(MON, 3), act(MON + 2, 3)], MON + 2);
    expect(one.current).toBe(2);
    expect(one.freezeUsedThisWeek).toBe(true);
    // Tuesday and Thursday skipped in the same week: the second miss breaks it.
    const two = computeStreak([act(MON, 3), act(MON + 2, 3), act(MON + 4, 3)], MON + 4);
    expect(two.current).toBe(1);
    expect(two.longest).toBe(2);
  });

  it("gives a new freeze in a new week", () => {
    // Missed Sunday (week 1) and the next Tuesday (week 2): both frozen.
    const days = [act(MON + 5, 3), act(MON + 7, 3), act(MON + 9, 3)];
    const s = computeStreak(days, MON + 9);
    expect(s.current).toBe(3);
  });

  it("does not break on today while it is still going on", () => {
    const s = computeStreak([act(MON, 3), act(MON + 1, 1)], MON + 1);
    expect(s.current).toBe(1);
    expect(s.todayCounts).toBe(false);
    expect(s.recent.at(-1)?.status).toBe("pending");
  });

  it("is zero with no activity", () => {
    const s = computeStreak([], MON);
    expect(s).toMatchObject({ current: 0, longest: 0, todayCounts: false });
    expect(s.recent).toHaveLength(14);
  });
});
