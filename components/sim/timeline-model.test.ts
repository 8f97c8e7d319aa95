import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  applyCommand,
  axisTicks,
  describeSlot,
  type EditorCommand,
  type EditorState,
  initialEditorState,
  keyToCommand,
  mismatches,
  normaliseTimeline,
  timelineRows,
  UNDO_LIMIT,
} from "./timeline-model";

const part = {
  tasks: [
    { id: "A", label: "A" },
    { id: "B", label: "B" },
    { id: "C", label: "C" },
  ],
  slots: 6,
  slotMs: 1,
  allowIdle: true,
  allowSwitch: true,
};
const rows = timelineRows(part);
const empty = () => initialEditorState(normaliseTimeline(undefined, part.slots, rows));

function run(state: EditorState, ...commands: EditorCommand[]): EditorState {
  return commands.reduce((s, c) => applyCommand(s, c, rows), state);
}

function typeKeys(state: EditorState, keys: string): EditorState {
  let s = state;
  for (const key of keys) {
    const command = keyToCommand({ key }, rows);
    if (command) s = applyCommand(s, command, rows);
  }
  return s;
}

describe("rows", () => {
  it("lists tasks then idle then context switch", () => {
    expect(rows.map((r) => r.id)).toEqual(["A", "B", "C", "idle", "cs"]);
    expect(timelineRows({ ...part, allowIdle: false, allowSwitch: false }).map((r) => r.id)).toEqual(["A", "B", "C"]);
  });

  it("normalises a stored value to the part's length and known ids", () => {
    expect(normaliseTimeline(["A", "Z", null, "cs", "B", "B", "B"], 6, rows)).toEqual([
      "A",
      null,
      null,
      "cs",
      "B",
      "B",
    ]);
    expect(normaliseTimeline(undefined, 3, rows)).toEqual([null, null, null]);
  });
});

describe("keyboard path", () => {
  it("typing task letters fills consecutive slots", () => {
    const s = typeKeys(empty(), "AAbBci");
    expect(s.value).toEqual(["A", "A", "B", "B", "C", "idle"]);
    // The cursor stops at the last slot rather than running off the end.
    expect(s.cursor.slot).toBe(5);
  });

  it("'s' paints a context switch and digits paint the nth row", () => {
    const s = typeKeys(empty(), "s2");
    expect(s.value.slice(0, 2)).toEqual(["cs", "B"]);
  });

  it("a task whose id is 'I' wins over idle for the letter i", () => {
    const withI = timelineRows({ ...part, tasks: [{ id: "I", label: "I" }] });
    expect(keyToCommand({ key: "i" }, withI)).toEqual({ type: "paint-row", row: 0 });
  });

  it("arrows, Home and End move the cursor within bounds", () => {
    let s = run(empty(), { type: "move", rows: -1, slots: -1 });
    expect(s.cursor).toEqual({ row: 0, slot: 0 });
    s = run(s, keyToCommand({ key: "End" }, rows)!, keyToCommand({ key: "ArrowDown" }, rows)!);
    expect(s.cursor).toEqual({ row: 1, slot: 5 });
    s = run(s, keyToCommand({ key: "ArrowRight" }, rows)!);
    expect(s.cursor.slot).toBe(5);
    s = run(s, keyToCommand({ key: "Home" }, rows)!);
    expect(s.cursor.slot).toBe(0);
    s = run(s, { type: "move", rows: 99, slots: 0 });
    expect(s.cursor.row).toBe(rows.length - 1);
  });

  it("Space paints the cursor's row, a second Space clears it, Backspace clears", () => {
    let s = run(empty(), { type: "move", rows: 1, slots: 2 }, keyToCommand({ key: " " }, rows)!);
    expect(s.value[2]).toBe("B");
    s = run(s, keyToCommand({ key: "Enter" }, rows)!);
    expect(s.value[2]).toBeNull();
    s = run(s, keyToCommand({ key: " " }, rows)!, keyToCommand({ key: "Backspace" }, rows)!);
    expect(s.value[2]).toBeNull();
  });

  it("painting one task into a column replaces the other task", () => {
    const s = run(empty(), { type: "tap-cell", row: 0, slot: 1 }, { type: "tap-cell", row: 2, slot: 1 });
    expect(s.value[1]).toBe("C");
  });

  it("Ctrl+Z and Cmd+Z undo; shifted or unknown keys are ignored", () => {
    expect(keyToCommand({ key: "z", ctrlKey: true }, rows)).toEqual({ type: "undo" });
    expect(keyToCommand({ key: "z", metaKey: true }, rows)).toEqual({ type: "undo" });
    expect(keyToCommand({ key: "z", metaKey: true, shiftKey: true }, rows)).toBeNull();
    expect(keyToCommand({ key: "a", ctrlKey: true }, rows)).toBeNull();
    expect(keyToCommand({ key: "Tab" }, rows)).toBeNull();
    expect(keyToCommand({ key: "q" }, rows)).toBeNull();
  });
});

