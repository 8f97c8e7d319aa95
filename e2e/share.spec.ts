import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import AxeBuilder from "@axe-core/playwright";
import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { MAX_SHARED_GRADES_PER_SOURCE } from "@/lib/validation/print";
import { BASE_URL, DEMO_INSTRUCTOR, signIn } from "./support";

// A shared practice question: made by an instructor, answered by a visitor without an account (in the
// page and embedded in another site's page), graded on the server with the key sent only afterwards,
// and anonymous grading limited per source address. Tests run in order: the limit is spent last.
test.describe.configure({ mode: "serial" });

const SLUG = "sjf-vs-stcf-timeline";
let code = "";

async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

interface View {
  parts: { id: string; kind: string; slots?: number; tasks?: { id: string }[] }[];
}

async function sharedView(request: APIRequestContext): Promise<View> {
  const response = await request.get(`/api/shared/${code}`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { view: View }).view;
}

/** Every slot painted with the first task: a valid answer that is (for this question) wrong. */
function firstTaskAnswer(view: View) {
  return { parts: Object.fromEntries(view.parts.map((p) => [p.id, Array(p.slots).fill(p.tasks![0]!.id)])) };
}

async function gradeOnce(request: APIRequestContext, answer: unknown) {
  return request.post(`/api/shared/${code}/grade`, { data: { answer } });
}

test("an instructor makes a public link, and a signed-out visitor answers it and gets graded", async ({
  page,
  browser,
}) => {
  // Two axe runs and a keyboard-painted timeline: slow on a busy 2-core machine.
  test.setTimeout(150_000);
  await signIn(page, DEMO_INSTRUCTOR);
  await page.goto("/teach/print");
  await page.getByLabel("Question slug").fill(SLUG);
  await page.getByRole("button", { name: "Make a public link" }).click();
  const link = (await page.getByTestId("share-link").getAttribute("href"))!;
  code = new URL(link).pathname.split("/").at(-1)!;
  await expect(page.getByTestId("share-embed")).toHaveValue(new RegExp(`<iframe src="[^"]*/embed/${code}"`));

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(new URL(link).pathname);
  expect((await visitor.context().cookies()).filter((c) => c.name.includes("session-token"))).toEqual([]);
  const grid = visitor.getByTestId("timeline-grid");
  await expect(grid).toBeVisible();
  await visitor.waitForLoadState("networkidle");
  await expectAccessible(visitor);
  // Paint every slot with the first task, from the keyboard.
  await grid.focus();
  const firstTask = (await visitor.getByRole("rowheader").first().innerText()).trim();
  const slots = Number((await grid.getAttribute("aria-label"))?.match(/(\d+) slots/)?.[1]);
  expect(slots).toBeGreaterThan(0);
  await visitor.keyboard.press("Home");
  for (let s = 0; s < slots; s++) await visitor.keyboard.press(firstTask.charAt(0));
  await visitor.getByRole("button", { name: "Check my answer" }).click();
  const result = visitor.getByTestId("grade-result");
  await expect(result).toBeVisible();
  await expect(result.locator("h2:focus, h3:focus")).toHaveCount(1);
  await expect(result.getByRole("figure", { name: /Reference/ }).first()).toBeVisible();
  await expectAccessible(visitor);
  await visitor.context().close();
});

