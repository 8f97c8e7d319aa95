// validateTemplate, buildVariant and selfTestTemplate: readable errors naming the field, bounded work
// on hostile input, determinism, and a view that gives nothing of the key away.
import { describe, expect, test } from "vitest";
import { EXAMPLE_TEMPLATES } from "../examples";
import { selfTestTemplate } from "../selftest";
import { validateTemplate } from "../template";
import { buildVariant } from "../variant";
import { template, valid, variant } from "./helpers";
import type { SimResult } from "../../sched/index";

const paths = (input: unknown): string[] => {
  const r = validateTemplate(input);
  return r.ok ? [] : r.errors.map((e) => e.path);
};

describe("validateTemplate", () => {
  test("every example template is valid", () => {
    for (const t of EXAMPLE_TEMPLATES) expect(validateTemplate(t), t.slug).toMatchObject({ ok: true });
  });
  test("fills grading defaults", () => {
    const { grading: _, ...rest } = template("concept", {
      parts: [{ kind: "number", id: "n", label: "n", answer: 1, unit: "count" }],
    });
    void _;
    const r = validateTemplate(rest);
    expect(r.ok && r.value.grading).toEqual({
      scheduleScoring: "per-slot",
      relativeTolerance: 0,
      absoluteTolerance: 0,
      conventionCredit: 0.5,
      maxAttempts: null,
      hintAfterAttempts: 0,
    });
  });
  test("errors name the field", () => {
    const base = template("schedule", { policy: "rr", tasks: 3, cpuBurst: [1, 4] });
    expect(paths({ ...base, grading: { ...base.grading, conventionCredit: 2 } })).toContain("grading.conventionCredit");
    expect(paths({ ...base, generator: { policy: "rr", tasks: 3 } })).toContain("generator.cpuBurst");
    expect(paths({ ...base, generator: { policy: "rr", tasks: 3, cpuBurst: [5, 1] } })).toContain("generator.cpuBurst");
    expect(paths({ ...base, generator: { policy: "warp", tasks: 3, cpuBurst: [1, 2] } })).toContain(
      "generator.policy.name",
    );
    expect(paths({ ...base, generator: { policy: "fifo", tasks: [{ id: "A", arrival: -1, bursts: [1] }] } })).toContain(
      "generator.tasks[0].arrival",
    );
    expect(paths({ ...base, generator: { ...base.generator, slotMs: Number.NaN } })).toContain("generator.slotMs");
    expect(
      paths({
        ...base,
        generator: {
          policy: "fifo",
          tasks: [
            { id: "idle", bursts: [1] },
            { id: "B", bursts: [1] },
          ],
        },
      }),
    ).toContain("generator.tasks[0].id");
    expect(paths({ ...base, slug: "Not Kebab" })).toContain("slug");
    expect(paths({ ...base, type: "essay" })).toContain("type");
    expect(paths({ ...base, difficulty: 9 })).toContain("difficulty");
    expect(paths({ ...base, prompt: "Quantum {{nope}}" })).toContain("prompt");
    expect(paths({ ...base, extra: 1 })).toContain("extra");
  });
  test("kind-specific generator fields are checked", () => {
    expect(
      paths(template("metrics", { policy: "fifo", tasks: 2, cpuBurst: [1, 2], ask: [{ metric: "speed", task: "A" }] })),
    ).toContain("generator.ask[0].metric");
    expect(
      paths(
        template("metrics", { policy: "fifo", tasks: 2, cpuBurst: [1, 2], ask: [{ metric: "turnaround", task: "Z" }] }),
      ),
    ).toContain("generator.ask[0].task");
    expect(paths(template("process", { program: "int main(void) { fork(; }", ask: ["lines"] }))).toContain(
      "generator.program",
    );
    expect(paths(template("eventloop", { program: "console.log(" }))).toContain("generator.program");
    expect(
      paths(
        template("concept", {
          parts: [{ kind: "choice", id: "x", label: "x", options: [{ label: "a" }, { label: "b" }] }],
        }),
      ),
    ).toContain("generator.parts[0].options");
    expect(
      paths(
        template("capacity", {
          workload: { arrivalRate: 1, cpuMs: 1, ioMs: 1 },
          machine: { cores: 0, ramMiB: 1 },
          servers: [{ kind: "event-loop", name: "a" }],
          ask: [{ what: "memoryMiB", server: 0 }],
        }),
      ),
    ).toContain("generator.machine.cores");
  });
  test("hostile input is rejected", () => {
    for (const bad of [
      null,
      42,
      "x",
      [],
      { generator: [] },
      template("schedule", { policy: "fifo", tasks: 1e9, cpuBurst: [1, 2] }),
      template("schedule", { policy: "fifo", tasks: 3, cpuBurst: [1, 1e12] }),
      template("schedule", { policy: "fifo", tasks: [1, 200_000], cpuBurst: [1, 2] }),
      template("schedule", { policy: { name: "rr", quantum: 0.001 }, tasks: 2, cpuBurst: [1e6, 1e6] }),
    ]) {
      expect(validateTemplate(bad).ok).toBe(false);
    }
  });
});

