// Generator invariants: validated with field paths, honoured by the redraw loop (deterministically, with a
// clear error past the bound), and re-checked by the self-test.
import { describe, expect, test } from "vitest";
import { simulate, validateWorkload } from "../../sched/index";
import type { Workload } from "../../sched/index";
import { brokenInvariant, invariantProblem, type Invariant } from "../invariants";
import { selfTestTemplate } from "../selftest";
import { validateTemplate } from "../template";
import { buildVariant } from "../variant";
import { template } from "./helpers";

function workload(doc: Record<string, unknown>): Workload {
  const w = validateWorkload(doc);
  if (!w.ok) throw new Error(JSON.stringify(w.errors));
  return w.value;
}

function check(inv: Invariant, doc: Record<string, unknown>): string | null {
  const w = workload(doc);
  return invariantProblem(inv, w, simulate(w));
}

const convoy: Invariant = { check: "convoy", ratio: 3 };

describe("invariant predicates", () => {
  test("convoy: 12/12/11 is no convoy; a 12 ms job ahead of 2 and 3 ms jobs is", () => {
    const fifo = (bursts: number[]) => ({
      policy: "fifo",
      tasks: bursts.map((b, i) => ({ id: "ABC"[i], arrival: i, bursts: [b] })),
    });
    expect(check(convoy, fifo([12, 12, 11]))).toMatch(/less than 3×/);
    expect(check(convoy, fifo([12, 2, 3]))).toBeNull();
    expect(check(convoy, fifo([2, 12, 3]))).toMatch(/not the longest/);
  });

  test("preempts / preemptionMatters / quantumExpires", () => {
    const jobs = [
      { id: "A", arrival: 0, bursts: [6] },
      { id: "B", arrival: 1, bursts: [2] },
    ];
    expect(check({ check: "preempts", min: 1 }, { policy: "stcf", tasks: jobs })).toBeNull();
    expect(check({ check: "preempts", min: 1 }, { policy: "sjf", tasks: jobs })).toMatch(/0 preemptions/);
    expect(check({ check: "preemptionMatters" }, { policy: "sjf", tasks: jobs })).toBeNull();
    const late = [
      { id: "A", arrival: 0, bursts: [2] },
      { id: "B", arrival: 3, bursts: [2] },
    ];
    expect(check({ check: "preemptionMatters" }, { policy: "stcf", tasks: late })).toMatch(/same/);
    expect(check({ check: "quantumExpires", min: 1 }, { policy: { name: "rr", quantum: 4 }, tasks: late })).toMatch(
      /0 times/,
    );
    expect(check({ check: "quantumExpires", min: 1 }, { policy: { name: "rr", quantum: 1 }, tasks: jobs })).toBeNull();
  });

  test("ioOverlap, distinct, hasClass, unevenProcesses, someoneWaits, switchKinds, boostMatters", () => {
    const io = {
      policy: "fifo",
      tasks: [
        { id: "A", arrival: 0, bursts: [1, 4, 1] },
        { id: "B", arrival: 0, bursts: [3] },
      ],
    };
    expect(check({ check: "ioOverlap" }, io)).toBeNull();
    const noOverlap = {
      policy: "fifo",
      tasks: [
        { id: "A", arrival: 0, bursts: [1, 4, 1] },
        { id: "B", arrival: 7, bursts: [3] },
      ],
    };
    expect(check({ check: "ioOverlap" }, noOverlap)).toMatch(/no job/);
    const eevdf = (nice: number[]) => ({
      policy: { name: "eevdf", hz: 250 },
      horizon: 40,
      tasks: nice.map((n, i) => ({ id: "AB"[i], arrival: 0, bursts: [100], nice: n })),
    });
    expect(check({ check: "distinct", field: "nice" }, eevdf([0, 0]))).toMatch(/same nice/);
    expect(check({ check: "distinct", field: "nice" }, eevdf([0, 5]))).toBeNull();
    expect(check({ check: "hasClass", class: "idle", min: 1 }, eevdf([0, 5]))).toMatch(/0 IDLE/);
    const procs = (p: string[]) => ({
      policy: { name: "rr", quantum: 1 },
      tasks: p.map((proc, i) => ({ id: "ABCD"[i], arrival: 0, bursts: [2], process: proc })),
    });
    expect(check({ check: "unevenProcesses" }, procs(["P", "P", "Q", "Q"]))).toMatch(/same number/);
    expect(check({ check: "unevenProcesses" }, procs(["P", "P", "Q"]))).toBeNull();
    expect(check({ check: "switchKinds", kinds: ["thread", "process"] }, procs(["P", "P", "Q"]))).toBeNull();
    expect(check({ check: "switchKinds", kinds: ["thread"] }, procs(["P", "Q"]))).toMatch(/no thread switch/);
    expect(check({ check: "someoneWaits" }, procs(["P", "Q"]))).toBeNull();
    expect(
      check(
        { check: "someoneWaits" },
        {
          policy: "fifo",
          tasks: [
            { id: "A", arrival: 0, bursts: [1] },
            { id: "B", arrival: 5, bursts: [1] },
          ],
        },
      ),
    ).toMatch(/the moment it arrives/);
    const mlfq = (boostPeriod: number) => ({
      policy: { name: "mlfq", quanta: [1, 2], boostPeriod },
      tasks: [
        { id: "A", arrival: 0, bursts: [10] },
        { id: "B", arrival: 0, bursts: [10] },
        { id: "C", arrival: 4, bursts: [6] },
      ],
    });
    expect(check({ check: "boostMatters" }, mlfq(5))).toBeNull();
    expect(check({ check: "boostMatters" }, mlfq(0))).toBeNull();
  });
});

