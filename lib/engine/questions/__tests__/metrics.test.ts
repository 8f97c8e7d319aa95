// Metrics questions: reference values from textbook definitions on hand-computed workloads, and
// error carried forward when the student's own timeline is wrong.
import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { gradeAnswer } from "../grade";
import { referenceAnswer } from "../variant";
import { answer, slots, template, valid, variant } from "./helpers";
import { valueFromTimeline } from "../kinds/metrics";
import type { Workload } from "../../sched/index";

const fifo = template("metrics", {
  policy: "fifo",
  tasks: [
    { id: "A", arrival: 0, bursts: [3] },
    { id: "B", arrival: 1, bursts: [2] },
  ],
  timeline: true,
  ask: [{ metric: "turnaround", task: "each" }, { metric: "waiting", task: "average" }, { metric: "switches" }],
});

describe("FIFO metrics, by hand", () => {
  // A runs 0–3, B 3–5. Turnaround A = 3, B = 5 − 1 = 4; waiting A = 0, B = 2 → average 1; one switch A→B.
  const v = variant(fifo);
  test("reference values", () => {
    expect(v.key.expected).toMatchObject({
      "turnaround-A": 3,
      "turnaround-B": 4,
      "waiting-average": 1,
      switches: 1,
      timeline: slots("AAABB"),
    });
  });
  test("the reference scores 1", () => {
    expect(gradeAnswer(valid(fifo), v, referenceAnswer(v)).score).toBe(1);
  });
  test("a right timeline with a wrong number: that part scores 0, no error carried forward", () => {
    const r = gradeAnswer(valid(fifo), v, answer({ ...referenceAnswer(v).parts, "turnaround-B": 5 }));
    const p = r.parts.find((x) => x.id === "turnaround-B")!;
    expect(p.score).toBe(0);
    expect(p.errorCarriedForward).toBeUndefined();
    expect(r.score).toBeCloseTo(4 / 5, 12);
  });
  test("a wrong timeline: metrics consistent with it are credited as error carried forward", () => {
    // Student paints B first: B 0–2, A 2–5. From that timeline: turnaround A = 5, B = 2 − 1 = 1;
    // waiting A = 5 − 3 = 2, B = 1 − 2 = −1 → average 0.5; switches 1.
    const r = gradeAnswer(
      valid(fifo),
      v,
      answer({ timeline: slots("BBAAA"), "turnaround-A": 5, "turnaround-B": 1, "waiting-average": 0.5, switches: 1 }),
    );
    const byId = Object.fromEntries(r.parts.map((p) => [p.id, p]));
    expect(byId["timeline"]!.score).toBeCloseTo(1 / 5, 12);
    for (const id of ["turnaround-A", "turnaround-B", "waiting-average"]) {
      expect(byId[id]!.score).toBe(1);
      expect(byId[id]!.errorCarriedForward).toBe(true);
      expect(byId[id]!.message).toMatch(/error carried forward/i);
    }
    // switches = 1 is also the reference value: plainly right, not carried forward.
    expect(byId["switches"]!.errorCarriedForward).toBeUndefined();
    expect(r.summary).toContain("error carried forward");
  });
  test("a wrong timeline and numbers that fit neither get nothing, and the message gives both values", () => {
    const r = gradeAnswer(
      valid(fifo),
      v,
      answer({ timeline: slots("BBAAA"), "turnaround-A": 9, "turnaround-B": 4, "waiting-average": 1, switches: 1 }),
    );
    const p = r.parts.find((x) => x.id === "turnaround-A")!;
    expect(p.score).toBe(0);
    expect(p.message).toContain("3 ms");
    expect(p.message).toContain("5 ms");
  });
});

describe("fair-class shares", () => {
  // nice 0 vs nice 5: weights 1024 and 335 → long-run shares 75.35% / 24.65% (domain notes: measured 75.3/24.7).
  const t = template(
    "metrics",
    {
      policy: { name: "eevdf", hz: 250 },
      tasks: [
        { id: "A", arrival: 0, bursts: [1], repeat: true },
        { id: "B", arrival: 0, bursts: [1], repeat: true, nice: 5 },
      ],
      horizon: 400,
      ask: [
        { metric: "cpuShare", task: "A", windowMs: 400 },
        { metric: "vruntimeGain", task: "B", windowMs: 400 },
      ],
    },
    { absoluteTolerance: 3 },
  );
  test("CPU share is within a tick's worth of w/Σw, and vruntime gain = cpu × 1024 / 335", () => {
    const v = variant(t);
    const share = v.key.expected["cpuShare-A"] as number;
    expect(Math.abs(share - (100 * 1024) / 1359)).toBeLessThan(2);
    const gain = v.key.expected["vruntimeGain-B"] as number;
    expect(gain).toBeCloseTo(((400 * (100 - share)) / 100) * (1024 / 335), 6);
    expect(gradeAnswer(valid(t), v, answer({ "cpuShare-A": 75, "vruntimeGain-B": gain })).score).toBe(1);
  });
});

describe("metrics from a timeline agree with the simulator's own metrics", () => {
  const t = valid(
    template("metrics", {
      policy: [{ name: "rr", quantum: 2 }, "stcf", "sjf", "fifo"],
      tasks: [2, 4],
      cpuBurst: [1, 5],
      arrivalSpread: 6,
      timeline: true,
      ask: [
        { metric: "completion", task: "each" },
        { metric: "turnaround", task: "average" },
        { metric: "waiting", task: "each" },
        { metric: "response", task: "average" },
        { metric: "switches" },
      ],
    }),
  );
  test("for random workloads, every metric recomputed from the reference slots equals the reference", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), (seed) => {
        const v = variant(t, seed);
        const data = v.key.data as unknown as {
          workload: Workload;
          metricParts: Parameters<typeof valueFromTimeline>[0][];
          slotMs: number;
        };
        const ref = v.key.expected["timeline"] as string[];
        for (const p of data.metricParts) {
          const fromSlots = valueFromTimeline(p, data.workload, ref, data.slotMs);
          expect(fromSlots).toBeCloseTo(v.key.expected[p.id] as number, 9);
        }
      }),
      { numRuns: 150 },
    );
  });
});
