// The timeline editor's behaviour as pure data: which rows exist, what each key does, painting, clearing
// and undo. The React component only renders this state and forwards events, so everything a student
// can do with mouse, touch or keyboard is tested here without a DOM.
import type { TimelineValue } from "@/lib/engine/questions";

export const IDLE = "idle";
export const SWITCH = "cs";

export interface TimelineRow {
  /** The value painted into a slot: a task id, "idle" or "cs". */
  id: string;
  label: string;
  kind: "task" | "idle" | "cs";
}

export interface TimelinePartShape {
  tasks: { id: string; label: string }[];
  slots: number;
  slotMs: number;
  allowIdle: boolean;
  allowSwitch: boolean;
}

export interface Cursor {
  row: number;
  slot: number;
}

export interface EditorState {
  value: TimelineValue;
  cursor: Cursor;
  /** Earlier values, most recent last; bounded so a long drag session cannot grow memory without limit. */
  undo: TimelineValue[];
  /** During a mouse drag: the row being painted and whether the stroke paints or erases. */
  stroke: { row: number; erase: boolean } | null;
}

export type EditorCommand =
  | { type: "move"; rows: number; slots: number }
  | { type: "home" }
  | { type: "end" }
  | { type: "toggle-cursor" }
  | { type: "paint-row"; row: number }
  | { type: "clear" }
  | { type: "undo" }
  | { type: "focus-cell"; row: number; slot: number }
  | { type: "tap-cell"; row: number; slot: number }
  | { type: "stroke-start"; row: number; slot: number }
  | { type: "stroke-extend"; slot: number }
  | { type: "stroke-end" };

export const UNDO_LIMIT = 200;

export function timelineRows(part: TimelinePartShape): TimelineRow[] {
  const rows: TimelineRow[] = part.tasks.map((t) => ({ id: t.id, label: t.label, kind: "task" }));
  if (part.allowIdle) rows.push({ id: IDLE, label: "idle", kind: "idle" });
  if (part.allowSwitch) rows.push({ id: SWITCH, label: "context switch", kind: "cs" });
  return rows;
}

/** A value of the right length: extra slots dropped, missing ones null, unknown ids treated as unpainted. */
export function normaliseTimeline(
  value: readonly (string | null)[] | undefined,
  slots: number,
  rows: readonly TimelineRow[],
): TimelineValue {
  const known = new Set(rows.map((r) => r.id));
  const out: TimelineValue = new Array<string | null>(Math.max(0, slots)).fill(null);
  for (let i = 0; i < out.length && value !== undefined && i < value.length; i++) {
    const v = value[i];
    out[i] = v !== null && known.has(v) ? v : null;
  }
  return out;
}

