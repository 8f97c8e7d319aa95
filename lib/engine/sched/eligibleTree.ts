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

const byVruntime = (a: TaskRun, b: TaskRun) => a.vruntime < b.vruntime || (a.vruntime === b.vruntime && a.rank < b.rank);
const byDeadline = (a: TaskRun, b: TaskRun) => a.deadline < b.deadline || (a.deadline === b.deadline && a.rank < b.rank);

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

/** Splits into (keys before `t`, keys from `t` on); with `inclusive`, `t` itself goes left. */
function split(n: Node | null, t: TaskRun, inclusive: boolean): [Node | null, Node | null] {
  if (!n) return [null, null];
  const goesLeft = byVruntime(n.task, t) || (inclusive && n.task === t);
  if (goesLeft) {
    const [l, r] = split(n.right, t, inclusive);
    n.right = l;
    return [update(n), r];
  }
  const [l, r] = split(n.left, t, inclusive);
  n.left = r;
  return [l, update(n)];
}

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

export class EligibleTree {
  private root: Node | null = null;
  private counter = 0;
  size = 0;

  insert(task: TaskRun): void {
    const node: Node = { task, priority: hash(++this.counter), left: null, right: null, min: task };
    const [l, r] = split(this.root, task, false);
    this.root = merge(merge(l, node), r);
    this.size++;
  }

  /** Removes `task`, which must be in the tree with the keys it was inserted with. */
  remove(task: TaskRun): void {
    const [l, rest] = split(this.root, task, false);
    const [mid, r] = split(rest, task, true);
    if (!mid || mid.task !== task || mid.left || mid.right) throw new Error("EligibleTree: task not found");
    this.root = merge(l, r);
    this.size--;
  }

  /** Earliest-deadline task among those with vruntime ≤ V (+eps). */
  bestEligible(V: number, eps: number): TaskRun | undefined {
    let best: TaskRun | undefined;
    for (let n = this.root; n; ) {
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
    for (let n = this.root; n || stack.length > 0; ) {
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
