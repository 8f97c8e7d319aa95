import { expect, type Locator, type Page, test } from "@playwright/test";
import { expectNoSeriousAxe } from "./support";

// The "Several CPUs" widgets of the fair-scheduler lesson, moved by keyboard and pointer in Chromium. The
// expectations are invariants any correct multi-CPU schedule must meet (a pinned task runs only on its
// CPU; busy time adds up to the work given) or schedules reasoned out by hand in the comments, never
// values re-computed by the engine the widgets run.

const widget = (page: Page, title: string): Locator => page.locator(`section[aria-label="Interactive: ${title}"]`);
/** The value shown under a Stat's label. */
const stat = (scope: Locator, label: string): Locator =>
  scope.getByText(label, { exact: true }).locator("xpath=following-sibling::div[1]");
const ms = async (l: Locator): Promise<number> => Number((await l.innerText()).replace(/ ms$/, ""));

async function open(page: Page) {
  await page.goto("/learn/linux-fair-scheduler");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
}

/** Start and end of every bar of a task in one CPU's row, read from the bars' tooltips. */
async function bars(scope: Locator, cpu: number, task: string): Promise<[number, number][]> {
  const titles = await scope.locator(`[data-testid="cpu-row-${cpu}"] g[data-task="${task}"] title`).allTextContents();
  return titles.map((t) => {
    const m = /: ([\d.]+)–([\d.]+) ms/.exec(t);
    expect(m, t).not.toBeNull();
    return [Number(m![1]), Number(m![2])];
  });
}

test("pinning A to CPU 1 keeps every slice of A in CPU 1's row, and the migration cost is charged per listed move", async ({
  page,
}) => {
  await open(page);
  const w = widget(page, "Affinity and migration");
  await expect(w.getByRole("slider", { name: "CPUs" })).toHaveValue("3");
  const a = w.getByRole("group", { name: "Task A may run on" });
  await expect(a.getByLabel("CPU 0")).toBeEnabled();
  await a.getByLabel("CPU 0").click();
  // By keyboard: Space toggles a focused checkbox.
  await a.getByLabel("CPU 2").focus();
  await page.keyboard.press("Space");
  await expect(a.getByLabel("CPU 2")).not.toBeChecked();

  await expect(w.locator('[data-testid="cpu-row-0"] g[data-task="A"]')).toHaveCount(0);
  await expect(w.locator('[data-testid="cpu-row-2"] g[data-task="A"]')).toHaveCount(0);
  // A's bursts are 4 + 4 + 4 ms; a task that never moves pays no migration cost, so its bars on CPU 1
  // add up to exactly that.
  const onOne = await bars(w, 1, "A");
  expect(onOne.length).toBeGreaterThan(0);
  expect(onOne.reduce((s, [from, to]) => s + (to - from), 0)).toBeCloseTo(12, 6);
  const moves = w.getByRole("list", { name: "Migrations, with the engine's reason" }).getByRole("listitem");
  await expect(moves.filter({ hasText: / A CPU / })).toHaveCount(0);

  // Each listed move costs the slider's price: 0 ms at the bottom, 2 ms × moves at the top. The top is the
  // 2 ms quantum, so each cost is paid in full by the slice after the move (round-robin preempts only at
  // the quantum), and no task here is moved twice while queued (which would pay once).
  const cost = w.getByLabel("Migration cost");
  await cost.focus();
  await page.keyboard.press("Home");
  await expect(cost).toHaveValue("0");
  await expect(stat(w, "Time spent migrating")).toHaveText("0 ms");
  await page.keyboard.press("End");
  await expect(cost).toHaveValue("2");
  const n = await moves.count();
  await expect(stat(w, "Migrations")).toHaveText(String(n));
  await expect(stat(w, "Time spent migrating")).toHaveText(`${2 * n} ms`);
  // Every move still keeps A home, and lands on a CPU that exists.
  for (const line of await moves.allTextContents()) {
    expect(line).not.toMatch(/ A CPU /);
    expect(Number(/→ CPU (\d+)/.exec(line)![1])).toBeLessThan(3);
  }

  // An empty mask is refused as sched_setaffinity refuses it.
  await a.getByLabel("CPU 1").click();
  await expect(w.getByRole("alert")).toContainText("EINVAL");
  await a.getByLabel("CPU 1").click();
  await expect(w.getByRole("alert")).toHaveCount(0);

  // Two CPUs: the third row and the third checkbox go; A still runs only on CPU 1.
  const cpus = w.getByRole("slider", { name: "CPUs" });
  await cpus.focus();
  await page.keyboard.press("Home");
  await expect(cpus).toHaveValue("2");
  await expect(w.locator('[data-testid="cpu-row-2"]')).toHaveCount(0);
  await expect(a.getByRole("checkbox")).toHaveCount(2);
  await expect(w.locator('[data-testid="cpu-row-0"] g[data-task="A"]')).toHaveCount(0);
  expect((await bars(w, 1, "A")).reduce((s, [from, to]) => s + (to - from), 0)).toBeCloseTo(12, 6);
  await expectNoSeriousAxe(page);
});

