// The built-in templates that declare generator.discriminate (issue #21, item 3): on every seed tried,
// the catalogue's transformation of the drawn workload paints a schedule the grader marks wrong and names.
import { describe, expect, test } from "vitest";
import { BUILT_IN_TEMPLATES } from "@/lib/bank";
import {
  buildVariant,
  gradeAnswer,
  SCHEDULE_MISCONCEPTIONS,
  slotsFromSim,
  TIMELINE_IDLE,
} from "@/lib/engine/questions";
import { simulate, type Workload } from "@/lib/engine/sched";

const SEEDS = 20;
/** The misconceived workload's schedule on the answer's grid (padded with idle, as a student would paint it). */
function painted(w: Workload, slotMs: number, length: number): string[] {
  const s = slotsFromSim(simulate(w), slotMs, length * 4 + 100);
  if (!s.ok) throw new Error(JSON.stringify(s));
  const out = s.slots.slice(0, length);
  while (out.length < length) out.push(TIMELINE_IDLE);
  return out;
}

const declaring = BUILT_IN_TEMPLATES.filter((t) => Array.isArray(t.generator["discriminate"]));

describe("built-in templates with generator.discriminate", () => {
  test("at least two schedule templates use it", () => {
    expect(declaring.map((t) => t.slug)).toEqual(
      expect.arrayContaining(["rr-gantt-with-arrivals", "priority-preemptive-or-not"]),
    );
  });

  test.each(declaring.map((t) => [t.slug, t] as const))(
    `%s: ${SEEDS} seeds each show every named misconception`,
    (_slug, t) => {
      for (const id of t.generator["discriminate"] as string[]) {
        const entry = SCHEDULE_MISCONCEPTIONS.find((e) => e.id === id)!;
        for (let seed = 0; seed < SEEDS; seed++) {
          const v = buildVariant(t, seed);
          if (!v.ok) throw new Error(`${t.slug} seed ${seed}: ${JSON.stringify(v.errors)}`);
          const data = v.value.key.data as { workload: Workload; slotMs: number };
          const truth = v.value.key.expected["timeline"] as string[];
          const mw = entry.transform(data.workload);
          const slots = mw ? painted(mw, data.slotMs, truth.length) : null;
          expect(slots?.join(), `${t.slug} seed ${seed}`).not.toBe(truth.join());
          const report = gradeAnswer(t, v.value, { parts: { timeline: slots! } });
          expect(report.score).toBeLessThan(1);
          expect(
            report.parts.flatMap((p) => p.misconceptions ?? []).map((m) => m.id),
            `${t.slug} seed ${seed}`,
          ).toContain(id);
        }
      }
    },
  );
});
