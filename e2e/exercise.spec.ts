import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { DEMO_STUDENT, signIn, signUpFreshStudent } from "./support";

/** Opens the first schedule question of the scheduling lesson; returns its URL. */
async function openScheduleExercise(page: Page): Promise<string> {
  await page.goto("/practice/scheduling-basics");
  const link = page.getByRole("list", { name: "Questions" }).getByRole("link").filter({ hasText: "Schedule" }).first();
  await link.click();
  await expect(page.getByTestId("timeline-grid")).toBeVisible();
  // Keys pressed before React has hydrated the editor would be lost.
  await page.waitForLoadState("networkidle");
  return page.url();
}

/** Paints every slot of the timeline with the first task (valid, but wrong); returns the slot count. */
async function paintAllFirstTask(page: Page): Promise<number> {
  const grid = page.getByTestId("timeline-grid");
  await grid.focus();
  const firstTask = (await page.getByRole("rowheader").first().innerText()).trim();
  const slots = Number((await grid.getAttribute("aria-label"))?.match(/(\d+) slots/)?.[1]);
  await page.keyboard.press("Home");
  for (let s = 0; s < slots; s++) await page.keyboard.press(firstTask.charAt(0));
  return slots;
}

async function submitAllFirstTask(page: Page): Promise<void> {
  await paintAllFirstTask(page);
  await page.getByRole("button", { name: "Submit answer" }).click();
}

test("a student builds a wrong timeline with the keyboard only and gets partial credit, the divergence and a replay", async ({
  page,
}) => {
  await signUpFreshStudent(page, "keyboard");
  await openScheduleExercise(page);
  const grid = page.getByTestId("timeline-grid");

  // Reach the grid with Tab, as a keyboard user would.
  for (let i = 0; i < 60 && !(await grid.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press("Tab");
  await expect(grid).toBeFocused();

  // Paint every slot with the first task (typing its letter paints and advances): valid, but wrong.
  const firstTask = (await page.getByRole("rowheader").first().innerText()).trim();
  const slots = Number((await grid.getAttribute("aria-label"))?.match(/(\d+) slots/)?.[1]);
  expect(slots).toBeGreaterThan(1);
  await page.keyboard.press("Home");
  for (let s = 0; s < slots; s++) await page.keyboard.press(firstTask.charAt(0));

  // Submit with the keyboard.
  const submit = page.getByRole("button", { name: "Submit answer" });
  for (let i = 0; i < 20 && !(await submit.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press("Tab");
  await expect(submit).toBeFocused();
  await page.keyboard.press("Enter");

  const score = Number((await page.getByTestId("grade-score").innerText()).replace("%", ""));
  expect(score).toBeGreaterThan(0);
  expect(score).toBeLessThan(100);
  const divergence = page.getByTestId("first-divergence");
  await expect(divergence).toBeVisible();
  await expect(divergence).toContainText(/t\s*=\s*\d/);

  const jump = page.getByRole("button", { name: "Jump to divergence" });
  await jump.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("replay-running")).toBeVisible();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByTestId("replay-position")).toBeVisible();
});

test("the exercise page has no serious or critical accessibility violations", async ({ page }) => {
  await signIn(page, DEMO_STUDENT);
  await openScheduleExercise(page);
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
});

test("before submission neither the HTML nor any network payload contains the reference schedule", async ({ page }) => {
  await signUpFreshStudent(page, "leak");
  const payloads: string[] = [];
  page.on("response", async (response) => {
    if (!response.url().startsWith(new URL(page.url() || "http://127.0.0.1").origin)) return;
    try {
      payloads.push(await response.text());
    } catch {
      // redirects and aborted requests have no body
    }
  });
  const url = await openScheduleExercise(page);
  payloads.push(await page.content());
  const html = await (await page.request.get(url)).text();
  payloads.push(html);

  // Submit a wrong answer to learn the reference, then look for it in what came before.
  const slots = await paintAllFirstTask(page);
  const before = payloads.length;
  const submitted = page.waitForResponse((r) => r.url().includes("/attempts") && r.request().method() === "POST");
  await page.getByRole("button", { name: "Submit answer" }).click();
  const result = (await (await submitted).json()) as { attempt: { report: { reference: Record<string, unknown> } } };
  const reference = Object.values(result.attempt.report.reference).find(Array.isArray) as (string | null)[];
  expect(reference.length).toBe(slots);

  const beforeSubmission = payloads.slice(0, before).join("\n");
  expect(beforeSubmission.length).toBeGreaterThan(1000);
  for (const marker of [
    JSON.stringify(reference),
    JSON.stringify(reference).replace(/"/g, '\\"'),
    '"expected":',
    '\\"expected\\":',
    '"decisions":',
    '\\"decisions\\":',
  ]) {
    expect(beforeSubmission).not.toContain(marker);
  }
});

test("another student's attempts are not readable, and bad submissions are refused without using an attempt", async ({
  page,
  request,
}) => {
  await signIn(page, DEMO_STUDENT);
  await openScheduleExercise(page);
  // The variant id is in the submit URL; find it through the attempts API call the page makes on submit.
  const anon = await request.get("/api/attempts/does-not-exist");
  expect(anon.status()).toBe(401);
  const missing = await page.request.get("/api/attempts/does-not-exist");
  expect(missing.status()).toBe(404);
  const bad = await page.request.post("/api/variants/not-a-variant/attempts", {
    data: { submissionId: "abcdefgh12", answer: { parts: {} } },
  });
  expect(bad.status()).toBe(404);
  const malformed = await page.request.post("/api/variants/x/attempts", {
    data: { submissionId: "abc", answer: "nope" },
  });
  expect(malformed.status()).toBe(400);
  const huge = await page.request.post("/api/variants/x/attempts", {
    data: { submissionId: "abcdefgh12", answer: { parts: { t: Array(3_000_000).fill("A") } } },
  });
  // Over the body limit: refused before parsing, with the limit named.
  expect(huge.status()).toBe(413);
});

test("the exercise page fits a 360 px wide phone before and after grading", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await signUpFreshStudent(page, "phone");
  await openScheduleExercise(page);
  const overflow = () =>
    page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(await overflow()).toBeLessThanOrEqual(0);
  await submitAllFirstTask(page);
  await expect(page.getByTestId("grade-score")).toBeVisible();
  expect(await overflow()).toBeLessThanOrEqual(0);
});

test("a page that opens on a graded attempt loads the answer widgets on Try again, with the last answer restored", async ({
  page,
}) => {
  await signUpFreshStudent(page, "retry");
  const url = await openScheduleExercise(page);
  await submitAllFirstTask(page);
  const firstScore = await page.getByTestId("grade-score").innerText();

  // A fresh load shows the graded attempt and no answer form, so the form's timeline input is not loaded
  // (the grade view shows the answer in a read-only timeline of its own).
  await page.goto(url);
  await expect(page.getByTestId("grade-result")).toBeVisible();
  const form = page.locator("[data-slot='answer-form']");
  await expect(form).toHaveCount(0);
  await page.waitForLoadState("networkidle");
  await page.getByRole("button", { name: /^Try again/ }).click();
  await expect(form.getByTestId("timeline-grid")).toBeVisible();
  await expect(page.getByTestId("grade-result")).toHaveCount(0);

  // The restored answer is the one graded before: submitted unchanged, it scores the same.
  await page.getByRole("button", { name: "Submit answer" }).click();
  await expect(page.getByText("Attempt 2", { exact: false })).toBeVisible();
  await expect(page.getByTestId("grade-score")).toHaveText(firstScore);
});