test("the question embeds in another site's page; the ordinary pages refuse to be framed", async ({ browser }) => {
  test.setTimeout(120_000);
  // The course page: another origin (another port), served for real so the browser applies the frame rules.
  const course = createServer((_request, response) => {
    response.setHeader("content-type", "text/html");
    response.end(
      `<!doctype html><title>Course</title><h1>Week 3</h1><iframe id="embed" title="Practice" src="${BASE_URL}/embed/${code}" width="900" height="900"></iframe><iframe id="page" title="Page" src="${BASE_URL}/s/${code}" width="900" height="300"></iframe>`,
    );
  });
  await new Promise<void>((resolve) => course.listen(0, "127.0.0.1", resolve));
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const framed = page.waitForResponse((r) => r.url().endsWith(`/s/${code}`));
    await page.goto(`http://127.0.0.1:${(course.address() as AddressInfo).port}/week3`);
    await expect(page.frameLocator("#embed").getByTestId("shared-question")).toBeVisible();
    await expect(page.frameLocator("#embed").getByTestId("timeline-grid")).toBeVisible();
    const refused = await framed;
    expect(refused.headers()["x-frame-options"]).toBe("DENY");
    expect(refused.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    await expect(page.frameLocator("#page").getByTestId("shared-question")).toHaveCount(0);
    // The embed page on its own: the question without the site's header, accessible.
    await page.goto(`/embed/${code}`);
    await expect(page.getByTestId("timeline-grid")).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
    await expectAccessible(page);
  } finally {
    await context.close();
    course.close();
  }
});

test("over HTTP: the pages carry the question but not its key, which comes only with a graded answer", async ({
  request,
}) => {
  const before = [
    await (await request.get(`/s/${code}`)).text(),
    await (await request.get(`/embed/${code}`)).text(),
    await (await request.get(`/api/shared/${code}`)).text(),
  ];
  const embedResponse = await request.get(`/embed/${code}`);
  expect(embedResponse.headers()["x-frame-options"]).toBeUndefined();
  expect(embedResponse.headers()["content-security-policy"]).toContain("frame-ancestors *");
  // Sharing needs an account.
  expect((await request.post("/api/shared", { data: { slug: SLUG } })).status()).toBe(401);

  const view = await sharedView(request);
  const part = view.parts.find((p) => p.kind === "timeline")!;
  const graded = await gradeOnce(request, firstTaskAnswer(view));
  expect(graded.status()).toBe(200);
  const body = (await graded.json()) as {
    report: { reference: Record<string, (string | null)[]> };
    explanation: string;
  };
  const reference = body.report.reference[part.id]!;
  expect(reference).toHaveLength(part.slots!);
  // Neither page nor the view held the reference schedule or the worked explanation before the answer was sent.
  const longestPhrase = body.explanation.match(/[A-Za-z][A-Za-z ,]{24,}/g)!.sort((a, b) => b.length - a.length)[0]!;
  for (const text of before) {
    expect(text).not.toContain(longestPhrase);
    expect(text).not.toContain(JSON.stringify(reference));
    expect(text).not.toContain(JSON.stringify(reference).replaceAll('"', '\\"'));
    expect(text).not.toMatch(/\\?"(expected|reference|explanation)\\?"/);
  }
  // Malformed answers are refused with the part named, and an unknown code is missing.
  const bad = await gradeOnce(request, { parts: { [part.id]: ["no-such-task"] } });
  expect(bad.status()).toBe(400);
  expect(((await bad.json()) as { error: { message: string } }).error.message).toContain(part.id);
  expect((await request.post("/api/shared/ZZZZZZZZ/grade", { data: { answer: { parts: {} } } })).status()).toBe(404);
});

test("over HTTP: anonymous grading stops at the per-address limit with 429", async ({ request }) => {
  const answer = firstTaskAnswer(await sharedView(request));
  const statuses: number[] = [];
  for (let i = 0; i <= MAX_SHARED_GRADES_PER_SOURCE; i++) {
    const response = await gradeOnce(request, answer);
    statuses.push(response.status());
    if (response.status() === 429) {
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("RATE_LIMITED");
      break;
    }
  }
  // Earlier tests in this file graded from this address too, so the limit may come a little sooner.
  expect(statuses.at(-1)).toBe(429);
  expect(statuses.slice(0, -1).every((s) => s === 200)).toBe(true);
  expect(statuses.length).toBeGreaterThan(MAX_SHARED_GRADES_PER_SOURCE - 5);
  // Still refused: the limit holds for the window.
  expect((await gradeOnce(request, answer)).status()).toBe(429);
});
