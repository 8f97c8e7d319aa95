"use client";

import { type KeyboardEvent, type PointerEvent, useEffect, useId, useMemo, useRef, useState } from "react";
import type { AnswerPartSpec } from "@/lib/engine/questions";
import { cn } from "@/lib/utils";
import {
  applyReorder,
  normaliseOrder,
  type ReorderCommand,
  reorderKeyToCommand,
  type ReorderState,
} from "./reorder-model";

export type OrderPart = Extract<AnswerPartSpec, { kind: "order" }>;

export interface ReorderListProps {
  part: OrderPart;
  /** Item ids in the student's order. */
  value: string[];
  onChange: (value: string[]) => void;
  disabled?: boolean;
  errors?: string[];
}

type UiState = Omit<ReorderState, "order">;

/**
 * Accessible reorder list: move buttons on every item, keyboard (Alt+arrows, or Space to pick up, arrows to
 * move, Space to drop, Escape to cancel) and drag with mouse or touch on the handle.
 */
export function ReorderList({ part, value, onChange, disabled = false, errors = [] }: ReorderListProps) {
  const id = useId();
  const order = useMemo(() => normaliseOrder(value, part.items), [value, part.items]);
  const labels = useMemo(() => new Map(part.items.map((i) => [i.id, i.label])), [part.items]);
  const [ui, setUi] = useState<UiState>({ focus: 0, grabbed: null, announcement: "" });
  const orderRef = useRef(order);
  const uiRef = useRef(ui);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const listRef = useRef<HTMLOListElement>(null);
  const dragging = useRef<{ pointerId: number; index: number } | null>(null);
  const [draggingId, setDraggingId] = useState<string | null>(null);

  useEffect(() => {
    orderRef.current = order;
  }, [order]);

  function dispatch(command: ReorderCommand, refocus = true) {
    if (disabled && command.type !== "focus") return;
    const current: ReorderState = { ...uiRef.current, order: orderRef.current };
    const next = applyReorder(current, command, part.items);
    uiRef.current = { focus: next.focus, grabbed: next.grabbed, announcement: next.announcement };
    setUi(uiRef.current);
    if (next.order !== current.order) {
      orderRef.current = next.order;
      onChange(next.order);
    }
    // Moving a DOM node can drop its focus; put focus back on the item the student is working with.
    if (refocus) queueMicrotask(() => buttons.current.get(next.order[next.focus])?.focus());
  }

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>, index: number) {
    if (uiRef.current.focus !== index) dispatch({ type: "focus", index }, false);
    // Space and Enter reach onClick natively (the item is a button), which picks up / drops.
    if (event.key === " " || event.key === "Enter") return;
    const command = reorderKeyToCommand(event, uiRef.current.grabbed !== null);
    if (command === null) return;
    event.preventDefault();
    dispatch(command);
  }

  function indexAt(x: number, y: number): number | null {
    const el = document.elementFromPoint(x, y)?.closest<HTMLElement>("[data-reorder-index]");
    if (!el || !listRef.current?.contains(el)) return null;
    return Number(el.dataset.reorderIndex);
  }

  function onHandleDown(event: PointerEvent<HTMLSpanElement>, index: number) {
    if (disabled || (event.pointerType === "mouse" && event.button !== 0)) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    dragging.current = { pointerId: event.pointerId, index };
    setDraggingId(orderRef.current[index]);
  }

  function onHandleMove(event: PointerEvent<HTMLSpanElement>) {
    const drag = dragging.current;
    if (!drag || drag.pointerId !== event.pointerId) return;
    const target = indexAt(event.clientX, event.clientY);
    if (target === null || target === drag.index) return;
    dispatch({ type: "move-to", from: drag.index, to: target }, false);
    drag.index = target;
  }

  function onHandleUp() {
    dragging.current = null;
    setDraggingId(null);
  }

  const instructions = `${id}-instructions`;
  return (
    <div className="flex flex-col gap-2" data-slot="reorder-list">
      <p id={`${id}-label`} className="text-sm font-medium">
        {part.label}
      </p>
      <p id={instructions} className="text-xs text-muted-foreground">
        Use the arrow buttons, drag the handle, or focus an item and press Alt+Up/Down. You can also press Space to pick
        an item up, move it with the arrow keys, and press Space again to drop it (Escape cancels).
      </p>
      <ol ref={listRef} aria-labelledby={`${id}-label`} className="flex flex-col gap-1.5">
        {order.map((itemId, index) => {
          const label = labels.get(itemId) ?? itemId;
          const grabbed = ui.grabbed !== null && ui.focus === index;
          return (
            <li
              key={itemId}
              data-reorder-index={index}
              className={cn(
                "flex min-h-11 items-center gap-2 rounded-md border bg-card pr-1 text-sm",
                grabbed ? "border-primary" : "border-border",
                draggingId === itemId ? "opacity-70 ring-2 ring-ring" : grabbed && "ring-2 ring-primary",
              )}
            >
              <span
                aria-hidden="true"
                onPointerDown={(e) => onHandleDown(e, index)}
                onPointerMove={onHandleMove}
                onPointerUp={onHandleUp}
                onPointerCancel={onHandleUp}
                className={cn(
                  "flex h-11 w-8 shrink-0 touch-none items-center justify-center text-muted-foreground",
                  disabled ? "cursor-not-allowed" : "cursor-grab",
                )}
                title="Drag to reorder"
              >
                <svg viewBox="0 0 10 16" className="h-4 w-2.5" fill="currentColor">
                  <circle cx="2" cy="3" r="1.4" />
                  <circle cx="8" cy="3" r="1.4" />
                  <circle cx="2" cy="8" r="1.4" />
                  <circle cx="8" cy="8" r="1.4" />
                  <circle cx="2" cy="13" r="1.4" />
                  <circle cx="8" cy="13" r="1.4" />
                </svg>
              </span>
              <span className="w-6 shrink-0 text-right tabular-nums text-muted-foreground" aria-hidden="true">
                {index + 1}.
              </span>
              <button
                type="button"
                ref={(el) => {
                  if (el) buttons.current.set(itemId, el);
                  else buttons.current.delete(itemId);
                }}
                tabIndex={index === Math.min(ui.focus, order.length - 1) ? 0 : -1}
                aria-pressed={grabbed}
                aria-describedby={instructions}
                aria-label={`${label}, position ${index + 1} of ${order.length}`}
                disabled={disabled}
                onClick={() => dispatch({ type: "toggle-grab" })}
                onKeyDown={(e) => onKeyDown(e, index)}
                onFocus={() => uiRef.current.focus !== index && dispatch({ type: "focus", index }, false)}
                className="min-h-10 flex-1 truncate rounded px-2 text-left font-mono"
              >
                {label}
                {grabbed ? (
                  <span className="ml-2 rounded bg-primary px-1.5 py-0.5 font-sans text-xs text-primary-foreground">
                    moving
                  </span>
                ) : null}
              </button>
              <button
                type="button"
                aria-label={`Move '${label}' up`}
                aria-disabled={index === 0 || disabled}
                disabled={disabled}
                onClick={() => {
                  dispatch({ type: "move-to", from: index, to: index - 1 }, false);
                }}
                className={cn(
                  "flex size-10 items-center justify-center rounded-md hover:bg-muted",
                  index === 0 && "opacity-40",
                )}
              >
                <span aria-hidden="true">▲</span>
              </button>
              <button
                type="button"
                aria-label={`Move '${label}' down`}
                aria-disabled={index === order.length - 1 || disabled}
                disabled={disabled}
                onClick={() => {
                  dispatch({ type: "move-to", from: index, to: index + 1 }, false);
                }}
                className={cn(
                  "flex size-10 items-center justify-center rounded-md hover:bg-muted",
                  index === order.length - 1 && "opacity-40",
                )}
              >
                <span aria-hidden="true">▼</span>
              </button>
            </li>
          );
        })}
      </ol>
      {errors.length > 0 ? (
        <p role="alert" className="text-sm text-danger">
          {errors.join(" ")}
        </p>
      ) : null}
      <p aria-live="assertive" className="sr-only">
        {ui.announcement}
      </p>
    </div>
  );
}
