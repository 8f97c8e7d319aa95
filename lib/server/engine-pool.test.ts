// The engine worker pool: jobs run in a worker thread, under the work budget, and the event loop of
// the caller keeps turning while they do.
import { describe, expect, it } from "vitest";
import { buildVariant, EXAMPLE_TEMPLATES, type QuestionTemplate } from "@/lib/engine";
import { freezingForkTemplate } from "@/tests/support/costly-templates";
import { buildVariantInWorker, ENGINE_BUDGETS, RequestBudget, selfTestInWorker } from "./engine-pool";

describe("engine pool", () => {
  it("builds a variant in a worker exactly as the engine builds it here", async () => {
    const template = EXAMPLE_TEMPLATES.find((t) => t.type === "process")! as QuestionTemplate;
    const built = await buildVariantInWorker(template, 7);
    expect(built).toEqual(buildVariant(template, 7));
  });

  it("stops a costly build at the per-variant step budget, while this thread keeps turning", async () => {
    let settled = false;
    const refused = expect(
      buildVariantInWorker(freezingForkTemplate(), 1).finally(() => (settled = true)),
    ).rejects.toMatchObject({
      code: "TOO_COSTLY",
      message: expect.stringContaining(`per-variant work budget (${ENGINE_BUDGETS.variantSteps} interpreter steps)`),
    });
    // Were the build run on this thread, it would be over before the first turn below.
    let turns = 0;
    while (!settled) {
      await new Promise((resolve) => setImmediate(resolve));
      turns++;
    }
    await refused;
    expect(turns).toBeGreaterThan(10);
  });

  it("charges a self-test's steps to the request, and refuses once the request's steps are spent", async () => {
    const template = EXAMPLE_TEMPLATES.find((t) => t.type === "process")! as QuestionTemplate;
    const request = new RequestBudget();
    const outcome = await selfTestInWorker(template, 5, request, "template");
    expect(outcome.check.ok && outcome.result?.ok).toBe(true);
    expect(request.remainingSteps()).toBe(ENGINE_BUDGETS.requestSteps - outcome.work);
    request.charge(request.remainingSteps());
    await expect(selfTestInWorker(template, 5, request, "templates[3]")).rejects.toMatchObject({
      code: "TOO_COSTLY",
      message: expect.stringMatching(/^templates\[3\]: not tested, .*per-request budget/),
    });
  });
});
