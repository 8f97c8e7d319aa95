"use client";

import { type KeyboardEvent, type PointerEvent, useEffect, useId, useMemo, useRef, useState } from "react";
import type { AnswerPartSpec, TimelineValue } from "@/lib/engine/questions";
import { cn } from "@/lib/utils";
import { taskColour } from "./gantt-model";
import {
  applyCommand,
  axisTicks,
  defaultZoom,
  fitZoom,
  describeSlot,
  type EditorCommand,
  type EditorState,
  formatMs,
  keyToCommand,
  mismatches,
  normaliseTimeline,
  slotContentLabel,
  timelineRows,
  ZOOM_LEVELS,
  type ZoomId,
} from "./timeline-model";

export type TimelinePart = Extract<AnswerPartSpec, { kind: "timeline" }>;

export interface TimelineEditorProps {
  part: TimelinePart;
  value: TimelineValue;
  onChange?: (value: TimelineValue) => void;
  disabled?: boolean;
  /** After grading: the reference timeline, drawn beneath, with mismatching slots marked. */
  reference?: TimelineValue;
  /** After grading: the first slot where the prediction differs. */
  divergenceSlot?: number;
  /** Id of an element describing an error for this part. */
  errorId?: string;
}

const HEAD_PX = 76;
// A rendering bound, not a rule: questions use far fewer slots, and a malformed part must not freeze the page.
const MAX_SLOTS = 2000;
const CELL_HEIGHT = "h-8"; // 32 px: comfortably above the 28 px minimum tap target height we promise

type UiState = Omit<EditorState, "value">;

const NAVIGATION = new Set<EditorCommand["type"]>(["move", "home", "end", "focus-cell"]);

function listSlots(flags: boolean[]): string {
  const slots = flags.flatMap((f, i) => (f ? [i] : []));
  if (slots.length > 12) return `${slots.slice(0, 12).join(", ")} and ${slots.length - 12} more`;
  return slots.join(", ");
}

