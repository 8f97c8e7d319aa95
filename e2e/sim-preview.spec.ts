// Browser checks for the answer and replay components on the development preview page. Written for
// Playwright; the lead moves it into e2e/ (Playwright's testDir) to run it with `npm run test:e2e`.
// Every expected value is hand-derived from the sample data in sample-data.ts.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, test } from "@playwright/test";

const cell = (grid: Locator, row: number, slot: number) =>
  grid.locator(`[data-row="${row}"][data-slot-index="${slot}"]`);

test.beforeEach(async ({ page }) => {
  await page.goto("/dev/sim-preview");
});

test("the timeline editor works from the keyboard alone", async ({ page }) => {
  const section = page.getByTestId("preview-timeline-editor");
  const grid = section.getByTestId("timeline-grid");
  const value = page.getByTestId("timeline-value");
  await grid.focus();
  await page.keyboard.type("AABBC");
  for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Space");
  await expect(value).toHaveText('Value: ["A","A","B","B","C","idle",null,null,null,null]');
  await expect(section.locator("[aria-live]")).toHaveText("slot 5 (t=5–6 ms): idle");
  await page.keyboard.press("Control+z");
  await page.keyboard.press("End");
  await page.keyboard.press("b");
  await page.keyboard.press("Home");
  await page.keyboard.press("Delete");
  await expect(value).toHaveText('Value: [null,"A","B","B","C",null,null,null,null,"B"]');
});

test("a mouse drag paints a run of slots and one Undo removes it", async ({ page }) => {
  const section = page.getByTestId("preview-timeline-editor");
  const grid = section.getByTestId("timeline-grid");
  const from = (await cell(grid, 2, 5).boundingBox())!;
  const to = (await cell(grid, 2, 8).boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 2 });
  await page.mouse.up();
  await expect(page.getByTestId("timeline-value")).toHaveText('Value: [null,null,null,null,null,"C","C","C","C",null]');
  await section.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByTestId("timeline-value")).toHaveText(
    "Value: [null,null,null,null,null,null,null,null,null,null]",
  );
});

test("the reorder list moves items by button, keyboard and announces each move", async ({ page }) => {
  const list = page.getByTestId("preview-reorder-list");
  const order = async () =>
    (await list.locator("li button[aria-pressed]").allInnerTexts()).map((t) => t.trim().charAt(0)).join("");
  await list.getByRole("button", { name: "Move 'A' down" }).click();
  expect(await order()).toBe("BAC");
  await expect(list.locator("[aria-live]")).toHaveText("'A' moved to position 2 of 3");
  await list.getByRole("button", { name: /^C, position 3/ }).focus();
  await page.keyboard.press("Alt+ArrowUp");
  expect(await order()).toBe("BCA");
  await page.keyboard.press("Space");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("Space");
  expect(await order()).toBe("CBA");
});

test("the answer form refuses an unreadable number and submits converted units", async ({ page }) => {
  const form = page.getByTestId("preview-answer-form");
  const input = form.getByRole("textbox", { name: "Average turnaround time" });
  await input.fill("7,3");
  await form.getByRole("button", { name: "Check answer" }).click();
  await expect(form.getByText(/use a dot for decimals/)).toBeVisible();
  await input.fill("7333 us");
  await form.getByText("No: every ready task").click();
  await form.getByRole("button", { name: "Check answer" }).click();
  const submitted = JSON.parse((await page.getByTestId("submitted-answer").innerText()) || "{}");
  expect(submitted.parts["avg-turnaround"]).toBe(7.333);
  expect(submitted.parts.starved).toBe("no");
});

test("the replay steps with the arrow keys and jumps to the divergence", async ({ page }) => {
  const replay = page.getByTestId("preview-replay-viewer");
  await replay.getByRole("button", { name: "First" }).click();
  await expect(replay.getByTestId("replay-position")).toHaveText("Step 1 of 6 · t = 0 ms");
  await replay.getByRole("button", { name: "Next →" }).press("ArrowRight");
  await expect(replay.getByTestId("replay-position")).toHaveText("Step 2 of 6 · t = 2 ms");
  await replay.getByRole("button", { name: "Jump to divergence" }).click();
  await expect(replay.getByTestId("replay-running")).toHaveText("C");
});

test("a phone can tap to paint, and cells stay at least 28 px tall", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await page.goto("/dev/sim-preview");
  const grid = page.getByTestId("preview-timeline-editor").getByTestId("timeline-grid");
  await cell(grid, 1, 2).tap();
  await expect(page.getByTestId("timeline-value")).toHaveText(
    'Value: [null,null,"B",null,null,null,null,null,null,null]',
  );
  expect((await cell(grid, 0, 0).boundingBox())!.height).toBeGreaterThanOrEqual(28);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await context.close();
});

for (const theme of ["light", "dark"] as const) {
  test(`the preview has no serious or critical accessibility violations (${theme})`, async ({ page }) => {
    // axe over every component of the preview took 53 s alone on the shared 2-core machine: past the
    // default 60 s under load. A budget, not an assertion about speed.
    test.setTimeout(180_000);
    if (theme === "dark") await page.evaluate(() => document.documentElement.classList.add("dark"));
    const results = await new AxeBuilder({ page }).include("main").analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  });
}
