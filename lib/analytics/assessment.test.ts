import { describe, expect, it } from "vitest";
import type { GradeReport } from "@/lib/engine/questions";
import {
  type AssessmentRules,
  creditFor,
  hintCostNotice,
  FREE_PRACTICE,
  referenceVisible,
  variantRevealed,
  withheldReport,
} from "./assessment";
import { gradeAssignment } from "./assignment-grades";
import { discriminationOf, MIN_DISCRIMINATION_N, upperLowerIndex } from "./discrimination";

const due = new Date("2026-12-01T12:00:00Z");
const before = new Date(due.getTime() - 1000);
const after = new Date(due.getTime() + 1000);
const rules = (over: Partial<AssessmentRules>): AssessmentRules => ({ ...FREE_PRACTICE, dueAt: due, ...over });

describe("assessment rules", () => {
  it("shows references after each attempt, after the due date, or never", () => {
    expect(referenceVisible(FREE_PRACTICE, before)).toBe(true);
    expect(referenceVisible(rules({ reveal: "after-due" }), before)).toBe(false);
    expect(referenceVisible(rules({ reveal: "after-due" }), after)).toBe(true);
    expect(referenceVisible(rules({ reveal: "after-due", dueAt: null }), after)).toBe(false);
    expect(referenceVisible(rules({ reveal: "never" }), after)).toBe(false);
  });

  it("a variant is revealed once it has an attempt and its reference may be seen", () => {
    expect(variantRevealed(FREE_PRACTICE, 0, before)).toBe(false);
    expect(variantRevealed(FREE_PRACTICE, 1, before)).toBe(true);
    expect(variantRevealed(rules({ reveal: "after-due" }), 2, before)).toBe(false);
    expect(variantRevealed(rules({ reveal: "after-due" }), 1, after)).toBe(true);
  });

  it("takes the late penalty off late attempts only", () => {
    const r = rules({ latePenalty: 0.25 });
    expect(creditFor(r, 0.8, before)).toBe(0.8);
    expect(creditFor(r, 0.8, after)).toBeCloseTo(0.6, 12);
    expect(creditFor(rules({ dueAt: null, latePenalty: 0.5 }), 0.8, after)).toBe(0.8);
  });

  it("a withheld report keeps the score and nothing that gives the answer away", () => {
    const report: GradeReport = {
      score: 0.5,
      correct: false,
      parts: [{ id: "t", label: "Timeline", score: 0.5, weight: 1, message: "the answer is “A A B”" }],
      summary: "Expected A A B",
      reference: { t: ["A", "A", "B"] },
      firstDivergence: {
        part: "t",
        slot: 2,
        time: 2,
        expected: "B",
        got: "A",
        ready: [],
        rule: "r",
        message: "B was picked",
      },
      convention: { name: "SJF", description: "shortest first", credit: 0.5 },
      replay: { slices: [] },
    };
    const cut = withheldReport(report);
    expect(cut).toMatchObject({
      score: 0.5,
      correct: false,
      reference: {},
      parts: [{ id: "t", score: 0.5, message: "Partial credit." }],
    });
    expect(JSON.stringify(cut)).not.toMatch(/A A B|"B"|SJF|slices/);
  });

  it("grades an assignment from its own attempts on or after it was set, best credit per question, untried as 0", () => {
    const set = new Date(due.getTime() - 86_400_000);
    const a = { id: "a", createdAt: set, slugs: ["q1", "q2"], rules: rules({ latePenalty: 0.5 }) };
    const slugs = new Map([
      ["t1", "q1"],
      ["t2", "q2"],
    ]);
    const at = (ms: number) => new Date(set.getTime() + ms);
    const grades = gradeAssignment(a, slugs, [
      { id: "1", userId: "u", templateId: "t1", assignmentId: "a", score: 0.4, hintsUsed: 0, createdAt: at(1000) },
      { id: "2", userId: "u", templateId: "t1", assignmentId: "a", score: 1, hintsUsed: 0, createdAt: after },
      { id: "3", userId: "u", templateId: "t1", assignmentId: "a", score: 1, hintsUsed: 0, createdAt: at(-1000) },
      { id: "4", userId: "u", templateId: "t1", assignmentId: "other", score: 1, hintsUsed: 0, createdAt: at(2000) },
    ]);
    const g = grades.get("u")!;
    expect(g.questions["q1"]).toEqual({ credit: 0.5, attempts: 2, first: 0.4 });
    expect(g.questions["q2"]).toBeUndefined();
    expect(g.grade).toBe(0.25);
  });
});

