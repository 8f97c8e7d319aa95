import { expect, test } from "@playwright/test";
import { DEMO_INSTRUCTOR, signIn } from "./support";

// Issue #24: a lecturer builds "MLFQ with I/O" in the editor with constraints so every variant has I/O,
// a demotion and a boost; the self-test shows the spread of difficulty; the server accepts the draft.
const MLFQ_WITH_IO = {
  policy: { name: "mlfq", quanta: [2, 4], boostPeriod: 16 },
  tasks: 3,
  cpuBurst: [2, 9],
  ioBurst: [1, 4],
  burstsPerTask: [1, 3],
  arrivalSpread: 6,
  slotMs: 1,
  constraints: ["io >= 1", "demotions >= 1", "promotions >= 1 && boostMatters", "between(slots, 12, 40)"],
};

test("a lecturer states constraints for MLFQ with I/O, sees the difficulty spread and saves the question", async ({
  page,
}) => {
  await signIn(page, DEMO_INSTRUCTOR);
  await page.goto("/teach/questions/new");
  await page
    .getByRole("list", { name: "Examples" })
    .getByRole("link", { name: /^schedule: Round robin timeline/ })
    .click();
  await expect(page.getByRole("heading", { name: "New schedule question" })).toBeVisible();

  const generator = page.getByLabel(/^Generator/);
  // A misspelt measure is refused live, naming the constraint and the names that exist.
  await generator.fill(JSON.stringify({ ...MLFQ_WITH_IO, constraints: ["demotion >= 1"] }, null, 2));
  await expect(page.getByTestId("live-errors")).toBeVisible();
  await expect(page.getByTestId("error-generator")).toContainText(
    'generator.constraints[0]: "demotion >= 1" unknown name "demotion"',
  );
  await expect(page.getByTestId("error-generator")).toContainText("demotions");

  await generator.fill(JSON.stringify(MLFQ_WITH_IO, null, 2));
  await page
    .getByLabel("Prompt (Markdown; {{name}} placeholders)")
    .fill("Paint the MLFQ schedule of the jobs below (I/O included), one slot per {{slotMs}} ms.");
  await expect(page.getByTestId("live-ok")).toBeVisible();

  // An image uploaded with the question: alt text is required, then it shows under the prompt in the preview.
  const png = Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
    "base64",
  );
  await page.getByLabel(/^Add an image/).setInputFiles({ name: "MLFQ Levels.png", mimeType: "image/png", buffer: png });
  await expect(page.getByTestId("editor-image")).toContainText("mlfq-levels.png");
  await expect(page.getByTestId("error-images")).toContainText("images[0].alt");
  await page.getByLabel("Alt text for mlfq-levels.png").fill("Three MLFQ queues, top to bottom");
  await expect(page.getByTestId("live-ok")).toBeVisible();

  const preview = page.getByTestId("preview");
  await expect(preview.getByRole("img", { name: "Three MLFQ queues, top to bottom" })).toBeVisible();
  await expect(preview.getByTestId("timeline-grid")).toBeVisible();
  await preview.getByText("Reference answer").click();
  await expect(preview.getByTestId("preview-reference").getByTestId("grade-score")).toHaveText("100%");

  await page.getByRole("button", { name: "Self-test" }).click();
  await expect(page.getByTestId("self-test-result")).toContainText("Self-test passed");
  const spread = page.getByTestId("difficulty-spread");
  await expect(spread).toContainText("Difficulty over 50 variants");
  const slots = (await spread.getByTestId("spread-slots-summary").innerText()).match(
    /min (\d+) · median ([\d.]+) · max (\d+)/,
  );
  expect(slots).not.toBeNull();
  expect(Number(slots![1])).toBeGreaterThanOrEqual(12);
  expect(Number(slots![3])).toBeLessThanOrEqual(40);
  expect(Number(slots![1])).toBeLessThan(Number(slots![3]));
  await expect(spread.getByTestId("spread-decisions-summary")).toHaveText(/min \d+ · median [\d.]+ · max \d+/);
  await expect(spread.getByTestId("spread-preemptions-summary")).toHaveText(/min [1-9]\d* · median/);

  const title = `E2E MLFQ with I/O ${Date.now().toString(36)}`;
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Slug").fill(`e2e-mlfq-io-${Date.now().toString(36)}`);
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page).toHaveURL(/\/teach\/questions\/[a-z0-9]+/);
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  // The server ran its own self-test on the constraints and kept them, and the image with the question.
  await expect(page.getByLabel(/^Generator/)).toHaveValue(/"between\(slots, 12, 40\)"/);
  await expect(page.getByLabel("Alt text for mlfq-levels.png")).toHaveValue("Three MLFQ queues, top to bottom");
});
