import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { BUILT_IN_TEMPLATES } from "@/lib/bank";
import { expectNoSeriousAxe } from "./support";

// Every lesson renders in a real browser with all of its live widgets, and none throws.
const dir = path.join(process.cwd(), "lib/lessons/content");
const lessons = readdirSync(dir)
  .filter((f) => f.endsWith(".md"))
  .map((f) => {
    const source = readFileSync(path.join(dir, f), "utf8");
    const widgets = [...source.matchAll(/^::widget\{name="([a-z-]+)"\}\s*$/gm)].map((m) => m[1]);
    return { slug: f.replace(/\.md$/, ""), widgets };
  });

test("there are eight lessons, each with at least one widget", () => {
  expect(lessons).toHaveLength(8);
  for (const lesson of lessons) expect(lesson.widgets.length, lesson.slug).toBeGreaterThan(0);
});

for (const lesson of lessons) {
  test(`lesson ${lesson.slug} renders with its ${lesson.widgets.length} widget(s) and no errors`, async ({ page }) => {
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(`${message.text()} ${message.location().url}`);
    });
    const response = await page.goto(`/learn/${lesson.slug}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const widgets = page.locator('section[aria-label^="Interactive:"]');
    await expect(widgets).toHaveCount(lesson.widgets.length);
    // A live widget reacts: moving its first slider or select changes what it shows.
    const first = widgets.first();
    const before = await first.innerText();
    const slider = first.locator('input[type="range"]').first();
    if ((await slider.count()) > 0) {
      // Pressed again on each poll: a key pressed before the widget has hydrated changes nothing.
      await expect
        .poll(async () => {
          await slider.focus();
          await page.keyboard.press("End");
          return first.innerText();
        })
        .not.toBe(before);
    }
    expect(errors).toEqual([]);
  });
}

test("the lessons index links every lesson and its practice page", async ({ page }) => {
  await page.goto("/learn");
  for (const lesson of lessons) {
    await expect(page.locator(`a[href="/learn/${lesson.slug}"]`).first()).toBeVisible();
    await expect(page.locator(`a[href="/practice/${lesson.slug}"]`).first()).toBeVisible();
  }
});

test("a lesson's checklist can be ticked and is remembered, and 'Practise now' opens its easiest question", async ({
  page,
}) => {
  await page.goto("/learn/scheduling-basics");
  // The checklist's boxes only (a widget on this page has a checkbox of its own).
  const total = await page.locator("article input[data-lesson-check]").count();
  expect(total).toBeGreaterThan(3);
  await expect(page.getByTestId("checklist-progress")).toHaveText(`Checklist: 0 of ${total} ticked.`);
  // Each box is labelled by its item's text, so a screen reader names what is being ticked.
  const first = page.getByRole("checkbox", { name: /Define turnaround, waiting and response time/ });
  await first.check();
  await expect(page.getByTestId("checklist-progress")).toHaveText(`Checklist: 1 of ${total} ticked.`);
  await page.reload();
  await expect(page.getByRole("checkbox", { name: /Define turnaround, waiting and response time/ })).toBeChecked();
  await expect(page.getByTestId("checklist-progress")).toHaveText(`Checklist: 1 of ${total} ticked.`);

  const practise = page.getByRole("region", { name: "Practise now" });
  const links = practise.getByRole("link");
  expect(await links.count()).toBeGreaterThanOrEqual(3);
  // The first is one of the lesson's least difficult questions, and it opens (sign-in first).
  const ours = BUILT_IN_TEMPLATES.filter((t) => t.topic === "scheduling-basics");
  const lowest = Math.min(...ours.map((t) => t.difficulty));
  const href = await links.first().getAttribute("href");
  expect(ours.filter((t) => t.difficulty === lowest).map((t) => `/practice/q/${t.slug}`)).toContain(href);
  await expectNoSeriousAxe(page);
});