describe("templates with invariants", () => {
  const base = {
    policy: "fifo",
    tasks: 3,
    cpuBurst: [1, 12],
    arrivalSpread: 3,
    ask: [{ metric: "turnaround", task: "average" }],
  };

  test("unknown names and bad parameters name the field", () => {
    const r = validateTemplate(
      template("metrics", {
        ...base,
        invariants: ["convoyy", { check: "convoy", ratio: -1 }, { check: "distinct", field: "colour" }],
      }),
    );
    expect(r.ok ? [] : r.errors.map((e) => e.path)).toEqual(
      expect.arrayContaining([
        "generator.invariants[0].check",
        "generator.invariants[1].ratio",
        "generator.invariants[2].field",
      ]),
    );
  });

  test("every variant of a convoy template has a convoy, and variants are deterministic", () => {
    const t = template("metrics", { ...base, invariants: [{ check: "convoy", ratio: 3 }] });
    const plain = template("metrics", base);
    let brokenWithout = 0;
    for (let seed = 0; seed < 60; seed++) {
      const v = buildVariant(t, seed);
      if (!v.ok) throw new Error(JSON.stringify(v.errors));
      const w = v.value.key.data["workload"] as Workload;
      expect(brokenInvariant([{ check: "convoy", ratio: 3 }], w, simulate(w)), `seed ${seed}`).toBeNull();
      expect(buildVariant(t, seed)).toEqual(v);
      const p = buildVariant(plain, seed);
      if (p.ok) {
        const pw = p.value.key.data["workload"] as Workload;
        if (brokenInvariant([{ check: "convoy", ratio: 3 }], pw, simulate(pw))) brokenWithout++;
      }
    }
    // Without the invariant most draws are no convoy at all: the invariant is doing the work.
    expect(brokenWithout).toBeGreaterThan(30);
  });

  test("an invariant no draw can meet fails with a clear, bounded error", () => {
    const t = template("metrics", { ...base, cpuBurst: [4, 6], invariants: [{ check: "convoy", ratio: 3 }] });
    const r = buildVariant(t, 7);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors[0]!.message).toMatch(
        /no usable workload in 100 draws for seed 7: invariant convoy .*does not hold/,
      );
  });

  test("the self-test re-checks invariants on each variant's own workload", () => {
    const t = template("metrics", { ...base, invariants: [{ check: "convoy", ratio: 3 }] });
    expect(selfTestTemplate(t, { variants: 20 }).failures).toEqual([]);
    // A fixed table cannot be redrawn: the self-test reports the broken invariant for every seed.
    const fixed = template("schedule", {
      policy: "fifo",
      tasks: [
        { id: "A", arrival: 0, bursts: [12] },
        { id: "B", arrival: 1, bursts: [12] },
      ],
      invariants: ["preempts"],
    });
    const r = selfTestTemplate(fixed, { variants: 2 });
    expect(r.ok).toBe(false);
    expect(r.failures.map((f) => f.problem).join(" ")).toMatch(/preempts/);
  });
});
