// Generator constraints (issue #24): the expression language refuses what it must, the generator redraws
// until every constraint holds (deterministically, with an error naming the constraint when it cannot),
// under the engine's work budget, and the self-test reports the spread of difficulty measures.
import { describe, expect, test } from "vitest";
import { simulate } from "../../sched/index";
import type { SimResult, Workload } from "../../sched/index";
import { withWorkBudget, WorkBudgetExceeded } from "../../work";
import { compileExpr, evalExpr, evalNumber } from "../expr";
import { selfTestTemplate } from "../selftest";
import { validateTemplate } from "../template";
import { buildVariant } from "../variant";
import { template, valid } from "./helpers";

describe("the expression language", () => {
  const known = ["a", "b", "io"];
  test("evaluates arithmetic, comparisons, logic and the whitelisted functions", () => {
    const ev = (s: string, env: Record<string, number | boolean> = { a: 6, b: 4, io: 0 }) => {
      const c = compileExpr(s, known);
      if (!c.ok) throw new Error(c.message);
      return evalExpr(c.value, env);
    };
    expect(ev("a * b / 3 - 1")).toBe(7);
    expect(ev("a % b + -a")).toBe(-4);
    expect(ev("io >= 1 || a > b && !(b > a)")).toBe(true);
    expect(ev("between(a, 5, 6) && !between(b, 5, 6)")).toBe(true);
    expect(ev("max(a, b, 10) + min(a, b) + round(a / b, 1) + floor(1.9) + ceil(1.1) + abs(-2) + sqrt(16)")).toBe(
      10 + 4 + 1.5 + 1 + 2 + 2 + 4,
    );
    expect(ev("a > b ? a : b")).toBe(6);
  });

  test.each([
    ["a.constructor", "property access"],
    ["a['constructor']", "property access"],
    ["constructor", 'unknown name "constructor"'],
    ["__proto__ > 1", 'unknown name "__proto__"'],
    ["eval(1)", 'unknown function "eval"'],
    ["Function(1)", 'unknown function "Function"'],
    ["'text'", "only numbers, true and false"],
    ["a = 1", "cannot be read"],
    ["a, b", "more than one expression"],
    ["[a]", "a list"],
    ["a ** 2", "operator ** is not allowed"],
    ["a | b", "operator | is not allowed"],
    ["x >= 1", 'unknown name "x" (known: a, b, io)'],
    ["max()", "max takes 1–10 arguments, got 0"],
    ["", "is empty"],
  ])("refuses %s (%s)", (source, message) => {
    const c = compileExpr(source, known);
    expect(c.ok).toBe(false);
    if (!c.ok) expect(c.message).toContain(message);
  });

  test("a long expression is refused before it is evaluated", () => {
    expect(compileExpr("a + ".repeat(150) + "a", known)).toMatchObject({
      ok: false,
      message: expect.stringContaining("at most 500 characters"),
    });
    expect(compileExpr(Array.from({ length: 20 }, () => "min(a,a,a,a,a,a,a,a,a,a)").join("+"), known)).toMatchObject({
      ok: false,
      message: expect.stringContaining("more than 200 terms"),
    });
    expect(compileExpr(Array.from({ length: 60 }, () => "a").join("+"), known)).toMatchObject({
      ok: false,
      message: expect.stringContaining("nested too deeply"),
    });
  });

  test("numbers must stay finite and numeric", () => {
    const c = compileExpr("a / b", known);
    if (!c.ok) throw new Error(c.message);
    expect(() => evalNumber(c.value, { a: 1, b: 0 })).toThrow(/division by zero/);
    const t = compileExpr("a + 1", known);
    if (!t.ok) throw new Error(t.message);
    expect(() => evalNumber(t.value, { a: true })).toThrow(/needs a number/);
  });

  test("every evaluated term is charged to the engine's work meter", () => {
    const c = compileExpr("a + a + a + a", known);
    if (!c.ok) throw new Error(c.message);
    expect(withWorkBudget("t", 100, () => evalExpr(c.value, { a: 1 })).used).toBe(7);
    expect(() => withWorkBudget("t", 3, () => evalExpr(c.value, { a: 1 }))).toThrow(WorkBudgetExceeded);
  });
});

