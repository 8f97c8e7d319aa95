import Database from "better-sqlite3";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { buildVariant, type QuestionTemplate } from "../lib/engine";
import { DEMO_INSTRUCTOR, e2eDatabasePath, fetchInPage, signIn, signUpFreshStudent } from "./support";

// Assessment mode in a real browser over real HTTP: an assignment that reveals references after its due
// date keeps the answer key out of every response until then, and tells the student when, in their own
// time zone; one that reveals after each attempt refuses a copied retry on the same variant.

const SLUG = "sjf-vs-stcf-timeline";

/** The server's answer key of a variant, rebuilt from its stored template version and seed. */
function keyTexts(variantId: string): string[] {
  const db = new Database(e2eDatabasePath(), { readonly: true, fileMustExist: true });
  try {
    const row = db
      .prepare(`SELECT v.seed, q.spec FROM Variant v JOIN QuestionVersion q ON q.id = v.versionId WHERE v.id = ?`)
      .get(variantId) as { seed: number; spec: string };
    const built = buildVariant(JSON.parse(row.spec) as QuestionTemplate, row.seed);
    if (!built.ok) throw new Error(`variant ${variantId} does not build`);
    // Timeline keys are long arrays: their JSON text cannot appear by chance.
    return Object.values(built.value.key.expected)
      .filter((v) => Array.isArray(v))
      .map((v) => JSON.stringify(v));
  } finally {
    db.close();
  }
}

function storedReport(attemptId: string): string {
  const db = new Database(e2eDatabasePath(), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare(`SELECT report FROM Attempt WHERE id = ?`).get(attemptId) as { report: string }).report;
  } finally {
    db.close();
  }
}

/** Paints every slot with the first task (valid, but wrong), as e2e/exercise.spec.ts does. */
async function paintAllFirstTask(page: Page): Promise<void> {
  const grid = page.getByTestId("timeline-grid");
  await expect(grid).toBeVisible();
  await page.waitForLoadState("networkidle");
  await grid.focus();
  const firstTask = (await page.getByRole("rowheader").first().innerText()).trim();
  const slots = Number((await grid.getAttribute("aria-label"))?.match(/(\d+) slots/)?.[1]);
  await page.keyboard.press("Home");
  for (let s = 0; s < slots; s++) await page.keyboard.press(firstTask.charAt(0));
}

/** A new class of the demo instructor with one assignment set through the form; returns the join code. */
async function classWithAssignment(
  browser: Browser,
  title: string,
  setRules: (page: Page) => Promise<void>,
): Promise<string> {
  // The instructor works in Tokyo: the due date typed in the form is Tokyo time.
  const context = await browser.newContext({ timezoneId: "Asia/Tokyo", locale: "en-US" });
  const teacher = await context.newPage();
  await signIn(teacher, DEMO_INSTRUCTOR);
  await teacher.goto("/teach/classes");
  const className = `Assessment ${Date.now()}`;
  await teacher.getByLabel("New class name").fill(className);
  await teacher.getByRole("button", { name: "Create class" }).click();
  await expect(teacher.getByRole("heading", { name: className })).toBeVisible();
  await teacher.waitForLoadState("networkidle");
  const code = (await teacher.getByTestId("join-code").innerText()).trim();
  await teacher.getByLabel("Title").fill(title);
  await teacher.getByLabel("Question slugs").fill(SLUG);
  await setRules(teacher);
  await teacher.getByRole("button", { name: "Assign" }).click();
  await expect(teacher.getByRole("status")).toHaveText("Assigned.");
  await context.close();
  return code;
}

async function joinAndOpen(page: Page, code: string): Promise<void> {
  await page.goto("/classes");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Join code").fill(code);
  await page.getByRole("button", { name: "Join class" }).click();
  await expect(page.getByText(/You joined/)).toBeVisible();
  await page.reload();
  await page.getByTestId("assignments").getByRole("link").first().click();
  await expect(page).toHaveURL(/\/classes\/a\/[^/]+\/sjf-vs-stcf-timeline$/);
}

