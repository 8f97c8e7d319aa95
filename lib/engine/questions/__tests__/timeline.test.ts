// The three timeline scoring modes on hand-computed pairs, and painting a simulation onto slots.
import { describe, expect, test } from "vitest";
import { simulate, validateWorkload } from "../../sched/index";
import { scoreTimeline, slotsFromSim, runsOf } from "../timeline";
import { slots } from "./helpers";

describe("scoreTimeline", () => {
  // Reference AABBCC against AACCBB: two slots right, first mistake at slot 2, runs A B C vs A C B.
  const ref = slots("AABBCC");
  const got = slots("AACCBB");
  test("per-slot is the fraction of slots right", () => {
    expect(scoreTimeline("per-slot", ref, got)).toBeCloseTo(2 / 6, 12);
  });
  test("strict-prefix credits only the slots before the first mistake", () => {
    expect(scoreTimeline("strict-prefix", ref, got)).toBeCloseTo(2 / 6, 12);
    expect(scoreTimeline("strict-prefix", slots("AABB"), slots("BABB"))).toBe(0);
  });
  test("segment-lcs compares the order of runs: LCS(ABC, ACB) = 2 of 3", () => {
    expect(scoreTimeline("segment-lcs", ref, got)).toBeCloseTo(2 / 3, 12);
  });
  test("segment-lcs: right run order with wrong lengths is not full marks", () => {
    const s = scoreTimeline("segment-lcs", slots("AAAB"), slots("ABBB"));
    expect(s).toBeLessThan(1);
    expect(s).toBeGreaterThan(0.8);
    // Per-slot on the same pair: slots 0 and 3 right.
    expect(scoreTimeline("per-slot", slots("AAAB"), slots("ABBB"))).toBe(0.5);
  });
  test("segment-lcs penalises extra runs: A B vs A C B → LCS 2 of 3 runs", () => {
    expect(scoreTimeline("segment-lcs", slots("AABB"), slots("ACBB"))).toBeCloseTo(2 / 3, 12);
  });
  test("an exact match scores 1 in every mode", () => {
    for (const mode of ["per-slot", "segment-lcs", "strict-prefix"] as const)
      expect(scoreTimeline(mode, ref, ref)).toBe(1);
  });
  test("unpainted slots count as wrong", () => {
    expect(scoreTimeline("per-slot", slots("AB"), ["A", null])).toBe(0.5);
  });
  test("runsOf collapses equal neighbours", () => {
    expect(runsOf(slots("AAB-B")).map((r) => [r.value, r.length])).toEqual([
      ["A", 2],
      ["B", 1],
      ["idle", 1],
      ["B", 1],
    ]);
  });
});

function sim(doc: Record<string, unknown>) {
  const v = validateWorkload({ log: true, ...doc });
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return simulate(v.value);
}

describe("slotsFromSim", () => {
  test("FIFO with an idle gap: A 0–2, idle 2–3, B 3–5", () => {
    const r = slotsFromSim(
      sim({
        policy: "fifo",
        tasks: [
          { id: "A", arrival: 0, bursts: [2] },
          { id: "B", arrival: 3, bursts: [2] },
        ],
      }),
      1,
      200,
    );
    expect(r).toEqual({ ok: true, slots: slots("AA-BB") });
  });
  test("a charged 1 ms switch shows as a cs slot between different tasks only", () => {
    const us = 1000;
    const r = slotsFromSim(
      sim({
        policy: "fifo",
        tasks: [
          { id: "A", arrival: 0, bursts: [2] },
          { id: "B", arrival: 0, bursts: [2] },
        ],
        switchCost: { chargeTime: true, threadUs: us, processUs: us, userUs: us, idleUs: 0 },
      }),
      1,
      200,
    );
    expect(r).toEqual({ ok: true, slots: slots("AA*BB") });
  });
  test("2 ms slots: a 3 ms burst is rejected as misaligned", () => {
    const r = slotsFromSim(
      sim({
        policy: "fifo",
        tasks: [
          { id: "A", arrival: 0, bursts: [3] },
          { id: "B", arrival: 0, bursts: [1] },
        ],
      }),
      2,
      200,
    );
    expect(r.ok).toBe(false);
  });
  test("too many slots are rejected", () => {
    const r = slotsFromSim(sim({ policy: "fifo", tasks: [{ id: "A", arrival: 0, bursts: [300] }] }), 1, 200);
    expect(r).toEqual({ ok: false, problem: expect.stringContaining("cap of 200") });
  });
});
