import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { DEMO_INSTRUCTOR, passMockPrompt, signIn, signUpFreshStudent, someAnswer, type ViewPart } from "./support";

// Issue 20, "close the loops": every path a student or instructor takes ends somewhere useful.

/** Axe on the page as it stands: no serious or critical violation. */
async function expectNoSeriousAxe(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

test("each row of a mock interview report opens its graded attempt", async ({ page }) => {
  await signUpFreshStudent(page, "loops-mock");
  const start = await page.request.post("/api/mock", { data: { minutes: 15 } });
  expect(start.status()).toBe(201);
  const { sessionId } = (await start.json()) as { sessionId: string };
  await passMockPrompt(page.request, sessionId);
  const state = (await (await page.request.get(`/api/mock/${sessionId}`)).json()) as {
    question: { itemId: string; view: { title: string; parts: ViewPart[] } };
  };
  const answered = await page.request.post(`/api/mock/${sessionId}/answer`, {
    data: {
      itemId: state.question.itemId,
      submissionId: `loops-${Date.now()}`,
      answer: { parts: someAnswer(state.question.view.parts) },
    },
  });
  expect(answered.status()).toBe(201);
  // Asking for the state again adds the next (unanswered) question before the interview ends.
  await page.request.get(`/api/mock/${sessionId}`);
  expect((await page.request.post(`/api/mock/${sessionId}/end`)).status()).toBe(200);

  await page.goto(`/mock/${sessionId}`);
  await expect(page.getByRole("heading", { name: "Interview report" })).toBeVisible();
  const rows = page.getByTestId("mock-per-question").getByRole("listitem");
  await expect(rows).toHaveCount(2);
  // The unanswered question has no attempt to open; the answered one links to it.
  await expect(rows.nth(1).getByRole("link")).toHaveCount(0);
  await expectNoSeriousAxe(page);
  await rows.first().getByRole("link", { name: state.question.view.title }).click();
  await expect(page).toHaveURL(/\/history\/[A-Za-z0-9_-]+$/);
  await expect(page.getByRole("heading", { level: 1, name: state.question.view.title })).toBeVisible();
  // The graded attempt opens with its result heading (the grade view says "Correct: 100%" or "Result: N%").
  await expect(page.getByRole("heading", { name: /^(Correct|Result): \d+(\.\d+)?%$/ })).toBeVisible();
});

/** Answers a fresh variant of `slug` with numbers far from any right answer; returns its title. */
async function answerWrong(page: Page, slug: string): Promise<string> {
  const created = await page.request.post("/api/variants", { data: { slug } });
  expect(created.status()).toBe(201);
  const { variantId, view } = (await created.json()) as {
    variantId: string;
    view: { title: string; parts: ViewPart[] };
  };
  const parts = Object.fromEntries(view.parts.map((p) => [p.id, "987654"]));
  const graded = await page.request.post(`/api/variants/${variantId}/attempts`, {
    data: { submissionId: `loops-${slug}-${Date.now()}`, answer: { parts } },
  });
  expect(graded.status()).toBe(201);
  return view.title;
}

test("review list items are links, an answered review offers the next one, and an empty queue says finished", async ({
  page,
  browser,
}) => {
  await signUpFreshStudent(page, "loops-review");
  // Two wrong answers, the FIFO one first: it is the more overdue card.
  await answerWrong(page, "fifo-convoy-effect");
  const rrTitle = await answerWrong(page, "rr-response-vs-turnaround");

  await page.goto("/review");
  await expect(page.getByTestId("review-due-count")).toContainText("2 due now");
  await expect(page.getByTestId("review-finished")).toHaveCount(0);
  await expectNoSeriousAxe(page);
  // Opening the second row reviews that card, not the most overdue one.
  await page.getByTestId("review-queue").getByRole("link", { name: rrTitle }).click();
  await expect(page).toHaveURL(/\/practice\/q\/rr-response-vs-turnaround\?review=1$/);
  await expect(page.getByTestId("grade-result")).toHaveCount(0);
  const numberInputs = page.locator('main input[inputmode="decimal"]');
  for (const input of await numberInputs.all()) await input.fill("987654");
  await page.getByRole("button", { name: "Submit answer" }).click();
  await expect(page.getByTestId("grade-result")).toBeVisible();
  // Wrong again, this card is due again now, which is later than the FIFO card: "Next" goes there.
  await page.getByRole("button", { name: "Next review" }).click();
  await expect(page).toHaveURL(/\/practice\/q\/fifo-convoy-effect\?review=1$/);
  await expect(page.getByTestId("grade-result")).toHaveCount(0);

  const fresh = await browser.newPage();
  await signUpFreshStudent(fresh, "loops-review-empty");
  await fresh.goto("/review");
  await expect(fresh.getByTestId("review-finished")).toContainText("Finished for today");
  await expect(fresh.getByRole("button", { name: "Start review" })).toHaveCount(0);
  await fresh.close();
});

test("after Submit, focus moves to the result heading, which reads the score", async ({ page }) => {
  await signUpFreshStudent(page, "loops-focus");
  await page.goto("/practice/q/fifo-convoy-effect");
  const numberInputs = page.locator('main input[inputmode="decimal"]');
  await expect(numberInputs.first()).toBeVisible();
  for (const input of await numberInputs.all()) await input.fill("987654");
  await page.getByRole("button", { name: "Submit answer" }).press("Enter");
  const heading = page.getByTestId("grade-result").getByRole("heading", { name: /^(Correct|Result): \d+%$/ });
  await expect(heading).toBeFocused();
  // The focused heading's text is what a screen reader announces: it carries the score shown in the meter.
  const meter = await page.getByRole("meter", { name: "Score" }).getAttribute("aria-valuetext");
  await expect(heading).toContainText(meter!);
  await expectNoSeriousAxe(page);
});

test.describe("in a browser outside UTC", () => {
  test.use({ timezoneId: "Asia/Kolkata" });

  test("an instructor lands on an instructor home: classes, assignments due soon, new problem reports", async ({
    page,
    browser,
  }) => {
    await signIn(page, DEMO_INSTRUCTOR);
    const className = `Loops class ${Date.now()}`;
    const created = await page.request.post("/api/teach/classes", { data: { name: className } });
    expect(created.status()).toBe(201);
    const cls = (await created.json()) as { class: { id: string; joinCode: string } };
    const dueAt = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const assigned = await page.request.post(`/api/teach/classes/${cls.class.id}/assignments`, {
      data: { title: "Loops week", slugs: ["fifo-convoy-effect"], dueAt },
    });
    expect(assigned.status()).toBe(201);

    const student = await browser.newPage();
    await signUpFreshStudent(student, "loops-home");
    expect((await student.request.post("/api/classes/join", { data: { code: cls.class.joinCode } })).status()).toBe(
      200,
    );
    const variant = (await (
      await student.request.post("/api/variants", { data: { slug: "fifo-convoy-effect" } })
    ).json()) as { variantId: string };
    const message = `Loops report ${Date.now()}`;
    expect(
      (await student.request.post("/api/reports", { data: { variantId: variant.variantId, message } })).status(),
    ).toBe(201);
    // A student's dashboard is unchanged.
    await student.goto("/dashboard");
    await expect(student.getByTestId("instructor-home")).toHaveCount(0);
    await expect(student.getByRole("heading", { name: "Review now" })).toBeVisible();
    await student.close();

    await page.goto("/dashboard");
    const home = page.getByTestId("instructor-home");
    await expect(home).toBeVisible();
    await expect(home).not.toContainText("Join a class with the code");
    await expect(page.getByTestId("home-classes").getByRole("link", { name: className })).toHaveAttribute(
      "href",
      `/teach/classes/${cls.class.id}`,
    );
    const due = page.getByTestId("home-due").getByRole("listitem").filter({ hasText: className });
    await expect(due).toContainText("Loops week");
    // The due time is shown in the browser's zone (India here, UTC+5:30), formatted by Intl, not as a GMT string.
    const shown = await page.evaluate(
      (iso) =>
        new Intl.DateTimeFormat(undefined, {
          year: "numeric",
          month: "short",
          day: "numeric",
          hour: "numeric",
          minute: "2-digit",
          timeZoneName: "short",
        }).format(new Date(iso)),
      dueAt,
    );
    expect(shown).toMatch(/GMT\+5:30|IST/);
    await expect(due).toContainText(shown);
    await expect(page.getByTestId("home-reports")).toContainText(message);
    await expect(page.getByRole("heading", { name: "Questions that tell students apart least" })).toBeVisible();
    await expectNoSeriousAxe(page);

    // Column headers keep a gap from their neighbours (they read "DifficultyStatus" before).
    await page.goto("/teach");
    const gaps = await page
      .getByRole("table", { name: "Questions" })
      .evaluate((table) =>
        [...table.querySelectorAll("thead th")]
          .slice(1)
          .map((th) => parseFloat(getComputedStyle(th).paddingInlineStart)),
      );
    expect(gaps.length).toBeGreaterThan(2);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(8);
  });
});

test("on a 390 px phone the header folds its links into a menu instead of wrapping onto three rows", async ({
  page,
}) => {
  await signUpFreshStudent(page, "loops-phone");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/dashboard");
  const header = page.locator("header");
  const menu = page.getByRole("button", { name: "Menu" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(header.getByRole("link", { name: "History" })).toBeHidden();
  // One row: no taller than the logo line plus its padding (two rows would be ~90 px).
  const closed = (await header.boundingBox())!.height;
  expect(closed).toBeLessThan(70);
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
  ).toBeLessThanOrEqual(0);
  await expectNoSeriousAxe(page);

  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await header.getByRole("link", { name: "History" }).click();
  await expect(page).toHaveURL(/\/history$/);
  await expect(header.getByRole("link", { name: "History" })).toBeHidden();

  // On a desktop width the links are in the bar and there is no menu button.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(menu).toBeHidden();
  await expect(header.getByRole("link", { name: "History" })).toBeVisible();
});

test("on a 390 px phone the timeline editor opens zoomed to fit, and says so when it must scroll", async ({ page }) => {
  await signUpFreshStudent(page, "loops-zoom");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/practice/q/sjf-vs-stcf-timeline");
  const editor = page.locator('[data-slot="timeline-editor"]').first();
  await expect(editor).toBeVisible();
  const slots = Number((await editor.getByText(/\d+ slots of/).innerText()).match(/(\d+) slots/)![1]);
  const box = editor.locator(".overflow-x-auto");
  const { client, scroll } = await box.evaluate((el) => ({ client: el.clientWidth, scroll: el.scrollWidth }));
  // The widest zoom (of 14 / 28 / 44 px per slot, 76 px of row labels) that fits, computed here.
  const levels = [
    { value: "wide", px: 44 },
    { value: "normal", px: 28 },
  ];
  const expected = levels.find((l) => 76 + slots * l.px <= client)?.value ?? "compact";
  await expect(editor.getByLabel("Zoom")).toHaveValue(expected);
  if (scroll > client) await expect(editor.getByTestId("timeline-scrolls")).toBeVisible();
  else await expect(editor.getByTestId("timeline-scrolls")).toHaveCount(0);
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
  ).toBeLessThanOrEqual(0);
  // A zoom the student picks sticks, and a grid wider than the screen says that it scrolls.
  await editor.getByLabel("Zoom").selectOption("wide");
  await expect(editor.getByTestId("timeline-scrolls")).toBeVisible();
});
