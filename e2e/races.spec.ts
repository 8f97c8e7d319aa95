import { expect, type Locator, type Page, test } from "@playwright/test";
import { runOstepX86 } from "@/lib/engine/ostep";
import { expectNoSeriousAxe } from "./support";

// The "Races and locks" widgets of lesson 1, moved by keyboard and pointer in Chromium. Expected values
// come from reasoning about the instructions or from the x86.py port, not from the race model the
// widgets run.

const widget = (page: Page, title: string): Locator => page.locator(`section[aria-label="Interactive: ${title}"]`);

async function open(page: Page) {
  await page.goto("/learn/processes-threads");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
}

test("the count++ stepper loses an update when thread 0 is interrupted after its load, and not when run apart", async ({
  page,
}) => {
  await open(page);
  const w = widget(page, "Step two threads through count++");
  const next = w.getByRole("button", { name: "Next step" });
  // Controls stay disabled until hydrated, so each click below is seen by React.
  for (let i = 0; i < 6; i++) await next.click();
  await expect(next).toBeDisabled();
  // Both threads loaded 0: thread 1 stores 1, then thread 0 adds 1 to its stale 0 and stores 1 again.
  await expect(w.getByTestId("count-race-verdict")).toContainText("Lost update: 2 increments stored but count = 1");
  await expect(w.getByLabel("Thread 0", { exact: true })).toContainText("%ax = 1");
  await expect(w.getByLabel("Thread 1", { exact: true })).toContainText("%ax = 1");

  // Back one step by keyboard: thread 0 has not stored yet, so nothing is lost so far.
  await w.getByRole("button", { name: "Back" }).focus();
  await page.keyboard.press("Enter");
  await expect(w.getByTestId("count-race-verdict")).toHaveText("No update lost so far.");

  // My own interleaving: thread 0 runs its three instructions, then thread 1.
  await w.getByLabel("Interleaving").selectOption("own");
  for (const t of [0, 0, 0, 1, 1, 1]) await w.getByRole("button", { name: `Run thread ${t}` }).click();
  await expect(w.getByRole("button", { name: "Run thread 1" })).toBeDisabled();
  await expect(w.getByTestId("count-race-verdict")).toHaveText(
    "count = 2: the increments did not overlap, so both count.",
  );
  await expect(w.getByLabel("Thread 1", { exact: true })).toContainText("%ax = 2");
});

test("the interrupt slider's final count matches x86.py run with the same -i", async ({ page }) => {
  await open(page);
  const w = widget(page, "Where the interrupts fall");
  const interval = w.getByLabel("Interrupt every (-i)");
  await expect(interval).toBeEnabled();
  await expect(w.getByLabel("Loops per thread (%bx)")).toHaveValue("2");
  // OSTEP's own looping-race-nolock.s (count at address 2000), run by the x86.py port.
  const source = [
    ".top",
    "mov 2000, %ax",
    "add $1, %ax",
    "mov %ax, 2000",
    "sub $1, %bx",
    "test $0, %bx",
    "jgt .top",
    "halt",
  ];
  const x86Final = (i: number) => {
    const run = runOstepX86(
      ["-p", "prog.s", "-t", "2", "-i", String(i), "-a", "bx=2,bx=2", "-M", "2000", "-c"],
      { readProgram: () => source.join("\n") },
      "intro",
    );
    expect(run.exitCode).toBe(0);
    return Number(run.stdout.trimEnd().split("\n").at(-1)!.trim().split(/\s+/)[0]);
  };
  // Home is -i 1; each ArrowRight adds one instruction to the interval.
  await interval.focus();
  await page.keyboard.press("Home");
  const seen = new Set<number>();
  for (let i = 1; i <= 8; i++) {
    await expect(interval).toHaveValue(String(i));
    const expected = x86Final(i);
    seen.add(expected);
    await expect(w.getByTestId("interrupt-race-verdict")).toContainText(`count = ${expected}`);
    await page.keyboard.press("ArrowRight");
  }
  // Some interval loses an update and some does not, so the widget is really showing a difference.
  expect([...seen].some((v) => v < 4)).toBe(true);
  expect(seen.has(4)).toBe(true);
});

test("the lock picker finds two threads inside the flag lock and none inside test-and-set or Peterson", async ({
  page,
}) => {
  await open(page);
  const w = widget(page, "Does the lock exclude?");
  const lock = w.getByLabel("Lock", { exact: true });
  await lock.selectOption("naive");
  await expect(w.getByTestId("lock-picker-verdict")).toContainText("threads 0 and 1 are both inside");
  // The breaking interleaving: both threads read the flag as 0 before either sets it.
  const steps = w.getByLabel("Interleaving that breaks mutual exclusion").locator("li");
  await expect(steps.filter({ hasText: "T0: mov lock, %ax" })).toHaveCount(1);
  await expect(steps.filter({ hasText: "T1: mov lock, %ax" })).toHaveCount(1);
  await lock.selectOption("none");
  await expect(w.getByTestId("lock-picker-verdict")).toContainText("Violated");
  for (const kind of ["tas", "ttas", "ticket", "peterson", "yield"]) {
    await lock.selectOption(kind);
    await expect(w.getByTestId("lock-picker-verdict"), kind).toContainText("Holds: in all");
    await expect(w.getByLabel("Interleaving that breaks mutual exclusion")).toHaveCount(0);
  }
});

test("the deadlock finder shows the A/B wait-for cycle, and none when both threads take the same order", async ({
  page,
}) => {
  await open(page);
  const w = widget(page, "Find the deadlock");
  await w.getByLabel("Thread 0", { exact: true }).selectOption("ab");
  await w.getByLabel("Thread 1", { exact: true }).selectOption("ba");
  const verdict = w.getByTestId("deadlock-verdict");
  // Thread 0 holds A and wants B; thread 1 holds B and wants A.
  await expect(verdict).toContainText("thread 0 waits for B, held by thread 1");
  await expect(verdict).toContainText("thread 1 waits for A, held by thread 0");
  // The shortest deadlock: each thread takes its first lock, two instructions.
  await expect(verdict).toContainText("Deadlock after 2 instructions");
  await w.getByLabel("Thread 1", { exact: true }).selectOption("ab");
  await expect(verdict).toContainText("None: lock ordering");
  await expect(w.getByLabel("Interleaving that deadlocks")).toHaveCount(0);
  await w.getByLabel("Thread 1", { exact: true }).selectOption("ba");
  await expect(w.getByLabel("Interleaving that deadlocks")).toBeVisible();
  await expectNoSeriousAxe(page);
});
