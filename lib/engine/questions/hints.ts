// The hint ladder of a variant (issue #23): the template's own hints first (with the variant's
// parameters filled in), the kind's rule in words when the template brings fewer than two, and last the
// first step worked on the variant's own data. So every question has at least three graduated hints.
import { KIND_HINTS } from "./kinds/worked-steps";
import { fillPlaceholders, type ParamValue } from "./params";
import type { QuestionTemplate, Variant } from "./types";

/** Hints before the worked step; the kind's rule fills the ladder up to this. */
const RULES_BEFORE_STEP = 2;

export function hintLadder(template: Pick<QuestionTemplate, "hints">, variant: Variant): string[] {
  const params = (variant.key.data["params"] ?? {}) as Record<string, ParamValue>;
  const kind = KIND_HINTS[variant.view.type];
  const ladder = (template.hints ?? []).map((h) => fillPlaceholders(h, params));
  if (ladder.length < RULES_BEFORE_STEP) ladder.push(kind.rule(variant));
  if (ladder.length < RULES_BEFORE_STEP)
    ladder.unshift("Read the question again: what exactly is asked, and which rule decides it?");
  ladder.push(kind.firstStep(variant));
  return ladder;
}
