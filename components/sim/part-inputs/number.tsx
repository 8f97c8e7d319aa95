"use client";

import { usePartField } from "../answer-form-shell";
import { NumberAnswer, type NumberPart } from "../number-answer";

export function NumberPartInput({ part }: { part: NumberPart }) {
  const { draft, onChange, disabled, errors } = usePartField(part);
  return (
    <NumberAnswer
      part={part}
      text={draft.kind === "number" ? draft.text : ""}
      onChange={(text) => onChange({ kind: "number", text })}
      disabled={disabled}
      errors={errors}
    />
  );
}
