// The small models behind the new topics' questions, checked against hand-worked examples (kernel
// fixed-point arithmetic done on paper, timelines drawn by hand) and against invariants.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { buildVariant, validateTemplate, type QuestionTemplate } from "@/lib/engine";
import {
  admitDeadlineTasks,
  ANSWER_MODELS,
  calcLoad,
  classicInversion,
  cloneCounts,
  cloneOutcome,
  displayLoad,
  FIXED_1,
  loadAverageAfter,
  loadContributors,
  parseCloneFlags,
  simulateCpuQuota,
  simulateEdf,
  simulateInversion,
  weightShares,
} from "./index";

const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);
console.log(`models property seed: FC_SEED=${seed}`);

describe("load average (kernel/sched/loadavg.c)", () => {
  it("does one update in fixed point exactly as calc_load", () => {
    // 0·1884 + 2048·164 = 335872, +2047 because active ≥ load, /2048 → 164.
    expect(calcLoad(0, 1884, FIXED_1)).toBe(164);
    // Printed with FIXED_1/200 added: 174/2048 → 0.08.
    expect(displayLoad(164)).toBe(0.08);
    expect(loadAverageAfter(0, 1, 1, 1)).toBe(0.08);
  });

  it("approaches the number of R+D tasks like n·(1 − e^(−t/window))", () => {
    for (const [n, seconds] of [
      [1, 60],
      [3, 30],
      [5, 120],
    ] as const) {
      const continuous = n * (1 - Math.exp(-seconds / 60));
      expect(Math.abs(loadAverageAfter(0, n, seconds / 5, 1) - continuous)).toBeLessThan(0.02);
    }
    expect(loadAverageAfter(0, 3, 180, 1)).toBe(3);
    expect(loadAverageAfter(4, 0, 180, 1)).toBe(0);
  });

  it("counts runnable and uninterruptible tasks only", () => {
    expect(loadContributors({ R: 2, D: 3, S: 40, I: 10, T: 1, Z: 5 })).toBe(5);
  });
});

describe("cpu.max bandwidth model", () => {
  const base = { quotaMs: 100, periodMs: 100, workMs: 200, threads: 4, cpus: 4, offsetMs: 0 };

  it("throttles a 4-thread burst for the rest of each period (limit 1 CPU)", () => {
    const r = simulateCpuQuota(base);
    expect(r.ok && r.value).toMatchObject({ latencyMs: 125, throttledMs: 75, throttledPeriods: 1 });
    expect(r.ok && r.value.segments).toEqual([
      { start: 0, end: 25, state: "running" },
      { start: 25, end: 100, state: "throttled" },
      { start: 100, end: 125, state: "running" },
    ]);
    const unlimited = simulateCpuQuota({ ...base, quotaMs: null });
    expect(unlimited.ok && unlimited.value.latencyMs).toBe(50);
  });

  it("handles one thread, several periods, and an arrival late in a period", () => {
    const one = simulateCpuQuota({ ...base, quotaMs: 50, workMs: 120, threads: 1 });
    expect(one.ok && [one.value.latencyMs, one.value.throttledMs]).toEqual([220, 100]);
    const late = simulateCpuQuota({ ...base, quotaMs: 20, workMs: 30, threads: 1, offsetMs: 90 });
    expect(late.ok && [late.value.latencyMs, late.value.throttledMs]).toEqual([30, 0]);
  });

  it("rejects bad input with the field named", () => {
    const r = simulateCpuQuota({ ...base, threads: 0, offsetMs: 100 });
    expect(!r.ok && r.errors.map((e) => e.path)).toEqual(["threads", "offsetMs"]);
  });

  it("keeps its invariants for random inputs", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 10, max: 200 }),
        fc.integer({ min: 1, max: 800 }),
        fc.integer({ min: 1, max: 16 }),
        fc.integer({ min: 1, max: 16 }),
        fc.integer({ min: 0, max: 99 }),
        (quota, period, work, threads, cpus, offsetPct) => {
          const input = {
            quotaMs: quota,
            periodMs: period,
            workMs: work,
            threads,
            cpus,
            offsetMs: Math.floor((offsetPct * period) / 100),
          };
          const r = simulateCpuQuota(input);
          if (!r.ok) return;
          const rate = Math.min(threads, cpus);
          const running = r.value.segments
            .filter((s) => s.state === "running")
            .reduce((a, s) => a + s.end - s.start, 0);
          // Segment ends are rounded to 1e-6 ms, so allow that much per segment.
          expect(Math.abs(running * rate - work)).toBeLessThan(1e-5 * rate * r.value.segments.length + 1e-9);
          expect(r.value.latencyMs).toBeGreaterThanOrEqual(work / rate - 1e-6);
          expect(r.value.throttledMs).toBeLessThanOrEqual(r.value.latencyMs - running + 1e-5 * r.value.segments.length);
          if (quota >= period * rate) expect(r.value.throttledMs).toBe(0);
        },
      ),
      { seed, numRuns: 300 },
    );
  });

  it("splits a contended CPU by cpu.weight", () => {
    expect(weightShares([100, 300])).toEqual([0.25, 0.75]);
  });
});

