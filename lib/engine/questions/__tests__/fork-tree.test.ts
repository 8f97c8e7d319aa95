// Fork-tree answers (issue #14, item 6): the true tree from the fork model, node-by-node grading with
// partial credit, the first wrong branch in words, and the answer's shape checks.
import { describe, expect, test } from "vitest";
import { analyzeForkProgram } from "../../process/index";
import { checkAnswer } from "../check";
import { gradeAnswer } from "../grade";
import {
  decodeTree,
  encodeTree,
  forkCallSites,
  gradeTree,
  matchTrees,
  trueForkTree,
  type TreeNode,
  type TreePart,
} from "../kinds/fork-tree";
import { perturbAnswer } from "../perturb";
import { validateTemplate } from "../template";
import { buildVariant, referenceAnswer } from "../variant";
import type { QuestionTemplate, VariantView } from "../types";
import { FORK_TREE_TEMPLATES } from "@/lib/bank/templates/fork-trees";

const prog = (...body: string[]) =>
  [
    "#include <stdio.h>",
    "#include <unistd.h>",
    "int main(void) {",
    ...body.map((l) => `  ${l}`),
    "  return 0;",
    "}",
    "",
  ].join("\n");

function model(src: string) {
  const m = analyzeForkProgram(src, { mode: "tty" });
  if (!m.ok) throw new Error(JSON.stringify(m.errors));
  return m.value;
}

/** A tree as nested lists of labels, children sorted, so two encodings of one tree compare equal. */
function canonical(nodes: readonly TreeNode[], i = 0): string {
  const kids = nodes
    .map((n, k) => [n, k] as const)
    .filter(([n, k]) => k > 0 && n.parent === i)
    .map(([, k]) => canonical(nodes, k));
  return `${nodes[i]!.label}(${kids.sort().join(",")})`;
}

/**
 * Independent reference for k forks in sequence: the process that starts after call j runs calls
 * j+1..k, and each of those gives it a child that starts after that call.
 */
function sequenceTree(k: number): string {
  const node = (label: string, after: number): string => {
    const kids = [];
    for (let j = after + 1; j <= k; j++) kids.push(node(`f${j}`, j));
    return `${label}(${kids.sort().join(",")})`;
  };
  return node("root", 0);
}

const forkPart = (labels: number): TreePart => ({
  kind: "tree",
  id: "tree",
  label: "Tree",
  labelling: "fork",
  labels: Array.from({ length: labels }, (_, i) => ({ id: `f${i + 1}`, label: `fork() #${i + 1} (line ${i + 4})` })),
  rootLabel: { id: "root", label: "the original process" },
  maxNodes: 16,
});

describe("the true tree", () => {
  test.each([1, 2, 3, 4])("%i forks in sequence give the tree every process running the later calls", (k) => {
    const src = prog(...Array.from({ length: k }, () => "fork();"), 'printf("x\\n");');
    const t = trueForkTree(model(src), src, "fork");
    if (typeof t === "string") throw new Error(t);
    expect(t.nodes).toHaveLength(2 ** k);
    expect(canonical(t.nodes)).toBe(sequenceTree(k));
  });

  test("the forks of one line are told apart by column, numbered left to right", () => {
    const src = prog("fork() && fork() || fork();", 'printf("x\\n");');
    expect(forkCallSites(src).map((s) => [s.line, s.column])).toEqual([
      [4, 3],
      [4, 13],
      [4, 23],
    ]);
    const t = trueForkTree(model(src), src, "fork");
    if (typeof t === "string") throw new Error(t);
    // (a && b) || c: the parent stops after b; a's child (a false) and b's child (b false) both run c.
    expect(canonical(t.nodes)).toBe("root(f1(f3()),f2(f3()))");
  });

  test("prints labelling: each process is labelled with its own line; options are every printed line, sorted", () => {
    const src = prog(
      "if (fork() == 0) {",
      '  if (fork() == 0) printf("g\\n");',
      '  else printf("c\\n");',
      '} else printf("p\\n");',
    );
    const t = trueForkTree(model(src), src, "prints");
    if (typeof t === "string") throw new Error(t);
    const word = (id: string) => t.labels.find((l) => l.id === id)!.label;
    expect(t.labels.map((l) => l.label)).toEqual(["c", "g", "p", "(prints nothing)"]);
    expect(t.nodes.map((n) => word(n.label))).toEqual(["p", "c", "g"]);
    expect(t.nodes.map((n) => n.parent)).toEqual([-1, 0, 1]);
  });

  test("a process printing two different lines cannot be labelled by what it prints", () => {
    const src = prog('printf("a\\n");', "fork();", 'printf("b\\n");');
    expect(trueForkTree(model(src), src, "prints")).toMatch(/several different lines/);
  });
});