describe("buildVariant", () => {
  const t = valid(EXAMPLE_TEMPLATES[0]!);
  test("is deterministic and JSON-safe", () => {
    const a = buildVariant(t, 42);
    const b = buildVariant(t, 42);
    expect(a).toEqual(b);
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
  });
  test("different seeds give different workloads", () => {
    const tables = new Set<string>();
    for (let s = 0; s < 10; s++) tables.add(JSON.stringify(variant(t, s).view.exhibits));
    expect(tables.size).toBeGreaterThan(5);
  });
  test("rejects bad seeds", () => {
    for (const seed of [-1, 1.5, Number.NaN, 2 ** 40]) expect(buildVariant(t, seed).ok).toBe(false);
  });
  test("rejects a malformed template without throwing", () => {
    expect(buildVariant({ ...t, generator: null as never }, 1)).toEqual({
      ok: false,
      errors: [{ path: "generator", message: "must be an object" }],
    });
    expect(buildVariant({ ...t, type: "essay" as never }, 1).ok).toBe(false);
    expect(buildVariant({ ...t, generator: { ...t.generator, tasks: "many" } }, 1).ok).toBe(false);
  });
  test("fills placeholders and states the conventions", () => {
    const v = variant(t, 3);
    expect(v.view.prompt).not.toContain("{{");
    expect(v.view.prompt).toContain("2 ms quantum");
    expect(v.view.conventions.join(" ")).toContain("newcomer joins the ready queue first");
  });
  test("an unsatisfiable generator fails deterministically with a reason", () => {
    const bad = template("schedule", { policy: "fifo", tasks: 1, cpuBurst: [3, 3], slotMs: 2 });
    const r = validateTemplate(bad);
    expect(r.ok).toBe(false);
    expect(r.ok ? "" : r.errors[0]!.message).toContain("slot");
  });
});

describe("the view gives nothing away", () => {
  test("schedule: no finish times, no slices, and the reference run pattern does not appear", () => {
    for (const raw of EXAMPLE_TEMPLATES.filter((x) => x.type === "schedule" || x.type === "metrics")) {
      const t = valid(raw);
      for (let seed = 0; seed < 30; seed++) {
        const v = variant(t, seed);
        const json = JSON.stringify(v.view);
        for (const word of ['"finish"', '"slices"', '"decisions"', '"turnaround"', '"expected"'])
          expect(json).not.toContain(word);
        const tl = v.key.expected["timeline"] as string[] | undefined;
        if (tl) expect(json).not.toContain(JSON.stringify(tl).slice(1, -1));
        const sim = (v.key.data as { sim: SimResult }).sim;
        const finishes = sim.tasks.map((x) => x.finish).filter((x) => x !== null);
        if (finishes.length >= 2) expect(json).not.toContain(finishes.join(","));
      }
    }
  });
  test("order questions: shown order and ids are not the answer; choices carry no correctness flag", () => {
    for (const raw of EXAMPLE_TEMPLATES) {
      const t = valid(raw);
      for (let seed = 0; seed < 20; seed++) {
        const v = variant(t, seed);
        const json = JSON.stringify(v.view);
        expect(json).not.toContain("correct");
        for (const p of v.view.parts) {
          if (p.kind !== "order") continue;
          const expectedIds = v.key.expected[p.id] as string[];
          const ordinal = expectedIds.every((id, i) => id === `L${i + 1}`);
          const distinct = new Set(p.items.map((i) => i.label)).size === p.items.length;
          if (distinct) expect(ordinal).toBe(false);
        }
      }
    }
  });
});

describe("selfTestTemplate", () => {
  test("passes for every example", () => {
    for (const t of EXAMPLE_TEMPLATES)
      expect(selfTestTemplate(t, { variants: 25 }), t.slug).toMatchObject({ ok: true, failures: [] });
  });
  test("flags an invalid template without throwing", () => {
    const r = selfTestTemplate({ ...EXAMPLE_TEMPLATES[0]!, difficulty: 7 as 1 }, { variants: 5 });
    expect(r.ok).toBe(false);
    expect(r.failures[0]!.problem).toContain("difficulty");
  });
  test("flags a degenerate question: an order question whose lines are all the same", () => {
    const t = template("process", {
      program:
        '#include <stdio.h>\n#include <unistd.h>\nint main(void) {\n  fork();\n  printf("hi\\n");\n  return 0;\n}\n',
      output: "tty",
      ask: ["order"],
    });
    const r = selfTestTemplate(t, { variants: 3 });
    expect(r.ok).toBe(false);
    expect(r.failures.map((f) => f.problem).join(" ")).toMatch(/degenerate|below 1/);
  });
});
