// Issue #14 in the browser: the first-divergence card shows the ready queue *at* the divergence instant
// (remaining times then, jobs that arrived since), and a mock interview question shows its conventions.
import { expect, type Locator, type Page, test } from "@playwright/test";
import { signUpFreshStudent } from "./support";

const STCF_SLUG = "stcf-timeline-and-metrics";

interface Job {
  id: string;
  arrival: number;
  burst: number;
  order: number;
}

/** The workload table of the question, read from the page. */
async function readJobs(page: Page): Promise<Job[]> {
  const table = page.locator("table", { has: page.locator("caption", { hasText: "Workload" }) });
  const headers = (await table.locator("thead th").allInnerTexts()).map((h) => h.trim());
  const col = (name: RegExp) => headers.findIndex((h) => name.test(h));
  const arrivalCol = col(/^Arrival/);
  const burstCol = col(/^CPU burst/);
  expect(arrivalCol).toBeGreaterThan(0);
  expect(burstCol).toBeGreaterThan(0);
  const jobs: Job[] = [];
  const rows = table.locator("tbody tr");
  for (let i = 0; i < (await rows.count()); i++) {
    const cells = (await rows.nth(i).locator("th, td").allInnerTexts()).map((c) => c.trim());
    jobs.push({ id: cells[0]!, arrival: Number(cells[arrivalCol]), burst: Number(cells[burstCol]), order: i });
  }
  return jobs;
}

/**
 * STCF by hand, 1 ms at a time (the textbook rule, written here independently of the engine): the
 * ready job with the least remaining time runs; a newcomer preempts only with strictly less; ties go
 * to the earlier arrival, then the table order (the question's stated convention).
 */
function stcf(jobs: Job[], slots: number) {
  const left = new Map(jobs.map((j) => [j.id, j.burst]));
  const timeline: string[] = [];
  const states: { running: string | null; waiting: { id: string; left: number }[] }[] = [];
  let running: string | null = null;
  const better = (a: Job, b: Job) => left.get(a.id)! - left.get(b.id)! || a.arrival - b.arrival || a.order - b.order;
  for (let t = 0; t < slots; t++) {
    const ready = jobs.filter((j) => j.arrival <= t && left.get(j.id)! > 0);
    if (running !== null && left.get(running)! <= 0) running = null;
    const best = [...ready].sort(better)[0];
    if (best && (running === null || left.get(best.id)! < left.get(running)!)) running = best.id;
    states.push({
      running,
      waiting: ready
        .filter((j) => j.id !== running)
        .sort(better)
        .map((j) => ({ id: j.id, left: left.get(j.id)! })),
    });
    timeline.push(running ?? "idle");
    if (running !== null) left.set(running, left.get(running)! - 1);
  }
  return { timeline, states };
}

async function paint(page: Page, slots: string[]): Promise<void> {
  const grid = page.getByTestId("timeline-grid");
  await grid.focus();
  await page.keyboard.press("Home");
  for (const s of slots) await page.keyboard.press(s === "idle" ? "i" : s.charAt(0));
}

test("a wrong STCF answer: the divergence card lists the ready queue at that instant", async ({ page }) => {
  await signUpFreshStudent(page, "truth");
  await page.goto(`/practice/q/${STCF_SLUG}`);
  const grid = page.getByTestId("timeline-grid");
  await expect(grid).toBeVisible();
  await page.waitForLoadState("networkidle");
  const label = (await grid.getAttribute("aria-label")) ?? "";
  const slots = Number(label.match(/(\d+) slots/)?.[1]);
  expect(label).toContain("slots of 1 ms");
  const jobs = await readJobs(page);
  const { timeline, states } = stcf(jobs, slots);

  // Diverge inside a run, after a second job has arrived: the instant the old card got wrong (it showed
  // the state at the last pick). Fall back to any instant inside a run.
  const insideRun = (t: number) => t > 0 && timeline[t] !== "idle" && timeline[t] === timeline[t - 1];
  const t =
    [...timeline.keys()].find((i) => insideRun(i) && states[i]!.waiting.length > 0) ??
    [...timeline.keys()].find(insideRun);
  expect(t, `no slot inside a run in ${timeline.join("")}`).toBeDefined();
  const at = t!;
  const wrong = jobs.find((j) => j.id !== timeline[at] && j.arrival <= at)?.id ?? "idle";
  await paint(
    page,
    timeline.map((s, i) => (i === at ? wrong : s)),
  );
  for (const input of await page.locator("input[inputmode='decimal']").all()) await input.fill("1");
  await page.getByRole("button", { name: "Submit answer" }).click();

  const card = page.getByTestId("first-divergence");
  await expect(card).toBeVisible();
  await expect(card).toContainText(`t = ${at} ms`);
  await expect(card.locator("caption")).toHaveText(`Runnable jobs at t = ${at} ms`);
  const expected = [
    {
      id: states[at]!.running!,
      left:
        jobs.find((j) => j.id === states[at]!.running)!.burst -
        timeline.slice(0, at).filter((s) => s === states[at]!.running).length,
      running: true,
    },
    ...states[at]!.waiting.map((w) => ({ ...w, running: false })),
  ];
  const rows = card.locator("tbody tr");
  await expect(rows).toHaveCount(expected.length);
  for (const [i, e] of expected.entries()) {
    const row = rows.nth(i);
    await expect(row.locator("th")).toHaveText(e.running ? `${e.id}(running)` : e.id);
    await expect(row.locator("td").first()).toHaveText(String(e.left));
  }
  // The sentence compares the same values, in words (no internal rule id).
  await expect(card).toContainText(`${expected[0]!.id} is running with ${expected[0]!.left} ms left`);
  await expect(card).not.toContainText("stcf-shortest-remaining");
});

