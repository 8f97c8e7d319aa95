import { describe, expect, it } from "vitest";
import type { GradeReport } from "@/lib/engine/questions";
import { csvField, toCsv } from "./csv";
import { pointBiserial, upperLowerIndex } from "./discrimination";
import { counterDelta, countersFromAttempts, itemStats, statsFromCounters, EMPTY_COUNTERS } from "./item-stats";
import { divergenceLabel, groupWrongAnswers, MAX_KEY_LENGTH, wrongAnswerKey } from "./wrong-answers";
import { countMisconceptions } from "./misconceptions";
import { recurringMisconceptions } from "@/lib/progress/misconceptions";

const report = (over: Partial<GradeReport>): GradeReport => ({
  score: 0.5,
  correct: false,
  parts: [],
  summary: "",
  reference: { timeline: ["A", "A", "B", "B"] },
  ...over,
});

describe("item statistics", () => {
  const attempts = [
    { userId: "u1", variantId: "v1", attemptNumber: 1, score: 0.5, correct: false },
    { userId: "u1", variantId: "v1", attemptNumber: 2, score: 1, correct: true },
    { userId: "u1", variantId: "v1", attemptNumber: 3, score: 1, correct: true },
    { userId: "u2", variantId: "v2", attemptNumber: 1, score: 1, correct: true },
    { userId: "u3", variantId: "v3", attemptNumber: 1, score: 0, correct: false },
  ];

  it("computes mean, first-attempt mean and attempts to the first correct answer", () => {
    const s = itemStats(attempts);
    expect(s.attempts).toBe(5);
    expect(s.meanScore).toBeCloseTo(3.5 / 5);
    expect(s.firstAttemptMean).toBeCloseTo(1.5 / 3);
    // v1 solved at attempt 2, v2 at 1; v3 never, so it does not count.
    expect(s.avgAttemptsToCorrect).toBeCloseTo(1.5);
  });

  it("incremental deltas in arrival order equal the direct computation", () => {
    const c = { ...EMPTY_COUNTERS };
    const solved = new Set<string>();
    for (const a of attempts) {
      const d = counterDelta(a, solved.has(a.variantId));
      if (a.correct) solved.add(a.variantId);
      for (const k of Object.keys(c) as (keyof typeof c)[]) c[k] += d[k];
    }
    expect(c).toEqual(countersFromAttempts([...attempts].reverse()));
  });

  it("has no means without attempts", () => {
    expect(statsFromCounters(EMPTY_COUNTERS)).toEqual({
      attempts: 0,
      meanScore: null,
      firstAttemptMean: null,
      avgAttemptsToCorrect: null,
    });
  });
});

describe("discrimination", () => {
  const rows = Array.from({ length: 100 }, (_, i) => ({ total: i / 100, item: i >= 50 ? 1 : 0 }));

  it("upper-lower index is 1 when only the strong half gets the item right", () => {
    expect(upperLowerIndex(rows)).toBe(1);
  });

  it("is negative when the weak students do better", () => {
    expect(upperLowerIndex(rows.map((r) => ({ ...r, item: 1 - r.item })))).toBe(-1);
  });

  it("uses 27% groups", () => {
    // Only the top 10 get it right: the top 27 group averages 10/27, the bottom group 0.
    const top10 = rows.map((r, i) => ({ ...r, item: i >= 90 ? 1 : 0 }));
    expect(upperLowerIndex(top10)).toBeCloseTo(10 / 27);
  });

  it("is undefined for too few students or no variance", () => {
    expect(upperLowerIndex([{ total: 1, item: 1 }])).toBeNull();
    expect(pointBiserial(rows.map((r) => ({ ...r, item: 1 })))).toBeNull();
  });

  it("point-biserial is positive for a discriminating item and matches a hand computation", () => {
    const small = [
      { total: 0.9, item: 1 },
      { total: 0.8, item: 1 },
      { total: 0.3, item: 0 },
      { total: 0.2, item: 0 },
    ];
    // mean item 0.5, mean total 0.55; sxy = 0.5*(0.35+0.25+0.25+0.35) = 0.6; sxx = 1; syy = 0.37
    expect(pointBiserial(small)).toBeCloseTo(0.6 / Math.sqrt(0.37), 10);
  });
});

