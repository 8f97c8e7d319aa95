"use client";

import { useId, useState } from "react";
import type { AnswerPartSpec } from "@/lib/engine/questions";
import { expectedUnitPhrase, formatQuantity, parseQuantity } from "@/lib/units";
import { cn } from "@/lib/utils";
import { distinctMessages } from "@/lib/messages";

export type NumberPart = Extract<AnswerPartSpec, { kind: "number" }>;

export interface NumberAnswerProps {
  part: NumberPart;
  /** What the student typed; kept as text so "4 ms" is not rewritten while they type. */
  text: string;
  onChange: (text: string) => void;
  disabled?: boolean;
  /** Server-side errors for this part. */
  errors?: string[];
}

/** Input for a number part that accepts units ("4000 µs", "75%") and shows what it will be graded as. */
export function NumberAnswer({ part, text, onChange, disabled = false, errors = [] }: NumberAnswerProps) {
  const id = useId();
  // Parse errors show only after the student leaves the field, so typing "4 m" on the way to "4 ms"
  // does not flash an error at every keystroke.
  const [touched, setTouched] = useState(false);
  const parsed = text.trim() === "" ? null : parseQuantity(text, part.unit);
  const parseError = touched && parsed !== null && !parsed.ok ? parsed.message : null;
  // The blur check, the submit check and the server can each report the same parse error: say it once.
  const allErrors = distinctMessages([...(parseError ? [parseError] : []), ...errors]);
  const converted =
    parsed?.ok && !/^\s*[+-]?[\d.,]+\s*$/.test(text) ? `= ${formatQuantity(parsed.value, part.unit)}` : null;
  const describedBy = [`${id}-unit`, part.hint ? `${id}-hint` : null, allErrors.length ? `${id}-error` : null]
    .filter(Boolean)
    .join(" ");

  return (
    <div className="flex flex-col gap-1" data-slot="number-answer">
      <label htmlFor={id} className="text-sm font-medium">
        {part.label}
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <input
          id={id}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          spellCheck={false}
          value={text}
          disabled={disabled}
          onChange={(e) => onChange(e.target.value)}
          onBlur={() => setTouched(true)}
          aria-invalid={allErrors.length > 0 || undefined}
          aria-describedby={describedBy}
          className={cn(
            "min-h-10 w-40 rounded-md border bg-card px-3 text-base tabular-nums",
            allErrors.length > 0 ? "border-danger" : "border-border",
          )}
        />
        <span id={`${id}-unit`} className="text-sm text-muted-foreground">
          {expectedUnitPhrase(part.unit, part.integer === true)}
        </span>
        {converted ? (
          <span className="text-sm text-muted-foreground" aria-live="polite">
            {converted}
          </span>
        ) : null}
      </div>
      {part.hint ? (
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          {part.hint}
        </p>
      ) : null}
      {allErrors.length > 0 ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-danger">
          {allErrors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