// The question of the issue: 3 jobs under MLFQ with I/O; every variant must block for I/O, demote a job
// and boost one back up, on a timeline a student can paint (12–40 slots).
const MLFQ_WITH_IO = {
  policy: { name: "mlfq", quanta: [2, 4], boostPeriod: 16 },
  tasks: 3,
  cpuBurst: [2, 9],
  ioBurst: [1, 4],
  burstsPerTask: [1, 3],
  arrivalSpread: 6,
  slotMs: 1,
  constraints: ["io >= 1", "demotions >= 1", "promotions >= 1 && boostMatters", "between(slots, 12, 40)"],
};

/** Judged from the slices and the decision log directly, not through the constraint code. */
function judge(w: Workload, sim: SimResult) {
  const blocks = sim.slices.filter((s) => s.endReason === "blocked").length;
  const seen = new Map<string, number[]>();
  for (const d of sim.decisions)
    for (const r of d.ready)
      if (r.values.level !== undefined) (seen.get(r.task) ?? seen.set(r.task, []).get(r.task)!).push(r.values.level);
  const demoted = [...seen.values()].some((levels) => levels.some((l) => l > 0));
  const boosted = [...seen.values()].some((levels) =>
    levels.some((l, i) => l === 0 && levels.slice(0, i).some((x) => x > 0)),
  );
  const boostChanges =
    JSON.stringify(sim.slices) !==
    JSON.stringify(simulate({ ...w, policy: { ...w.policy, boostPeriod: 0 } as Workload["policy"] }).slices);
  return { blocks, demoted, boosted, boostChanges, end: sim.stats.endTime };
}

describe("MLFQ with I/O under constraints", () => {
  const constrained = valid(template("schedule", MLFQ_WITH_IO));
  const unconstrained = valid(template("schedule", { ...MLFQ_WITH_IO, constraints: [] }));

  test("every one of 500 seeds has I/O, a demotion and a boost, on 12–40 slots; without the constraints some do not", () => {
    let unconstrainedMisses = 0;
    for (let seed = 0; seed < 500; seed++) {
      const v = buildVariant(constrained, seed);
      if (!v.ok) throw new Error(`seed ${seed}: ${JSON.stringify(v.errors)}`);
      const { workload, sim } = v.value.key.data as { workload: Workload; sim: SimResult };
      const j = judge(workload, sim);
      expect(j.blocks, `seed ${seed}: blocks for I/O`).toBeGreaterThanOrEqual(1);
      expect(j.demoted, `seed ${seed}: a job is demoted`).toBe(true);
      expect(j.boosted, `seed ${seed}: a boost lifts a job`).toBe(true);
      expect(j.boostChanges, `seed ${seed}: the boost changes the schedule`).toBe(true);
      const slots = (v.value.view.parts[0] as { slots: number }).slots;
      expect(slots, `seed ${seed}: timeline length`).toBeGreaterThanOrEqual(12);
      expect(slots, `seed ${seed}: timeline length`).toBeLessThanOrEqual(40);
      const u = buildVariant(unconstrained, seed);
      if (!u.ok) throw new Error(`seed ${seed}: ${JSON.stringify(u.errors)}`);
      const ud = u.value.key.data as { workload: Workload; sim: SimResult };
      const uj = judge(ud.workload, ud.sim);
      const uslots = (u.value.view.parts[0] as { slots: number }).slots;
      if (uj.blocks === 0 || !uj.demoted || !uj.boosted || uslots < 12 || uslots > 40) unconstrainedMisses++;
    }
    // The constraints are doing the work: the same generator without them misses often.
    expect(unconstrainedMisses).toBeGreaterThan(50);
  });

  test("redraws are deterministic in the seed", () => {
    for (const seed of [3, 77, 4000]) expect(buildVariant(constrained, seed)).toEqual(buildVariant(constrained, seed));
  });

  test("the self-test checks the constraints and reports the spread of difficulty", () => {
    const r = selfTestTemplate(constrained, { variants: 40 });
    expect(r.failures).toEqual([]);
    expect(r.difficulty?.variants).toBe(40);
    const d = r.difficulty!;
    expect(d.slots.min).toBeGreaterThanOrEqual(12);
    expect(d.slots.max).toBeLessThanOrEqual(40);
    expect(d.slots.counts.reduce((n, [, c]) => n + c, 0)).toBe(40);
    expect(d.preemptions.min).toBeGreaterThanOrEqual(1);
    expect(d.decisions.min).toBeLessThanOrEqual(d.decisions.median);
    expect(d.decisions.median).toBeLessThanOrEqual(d.decisions.max);
    // Without constraints the spread is wider (some variants end before any demotion or boost).
    const wide = selfTestTemplate(unconstrained, { variants: 40 }).difficulty!;
    expect(wide.slots.max - wide.slots.min).toBeGreaterThan(d.slots.max - d.slots.min);
  });
});

