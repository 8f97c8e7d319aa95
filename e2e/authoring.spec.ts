import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { DEMO_INSTRUCTOR, signIn, signUpFreshStudent } from "./support";

async function expectNoSeriousAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

test("an instructor builds a schedule question from the example, previews and publishes it; a student can open it", async ({
  page,
  browser,
}) => {
  await signIn(page, DEMO_INSTRUCTOR);
  await page.goto("/teach");
  await expect(page.getByRole("heading", { name: "Question bank" })).toBeVisible();
  await page.getByRole("link", { name: "New question" }).click();
  await page
    .getByRole("list", { name: "Examples" })
    .getByRole("link", { name: /^schedule: Round robin timeline/ })
    .click();
  await expect(page.getByRole("heading", { name: "New schedule question" })).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  const preview = page.getByTestId("preview");
  const workload = preview.locator("table").first();
  await expect(workload).toBeVisible();
  await expect(preview.getByTestId("timeline-grid")).toBeVisible();

  // New variant draws another seed: the workload table changes.
  const before = await workload.innerText();
  const newVariant = preview.getByRole("button", { name: "New variant" });
  for (let i = 0; i < 5 && (await workload.innerText()) === before; i++) await newVariant.click();
  expect(await workload.innerText()).not.toBe(before);

  // Pin a seed: the variant stays put and New variant is disabled.
  await preview.getByTestId("preview-seed").fill("42");
  const seeded = await workload.innerText();
  await preview.getByLabel("Pin seed").check();
  await expect(newVariant).toBeDisabled();
  await expect(preview.getByTestId("preview-seed")).toHaveValue("42");
  expect(await workload.innerText()).toBe(seeded);

  // The reference answer is graded in the browser and scores 100%.
  await preview.getByText("Reference answer").click();
  await expect(preview.getByTestId("preview-reference").getByTestId("grade-score")).toHaveText("100%");

  // Live validation names the field.
  const difficulty = page.getByLabel("Difficulty (1–5)");
  await difficulty.fill("9");
  await expect(page.getByTestId("live-errors")).toBeVisible();
  await expect(page.getByTestId("error-difficulty")).toContainText(/1 to 5/);
  await difficulty.fill("2");
  await expect(page.getByTestId("live-ok")).toBeVisible();

  await page.getByRole("button", { name: "Self-test" }).click();
  await expect(page.getByTestId("self-test-result")).toContainText("Self-test passed");

  const title = `E2E round robin ${Date.now().toString(36)}`;
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page).toHaveURL(/\/teach\/questions\/[a-z0-9]+/);
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await expect(page.getByTestId("question-status")).toHaveText("draft");
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByTestId("question-status")).toHaveText("published");

  const studentContext = await browser.newContext();
  const student = await studentContext.newPage();
  await signUpFreshStudent(student, "authoring");
  await student.goto("/practice/scheduling-basics");
  await student
    .getByRole("list", { name: "Questions" })
    .getByRole("link", { name: new RegExp(title) })
    .click();
  await expect(student.getByRole("heading", { name: title })).toBeVisible();
  await expect(student.getByTestId("timeline-grid")).toBeVisible();
  await studentContext.close();
});

test("students get 403 in the instructor area and anonymous callers 401", async ({ page, request }) => {
  const anonymous = await request.get("/api/teach/questions");
  expect(anonymous.status()).toBe(401);
  await signUpFreshStudent(page, "teach-403");
  const response = await page.goto("/teach");
  expect(response?.status()).toBe(403);
  expect((await page.goto("/teach/questions/new"))?.status()).toBe(403);
  expect((await page.request.get("/api/teach/questions")).status()).toBe(403);
  expect((await page.request.get("/api/teach/questions/export?format=gift")).status()).toBe(403);
  expect(
    (
      await page.request.post("/api/teach/questions/import", {
        data: { format: "timeslice-bank", version: 1, templates: [{}] },
      })
    ).status(),
  ).toBe(403);
});

test("the bank exports concept questions as GIFT and Moodle XML, and an import of someone else's slugs is refused whole", async ({
  page,
}) => {
  await signIn(page, DEMO_INSTRUCTOR);
  await page.goto("/teach?type=concept");
  await expect(page.getByRole("table", { name: "Questions" }).getByRole("row")).not.toHaveCount(1);
  await expectNoSeriousAxeViolations(page);

  const gift = await page.request.get("/api/teach/questions/export?type=concept&format=gift");
  expect(gift.status()).toBe(200);
  expect(gift.headers()["content-disposition"]).toContain("attachment");
  // A header of comments says what was kept, then each question under a comment naming its ID.
  expect(await gift.text()).toMatch(/^\/\/ Timeslice export \(GIFT\)[^]*\n\/\/ [a-z0-9-]+(:[a-z0-9-]+)?\n::/);
  const xml = await page.request.get("/api/teach/questions/export?type=concept&format=moodle");
  expect(xml.headers()["content-type"]).toContain("application/xml");
  expect(await xml.text()).toContain('<question type="multichoice">');
  expect((await page.request.get("/api/teach/questions/export?format=pdf")).status()).toBe(400);

  const json = await page.request.get("/api/teach/questions/export?type=concept&format=json");
  const bank = (await json.json()) as { templates: unknown[] };
  expect(bank.templates.length).toBeGreaterThan(0);
  // The built-in slugs are not the instructor's to overwrite: nothing is imported, each one is named.
  const refused = await page.request.post("/api/teach/questions/import", { data: bank });
  expect(refused.status()).toBe(400);
  const body = (await refused.json()) as { error: { fields: Record<string, string[]> } };
  expect(Object.keys(body.error.fields)).toContain("templates[0].slug");
  const malformed = await page.request.post("/api/teach/questions/import", {
    data: { format: "other", version: 1, templates: [] },
  });
  expect(malformed.status()).toBe(400);
  expect(((await malformed.json()) as { error: { message: string } }).error.message).toMatch(/^format/);

  // Saving through the API: a bad field is a 400 naming it; a template that fails the self-test is refused with the reasons.
  const example = {
    slug: `e2e-api-${Date.now().toString(36)}`,
    title: "API check",
    type: "eventloop",
    topic: "user-space-scheduling",
    tags: [],
    difficulty: 9,
    prompt: "Order?",
    generator: { programs: ["console.log('a');\nconsole.log('b');\n"] },
  };
  const badField = await page.request.post("/api/teach/questions", { data: { template: example } });
  expect(badField.status()).toBe(400);
  expect(((await badField.json()) as { error: { message: string } }).error.message).toMatch(/^template\.difficulty/);
  const degenerate = await page.request.post("/api/teach/questions", {
    data: {
      template: { ...example, difficulty: 2, generator: { programs: ["console.log('a');\nconsole.log('a');\n"] } },
    },
  });
  expect(degenerate.status()).toBe(400);
  const reasons = (await degenerate.json()) as { error: { message: string; fields: Record<string, string[]> } };
  expect(reasons.error.message).toMatch(/self-test failed/);
  expect(reasons.error.fields["selfTest"]?.some((r) => /degenerate: every line is the same/.test(r))).toBe(true);
});
