"use client";

import { usePartField } from "../answer-form-shell";
import { ChoiceAnswer, type ChoicePart } from "../choice-answer";

export function ChoicePartInput({ part }: { part: ChoicePart }) {
  const { draft, onChange, disabled, errors } = usePartField(part);
  return (
    <ChoiceAnswer
      part={part}
      value={draft.kind === "choice" ? draft.value : []}
      onChange={(value) => onChange({ kind: "choice", value })}
      disabled={disabled}
      errors={errors}
    />
  );
}
