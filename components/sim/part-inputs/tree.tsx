"use client";

import { usePartField } from "../answer-form-shell";
import { ProcessTreeBuilder } from "../process-tree";
import type { TreePart } from "@/lib/engine/questions";

export function TreePartInput({ part }: { part: TreePart }) {
  const { draft, onChange, disabled, errors } = usePartField(part);
  const value = draft.kind === "tree" ? draft.value : [{ parent: -1, label: part.rootLabel?.id ?? "" }];
  return (
    <ProcessTreeBuilder
      part={part}
      value={value}
      onChange={(v) => onChange({ kind: "tree", value: v })}
      disabled={disabled}
      errors={errors}
    />
  );
}
