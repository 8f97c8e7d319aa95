"use client";

import { useId } from "react";
import { usePartField } from "../answer-form-shell";
import { type TimelinePart, TimelineEditor } from "../timeline-editor";

export function TimelinePartInput({ part }: { part: TimelinePart }) {
  const { draft, onChange, disabled, errors } = usePartField(part);
  const errorId = useId();
  return (
    <div className="flex flex-col gap-1">
      <p className="text-sm font-medium">{part.label}</p>
      <TimelineEditor
        part={part}
        value={draft.kind === "timeline" ? draft.value : []}
        onChange={(value) => onChange({ kind: "timeline", value })}
        disabled={disabled}
        errorId={errors.length ? errorId : undefined}
      />
      {errors.length ? (
        <p id={errorId} role="alert" className="text-sm text-danger">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