describe("discrimination's minimum number of students", () => {
  const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ item: i % 3 === 0 ? 1 : 0, total: i / n }));

  it("is null below MIN_DISCRIMINATION_N and the upper-lower index from there", () => {
    expect(MIN_DISCRIMINATION_N).toBe(30);
    // Three students would print D = 1.00 without the rule.
    expect(
      upperLowerIndex([
        { item: 1, total: 1 },
        { item: 0.5, total: 0.5 },
        { item: 0, total: 0 },
      ]),
    ).toBe(1);
    expect(
      discriminationOf([
        { item: 1, total: 1 },
        { item: 0.5, total: 0.5 },
        { item: 0, total: 0 },
      ]),
    ).toEqual({ discrimination: null, pointBiserial: null });
    expect(discriminationOf(rows(29)).discrimination).toBeNull();
    const at30 = discriminationOf(rows(30));
    expect(at30.discrimination).toBe(upperLowerIndex(rows(30)));
    expect(at30.discrimination).not.toBeNull();
    expect(at30.pointBiserial).not.toBeNull();
  });
});

describe("hint penalty", () => {
  it("takes a fraction of the credit per opened hint, capped, and combines with the late penalty", () => {
    const r = rules({ hintPenalty: 0.1, hintPenaltyMax: 0.25 });
    // Hints are free by default: the old behaviour.
    expect(creditFor(rules({}), 0.8, before, 3)).toBe(0.8);
    expect(creditFor(r, 0.8, before, 0)).toBe(0.8);
    expect(creditFor(r, 0.8, before, 1)).toBeCloseTo(0.8 * 0.9, 12);
    expect(creditFor(r, 0.8, before, 2)).toBeCloseTo(0.8 * 0.8, 12);
    // Three hints would be 30%: the cap keeps it at 25%, and more hints change nothing.
    expect(creditFor(r, 0.8, before, 3)).toBeCloseTo(0.8 * 0.75, 12);
    expect(creditFor(r, 0.8, before, 9)).toBeCloseTo(0.8 * 0.75, 12);
    const late = { ...r, latePenalty: 0.5 };
    expect(creditFor(late, 0.8, after, 1)).toBeCloseTo(0.8 * 0.9 * 0.5, 12);
    // Nonsense hint counts cannot raise the credit.
    expect(creditFor(r, 0.8, before, -2)).toBe(0.8);
  });

  it("warns before a hint only when hints cost something, naming what the next one takes", () => {
    expect(hintCostNotice(rules({}), 0)).toBeNull();
    const r = rules({ hintPenalty: 0.1, hintPenaltyMax: 0.25 });
    expect(hintCostNotice(r, 0)).toContain("takes 10% off");
    expect(hintCostNotice(r, 2)).toContain("takes 5% off");
    expect(hintCostNotice(r, 3)).toContain("this hint is free");
  });

  it("grades an assignment with the penalty of the hints each attempt was made with", () => {
    const set = new Date(due.getTime() - 86_400_000);
    const a = { id: "a", createdAt: set, slugs: ["q1"], rules: rules({ hintPenalty: 0.2, hintPenaltyMax: 1 }) };
    const slugs = new Map([["t1", "q1"]]);
    const grades = gradeAssignment(a, slugs, [
      { id: "1", userId: "u", templateId: "t1", assignmentId: "a", score: 1, hintsUsed: 2, createdAt: before },
      { id: "2", userId: "v", templateId: "t1", assignmentId: "a", score: 1, hintsUsed: 0, createdAt: before },
    ]);
    expect(grades.get("u")!.grade).toBeCloseTo(1 - 2 * 0.2, 12);
    expect(grades.get("v")!.grade).toBe(1);
  });
});
