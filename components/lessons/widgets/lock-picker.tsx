"use client";
// Pick a lock; the race model searches every interleaving of two threads (one pass through the
// critical section each) for a state with both inside it, and shows the shortest one it finds.
import { useMemo, useState } from "react";
import { checkMutualExclusion, lockSource, lockSystem, type LockKind } from "@/lib/engine/races";
import { StepList } from "./race-kit";
import { SelectField, Stat, WidgetFrame } from "./widget-kit";

type Choice = Exclude<LockKind, "mutex">;
const CHOICES: readonly { value: Choice; label: string }[] = [
  { value: "none", label: "No lock" },
  { value: "naive", label: "Flag: while (flag) ; flag = 1" },
  { value: "tas", label: "Test-and-set (xchg)" },
  { value: "ttas", label: "Test-and-test-and-set" },
  { value: "ticket", label: "Ticket lock (fetch-and-add)" },
  { value: "peterson", label: "Peterson's algorithm" },
  { value: "yield", label: "Test-and-set that yields" },
];

export function LockPickerWidget() {
  const [kind, setKind] = useState<Choice>("naive");
  const source = useMemo(() => lockSource(kind, 1), [kind]);
  const check = useMemo(() => checkMutualExclusion(lockSystem(kind, 2, 1)), [kind]);

  return (
    <WidgetFrame
      title="Does the lock exclude?"
      intro="Two threads each take the lock, increment count between .cs_begin and .cs_end, and release it. The checker tries every interleaving (a breadth-first search of all reachable states) for one that puts both threads inside at once."
    >
      <SelectField label="Lock" value={kind} options={CHOICES} onChange={setKind} />
      <details className="text-sm">
        <summary className="cursor-pointer">Each thread&apos;s code (thread i starts with %bx = i)</summary>
        <pre
          tabIndex={0}
          aria-label="Lock code"
          className="mt-1 max-h-64 overflow-auto rounded-md border border-border p-2 text-xs"
        >
          {source}
        </pre>
      </details>
      <div className="grid grid-cols-2 gap-2">
        <Stat label="Mutual exclusion" value={check.holds ? "holds" : "violated"} />
        <Stat label="States explored" value={String(check.states)} />
      </div>
      <p className="text-sm" aria-live="polite" data-testid="lock-picker-verdict">
        {check.holds
          ? `Holds: in all ${check.states} reachable states at most one thread is inside the critical section.`
          : `Violated: after ${check.interleaving.length} instructions, threads ${check.threadsInside.join(" and ")} are both inside the critical section.`}
      </p>
      {!check.holds && <StepList steps={check.outcome.steps} label="Interleaving that breaks mutual exclusion" />}
    </WidgetFrame>
  );
}
