// EEVDF's run queue: a treap ordered by vruntime and augmented with the earliest deadline of each
// subtree, like the kernel's rbtree (ordered by vruntime, augmented with min_deadline). Eligible tasks
// (v ≤ V) form a prefix of the vruntime order, so "earliest deadline among the eligible" is one
// O(log n) descent, whatever V does — the lazy two-heap shortcut degraded to O(n) per pick when V
// oscillated across a large group of tasks with equal vruntime.
// Treap priorities come from a fixed integer hash, so the shape (and timing) is deterministic; results
// never depend on the shape because both orders are total (ties broken by rank).
import type { TaskRun } from "./policy";

interface Node {
  task: TaskRun;
  priority: number;
  left: Node | null;
  right: Node | null;
  /** Task with the earliest (deadline, rank) in this subtree. */
  min: TaskRun;
}

const byVruntime = (a: TaskRun, b: TaskRun) =>
  a.vruntime < b.vruntime || (a.vruntime === b.vruntime && a.rank < b.rank);
const byDeadline = (a: TaskRun, b: TaskRun) =>
  a.deadline < b.deadline || (a.deadline === b.deadline && a.rank < b.rank);

function hash(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

function update(n: Node): Node {
  let m = n.task;
  if (n.left && byDeadline(n.left.min, m)) m = n.left.min;
  if (n.right && byDeadline(n.right.min, m)) m = n.right.min;
  n.min = m;
  return n;
}

// split() hands back its two halves in these instead of a [left, right] pair: a pick used to allocate
// one pair per tree level, and that garbage grew with the depth, i.e. with the number of tasks.
let splitLeft: Node | null = null;
let splitRight: Node | null = null;

/** Splits `n` into keys before `t` (splitLeft) and keys after it (splitRight); `t` is not in `n`. */
function split(n: Node | null, t: TaskRun): void {
  if (!n) {
    splitLeft = null;
    splitRight = null;
  } else if (byVruntime(n.task, t)) {
    split(n.right, t);
    n.right = splitLeft;
    splitLeft = update(n);
  } else {
    split(n.left, t);
    n.left = splitRight;
    splitRight = update(n);
  }
}

/** Joins two treaps whose keys are all ordered a < b. */
function merge(a: Node | null, b: Node | null): Node | null {
  if (!a) return b;
  if (!b) return a;
  if (a.priority > b.priority) {
    a.right = merge(a.right, b);
    return update(a);
  }
  b.left = merge(a, b.left);
  return update(b);
}

/** Inserts `node` below `n`: down the key order until its priority wins, then split that subtree under it. */
function insertAt(n: Node | null, node: Node): Node {
  if (!n) return node;
  if (node.priority > n.priority) {
    split(n, node.task);
    node.left = splitLeft;
    node.right = splitRight;
    return update(node);
  }
  if (byVruntime(node.task, n.task)) n.left = insertAt(n.left, node);
  else n.right = insertAt(n.right, node);
  return update(n);
}

/** Removes `t` below `n` by merging its two subtrees in its place. */
function removeAt(n: Node | null, t: TaskRun): Node | null {
  if (!n) throw new Error("EligibleTree: task not found");
  if (n.task === t) return merge(n.left, n.right);
  if (byVruntime(t, n.task)) n.left = removeAt(n.left, t);
  else n.right = removeAt(n.right, t);
  return update(n);
}

export class EligibleTree {
  private root: Node | null = null;
  private counter = 0;
  size = 0;

  insert(task: TaskRun): void {
    const node: Node = { task, priority: hash(++this.counter), left: null, right: null, min: task };
    this.root = insertAt(this.root, node);
    this.size++;
  }

  /** Removes `task`, which must be in the tree with the keys it was inserted with. */
  remove(task: TaskRun): void {
    this.root = removeAt(this.root, task);
    this.size--;
  }

  /** Earliest-deadline task among those with vruntime ≤ V (+eps). */
  bestEligible(V: number, eps: number): TaskRun | undefined {
    let best: TaskRun | undefined;
    for (let n = this.root; n;) {
      if (n.task.vruntime <= V + eps) {
        if (!best || byDeadline(n.task, best)) best = n.task;
        if (n.left && byDeadline(n.left.min, best)) best = n.left.min;
        n = n.right;
      } else {
        n = n.left;
      }
    }
    return best;
  }

  leftmost(): TaskRun | undefined {
    let n = this.root;
    while (n && n.left) n = n.left;
    return n?.task;
  }

  toArray(): TaskRun[] {
    const out: TaskRun[] = [];
    const stack: Node[] = [];
    for (let n = this.root; n || stack.length > 0;) {
      while (n) {
        stack.push(n);
        n = n.left;
      }
      const top = stack.pop()!;
      out.push(top.task);
      n = top.right;
    }
    return out;
  }
}
