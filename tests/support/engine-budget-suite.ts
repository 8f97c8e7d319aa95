// Engine budgets through the data-access layer against a real database, once per provider: costly
// templates are refused with TOO_COSTLY (422) naming the budget, off the event loop, and a published
// question can never make building a student's variant slow.
import { describe, expect, it } from "vitest";
import type { DbProvider } from "@/lib/db/provider";
import { EXAMPLE_TEMPLATES, type QuestionTemplate } from "@/lib/engine";
import { freezingForkTemplate, loopingForkTemplate } from "./costly-templates";
import { useFreshDatabase } from "./use-database";

export function engineBudgetSuite(provider: DbProvider) {
  describe(`engine budgets on ${provider}`, async () => {
    const { db } = await useFreshDatabase(provider);
    const { seed } = await import("@/prisma/seed");
    const { createUser } = await import("@/lib/server/dal/users");
    const authoring = await import("@/lib/server/dal/authoring");
    const exchange = await import("@/lib/server/dal/authoring-exchange");
    const variants = await import("@/lib/server/dal/variants");
    const { ENGINE_BUDGETS } = await import("@/lib/server/engine-pool");
    const { STATUS_OF } = await import("@/lib/server/errors");
    await seed(db, { demoAccounts: false });
    const ines = await createUser({
      email: `ines-budget-${provider}@example.com`,
      name: "ines",
      password: "password-ines",
      role: "INSTRUCTOR",
    });
    const sam = await createUser({
      email: `sam-budget-${provider}@example.com`,
      name: "sam",
      password: "password-sam",
      role: "STUDENT",
    });

    it("refuses issue #22's template with 422 naming a budget, and the event loop keeps turning meanwhile", async () => {
      expect(STATUS_OF.TOO_COSTLY).toBe(422);
      let settled = false;
      const refused = expect(
        authoring.createQuestion(ines, freezingForkTemplate()).finally(() => (settled = true)),
      ).rejects.toMatchObject({
        code: "TOO_COSTLY",
        message: expect.stringMatching(/per-(template|variant) work budget|per-variant budget/),
      });
      // Were the self-test run on this thread, the save would be over before the first turn below.
      let turns = 0;
      while (!settled) {
        await new Promise((resolve) => setImmediate(resolve));
        turns++;
      }
      await refused;
      expect(turns).toBeGreaterThan(10);
      expect(await db.questionTemplate.count({ where: { slug: "costly-fork-freeze" } })).toBe(0);
    });

    it("refuses a template whose variants are each within budget but whose self-test is not", async () => {
      // About 22 steps per loop iteration over 50 distinct programs: over the per-template steps.
      const heavy = loopingForkTemplate("loop-heavy", 7, [2_100, 2_199]);
      await expect(authoring.createQuestion(ines, heavy)).rejects.toMatchObject({
        code: "TOO_COSTLY",
        message: expect.stringContaining(
          `per-template work budget (${ENGINE_BUDGETS.templateSteps} interpreter steps)`,
        ),
      });
    });

    it("saves a costly-but-bounded template, and imports are bounded by total work, not count", async () => {
      const one = await authoring.createQuestion(ines, loopingForkTemplate("loop-ok", 1, [1_500, 1_599]));
      expect(one.status).toBe("DRAFT");
      // Each of these passes alone (about 1.6 M steps), but together they need more than the request's steps.
      const perTemplate = 1_600_000;
      const count = Math.ceil(ENGINE_BUDGETS.requestSteps / perTemplate) + 1;
      const file = Array.from({ length: count }, (_, i) =>
        loopingForkTemplate(`loop-import-${i}`, 100 + i, [1_500, 1_599]),
      );
      const refused = exchange.importBank(ines, file);
      await expect(refused).rejects.toMatchObject({ code: "TOO_COSTLY" });
      const error = (await refused.catch((e: unknown) => e)) as {
        message: string;
        fieldErrors: Record<string, string[]>;
      };
      expect(Object.values(error.fieldErrors).flat().join("\n")).toMatch(/per-request (work )?budget/);
      expect(await db.questionTemplate.count({ where: { slug: { startsWith: "loop-import-" } } })).toBe(0);
      // A few of them fit.
      const fits = await exchange.importBank(ines, file.slice(0, 3));
      expect(fits.created.map((q) => q.slug)).toEqual(["loop-import-0", "loop-import-1", "loop-import-2"]);
    });

    it("a published question over the per-variant budget cannot make POST /api/variants slow: 422", async () => {
      // Stored before budgets existed (written directly, as a migration would have left it).
      const spec = freezingForkTemplate("costly-fork-published");
      await db.questionTemplate.create({
        data: {
          slug: spec.slug,
          title: spec.title,
          type: spec.type,
          topic: spec.topic,
          difficulty: spec.difficulty,
          tags: "[]",
          status: "PUBLISHED",
          builtIn: false,
          authorId: ines.id,
          currentVersion: 1,
          versions: { create: { version: 1, spec: spec as object } },
        },
      });
      await expect(variants.createVariant(sam, spec.slug)).rejects.toMatchObject({
        code: "TOO_COSTLY",
        message: expect.stringContaining("per-variant work budget"),
      });
      expect(await db.variant.count({ where: { userId: sam.id } })).toBe(0);
    });

    it("builds ordinary variants in the worker, identical to the engine's own build", async () => {
      const { buildVariant } = await import("@/lib/engine");
      const example = structuredClone(EXAMPLE_TEMPLATES.find((t) => t.type === "process")!) as QuestionTemplate;
      const q = await authoring.createQuestion(ines, { ...example, slug: "budget-process-example" });
      await authoring.setQuestionStatus(ines, q.id, "PUBLISHED");
      const loaded = await variants.loadVariant(await variants.createVariant(sam, q.slug));
      const direct = buildVariant(example, loaded.row.seed);
      expect(direct.ok && direct.value).toEqual(loaded.built);
    });
  });
}