describe("grading node by node", () => {
  const part = forkPart(3);
  const src = prog("fork();", "fork();", "fork();");
  const truth = (() => {
    const t = trueForkTree(model(src), src, "fork");
    if (typeof t === "string") throw new Error(t);
    return t.nodes;
  })();
  const counted = truth.length - 1;

  test("the true tree scores 1, also with siblings drawn in another order", () => {
    expect(gradeTree(part, truth, truth).score).toBe(1);
    // Reverse the children of every node by re-encoding depth first, last child first.
    const reversed: TreeNode[] = [];
    const add = (i: number, parent: number) => {
      const at = reversed.length;
      reversed.push({ parent, label: truth[i]!.label });
      truth
        .map((n, k) => [n, k] as const)
        .filter(([n, k]) => k > 0 && n.parent === i)
        .reverse()
        .forEach(([, k]) => add(k, at));
    };
    add(0, -1);
    expect(reversed).not.toEqual(truth);
    expect(gradeTree(part, truth, reversed).score).toBe(1);
  });

  test("a missing leaf costs exactly its node, and the message names its parent and the missing fork", () => {
    const leafIndex = truth.findIndex((n, i) => i > 0 && !truth.some((m) => m.parent === i));
    const without = truth
      .filter((_, i) => i !== leafIndex)
      .map((n) => ({ ...n, parent: n.parent > leafIndex ? n.parent - 1 : n.parent }));
    const g = gradeTree(part, truth, without);
    expect(g.score).toBeCloseTo((counted - 1) / counted, 10);
    const parentLabel = truth[truth[leafIndex]!.parent]!.label;
    const parentWords =
      parentLabel === "root"
        ? "The original process creates"
        : `made by ${part.labels.find((l) => l.id === parentLabel)!.label} creates`;
    expect(g.firstWrong).toContain(parentWords);
    expect(g.firstWrong).toContain(
      `Missing: one that was made by ${part.labels.find((l) => l.id === truth[leafIndex]!.label)!.label}`,
    );
  });

  test("extra processes lower the score by the larger tree", () => {
    const extra = [...truth, { parent: 0, label: "f1" }, { parent: 0, label: "f2" }];
    const g = gradeTree(part, truth, extra);
    expect(g.score).toBeCloseTo(counted / (counted + 2), 10);
    expect(g.firstWrong).toMatch(/^The original process creates 3 children; your tree gives it 5\. It never creates/);
  });

  test("a wrong label in the right place earns half its node", () => {
    const i = truth.findIndex((n) => n.label === "f3");
    const relabelled = truth.map((n, k) => (k === i ? { ...n, label: "f2" } : n));
    const g = gradeTree(part, truth, relabelled);
    expect(g.score).toBeCloseTo((counted - 0.5) / counted, 10);
    expect(g.firstWrong).toMatch(
      /your tree says it was made by fork\(\) #2 \(line 5\), but it was made by fork\(\) #3 \(line 6\)\./,
    );
  });

  test("the first wrong branch is the first in creation order, not the largest", () => {
    // Truth: root(f1(f2(f3), f3), f2(f3), f3). Break f1's subtree (first) and the root's last child.
    const g = matchTrees(
      truth,
      [
        { parent: -1, label: "root" },
        { parent: 0, label: "f1" },
      ],
      true,
    );
    expect(g.score).toBeCloseTo(1 / counted, 10);
    const words = gradeTree(part, truth, [
      { parent: -1, label: "root" },
      { parent: 0, label: "f1" },
      { parent: 0, label: "f2" },
      { parent: 0, label: "f3" },
      { parent: 2, label: "f3" },
    ]).firstWrong;
    expect(words).toMatch(
      /^The original process → its child that was made by fork\(\) #1 \(line 4\) creates 2 children; your tree gives it 0\./,
    );
  });

  test("only the first process scores nothing (fork labelling: its label is given)", () => {
    expect(gradeTree(part, truth, [{ parent: -1, label: "root" }]).score).toBe(0);
  });
});

