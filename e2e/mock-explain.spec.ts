import { expect, test } from "@playwright/test";
import { MOCK_PROMPTS } from "@/lib/progress/mock-prompts";
import { signIn, uniqueEmail } from "./support";

// A mock interview in a real browser: the explain prompt is answered in free text, the model answer
// appears only after that, the candidate ticks the key points covered, and the report combines it all.

test("completes a mock with an explain prompt, self-assesses and reads the report", async ({ page }) => {
  const account = { email: uniqueEmail("mock-explain"), password: "mock-explain-pass-1" };
  expect((await page.request.post("/api/signup", { data: { ...account, name: "Mock Candidate" } })).status()).toBe(201);
  await signIn(page, account);

  await page.goto("/mock");
  await page.getByLabel("15 minutes").check();
  await page.getByRole("button", { name: "Start mock interview" }).click();
  await expect(page).toHaveURL(/\/mock\/[A-Za-z0-9_-]+$/);
  const form = page.getByTestId("mock-explain");
  await expect(form).toBeVisible();
  const promptText = await form.locator("p.text-lg").innerText();
  const spec = MOCK_PROMPTS.find((p) => p.prompt === promptText);
  expect(spec, "the prompt on the page is one of the pool").toBeDefined();
  // Before the text is submitted, no model answer or key point of any prompt is in the page.
  const before = await page.content();
  for (const p of MOCK_PROMPTS) {
    expect(before).not.toContain(p.modelAnswer.slice(0, 60));
    for (const k of p.keyPoints) expect(before).not.toContain(k.text);
  }
  await expect(page.getByTestId("mock-model-answer")).toHaveCount(0);

  const typed = "My answer: it depends on the working set and on what the switch has to reload.";
  await page.getByLabel("Your answer").fill(typed);
  await page.getByRole("button", { name: "Submit answer" }).click();
  await expect(page.getByTestId("mock-model-answer")).toContainText(spec!.modelAnswer.slice(0, 60));
  const boxes = page.getByRole("checkbox");
  await expect(boxes).toHaveCount(spec!.keyPoints.length);
  await page.getByLabel(spec!.keyPoints[0]!.text).check();
  await page.getByLabel(spec!.keyPoints[1]!.text).check();
  await page.getByRole("button", { name: "Save self-assessment" }).click();

  // The graded questions follow; end the interview and read the report.
  await expect(page.getByRole("timer")).toBeVisible();
  await page.getByRole("button", { name: "End interview" }).click();
  await expect(page.getByRole("heading", { name: "Interview report" })).toBeVisible();
  const expected = Math.round((2 / spec!.keyPoints.length) * 100);
  await expect(page.getByTestId("mock-explain-summary")).toHaveText(`${expected}% of key points (self-assessed)`);
  const section = page.getByTestId("mock-report-explain");
  await expect(section).toContainText(typed);
  await expect(section).toContainText(`You covered 2 of ${spec!.keyPoints.length} key points.`);
  await expect(page.getByTestId("mock-report-key-points").getByLabel("covered", { exact: true })).toHaveCount(2);
  await expect(page.getByTestId("mock-per-question").getByRole("listitem")).toHaveCount(1);
  await page.getByTestId("mock-explain-summary").click();
  await expect(page).toHaveURL(/#explain-heading$/);
});
