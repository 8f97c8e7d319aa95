import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  applyReorder,
  initialReorderState,
  moveItem,
  normaliseOrder,
  type ReorderCommand,
  reorderKeyToCommand,
  type ReorderState,
} from "./reorder-model";

const items = [
  { id: "p", label: "parent" },
  { id: "c", label: "child" },
  { id: "g", label: "grandchild" },
  { id: "d", label: "done" },
  { id: "x", label: "exit" },
];
const start = () => initialReorderState(items.map((i) => i.id));
const run = (s: ReorderState, ...cs: ReorderCommand[]) => cs.reduce((acc, c) => applyReorder(acc, c, items), s);

describe("moveItem", () => {
  it("moves down and up", () => {
    expect(moveItem(["a", "b", "c", "d"], 0, 2)).toEqual(["b", "c", "a", "d"]);
    expect(moveItem(["a", "b", "c", "d"], 3, 1)).toEqual(["a", "d", "b", "c"]);
    expect(moveItem(["a", "b"], 0, 99)).toEqual(["b", "a"]);
    expect(moveItem([], 0, 1)).toEqual([]);
  });

  it("property: is a permutation with the item at its target", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer(), { minLength: 1, maxLength: 20 }), fc.nat(), fc.nat(), (xs, a, b) => {
        const from = a % xs.length;
        const to = b % xs.length;
        const moved = moveItem(xs, from, to);
        expect([...moved].sort()).toEqual([...xs].sort());
        expect(moved[to]).toBe(xs[from]);
      }),
    );
  });
});

describe("normaliseOrder", () => {
  it("drops unknown and repeated ids and appends missing ones", () => {
    expect(normaliseOrder(["g", "zz", "g", "p"], items)).toEqual(["g", "p", "c", "d", "x"]);
    expect(normaliseOrder(undefined, items)).toEqual(["p", "c", "g", "d", "x"]);
  });
});

describe("keyboard reordering", () => {
  it("Alt+ArrowDown moves the focused item and announces its position", () => {
    const s = run(
      start(),
      { type: "focus", index: 0 },
      reorderKeyToCommand({ key: "ArrowDown", altKey: true }, false)!,
    );
    expect(s.order).toEqual(["c", "p", "g", "d", "x"]);
    expect(s.focus).toBe(1);
    expect(s.announcement).toBe("'parent' moved to position 2 of 5");
  });

  it("plain arrows move focus only, until an item is picked up with Space", () => {
    let s = run(start(), reorderKeyToCommand({ key: "ArrowDown" }, false)!);
    expect(s.order).toEqual(start().order);
    expect(s.focus).toBe(1);
    s = run(s, reorderKeyToCommand({ key: " " }, false)!);
    expect(s.grabbed).not.toBeNull();
    expect(s.announcement).toMatch(/'child' picked up at position 2 of 5/);
    s = run(s, reorderKeyToCommand({ key: "ArrowDown" }, true)!, reorderKeyToCommand({ key: "ArrowDown" }, true)!);
    expect(s.order).toEqual(["p", "g", "d", "c", "x"]);
    s = run(s, reorderKeyToCommand({ key: " " }, true)!);
    expect(s.grabbed).toBeNull();
    expect(s.announcement).toBe("'child' dropped at position 4 of 5");
  });

  it("Escape restores the order from before the pick-up", () => {
    const s = run(
      start(),
      { type: "focus", index: 2 },
      { type: "toggle-grab" },
      { type: "arrow", delta: -1 },
      { type: "arrow", delta: -1 },
    );
    expect(s.order[0]).toBe("g");
    const cancelled = run(s, reorderKeyToCommand({ key: "Escape" }, true)!);
    expect(cancelled.order).toEqual(start().order);
    expect(cancelled.focus).toBe(2);
    expect(cancelled.announcement).toMatch(/back at position 3 of 5/);
  });

  it("says when an item cannot move further", () => {
    const s = run(start(), { type: "move-by", delta: -1 });
    expect(s.order).toEqual(start().order);
    expect(s.announcement).toBe("'parent' is already at the top");
  });

  it("Home/End jump a picked-up item to the ends", () => {
    const s = run(
      start(),
      { type: "focus", index: 1 },
      { type: "toggle-grab" },
      reorderKeyToCommand({ key: "End" }, true)!,
    );
    expect(s.order.at(-1)).toBe("c");
    expect(s.announcement).toBe("'child' moved to position 5 of 5");
  });

  it("move-to (drag and drop) moves from one index to another", () => {
    const s = run(start(), { type: "move-to", from: 4, to: 0 });
    expect(s.order).toEqual(["x", "p", "c", "g", "d"]);
    expect(s.announcement).toBe("'exit' moved to position 1 of 5");
  });
});
