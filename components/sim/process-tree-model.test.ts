// Editing a drawn process tree: adding under a process, removing a whole branch, the fork path shown.
import { describe, expect, it } from "vitest";
import { decodeTree, type TreeNode, type TreePart } from "@/lib/engine/questions";
import { initialDraft, draftToAnswer } from "./answer-model";
import { addChild, childrenOf, forkPath, removeSubtree, setLabel } from "./process-tree-model";

const part: TreePart = {
  kind: "tree",
  id: "tree",
  label: "Tree",
  labelling: "fork",
  labels: [
    { id: "f1", label: "fork() #1 (line 6)" },
    { id: "f2", label: "fork() #2 (line 7)" },
  ],
  rootLabel: { id: "root", label: "the original process" },
  maxNodes: 8,
};

/** root → a(f1) → b(f2); root → c(f2) */
const tree: TreeNode[] = [
  { parent: -1, label: "root" },
  { parent: 0, label: "f1" },
  { parent: 1, label: "f2" },
  { parent: 0, label: "f2" },
];

describe("process tree editing", () => {
  it("adds an unlabelled child at the end, under the chosen process", () => {
    const t = addChild(tree, 1);
    expect(t).toHaveLength(tree.length + 1);
    expect(childrenOf(t, 1)).toEqual([2, tree.length]);
    expect(t.at(-1)!.label).toBe("");
  });

  it("removes a process with everything under it and keeps the rest attached to the same parents", () => {
    const t = removeSubtree(tree, 1);
    expect(t).toEqual([
      { parent: -1, label: "root" },
      { parent: 0, label: "f2" },
    ]);
    expect(removeSubtree(tree, 0)).toEqual(tree);
    // Removing a leaf in the middle renumbers the later nodes' parents.
    const deeper = [...tree, { parent: 3, label: "f1" }];
    expect(removeSubtree(deeper, 2)).toEqual([
      { parent: -1, label: "root" },
      { parent: 0, label: "f1" },
      { parent: 0, label: "f2" },
      { parent: 2, label: "f1" },
    ]);
  });

  it("shows the fork path from the original process", () => {
    expect(forkPath(part, tree, 0)).toBeNull();
    expect(forkPath(part, tree, 2)).toBe("#1 → #2");
    expect(forkPath({ ...part, labelling: "prints" }, tree, 2)).toBeNull();
  });

  it("the draft starts with the first process and becomes the encoded answer; an unlabelled process is reported, not sent", () => {
    const view = { parts: [part] };
    const draft = initialDraft(view);
    expect(draft["tree"]).toEqual({ kind: "tree", value: [{ parent: -1, label: "root" }] });
    const drawn = addChild(addChild([{ parent: -1, label: "root" }], 0), 1);
    const missing = draftToAnswer(view, { tree: { kind: "tree", value: drawn } });
    expect(missing.errors[0]!.message).toMatch(/Process 2 has no label yet/);
    const done = draftToAnswer(view, { tree: { kind: "tree", value: setLabel(setLabel(drawn, 1, "f1"), 2, "f2") } });
    expect(done.errors).toEqual([]);
    expect(decodeTree(done.answer.parts["tree"])).toEqual([
      { parent: -1, label: "root" },
      { parent: 0, label: "f1" },
      { parent: 1, label: "f2" },
    ]);
    // A saved answer is restored when it still fits the part.
    expect(initialDraft(view, done.answer)["tree"]).toEqual({
      kind: "tree",
      value: decodeTree(done.answer.parts["tree"]),
    });
  });
});
