// Issue #22, finding 1: saving a question whose self-test would take minutes must neither freeze the
// server (the engine runs in a worker thread) nor succeed (a 422 names the budget it exceeded).
import { expect, test } from "@playwright/test";
import { freezingForkTemplate } from "../tests/support/costly-templates";
import { DEMO_INSTRUCTOR, fetchInPage, signIn } from "./support";

test("saving issue #22's template answers 422 naming a budget while /api/health keeps answering under 200 ms", async ({
  page,
  request,
}) => {
  await signIn(page, DEMO_INSTRUCTOR);
  await page.goto("/teach");
  const timedHealth = async () => {
    const started = performance.now();
    const health = await request.get("/api/health");
    expect(health.status()).toBe(200);
    return performance.now() - started;
  };
  // On a shared, overloaded test box even an idle server can be slower than 200 ms: the bound is 200 ms
  // or twice the slowest of these idle answers, whichever is larger. A blocked event loop (the bug: 64 s)
  // misses either by far.
  const idleMs: number[] = [];
  for (let i = 0; i < 5; i++) idleMs.push(await timedHealth());
  const bound = Math.max(200, 2 * Math.max(...idleMs));
  let settled = false;
  const save = fetchInPage(page, "/api/teach/questions", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ template: freezingForkTemplate(`costly-fork-e2e-${Date.now()}`) }),
  }).finally(() => (settled = true));

  // The issue asks for exactly this check: the event loop stays free while the template is tested.
  const healthMs: number[] = [];
  while (!settled) healthMs.push(await timedHealth());
  const { status, body } = await save;
  expect(status, body).toBe(422);
  expect(JSON.parse(body)).toMatchObject({
    error: {
      code: "TOO_COSTLY",
      message: expect.stringMatching(/per-(variant|template|request) (work |time )?budget/),
    },
  });
  expect(healthMs.length).toBeGreaterThan(0);
  const shown = (list: number[]) => list.map((ms) => ms.toFixed(0)).join(", ");
  expect(
    Math.max(...healthMs),
    `health answered in ${shown(healthMs)} ms while saving (idle: ${shown(idleMs)} ms)`,
  ).toBeLessThan(bound);
});
