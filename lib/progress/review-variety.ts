// Issue #23: a review must not show the student the same words they saw last time for that question.
// What counts as "the same text" is what the student reads: the prompt, the exhibits (workload tables,
// programs), the conventions, every part's label and the options' labels. Options are compared as a
// set, so a mere reshuffle of one item is still a repeat.
import type { VariantView } from "@/lib/engine";

/** The words a variant puts in front of the student, order of options aside. */
export function variantText(view: Pick<VariantView, "prompt" | "parts" | "exhibits" | "conventions">): string {
  return JSON.stringify([
    view.prompt,
    view.exhibits,
    view.conventions,
    view.parts.map((p) => [p.label, p.kind === "choice" ? p.options.map((o) => o.label).sort() : []]),
  ]);
}

/** Seeds a review tries beyond the first when it keeps drawing the text shown last time. */
export const UNREPEATED_SEED_TRIES = 8;

/**
 * The next seed to try after one that repeated the last text: the following seed, so a pool template
 * (item = seed mod pool size, lib/engine concept kind) moves to the next item.
 */
export function nextSeedAfterRepeat(seed: number): number {
  return (seed + 1) % 2 ** 31;
}
