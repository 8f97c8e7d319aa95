// A binary min-heap with a caller-supplied order. The schedulers keep their run queues in these so a
// decision costs O(log n) even with 100,000 runnable tasks.
export class MinHeap<T> {
  private readonly items: T[] = [];
  constructor(private readonly less: (a: T, b: T) => boolean) {}

  get size(): number {
    return this.items.length;
  }

  peek(): T | undefined {
    return this.items[0];
  }

  push(item: T): void {
    const a = this.items;
    a.push(item);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(a[i]!, a[p]!)) break;
      [a[i], a[p]] = [a[p]!, a[i]!];
      i = p;
    }
  }

  pop(): T | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last !== undefined) {
      a[0] = last;
      this.siftDown(0);
    }
    return top;
  }

  /** Unordered view for logging and bulk moves; do not mutate. */
  toArray(): readonly T[] {
    return this.items;
  }

  /** Removes `item` (O(n) to find it: only load balancing takes a task out of the middle of a queue). */
  remove(item: T): boolean {
    const a = this.items;
    const i = a.indexOf(item);
    if (i < 0) return false;
    const last = a.pop()!;
    if (i < a.length) {
      a[i] = last;
      this.siftUp(i);
      this.siftDown(a.indexOf(last));
    }
    return true;
  }

  private siftUp(i: number): void {
    const a = this.items;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(a[i]!, a[p]!)) return;
      [a[i], a[p]] = [a[p]!, a[i]!];
      i = p;
    }
  }

  clear(): T[] {
    return this.items.splice(0, this.items.length);
  }

  private siftDown(i: number): void {
    const a = this.items;
    const n = a.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < n && this.less(a[l]!, a[m]!)) m = l;
      if (r < n && this.less(a[r]!, a[m]!)) m = r;
      if (m === i) return;
      [a[i], a[m]] = [a[m]!, a[i]!];
      i = m;
    }
  }
}
