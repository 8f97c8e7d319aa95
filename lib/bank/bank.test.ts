// The built-in bank: every template is valid, fresh per seed, self-grading (reference = 1, perturbed
// < 1), leaks nothing through its view, and the bank covers every lesson and question type.
import { describe, expect, it } from "vitest";
import { buildVariant, QUESTION_TYPES, selfTestTemplate, TOPIC_SLUGS, validateTemplate } from "@/lib/engine";
import type { QuestionTemplate, Variant } from "@/lib/engine";
import { BUILT_IN_TEMPLATES } from "./index";

const VARIANTS = 100;

/** Load weights from kernel/sched/core.c (sched_prio_to_weight), copied from domain notes: the oracle. */
const KERNEL_WEIGHT: Record<number, number> = { [-5]: 3121, 0: 1024, 5: 335, 10: 110 };
const SCHED_IDLE_WEIGHT = 3;

function bySlug(slug: string): QuestionTemplate {
  const t = BUILT_IN_TEMPLATES.find((x) => x.slug === slug);
  if (!t) throw new Error(`no template ${slug}`);
  return t;
}

function variant(t: QuestionTemplate, seed: number): Variant {
  const v = buildVariant(t, seed);
  if (!v.ok) throw new Error(`${t.slug} seed ${seed}: ${JSON.stringify(v.errors)}`);
  return v.value;
}

