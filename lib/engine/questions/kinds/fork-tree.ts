// Fork-tree answers (issue #14, item 6): the student draws the process tree of a fork program and
// labels each process with what it prints or with the fork() call that created it. The answer is a
// plain list of strings so it travels and is stored like every other answer: entry i is
// "<parent index>:<label id>", entry 0 is the first process ("-1:<label id>"), and a parent always
// comes before its children. Grading matches the two trees node by node (children in any order), so a
// right subtree earns its credit wherever its siblings went wrong. Pure: the answer form and the grade
// view import it too, to draw and mark the trees.
import type { ForkModel } from "../../process/index";
import type { AnswerPartSpec, AnswerValue } from "../types";

export type TreePart = Extract<AnswerPartSpec, { kind: "tree" }>;
export type TreeLabelling = TreePart["labelling"];

export interface TreeNode {
  parent: number;
  label: string;
}

/** The first process's label id when it is fixed (it was not made by any fork). */
export const ROOT_LABEL = "root";
/** Label id of a process that prints nothing (prints labelling). */
export const NOTHING_LABEL = "none";
export const MAX_TREE_NODES = 64;

export function encodeTree(nodes: readonly TreeNode[]): string[] {
  return nodes.map((n) => `${n.parent}:${n.label}`);
}

/** Reads an encoded tree; null when the encoding itself is broken (checkAnswer reports why). */
export function decodeTree(value: AnswerValue | undefined): TreeNode[] | null {
  if (!Array.isArray(value)) return null;
  const out: TreeNode[] = [];
  for (let i = 0; i < value.length; i++) {
    const s = value[i];
    if (typeof s !== "string") return null;
    const m = /^(-1|\d{1,3}):([A-Za-z0-9_-]{1,40})$/.exec(s);
    if (!m) return null;
    const parent = Number(m[1]);
    if (i === 0 ? parent !== -1 : parent < 0 || parent >= i) return null;
    out.push({ parent, label: m[2]! });
  }
  return out.length > 0 ? out : null;
}

/** Why an encoded tree is unusable for this part, or null (used by checkAnswer; the messages name the node). */
export function treeProblem(part: TreePart, value: unknown): string | null {
  if (!Array.isArray(value) || value.length === 0) return "must be a list of processes, the first process first";
  if (value.length > part.maxNodes) return `has ${value.length} processes; at most ${part.maxNodes} can be drawn`;
  const known = new Set(part.labels.map((l) => l.id));
  for (let i = 0; i < value.length; i++) {
    const s: unknown = value[i];
    const m = typeof s === "string" ? /^(-1|\d{1,3}):(.*)$/.exec(s) : null;
    if (!m) return `process ${i + 1} must be written "<parent number>:<label>", got ${JSON.stringify(s)}`;
    const parent = Number(m[1]);
    if (i === 0 && parent !== -1) return "the first entry must be the first process (parent -1)";
    if (i > 0 && (parent < 0 || parent >= i)) return `process ${i + 1} must hang under a process drawn before it`;
    const label = m[2]!;
    if (i === 0 && part.rootLabel) {
      if (label !== part.rootLabel.id) return `the first process is labelled "${part.rootLabel.label}"`;
    } else if (label === "") return `process ${i + 1} has no label yet: choose one`;
    else if (!known.has(label)) return `process ${i + 1} has an unknown label ${JSON.stringify(label)}`;
  }
  return null;
}

// ---------- the true tree, from the fork model ----------

export interface ForkCallSite {
  id: string;
  line: number;
  column: number;
  /** In words, e.g. "fork() #2 (line 7)". */
  label: string;
}

/**
 * The fork() calls of the source, in reading order. Read from the text the student sees, so the
 * options name every call, also those that never run (listing only the ones that run would give away
 * which do not).
 */
export function forkCallSites(source: string): ForkCallSite[] {
  const sites: ForkCallSite[] = [];
  source.split("\n").forEach((text, i) => {
    // Comments and strings of the bank's programs never mention fork(); a line comment is cut anyway.
    const code = text.replace(/\/\/.*$/, "").replace(/"(?:[^"\\]|\\.)*"/g, (s) => " ".repeat(s.length));
    for (const m of code.matchAll(/(?<![A-Za-z0-9_])fork\s*\(\s*\)/g)) {
      const n = sites.length + 1;
      sites.push({ id: `f${n}`, line: i + 1, column: m.index + 1, label: `fork() #${n} (line ${i + 1})` });
    }
  });
  return sites;
}

