// The grading property every kind must have: over many seeded variants, the reference answer is a
// valid answer scoring exactly 1, and a perturbed (valid but wrong) answer scores below 1.
import { expect } from "vitest";
import { checkAnswer } from "../check";
import { gradeAnswer } from "../grade";
import { perturbAnswer } from "../perturb";
import type { QuestionTemplate } from "../types";
import { buildVariant, referenceAnswer } from "../variant";
import { valid } from "./helpers";

export function checkGradingProperty(raw: QuestionTemplate, variants: number, firstSeed = 0): void {
  const t = valid(raw);
  const problems: string[] = [];
  for (let seed = firstSeed; seed < firstSeed + variants && problems.length < 5; seed++) {
    const built = buildVariant(t, seed);
    if (!built.ok) {
      problems.push(`seed ${seed}: ${JSON.stringify(built.errors)}`);
      continue;
    }
    const v = built.value;
    const ref = referenceAnswer(v);
    if (!checkAnswer(v.view, ref).ok) problems.push(`seed ${seed}: reference answer invalid`);
    const refScore = gradeAnswer(t, v, ref).score;
    if (refScore !== 1) problems.push(`seed ${seed}: reference scores ${refScore}`);
    const wrong = perturbAnswer(v, seed);
    if (!checkAnswer(v.view, wrong).ok) problems.push(`seed ${seed}: perturbed answer invalid`);
    const wrongScore = gradeAnswer(t, v, wrong).score;
    if (!(wrongScore < 1)) problems.push(`seed ${seed}: perturbed answer scores ${wrongScore}`);
  }
  expect(problems).toEqual([]);
}
