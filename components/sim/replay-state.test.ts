// The replay shows the engine's state at each instant (issue #14): at a slot boundary inside a run, the
// remaining times are those at that instant and jobs that arrived since are listed.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { buildVariant, gradeAnswer, validateTemplate } from "@/lib/engine/questions";
import type { QuestionTemplate } from "@/lib/engine/questions";
import { readReplay, replaySteps, stepAtTime } from "./replay-model";
import { ReplayViewer } from "./replay-viewer";

const stcf: QuestionTemplate = {
  slug: "stcf-state-test",
  title: "STCF",
  type: "schedule",
  topic: "scheduling-basics",
  tags: [],
  difficulty: 1,
  prompt: "Paint the schedule.",
  generator: {
    policy: "stcf",
    tasks: [
      { id: "A", arrival: 2, bursts: [7] },
      { id: "B", arrival: 0, bursts: [5] },
      { id: "C", arrival: 6, bursts: [2] },
    ],
  },
  grading: {} as QuestionTemplate["grading"],
  hints: [],
  explanation: "",
};

function graded(timeline: string) {
  const t = validateTemplate(stcf);
  if (!t.ok) throw new Error(JSON.stringify(t.errors));
  const v = buildVariant(t.value, 0);
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return gradeAnswer(t.value, v.value, { parts: { timeline: [...timeline] } });
}

describe("replay steps carry the state at their instant", () => {
  // Reference: B 0–5, A 5–6, C 6–8, A 8–14.
  const report = graded("BBAAAAAAABBBCC");
  const replay = readReplay(report.replay)!;
  const steps = replaySteps(replay);

  it("has a step at every slot boundary and decision, so the divergence at t=2 has its own step", () => {
    // 14 slots (0–13) and the last decision at 14, when the run ends.
    expect(steps.map((s) => s.time)).toEqual(Array.from({ length: 15 }, (_, i) => i));
    expect(steps[stepAtTime(steps, 2)]!.time).toBe(2);
  });

  it("at t=2 B runs with 3 ms left and A (7 ms) waits — not the t=0 candidates", () => {
    const s = steps[stepAtTime(steps, 2)]!;
    expect(s.running).toBe("B");
    expect(s.ready).toEqual([
      { task: "B", values: { remaining: 3 } },
      { task: "A", values: { remaining: 7 } },
    ]);
  });

  it("the viewer opened at the divergence renders those values, the rule in words and no rule id", () => {
    const html = renderToStaticMarkup(createElement(ReplayViewer, { replay: report.replay!, slotMs: 1, startAt: 2 }));
    expect(html).toContain("Runnable jobs at t = 2 ms");
    expect(html).toMatch(/<th scope="row"[^>]*>B<span[^>]*>\(running\)<\/span><\/th><td[^>]*>3<\/td>/);
    expect(html).toMatch(/<th scope="row"[^>]*>A<\/th><td[^>]*>7<\/td>/);
    expect(html).not.toContain("stcf-shortest-remaining");
  });
});