/** The single line a process writes, "" for none, or null when it writes several different lines. */
function printedBy(events: ForkModel["processes"][number]["events"]): string | null {
  const text = events.flatMap((e) => (e.type === "write" ? [e.text] : [])).join("");
  const lines = text.split("\n").filter((l) => l !== "");
  if (lines.length === 0) return "";
  return lines.length === 1 ? lines[0]! : null;
}

export interface TrueTree {
  nodes: TreeNode[];
  labels: { id: string; label: string }[];
  rootLabel?: { id: string; label: string };
}

/**
 * The process tree of the model, children in creation order. Fails (a string) when the program does
 * not suit the labelling: a process printing several lines, or a fork the source listing cannot place.
 */
export function trueForkTree(model: ForkModel, source: string, labelling: TreeLabelling): TrueTree | string {
  const byPid = new Map(model.processes.map((p) => [p.pid, p]));
  const order: { pid: number; parent: number }[] = [];
  const walk = (pid: number, parent: number) => {
    const at = order.length;
    order.push({ pid, parent });
    for (const c of byPid.get(pid)?.children ?? []) walk(c, at);
  };
  walk(model.tree.pid, -1);
  if (labelling === "fork") {
    const sites = forkCallSites(source);
    const nodes: TreeNode[] = [];
    for (const { pid, parent } of order) {
      const p = byPid.get(pid)!;
      if (parent === -1) {
        nodes.push({ parent, label: ROOT_LABEL });
        continue;
      }
      const site = sites.find((s) => s.line === p.forkLine && s.column === p.forkColumn);
      if (!site) return `no fork() call in the listing at line ${p.forkLine ?? "?"}, column ${p.forkColumn ?? "?"}`;
      nodes.push({ parent, label: site.id });
    }
    return {
      nodes,
      labels: sites.map((s) => ({ id: s.id, label: s.label })),
      rootLabel: { id: ROOT_LABEL, label: "the original process" },
    };
  }
  const texts: string[] = [];
  for (const { pid } of order) {
    const t = printedBy(byPid.get(pid)!.events);
    if (t === null) return `process ${pid} prints several different lines, so one label cannot name it`;
    texts.push(t);
  }
  // Every line the program prints is an option, sorted, so the list says nothing about who prints it.
  const distinct = [...new Set((model.outputs[0] ?? []).filter((l) => l !== ""))].sort((a, b) =>
    a.localeCompare(b, "en"),
  );
  const labels = [
    ...distinct.map((l, i) => ({ id: `p${i + 1}`, label: l })),
    { id: NOTHING_LABEL, label: "(prints nothing)" },
  ];
  const idOf = new Map(labels.map((l) => [l.label, l.id]));
  const nodes = order.map(({ parent }, i) => ({
    parent,
    label: texts[i] === "" ? NOTHING_LABEL : idOf.get(texts[i]!)!,
  }));
  if (nodes.some((n) => n.label === undefined)) return "a process prints a line the output does not list";
  return { nodes, labels };
}

// ---------- matching and grading ----------

interface Tree {
  nodes: TreeNode[];
  children: number[][];
}

function asTree(nodes: readonly TreeNode[]): Tree {
  const children = nodes.map(() => [] as number[]);
  nodes.forEach((n, i) => {
    if (i > 0) children[n.parent]!.push(i);
  });
  return { nodes: [...nodes], children };
}

export type NodeMark = "right" | "label" | "extra" | "missing";

export interface TreeMatch {
  /** 0..1: node credit over the larger of the two trees (a wrong label earns half). */
  score: number;
  /** Per student node: right, right place but wrong label, or not in the true tree. */
  given: NodeMark[];
  /** Per true node: right, wrong label, or missing from the student's tree. */
  expected: NodeMark[];
  /** The true node each student node stands for (-1 when extra). */
  pairOf: number[];
  /** Processes right (place and label) and counted, for the message. */
  right: number;
  total: number;
}

const LABEL_ONLY_CREDIT = 0.5;
/** Beyond this many true children a node's children are paired in order instead of searched. */
const MAX_SEARCH_CHILDREN = 10;

