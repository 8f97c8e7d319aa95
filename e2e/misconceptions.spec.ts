// Issue #21 in the browser: a non-preemptive SJF schedule submitted to an STCF question is named as
// that misconception, with the instant where SJF and STCF part ways and the remaining times compared
// there. Both schedules are computed here by hand from the workload table on the page.
import { expect, type Page, test } from "@playwright/test";
import { signUpFreshStudent } from "./support";

const STCF_SLUG = "stcf-timeline-and-metrics";

interface Job {
  id: string;
  arrival: number;
  burst: number;
  order: number;
}

async function readJobs(page: Page): Promise<Job[]> {
  const table = page.locator("table", { has: page.locator("caption", { hasText: "Workload" }) });
  const headers = (await table.locator("thead th").allInnerTexts()).map((h) => h.trim());
  const arrivalCol = headers.findIndex((h) => /^Arrival/.test(h));
  const burstCol = headers.findIndex((h) => /^CPU burst/.test(h));
  expect(arrivalCol).toBeGreaterThan(0);
  expect(burstCol).toBeGreaterThan(0);
  const rows = table.locator("tbody tr");
  const jobs: Job[] = [];
  for (let i = 0; i < (await rows.count()); i++) {
    const cells = (await rows.nth(i).locator("th, td").allInnerTexts()).map((c) => c.trim());
    jobs.push({ id: cells[0]!, arrival: Number(cells[arrivalCol]), burst: Number(cells[burstCol]), order: i });
  }
  return jobs;
}

/**
 * STCF (preemptive) or SJF (non-preemptive) 1 ms at a time, by the textbook rule: the ready job with the
 * least remaining time (SJF: decided only when the CPU is free); ties to the earlier arrival, then the
 * table order (the question's stated convention).
 */
function schedule(jobs: Job[], slots: number, preemptive: boolean): string[] {
  const left = new Map(jobs.map((j) => [j.id, j.burst]));
  const out: string[] = [];
  let running: string | null = null;
  const better = (a: Job, b: Job) => left.get(a.id)! - left.get(b.id)! || a.arrival - b.arrival || a.order - b.order;
  for (let t = 0; t < slots; t++) {
    if (running !== null && left.get(running)! <= 0) running = null;
    const best = jobs.filter((j) => j.arrival <= t && left.get(j.id)! > 0).sort(better)[0];
    if (best && (running === null || (preemptive && left.get(best.id)! < left.get(running)!))) running = best.id;
    out.push(running ?? "idle");
    if (running !== null) left.set(running, left.get(running)! - 1);
  }
  return out;
}

async function paint(page: Page, slots: string[]): Promise<void> {
  const grid = page.getByTestId("timeline-grid");
  await grid.focus();
  await page.keyboard.press("Home");
  for (const s of slots) await page.keyboard.press(s === "idle" ? "i" : s.charAt(0));
}

async function slotCount(page: Page): Promise<number> {
  const grid = page.getByTestId("timeline-grid");
  await expect(grid).toBeVisible();
  await page.waitForLoadState("networkidle");
  return Number(((await grid.getAttribute("aria-label")) ?? "").match(/(\d+) slots/)?.[1]);
}

test("a non-preemptive SJF schedule for an STCF question names the misconception and where it parts from STCF", async ({
  page,
}) => {
  await signUpFreshStudent(page, "misconception");
  await page.goto(`/practice/q/${STCF_SLUG}`);

  // Draw variants until SJF and STCF differ on this workload (most do; the loop is bounded).
  let jobs: Job[] = [];
  let stcf: string[] = [];
  let sjf: string[] = [];
  for (let attempt = 0; attempt < 8; attempt++) {
    const slots = await slotCount(page);
    jobs = await readJobs(page);
    stcf = schedule(jobs, slots, true);
    sjf = schedule(jobs, slots, false);
    if (sjf.some((s, i) => s !== stcf[i])) break;
    await paint(page, stcf);
    for (const input of await page.locator("input[inputmode='decimal']").all()) await input.fill("999");
    await page.getByRole("button", { name: "Submit answer" }).click();
    await page.getByRole("button", { name: "New variant" }).click();
    await expect(page.getByTestId("grade-result")).toHaveCount(0);
  }
  const at = sjf.findIndex((s, i) => s !== stcf[i]);
  expect(at, `SJF equals STCF on every variant drawn (${stcf.join("")})`).toBeGreaterThan(0);

  await paint(page, sjf);
  // Numbers no metric of these small workloads can equal, so only the timeline names a mistake.
  for (const input of await page.locator("input[inputmode='decimal']").all()) await input.fill("999");
  await page.getByRole("button", { name: "Submit answer" }).click();

  const card = page.locator("[data-testid='misconception'][data-misconception='sjf-for-stcf']");
  await expect(card).toBeVisible();
  await expect(card.getByTestId("misconception-name")).toHaveText("Non-preemptive SJF instead of STCF");
  await expect(card.getByTestId("misconception-time")).toContainText(`t = ${at} ms`);
  await expect(card).toContainText("Your schedule is exactly non-preemptive SJF.");
  // At the parting instant STCF runs the newcomer with its whole burst left; SJF keeps the running job,
  // whose remaining time is its burst minus the slots it has run.
  const preempting = jobs.find((j) => j.id === stcf[at])!;
  const kept = jobs.find((j) => j.id === sjf[at])!;
  const keptLeft = kept.burst - sjf.slice(0, at).filter((s) => s === kept.id).length;
  await expect(card).toContainText(
    `At t=${at} ms ${preempting.id} runs (${preempting.burst} ms left); your timeline keeps ${kept.id} (${keptLeft} ms left).`,
  );
  // The named mistake comes before the raw first-difference card.
  const misconceptionBox = await card.boundingBox();
  const divergenceBox = await page.getByTestId("first-divergence").boundingBox();
  expect(misconceptionBox!.y).toBeLessThan(divergenceBox!.y);
});
