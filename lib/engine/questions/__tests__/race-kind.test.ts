// The race answer interfaces (issue #18): ticking the possible final values, ordering an interleaving,
// marking the interrupt that breaks a lock. Expectations are worked out here by hand from the programs
// (or by running the model directly), not read from the variant's key.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildVariant, gradeAnswer, selfTestTemplate } from "../index";
import { compilePseudoC, runInterleaving } from "../../races/index";
import { judgeInterleaving } from "../kinds/race";
import type { AnswerPartSpec, QuestionTemplate, Variant } from "../types";
import { TEMPLATE_DEFAULT_GRADING } from "../grading";

const ADD_SUB: QuestionTemplate = {
  slug: "t-add-sub",
  title: "Add and subtract",
  type: "race",
  topic: "processes-threads",
  tags: [],
  difficulty: 3,
  prompt: "x starts at {{start}}.",
  generator: {
    params: { start: { range: [10, 30] }, add: { range: [2, 9] }, sub: { range: [1, 9] } },
    program: { from: "pseudo-c", threads: ["x = x + {{add}};", "x = x - {{sub}};"], shared: ["x"] },
    memory: { x: "{{start}}" },
    parts: [
      {
        ask: "final-values",
        id: "values",
        label: "Possible final values of x",
        variable: "x",
        candidates: ["{{start}}", "{{start}} + {{add}}", "{{start}} - {{sub}}", "{{start}} + {{add}} - {{sub}}", "0"],
      },
      {
        ask: "interleave",
        id: "run",
        label: "Lose the addition",
        goal: { variable: "x", equals: "{{start}} - {{sub}}" },
      },
    ],
  },
  grading: TEMPLATE_DEFAULT_GRADING,
  hints: [],
  explanation: "",
};

const lockTemplate = (lock: string): QuestionTemplate => ({
  ...ADD_SUB,
  slug: `t-${lock}`,
  prompt: "Where does it break?",
  generator: {
    program: { from: "lock", lock, threads: 2, iterations: 1 },
    parts: [{ ask: "interrupt", id: "point", label: "Where?" }],
  },
});

function built(t: QuestionTemplate, seed = 7): Variant {
  const v = buildVariant(t, seed);
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return v.value;
}

const params = (v: Variant) => v.key.data["params"] as Record<string, number>;
const choice = (v: Variant, id: string) =>
  v.view.parts.find((p) => p.id === id) as Extract<AnswerPartSpec, { kind: "choice" }>;
const order = (v: Variant, id: string) =>
  v.view.parts.find((p) => p.id === id) as Extract<AnswerPartSpec, { kind: "order" }>;
const optionFor = (v: Variant, id: string, label: string) => choice(v, id).options.find((o) => o.label === label)!.id;
/** The order part's item id for thread t's instruction i (1-based), read off the shown labels. */
const item = (v: Variant, t: number, i: number) =>
  order(v, "run").items.find((x) => x.label.startsWith(`T${t} · ${i}:`))!.id;

