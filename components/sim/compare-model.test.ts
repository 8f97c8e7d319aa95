import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { buildVariant, gradeAnswer, referenceAnswer } from "@/lib/engine";
import { BUILT_IN_TEMPLATES } from "@/lib/bank";
import { compareTimelines } from "./compare-model";
import { timelineToSlices } from "./gantt-model";
import { readComparedSchedules } from "./replay-model";

/** The spans where two painted timelines differ, found slot by slot (independently of the slices). */
function slotDifferences(a: (string | null)[], b: (string | null)[], slotMs: number) {
  const spans: { start: number; end: number }[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if ((a[i] ?? null) === (b[i] ?? null)) continue;
    const last = spans[spans.length - 1];
    if (last && last.end === i * slotMs) last.end = (i + 1) * slotMs;
    else spans.push({ start: i * slotMs, end: (i + 1) * slotMs });
  }
  return spans;
}

describe("compareTimelines", () => {
  it("puts every row on one range and one task order, from 0 to the latest end of any row", () => {
    const c = compareTimelines([
      { id: "yours", label: "Yours", slices: timelineToSlices(["B", "B", "B", "B"], 2) },
      { id: "reference", label: "Reference", slices: timelineToSlices(["A", "A", "B", "B", "A"], 2) },
    ]);
    expect(c.start).toBe(0);
    expect(c.end).toBe(10);
    expect(c.tasks).toEqual(["A", "B"]);
    expect(c.ticks[0]).toBe(0);
    expect(c.ticks.at(-1)).toBeLessThanOrEqual(10);
    // 0–4: B against A; 4–8 both run B; 8–10 nothing against A.
    expect(c.differences).toEqual([
      { start: 0, end: 4 },
      { start: 8, end: 10 },
    ]);
    expect(c.firstDifference).toBe(0);
  });

  it("finds no difference between a timeline and itself", () => {
    const s = timelineToSlices(["A", "cs", "B", "idle", "A"], 1);
    const c = compareTimelines([
      { id: "a", label: "a", slices: s },
      { id: "b", label: "b", slices: s },
    ]);
    expect(c.differences).toEqual([]);
    expect(c.firstDifference).toBeNull();
  });

  it("marks exactly the slots where two painted timelines differ (property)", () => {
    const slot = fc.constantFrom("A", "B", "C", "idle", "cs", null);
    fc.assert(
      fc.property(
        fc.array(slot, { maxLength: 24 }),
        fc.array(slot, { maxLength: 24 }),
        fc.integer({ min: 1, max: 5 }),
        (a, b, slotMs) => {
          const c = compareTimelines([
            { id: "a", label: "a", slices: timelineToSlices(a, slotMs) },
            { id: "b", label: "b", slices: timelineToSlices(b, slotMs) },
          ]);
          expect(c.differences).toEqual(slotDifferences(a, b, slotMs));
        },
      ),
    );
  });
});

describe("the policy comparison's report", () => {
  const template = BUILT_IN_TEMPLATES.find((t) => t.slug === "fifo-vs-sjf-same-jobs")!;

  it("carries both policies' schedules, each consistent with that policy's reference answers", () => {
    for (let seed = 0; seed < 20; seed++) {
      const built = buildVariant(template, seed);
      if (!built.ok) throw new Error(`seed ${seed} does not build`);
      const v = built.value;
      const report = gradeAnswer(template, v, referenceAnswer(v));
      const compared = readComparedSchedules(report.replay);
      expect(compared.map((c) => c.label)).toEqual(["Policy 1 (FIFO)", "Policy 2 (SJF)"]);
      const table = v.view.exhibits.find((e) => e.kind === "table");
      if (table?.kind !== "table") throw new Error("no workload table");
      const arrival = new Map(table.rows.map((r) => [String(r[0]), Number(r[1])]));
      const burst = new Map(table.rows.map((r) => [String(r[0]), Number(r[2])]));
      compared.forEach((c, k) => {
        // Each job runs exactly its burst, and the average turnaround read off the chart is the reference's.
        const ran = new Map<string, number>();
        const done = new Map<string, number>();
        for (const s of c.slices) {
          if (!arrival.has(s.task)) continue;
          ran.set(s.task, (ran.get(s.task) ?? 0) + s.end - s.start);
          done.set(s.task, Math.max(done.get(s.task) ?? 0, s.end));
        }
        expect(ran).toEqual(burst);
        const turnaround = [...arrival].reduce((sum, [task, at]) => sum + done.get(task)! - at, 0) / arrival.size;
        expect(turnaround).toBeCloseTo(report.reference[`p${k + 1}-turnaround-average`] as number, 6);
      });
      // The template requires the two schedules to differ, and the aligned view shows where.
      const c = compareTimelines(compared.map((s, k) => ({ id: String(k), label: s.label, slices: s.slices })));
      expect(c.differences.length).toBeGreaterThan(0);
    }
  });
});
