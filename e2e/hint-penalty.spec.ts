import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { DEMO_INSTRUCTOR, e2eDatabasePath, signIn, signUpFreshStudent } from "./support";

// Issue #23, item 2: an instructor gives an assignment a hint penalty through the form; the student is
// told what a hint costs before opening it, and the count of opened hints is stored with the variant.

const SLUG = "sjf-vs-stcf-timeline";

function storedAssignment(title: string): { hintPenalty: number; hintPenaltyMax: number } {
  const db = new Database(e2eDatabasePath(), { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare(`SELECT hintPenalty, hintPenaltyMax FROM Assignment WHERE title = ? ORDER BY createdAt DESC LIMIT 1`)
      .get(title) as { hintPenalty: number; hintPenaltyMax: number };
  } finally {
    db.close();
  }
}

test("the instructor sets a hint penalty; the student sees its cost before revealing a hint", async ({ browser }) => {
  const title = `Hints cost ${Date.now()}`;
  const teacherContext = await browser.newContext();
  const teacher = await teacherContext.newPage();
  await signIn(teacher, DEMO_INSTRUCTOR);
  await teacher.goto("/teach/classes");
  const className = `Hint penalty ${Date.now()}`;
  await teacher.getByLabel("New class name").fill(className);
  await teacher.getByRole("button", { name: "Create class" }).click();
  await expect(teacher.getByRole("heading", { name: className })).toBeVisible();
  await teacher.waitForLoadState("networkidle");
  const code = (await teacher.getByTestId("join-code").innerText()).trim();
  await teacher.getByLabel("Title").fill(title);
  await teacher.getByLabel("Question slugs").fill(SLUG);
  await teacher.getByLabel(/^Hint penalty/).fill("10");
  await teacher.getByLabel(/^Most the hints may take off/).fill("25");
  await teacher.getByRole("button", { name: "Assign" }).click();
  await expect(teacher.getByRole("status")).toHaveText("Assigned.");
  await teacherContext.close();
  expect(storedAssignment(title)).toEqual({ hintPenalty: 0.1, hintPenaltyMax: 0.25 });

  const context = await browser.newContext();
  const student = await context.newPage();
  await signUpFreshStudent(student, "hintcost");
  await student.goto("/classes");
  await student.waitForLoadState("networkidle");
  await student.getByLabel("Join code").fill(code);
  await student.getByRole("button", { name: "Join class" }).click();
  await expect(student.getByText(/You joined/)).toBeVisible();
  await student.reload();
  await student.getByTestId("assignments").getByRole("link").first().click();
  await expect(student).toHaveURL(new RegExp(`/classes/a/[^/]+/${SLUG}$`));
  await expect(student.getByTestId("timeline-grid")).toBeVisible();
  await student.waitForLoadState("networkidle");

  await expect(student.getByTestId("assignment-rules")).toContainText(
    "Each hint you open takes 10% off that question's credit (at most 25%).",
  );
  // The warning is on the page before any hint is opened.
  const hints = student.getByRole("region", { name: "Hints" }).getByRole("listitem");
  await expect(hints).toHaveCount(0);
  const notice = student.getByTestId("hint-cost");
  await expect(notice).toContainText("opening this one takes 10% off this question's credit");
  await student.getByRole("button", { name: "Show a hint (costs credit)" }).click();
  await expect(hints).toHaveCount(1);
  // The next hint's cost follows the count already opened.
  await expect(notice).toContainText("(20% in total, at most 25%)");
  await context.close();
});
