// The augmented treap against a brute-force scan of the same tasks.
import fc from "fast-check";
import { expect, test } from "vitest";
import { EligibleTree } from "./eligible-tree";
import type { TaskRun } from "./policy";
import { newTaskRun } from "./policy";

function task(i: number, vruntime: number, deadline: number): TaskRun {
  const t = newTaskRun({ id: `t${i}`, arrival: 0, bursts: [1] }, i, i, 1024);
  t.vruntime = vruntime;
  t.deadline = deadline;
  return t;
}

function bruteBest(ts: TaskRun[], V: number): TaskRun | undefined {
  return ts.filter((t) => t.vruntime <= V).sort((a, b) => a.deadline - b.deadline || a.rank - b.rank)[0];
}

test("bestEligible, leftmost and in-order traversal match a brute-force scan under random inserts and removals", () => {
  const op = fc.oneof(
    fc.record({
      kind: fc.constant("insert" as const),
      v: fc.integer({ min: 0, max: 20 }),
      d: fc.integer({ min: 0, max: 40 }),
    }),
    fc.record({ kind: fc.constant("remove" as const), pick: fc.nat() }),
    fc.record({ kind: fc.constant("query" as const), V: fc.integer({ min: -1, max: 21 }) }),
  );
  fc.assert(
    fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
      const tree = new EligibleTree();
      const live: TaskRun[] = [];
      let next = 0;
      for (const o of ops) {
        if (o.kind === "insert") {
          const t = task(next++, o.v, o.d);
          tree.insert(t);
          live.push(t);
        } else if (o.kind === "remove" && live.length > 0) {
          const [t] = live.splice(o.pick % live.length, 1);
          tree.remove(t!);
        } else if (o.kind === "query") {
          expect(tree.bestEligible(o.V, 0)).toBe(bruteBest(live, o.V));
        }
        expect(tree.size).toBe(live.length);
      }
      const sorted = [...live].sort((a, b) => a.vruntime - b.vruntime || a.rank - b.rank);
      expect(tree.toArray()).toEqual(sorted);
      expect(tree.leftmost()).toBe(sorted[0]);
    }),
    { numRuns: 300 },
  );
});