describe("undo", () => {
  it("undoes each edit in reverse order", () => {
    let s = typeKeys(empty(), "ABC");
    s = run(s, { type: "undo" });
    expect(s.value.slice(0, 3)).toEqual(["A", "B", null]);
    s = run(s, { type: "undo" }, { type: "undo" });
    expect(s.value.every((v) => v === null)).toBe(true);
    // Undo with nothing left is a no-op, not an error.
    expect(run(s, { type: "undo" })).toBe(s);
  });

  it("a mouse stroke is one undo step and fills skipped slots", () => {
    let s = run(
      empty(),
      { type: "stroke-start", row: 1, slot: 0 },
      { type: "stroke-extend", slot: 4 },
      { type: "stroke-end" },
    );
    expect(s.value).toEqual(["B", "B", "B", "B", "B", null]);
    s = run(s, { type: "undo" });
    expect(s.value.every((v) => v === null)).toBe(true);
  });

  it("a stroke starting on the same task erases only that task", () => {
    let s = typeKeys(empty(), "BBAB");
    s = run(s, { type: "stroke-start", row: 1, slot: 0 }, { type: "stroke-extend", slot: 3 }, { type: "stroke-end" });
    expect(s.value.slice(0, 4)).toEqual([null, null, "A", null]);
  });

  it("a stroke that changes nothing leaves no undo entry", () => {
    const s = run(empty(), { type: "stroke-start", row: 0, slot: 0 }, { type: "stroke-extend", slot: 0 });
    // Erasing what the stroke just painted returns to the start: the stroke changed nothing overall.
    const erased = run({ ...s, value: empty().value }, { type: "stroke-end" });
    expect(erased.undo).toHaveLength(0);
  });

  it("keeps at most UNDO_LIMIT entries", () => {
    let s = empty();
    for (let i = 0; i < UNDO_LIMIT + 50; i++) s = run(s, { type: "toggle-cursor" });
    expect(s.undo.length).toBe(UNDO_LIMIT);
  });

  it("property: undoing every edit restores the start", () => {
    const command = fc.oneof(
      fc.record({
        type: fc.constant("tap-cell" as const),
        row: fc.integer({ min: 0, max: 4 }),
        slot: fc.integer({ min: 0, max: 5 }),
      }),
      fc.record({
        type: fc.constant("move" as const),
        rows: fc.integer({ min: -2, max: 2 }),
        slots: fc.integer({ min: -3, max: 3 }),
      }),
      fc.record({ type: fc.constant("paint-row" as const), row: fc.integer({ min: 0, max: 4 }) }),
      fc.constant({ type: "clear" as const }),
    );
    fc.assert(
      fc.property(fc.array(command, { maxLength: 40 }), (commands) => {
        let s = run(empty(), ...commands);
        for (const v of s.value) expect(v === null || rows.some((r) => r.id === v)).toBe(true);
        while (s.undo.length > 0) s = run(s, { type: "undo" });
        expect(s.value).toEqual(empty().value);
      }),
    );
  });
});

describe("descriptions and axis", () => {
  it("announces the slot with its time range", () => {
    expect(describeSlot(4, [null, null, null, null, "B", null], 1, rows)).toBe("slot 4 (t=4–5 ms): B");
    expect(describeSlot(3, [null, null, null, "cs"], 0.1, rows)).toBe("slot 3 (t=0.3–0.4 ms): context switch");
    expect(describeSlot(0, [null], 2, rows)).toBe("slot 0 (t=0–2 ms): empty");
  });

  it("marks mismatching slots, treating missing as unpainted", () => {
    expect(mismatches(["A", "B", null], ["A", "C", null, "A"])).toEqual([false, true, false, true]);
  });

  it("spaces axis labels so they do not overlap", () => {
    expect(axisTicks(10, 44)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(axisTicks(10, 28)).toEqual([0, 2, 4, 6, 8, 10]);
    const ticks = axisTicks(200, 14);
    expect(ticks[1] * 14).toBeGreaterThanOrEqual(36);
    expect(ticks.at(-1)).toBe(200);
  });
});

describe("fitZoom", () => {
  it("picks the widest level whose grid fits, never wider than the default, compact when nothing fits", async () => {
    const { fitZoom: fit, ZOOM_LEVELS: levels, defaultZoom: byDefault } = await import("./timeline-model");
    const head = 76;
    for (const slots of [5, 14, 24, 40, 80]) {
      for (let px = 100; px <= 1400; px += 50) {
        const chosen = fit(slots, px, head);
        const index = levels.findIndex((z) => z.id === chosen);
        const cap = levels.findIndex((z) => z.id === byDefault(slots));
        expect(index).toBeLessThanOrEqual(cap);
        const fits = (i: number) => head + slots * levels[i]!.cellPx <= px;
        if (index > 0) expect(fits(index)).toBe(true);
        // No wider allowed level would also fit.
        for (let i = index + 1; i <= cap; i++) expect(fits(i)).toBe(false);
      }
    }
    // 14 slots on a 390 px phone (about 350 px for the grid): "Wide" (44 px) would need 692 px.
    expect(fit(14, 350, head)).toBe("compact");
    expect(fit(14, 500, head)).toBe("normal");
    expect(fit(14, 1000, head)).toBe("wide");
  });
});
