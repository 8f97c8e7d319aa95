import { describe, expect, it } from "vitest";
import { BUILT_IN_TEMPLATES } from "@/lib/bank";
import { isMockEligible, MOCK_EXCLUDED_TAGS, pickNextQuestion, refersToUnseenSituation } from "./mock";
import { MOCK_PROMPTS, normaliseCovered, pickMockPrompt } from "./mock-prompts";

// Every string the candidate can see before answering: the prompt, the hints and the generator's text
// (part labels, options, code). The explanation comes after the answer, next to the prompt, so it may
// refer back to it.
function visibleText(t: (typeof BUILT_IN_TEMPLATES)[number]): string[] {
  const out: string[] = [t.prompt, ...t.hints];
  const walk = (v: unknown): void => {
    if (typeof v === "string") out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") Object.values(v).forEach(walk);
  };
  walk(t.generator);
  return out;
}

// A number part that asks for a default value with a literal answer is recall of a constant.
function asksForDefaultConstant(t: (typeof BUILT_IN_TEMPLATES)[number]): boolean {
  const g = t.generator as { parts?: unknown; pool?: { parts?: unknown }[] };
  // A concept pool (issue #23) keeps its parts in its items.
  const parts = Array.isArray(g.pool)
    ? g.pool.flatMap((item) => (Array.isArray(item.parts) ? item.parts : []))
    : g.parts;
  if (!Array.isArray(parts)) return false;
  return parts.some(
    (p: { kind?: unknown; label?: unknown; answer?: unknown }) =>
      p.kind === "number" &&
      typeof p.answer === "number" &&
      typeof p.label === "string" &&
      /\bdefault\b/i.test(p.label),
  );
}

describe("mock selection rules over the bank", () => {
  it("recognises references to a situation that is not shown", () => {
    for (const s of [
      "Same situation, but with 4 CPUs.",
      "Same setup as the last one",
      "Using the numbers as above, …",
      "In the previous question, …",
    ]) {
      expect(refersToUnseenSituation(s), s).toBe(true);
    }
    for (const s of [
      "Two threads run the same program.",
      "The same process forks twice.",
      "Interview tip: the same program gives different output",
    ]) {
      expect(refersToUnseenSituation(s), s).toBe(false);
    }
  });

  it("every built-in template carries its own situation (nothing mock-eligible says 'same situation')", () => {
    const offenders = BUILT_IN_TEMPLATES.filter(
      (t) => isMockEligible(t.tags) && visibleText(t).some(refersToUnseenSituation),
    ).map((t) => t.slug);
    expect(offenders).toEqual([]);
  });

  it("trivia (a default constant to recall) is tagged and never drawn for a mock", () => {
    const recall = BUILT_IN_TEMPLATES.filter(asksForDefaultConstant);
    expect(recall.length).toBeGreaterThan(0);
    expect(recall.filter((t) => !t.tags.includes("trivia")).map((t) => t.slug)).toEqual([]);
    for (const t of recall) expect(isMockEligible(t.tags), t.slug).toBe(false);
    expect(recall.map((t) => t.slug)).toContain("how-many-threads-can-a-server-run");
  });

  it("the selection never picks an excluded template, and still leaves every topic in play", () => {
    const eligible = BUILT_IN_TEMPLATES.filter((t) => isMockEligible(t.tags));
    expect(eligible.length).toBeLessThan(BUILT_IN_TEMPLATES.length);
    const pool = eligible.map((t) => ({ templateId: t.slug, slug: t.slug, topic: t.topic, difficulty: t.difficulty }));
    const asked: { templateId: string; topic: string }[] = [];
    for (let i = 0; ; i++) {
      const pick = pickNextQuestion(
        pool,
        { difficulty: 3, askedTemplateIds: asked.map((a) => a.templateId), askedTopics: asked.map((a) => a.topic) },
        7 + i,
      );
      if (!pick) break;
      asked.push(pick);
    }
    expect(asked.length).toBe(eligible.length);
    const excluded = new Set(
      BUILT_IN_TEMPLATES.filter((t) => t.tags.some((g) => (MOCK_EXCLUDED_TAGS as readonly string[]).includes(g))).map(
        (t) => t.slug,
      ),
    );
    expect(asked.filter((a) => excluded.has(a.templateId))).toEqual([]);
    expect(new Set(asked.map((a) => a.topic))).toEqual(new Set(BUILT_IN_TEMPLATES.map((t) => t.topic)));
  });
});

describe("explain and trade-off prompts", () => {
  it("has at least 8 prompts, each with a model answer and at least 4 key points with unique ids", () => {
    expect(MOCK_PROMPTS.length).toBeGreaterThanOrEqual(8);
    expect(new Set(MOCK_PROMPTS.map((p) => p.id)).size).toBe(MOCK_PROMPTS.length);
    for (const p of MOCK_PROMPTS) {
      expect(p.modelAnswer.length, p.id).toBeGreaterThan(200);
      expect(p.keyPoints.length, p.id).toBeGreaterThanOrEqual(4);
      expect(new Set(p.keyPoints.map((k) => k.id)).size, p.id).toBe(p.keyPoints.length);
      expect(refersToUnseenSituation(p.prompt), p.id).toBe(false);
    }
    expect(new Set(MOCK_PROMPTS.map((p) => p.kind))).toEqual(new Set(["explain", "trade-off", "design"]));
  });

  it("prompts are filed under topics the bank teaches", () => {
    const topics = new Set(BUILT_IN_TEMPLATES.map((t) => t.topic));
    for (const p of MOCK_PROMPTS) expect(topics.has(p.topic as never), p.id).toBe(true);
  });

  it("the PCID prompt teaches that a PCID process switch keeps the TLB (domain notes, correction 2)", () => {
    const p = MOCK_PROMPTS.find((q) => q.id === "thread-vs-process-switch-pcid")!;
    expect(p.modelAnswer).toMatch(/does not flush the TLB/);
    expect(p.modelAnswer).toMatch(/switch_mm/);
  });

  it("every seed picks a prompt, and all prompts are reachable", () => {
    const seen = new Set<string>();
    for (let seed = -20; seed < 40; seed++) seen.add(pickMockPrompt(seed).id);
    expect(seen.size).toBe(MOCK_PROMPTS.length);
  });

  it("keeps only known key points, once each, in rubric order", () => {
    const p = MOCK_PROMPTS[0]!;
    const [a, b] = [p.keyPoints[0]!.id, p.keyPoints[2]!.id];
    expect(normaliseCovered(p, [b, "made-up", a, b])).toEqual([a, b]);
  });
});
