import { describe, expect, it } from "vitest";
import { buildMockReport, type MockCandidate, nextDifficulty, pickNextQuestion } from "./mock";
import { MOCK_PROMPTS } from "./mock-prompts";

const c = (templateId: string, topic: string, difficulty: number): MockCandidate => ({
  templateId,
  slug: templateId,
  topic,
  difficulty,
});

describe("nextDifficulty", () => {
  it("goes up after a correct answer and down after a wrong one, within 1..5", () => {
    expect(nextDifficulty(2, true)).toBe(3);
    expect(nextDifficulty(2, false)).toBe(1);
    expect(nextDifficulty(1, false)).toBe(1);
    expect(nextDifficulty(5, true)).toBe(5);
  });
});

describe("pickNextQuestion", () => {
  const bank = [c("a1", "A", 1), c("a3", "A", 3), c("b2", "B", 2), c("b4", "B", 4), c("c3", "C", 3)];

  it("prefers a topic not asked yet, then the closest difficulty", () => {
    const next = pickNextQuestion(bank, { difficulty: 3, askedTemplateIds: ["a3", "b2"], askedTopics: ["A", "B"] }, 1);
    expect(next?.templateId).toBe("c3");
    const then = pickNextQuestion(bank, { difficulty: 4, askedTemplateIds: ["a3", "c3"], askedTopics: ["A", "C"] }, 1);
    expect(then?.templateId).toBe("b4");
  });

  it("never repeats a question and returns null when all were asked", () => {
    const all = bank.map((b) => b.templateId);
    expect(pickNextQuestion(bank, { difficulty: 3, askedTemplateIds: all, askedTopics: [] }, 7)).toBeNull();
  });

  it("is deterministic for a seed, and breaks ties among equals", () => {
    const ties = [c("x", "A", 3), c("y", "B", 3), c("z", "C", 3)];
    const state = { difficulty: 3, askedTemplateIds: [], askedTopics: [] };
    expect(pickNextQuestion(ties, state, 42)).toEqual(pickNextQuestion(ties, state, 42));
    const seen = new Set(Array.from({ length: 30 }, (_, s) => pickNextQuestion(ties, state, s)!.templateId));
    expect(seen.size).toBeGreaterThan(1);
  });
});

describe("buildMockReport", () => {
  it("scores by topic, times each question and lists what to review", () => {
    const t0 = "2026-03-02T09:00:00.000Z";
    const report = buildMockReport([
      {
        templateId: "a",
        slug: "a",
        title: "A",
        topic: "T1",
        difficulty: 2,
        score: 1,
        startedAt: t0,
        answeredAt: "2026-03-02T09:01:30.000Z",
        attemptId: "att-a",
      },
      {
        templateId: "b",
        slug: "b",
        title: "B",
        topic: "T1",
        difficulty: 3,
        score: 0.5,
        startedAt: t0,
        answeredAt: "2026-03-02T09:02:00.000Z",
        attemptId: "att-b",
      },
      {
        templateId: "c",
        slug: "c",
        title: "C",
        topic: "T2",
        difficulty: 2,
        score: null,
        startedAt: t0,
        answeredAt: null,
        attemptId: null,
      },
    ]);
    expect(report.byTopic).toEqual([
      { topic: "T1", asked: 2, answered: 2, meanScore: 0.75 },
      { topic: "T2", asked: 1, answered: 0, meanScore: 0 },
    ]);
    expect(report.perQuestion.map((q) => q.seconds)).toEqual([90, 120, null]);
    // Each answered row keeps its attempt so the report can link to its feedback.
    expect(report.perQuestion.map((q) => q.attemptId)).toEqual(["att-a", "att-b", null]);
    expect(report.toReview.map((r) => r.templateId)).toEqual(["b", "c"]);
    expect(report.overall).toBeCloseTo(0.5);
  });
});

describe("buildMockReport with the explain prompt", () => {
  const prompt = MOCK_PROMPTS[1]!;
  const startedAt = "2026-01-01T10:00:00.000Z";
  it("combines the self-assessment with the graded parts without changing the graded score", () => {
    const covered = [prompt.keyPoints[3]!.id, prompt.keyPoints[0]!.id];
    const withExplain = buildMockReport([], {
      prompt,
      answer: "text",
      startedAt,
      answeredAt: "2026-01-01T10:02:05.000Z",
      covered,
    });
    expect(withExplain.overall).toBe(0);
    expect(withExplain.explain).toMatchObject({ promptId: prompt.id, seconds: 125, assessed: true });
    expect(withExplain.explain!.selfScore).toBeCloseTo(2 / prompt.keyPoints.length);
    expect(withExplain.explain!.keyPoints.filter((k) => k.covered).map((k) => k.id)).toEqual(
      prompt.keyPoints.filter((k) => covered.includes(k.id)).map((k) => k.id),
    );
  });
  it("an unanswered or unassessed prompt has no self score", () => {
    const r = buildMockReport([], { prompt, answer: null, startedAt, answeredAt: null, covered: null });
    expect(r.explain).toMatchObject({ answer: null, seconds: null, assessed: false, selfScore: null });
    expect(r.explain!.keyPoints.every((k) => !k.covered)).toBe(true);
    expect(buildMockReport([]).explain).toBeNull();
  });
});
