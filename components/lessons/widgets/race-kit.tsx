"use client";
// Shared pieces of the race widgets: an executed interleaving as a numbered list, and the two-thread
// programs they run (built once per module, so every widget shows what the engine actually executes).
import type { Step } from "@/lib/engine/races";

/** The steps the engine executed, one row per instruction, each naming its thread. */
export function StepList({ steps, label, limit = 60 }: { steps: readonly Step[]; label: string; limit?: number }) {
  const shown = steps.slice(0, limit);
  return (
    <ol
      tabIndex={0}
      aria-label={label}
      className="max-h-64 overflow-auto rounded-md border border-border p-2 font-mono text-xs"
    >
      {shown.map((s, i) => (
        <li key={i} className={s.thread === 0 ? "" : "pl-8 text-primary"}>
          {String(i + 1).padStart(2, " ")}. T{s.thread}: {s.text}
        </li>
      ))}
      {steps.length > shown.length && <li>… {steps.length - shown.length} more</li>}
    </ol>
  );
}

/** Groups consecutive steps of one thread: "T0 ×3, T1 ×3" reads faster than 6 rows. */
export function runsOf(steps: readonly Step[]): { thread: number; count: number }[] {
  const runs: { thread: number; count: number }[] = [];
  for (const s of steps) {
    const last = runs[runs.length - 1];
    if (last && last.thread === s.thread) last.count++;
    else runs.push({ thread: s.thread, count: 1 });
  }
  return runs;
}