describe("race kind: final values", () => {
  const v = built(ADD_SUB);
  const { start, add, sub } = params(v);
  // By hand: both updates survive, or one is lost (the last store wins).
  const possible = [start! + add!, start! - sub!, start! + add! - sub!];
  // add may equal sub, when two of the three coincide: one option each.
  const ids = [...new Set(possible.map((x) => optionFor(v, "values", String(x))))];
  const lose = [item(v, 1, 1), item(v, 0, 1), item(v, 0, 2), item(v, 0, 3), item(v, 1, 2), item(v, 1, 3)];

  it("offers the candidates in numeric order and none of them marked", () => {
    const labels = choice(v, "values").options.map((o) => Number(o.label));
    expect(labels).toEqual([...labels].sort((a, b) => a - b));
    expect(JSON.stringify(v.view)).not.toContain("correct");
  });

  it("gives full credit for exactly the possible values", () => {
    const g = gradeAnswer(ADD_SUB, v, { parts: { values: ids, run: lose } });
    expect(g.parts[0]!.score).toBe(1);
    expect(g.correct).toBe(true);
  });

  it("gives partial credit and an interleaving for a missed value", () => {
    const g = gradeAnswer(ADD_SUB, v, { parts: { values: ids.slice(1), run: lose } });
    expect(g.parts[0]!.score).toBeCloseTo((ids.length - 1) / ids.length);
    const missed = Number(choice(v, "values").options.find((o) => o.id === ids[0])!.label);
    expect(g.parts[0]!.message).toContain(`You missed ${missed}`);
    expect(g.parts[0]!.message).toContain(`ends with x = ${missed}`);
  });

  it("names a ticked value that no interleaving produces", () => {
    // x never reaches 0: every store writes start + add, start - sub or their sum, all above 0.
    const g = gradeAnswer(ADD_SUB, v, { parts: { values: [...ids, optionFor(v, "values", "0")], run: lose } });
    expect(g.parts[0]!.score).toBeCloseTo((ids.length - 1) / ids.length);
    expect(g.parts[0]!.message).toContain("No interleaving ends with x = 0");
  });
});