/**
 * Best pairing of the two trees: roots together, then recursively each node's children with the
 * other's, maximising credit (a right label 1, a wrong one 0.5, plus the pair's subtrees). Children
 * are unordered, so a student who drew the siblings in another order loses nothing.
 */
export function matchTrees(
  expectedNodes: readonly TreeNode[],
  givenNodes: readonly TreeNode[],
  fixedRoot: boolean,
): TreeMatch {
  const t = asTree(expectedNodes);
  const s = asTree(givenNodes);
  const memo = new Map<string, { value: number; pairs: [number, number][] }>();
  const labelCredit = (si: number, ti: number) =>
    si === 0 && ti === 0 && fixedRoot ? 0 : s.nodes[si]!.label === t.nodes[ti]!.label ? 1 : LABEL_ONLY_CREDIT;
  const best = (si: number, ti: number): { value: number; pairs: [number, number][] } => {
    const key = `${si},${ti}`;
    const hit = memo.get(key);
    if (hit) return hit;
    const sc = s.children[si]!;
    const tc = t.children[ti]!;
    let value = labelCredit(si, ti);
    const pairs: [number, number][] = [[si, ti]];
    if (sc.length > 0 && tc.length > 0) {
      if (tc.length <= MAX_SEARCH_CHILDREN) {
        // dp[a][mask]: best credit from the first a student children, using the true children in mask.
        const full = 1 << tc.length;
        const dp: Float64Array[] = [new Float64Array(full).fill(-1)];
        dp[0]![0] = 0;
        for (let a = 0; a < sc.length; a++) {
          const row = Float64Array.from(dp[a]!);
          for (let mask = 0; mask < full; mask++) {
            const here = dp[a]![mask]!;
            if (here < 0) continue;
            for (let b = 0; b < tc.length; b++) {
              if (mask & (1 << b)) continue;
              const v = here + best(sc[a]!, tc[b]!).value;
              if (v > row[mask | (1 << b)]!) row[mask | (1 << b)] = v;
            }
          }
          dp.push(row);
        }
        let mask = 0;
        const last = dp[sc.length]!;
        for (let m = 0; m < full; m++) if (last[m]! > last[mask]!) mask = m;
        value += last[mask]!;
        // Walk back: child a either stayed unpaired (same mask one row up) or took some true child b.
        for (let a = sc.length - 1; a >= 0; a--) {
          const target = dp[a + 1]![mask]!;
          if (dp[a]![mask] === target) continue;
          for (let b = 0; b < tc.length; b++) {
            if (!(mask & (1 << b))) continue;
            const prev = dp[a]![mask & ~(1 << b)]!;
            if (prev >= 0 && prev + best(sc[a]!, tc[b]!).value === target) {
              pairs.push(...best(sc[a]!, tc[b]!).pairs);
              mask &= ~(1 << b);
              break;
            }
          }
        }
      } else {
        for (let k = 0; k < Math.min(sc.length, tc.length); k++) {
          const sub = best(sc[k]!, tc[k]!);
          value += sub.value;
          pairs.push(...sub.pairs);
        }
      }
    }
    const out = { value, pairs };
    memo.set(key, out);
    return out;
  };
  const root = best(0, 0);
  const given: NodeMark[] = s.nodes.map(() => "extra");
  const expected: NodeMark[] = t.nodes.map(() => "missing");
  const pairOf = s.nodes.map(() => -1);
  let right = 0;
  for (const [si, ti] of root.pairs) {
    const mark: NodeMark = s.nodes[si]!.label === t.nodes[ti]!.label || (si === 0 && fixedRoot) ? "right" : "label";
    given[si] = mark;
    expected[ti] = mark;
    pairOf[si] = ti;
    if (mark === "right" && !(si === 0 && fixedRoot)) right++;
  }
  const counted = (n: number) => (fixedRoot ? n - 1 : n);
  const total = Math.max(counted(t.nodes.length), counted(s.nodes.length));
  const score = total === 0 ? 1 : Math.max(0, Math.min(1, root.value / total));
  return { score, given, expected, pairOf, right, total: counted(t.nodes.length) };
}