describe("priority inversion model", () => {
  // L locks at 1 for 4 units; H arrives at 2, runs 1, then needs the mutex for 2; M arrives at 3 with 5 units.
  const scenario = classicInversion({
    lowBefore: 1,
    lowLocked: 4,
    highArrival: 2,
    highBefore: 1,
    highLocked: 2,
    mediumArrival: 3,
    mediumCpu: 5,
  });

  it("without a protocol, M runs while H waits for L's mutex", () => {
    const r = simulateInversion(scenario, "none");
    expect(r.ok && r.value.finish).toEqual({ L: 15, H: 14, M: 8 });
    expect(r.ok && r.value.slices.map((s) => `${s.task}${s.start}-${s.end}`)).toEqual([
      "L0-1",
      "L1-2",
      "H2-3",
      "M3-8",
      "L8-11",
      "H11-13",
      "H13-14",
      "L14-15",
    ]);
  });

  it("with inheritance L runs at H's priority until it unlocks", () => {
    const r = simulateInversion(scenario, "inherit");
    expect(r.ok && r.value.finish).toEqual({ L: 15, H: 9, M: 14 });
    expect(r.ok && r.value.slices.find((s) => s.task === "L" && s.start === 3)?.priority).toBe(3);
  });

  it("with an immediate ceiling H cannot even preempt L's critical section", () => {
    const r = simulateInversion(scenario, "ceiling");
    expect(r.ok && r.value.finish).toEqual({ L: 15, H: 9, M: 14 });
    expect(r.ok && r.value.slices.map((s) => `${s.task}${s.start}-${s.end}`)).toEqual([
      "L0-1",
      "L1-5",
      "H5-6",
      "H6-8",
      "H8-9",
      "M9-14",
      "L14-15",
    ]);
  });

  it("rejects duplicate priorities", () => {
    const r = simulateInversion(
      [
        { id: "A", priority: 1, arrival: 0, steps: [{ cpu: 1 }] },
        { id: "B", priority: 1, arrival: 0, steps: [{ cpu: 1 }] },
      ],
      "none",
    );
    expect(!r.ok && r.errors[0]!.path).toBe("tasks[1].priority");
  });
});

describe("SCHED_DEADLINE admission and EDF", () => {
  it("admits requests while the total stays within 95% of each CPU", () => {
    const r = admitDeadlineTasks(
      [],
      [
        { runtime: 30, period: 100 },
        { runtime: 40, period: 100 },
        { runtime: 30, period: 100 },
      ],
      1,
    );
    expect(r.admitted).toEqual([true, true, false]);
    expect(
      admitDeadlineTasks(
        [],
        [
          { runtime: 50, period: 100 },
          { runtime: 45, period: 100 },
        ],
        1,
      ).admitted,
    ).toEqual([true, true]);
    expect(
      admitDeadlineTasks(
        [],
        [
          { runtime: 60, period: 100 },
          { runtime: 60, period: 100 },
        ],
        2,
      ).admitted,
    ).toEqual([true, true]);
  });

  it("runs the earliest deadline, lower index on ties, and misses nothing below 100% utilisation", () => {
    const tasks = [
      { runtime: 1, period: 4 },
      { runtime: 2, period: 6 },
      { runtime: 3, period: 8 },
    ];
    const r = simulateEdf(tasks, 24);
    expect(r.slices.slice(0, 4)).toEqual([
      { task: 0, start: 0, end: 1 },
      { task: 1, start: 1, end: 3 },
      { task: 2, start: 3, end: 4 },
      { task: 0, start: 4, end: 5 },
    ]);
    expect(r.finishes[2]![0]).toBe(7);
    expect(r.misses).toBe(0);
    expect(
      simulateEdf(
        [
          { runtime: 2, period: 4 },
          { runtime: 3, period: 6 },
          { runtime: 2, period: 8 },
        ],
        24,
      ).misses,
    ).toBeGreaterThan(0);
  });
});

