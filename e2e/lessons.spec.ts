import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";

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