describe("constraints in templates", () => {
  test("bad constraints are refused naming the field and the problem", () => {
    const r = validateTemplate(
      template("schedule", { ...MLFQ_WITH_IO, constraints: ["io >= 1", "iox >= 1", 3, "tasks.length > 1"] }),
    );
    expect(r.ok).toBe(false);
    const errors = r.ok ? [] : r.errors;
    expect(errors.map((e) => e.path)).toEqual([
      "generator.constraints[1]",
      "generator.constraints[2]",
      "generator.constraints[3]",
    ]);
    expect(errors[0]!.message).toContain('unknown name "iox"');
    expect(errors[2]!.message).toContain("property access");
  });

  test("a constraint no draw can meet fails with an error naming it and the values of the last draw", () => {
    const v = validateTemplate(template("schedule", { ...MLFQ_WITH_IO, constraints: ["io >= 1", "tasks >= 4"] }));
    expect(v.ok).toBe(false);
    if (!v.ok) {
      expect(v.errors[0]!.path).toBe("generator");
      expect(v.errors[0]!.message).toContain('constraint "tasks >= 4" does not hold (tasks = 3)');
      expect(v.errors[0]!.message).toContain("in 100 draws for seed 0");
    }
  });

  test("differs(i, j) compares the same tasks under two of the template's policies", () => {
    const gen = {
      policy: ["sjf", "stcf"],
      tasks: 3,
      cpuBurst: [1, 8],
      arrivalSpread: 4,
      slotMs: 1,
      constraints: ["differs(0, 1)"],
    };
    const t = valid(template("schedule", gen));
    for (let seed = 0; seed < 30; seed++) {
      const v = buildVariant(t, seed);
      if (!v.ok) throw new Error(JSON.stringify(v.errors));
      const w = (v.value.key.data as { workload: Workload }).workload;
      const under = (name: "sjf" | "stcf") => JSON.stringify(simulate({ ...w, policy: { name } }).slices);
      expect(under("sjf"), `seed ${seed}`).not.toBe(under("stcf"));
    }
    const bad = validateTemplate(template("schedule", { ...gen, constraints: ["differs(0, 2)"] }));
    expect(bad.ok ? "" : bad.errors[0]!.message).toContain("no policy number 2");
  });

  test("constraints run under the engine's work budget", () => {
    const t = valid(template("schedule", MLFQ_WITH_IO));
    expect(() => withWorkBudget("per-variant", 5, () => buildVariant(t, 1))).toThrow(WorkBudgetExceeded);
  });
});