describe("clone() flags", () => {
  const flags = (s: string) => {
    const r = parseCloneFlags(s);
    if (!r.ok) throw new Error(r.message);
    return r.flags;
  };
  it("classifies flag sets as clone(2) does", () => {
    expect(cloneOutcome(flags("CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD"))).toBe("thread");
    expect(cloneOutcome(flags("CLONE_VM | CLONE_VFORK"))).toBe("shared-memory-process");
    expect(cloneOutcome(flags("SIGCHLD"))).toBe("process");
    expect(cloneOutcome(flags("CLONE_THREAD"))).toBe("einval");
    expect(cloneOutcome(flags("CLONE_SIGHAND | CLONE_THREAD"))).toBe("einval");
    expect(parseCloneFlags("CLONE_NEWPID").ok).toBe(false);
  });
  it("counts processes and tasks after several calls", () => {
    expect(cloneCounts(flags("CLONE_VM | CLONE_SIGHAND | CLONE_THREAD"), 3)).toEqual({ processes: 1, tasks: 4 });
    expect(cloneCounts(flags("CLONE_VM"), 3)).toEqual({ processes: 4, tasks: 4 });
    expect(cloneCounts(flags("CLONE_THREAD"), 3)).toEqual({ processes: 1, tasks: 1 });
  });
});

describe("model answers in concept questions", () => {
  const template = (
    answer: unknown,
    params: Record<string, unknown> = { w: { choice: [100, 300] } },
  ): QuestionTemplate => ({
    slug: "model-answer",
    title: "t",
    type: "concept",
    topic: "linux-fair-scheduler",
    tags: [],
    difficulty: 1,
    prompt: "weight {{w}}",
    generator: { params, parts: [{ kind: "number", id: "share", label: "share", unit: "percent", answer }] },
    grading: {
      scheduleScoring: "per-slot",
      relativeTolerance: 0,
      absoluteTolerance: 0,
      conventionCredit: 0.5,
      maxAttempts: null,
      hintAfterAttempts: 1,
    },
    hints: [],
    explanation: "x",
  });

  it("computes the key from the model and the drawn parameters", () => {
    const t = template({ model: "cpu-weight-percent", args: { weight: "{{w}}", others: 100 } });
    expect(validateTemplate(t).ok).toBe(true);
    const seen = new Set<number>();
    for (let s = 0; s < 20; s++) {
      const v = buildVariant(t, s);
      if (!v.ok) throw new Error(JSON.stringify(v.errors));
      const w = Number(/weight (\d+)/.exec(v.value.view.prompt)![1]);
      expect(v.value.key.expected["share"]).toBe((100 * w) / (w + 100));
      seen.add(w);
    }
    expect(seen.size).toBe(2);
  });

  it("rejects unknown models, missing or extra arguments and unknown parameters, naming the field", () => {
    const paths = (answer: unknown) => {
      const r = validateTemplate(template(answer));
      return r.ok ? [] : r.errors.map((e) => e.path);
    };
    expect(paths({ model: "nope", args: {} })).toEqual(["generator.parts[0].answer.model"]);
    expect(paths({ model: "cpu-weight-percent", args: { weight: 1 } })).toEqual([
      "generator.parts[0].answer.args.others",
    ]);
    expect(paths({ model: "cpu-weight-percent", args: { weight: 1, others: 1, x: 2 } })).toEqual([
      "generator.parts[0].answer.args.x",
    ]);
    expect(paths({ model: "cpu-weight-percent", args: { weight: "{{q}}", others: 1 } })).toEqual([
      "generator.parts[0].answer.args.weight",
    ]);
  });

  it("fails the build, not the grade, when a model rejects the drawn arguments", () => {
    const t = template({ model: "loadavg", args: { start: 0, active: 1, seconds: 7, window: 1 } });
    const v = buildVariant(t, 0);
    expect(!v.ok && v.errors[0]!.message).toMatch(/seconds: must be a multiple of 5/);
  });

  it("bounds the work a hostile template can ask a model for", () => {
    const t = template({ model: "loadavg", args: { start: 0, active: 1, seconds: 5e12, window: 1 } });
    const v = buildVariant(t, 0);
    expect(!v.ok && v.errors[0]!.message).toMatch(/seconds: must be a multiple of 5 from 0 to 86400/);
    expect(
      ANSWER_MODELS["edf-finish"]!.compute({
        runtime1: 1,
        period1: 1e9,
        runtime2: 1,
        period2: 5,
        runtime3: 1,
        period3: 5,
        task: 1,
        job: 1,
      }).ok,
    ).toBe(false);
    expect(
      ANSWER_MODELS["cpu-quota-latency"]!.compute({
        quota: 1e-9,
        period: 100,
        work: 1e6,
        threads: 1,
        cpus: 1,
        offset: 0,
      }).ok,
    ).toBe(false);
  });

  it("every registered model declares its arguments", () => {
    for (const [name, m] of Object.entries(ANSWER_MODELS)) expect(Object.keys(m.args).length, name).toBeGreaterThan(0);
  });
});

