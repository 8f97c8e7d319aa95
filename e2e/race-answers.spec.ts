// Issue #18's race answers in Chromium: ticking possible final values and ordering an interleaving with
// the keyboard, and marking the interrupt that breaks a lock with the pointer. The right answers are
// worked out here from the listings on the page, not by the engine.
import { expect, type Page, test } from "@playwright/test";
import { signUpFreshStudent } from "./support";

async function listing(page: Page, thread: number): Promise<string> {
  // Each thread's listing is a <pre> labelled "Thread T0 …, Text source".
  const pre = page.getByLabel(new RegExp(`^Thread T${thread}\\b.*, Text source$`));
  await expect(pre).toBeVisible();
  return pre.innerText();
}

/** The order list's item labels, top to bottom ("T0 · 1: mov x, %ax"). */
async function shownOrder(page: Page): Promise<string[]> {
  const texts = await page.locator("ol li button[aria-pressed]").allInnerTexts();
  return texts.map((t) => t.trim());
}

test("keyboard: tick the possible values of x and order an interleaving that loses the addition", async ({ page }) => {
  await signUpFreshStudent(page, "race-keys");
  await page.goto("/practice/q/race-add-sub-interleave");
  await page.waitForLoadState("networkidle");
  const start = Number(/Memory starts with x = (-?\d+)/.exec(await page.locator("body").innerText())![1]);
  const add = Number(/add \$(\d+), %ax/.exec(await listing(page, 0))![1]);
  const sub = Number(/sub \$(\d+), %ax/.exec(await listing(page, 1))![1]);
  // Both updates land, or the last store wins.
  const possible = new Set([start + add, start - sub, start + add - sub]);
  for (const v of possible) {
    const box = page.getByRole("checkbox", { name: String(v), exact: true });
    await box.focus();
    await page.keyboard.press("Space");
    await expect(box).toBeChecked();
  }
  // T1 loads before T0 stores, and stores after it: T1·1, then all of T0, then the rest of T1.
  const target = ["T1 · 1", "T0 · 1", "T0 · 2", "T0 · 3", "T1 · 2", "T1 · 3"];
  for (let pos = 0; pos < target.length; pos++) {
    const now = await shownOrder(page);
    const at = now.findIndex((l) => l.includes(target[pos]!));
    expect(at).toBeGreaterThanOrEqual(pos);
    if (at === pos) continue;
    await page.locator("ol li button[aria-pressed]").nth(at).focus();
    for (let k = at; k > pos; k--) await page.keyboard.press("Alt+ArrowUp");
    await expect(page.locator("ol li button[aria-pressed]").nth(pos)).toContainText(target[pos]!);
  }
  await page.getByRole("button", { name: "Submit answer" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("grade-score")).toHaveText("100%");
  await expect(page.getByText(/Right: your interleaving reaches a final x of/)).toBeVisible();
});

test("pointer: a missed final value earns partial credit with the run that produces it", async ({ page }) => {
  await signUpFreshStudent(page, "race-values");
  await page.goto("/practice/q/race-count-possible-values");
  await page.waitForLoadState("networkidle");
  const k = Number(/mov \$(\d+), %dx/.exec(await listing(page, 0))![1]);
  // Two threads, k unprotected increments each: 1..2 for one, 2..2k for more (the classic closed form).
  const low = k === 1 ? 1 : 2;
  const top = 2 * k;
  for (let v = low; v < top; v++) await page.getByRole("checkbox", { name: String(v), exact: true }).click();
  await page.getByRole("button", { name: "Submit answer" }).click();
  await expect(page.getByTestId("grade-score")).not.toHaveText("100%");
  await expect(page.getByText(`You missed ${top}:`)).toBeVisible();
  await expect(page.getByText(`ends with count = ${top}`)).toBeVisible();
});

test("pointer: mark the interrupt that breaks the lock, or none", async ({ page }) => {
  await signUpFreshStudent(page, "race-interrupt");
  await page.goto("/practice/q/lock-interrupt-point");
  await page.waitForLoadState("networkidle");
  const code = await listing(page, 0);
  const lines = code.split("\n").map((l) => l.trim());
  const at = (text: string) => lines.findIndex((l) => l.endsWith(text));
  let pick: RegExp;
  if (at("mov lock, %ax") >= 0 && at("mov $1, lock") >= 0)
    pick = /mov lock, %ax$/; // load, then a separate store
  else if (at("mov %cx, turn") >= 0 && at("mov %cx, turn") < at("mov $1, 0(%fx,%bx,4)"))
    pick = /mov %cx, turn$/; // turn given away before the flag is raised
  else pick = /^None/;
  await page.getByRole("radio", { name: pick }).click();
  await page.getByRole("button", { name: "Submit answer" }).click();
  await expect(page.getByTestId("grade-score")).toHaveText("100%");
  await expect(page.getByText(/Both threads are now inside|wherever the one interrupt falls/)).toBeVisible();
});