describe("bank coverage", () => {
  it("has at least 60 templates with unique kebab-case slugs", () => {
    expect(BUILT_IN_TEMPLATES.length).toBeGreaterThanOrEqual(60);
    const slugs = BUILT_IN_TEMPLATES.map((t) => t.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const s of slugs) expect(s).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it("covers every lesson at least 5 times and every type at least 3 times", () => {
    for (const topic of TOPIC_SLUGS)
      expect(BUILT_IN_TEMPLATES.filter((t) => t.topic === topic).length, topic).toBeGreaterThanOrEqual(5);
    for (const type of QUESTION_TYPES)
      expect(BUILT_IN_TEMPLATES.filter((t) => t.type === type).length, type).toBeGreaterThanOrEqual(3);
  });

  it("spreads difficulty from 1 to 5", () => {
    for (const d of [1, 2, 3, 4, 5])
      expect(
        BUILT_IN_TEMPLATES.some((t) => t.difficulty === d),
        `difficulty ${d}`,
      ).toBe(true);
  });

  it("gives every template a worked explanation and the classics from the product issue", () => {
    for (const t of BUILT_IN_TEMPLATES) expect(t.explanation.length, t.slug).toBeGreaterThan(200);
    for (const slug of [
      "fork-loop-count",
      "rr-gantt-with-arrivals",
      "sjf-vs-stcf-timeline",
      "mlfq-priority-boost",
      "nice-cpu-shares",
      "rt-throttling-share",
      "process-switch-still-expensive",
      "segfault-kills-sibling-threads",
      "node-sync-tick-promise-timer",
      "how-many-threads-can-a-server-run",
    ])
      expect(
        BUILT_IN_TEMPLATES.some((t) => t.slug === slug),
        slug,
      ).toBe(true);
  });
});

describe.each(BUILT_IN_TEMPLATES.map((t) => [t.slug, t] as const))("%s", (_slug, template) => {
  it("passes validateTemplate", () => {
    const r = validateTemplate(template);
    expect(r.ok ? [] : r.errors).toEqual([]);
  });

  it(`grades the reference 1 and a perturbed answer < 1 on ${VARIANTS} seeds`, () => {
    const r = selfTestTemplate(template, { variants: VARIANTS });
    expect(r.failures).toEqual([]);
  });

  it("keeps the answer key out of the view", () => {
    for (const seed of [0, 1, 2, 3]) {
      const v = variant(template, seed);
      const text = JSON.stringify(v.view);
      for (const secret of ["slices", "decisions", "correct", "expected"])
        expect(text.includes(`"${secret}"`), `${secret} in view`).toBe(false);
      for (const part of v.view.parts) {
        if (part.kind === "choice") {
          // Option ids are handed out after shuffling: o1, o2, … (or s1, s2 … for servers), never meaningful names.
          for (const o of part.options) expect(o.id).toMatch(/^[os]\d+$/);
        }
        if (part.kind === "order" && new Set(part.items.map((i) => i.label)).size > 1) {
          expect(
            part.items.map((i) => i.id),
            "order shown = answer",
          ).not.toEqual(v.key.expected[part.id]);
        }
      }
    }
  });
});

describe("fresh variants", () => {
  const simulatorBacked = BUILT_IN_TEMPLATES.filter((t) => t.type !== "concept" && t.slug !== "sched-rr-timeslice");
  it.each(simulatorBacked.map((t) => [t.slug, t] as const))("%s varies with the seed", (_slug, t) => {
    const seen = new Set<string>();
    for (let seed = 0; seed < 30; seed++) {
      const v = variant(t, seed);
      seen.add(JSON.stringify([v.view.exhibits, v.view.prompt, v.key.expected]));
    }
    expect(seen.size).toBeGreaterThan(1);
  });
});

describe("independent oracles", () => {
  it("fair-class shares match w / Σw from the kernel's weight table within the 2-point tolerance", () => {
    for (const slug of ["nice-cpu-shares", "sched-idle-share"]) {
      for (let seed = 0; seed < 20; seed++) {
        const v = variant(bySlug(slug), seed);
        const table = v.view.exhibits[0]!;
        if (table.kind !== "table") throw new Error("expected a table");
        const niceCol = table.columns.indexOf("Nice");
        const classCol = table.columns.indexOf("Class");
        const weights = table.rows.map((r) =>
          classCol >= 0 && r[classCol] === "IDLE" ? SCHED_IDLE_WEIGHT : KERNEL_WEIGHT[Number(r[niceCol])]!,
        );
        const sum = weights.reduce((a, b) => a + b, 0);
        table.rows.forEach((r, i) => {
          const expected = (100 * weights[i]!) / sum;
          expect(
            Math.abs((v.key.expected[`cpuShare-${String(r[0])}`] as number) - expected),
            `${slug} seed ${seed} task ${String(r[0])}`,
          ).toBeLessThanOrEqual(2);
        });
      }
    }
  });

  it("fork-loop-count: 2^n processes and lines (hand-derived)", () => {
    for (let seed = 0; seed < 10; seed++) {
      const v = variant(bySlug("fork-loop-count"), seed);
      const code = v.view.exhibits[0]!;
      const n = Number(/i < (\d+)/.exec(code.kind === "code" ? code.source : "")![1]);
      expect(v.key.expected["processes"]).toBe(2 ** n);
      expect(v.key.expected["lines"]).toBe(2 ** n);
    }
  });

  it("fork-loop-printf: 2^(n+1) − 2 lines on a terminal, n·2^n through a pipe", () => {
    for (let seed = 0; seed < 10; seed++) {
      for (const [slug, lines] of [
        ["fork-loop-printf-inside", (n: number) => 2 ** (n + 1) - 2],
        ["fork-loop-printf-pipe", (n: number) => n * 2 ** n],
      ] as const) {
        const v = variant(bySlug(slug), seed);
        const code = v.view.exhibits[0]!;
        const n = Number(/i < (\d+)/.exec(code.kind === "code" ? code.source : "")![1]);
        expect(v.key.expected["lines"], `${slug} n=${n}`).toBe(lines(n));
      }
    }
  });

  it("SCHED_RR with a 100 ms quantum matches the hand-worked timeline", () => {
    const v = variant(bySlug("sched-rr-timeslice"), 0);
    expect(v.key.expected["timeline"]).toEqual(["A", "A", "B", "B", "C", "C", "A", "A", "B", "A", "D", "D"]);
  });

  it("virtual-thread pinning matches carriers / (cpu + p·io)", () => {
    for (let seed = 0; seed < 10; seed++) {
      const v = variant(bySlug("virtual-threads-pinning"), seed);
      const t = v.view.exhibits[0]!;
      if (t.kind !== "table") throw new Error("expected a table");
      const [, cpuMs, ioMs, cores] = t.rows[0]! as number[];
      const hand = cores! / ((cpuMs! + 0.5 * ioMs!) / 1000);
      expect(Math.abs((v.key.expected["saturation-s2"] as number) / hand - 1)).toBeLessThan(0.05);
    }
  });
});