/** Fills every answer part with something valid (the mock records it; correctness does not matter). */
async function answerAnything(form: Locator, page: Page): Promise<void> {
  for (const input of await form.locator("input[inputmode='decimal']").all()) await input.fill("1");
  for (const group of await form.locator("[data-part]").all()) {
    const radio = group.locator("input[type='radio'], input[type='checkbox']").first();
    if ((await radio.count()) > 0) await radio.check();
    // A fork-tree part: the first process's label, when it is asked, is its only process to label.
    for (const select of await group.locator("select").all()) await select.selectOption({ index: 1 });
    const grid = group.getByTestId("timeline-grid");
    if ((await grid.count()) > 0) {
      const slots = Number((await grid.getAttribute("aria-label"))?.match(/(\d+) slots/)?.[1]);
      const first = (await group.getByRole("rowheader").first().innerText()).trim();
      await grid.focus();
      await page.keyboard.press("Home");
      for (let s = 0; s < slots; s++) await page.keyboard.press(first.charAt(0));
    }
  }
}

async function expectConventionsShown(page: Page, sessionId: string): Promise<number> {
  const state = (await (await page.request.get(`/api/mock/${sessionId}`)).json()) as {
    question: { view: { title: string; conventions: string[] } } | null;
  };
  expect(state.question).not.toBeNull();
  const view = state.question!.view;
  await expect(page.getByRole("heading", { name: view.title, exact: true })).toBeVisible();
  const list = page.getByTestId("question-conventions");
  if (view.conventions.length > 0) await expect(list).toBeVisible();
  for (const c of view.conventions) await expect(list.getByText(c, { exact: true })).toBeVisible();
  return view.conventions.length;
}

test("a mock interview question shows its conventions, before and after answering", async ({ page }) => {
  await signUpFreshStudent(page, "mock-conventions");
  await page.goto("/mock");
  await page.getByLabel("15 minutes").check();
  await page.getByRole("button", { name: "Start mock interview" }).click();
  await expect(page).toHaveURL(/\/mock\/[A-Za-z0-9_-]+$/);
  const sessionId = page.url().split("/").pop()!;
  // Every mock opens with an explain prompt (e2e/mock-explain.spec.ts); pass it to reach the graded questions.
  for (const [step, body] of [
    ["explain", { text: "A typed explanation." }],
    ["assess", { covered: [] }],
  ] as const) {
    expect((await page.request.post(`/api/mock/${sessionId}/${step}`, { data: body })).status()).toBe(201);
  }
  await page.reload();
  await page.waitForLoadState("networkidle");

  // The mock draws its questions at random and concept questions state no conventions: answer until one
  // that has conventions comes up (each question is checked on the way), at most 12 questions. With 52 of
  // the 98 templates a mock may draw stating conventions, twelve without any has a chance near 1 in 9,000.
  let shown = await expectConventionsShown(page, sessionId);
  for (let answered = 1; shown === 0 && answered <= 12; answered++) {
    await answerAnything(page.locator("form[data-slot='answer-form']"), page);
    await page.getByRole("button", { name: "Record answer" }).click();
    await expect(page.getByTestId("mock-recorded")).toContainText(`Answer ${answered} recorded`);
    shown += await expectConventionsShown(page, sessionId);
  }
  expect(shown).toBeGreaterThan(0);
});