/** A label as a verb phrase about the process: "prints “A”", "prints nothing", "was made by fork() #2 (line 7)". */
export function labelWords(part: Pick<TreePart, "labels" | "rootLabel" | "labelling">, id: string): string {
  if (part.rootLabel && id === part.rootLabel.id) return `is ${part.rootLabel.label}`;
  const l = part.labels.find((x) => x.id === id);
  if (!l) return `is labelled ${JSON.stringify(id)}`;
  if (part.labelling === "fork") return `was made by ${l.label}`;
  return id === NOTHING_LABEL ? "prints nothing" : `prints “${l.label}”`;
}

/** A process named by its path from the first process, e.g. "the original process → its child that was made by fork() #2 (line 7)". */
export function nodeWords(part: TreePart, nodes: readonly TreeNode[], i: number): string {
  const chain: number[] = [];
  for (let k = i; k > 0; k = nodes[k]!.parent) chain.unshift(k);
  const rootName = part.rootLabel
    ? "the original process"
    : `the original process (it ${labelWords(part, nodes[0]!.label)})`;
  return [rootName, ...chain.map((k) => `its child that ${labelWords(part, nodes[k]!.label)}`)].join(" → ");
}

function listWords(part: TreePart, labels: string[]): string {
  const words = labels.map((l) => `one that ${labelWords(part, l)}`);
  return words.length <= 1 ? (words[0] ?? "none") : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}

const childCount = (n: number) => `${n} child${n === 1 ? "" : "ren"}`;

/**
 * The first wrong branch, walking the true tree in creation order: a mislabelled process, or a
 * process whose children differ (missing ones, ones the program never creates). Null when right.
 */
export function firstWrongBranch(
  part: TreePart,
  expectedNodes: readonly TreeNode[],
  givenNodes: readonly TreeNode[],
  match: TreeMatch,
): string | null {
  const t = asTree(expectedNodes);
  const s = asTree(givenNodes);
  const studentOf = t.nodes.map(() => -1);
  match.pairOf.forEach((ti, si) => {
    if (ti >= 0) studentOf[ti] = si;
  });
  const visit = (ti: number): string | null => {
    const si = studentOf[ti]!;
    if (si < 0) return null;
    const where = nodeWords(part, expectedNodes, ti);
    const cap = where.charAt(0).toUpperCase() + where.slice(1);
    if (match.expected[ti] === "label") {
      return `${cap}: your tree says it ${labelWords(part, s.nodes[si]!.label)}, but it ${labelWords(part, t.nodes[ti]!.label)}.`;
    }
    const missing = t.children[ti]!.filter((c) => studentOf[c]! < 0).map((c) => t.nodes[c]!.label);
    const extra = s.children[si]!.filter((c) => match.pairOf[c]! < 0).map((c) => s.nodes[c]!.label);
    if (missing.length > 0 || extra.length > 0) {
      const bits = [
        `${cap} creates ${childCount(t.children[ti]!.length)}; your tree gives it ${s.children[si]!.length}.`,
      ];
      if (missing.length > 0) bits.push(`Missing: ${listWords(part, missing)}.`);
      if (extra.length > 0) bits.push(`It never creates ${listWords(part, extra)}.`);
      return bits.join(" ");
    }
    for (const c of t.children[ti]!) {
      const r = visit(c);
      if (r) return r;
    }
    return null;
  };
  return visit(0);
}

export interface TreeGrade {
  score: number;
  message: string;
  match: TreeMatch;
  firstWrong: string | null;
}

export function gradeTree(part: TreePart, expected: readonly TreeNode[], given: readonly TreeNode[]): TreeGrade {
  const match = matchTrees(expected, given, part.rootLabel !== undefined);
  const firstWrong = firstWrongBranch(part, expected, given, match);
  const perfect = firstWrong === null && given.length === expected.length;
  const score = perfect ? 1 : Math.min(match.score, 0.99);
  const count = `${match.right} of ${match.total} process${match.total === 1 ? "" : "es"}${part.rootLabel ? " besides the original" : ""} right`;
  const message = perfect
    ? `Right: all ${expected.length} processes, each in its place.`
    : `${count}. First wrong branch: ${firstWrong ?? "your tree has processes the program never creates."}`;
  return { score: perfect ? 1 : score, message, match, firstWrong };
}