describe("answer shape", () => {
  const view: VariantView = {
    type: "process",
    title: "t",
    prompt: "p",
    exhibits: [],
    conventions: [],
    parts: [forkPart(2)],
  };
  const errorFor = (tree: unknown) => {
    const r = checkAnswer(view, { parts: { tree } });
    return r.ok ? null : r.errors[0]!;
  };

  test("accepts a well-formed tree and round-trips it", () => {
    expect(errorFor(["-1:root", "0:f1", "1:f2", "0:f2"])).toBeNull();
    expect(encodeTree(decodeTree(["-1:root", "0:f1"])!)).toEqual(["-1:root", "0:f1"]);
  });

  test.each([
    ["not a list", "root", /list of processes/],
    ["an empty list", [], /list of processes/],
    ["a child before its parent", ["-1:root", "2:f1", "0:f2"], /under a process drawn before it/],
    ["a relabelled first process", ["-1:f1"], /first process is labelled "the original process"/],
    ["an unlabelled process", ["-1:root", "0:"], /process 2 has no label yet/],
    ["an unknown label", ["-1:root", "0:f9"], /unknown label "f9"/],
    ["too many processes", ["-1:root", ...Array.from({ length: 20 }, () => "0:f1")], /at most 16 can be drawn/],
  ])("rejects %s, naming the part", (_what, tree, message) => {
    const e = errorFor(tree);
    expect(e?.path).toBe("parts.tree");
    expect(e?.message).toMatch(message);
  });
});

describe("the fork-tree templates", () => {
  const templates: QuestionTemplate[] = FORK_TREE_TEMPLATES.map((raw) => {
    const t = validateTemplate(raw);
    if (!t.ok) throw new Error(`${raw.slug}: ${JSON.stringify(t.errors)}`);
    return t.value;
  });

  test("there are at least four, covering sequences, loops, && / || and forks in a child only", () => {
    expect(templates.map((t) => t.slug)).toEqual(
      expect.arrayContaining([
        "fork-tree-sequence",
        "fork-tree-loop",
        "fork-tree-logical-operators",
        "fork-tree-child-only",
      ]),
    );
  });

  test.each(FORK_TREE_TEMPLATES.map((t) => [t.slug] as const))(
    "%s: the reference scores 1, a perturbed tree less, on 40 seeds; the key is not in the view",
    (slug) => {
      const t = templates.find((x) => x.slug === slug)!;
      for (let seed = 0; seed < 40; seed++) {
        const v = buildVariant(t, seed);
        if (!v.ok) throw new Error(JSON.stringify(v.errors));
        const ref = referenceAnswer(v.value);
        expect(gradeAnswer(t, v.value, ref).score).toBe(1);
        const wrong = gradeAnswer(t, v.value, perturbAnswer(v.value, seed));
        expect(wrong.score).toBeLessThan(1);
        expect(wrong.parts[0]!.message).toContain("First wrong branch:");
        const key = JSON.stringify(v.value.key.expected["tree"]);
        expect(JSON.stringify(v.value.view)).not.toContain(key.slice(1, -1));
      }
    },
  );
});
