import { expect, test } from "@playwright/test";
import { expectNoSeriousAxe, signUpFreshStudent } from "./support";

// Issue 23, readiness: a student sets the day of their interview and the dashboard says how ready they are
// per topic and what to study next, and why.
test("a student sets an interview date and sees readiness per topic and what to study next", async ({ page }) => {
  await signUpFreshStudent(page, "readiness");
  await page.goto("/dashboard");
  const card = page.getByTestId("readiness");
  await expect(card).toContainText("Set the day of your interview");

  const inTwoWeeks = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  await card.getByLabel("Interview date").fill(inTwoWeeks);
  await card.getByRole("button", { name: "Save date" }).click();

  // 14 days ahead in UTC; the day count is whole days from now to that midnight.
  await expect(page.getByTestId("readiness-summary")).toContainText(/1[34] days to go\./);
  const next = page.getByTestId("study-next");
  await expect(next).toContainText("Study next:");
  await expect(next).toContainText("You have not practised");
  await expect(next.getByRole("link", { name: "Practise" })).toHaveAttribute("href", /^\/practice\/[a-z-]+$/);
  const table = page.getByRole("table", { name: "Readiness by topic" });
  await expect(table.getByRole("row")).toHaveCount(9);
  await expect(card.getByLabel("Interview date")).toHaveValue(inTwoWeeks);

  // A day in the past is refused with the field named, and the saved date stays.
  await card.getByLabel("Interview date").fill("2000-01-01");
  await card.getByRole("button", { name: "Save date" }).click();
  await expect(card.getByRole("alert")).toContainText("interviewDate is in the past");
  await expectNoSeriousAxe(page);
});