export function initialEditorState(value: TimelineValue): EditorState {
  return { value, cursor: { row: 0, slot: 0 }, undo: [], stroke: null };
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

function withValue(state: EditorState, value: TimelineValue, remember: boolean): EditorState {
  if (sameTimeline(value, state.value)) return state;
  const undo = remember ? [...state.undo, state.value].slice(-UNDO_LIMIT) : state.undo;
  return { ...state, value, undo };
}

function setSlot(value: TimelineValue, slot: number, id: string | null): TimelineValue {
  if (value[slot] === id) return value;
  const next = value.slice();
  next[slot] = id;
  return next;
}

export function sameTimeline(a: readonly (string | null)[], b: readonly (string | null)[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** Applies one editor command. `rows` and the value's length bound the cursor. */
export function applyCommand(state: EditorState, command: EditorCommand, rows: readonly TimelineRow[]): EditorState {
  const slots = state.value.length;
  const lastRow = Math.max(0, rows.length - 1);
  const lastSlot = Math.max(0, slots - 1);
  const at = (row: number, slot: number): Cursor => ({ row: clamp(row, 0, lastRow), slot: clamp(slot, 0, lastSlot) });
  const { cursor } = state;

  switch (command.type) {
    case "move":
      return { ...state, cursor: at(cursor.row + command.rows, cursor.slot + command.slots) };
    case "home":
      return { ...state, cursor: at(cursor.row, 0) };
    case "end":
      return { ...state, cursor: at(cursor.row, lastSlot) };
    case "focus-cell":
      return { ...state, cursor: at(command.row, command.slot) };
    case "toggle-cursor":
    case "tap-cell": {
      const c = command.type === "tap-cell" ? at(command.row, command.slot) : cursor;
      if (slots === 0 || rows.length === 0) return state;
      const id = rows[c.row].id;
      // Painting a slot that already holds this row's task clears it, so a second tap undoes a mis-tap.
      const next = setSlot(state.value, c.slot, state.value[c.slot] === id ? null : id);
      return { ...withValue(state, next, true), cursor: c };
    }
    case "paint-row": {
      if (slots === 0 || command.row < 0 || command.row >= rows.length) return state;
      const next = setSlot(state.value, cursor.slot, rows[command.row].id);
      // Typing a task letter advances, so "AABBC" fills five slots in a row like typing text.
      return { ...withValue(state, next, true), cursor: at(command.row, cursor.slot + 1) };
    }
    case "clear":
      if (slots === 0) return state;
      return withValue(state, setSlot(state.value, cursor.slot, null), true);
    case "undo": {
      if (state.undo.length === 0) return state;
      const previous = state.undo[state.undo.length - 1];
      return { ...state, value: previous, undo: state.undo.slice(0, -1), stroke: null };
    }
    case "stroke-start": {
      if (slots === 0 || rows.length === 0) return state;
      const c = at(command.row, command.slot);
      const id = rows[c.row].id;
      const erase = state.value[c.slot] === id;
      const next = setSlot(state.value, c.slot, erase ? null : id);
      // The whole drag is one undo step: remember the value before the stroke even if it ends up unchanged.
      return {
        ...state,
        value: next,
        undo: [...state.undo, state.value].slice(-UNDO_LIMIT),
        cursor: c,
        stroke: { row: c.row, erase },
      };
    }
    case "stroke-extend": {
      if (state.stroke === null || slots === 0) return state;
      const slot = clamp(command.slot, 0, lastSlot);
      const id = rows[state.stroke.row].id;
      const from = Math.min(slot, state.cursor.slot);
      const to = Math.max(slot, state.cursor.slot);
      let next = state.value;
      // Fill the span since the last pointer position so a fast drag leaves no gaps.
      for (let s = from; s <= to; s++) {
        if (state.stroke.erase) {
          if (next[s] === id) next = setSlot(next, s, null);
        } else next = setSlot(next, s, id);
      }
      return { ...state, value: next, cursor: { row: state.stroke.row, slot } };
    }
    case "stroke-end": {
      if (state.stroke === null) return state;
      // Drop the undo entry of a stroke that changed nothing, so Undo never looks broken.
      const before = state.undo[state.undo.length - 1];
      const undo = before !== undefined && sameTimeline(before, state.value) ? state.undo.slice(0, -1) : state.undo;
      return { ...state, undo, stroke: null };
    }
  }
}

export interface KeyInput {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  shiftKey?: boolean;
}

/**
 * Maps a key press to a command. Letters paint the task with that id (case-insensitive); "i" paints idle
 * and "s" a context switch when those rows exist and no task claims the letter; digits 1–9 paint the nth
 * row so multi-letter task ids ("T1") stay reachable. Returns null for keys the grid does not handle.
 */
export function keyToCommand(input: KeyInput, rows: readonly TimelineRow[], pageSlots = 10): EditorCommand | null {
  const { key } = input;
  const modified = input.ctrlKey || input.metaKey;
  if (modified && (key === "z" || key === "Z") && !input.shiftKey) return { type: "undo" };
  if (modified || input.altKey) return null;
  switch (key) {
    case "ArrowLeft":
      return { type: "move", rows: 0, slots: -1 };
    case "ArrowRight":
      return { type: "move", rows: 0, slots: 1 };
    case "ArrowUp":
      return { type: "move", rows: -1, slots: 0 };
    case "ArrowDown":
      return { type: "move", rows: 1, slots: 0 };
    case "PageUp":
      return { type: "move", rows: 0, slots: -pageSlots };
    case "PageDown":
      return { type: "move", rows: 0, slots: pageSlots };
    case "Home":
      return { type: "home" };
    case "End":
      return { type: "end" };
    case " ":
    case "Enter":
      return { type: "toggle-cursor" };
    case "Backspace":
    case "Delete":
      return { type: "clear" };
  }
  if (key.length !== 1) return null;
  const lower = key.toLowerCase();
  const byId = rows.findIndex((r) => r.kind === "task" && r.id.toLowerCase() === lower);
  if (byId >= 0) return { type: "paint-row", row: byId };
  if (lower === "i") {
    const idle = rows.findIndex((r) => r.kind === "idle");
    if (idle >= 0) return { type: "paint-row", row: idle };
  }
  if (lower === "s") {
    const cs = rows.findIndex((r) => r.kind === "cs");
    if (cs >= 0) return { type: "paint-row", row: cs };
  }
  if (/^[1-9]$/.test(key)) {
    const n = Number(key) - 1;
    if (n < rows.length) return { type: "paint-row", row: n };
  }
  return null;
}

/** Trims float noise so 0.1 ms slots label as "0.3", not "0.30000000000000004". */
export function formatMs(x: number): string {
  return String(Number(x.toFixed(3)));
}

export function slotContentLabel(id: string | null, rows: readonly TimelineRow[]): string {
  if (id === null) return "empty";
  const row = rows.find((r) => r.id === id);
  return row ? row.label : id;
}

/** The live-region text for the cursor, e.g. "slot 4 (t=4–5 ms): B". */
export function describeSlot(slot: number, value: TimelineValue, slotMs: number, rows: readonly TimelineRow[]): string {
  return `slot ${slot} (t=${formatMs(slot * slotMs)}–${formatMs((slot + 1) * slotMs)} ms): ${slotContentLabel(value[slot] ?? null, rows)}`;
}

/** Per slot: true where the student's slot differs from the reference. */
export function mismatches(value: readonly (string | null)[], reference: readonly (string | null)[]): boolean[] {
  const n = Math.max(value.length, reference.length);
  return Array.from({ length: n }, (_, i) => (value[i] ?? null) !== (reference[i] ?? null));
}

export const ZOOM_LEVELS = [
  { id: "compact", label: "Compact", cellPx: 14 },
  { id: "normal", label: "Normal", cellPx: 28 },
  { id: "wide", label: "Wide", cellPx: 44 },
] as const;
export type ZoomId = (typeof ZOOM_LEVELS)[number]["id"];

/**
 * The widest zoom, no wider than defaultZoom, at which the whole timeline fits `availablePx` (its row
 * labels take `headPx`); compact when none fits, and the editor then says that it scrolls.
 */
export function fitZoom(slots: number, availablePx: number, headPx: number): ZoomId {
  const cap = ZOOM_LEVELS.findIndex((z) => z.id === defaultZoom(slots));
  for (let i = cap; i > 0; i--) if (headPx + slots * ZOOM_LEVELS[i]!.cellPx <= availablePx) return ZOOM_LEVELS[i]!.id;
  return ZOOM_LEVELS[0].id;
}

/** Long schedules start compact so they fit more of the timeline on screen. */
export function defaultZoom(slots: number): ZoomId {
  if (slots > 60) return "compact";
  if (slots > 24) return "normal";
  return "wide";
}

// 1/2/5 × 10^k only (lib/nice-ticks.ts): a 25-slot step labels 25/75, which nobody counts in.
const NICE_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000];

/** Which slot boundaries get a time label, so labels at least `minGapPx` apart never overlap. */
export function axisTicks(slots: number, cellPx: number, minGapPx = 36): number[] {
  if (slots <= 0 || cellPx <= 0) return [];
  const step = NICE_STEPS.find((s) => s * cellPx >= minGapPx) ?? Math.ceil(minGapPx / cellPx);
  const ticks: number[] = [];
  for (let s = 0; s <= slots; s += step) ticks.push(s);
  return ticks;
}
