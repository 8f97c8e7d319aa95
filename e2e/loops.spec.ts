import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { signUpFreshStudent } from "./support";

// Issue 20, "close the loops": every path a student or instructor takes ends somewhere useful.

/** Axe on the page as it stands: no serious or critical violation. */
async function expectNoSeriousAxe(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

type PartSpec =
  | { kind: "timeline"; id: string; slots: number; tasks: { id: string }[] }
  | { kind: "number"; id: string }
  | { kind: "order"; id: string; items: { id: string }[] }
  | { kind: "choice"; id: string; multiple?: boolean; options: { id: string }[] };

/** A well-formed (not necessarily right) answer to every part, built from the question's own view. */
function someAnswer(parts: PartSpec[]): Record<string, unknown> {
  const answer: Record<string, unknown> = {};
  for (const p of parts) {
    if (p.kind === "timeline") answer[p.id] = Array.from({ length: p.slots }, () => p.tasks[0]!.id);
    else if (p.kind === "number") answer[p.id] = "0";
    else if (p.kind === "order") answer[p.id] = p.items.map((i) => i.id);
    else answer[p.id] = p.multiple ? [p.options[0]!.id] : p.options[0]!.id;
  }
  return answer;
}

test("each row of a mock interview report opens its graded attempt", async ({ page }) => {
  await signUpFreshStudent(page, "loops-mock");
  const start = await page.request.post("/api/mock", { data: { minutes: 15 } });
  expect(start.status()).toBe(201);
  const { sessionId } = (await start.json()) as { sessionId: string };
  const state = (await (await page.request.get(`/api/mock/${sessionId}`)).json()) as {
    question: { itemId: string; view: { title: string; parts: PartSpec[] } };
  };
  const answered = await page.request.post(`/api/mock/${sessionId}/answer`, {
    data: { itemId: state.question.itemId, submissionId: `loops-${Date.now()}`, answer: { parts: someAnswer(state.question.view.parts) } },
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
  await expect(page.getByRole("heading", { name: /^Score: \d+%$/ })).toBeVisible();
});
