import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { DEMO_INSTRUCTOR, signIn } from "./support";

// Issue 20: instructors choose an assignment's questions with a picker (search, filters, a preview as
// students see it) instead of typing slugs, from the keyboard as well as the mouse.

const SLUG = "sjf-vs-stcf-timeline";
const TITLE = "SJF or STCF: paint the timeline";

/** Every key of every object in a JSON value, at any depth. */
function keysOf(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => keysOf(v, into));
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      into.add(k);
      keysOf(v, into);
    }
  }
  return into;
}

test("an instructor finds, previews and assigns questions with the picker, by keyboard, and axe finds nothing serious", async ({
  page,
}) => {
  await signIn(page, DEMO_INSTRUCTOR);
  await page.goto("/teach/classes");
  const className = `Picker class ${Date.now()}`;
  await page.getByLabel("New class name").fill(className);
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(page.getByRole("heading", { name: className })).toBeVisible();
  await page.waitForLoadState("networkidle");

  const picker = page.getByTestId("question-picker");
  const rows = picker.getByTestId("picker-row");
  const total = await rows.count();
  expect(total).toBeGreaterThan(10);
  await expect(picker.getByTestId("picker-count")).toHaveText(`${total} of ${total} questions shown · 0 selected`);

  // Filters narrow the list, and every row left satisfies all of them.
  await picker.getByLabel("Type", { exact: true }).selectOption("schedule");
  await picker.getByLabel("Difficulty", { exact: true }).selectOption("2");
  const filtered = await rows.count();
  expect(filtered).toBeGreaterThan(0);
  expect(filtered).toBeLessThan(total);
  for (const text of await rows.allInnerTexts()) expect(text).toMatch(/· schedule · difficulty 2 ·/);
  await picker.getByLabel("Topic", { exact: true }).selectOption({ label: "Real-time scheduling" });
  for (const text of await rows.allInnerTexts()) expect(text).toContain("Real-time scheduling");
  await picker.getByLabel("Topic", { exact: true }).selectOption("");

  // Search by words of the title in any order.
  await picker.getByLabel("Search questions", { exact: true }).fill("timeline stcf");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(TITLE);

  // Keyboard only: Tab to the checkbox and tick it with Space; the slug joins the assignment's list.
  await picker.getByLabel("Search questions", { exact: true }).focus();
  const checkbox = picker.getByRole("checkbox", { name: TITLE });
  for (let i = 0; i < 6 && !(await checkbox.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press("Tab");
  await expect(checkbox).toBeFocused();
  await page.keyboard.press("Space");
  await expect(checkbox).toBeChecked();
  await expect(page.getByLabel("Question slugs")).toHaveValue(SLUG);
  await expect(picker.getByTestId("picker-count")).toContainText("1 selected");

  // Tab on to Preview and press Enter: the preview opens with focus in it, rendered as students see it.
  const previewResponse = page.waitForResponse((r) => r.url().includes("/preview") && r.request().method() === "GET");
  await page.keyboard.press("Tab");
  await expect(picker.getByRole("button", { name: `Preview ${TITLE}` })).toBeFocused();
  await page.keyboard.press("Enter");
  const preview = picker.getByTestId("picker-preview");
  await expect(preview).toBeFocused();
  await expect(preview.getByRole("heading", { name: TITLE })).toBeVisible();
  await expect(preview.locator("[data-slot=question-view]")).toContainText(/Schedule these jobs with (SJF|STCF)/);
  await expect(preview.getByRole("table").first()).toBeVisible();

  // What reached the browser is the student's view and nothing of the answer key.
  const body = (await (await previewResponse).json()) as { preview: Record<string, unknown> };
  expect(Object.keys(body.preview).sort()).toEqual(["asks", "seed", "view"]);
  expect(Object.keys(body.preview.view as object).sort()).toEqual(["conventions", "exhibits", "prompt", "title"]);
  const keys = keysOf(body);
  for (const secret of ["key", "expected", "accepted", "data", "reference"]) expect(keys.has(secret)).toBe(false);

  await expectNoSeriousAxe(page);

  // Close returns focus to the Preview button the instructor came from.
  await preview.getByRole("button", { name: "Close preview" }).click();
  await expect(picker.getByRole("button", { name: `Preview ${TITLE}` })).toBeFocused();

  // A second question by mouse, then a pasted slug ticks its row; the assignment gets all in order.
  await picker.getByLabel("Search questions", { exact: true }).fill("");
  await picker.getByLabel("Type", { exact: true }).selectOption("");
  await picker.getByLabel("Difficulty", { exact: true }).selectOption("");
  await picker.getByLabel("Search questions", { exact: true }).fill("round robin gantt arrivals");
  await picker.getByRole("checkbox", { name: "Round robin Gantt chart with arrivals" }).check();
  await expect(page.getByLabel("Question slugs")).toHaveValue(`${SLUG}, rr-gantt-with-arrivals`);
  await picker.getByRole("checkbox", { name: "Round robin Gantt chart with arrivals" }).uncheck();
  await expect(page.getByLabel("Question slugs")).toHaveValue(SLUG);
  await page.getByLabel("Question slugs").fill(`${SLUG}, rr-gantt-with-arrivals`);
  await expect(picker.getByRole("checkbox", { name: "Round robin Gantt chart with arrivals" })).toBeChecked();

  await page.getByLabel("Title", { exact: true }).fill("Picked week");
  await page.getByRole("button", { name: "Assign", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("Assigned.");
  await expect(page.getByLabel("Question slugs")).toHaveValue("");
  await expect(picker.getByRole("checkbox", { checked: true })).toHaveCount(0);
  await expect(page.getByText("Picked week").first()).toBeVisible();

  // A draft has no preview: only published questions can be assigned.
  const bank = (await (await page.request.get(`/api/teach/questions?q=${SLUG}`)).json()) as {
    questions: { id: string; slug: string }[];
  };
  const builtIn = bank.questions.find((q) => q.slug === SLUG)!;
  expect((await page.request.get(`/api/teach/questions/${builtIn.id}/preview`)).status()).toBe(200);
  const copy = await page.request.post(`/api/teach/questions/${builtIn.id}/duplicate`, { data: {} });
  expect(copy.status()).toBe(201);
  const draft = ((await copy.json()) as { question: { id: string; status: string } }).question;
  expect(draft.status).toBe("DRAFT");
  expect((await page.request.get(`/api/teach/questions/${draft.id}/preview`)).status()).toBe(404);
  expect((await page.request.get("/api/teach/questions/no-such-id/preview")).status()).toBe(404);
});

async function expectNoSeriousAxe(page: import("@playwright/test").Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

// Issue 20: Moodle XML and GIFT exports of timeline questions no longer come out empty without a word.
test("exporting schedule questions says per question what Moodle XML and GIFT keep, and the files match", async ({
  page,
}) => {
  await signIn(page, DEMO_INSTRUCTOR);
  await page.goto("/teach?type=schedule");
  const listed = await page.getByRole("table", { name: "Questions" }).locator("tbody tr").count();
  expect(listed).toBeGreaterThan(0);
  await page.getByRole("link", { name: "Export to Moodle XML or GIFT…" }).click();
  await expect(page).toHaveURL(/\/teach\/export\?type=schedule$/);
  await expect(page.getByRole("heading", { name: "Export to Moodle XML or GIFT" })).toBeVisible();

  const table = page.getByRole("table", { name: "What each format keeps" });
  await expect(table.locator("tbody tr")).toHaveCount(listed);
  await expect(page.getByTestId("export-summary")).toContainText(`GIFT: 0 in full, 0 in part, ${listed} not exported.`);
  await expect(page.getByRole("note")).toContainText("GIFT cannot hold them");
  const row = page.getByTestId(`export-row-${SLUG}`);
  await expect(row.getByTestId("gift-verdict")).toContainText("not exported");
  await expect(row.getByTestId("gift-verdict")).toContainText("GIFT has no question with several blanks");
  await expect(row.getByTestId("moodle-verdict")).toContainText("one drop-down per slot");
  await expectNoSeriousAxe(page);

  // The downloads say the same: a cloze question per schedule with a unique ID, and a GIFT file of comments.
  const xml = await (
    await page.request.get((await page.getByRole("link", { name: "Download Moodle XML" }).getAttribute("href")) ?? "")
  ).text();
  expect(xml.match(/<question type="cloze">/g)).toHaveLength(listed);
  const ids = [...xml.matchAll(/<idnumber>([^<]+)<\/idnumber>/g)].map((m) => m[1]);
  expect(new Set(ids).size).toBe(listed);
  expect(xml).toContain(`<idnumber>${SLUG}</idnumber>`);
  const gift = await (
    await page.request.get((await page.getByRole("link", { name: "Download GIFT" }).getAttribute("href")) ?? "")
  ).text();
  expect(gift).not.toMatch(/^::/m);
  expect(gift).toContain(`// ${SLUG} (schedule): NOT EXPORTED`);
});
