// Order parts: the lines to arrange are shown shuffled, and their ids are handed out in the shuffled
// order, so neither the list nor the ids reveal the expected order.
import type { PythonRandom } from "../../random";
import type { AnswerPartSpec } from "../types";

export interface OrderItems {
  part: Extract<AnswerPartSpec, { kind: "order" }>;
  /** Item ids in the reference order. */
  expected: string[];
  /** Item id → line text. */
  labels: Record<string, string>;
}

const MAX_RESHUFFLES = 8;

/**
 * `isValid` lets the caller reject a shuffle that happens to be a correct order, so the displayed list
 * never gives the answer away (unless every order is correct).
 */
export function shuffledOrderItems(
  id: string,
  label: string,
  lines: readonly string[],
  rng: PythonRandom,
  isValid: (lines: string[]) => boolean,
): OrderItems {
  const indices = lines.map((_, i) => i);
  let shown = rng.shuffled(indices);
  for (let k = 0; k < MAX_RESHUFFLES && lines.length > 1 && isValid(shown.map((i) => lines[i]!)); k++)
    shown = rng.shuffled(indices);
  const idOf = new Array<string>(lines.length);
  shown.forEach((lineIndex, pos) => (idOf[lineIndex] = `L${pos + 1}`));
  const labels: Record<string, string> = {};
  for (let i = 0; i < lines.length; i++) labels[idOf[i]!] = lines[i]!;
  return {
    part: { kind: "order", id, label, items: shown.map((i) => ({ id: idOf[i]!, label: lines[i]! })) },
    expected: lines.map((_, i) => idOf[i]!),
    labels,
  };
}

export function labelsOf(ids: readonly string[], labels: Record<string, string>): string[] {
  return ids.map((i) => labels[i] ?? i);
}
