import { expect, test } from "@playwright/test";
import { DEMO_INSTRUCTOR, signIn, signUpFreshStudent } from "./support";

const SLUG = "sjf-vs-stcf-timeline";

test("an instructor assigns a question, a student joins and answers it wrongly, and the instructor sees the grouped wrong answer", async ({
  browser,
}) => {
  const teacher = await browser.newPage();
  await signIn(teacher, DEMO_INSTRUCTOR);
  await teacher.goto("/teach/classes");
  const className = `E2E class ${Date.now()}`;
  await teacher.getByLabel("New class name").fill(className);
  await teacher.getByRole("button", { name: "Create class" }).click();
  await expect(teacher.getByRole("heading", { name: className })).toBeVisible();
  const classUrl = teacher.url();
  const code = (await teacher.getByTestId("join-code").innerText()).trim();
  expect(code).toMatch(/^[A-Z0-9]{8}$/);

  // An unpublished or unknown slug is refused with a message naming the field.
  await teacher.getByLabel("Title").fill("Week 1");
  await teacher.getByLabel("Question slugs").fill("no-such-question");
  await teacher.getByRole("button", { name: "Assign" }).click();
  await expect(teacher.getByText(/not published questions: no-such-question/).first()).toBeVisible();
  await teacher.getByLabel("Question slugs").fill(SLUG);
  await teacher.getByRole("button", { name: "Assign" }).click();
  await expect(teacher.getByRole("status")).toHaveText("Assigned.");
  await expect(teacher.getByText(/Week 1/).first()).toBeVisible();

  const student = await browser.newPage();
  await signUpFreshStudent(student, "classes");
  await student.goto("/classes");
  await student.getByLabel("Join code").fill("WRONG222");
  await student.getByRole("button", { name: "Join class" }).click();
  await expect(student.getByText("no class has this join code")).toBeVisible();
  await student.getByLabel("Join code").fill(code.toLowerCase());
  await student.getByRole("button", { name: "Join class" }).click();
  await expect(student.getByText(`You joined ${className}.`)).toBeVisible();
  const assignments = student.getByTestId("assignments");
  await expect(assignments).toContainText("Week 1");
  await assignments.getByRole("link").first().click();

  // Paint every slot with the first task: a valid but wrong timeline.
  const grid = student.getByTestId("timeline-grid");
  await expect(grid).toBeVisible();
  const firstTask = (await student.getByRole("rowheader").first().innerText()).trim();
  const slots = Number((await grid.getAttribute("aria-label"))?.match(/(\d+) slots/)?.[1]);
  await grid.focus();
  await student.keyboard.press("Home");
  for (let s = 0; s < slots; s++) await student.keyboard.press(firstTask.charAt(0));
  await student.getByRole("button", { name: "Submit answer" }).click();
  const score = Number((await student.getByTestId("grade-score").innerText()).replace("%", ""));
  expect(score).toBeLessThan(100);

  // The class page counts the attempt; the question's analytics show it among the grouped wrong answers.
  await teacher.reload();
  await expect(teacher.getByRole("table", { name: "Assigned questions" })).toContainText("1");
  await teacher.getByRole("table", { name: "Assigned questions" }).getByRole("link", { name: "Analytics" }).click();
  // Scoped to the assignment the row belongs to, never to every user of the platform.
  await expect(teacher).toHaveURL(new RegExp(`/teach/analytics/${SLUG}\\?scope=assignment:`));
  const wrong = teacher.getByTestId("wrong-answers");
  await expect(wrong).toBeVisible();
  await expect(wrong.getByRole("listitem").first()).toContainText(/(at t=\d+ (ran|kept|left)|ran .+ instead of)/);
  await expect(teacher.getByTestId("question-stats")).not.toContainText(/Attempts\s*0\b/);

  // The instructor removes the student (after a confirmation, which can be cancelled) and deletes the
  // assignment; the student's /classes page then shows neither.
  await teacher.goto(classUrl);
  await teacher.waitForLoadState("networkidle");
  const students = teacher.getByRole("list", { name: "Students" });
  await expect(students).toContainText("Fresh Student");
  await students.getByRole("button", { name: "Remove Fresh Student" }).click();
  await expect(teacher.getByText(`Remove Fresh Student from ${className}? Their attempts are kept.`)).toBeVisible();
  await teacher.getByRole("button", { name: "Cancel" }).click();
  await expect(students).toContainText("Fresh Student");
  await students.getByRole("button", { name: "Remove Fresh Student" }).click();
  await teacher.getByRole("button", { name: "Yes, remove" }).click();
  await expect(teacher.getByRole("heading", { name: "Students (0)" })).toBeVisible();
  await expect(teacher.getByText("No students yet: give them the join code.")).toBeVisible();

  await teacher.getByRole("list", { name: "Assignments" }).getByRole("button", { name: "Delete Week 1" }).click();
  await teacher.getByRole("button", { name: "Yes, delete" }).click();
  await expect(teacher.getByRole("list", { name: "Assignments" })).toHaveCount(0);
  await expect(teacher.getByText("None yet.")).toBeVisible();

  await student.goto("/classes");
  await expect(student.getByRole("list", { name: "Your classes" })).toHaveCount(0);
  await expect(
    student.getByText("No assignments. Join a class with the code your instructor gives you."),
  ).toBeVisible();

  // A student is refused the instructor pages.
  await student.goto("/teach/classes");
  await expect(student.getByText(/403|forbidden|not allowed/i).first()).toBeVisible();
});
