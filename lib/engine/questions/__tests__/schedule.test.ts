// Schedule grading on hand-computed workloads: exact answers, answers right under another common
// convention (credited and named), scoring modes, and first-divergence feedback.
import { describe, expect, test } from "vitest";
import { gradeAnswer } from "../grade";
import { referenceAnswer } from "../variant";
import { answer, expectSlots, slots, template, valid, variant } from "./helpers";

const rrTemplate = (conventionCredit = 0.5) =>
  template(
    "schedule",
    {
      policy: { name: "rr", quantum: 2 },
      tasks: [
        { id: "A", arrival: 0, bursts: [6] },
        { id: "B", arrival: 2, bursts: [4] },
      ],
    },
    { conventionCredit },
  );

describe("round robin: new arrival vs preempted job at the same instant", () => {
  // At t=2 A's quantum expires as B arrives. Ours (arrival-first): B queues first → A B A B A.
  // The other convention (expired-first): A requeues ahead of B → A A B A B, by hand:
  // A 0–2, A 2–4, B 4–6, A 6–8 (A done), B 8–10.
  const v = variant(rrTemplate());
  test("the reference is the hand-computed arrival-first schedule", () => {
    expectSlots(v, "AABBAABBAA");
  });
  test("the expired-first schedule earns exactly conventionCredit and names the convention", () => {
    const r = gradeAnswer(valid(rrTemplate()), v, answer({ timeline: slots("AAAABBAABB") }));
    expect(r.score).toBe(0.5);
    expect(r.parts[0]!.score).toBe(0.5);
    expect(r.convention?.name).toBe("preempted job queues before new arrivals");
    expect(r.convention?.credit).toBe(0.5);
    expect(r.correct).toBe(false);
  });
  test("first divergence names the expired quantum", () => {
    const r = gradeAnswer(valid(rrTemplate()), v, answer({ timeline: slots("AAAABBAABB") }));
    expect(r.firstDivergence).toMatchObject({ slot: 2, expected: "B", got: "A", rule: "rr-head" });
    expect(r.firstDivergence!.message).toContain("since A's quantum has expired");
    expect(r.firstDivergence!.message).toContain("Your timeline keeps A");
  });
  test("the credit follows the template setting", () => {
    const t = rrTemplate(0.3);
    const r = gradeAnswer(valid(t), variant(t), answer({ timeline: slots("AAAABBAABB") }));
    expect(r.score).toBe(0.3);
  });
  test("FIFO instead of RR is recognised", () => {
    const r = gradeAnswer(valid(rrTemplate()), v, answer({ timeline: slots("AAAAAABBBB") }));
    expect(r.convention?.name).toBe("FIFO instead of round robin");
    expect(r.score).toBe(0.5);
  });
  test("the reference scores exactly 1 and reports the replay", () => {
    const r = gradeAnswer(valid(rrTemplate()), v, referenceAnswer(v));
    expect(r.score).toBe(1);
    expect(r.correct).toBe(true);
    expect(r.convention).toBeUndefined();
    expect(r.replay).toMatchObject({ slotMs: 1 });
    expect((r.replay!["slices"] as unknown[]).length).toBe(5);
  });
});

const stcf = template("schedule", {
  policy: "stcf",
  tasks: [
    { id: "A", arrival: 0, bursts: [5] },
    { id: "B", arrival: 2, bursts: [2] },
    { id: "C", arrival: 3, bursts: [4] },
  ],
});

