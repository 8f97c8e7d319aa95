import { expect, type Page, test } from "@playwright/test";
import { signIn, uniqueEmail } from "./support";

// Progress in a real browser against `next start`: a wrong answer comes back in the review queue as a
// new variant, and a mock interview ended early reports scores by topic.

const SLUG = "fifo-convoy-effect";

async function newStudent(page: Page) {
  const account = { email: uniqueEmail("progress"), password: "progress-pass-1" };
  const created = await page.request.post("/api/signup", { data: { ...account, name: "Progress Student" } });
  expect(created.status()).toBe(201);
  await signIn(page, account);
}

/** The question's data as shown (prompt and exhibit tables), to tell two variants apart. */
async function promptData(page: Page): Promise<string> {
  return (await page.locator("main").locator("table, p").allInnerTexts()).join("\n");
}

test("a wrong answer appears in Review now and comes back as a different variant", async ({ page }) => {
  await newStudent(page);
  await page.goto(`/practice/q/${SLUG}`);
  const numberInputs = page.locator('main input[inputmode="decimal"]');
  await expect(numberInputs.first()).toBeVisible();
  const original = await promptData(page);
  for (const input of await numberInputs.all()) await input.fill("987654");
  await page.getByRole("button", { name: "Submit answer" }).click();
  await expect(page.getByTestId("grade-result")).toBeVisible();

  await page.goto("/dashboard");
  await expect(page.getByTestId("dashboard-due")).toContainText("1 question due");
  await expect(page.getByTestId("review-badge")).toContainText("1");
  await expect(page.getByRole("img", { name: /Scheduling basics: \d+% mastery over 1 attempts/ })).toBeVisible();

  await page.goto("/review");
  await expect(page.getByTestId("review-due-count")).toContainText("1 due now");
  await expect(page.getByTestId("review-queue").getByRole("listitem")).toHaveCount(1);
  await page.getByRole("button", { name: "Start review" }).click();
  await expect(page).toHaveURL(new RegExp(`/practice/q/${SLUG}\\?review=1$`));
  await expect(numberInputs.first()).toBeVisible();
  // A fresh variant: no graded result yet, and the workload differs from the one answered.
  await expect(page.getByTestId("grade-result")).toHaveCount(0);
  expect(await promptData(page)).not.toBe(original);
});

test("a mock interview ended early reports scores by topic", async ({ page }) => {
  await newStudent(page);
  await page.goto("/mock");
  await page.getByLabel("15 minutes").check();
  await page.getByRole("button", { name: "Start mock interview" }).click();
  await expect(page).toHaveURL(/\/mock\/[A-Za-z0-9_-]+$/);
  // The explain prompt comes first (e2e/mock-explain.spec.ts); pass it here to reach the graded questions.
  const sessionId = new URL(page.url()).pathname.split("/").pop()!;
  expect(
    (await page.request.post(`/api/mock/${sessionId}/explain`, { data: { text: "A short answer." } })).status(),
  ).toBe(201);
  expect((await page.request.post(`/api/mock/${sessionId}/assess`, { data: { covered: [] } })).status()).toBe(201);
  await page.reload();
  await expect(page.getByRole("timer")).toBeVisible();
  // No score is on the page while the interview runs.
  await expect(page.getByTestId("grade-result")).toHaveCount(0);
  await page.getByRole("button", { name: "End interview" }).click();
  await expect(page.getByRole("heading", { name: "Interview report" })).toBeVisible();
  const rows = page.getByTestId("mock-by-topic").locator("tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("0%");
  // The unanswered question is now due for review.
  await page.goto("/review");
  await expect(page.getByTestId("review-due-count")).toContainText("1 due now");
});

test("the dashboard fits a 360 px phone and another student's mock session is a 404", async ({ page, browser }) => {
  await newStudent(page);
  const start = await page.request.post("/api/mock", { data: { minutes: 15 } });
  expect(start.status()).toBe(201);
  const { sessionId } = (await start.json()) as { sessionId: string };
  const bad = await page.request.post("/api/mock", { data: { minutes: 20 } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.message).toContain("minutes");

  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/dashboard");
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);

  const other = await browser.newPage();
  await newStudent(other);
  const response = await other.request.get(`/api/mock/${sessionId}`);
  expect(response.status()).toBe(404);
  await other.close();
});
