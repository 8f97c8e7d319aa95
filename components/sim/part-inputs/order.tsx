"use client";

import { usePartField } from "../answer-form-shell";
import { type OrderPart, ReorderList } from "../reorder-list";

export function OrderPartInput({ part }: { part: OrderPart }) {
  const { draft, onChange, disabled, errors } = usePartField(part);
  return (
    <ReorderList
      part={part}
      value={draft.kind === "order" ? draft.value : []}
      onChange={(value) => onChange({ kind: "order", value })}
      disabled={disabled}
      errors={errors}
    />
  );
}
