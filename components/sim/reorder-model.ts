// Pure behaviour of the reorder list: moving items, the "pick up with Space, move with arrows, drop with
// Space, cancel with Escape" keyboard mode, and the sentences announced to screen readers.

import type { ReorderItem } from "./order-normalise";

export { normaliseOrder, type ReorderItem } from "./order-normalise";

/** Moves the element at `from` to index `to` (both clamped); returns the same array when nothing moves. */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  if (list.length === 0) return [];
  const f = Math.min(list.length - 1, Math.max(0, from));
  const t = Math.min(list.length - 1, Math.max(0, to));
  if (f === t) return list.slice();
  const next = list.slice();
  const [item] = next.splice(f, 1);
  next.splice(t, 0, item);
  return next;
}

export interface ReorderState {
  order: string[];
  /** Index of the focused item. */
  focus: number;
  /** While an item is picked up: where it started and the order before pick-up, to restore on Escape. */
  grabbed: { startOrder: string[] } | null;
  announcement: string;
}

export type ReorderCommand =
  | { type: "focus"; index: number }
  | { type: "move-by"; delta: number }
  | { type: "move-to"; from: number; to: number }
  | { type: "toggle-grab" }
  | { type: "cancel" }
  | { type: "arrow"; delta: number };

export function initialReorderState(order: string[]): ReorderState {
  return { order, focus: 0, grabbed: null, announcement: "" };
}

function labelOf(id: string, items: readonly ReorderItem[]): string {
  return items.find((i) => i.id === id)?.label ?? id;
}

export function movedMessage(label: string, position: number, total: number): string {
  return `'${label}' moved to position ${position} of ${total}`;
}

function moveFocused(state: ReorderState, to: number, items: readonly ReorderItem[]): ReorderState {
  const from = state.focus;
  const target = Math.min(state.order.length - 1, Math.max(0, to));
  if (target === from) {
    const edge = target === 0 ? "top" : "bottom";
    return { ...state, announcement: `'${labelOf(state.order[from], items)}' is already at the ${edge}` };
  }
  const order = moveItem(state.order, from, target);
  return {
    ...state,
    order,
    focus: target,
    announcement: movedMessage(labelOf(order[target], items), target + 1, order.length),
  };
}

export function applyReorder(
  state: ReorderState,
  command: ReorderCommand,
  items: readonly ReorderItem[],
): ReorderState {
  const n = state.order.length;
  if (n === 0) return state;
  switch (command.type) {
    case "focus":
      return { ...state, focus: Math.min(n - 1, Math.max(0, command.index)) };
    case "move-by":
      return moveFocused(state, state.focus + command.delta, items);
    case "move-to": {
      const from = Math.min(n - 1, Math.max(0, command.from));
      return moveFocused({ ...state, focus: from }, command.to, items);
    }
    case "arrow":
      // Arrows carry a picked-up item; otherwise they just move focus between items.
      if (state.grabbed) return moveFocused(state, state.focus + command.delta, items);
      return { ...state, focus: Math.min(n - 1, Math.max(0, state.focus + command.delta)) };
    case "toggle-grab": {
      const label = labelOf(state.order[state.focus], items);
      if (state.grabbed) {
        return { ...state, grabbed: null, announcement: `'${label}' dropped at position ${state.focus + 1} of ${n}` };
      }
      return {
        ...state,
        grabbed: { startOrder: state.order },
        announcement: `'${label}' picked up at position ${state.focus + 1} of ${n}. Use the arrow keys to move it, Space to drop, Escape to cancel.`,
      };
    }
    case "cancel": {
      if (!state.grabbed) return state;
      const id = state.order[state.focus];
      const order = state.grabbed.startOrder;
      const focus = order.indexOf(id);
      return {
        ...state,
        order,
        focus,
        grabbed: null,
        announcement: `Move cancelled; '${labelOf(id, items)}' is back at position ${focus + 1} of ${n}`,
      };
    }
  }
}

export function reorderKeyToCommand(input: { key: string; altKey?: boolean }, grabbed: boolean): ReorderCommand | null {
  const delta = input.key === "ArrowUp" ? -1 : input.key === "ArrowDown" ? 1 : 0;
  if (delta !== 0) return input.altKey ? { type: "move-by", delta } : { type: "arrow", delta };
  if (input.key === " ") return { type: "toggle-grab" };
  if (input.key === "Escape" && grabbed) return { type: "cancel" };
  if (input.key === "Home") return grabbed ? { type: "move-by", delta: -Infinity } : { type: "focus", index: 0 };
  if (input.key === "End")
    return grabbed ? { type: "move-by", delta: Infinity } : { type: "focus", index: Number.MAX_SAFE_INTEGER };
  return null;
}
