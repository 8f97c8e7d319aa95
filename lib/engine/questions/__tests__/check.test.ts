// checkAnswer: strict shape checks whose messages name the part and say what is expected.
import { describe, expect, test } from "vitest";
import { checkAnswer } from "../check";
import type { VariantView } from "../types";

const view: VariantView = {
  type: "metrics",
  title: "t",
  prompt: "p",
  exhibits: [],
  conventions: [],
  parts: [
    {
      kind: "timeline",
      id: "timeline",
      label: "Timeline",
      tasks: [
        { id: "A", label: "A" },
        { id: "B", label: "B" },
      ],
      slotMs: 1,
      slots: 3,
      allowIdle: true,
      allowSwitch: false,
    },
    { kind: "number", id: "overhead", label: "Overhead", unit: "us" },
    {
      kind: "order",
      id: "order",
      label: "Order",
      items: [
        { id: "L1", label: "x" },
        { id: "L2", label: "x" },
        { id: "L3", label: "y" },
      ],
    },
    {
      kind: "choice",
      id: "one",
      label: "One",
      options: [
        { id: "o1", label: "a" },
        { id: "o2", label: "b" },
      ],
      multiple: false,
    },
    {
      kind: "choice",
      id: "many",
      label: "Many",
      options: [
        { id: "o1", label: "a" },
        { id: "o2", label: "b" },
      ],
      multiple: true,
    },
  ],
};

const good = { timeline: ["A", "idle", "B"], overhead: 4.3, order: ["L3", "L1", "L2"], one: "o2", many: ["o1"] };

function errorsFor(parts: Record<string, unknown>) {
  const r = checkAnswer(view, { parts });
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.errors;
}

describe("checkAnswer", () => {
  test("accepts a well-formed answer and normalises units and single-element choice lists", () => {
    const r = checkAnswer(view, { parts: { ...good, overhead: "4 ms", one: ["o1"] } });
    expect(r).toEqual({ ok: true, value: { parts: { ...good, overhead: 4000, one: "o1" } } });
  });
  test("a missing part is named", () => {
    const { overhead: _, ...rest } = good;
    void _;
    expect(errorsFor(rest)).toEqual([{ path: "parts.overhead", message: expect.stringContaining("missing") }]);
  });
  test("an unknown part is named", () => {
    expect(errorsFor({ ...good, extra: 1 })[0]!.path).toBe("parts.extra");
  });
  test("timeline: wrong length, unknown task, cs when not allowed, all empty", () => {
    expect(errorsFor({ ...good, timeline: ["A"] })[0]).toEqual({
      path: "parts.timeline",
      message: expect.stringContaining("exactly 3 slots"),
    });
    expect(errorsFor({ ...good, timeline: ["A", "C", "B"] })[0]).toEqual({
      path: "parts.timeline[1]",
      message: expect.stringContaining('"C"'),
    });
    expect(errorsFor({ ...good, timeline: ["A", "cs", "B"] })[0]!.path).toBe("parts.timeline[1]");
    expect(errorsFor({ ...good, timeline: [null, null, null] })[0]).toEqual({
      path: "parts.timeline",
      message: expect.stringContaining("empty"),
    });
    expect(errorsFor({ ...good, timeline: [] })[0]!.path).toBe("parts.timeline");
  });
  test("numbers must be finite; units must be convertible", () => {
    expect(errorsFor({ ...good, overhead: Number.NaN })[0]!.path).toBe("parts.overhead");
    expect(errorsFor({ ...good, overhead: "4 MiB" })[0]!.message).toContain("cannot be converted");
    expect(errorsFor({ ...good, overhead: "four" })[0]!.path).toBe("parts.overhead");
    expect(errorsFor({ ...good, overhead: Infinity })[0]!.path).toBe("parts.overhead");
  });
  test("order: a permutation of the item ids, even when labels repeat", () => {
    expect(errorsFor({ ...good, order: ["L1", "L1", "L3"] })[0]!.message).toContain("twice");
    expect(errorsFor({ ...good, order: ["L1", "L3"] })[0]!.message).toContain("missing: L2");
    expect(errorsFor({ ...good, order: ["L1", "L2", "L9"] })[0]!.message).toContain("unknown item");
    expect(errorsFor({ ...good, order: ["x", "x", "y"] })[0]!.path).toBe("parts.order");
  });
  test("choice: known ids; single choice takes exactly one", () => {
    expect(errorsFor({ ...good, one: "o3" })[0]!.path).toBe("parts.one");
    expect(errorsFor({ ...good, one: ["o1", "o2"] })[0]!.path).toBe("parts.one");
    expect(errorsFor({ ...good, many: ["o1", "o1"] })[0]!.message).toContain("twice");
    expect(errorsFor({ ...good, many: "o1" })[0]!.path).toBe("parts.many");
  });
  test("non-objects are rejected without throwing", () => {
    for (const bad of [null, 3, "x", [], { parts: [] }, { parts: null }]) expect(checkAnswer(view, bad).ok).toBe(false);
  });
});

describe("grading never throws on garbage", () => {
  test("an invalid answer grades 0 with the problem in the summary", async () => {
    const { gradeAnswer } = await import("../grade");
    const { EXAMPLE_TEMPLATES } = await import("../examples");
    const { valid, variant } = await import("./helpers");
    const t = valid(EXAMPLE_TEMPLATES[0]!);
    const v = variant(t, 1);
    for (const bad of [
      { parts: {} },
      { parts: { timeline: "AAAA" } },
      { parts: { timeline: new Array(10_000_000) } },
    ]) {
      const r = gradeAnswer(t, v, bad as never);
      expect(r.score).toBe(0);
      expect(r.correct).toBe(false);
      expect(r.summary).toContain("not valid");
    }
  });
});
