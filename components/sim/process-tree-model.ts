// Editing a drawn process tree as plain data (the answer form's draft): nodes in drawing order, each
// with its parent's index, so a parent always comes before its children.
import type { TreeNode, TreePart } from "@/lib/engine/questions";

export function childrenOf(nodes: readonly TreeNode[], i: number): number[] {
  const out: number[] = [];
  nodes.forEach((n, k) => {
    if (k > 0 && n.parent === i) out.push(k);
  });
  return out;
}

/** Adds an unlabelled child under process `parent`; its index is the new last one. */
export function addChild(nodes: readonly TreeNode[], parent: number): TreeNode[] {
  return [...nodes, { parent, label: "" }];
}

/** Removes process `i` (never the first) with everything under it, renumbering the rest in order. */
export function removeSubtree(nodes: readonly TreeNode[], i: number): TreeNode[] {
  if (i <= 0 || i >= nodes.length) return [...nodes];
  const gone = new Set<number>([i]);
  nodes.forEach((n, k) => {
    if (k > i && gone.has(n.parent)) gone.add(k);
  });
  const newIndex = new Map<number, number>();
  const out: TreeNode[] = [];
  nodes.forEach((n, k) => {
    if (gone.has(k)) return;
    newIndex.set(k, out.length);
    out.push({ parent: k === 0 ? -1 : newIndex.get(n.parent)!, label: n.label });
  });
  return out;
}

export function setLabel(nodes: readonly TreeNode[], i: number, label: string): TreeNode[] {
  return nodes.map((n, k) => (k === i ? { ...n, label } : n));
}

/** The fork path of a process (fork labelling): the calls from the original process down, e.g. "#1 → #3". */
export function forkPath(
  part: Pick<TreePart, "labels" | "labelling">,
  nodes: readonly TreeNode[],
  i: number,
): string | null {
  if (part.labelling !== "fork") return null;
  const steps: string[] = [];
  for (let k = i; k > 0; k = nodes[k]!.parent) {
    const label = part.labels.find((l) => l.id === nodes[k]!.label)?.label;
    if (!label) return null;
    steps.unshift(/#\d+/.exec(label)?.[0] ?? label);
  }
  return steps.length === 0 ? null : steps.join(" → ");
}
