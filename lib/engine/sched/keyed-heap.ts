// A min-heap of tasks ordered by (key, rank) with the keys stored in typed arrays beside the tasks, so a
// sift compares contiguous numbers instead of chasing pointers into 100,000 task objects (CFS's queue).
import type { TaskRun } from "./policy";

export class KeyedHeap {
  private keys = new Float64Array(16);
  private ranks = new Int32Array(16);
  private tasks: TaskRun[] = [];

  get size(): number {
    return this.tasks.length;
  }

  peek(): TaskRun | undefined {
    return this.tasks[0];
  }

  push(task: TaskRun, key: number): void {
    const n = this.tasks.length;
    if (n === this.keys.length) this.grow();
    this.tasks.push(task);
    let i = n;
    const rank = task.rank;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!(key < this.keys[p]! || (key === this.keys[p]! && rank < this.ranks[p]!))) break;
      this.move(p, i);
      i = p;
    }
    this.set(i, task, key, rank);
  }

  pop(): TaskRun | undefined {
    const n = this.tasks.length;
    if (n === 0) return undefined;
    const top = this.tasks[0]!;
    const last = this.tasks.pop()!;
    if (n === 1) return top;
    const key = this.keys[n - 1]!;
    const rank = this.ranks[n - 1]!;
    const size = n - 1;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= size) break;
      let c = l;
      const r = l + 1;
      if (
        r < size &&
        (this.keys[r]! < this.keys[l]! || (this.keys[r] === this.keys[l] && this.ranks[r]! < this.ranks[l]!))
      )
        c = r;
      if (!(this.keys[c]! < key || (this.keys[c] === key && this.ranks[c]! < rank))) break;
      this.move(c, i);
      i = c;
    }
    this.set(i, last, key, rank);
    return top;
  }

  /** Removes `task` (O(n) to find it: only load balancing takes a task out of the middle of a queue). */
  remove(task: TaskRun): boolean {
    const i = this.tasks.indexOf(task);
    if (i < 0) return false;
    const n = this.tasks.length;
    const last = this.tasks.pop()!;
    if (i === n - 1) return true;
    const key = this.keys[n - 1]!;
    const rank = this.ranks[n - 1]!;
    const before = (j: number) => this.keys[j]! < key || (this.keys[j] === key && this.ranks[j]! < rank);
    let j = i;
    while (j > 0 && !before((j - 1) >> 1)) {
      const p = (j - 1) >> 1;
      this.move(p, j);
      j = p;
    }
    if (j === i) {
      const size = n - 1;
      for (;;) {
        const l = 2 * j + 1;
        if (l >= size) break;
        let c = l;
        const r = l + 1;
        if (
          r < size &&
          (this.keys[r]! < this.keys[l]! || (this.keys[r] === this.keys[l] && this.ranks[r]! < this.ranks[l]!))
        )
          c = r;
        if (!before(c)) break;
        this.move(c, j);
        j = c;
      }
    }
    this.set(j, last, key, rank);
    return true;
  }

  toArray(): readonly TaskRun[] {
    return this.tasks;
  }

  private set(i: number, task: TaskRun, key: number, rank: number): void {
    this.tasks[i] = task;
    this.keys[i] = key;
    this.ranks[i] = rank;
  }

  private move(from: number, to: number): void {
    this.tasks[to] = this.tasks[from]!;
    this.keys[to] = this.keys[from]!;
    this.ranks[to] = this.ranks[from]!;
  }

  private grow(): void {
    const keys = new Float64Array(this.keys.length * 2);
    keys.set(this.keys);
    this.keys = keys;
    const ranks = new Int32Array(this.ranks.length * 2);
    ranks.set(this.ranks);
    this.ranks = ranks;
  }
}