describe("computed numeric answers (concept parts)", () => {
  const gen = (
    answer: unknown,
    params: Record<string, unknown> = { rate: { choice: [100, 250, 800] }, holdMs: { range: [10, 300] } },
  ) =>
    template("concept", {
      params,
      parts: [
        {
          kind: "number",
          id: "busy",
          label: "Busy threads at {{rate}} req/s and {{holdMs}} ms?",
          answer,
          unit: "count",
        },
      ],
    });

  test("the key is the expression evaluated on each variant's parameters", () => {
    const t = valid(gen("{{rate}} * {{holdMs}} / 1000"));
    for (let seed = 0; seed < 50; seed++) {
      const v = buildVariant(t, seed);
      if (!v.ok) throw new Error(JSON.stringify(v.errors));
      const [, rate, hold] = /at (\d+) req\/s and (\d+) ms/.exec((v.value.view.parts[0] as { label: string }).label)!;
      expect(v.value.key.expected["busy"]).toBeCloseTo((Number(rate) * Number(hold)) / 1000, 12);
    }
    // Bare names mean the same parameters as {{name}}.
    expect(buildVariant(valid(gen("rate * holdMs / 1000")), 7)).toEqual(buildVariant(t, 7));
  });

  test("bad expressions are refused naming the part's answer", () => {
    const cases: [unknown, string][] = [
      ["{{rate}} * {{hold}} / 1000", 'unknown name "hold"'],
      ["rate.valueOf", "property access"],
      ["rate.valueOf()", "unknown function call"],
      ["{{rate}} * {{name}}", "text parameters cannot be computed with"],
    ];
    for (const [answer, message] of cases) {
      const r = validateTemplate(gen(answer, { rate: { choice: [100, 250] }, holdMs: 20, name: "db" }));
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.errors[0]!.path).toBe("generator.parts[0].answer");
        expect(r.errors[0]!.message).toContain(message);
      }
    }
  });

  test("a value that is not a finite number fails the build with the expression named", () => {
    const r = validateTemplate(gen("rate / (holdMs - holdMs)"));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.message).toContain('"rate / (holdMs - holdMs)" gives Infinity');
  });
});

describe("comparison questions (metrics with compare)", () => {
  const gen = {
    policy: ["fifo", "sjf", { name: "rr", quantum: 2 }],
    compare: true,
    tasks: 3,
    cpuBurst: [1, 9],
    arrivalSpread: 3,
    ask: [{ metric: "turnaround", task: "average" }],
    constraints: ["differs(0, 1)"],
  };
  const t = valid(template("metrics", gen, {}, "Compare {{policy1}}, {{policy2}} and {{policy3}}."));

  test("every policy runs on the same tasks, with one part each, and the key is each policy's own schedule", () => {
    for (let seed = 0; seed < 30; seed++) {
      const v = buildVariant(t, seed);
      if (!v.ok) throw new Error(JSON.stringify(v.errors));
      expect(v.value.view.parts.map((p) => p.id)).toEqual([
        "p1-turnaround-average",
        "p2-turnaround-average",
        "p3-turnaround-average",
      ]);
      expect(v.value.view.prompt).toBe("Compare FIFO, SJF and RR, 2 ms quantum.");
      const w = (v.value.key.data as { workload: Workload }).workload;
      const avg = (policy: Workload["policy"]) => {
        const s = simulate({ ...w, policy });
        return s.tasks.reduce((a, m) => a + m.finish! - m.arrival, 0) / s.tasks.length;
      };
      expect(v.value.key.expected["p1-turnaround-average"]).toBeCloseTo(avg({ name: "fifo" }), 9);
      expect(v.value.key.expected["p2-turnaround-average"]).toBeCloseTo(avg({ name: "sjf" }), 9);
      expect(v.value.key.expected["p3-turnaround-average"]).toBeCloseTo(avg({ name: "rr", quantum: 2 }), 9);
      expect(JSON.stringify(simulate({ ...w, policy: { name: "fifo" } }).slices)).not.toBe(
        JSON.stringify(simulate({ ...w, policy: { name: "sjf" } }).slices),
      );
    }
  });

  test("the self-test passes, and compare is refused without a list of policies or with a timeline", () => {
    expect(selfTestTemplate(t, { variants: 30 }).failures).toEqual([]);
    const one = validateTemplate(template("metrics", { ...gen, policy: "fifo" }));
    expect(one.ok ? [] : one.errors.map((e) => e.path)).toContain("generator.compare");
    const tl = validateTemplate(template("metrics", { ...gen, timeline: true }));
    expect(tl.ok ? [] : tl.errors.map((e) => e.path)).toContain("generator.timeline");
  });
});

