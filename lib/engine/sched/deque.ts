// A double-ended queue with O(1) amortised operations at both ends (FIFO/RR/MLFQ/RT run queues need
// "back of the line" and "stay at the head" both).
export class Deque<T> {
  private buf: (T | undefined)[] = new Array(16);
  private head = 0;
  private count = 0;

  get size(): number {
    return this.count;
  }

  pushBack(x: T): void {
    this.grow();
    this.buf[(this.head + this.count) & (this.buf.length - 1)] = x;
    this.count++;
  }

  pushFront(x: T): void {
    this.grow();
    this.head = (this.head - 1) & (this.buf.length - 1);
    this.buf[this.head] = x;
    this.count++;
  }

  popFront(): T | undefined {
    if (this.count === 0) return undefined;
    const x = this.buf[this.head];
    this.buf[this.head] = undefined;
    this.head = (this.head + 1) & (this.buf.length - 1);
    this.count--;
    return x;
  }

  peekFront(): T | undefined {
    return this.count === 0 ? undefined : this.buf[this.head];
  }

  /** Removes one occurrence of x (O(n): only load balancing moves a task out of the middle of a queue). */
  remove(x: T): boolean {
    const mask = this.buf.length - 1;
    let i = 0;
    while (i < this.count && this.buf[(this.head + i) & mask] !== x) i++;
    if (i === this.count) return false;
    for (; i < this.count - 1; i++) this.buf[(this.head + i) & mask] = this.buf[(this.head + i + 1) & mask];
    this.buf[(this.head + this.count - 1) & mask] = undefined;
    this.count--;
    return true;
  }

  /** Front-to-back copy of at most `limit` items. */
  toArray(limit = Infinity): T[] {
    const out: T[] = [];
    const n = Math.min(this.count, limit);
    for (let i = 0; i < n; i++) out.push(this.buf[(this.head + i) & (this.buf.length - 1)] as T);
    return out;
  }

  private grow(): void {
    if (this.count < this.buf.length) return;
    const next: (T | undefined)[] = new Array(this.buf.length * 2);
    for (let i = 0; i < this.count; i++) next[i] = this.buf[(this.head + i) & (this.buf.length - 1)];
    this.buf = next;
    this.head = 0;
  }
}