describe("race kind: interleave", () => {
  const v = built(ADD_SUB, 11);
  const { start, add, sub } = params(v);
  const values = choice(v, "values")
    .options.filter((o) => [start! + add!, start! - sub!, start! + add! - sub!].includes(Number(o.label)))
    .map((o) => o.id);
  const grade = (run: string[]) => gradeAnswer(ADD_SUB, v, { parts: { values, run } }).parts[1]!;

  it("accepts any interleaving that loses the addition, not only the reference", () => {
    const a = [item(v, 1, 1), item(v, 0, 1), item(v, 0, 2), item(v, 0, 3), item(v, 1, 2), item(v, 1, 3)];
    const b = [item(v, 0, 1), item(v, 1, 1), item(v, 0, 2), item(v, 1, 2), item(v, 0, 3), item(v, 1, 3)];
    expect(a).not.toEqual(b);
    expect(grade(a).score).toBe(1);
    expect(grade(b).score).toBe(1);
  });

  it("points at the store after which the outcome is out of reach, with partial credit", () => {
    // Once T0 has stored before T1 loads, T1 subtracts from the sum: x can only end at start + add - sub.
    const serial = [item(v, 0, 1), item(v, 0, 2), item(v, 0, 3), item(v, 1, 1), item(v, 1, 2), item(v, 1, 3)];
    const p = grade(serial);
    expect(p.score).toBeGreaterThan(0);
    expect(p.score).toBeLessThan(1);
    expect(p.message).toMatch(/^Step 3, T0's instruction 3 \(mov %ax, x\)/);
    expect(p.message).toContain(`can only end as ${start! + add! - sub!}`);
  });

  it("says when an order breaks a thread's own program order", () => {
    const bad = [item(v, 1, 2), item(v, 1, 1), item(v, 0, 1), item(v, 0, 2), item(v, 0, 3), item(v, 1, 3)];
    const p = grade(bad);
    expect(p.score).toBe(0);
    expect(p.message).toContain("Step 1: T1's instruction 2");
    expect(p.message).toContain("in order");
  });

  it("shuffles the items so the shown list is not a right answer", () => {
    const shown = order(v, "run").items.map((x) => x.id);
    expect(grade(shown).score).toBeLessThan(1);
  });
});

describe("race kind: interrupt", () => {
  it("marks every instruction between the flag's load and its store on the naive lock", () => {
    const t = lockTemplate("naive");
    const v = built(t);
    const opts = choice(v, "point").options;
    // Independently: T0's uncontended path is mov $1,%dx; mov lock,%ax; test; jne; mov $1, lock.
    expect(opts.map((o) => o.label.replace(/^After T0's instruction \d+: /, ""))).toEqual([
      "mov $1, %dx",
      "mov lock, %ax",
      "test $0, %ax",
      "jne .spin",
      "mov $1, lock",
      "None: no single interrupt lets both threads in",
    ]);
    const score = (label: string) =>
      gradeAnswer(t, v, { parts: { point: opts.find((o) => o.label.endsWith(label))!.id } }).parts[0]!;
    for (const right of ["mov lock, %ax", "test $0, %ax", "jne .spin"]) {
      const p = score(right);
      expect(p.score, right).toBe(1);
      expect(p.message).toContain("Both threads are now inside");
    }
    for (const wrong of ["mov $1, %dx", "mov $1, lock"]) expect(score(wrong).score, wrong).toBe(0);
    const none = score("no single interrupt lets both threads in");
    expect(none.score).toBe(0);
    expect(none.message).toContain("breaks this lock: T0 runs");
  });

  it("accepts only None for a correct lock, and the swapped Peterson breaks after storing turn", () => {
    for (const lock of ["tas", "ticket", "peterson"]) {
      const t = lockTemplate(lock);
      const v = built(t);
      const opts = choice(v, "point").options;
      for (const o of opts) {
        const s = gradeAnswer(t, v, { parts: { point: o.id } }).parts[0]!.score;
        expect(s, `${lock}: ${o.label}`).toBe(o.label.startsWith("None") ? 1 : 0);
      }
    }
    const t = lockTemplate("peterson-swapped");
    const v = built(t);
    const turn = choice(v, "point").options.find((o) => o.label.endsWith("mov %cx, turn"))!;
    expect(gradeAnswer(t, v, { parts: { point: turn.id } }).parts[0]!.score).toBe(1);
  });
});

describe("race kind: validation", () => {
  it("names the field of a bad generator", () => {
    const bad = { ...ADD_SUB, generator: { ...ADD_SUB.generator, parts: [{ ask: "guess", id: "x", label: "?" }] } };
    const v = buildVariant(bad, 1);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.errors[0]!.path).toBe("generator.parts[0].ask");
  });

  it("refuses candidates that leave out a possible value", () => {
    const bad = {
      ...ADD_SUB,
      generator: {
        ...ADD_SUB.generator,
        parts: [{ ask: "final-values", id: "values", label: "?", variable: "x", candidates: ["{{start}}", "0"] }],
      },
    };
    const v = buildVariant(bad, 1);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.errors[0]!.path).toBe("generator.parts.values.candidates");
  });

  it("passes the self-test", () => {
    expect(selfTestTemplate(ADD_SUB, { variants: 5 }).failures).toEqual([]);
    expect(selfTestTemplate(lockTemplate("naive"), { variants: 2 }).failures).toEqual([]);
  });
});

describe("race kind: property", () => {
  // Two threads, two unprotected increments each: every merge of the two listings is an interleaving.
  const program = compilePseudoC("count = count + 1; count = count + 1;", ["count"]);
  const system = { threads: [{ program }, { program }] };
  const n = program.instrs.length;

  it("accepts an interleaving exactly when running it reaches the target, and otherwise stops before the end", () => {
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), { minLength: 2 * n, maxLength: 2 * n }),
        fc.integer({ min: 1, max: 5 }),
        (coins, target) => {
          // A merge: take from T0 on true while it has instructions left, else from T1.
          const next = [0, 0];
          const merged: [number, number][] = coins.map((c) => {
            const t = (c && next[0]! < n) || next[1]! >= n ? 0 : 1;
            return [t, next[t]!++] as [number, number];
          });
          const final = runInterleaving(
            system,
            merged.map(([t]) => t),
          ).memory["count"];
          const verdict = judgeInterleaving(system, { variable: "count", equals: target }, `count = ${target}`, merged);
          expect(verdict.ok).toBe(final === target);
          if (!verdict.ok) expect(verdict.validSteps).toBeLessThan(2 * n);
        },
      ),
      { numRuns: 200 },
    );
  });
});
