import { expect, test } from "@playwright/test";
import { DEMO_INSTRUCTOR, signIn, signUpFreshStudent } from "./support";

// Issue #24: a lecturer defines a topic, files a question under it, and the students of their class
// see it in practice beside the eight built-in topics; a student outside the class does not.

test("an instructor creates a topic and files a question under it; a student in the class practises it", async ({
  browser,
}) => {
  const suffix = Date.now().toString(36);
  const topicName = `Week 5 lab ${suffix}`;
  const topicSlug = `week-5-lab-${suffix}`;

  const teacher = await browser.newPage();
  await signIn(teacher, DEMO_INSTRUCTOR);
  await teacher.goto("/teach/topics");
  const form = teacher.getByRole("form", { name: "New topic" });
  await form.getByLabel("Name").fill(topicName);
  await form.getByLabel(/^Slug/).fill("Not A Slug");
  await form.getByRole("button", { name: "Create topic" }).click();
  await expect(form.getByRole("alert")).toContainText(/kebab-case/);
  await form.getByLabel(/^Slug/).fill(topicSlug);
  await form.getByLabel("Description").fill("Questions from the week 5 lab");
  await form.getByRole("button", { name: "Create topic" }).click();
  await expect(teacher.getByTestId(`topic-${topicSlug}`)).toContainText(topicName);

  await teacher.goto("/teach/classes");
  const className = `Topics class ${suffix}`;
  await teacher.getByLabel("New class name").fill(className);
  await teacher.getByRole("button", { name: "Create class" }).click();
  await expect(teacher.getByRole("heading", { name: className })).toBeVisible();
  const code = (await teacher.getByTestId("join-code").innerText()).trim();

  await teacher.goto("/teach/questions/new");
  await teacher
    .getByRole("list", { name: "Examples" })
    .getByRole("link", { name: /^schedule: Round robin timeline/ })
    .click();
  await expect(teacher.getByRole("heading", { name: "New schedule question" })).toBeVisible();
  await teacher.getByLabel("Topic", { exact: true }).selectOption(topicSlug);
  const title = `Lab question ${suffix}`;
  await teacher.getByLabel("Title", { exact: true }).fill(title);
  await expect(teacher.getByTestId("live-ok")).toBeVisible();
  await teacher.getByRole("button", { name: "Create draft" }).click();
  await expect(teacher.getByRole("heading", { name: title })).toBeVisible();
  await teacher.getByRole("button", { name: "Publish" }).click();
  await expect(teacher.getByTestId("question-status")).toHaveText("published");

  const student = await browser.newPage();
  await signUpFreshStudent(student, "topics");
  await student.goto("/classes");
  await student.getByLabel("Join code").fill(code);
  await student.getByRole("button", { name: "Join class" }).click();
  await expect(student.getByText(`You joined ${className}.`)).toBeVisible();
  await student.goto("/practice");
  await student.getByRole("link", { name: topicName }).click();
  await expect(student.getByRole("heading", { name: topicName })).toBeVisible();
  await student
    .getByRole("list", { name: "Questions" })
    .getByRole("link", { name: new RegExp(title) })
    .click();
  await expect(student.getByRole("heading", { name: title })).toBeVisible();
  await expect(student.getByTestId("timeline-grid")).toBeVisible();

  // Outside the class the topic is neither listed nor reachable.
  const outsider = await browser.newPage();
  await signUpFreshStudent(outsider, "outsider");
  await outsider.goto("/practice");
  await expect(outsider.getByRole("heading", { name: "Practice" })).toBeVisible();
  await expect(outsider.getByRole("link", { name: topicName })).toHaveCount(0);
  expect((await outsider.goto(`/practice/${topicSlug}`))?.status()).toBe(404);
});
