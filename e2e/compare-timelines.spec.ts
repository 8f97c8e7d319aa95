import { expect, type Locator, type Page, test } from "@playwright/test";
import { signUpFreshStudent } from "./support";

// Issue #24: after grading, two schedules are drawn on one time axis — the student's timeline against
// the reference, and in a policy-comparison question policy 1's schedule against policy 2's.

/** The bar of a comparison row (its Gantt chart's drawn part). */
function bar(row: Locator): Locator {
  return row.locator("[data-slot='gantt-chart'] > div").first();
}

/** Same left edge and width in the page: the rows share one time axis. */
async function expectAligned(a: Locator, b: Locator): Promise<void> {
  const [ba, bb] = [await a.boundingBox(), await b.boundingBox()];
  expect(ba && bb).toBeTruthy();
  expect(Math.abs(ba!.x - bb!.x)).toBeLessThan(1);
  expect(Math.abs(ba!.width - bb!.width)).toBeLessThan(1);
  expect(ba!.width).toBeGreaterThan(100);
}

async function firstDifferenceStart(page: Page, testId: string): Promise<number> {
  const mark = page.getByTestId(`${testId}-difference`).first();
  await expect(mark).toBeVisible();
  return Number(await mark.getAttribute("data-start"));
}

test("a wrong timeline is drawn against the reference on one time axis, marked from the first divergence", async ({
  page,
}) => {
  await signUpFreshStudent(page, "compare");
  await page.goto("/practice/scheduling-basics");
  await page.getByRole("list", { name: "Questions" }).getByRole("link").filter({ hasText: "Schedule" }).first().click();
  const grid = page.getByTestId("timeline-grid");
  await expect(grid).toBeVisible();
  await page.waitForLoadState("networkidle");
  // Every slot painted with the first task: valid, but wrong.
  await grid.focus();
  const firstTask = (await page.getByRole("rowheader").first().innerText()).trim();
  const slots = Number((await grid.getAttribute("aria-label"))?.match(/(\d+) slots/)?.[1]);
  await page.keyboard.press("Home");
  for (let s = 0; s < slots; s++) await page.keyboard.press(firstTask.charAt(0));
  await page.getByRole("button", { name: "Submit answer" }).click();

  const comparison = page.getByTestId("timeline-comparison");
  await expect(comparison).toBeVisible();
  const yours = page.getByTestId("timeline-comparison-row-yours");
  const reference = page.getByTestId("timeline-comparison-row-reference");
  await expectAligned(bar(yours), bar(reference));
  // Where the marks start is where the grader says the timelines first part ways.
  const divergence = await page.getByTestId("first-divergence").innerText();
  const t = Number(divergence.match(/t = ([\d.]+) ms/)?.[1]);
  expect(await firstDifferenceStart(page, "timeline-comparison")).toBe(t);
  await expect(page.getByTestId("timeline-comparison-summary")).toContainText(`First difference at t = ${t} ms`);
});

test("the FIFO-vs-SJF comparison shows both policies' schedules on one time axis after grading", async ({ page }) => {
  await signUpFreshStudent(page, "policies");
  await page.goto("/practice/q/fifo-vs-sjf-same-jobs");
  const inputs = page.locator("[data-slot='number-answer'] input");
  await expect(inputs).toHaveCount(4);
  await page.waitForLoadState("networkidle");
  for (let i = 0; i < 4; i++) await inputs.nth(i).fill("1");
  await page.getByRole("button", { name: "Submit answer" }).click();
  await expect(page.getByTestId("grade-score")).toBeVisible();

  const comparison = page.getByTestId("policy-comparison");
  await expect(comparison).toBeVisible();
  const first = page.getByTestId("policy-comparison-row-policy-1");
  const second = page.getByTestId("policy-comparison-row-policy-2");
  await expect(first).toContainText("Policy 1 (FIFO)");
  await expect(second).toContainText("Policy 2 (SJF)");
  await expectAligned(bar(first), bar(second));
  // The template requires the two schedules to differ: the strip marks where.
  expect(await firstDifferenceStart(page, "policy-comparison")).toBeGreaterThanOrEqual(0);
});
