// generator.discriminate (issue #21, item 3): every variant of a template that names a misconception is
// one where that misconception gives a different answer, checked by running the catalogue's own
// transformation of the workload and grading its schedule; unknown ids are refused naming the field.
import { describe, expect, test } from "vitest";
import type { Workload } from "../../sched/index";
import { gradeWith } from "../grade";
import { misconceivedSlots, SCHEDULE_MISCONCEPTIONS } from "../misconceptions/schedule";
import { selfTestTemplate } from "../selftest";
import { validateTemplate } from "../template";
import type { Variant } from "../types";
import { preferDiscriminatingSeed } from "../discriminate";
import { buildVariant } from "../variant";
import { template, valid } from "./helpers";

const SEEDS = 30;

const rrArrivals = (extra: Record<string, unknown> = {}) =>
  template("schedule", {
    policy: [
      { name: "rr", quantum: 1 },
      { name: "rr", quantum: 2 },
      { name: "rr", quantum: 3 },
    ],
    tasks: [3, 4],
    cpuBurst: [2, 7],
    arrivalSpread: 6,
    slotMs: 1,
    ...extra,
  });

/** The schedule a student holding `id` paints, from the catalogue's transformation, or null if it does not apply. */
function misconceived(v: Variant, id: string): string[] | null {
  const entry = SCHEDULE_MISCONCEPTIONS.find((e) => e.id === id)!;
  const data = v.key.data as { workload: Workload; slotMs: number };
  const mw = entry.transform(data.workload);
  const truth = v.key.expected["timeline"] as string[];
  return mw ? misconceivedSlots(mw, data.slotMs, truth.length) : null;
}

describe("generator.discriminate", () => {
  const id = "arrival-queue-order-flipped";

  test("without it some variants do not tell the misconception apart (so the field has work to do)", () => {
    const t = valid(rrArrivals());
    const blind = Array.from({ length: SEEDS }, (_, seed) => buildVariant(t, seed)).filter((v) => {
      if (!v.ok) throw new Error(JSON.stringify(v.errors));
      const m = misconceived(v.value, id);
      return m === null || m.join() === (v.value.key.expected["timeline"] as string[]).join();
    });
    expect(blind.length).toBeGreaterThan(0);
  });

  test(`on ${SEEDS} seeds every variant's misconceived schedule differs from the key and is graded below 1, naming it`, () => {
    const t = valid(rrArrivals({ discriminate: [id] }));
    for (let seed = 0; seed < SEEDS; seed++) {
      const v = buildVariant(t, seed);
      if (!v.ok) throw new Error(`seed ${seed}: ${JSON.stringify(v.errors)}`);
      expect(v.value.seed).toBe(seed);
      const m = misconceived(v.value, id);
      expect(m, `seed ${seed}`).not.toBeNull();
      expect(m!.join(), `seed ${seed}`).not.toBe((v.value.key.expected["timeline"] as string[]).join());
      const report = gradeWith(v.value, { parts: { timeline: m! } }, t.grading, t);
      expect(report.score, `seed ${seed}`).toBeLessThan(1);
      expect(
        report.parts.flatMap((p) => p.misconceptions ?? []).map((x) => x.id),
        `seed ${seed}`,
      ).toContain(id);
    }
  });

  test("is deterministic: the same seed gives the same variant", () => {
    const t = valid(rrArrivals({ discriminate: [id] }));
    for (const seed of [0, 7, 4_000_000_000]) expect(buildVariant(t, seed)).toEqual(buildVariant(t, seed));
  });

  test("the self-test re-checks it on every seed", () => {
    const r = selfTestTemplate(valid(rrArrivals({ discriminate: [id] })), { variants: 10 });
    expect(r.failures).toEqual([]);
  });

  test("an unknown id, or one from another kind's catalogue, is refused naming the field and the known ids", () => {
    for (const bad of ["sjf-for-stfc", "fork-2n-processes"]) {
      const r = validateTemplate(rrArrivals({ discriminate: [bad] }));
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      const e = r.errors.find((x) => x.path === "generator.discriminate[0]");
      expect(e?.message).toContain(`unknown misconception "${bad}" for schedule questions`);
      expect(e?.message).toContain("sjf-for-stcf");
      const b = buildVariant(rrArrivals({ discriminate: [bad] }), 0);
      expect(b.ok).toBe(false);
    }
    const concept = validateTemplate(template("concept", { questions: [], discriminate: ["sjf-for-stcf"] }));
    expect(
      !concept.ok &&
        concept.errors.some(
          (e) => e.path === "generator.discriminate[0]" && e.message.includes("no misconception catalogue"),
        ),
    ).toBe(true);
  });

  test("a misconception no variant can show is refused when the template is validated", () => {
    // FIFO has no boost to ignore: every draw fails, within the redraw budget, with a message naming it.
    const r = validateTemplate(
      template("schedule", {
        policy: "fifo",
        tasks: 3,
        cpuBurst: [1, 5],
        arrivalSpread: 4,
        slotMs: 1,
        discriminate: ["mlfq-boost-ignored"],
      }),
    );
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors).toContainEqual({
        path: "generator.discriminate",
        message: expect.stringContaining('"mlfq-boost-ignored" gives a different answer'),
      });
  });
});

describe("preferDiscriminatingSeed (review)", () => {
  const id = "arrival-queue-order-flipped";
  const t = valid(rrArrivals());
  const tells = (seed: number) => {
    const v = buildVariant(t, seed);
    if (!v.ok) throw new Error(JSON.stringify(v.errors));
    const m = misconceived(v.value, id);
    return m !== null && m.join() !== (v.value.key.expected["timeline"] as string[]).join();
  };

  test("takes the first seed whose variant tells the held misconception apart, skipping those that do not", () => {
    const seeds = Array.from({ length: 40 }, (_, i) => i);
    const blind = seeds.filter((s) => !tells(s));
    const first = seeds.find((s) => tells(s))!;
    expect(blind.length).toBeGreaterThan(0);
    // Start the list at a seed that does not tell it apart, so the choice must skip it.
    const order = [blind[0]!, ...seeds.filter((s) => s !== blind[0])];
    const expected = order.find((s) => tells(s))!;
    expect(preferDiscriminatingSeed(t, order, [id])).toEqual({ seed: expected, told: [id] });
    expect(preferDiscriminatingSeed(t, seeds, [id])?.seed).toBe(first);
  });

  test("ignores ids outside the type's catalogue and gives null when no seed helps", () => {
    expect(preferDiscriminatingSeed(t, [0, 1, 2], ["fork-2n-processes"])).toBeNull();
    const blind = Array.from({ length: 40 }, (_, i) => i).filter((s) => !tells(s));
    expect(preferDiscriminatingSeed(t, blind, [id])).toBeNull();
  });
});