test("the shared queue migrates where per-CPU queues do not, and the balance interval decides whether C moves", async ({
  page,
}) => {
  await open(page);
  const w = widget(page, "One queue or one per CPU");
  const single = w.getByRole("region", { name: "Single shared queue" });
  const perCpu = w.getByRole("region", { name: "Per-CPU queues" });
  const movesOf = (run: Locator, name: string) =>
    run.getByRole("list", { name: `Migrations, ${name}` }).getByRole("listitem");
  const work = 12 + 12 + 3 + 3 + 6;

  // Busy time adds up to the work given (no migration cost here) on both runs: utilisation × end time.
  async function busyTotal(run: Locator): Promise<number> {
    const end = await ms(stat(run, "All done at"));
    let sum = 0;
    for (const cpu of [0, 1])
      sum += (Number((await stat(run, `CPU ${cpu} busy`).innerText()).replace("%", "")) / 100) * end;
    return sum;
  }

  const interval = w.getByLabel("Balance interval (per-CPU queues)");
  await expect(interval).toBeEnabled();
  await interval.focus();
  await page.keyboard.press("Home");
  await expect(interval).toHaveValue("1");

  // Shared queue: nothing is ever idle while work waits, and the tail is A and B together, so the run
  // ends at work / 2 CPUs; every move is a CPU taking a thread last run on the other one.
  await expect(stat(single, "All done at")).toHaveText(`${work / 2} ms`);
  const singleMoves = movesOf(single, "Single shared queue");
  const shared = await singleMoves.count();
  expect(shared).toBeGreaterThan(0);
  for (const line of await singleMoves.allTextContents()) expect(line).toContain("(shared-queue)");

  // Per-CPU queues, balancing every 1 ms. A new task goes to an idle CPU, else to the one with the fewest
  // tasks (ties to CPU 0): A and C to CPU 0, B and D to CPU 1, and E, arriving at 1 to a 2-2 split, to
  // CPU 0. Round-robin on CPU 1 runs B 0–2, D 2–4, B 4–6, D 6–7: D is done at 7. At the 7 ms pass CPU 0
  // holds 3 threads and CPU 1 one; 100 × 3 > 117 × 1 and ⌊(3 − 1) / 2⌋ = 1 queued thread moves: C, queued
  // longest. Before 7 the split is 3 to 2, and ⌊(3 − 2) / 2⌋ = 0 threads move.
  const perMoves = movesOf(perCpu, "Per-CPU queues");
  await expect(perMoves).toHaveCount(1);
  await expect(perMoves).toHaveText("7 ms: C CPU 0 → CPU 1 (balance)");

  // Every 20 ms: the only passes are at 0 (a 2-2 split, nothing to move) and 20, so C stays; the
  // shared-queue run does not depend on the interval.
  await page.keyboard.press("End");
  await expect(interval).toHaveValue("20");
  await expect(perCpu.getByText("No migrations")).toBeVisible();
  await expect(singleMoves).toHaveCount(shared);
  for (const run of [single, perCpu]) expect(await busyTotal(run)).toBeCloseTo(work, 0);
  // Without the move CPU 1 idles at the end, so per-CPU queues finish later than the shared one.
  expect(await ms(stat(perCpu, "All done at"))).toBeGreaterThan(work / 2);
  await expectNoSeriousAxe(page);
});
