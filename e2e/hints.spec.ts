import { expect, test } from "@playwright/test";
import { signUpFreshStudent } from "./support";

// Issue #23: graduated hints before the first attempt, the last worked on the student's own variant.
test("a student reveals three hints before answering, and the third works the first step on their own jobs", async ({
  page,
}) => {
  await signUpFreshStudent(page, "hints");
  await page.goto("/practice/scheduling-basics");
  await page.getByRole("list", { name: "Questions" }).getByRole("link").filter({ hasText: "Schedule" }).first().click();
  await expect(page.getByTestId("timeline-grid")).toBeVisible();
  await page.waitForLoadState("networkidle");
  await expect(page.getByText("Your attempts at this question")).toBeVisible();
  await expect(page.getByTestId("grade-score")).toHaveCount(0);

  // The variant's own jobs, read off the workload table the page shows.
  const table = page
    .getByRole("table")
    .filter({ has: page.getByRole("columnheader", { name: "Arrival (ms)" }) })
    .first();
  const headers = (await table.getByRole("columnheader").allInnerTexts()).map((h) => h.trim());
  const arrivalCol = headers.indexOf("Arrival (ms)");
  const jobs: { id: string; arrival: string }[] = [];
  for (const row of await table.locator("tbody tr").all()) {
    const cells = (await row.locator("th, td").allInnerTexts()).map((c) => c.trim());
    jobs.push({ id: cells[0]!, arrival: cells[arrivalCol]! });
  }
  expect(jobs.length).toBeGreaterThan(1);

  const hints = page.getByRole("region", { name: "Hints" }).getByRole("listitem");
  for (let n = 1; n <= 3; n++) {
    await page.getByRole("button", { name: "Show a hint" }).click();
    await expect(hints).toHaveCount(n);
  }
  const third = await hints.nth(2).innerText();
  for (const job of jobs) expect(third).toContain(`${job.id} arrives at ${job.arrival} ms`);
  expect(third).toMatch(/runs first/);
  // Still no graded attempt: the hints came before any answer.
  await expect(page.getByTestId("grade-score")).toHaveCount(0);
});
