import { describe, expect, it } from "vitest";
import { TOPICS } from "@/lib/topics";
import { DEFAULT_SETTINGS, dashboardFrom, type MasteryRow } from "./dashboard";
import { masteryPercent } from "./mastery";

const row = (key: string, ema: number, attempts = 3): MasteryRow => ({
  kind: "topic",
  key,
  attempts,
  ema,
  lastAttemptAt: new Date("2026-12-01T10:00:00Z"),
});

describe("dashboardFrom with lecturer topics (issue #24)", () => {
  it("lists the eight built-in topics first, then the lecturer topics the student has practised, by name", () => {
    const rows = [row("scheduling-basics", 0.9), row("week-5-lab", 0.2, 4), row("unnamed-gone", 0.5)];
    const data = dashboardFrom(rows, 0, DEFAULT_SETTINGS, null, [
      { slug: "week-5-lab", name: "Week 5 lab" },
      // Visible but never practised: not a progress row.
      { slug: "week-6-lab", name: "Week 6 lab" },
    ]);
    expect(data.topics.map((t) => t.slug)).toEqual([...TOPICS.map((t) => t.slug), "week-5-lab"]);
    const lab = data.topics.at(-1)!;
    expect(lab).toMatchObject({ title: "Week 5 lab", short: "Week 5 lab", attempts: 4 });
    expect(lab.percent).toBe(masteryPercent(0.2));
    // The weakest started topic can be a lecturer's.
    expect(data.weakest[0]!.slug).toBe("week-5-lab");
  });

  it("is unchanged without lecturer topics", () => {
    const rows = [row("real-time", 0.4)];
    expect(dashboardFrom(rows, 2, DEFAULT_SETTINGS, null)).toEqual(dashboardFrom(rows, 2, DEFAULT_SETTINGS, null, []));
    expect(dashboardFrom(rows, 2, DEFAULT_SETTINGS, null).topics).toHaveLength(TOPICS.length);
  });
});
