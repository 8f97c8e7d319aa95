// Contract between the answer UI and the question engine: every example template's view can be drafted,
// the reference answer survives the UI's draft round trip (numbers as typed text, orders, choices,
// timelines) and still grades as fully correct, and schedule replays read back consistently.
import { describe, expect, it } from "vitest";
import { buildVariant, EXAMPLE_TEMPLATES, gradeAnswer, referenceAnswer } from "@/lib/engine/questions";
import { draftToAnswer, initialDraft } from "./answer-model";
import { readReplay, replaySteps, runningAt } from "./replay-model";

describe.each(EXAMPLE_TEMPLATES.map((t) => [t.slug, t] as const))("%s", (_slug, template) => {
  it.each([1, 2, 3])("seed %i: the reference answer round-trips through the form and grades 100%%", (seed) => {
    const built = buildVariant(template, seed);
    if (!built.ok) throw new Error(JSON.stringify(built.errors));
    const variant = built.value;
    const reference = referenceAnswer(variant);

    const blank = initialDraft(variant.view);
    expect(Object.keys(blank).sort()).toEqual(variant.view.parts.map((p) => p.id).sort());

    const { answer, errors } = draftToAnswer(variant.view, initialDraft(variant.view, reference));
    expect(errors).toEqual([]);
    expect(answer.parts).toEqual(reference.parts);

    const report = gradeAnswer(template, variant, answer);
    expect(report.score).toBe(1);

    if (report.replay) {
      const replay = readReplay(report.replay);
      expect(replay).not.toBeNull();
      expect(replaySteps(replay!).length).toBeGreaterThan(0);
      // Each painted reference slot names the task the simulator had on the CPU in the middle of it.
      for (const part of variant.view.parts) {
        if (part.kind !== "timeline") continue;
        const slots = reference.parts[part.id] as (string | null)[];
        slots.forEach((task, i) => {
          if (task !== null && task !== "idle" && task !== "cs")
            expect(runningAt(replay!.slices, (i + 0.5) * part.slotMs)).toBe(task);
        });
      }
    }
  });
});
