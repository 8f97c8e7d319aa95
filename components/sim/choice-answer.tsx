"use client";

import { useId } from "react";
import type { AnswerPartSpec } from "@/lib/engine/questions";
import { cn } from "@/lib/utils";

export type ChoicePart = Extract<AnswerPartSpec, { kind: "choice" }>;

export interface ChoiceAnswerProps {
  part: ChoicePart;
  /** Selected option ids (at most one when the part is single-choice). */
  value: string[];
  onChange: (value: string[]) => void;
  disabled?: boolean;
  errors?: string[];
}

/** A radio group (single choice) or checkbox group (multiple choice) inside a labelled fieldset. */
export function ChoiceAnswer({ part, value, onChange, disabled = false, errors = [] }: ChoiceAnswerProps) {
  const id = useId();
  const name = `${id}-choice`;
  const toggle = (option: string, checked: boolean) => {
    if (!part.multiple) onChange([option]);
    // Keep the options' display order rather than click order so the answer is stable.
    else onChange(part.options.map((o) => o.id).filter((o) => (o === option ? checked : value.includes(o))));
  };
  return (
    <fieldset
      className="flex flex-col gap-2"
      aria-describedby={errors.length ? `${id}-error` : undefined}
      data-slot="choice-answer"
    >
      <legend className="mb-1 text-sm font-medium">
        {part.label}
        {part.multiple ? <span className="font-normal text-muted-foreground"> (choose all that apply)</span> : null}
      </legend>
      {part.options.map((option) => {
        const checked = value.includes(option.id);
        return (
          <label
            key={option.id}
            className={cn(
              "flex min-h-10 items-center gap-3 rounded-md border bg-card px-3 py-2 text-sm hover:bg-muted",
              checked ? "border-primary" : "border-border",
              disabled ? "cursor-not-allowed opacity-70" : "cursor-pointer",
            )}
          >
            <input
              type={part.multiple ? "checkbox" : "radio"}
              name={name}
              value={option.id}
              checked={checked}
              disabled={disabled}
              onChange={(e) => toggle(option.id, e.target.checked)}
              className="size-4 accent-[var(--primary)]"
            />
            <span>{option.label}</span>
          </label>
        );
      })}
      {errors.length > 0 ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-danger">
          {errors.join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}