describe("task families", () => {
  const gen = {
    policy: { name: "mlfq", quanta: [2, 4], boostPeriod: 20 },
    // One CPU-bound job plus two interactive ones.
    tasks: [
      { count: 1, cpuBurst: [10, 14] },
      { count: 2, cpuBurst: [1, 2], ioBurst: [3, 5], burstsPerTask: [2, 3] },
    ],
    arrivalSpread: 2,
    slotMs: 1,
  };

  test("each family draws its own count from its own ranges; the generator's ranges are defaults", () => {
    const t = valid(template("schedule", gen));
    for (let seed = 0; seed < 100; seed++) {
      const v = buildVariant(t, seed);
      if (!v.ok) throw new Error(JSON.stringify(v.errors));
      const tasks = (v.value.key.data as { workload: Workload }).workload.tasks;
      expect(tasks.map((x) => x.id)).toEqual(["A", "B", "C"]);
      const [cpuBound, ...interactive] = tasks;
      expect(cpuBound!.bursts).toHaveLength(1);
      expect(cpuBound!.bursts[0]).toBeGreaterThanOrEqual(10);
      expect(cpuBound!.bursts[0]).toBeLessThanOrEqual(14);
      for (const task of interactive) {
        expect([3, 5]).toContain(task.bursts.length);
        task.bursts.forEach((b, i) => {
          const [lo, hi] = i % 2 === 0 ? [1, 2] : [3, 5];
          expect(b, `seed ${seed} ${task.id} burst ${i}`).toBeGreaterThanOrEqual(lo);
          expect(b).toBeLessThanOrEqual(hi);
        });
      }
      for (const task of tasks) expect(task.arrival).toBeLessThanOrEqual(2);
    }
    expect(buildVariant(t, 9)).toEqual(buildVariant(t, 9));
  });

  test("families combine with constraints and counts may be ranges", () => {
    const t = valid(
      template("schedule", {
        ...gen,
        tasks: [
          { count: 1, cpuBurst: [10, 14] },
          { count: [1, 3], cpuBurst: [1, 2], ioBurst: [3, 5], burstsPerTask: [2, 2] },
        ],
        constraints: ["tasks >= 3", "io >= 2"],
      }),
    );
    for (let seed = 0; seed < 40; seed++) {
      const v = buildVariant(t, seed);
      if (!v.ok) throw new Error(JSON.stringify(v.errors));
      const w = v.value.key.data as { workload: Workload; sim: SimResult };
      expect(w.workload.tasks.length).toBeGreaterThanOrEqual(3);
      expect(w.sim.slices.filter((s) => s.endReason === "blocked").length).toBeGreaterThanOrEqual(2);
    }
  });

  test("bad families are refused naming the family and the field", () => {
    const r = validateTemplate(
      template("schedule", {
        ...gen,
        tasks: [{ count: 0, cpuBurst: [1, 2] }, { count: 2 }, { count: 30, cpuBurst: [1, 2], colour: "red" }],
        processes: 2,
      }),
    );
    const paths = r.ok ? [] : r.errors.map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        "generator.tasks[0].count",
        "generator.tasks[1].cpuBurst",
        "generator.tasks[2].colour",
        "generator.tasks[2].count",
        "generator.processes",
      ]),
    );
    const tooMany = validateTemplate(
      template("schedule", {
        ...gen,
        tasks: [
          { count: 20, cpuBurst: [1, 2] },
          { count: [1, 10], cpuBurst: [1, 2] },
        ],
      }),
    );
    expect(tooMany.ok ? "" : tooMany.errors.map((e) => e.message).join(" ")).toContain(
      "up to 30 tasks; a question has at most 26",
    );
  });
});