describe("race-count-final", () => {
  const compute = (threads: number, iterations: number, which: string) =>
    ANSWER_MODELS["race-count-final"]!.compute({ threads, iterations, which });
  it("gives the hand-worked bounds of unprotected count++", () => {
    // Two threads once each: both may load 0 (final 1) or run apart (final 2).
    expect([compute(2, 1, "min"), compute(2, 1, "max"), compute(2, 1, "count")]).toEqual(
      [1, 2, 2].map((value) => ({ ok: true, value })),
    );
    // Two threads twice each: a stale store can leave 2; every value up to 4 occurs.
    expect([compute(2, 2, "min"), compute(2, 2, "max"), compute(2, 2, "count")]).toEqual(
      [2, 4, 3].map((value) => ({ ok: true, value })),
    );
  });
  it("rejects sizes past the search bound and unknown questions", () => {
    expect(compute(3, 3, "min").ok).toBe(false);
    expect(compute(2, 1, "median").ok).toBe(false);
  });
});

describe("race, lock, deadlock and waiting models", () => {
  const compute = (model: string, args: Record<string, number | string>) => {
    const r = ANSWER_MODELS[model]!.compute(args);
    if (!r.ok) throw new Error(r.errors.map((e) => e.message).join("; "));
    return r.value;
  };
  it("race-two-updates: both updates, or the last store alone (closed form)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 6 }),
        (start, add, sub) => {
          const expected = [...new Set([start + add - sub, start + add, start - sub])].sort((x, y) => x - y);
          expect(compute("race-two-updates", { start, add, sub, which: "min" })).toBe(expected[0]);
          expect(compute("race-two-updates", { start, add, sub, which: "max" })).toBe(expected[expected.length - 1]);
          expect(compute("race-two-updates", { start, add, sub, which: "count" })).toBe(expected.length);
        },
      ),
      { seed, numRuns: 40 },
    );
  });
  it("race-interrupt-final: hand-traced x86.py -i runs", () => {
    const final = (iterations: number, interval: number) =>
      compute("race-interrupt-final", { threads: 2, iterations, interval });
    // Slices of whole increments, or thread 0 running to the end first, lose nothing.
    expect(final(2, 3)).toBe(4);
    expect(final(2, 6)).toBe(4);
    expect(final(2, 50)).toBe(4);
    // Interval 1: load, load, add, add, store 1, store 1.
    expect(final(1, 1)).toBe(1);
    // Interval 2, two increments each: t0 load 0, add | t1 load 0, add | t0 store 1, load 1 | t1 store 1, load 1 | t0 add, store 2 | t1 add, store 2.
    expect(final(2, 2)).toBe(2);
  });
  it("lock-final-values: a correct lock leaves one value, no lock matches the unprotected counter", () => {
    for (const kind of ["tas", "ttas", "ticket", "yield", "peterson", "mutex"]) {
      expect(compute("lock-final-values", { kind, threads: 2, iterations: 2, which: "count" }), kind).toBe(1);
      expect(compute("lock-final-values", { kind, threads: 2, iterations: 2, which: "min" }), kind).toBe(4);
    }
    for (const which of ["min", "max", "count"]) {
      expect(compute("lock-final-values", { kind: "none", threads: 2, iterations: 2, which })).toBe(
        compute("race-count-final", { threads: 2, iterations: 2, which }),
      );
    }
    expect(compute("lock-final-values", { kind: "naive", threads: 2, iterations: 1, which: "min" })).toBe(1);
    expect(
      ANSWER_MODELS["lock-final-values"]!.compute({ kind: "peterson", threads: 3, iterations: 1, which: "min" }).ok,
    ).toBe(false);
  });
  it("philosophers-deadlock: a ring of n deadlocks after n lock calls; one reversed thread rules it out", () => {
    for (let n = 2; n <= 5; n++) {
      expect(compute("philosophers-deadlock", { philosophers: n, lastReversed: 0, which: "cycle" })).toBe(n);
      expect(compute("philosophers-deadlock", { philosophers: n, lastReversed: 0, which: "steps" })).toBe(n);
      expect(compute("philosophers-deadlock", { philosophers: n, lastReversed: 1, which: "cycle" })).toBe(0);
    }
  });
  it("wait-waste: two-phase waiting loses at most twice the better fixed choice", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 50 }), (hold, switchCost) => {
        const w = (policy: string) => compute("wait-waste", { policy, hold, switchCost });
        expect(w("spin")).toBe(hold);
        expect(w("block")).toBe(2 * switchCost);
        expect(w("two-phase")).toBeLessThanOrEqual(2 * Math.min(hold, 2 * switchCost));
        // Short holds cost two-phase waiting nothing beyond spinning.
        if (hold <= 2 * switchCost) expect(w("two-phase")).toBe(hold);
      }),
      { seed, numRuns: 200 },
    );
  });
});