/** Gantt editor for a timeline part: paint which task runs in each slot by mouse, touch or keyboard. */
export function TimelineEditor({
  part,
  value,
  onChange,
  disabled = false,
  reference,
  divergenceSlot,
  errorId,
}: TimelineEditorProps) {
  const rows = useMemo(() => timelineRows(part), [part]);
  const slots = Number.isFinite(part.slots) ? Math.max(0, Math.min(Math.floor(part.slots), MAX_SLOTS)) : 0;
  const shown = useMemo(() => normaliseTimeline(value, slots, rows), [value, slots, rows]);
  const taskIds = useMemo(() => part.tasks.map((t) => t.id), [part.tasks]);
  const baseId = useId();
  const helpId = `${baseId}-help`;
  const cellId = (row: number, slot: number) => `${baseId}-r${row}-s${slot}`;

  const [ui, setUi] = useState<UiState>({ cursor: { row: 0, slot: 0 }, undo: [], stroke: null });
  const uiRef = useRef(ui);
  // The newest value this editor produced; the parent's prop may lag behind during a fast drag.
  const valueRef = useRef(shown);
  useEffect(() => {
    valueRef.current = shown;
  }, [shown]);

  // Zoom to fit by default (a 390 px phone showed 5 of 14 slots at "Wide" with no sign of the rest); a
  // zoom the student picks sticks. The scroll box's width is measured, so this follows rotation too.
  const [pickedZoom, setPickedZoom] = useState<ZoomId | null>(null);
  const [boxWidth, setBoxWidth] = useState<number | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const box = scrollRef.current;
    if (!box || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => setBoxWidth(box.clientWidth));
    observer.observe(box);
    return () => observer.disconnect();
  }, []);
  const zoom = pickedZoom ?? (boxWidth === null ? defaultZoom(slots) : fitZoom(slots, boxWidth, HEAD_PX));
  const cellPx = ZOOM_LEVELS.find((z) => z.id === zoom)?.cellPx ?? 28;
  const [focused, setFocused] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const lastPointer = useRef<string>("mouse");
  const gridRef = useRef<HTMLDivElement>(null);

  const diff = useMemo(
    () => (reference ? mismatches(shown, normaliseTimeline(reference, slots, rows)) : null),
    [reference, shown, slots, rows],
  );
  const refValue = useMemo(
    () => (reference ? normaliseTimeline(reference, slots, rows) : null),
    [reference, slots, rows],
  );

  function dispatch(command: EditorCommand) {
    if (disabled && !NAVIGATION.has(command.type)) return;
    const current: EditorState = { ...uiRef.current, value: valueRef.current };
    const next = applyCommand(current, command, rows);
    uiRef.current = { cursor: next.cursor, undo: next.undo, stroke: next.stroke };
    setUi(uiRef.current);
    if (next.value !== current.value) {
      valueRef.current = next.value;
      onChange?.(next.value);
    }
    if (command.type !== "stroke-extend" && command.type !== "stroke-end") {
      const prefix = command.type === "undo" ? (next === current ? "Nothing to undo. " : "Undone. ") : "";
      setAnnouncement(prefix + describeSlot(next.cursor.slot, next.value, part.slotMs, rows));
    }
  }

  // Keep the cursor's cell visible while moving with the keyboard through a long, scrolled timeline.
  useEffect(() => {
    if (!focused) return;
    document
      .getElementById(cellId(ui.cursor.row, ui.cursor.slot))
      ?.scrollIntoView({ block: "nearest", inline: "nearest" });
    // cellId is derived from baseId, which never changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ui.cursor, focused]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const command = keyToCommand(event, rows, 10);
    if (command === null) return;
    event.preventDefault();
    dispatch(command);
  }

  function cellFromPoint(x: number, y: number): { row: number; slot: number } | null {
    const el = document.elementFromPoint(x, y)?.closest<HTMLElement>("[data-cell]");
    if (!el || !gridRef.current?.contains(el)) return null;
    return { row: Number(el.dataset.row), slot: Number(el.dataset.slotIndex) };
  }

  function onPointerDown(event: PointerEvent<HTMLDivElement>) {
    lastPointer.current = event.pointerType;
    gridRef.current?.focus({ preventScroll: true });
    // Touch and pen paint on tap (onClick) so that swiping keeps scrolling the timeline sideways.
    if (event.pointerType !== "mouse" || event.button !== 0 || disabled) return;
    const cell = cellFromPoint(event.clientX, event.clientY);
    if (!cell) return;
    event.preventDefault();
    gridRef.current?.setPointerCapture(event.pointerId);
    dispatch({ type: "stroke-start", ...cell });
  }

  function onPointerMove(event: PointerEvent<HTMLDivElement>) {
    if (uiRef.current.stroke === null) return;
    const cell = cellFromPoint(event.clientX, event.clientY);
    if (cell && cell.slot !== uiRef.current.cursor.slot) dispatch({ type: "stroke-extend", slot: cell.slot });
  }

  function endStroke() {
    if (uiRef.current.stroke !== null) {
      dispatch({ type: "stroke-end" });
      setAnnouncement(describeSlot(uiRef.current.cursor.slot, valueRef.current, part.slotMs, rows));
    }
  }

  function onCellClick(row: number, slot: number) {
    if (lastPointer.current === "mouse") return;
    dispatch({ type: "tap-cell", row, slot });
  }

  const width = HEAD_PX + slots * cellPx;
  const ticks = axisTicks(slots, cellPx);
  const showLetters = cellPx >= 20;

  return (
    <div className="flex flex-col gap-2" data-slot="timeline-editor">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <label className="flex items-center gap-1">
          <span className="text-muted-foreground">Zoom</span>
          <select
            value={zoom}
            onChange={(e) => setPickedZoom(e.target.value as ZoomId)}
            className="min-h-9 rounded-md border border-border bg-card px-2"
          >
            {ZOOM_LEVELS.map((z) => (
              <option key={z.id} value={z.id}>
                {z.label}
              </option>
            ))}
          </select>
        </label>
        {!disabled ? (
          <button
            type="button"
            onClick={() => dispatch({ type: "undo" })}
            disabled={ui.undo.length === 0}
            className="min-h-9 rounded-md border border-border bg-card px-3 hover:bg-muted disabled:cursor-not-allowed disabled:opacity-50"
          >
            Undo
          </button>
        ) : null}
        <span className="text-xs text-muted-foreground">
          {slots} slots of {formatMs(part.slotMs)} ms
        </span>
      </div>
      <p id={helpId} className="text-xs text-muted-foreground">
        {disabled
          ? "Read only. Arrow keys move between slots."
          : `Click or drag to paint; tap on a phone. Keyboard: arrows move, type a task letter${part.allowIdle ? " (i = idle" : ""}${part.allowSwitch ? (part.allowIdle ? ", s = switch" : " (s = switch") : ""}${part.allowIdle || part.allowSwitch ? ")" : ""} to paint and advance, Space paints the highlighted row, Backspace clears, Ctrl+Z undoes.`}
      </p>
      {boxWidth !== null && width > boxWidth ? (
        <p className="text-xs text-muted-foreground" data-testid="timeline-scrolls">
          The timeline is wider than the screen: scroll sideways to see all {slots} slots →
        </p>
      ) : null}
      <div
        ref={scrollRef}
        className="overflow-x-auto rounded-md border border-border bg-card pb-1"
        style={{ scrollPaddingLeft: HEAD_PX }}
      >
        <div style={{ width }} className="relative">
          <div className="relative h-5 text-[11px] tabular-nums text-muted-foreground" aria-hidden="true">
            {ticks.map((s) => (
              <span key={s} className="absolute top-0.5 -translate-x-1/2" style={{ left: HEAD_PX + s * cellPx }}>
                {formatMs(s * part.slotMs)}
              </span>
            ))}
          </div>
          <div
            ref={gridRef}
            role="grid"
            tabIndex={0}
            aria-label={`${part.label}: timeline, ${slots} slots of ${formatMs(part.slotMs)} ms`}
            aria-describedby={[helpId, errorId].filter(Boolean).join(" ")}
            aria-readonly={disabled || undefined}
            aria-activedescendant={slots > 0 && rows.length > 0 ? cellId(ui.cursor.row, ui.cursor.slot) : undefined}
            onKeyDown={onKeyDown}
            onFocus={() => setFocused(true)}
            onBlur={() => setFocused(false)}
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={endStroke}
            onPointerCancel={endStroke}
            className="select-none outline-none"
            data-testid="timeline-grid"
          >
            {rows.map((row, r) => (
              <div role="row" key={row.id} className="flex">
                <div
                  role="rowheader"
                  title={row.label}
                  className={cn(
                    "sticky left-0 z-10 flex shrink-0 items-center truncate border-r border-border bg-card px-2 text-sm font-medium",
                    CELL_HEIGHT,
                    ui.cursor.row === r && focused && "text-primary",
                  )}
                  style={{ width: HEAD_PX }}
                >
                  {row.kind === "cs" ? "switch" : row.label}
                </div>
                {shown.map((v, s) => {
                  const painted = v === row.id;
                  const active = focused && ui.cursor.row === r && ui.cursor.slot === s;
                  const wrong = diff !== null && diff[s] && painted;
                  return (
                    <div
                      role="gridcell"
                      key={s}
                      id={cellId(r, s)}
                      data-cell=""
                      data-row={r}
                      data-slot-index={s}
                      aria-selected={painted}
                      aria-label={`${row.label}, ${describeSlot(s, shown, part.slotMs, rows)}`}
                      onClick={() => onCellClick(r, s)}
                      className={cn(
                        "relative flex shrink-0 items-center justify-center border-b border-r text-xs font-semibold",
                        CELL_HEIGHT,
                        // Every five slots a firmer right edge, on empty cells; a painted cell takes its task's colour.
                        painted
                          ? taskColour(row.id, taskIds)
                          : ["border-border/70 hover:bg-muted", s % 5 === 4 && "border-r-border"],
                        active
                          ? "z-20 outline-2 -outline-offset-2 outline-ring"
                          : wrong && "outline-2 -outline-offset-2 outline-danger",
                        divergenceSlot === s && "shadow-[inset_2px_0_0_var(--danger)]",
                        !disabled && "cursor-pointer",
                      )}
                      style={{ width: cellPx }}
                    >
                      {painted && showLetters
                        ? row.kind === "task"
                          ? row.id
                          : row.kind === "idle"
                            ? "–"
                            : "cs"
                        : null}
                    </div>
                  );
                })}
              </div>
            ))}
          </div>
          {refValue ? (
            <div className="mt-1 flex border-t-2 border-border" aria-hidden="true" data-testid="timeline-reference">
              <div
                className={cn(
                  "sticky left-0 z-10 flex shrink-0 items-center bg-card px-2 text-xs font-semibold text-muted-foreground",
                  CELL_HEIGHT,
                )}
                style={{ width: HEAD_PX }}
              >
                Reference
              </div>
              {refValue.map((v, s) => (
                <div
                  key={s}
                  title={`slot ${s}: ${slotContentLabel(v, rows)}`}
                  className={cn(
                    "flex shrink-0 items-center justify-center border-r text-xs font-semibold",
                    CELL_HEIGHT,
                    v === null ? "border-border/70" : taskColour(v, taskIds),
                    diff?.[s] && "outline-2 -outline-offset-2 outline-danger",
                    divergenceSlot === s && "shadow-[inset_2px_0_0_var(--danger)]",
                  )}
                  style={{ width: cellPx }}
                >
                  {v !== null && showLetters ? (v === "idle" ? "–" : v) : null}
                </div>
              ))}
            </div>
          ) : null}
        </div>
      </div>
      {diff && refValue ? (
        <p className="text-sm">
          {diff.some(Boolean) ? (
            <>
              <span className="font-medium text-danger">Differs from the reference</span> in slot
              {diff.filter(Boolean).length === 1 ? "" : "s"} {listSlots(diff)}
              {divergenceSlot !== undefined
                ? ` (first at slot ${divergenceSlot}, t=${formatMs(divergenceSlot * part.slotMs)} ms)`
                : ""}
              .
            </>
          ) : (
            <span className="font-medium text-success">Matches the reference in every slot.</span>
          )}
        </p>
      ) : null}
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}