describe("STCF", () => {
  // By hand: at t=2 B (2 ms) preempts A (3 ms left); A resumes at 4 (3 left vs C's 4), C runs 7–11.
  const v = variant(stcf);
  test("reference", () => expectSlots(v, "AABBAAACCCC"));
  test("non-preemptive SJF gets the convention credit", () => {
    // SJF by hand: A 0–5, then B (2) before C (4): B 5–7, C 7–11.
    const r = gradeAnswer(valid(stcf), v, answer({ timeline: slots("AAAAABBCCCC") }));
    expect(r.convention?.name).toBe("SJF instead of STCF");
    expect(r.score).toBe(0.5);
  });
  test("first divergence: at t=2 B preempts A, with both remaining times and the STCF rule", () => {
    const r = gradeAnswer(valid(stcf), v, answer({ timeline: slots("AAAAABBCCCC") }));
    const d = r.firstDivergence!;
    expect(d).toMatchObject({
      part: "timeline",
      slot: 2,
      time: 2,
      expected: "B",
      got: "A",
      rule: "stcf-shortest-remaining",
    });
    expect(d.ready).toEqual(
      expect.arrayContaining([
        { task: "B", values: { remaining: 2 } },
        { task: "A", values: { remaining: 3 } },
      ]),
    );
    expect(d.message).toContain("t=2");
    expect(d.message).toBe(
      "At t=2 ms B (2 ms left) and A (3 ms left) are ready; STCF runs the job with the least remaining time, so B runs, preempting A. Your timeline keeps A.",
    );
  });
  test("first divergence mid-slice: the state at that instant, not at the last pick (issue #14)", () => {
    // B 0–5 (A arrives at 2 with 7 ms: 3 < 7, B keeps the CPU), C arrives at 6 and preempts A.
    const t = template("schedule", {
      policy: "stcf",
      tasks: [
        { id: "A", arrival: 2, bursts: [7] },
        { id: "B", arrival: 0, bursts: [5] },
        { id: "C", arrival: 6, bursts: [2] },
      ],
    });
    const v = variant(t);
    expectSlots(v, "BBBBBACCAAAAAA");
    const d = gradeAnswer(valid(t), v, answer({ timeline: slots("BBAAAAAAABBBCC") })).firstDivergence!;
    expect(d).toMatchObject({ slot: 2, time: 2, expected: "B", got: "A", running: "B" });
    expect(d.ready).toEqual([
      { task: "B", values: { remaining: 3 } },
      { task: "A", values: { remaining: 7 } },
    ]);
    expect(d.message).toBe(
      "At t=2 ms B is running with 3 ms left and A (7 ms left) is waiting; STCF switches only when a job with less remaining time is ready, so B keeps the CPU until t=5 ms (when it finishes). Your timeline has A there.",
    );
  });
  test("first divergence shows a CPU-bound-forever task's remaining time as ∞ (the engine logs null)", () => {
    const hog = template("schedule", {
      policy: { name: "rr", quantum: 2 },
      horizon: 6,
      tasks: [
        { id: "A", arrival: 0, bursts: [1], repeat: true },
        { id: "B", arrival: 0, bursts: [3] },
      ],
    });
    const d = gradeAnswer(valid(hog), variant(hog), answer({ timeline: slots("AAAABB") })).firstDivergence!;
    expect(d.ready).toEqual([
      { task: "B", values: { remaining: 3 } },
      { task: "A", values: { remaining: null } },
    ]);
    expect(d.message).toContain("B (3 ms left) and A (∞ ms left) are ready");
  });
  test("first divergence says when the painted task has not arrived yet", () => {
    // C arrives at t=3; painting it at t=2 is impossible.
    const r = gradeAnswer(valid(stcf), v, answer({ timeline: slots("AACBAAACCCC") }));
    expect(r.firstDivergence).toMatchObject({ slot: 2, expected: "B", got: "C" });
    expect(r.firstDivergence!.message).toContain("C, which has not arrived yet (it arrives at t=3 ms)");
  });
  test("a wrong answer that matches no convention is scored per slot (default)", () => {
    // 9 of 11 slots right (slots 2 and 3 wrong).
    const r = gradeAnswer(valid(stcf), v, answer({ timeline: slots("AACCAAACCCC") }));
    expect(r.convention).toBeUndefined();
    expect(r.score).toBeCloseTo(9 / 11, 12);
  });
  test("strict-prefix and segment-lcs modes on the same answer", () => {
    const wrong = answer({ timeline: slots("AACCAAACCCC") });
    const prefix = template("schedule", stcf.generator, { scheduleScoring: "strict-prefix" });
    expect(gradeAnswer(valid(prefix), variant(prefix), wrong).score).toBeCloseTo(2 / 11, 12);
    // Runs A B A C vs A C A C: LCS 3 of 4.
    const lcs = template("schedule", stcf.generator, { scheduleScoring: "segment-lcs" });
    expect(gradeAnswer(valid(lcs), variant(lcs), wrong).score).toBeCloseTo(3 / 4, 12);
  });
});

