import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { BUILT_IN_TEMPLATES } from "@/lib/bank";
import { simulateInput } from "@/lib/engine/sched";
import { ruleWords } from "@/lib/engine/words";
import { parseLesson } from "@/lib/lessons/parse";
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

test("a worked example steps through the engine's decisions, and the check question is answered and explained", async ({
  page,
}) => {
  // Expectations come from the lesson file run through the engine here, not from the page.
  const lesson = parseLesson(readFileSync(path.join(dir, "scheduling-basics.md"), "utf8"));
  if (!lesson.ok) throw new Error(JSON.stringify(lesson.errors));
  const example = lesson.value.blocks.find((b) => b.kind === "worked-example");
  const check = lesson.value.blocks.find((b) => b.kind === "check");
  if (example?.kind !== "worked-example" || check?.kind !== "check" || check.engine !== "sched")
    throw new Error("scheduling-basics needs a worked example and a schedule check");
  const sim = simulateInput(JSON.parse(example.scenario));
  if (!sim.ok) throw new Error("scenario");
  // A step at every decision and at every arrival (the example has no I/O, so nothing else changes who is ready).
  const input = JSON.parse(example.scenario) as { tasks: { id: string; arrival: number }[] };
  const times = [...new Set([...sim.value.decisions.map((d) => d.time), ...input.tasks.map((t) => t.arrival)])].sort(
    (a, b) => a - b,
  );
  const runsAt = (t: number) => sim.value.slices.find((s) => s.start <= t && t < s.end)?.task ?? "idle";

  await page.goto("/learn/scheduling-basics");
  const worked = page.getByRole("region", { name: `Worked example: ${example.title}` });
  await expect(worked.getByTestId("replay-position")).toHaveText(`Step 1 of ${times.length} · t = ${times[0]} ms`);
  await expect(worked.getByTestId("replay-running")).toHaveText(runsAt(times[0]!));
  // The first step is a decision: it names the rule in words.
  await expect(worked.getByText(`Rule: ${ruleWords(sim.value.decisions[0]!.rule)}.`)).toBeVisible();
  // Pressed again on each poll: a click before hydration changes nothing.
  await expect
    .poll(async () => {
      if ((await worked.getByTestId("replay-position").innerText()).startsWith("Step 1 "))
        await worked.getByRole("button", { name: "Next →" }).click();
      return worked.getByTestId("replay-position").innerText();
    })
    .toBe(`Step 2 of ${times.length} · t = ${times[1]} ms`);
  await expect(worked.getByTestId("replay-running")).toHaveText(runsAt(times[1]!));
  // The second is B's arrival: nothing is decided, the running job keeps the CPU.
  await expect(
    worked.getByText(`${runsAt(times[1]!)} keeps the CPU: nothing is decided at this instant.`),
  ).toBeVisible();

  // The check: B's waiting time computed from the engine's slices (finish − arrival − CPU time).
  const checkInput = JSON.parse(check.scenario) as { tasks: { id: string; arrival: number }[] };
  const checkSim = simulateInput(checkInput);
  if (!checkSim.ok) throw new Error("scenario");
  const id = check.ask.split(":")[1]!;
  const mine = checkSim.value.slices.filter((s) => s.task === id);
  const waiting =
    Math.max(...mine.map((s) => s.end)) -
    checkInput.tasks.find((t) => t.id === id)!.arrival -
    mine.reduce((n, s) => n + s.end - s.start, 0);
  const question = page.getByRole("region", { name: "Check your understanding" });
  const reply = question.getByRole("textbox", { name: /Your answer/ });
  await reply.fill(String(waiting + 1));
  await question.getByRole("button", { name: "Check" }).click();
  await expect(question.getByTestId("check-verdict")).toContainText("Not quite.");
  await reply.fill(String(waiting));
  await question.getByRole("button", { name: "Check" }).click();
  await expect(question.getByTestId("check-verdict")).toContainText("Correct.");
  await expect(question.getByTestId("check-verdict")).toContainText(
    `waiting = time ready but not running = ${waiting} ms`,
  );
  await expectNoSeriousAxe(page);
});
