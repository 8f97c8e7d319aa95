// Issue #14, item 6 in the browser: a fork-tree answer built with the keyboard (right, 100%) and one
// built with the pointer (a process missing, partial credit, the first wrong branch named and both
// trees drawn). The true trees are worked out here from the program on the page, not by the engine.
import { expect, type Page, test } from "@playwright/test";
import { signUpFreshStudent } from "./support";

interface Want {
  /** Label text as the options read it ("fork() #2 (line 8)", "child 1", "(prints nothing)"). */
  label: string;
  children: Want[];
}

async function programOnPage(page: Page): Promise<string> {
  const pre = page.getByLabel("Program, C source");
  await expect(pre).toBeVisible();
  return pre.innerText();
}

/** fork() calls in a row at the top of main: the process starting after call j runs calls j+1..k. */
function sequenceTree(source: string): Want {
  const calls: string[] = [];
  source.split("\n").forEach((text, i) => {
    for (let at = text.indexOf("fork()"); at >= 0; at = text.indexOf("fork()", at + 1))
      calls.push(`fork() #${calls.length + 1} (line ${i + 1})`);
  });
  const node = (label: string, after: number): Want => ({
    label,
    children: calls.slice(after).map((c, k) => node(c, after + k + 1)),
  });
  return node("the original process", 0);
}

/** The three loop programs of fork-tree-loop: children keep looping, the child breaks, or the parent breaks. */
function loopTree(source: string): Want {
  const n = Number(/i < (\d+)/.exec(source)?.[1]);
  expect(n).toBeGreaterThan(1);
  const made = (i: number) => `child ${i}`;
  if (/fork\(\) != 0\)\s*break;/.test(source)) {
    let chain: Want | null = null;
    for (let i = n - 1; i >= 0; i--) chain = { label: made(i), children: chain ? [chain] : [] };
    return { label: "(prints nothing)", children: [chain!] };
  }
  if (/break;/.test(source))
    return {
      label: "(prints nothing)",
      children: Array.from({ length: n }, (_, i) => ({ label: made(i), children: [] })),
    };
  const node = (label: string, from: number): Want => ({
    label,
    children: Array.from({ length: n - from }, (_, k) => node(made(from + k), from + k + 1)),
  });
  return node("(prints nothing)", 0);
}

function count(t: Want): number {
  return 1 + t.children.reduce((s, c) => s + count(c), 0);
}

const labelSelect = (page: Page, process: number) => page.getByLabel(`Label of process ${process}`, { exact: true });
const addButton = (page: Page, process: number) =>
  page.getByRole("button", { name: `Add child under process ${process}`, exact: true });

/** The index of a label among the select's options (0 is "Choose a label…"). */
async function optionIndex(page: Page, process: number, label: string): Promise<number> {
  const texts = (await labelSelect(page, process).locator("option").allInnerTexts()).map((t) => t.trim());
  const i = texts.indexOf(label);
  expect(i, `option "${label}" among ${texts.join(" | ")}`).toBeGreaterThan(0);
  return i;
}

test("keyboard: build the tree of forks in sequence and get full marks", async ({ page }) => {
  await signUpFreshStudent(page, "forktree-keys");
  await page.goto("/practice/q/fork-tree-sequence");
  await page.waitForLoadState("networkidle");
  const want = sequenceTree(await programOnPage(page));
  // The first process's label is given; everything else is drawn in creation order, depth first.
  let drawn = 1;
  const build = async (parentNumber: number, children: Want[]) => {
    for (const child of children) {
      await addButton(page, parentNumber).focus();
      await page.keyboard.press("Enter");
      drawn++;
      const me = drawn;
      // Focus lands on the new process's label; arrows pick the option.
      await expect(labelSelect(page, me)).toBeFocused();
      const index = await optionIndex(page, me, child.label);
      for (let k = 0; k < index; k++) await page.keyboard.press("ArrowDown");
      await expect(labelSelect(page, me).locator("option:checked")).toHaveText(child.label);
      // Tab moves on to this process's own "Add child".
      await page.keyboard.press("Tab");
      await expect(addButton(page, me)).toBeFocused();
      await build(me, child.children);
    }
  };
  await build(1, want.children);
  await expect(page.getByText(`${count(want)} of at most`)).toBeVisible();
  await page.getByRole("button", { name: "Submit answer" }).focus();
  await page.keyboard.press("Enter");

  await expect(page.getByTestId("grade-score")).toHaveText("100%");
  await expect(page.getByText(`Right: all ${count(want)} processes, each in its place.`)).toBeVisible();
  await expect(page.getByTestId("tree-yours")).toBeVisible();
  await expect(page.getByTestId("tree-reference")).toBeVisible();
  await expect(page.getByTestId("tree-reference")).not.toContainText("missing");
});

test("pointer: a tree missing a process earns partial credit and names the first wrong branch", async ({ page }) => {
  await signUpFreshStudent(page, "forktree-mouse");
  await page.goto("/practice/q/fork-tree-loop");
  await page.waitForLoadState("networkidle");
  const want = loopTree(await programOnPage(page));
  // Leave out the original process's last child (and what hangs under it).
  const dropped = want.children.at(-1)!;
  const drawnTree: Want = { ...want, children: want.children.slice(0, -1) };

  await labelSelect(page, 1).selectOption({ label: want.label });
  let drawn = 1;
  const build = async (parentNumber: number, children: Want[]) => {
    for (const child of children) {
      await addButton(page, parentNumber).click();
      drawn++;
      const me = drawn;
      await labelSelect(page, me).selectOption({ label: child.label });
      await build(me, child.children);
    }
  };
  // A stray process, added and removed again with the pointer: removing works and renumbers nothing drawn before it.
  await addButton(page, 1).click();
  await page.getByRole("button", { name: "Remove process 2", exact: true }).click();
  await build(1, drawnTree.children);
  await page.getByRole("button", { name: "Submit answer" }).click();

  const total = count(want);
  const right = count(drawnTree);
  await expect(page.getByTestId("grade-score")).toHaveText(`${Math.round((100 * right) / total)}%`);
  const words = `The original process (it prints nothing) creates ${want.children.length} child${want.children.length === 1 ? "" : "ren"}; your tree gives it ${drawnTree.children.length}. Missing: one that prints “${dropped.label}”.`;
  await expect(page.getByText(`${right} of ${total} processes right. First wrong branch: ${words}`)).toBeVisible();
  await expect(page.getByTestId("tree-reference")).toContainText(`${dropped.label}(missing from your tree)`);
  await expect(page.getByTestId("tree-yours")).not.toContainText("not in the program's tree");
});