test("reveal after the due date: the key reaches neither the grading response, the attempt APIs nor the history page, and the student reads when it will, in their zone", async ({
  browser,
}) => {
  const code = await classWithAssignment(browser, "Week 5 quiz", async (teacher) => {
    await teacher.getByLabel("Due (optional)").fill("2030-01-15T09:30");
    await teacher.getByLabel("Attempts per question (empty: unlimited)").fill("2");
    await teacher.getByLabel("Show references and explanations").selectOption("after-due");
  });

  // The student is in New York: 09:30 in Tokyo on the 15th is 19:30 on the 14th there.
  const context = await browser.newContext({ timezoneId: "America/New_York", locale: "en-US" });
  const student = await context.newPage();
  await signUpFreshStudent(student, "assessment");
  await joinAndOpen(student, code);
  const rules = student.getByTestId("assignment-rules");
  await expect(rules).toContainText("2 attempts per question.");
  await expect(rules).toContainText("References and explanations are shown after the due date");
  await expect(rules).toContainText("Attempts left: 2");

  await paintAllFirstTask(student);
  const [response] = await Promise.all([
    student.waitForResponse(
      (r) => /\/api\/variants\/[^/]+\/attempts$/.test(r.url()) && r.request().method() === "POST",
    ),
    student.getByRole("button", { name: "Submit answer" }).click(),
  ]);
  expect(response.status()).toBe(201);
  const graded = (await response.json()) as {
    attempt: { id: string; variantId: string; score: number; report: { reference: object } };
    explanation: string;
    reveal: object;
  };
  expect(graded.attempt.score).toBeLessThan(1);
  expect(graded.attempt.report.reference).toEqual({});
  expect(graded.explanation).toBe("");
  expect(graded.reveal).toEqual({ visible: false, at: "2030-01-15T00:30:00.000Z" });

  const keys = keyTexts(graded.attempt.variantId);
  expect(keys.length).toBeGreaterThan(0);
  // Positive control: the stored report holds the key, so the searches below would find it if sent.
  for (const key of keys) expect(storedReport(graded.attempt.id)).toContain(key);
  const bodies = [JSON.stringify(graded)];

  await expect(student.getByTestId("reference-hidden")).toHaveText("Reference hidden until Jan 14, 2030, 7:30 PM EST.");
  await expect(student.getByText("Worked explanation")).toHaveCount(0);
  await expect(student.getByText("Step through the reference schedule")).toHaveCount(0);
  // Nothing was revealed, so the same variant may be tried again, within the limit.
  await expect(student.getByRole("button", { name: "Try again (1 left)" })).toBeVisible();

  const list = await fetchInPage(student, `/api/variants/${graded.attempt.variantId}/attempts`);
  expect(list.status).toBe(200);
  expect(
    (JSON.parse(list.body) as { attempts: { report: { reference: object } }[] }).attempts[0]!.report.reference,
  ).toEqual({});
  const detail = await fetchInPage(student, `/api/attempts/${graded.attempt.id}`);
  expect(detail.status).toBe(200);
  expect(JSON.parse(detail.body)).toMatchObject({
    attempt: { revealed: false, explanation: "", report: { reference: {} } },
  });
  bodies.push(list.body, detail.body);

  await student.reload();
  await expect(student.getByTestId("reference-hidden")).toContainText("Reference hidden until");
  bodies.push(await student.content());
  await student.goto(`/history/${graded.attempt.id}`);
  await expect(student.getByTestId("reference-hidden")).toBeVisible();
  bodies.push(await student.content());

  // In page HTML the key may sit inside an escaped JSON string.
  for (const body of bodies)
    for (const key of keys)
      expect([body.includes(key), body.includes(key.replaceAll('"', '\\"'))]).toEqual([false, false]);
  await context.close();
});

test("reveal after each attempt: the reference is shown, a copied retry on that variant is refused, and the grade stays", async ({
  browser,
}) => {
  const code = await classWithAssignment(browser, "Practice quiz", async () => {});
  const context = await browser.newContext({ locale: "en-US" });
  const student = await context.newPage();
  await signUpFreshStudent(student, "assessment-copy");
  await joinAndOpen(student, code);
  await paintAllFirstTask(student);
  const [response] = await Promise.all([
    student.waitForResponse(
      (r) => /\/api\/variants\/[^/]+\/attempts$/.test(r.url()) && r.request().method() === "POST",
    ),
    student.getByRole("button", { name: "Submit answer" }).click(),
  ]);
  const graded = (await response.json()) as {
    attempt: { variantId: string; score: number; report: { reference: Record<string, unknown> } };
  };
  expect(Object.keys(graded.attempt.report.reference).length).toBeGreaterThan(0);
  await expect(student.getByText("Worked explanation")).toBeVisible();
  // No "Try again" on a revealed variant: only a new one.
  await expect(student.getByRole("button", { name: /Try again/ })).toHaveCount(0);
  await expect(student.getByRole("button", { name: "New variant" })).toBeVisible();

  const copy = await fetchInPage(student, `/api/variants/${graded.attempt.variantId}/attempts`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ submissionId: `copy${Date.now()}`, answer: { parts: graded.attempt.report.reference } }),
  });
  expect(copy.status).toBe(409);
  expect(copy.body).toContain("new variant");

  await student.goto("/classes");
  const percent = `${Math.round(graded.attempt.score * 100)}%`;
  await expect(student.getByTestId("assignment-grade")).toContainText(`grade ${percent}`);

  // Back on the question, the revealed variant is done: a new one is drawn, with a fresh answer form.
  await student.goBack();
  await expect(student.getByRole("button", { name: "Submit answer" })).toBeVisible();
  await expect(student.getByTestId("grade-result")).toHaveCount(0);
  const variants = (await fetchInPage(student, `/api/variants/${graded.attempt.variantId}/attempts`)).body;
  expect((JSON.parse(variants) as { attempts: unknown[] }).attempts).toHaveLength(1);
  await context.close();
});
