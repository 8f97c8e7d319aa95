// Test helpers: build templates tersely and fail loudly when a fixture is itself invalid.
import { expect } from "vitest";
import { TEMPLATE_DEFAULT_GRADING } from "../grading";
import { validateTemplate } from "../template";
import type { Answer, GradingSettings, QuestionTemplate, QuestionType, Variant } from "../types";
import { buildVariant } from "../variant";

export function template(
  type: QuestionType,
  generator: Record<string, unknown>,
  grading: Partial<GradingSettings> = {},
  prompt = "Answer the question.",
): QuestionTemplate {
  return {
    slug: `test-${type}`,
    title: `Test ${type}`,
    type,
    topic: "scheduling-basics",
    tags: [],
    difficulty: 2,
    prompt,
    generator,
    grading: { ...TEMPLATE_DEFAULT_GRADING, ...grading },
    hints: [],
    explanation: "",
  };
}

const validated = new WeakMap<QuestionTemplate, QuestionTemplate>();

export function valid(t: QuestionTemplate): QuestionTemplate {
  const hit = validated.get(t);
  if (hit) return hit;
  const v = validateTemplate(t);
  if (!v.ok) throw new Error(`fixture template is invalid: ${JSON.stringify(v.errors)}`);
  validated.set(t, v.value);
  validated.set(v.value, v.value);
  return v.value;
}

export function variant(t: QuestionTemplate, seed = 0): Variant {
  const v = buildVariant(valid(t), seed);
  if (!v.ok) throw new Error(`fixture variant failed: ${JSON.stringify(v.errors)}`);
  return v.value;
}

export function answer(parts: Answer["parts"]): Answer {
  return { parts };
}

/** "AABB-C" → ["A","A","B","B","idle","C"]; "*" = "cs". */
export function slots(s: string): string[] {
  return [...s].map((c) => (c === "-" ? "idle" : c === "*" ? "cs" : c));
}

export function expectSlots(v: Variant, s: string): void {
  expect(v.key.expected["timeline"]).toEqual(slots(s));
}