describe("wrong-answer grouping", () => {
  it("labels a convention match and groups it across different timelines", () => {
    const conv = { name: "SJF instead of STCF", description: "…", credit: 0.5 };
    const a = wrongAnswerKey({ parts: { timeline: ["A", "A", "A", "B"] } }, report({ convention: conv }));
    const b = wrongAnswerKey({ parts: { timeline: ["B", "A", "A", "A"] } }, report({ convention: conv }));
    expect(a.label).toBe("ran SJF instead of STCF");
    expect(a.key).toBe(b.key);
  });

  it("groups answers that are exactly a catalogued misconception under its name, whatever the variant", () => {
    const part = (timeline: string) => ({
      id: "timeline",
      label: "Timeline",
      score: 0,
      weight: 1,
      message: "",
      misconceptions: [
        {
          id: "fifo-instead",
          name: "FIFO instead of the question's policy",
          full: timeline !== "partial",
          summary: "s",
          explanation: "e",
        },
      ],
    });
    const a = wrongAnswerKey({ parts: { timeline: ["A", "A", "B", "B"] } }, report({ parts: [part("x")] }));
    const b = wrongAnswerKey({ parts: { timeline: ["B", "B", "A", "A"] } }, report({ parts: [part("y")] }));
    expect(a.key).toBe("misconception:fifo-instead");
    expect(a.label).toBe("FIFO instead of the question's policy");
    expect(b.key).toBe(a.key);
    // Following a misconception only up to where it parts from the truth does not name the group.
    const c = wrongAnswerKey({ parts: { timeline: ["B", "A", "A", "A"] } }, report({ parts: [part("partial")] }));
    expect(c.key.startsWith("answer:")).toBe(true);
  });

  it("says 'kept' when the student let the previous job run on", () => {
    const r = report({
      firstDivergence: {
        part: "timeline",
        slot: 2,
        time: 4,
        expected: "B",
        got: "A",
        ready: [],
        rule: "x",
        message: "",
      },
    });
    expect(divergenceLabel(r)).toBe("at t=4 kept A instead of B");
    const ran = report({
      firstDivergence: {
        part: "timeline",
        slot: 0,
        time: 0,
        expected: "A",
        got: "B",
        ready: [],
        rule: "x",
        message: "",
      },
    });
    expect(divergenceLabel(ran)).toBe("at t=0 ran B instead of A");
  });

  it("groups identical order answers and sorts by count", () => {
    const wrong = report({ score: 0, correct: false });
    const groups = groupWrongAnswers([
      { answer: { parts: { order: ["b", "a"] } }, report: wrong },
      { answer: { parts: { order: ["c", "a"] } }, report: wrong },
      { answer: { parts: { order: ["b", "a"] } }, report: wrong },
      { answer: { parts: { order: ["a", "b"] } }, report: { ...wrong, correct: true, score: 1 } },
    ]);
    expect(groups.map((g) => g.count)).toEqual([2, 1]);
    expect(groups[0]!.label).toBe("answered order: b a");
  });

  it("caps long keys with a stable hash", () => {
    const long = { parts: { timeline: Array.from({ length: 400 }, () => "A") } };
    const k1 = wrongAnswerKey(long, report({}));
    const k2 = wrongAnswerKey(structuredClone(long), report({}));
    expect(k1.key.length).toBeLessThanOrEqual(MAX_KEY_LENGTH);
    expect(k1.key).toBe(k2.key);
    expect(k1.key).not.toBe(
      wrongAnswerKey({ parts: { timeline: Array.from({ length: 400 }, () => "B") } }, report({})).key,
    );
  });
});

describe("CSV", () => {
  it("quotes commas, quotes and newlines and defuses formulas", () => {
    expect(csvField('say "hi", ok')).toBe('"say ""hi"", ok"');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(csvField(0.5)).toBe("0.5");
    expect(csvField(null)).toBe("");
    expect(toCsv(["a", "b"], [["x,y", 1]])).toBe('a,b\r\n"x,y",1\r\n');
  });
});

describe("misconception counts", () => {
  const mis = (id: string, full = true) => ({
    id,
    name: `name of ${id}`,
    full,
    summary: "s",
    explanation: `why ${id}`,
  });
  const wrong = (...ms: ReturnType<typeof mis>[]) =>
    report({ parts: [{ id: "p", label: "P", score: 0, weight: 1, message: "", misconceptions: ms }] });

  it("counts each student once per misconception, whole-answer matches only, most held first", () => {
    const counts = countMisconceptions([
      { userId: "u1", report: wrong(mis("a")) },
      { userId: "u1", report: wrong(mis("a")) },
      { userId: "u2", report: wrong(mis("a"), mis("b")) },
      { userId: "u3", report: wrong(mis("b", false)) },
      { userId: "u4", report: wrong(mis("c")) },
    ]);
    expect(counts.map((c) => [c.id, c.students])).toEqual([
      ["a", 2],
      ["b", 1],
      ["c", 1],
    ]);
    expect(counts[0]!.name).toBe("name of a");
    expect(counts[0]!.example).toBe("why a");
  });

  it("ignores right answers", () => {
    expect(countMisconceptions([{ userId: "u1", report: { ...wrong(mis("a")), correct: true } }])).toEqual([]);
  });
});

describe("a student's recurring misconceptions", () => {
  const mis = (id: string, full = true) => ({
    id,
    name: `name of ${id}`,
    full,
    summary: "s",
    explanation: `why ${id}`,
  });
  const wrong = (...ms: ReturnType<typeof mis>[]) =>
    report({ parts: [{ id: "p", label: "P", score: 0, weight: 1, message: "", misconceptions: ms }] });
  const at = (d: number) => new Date(Date.UTC(2026, 0, d));

  it("lists whole-answer misconceptions seen in at least two attempts, most frequent first", () => {
    const r = recurringMisconceptions([
      { templateId: "q1", createdAt: at(1), report: wrong(mis("a")) },
      { templateId: "q2", createdAt: at(3), report: wrong(mis("a"), mis("b")) },
      { templateId: "q1", createdAt: at(2), report: wrong(mis("a", false)) },
      { templateId: "q1", createdAt: at(4), report: wrong(mis("b")) },
      { templateId: "q1", createdAt: at(5), report: wrong(mis("c")) },
      { templateId: "q1", createdAt: at(6), report: { ...wrong(mis("c")), correct: true } },
    ]);
    expect(r.map((m) => [m.id, m.attempts, m.questions])).toEqual([
      ["b", 2, 2],
      ["a", 2, 2],
    ]);
    expect(r[0]!.lastSeen).toBe(at(4).toISOString());
    expect(r[1]!.lastSeen).toBe(at(3).toISOString());
  });
});