describe("priority", () => {
  const t = template("schedule", {
    policy: { name: "priority", preemptive: false, higherIs: "lower-number" },
    tasks: [
      { id: "A", arrival: 0, bursts: [2], priority: 3 },
      { id: "B", arrival: 0, bursts: [2], priority: 1 },
      { id: "C", arrival: 0, bursts: [2], priority: 2 },
    ],
  });
  const v = variant(t);
  test("lower number first: B C A; the flipped direction A C B is named", () => {
    expectSlots(v, "BBCCAA");
    const r = gradeAnswer(valid(t), v, answer({ timeline: slots("AACCBB") }));
    expect(r.convention?.name).toBe("priority direction flipped");
  });
});

describe("tie-breaks", () => {
  const t = template("schedule", {
    policy: "fifo",
    tasks: [
      { id: "B", arrival: 0, bursts: [2] },
      { id: "A", arrival: 0, bursts: [1] },
    ],
  });
  test("ties by name instead of arrival/list order are named", () => {
    const v = variant(t);
    expectSlots(v, "BBA");
    const r = gradeAnswer(valid(t), v, answer({ timeline: slots("ABB") }));
    expect(r.convention?.name).toBe("ties broken alphabetically by name");
  });
});

describe("charged switch cost", () => {
  const t = template("schedule", {
    policy: "fifo",
    switchMs: 1,
    tasks: [
      { id: "A", arrival: 0, bursts: [2] },
      { id: "B", arrival: 0, bursts: [2] },
    ],
  });
  const v = variant(t);
  test("the reference paints the switch as cs, and the part allows cs", () => {
    expectSlots(v, "AA*BB");
    expect(v.view.parts[0]).toMatchObject({ kind: "timeline", allowSwitch: true, slots: 5 });
  });
  test("leaving the switch out (then idling) is named", () => {
    const r = gradeAnswer(valid(t), v, answer({ timeline: slots("AABB-") }));
    expect(r.convention?.name).toBe("switch cost not charged");
  });
  test("first divergence on a cs slot explains the switch", () => {
    const r = gradeAnswer(valid(t), v, answer({ timeline: slots("AAB-B") }));
    expect(r.firstDivergence).toMatchObject({ slot: 2, expected: "cs", got: "B" });
    expect(r.firstDivergence!.message).toContain("switching");
  });
});

describe("Linux fair class on the tick grid", () => {
  // Two equal CPU-bound tasks under EEVDF at HZ=250 alternate every 4 ms tick (domain notes: measured
  // 3.95 ms alternation on Linux 6.18).
  const t = template("schedule", {
    policy: { name: "eevdf", hz: 250 },
    tasks: [
      { id: "A", arrival: 0, bursts: [1], repeat: true },
      { id: "B", arrival: 0, bursts: [1], repeat: true },
    ],
    horizon: 32,
    slotMs: 4,
  });
  test("8 slots of 4 ms alternating between the two tasks", () => {
    const v = variant(t);
    const s = v.key.expected["timeline"] as string[];
    expect(s.length).toBe(8);
    for (let i = 1; i < s.length; i++) expect(s[i]).not.toBe(s[i - 1]);
  });
});
