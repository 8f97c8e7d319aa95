"use client";
// x86.py's -i: an interrupt every N instructions hands the CPU to the other thread. The widget runs
// OSTEP's looping-race-nolock program under that schedule in the race model and shows the final count
// and where the switches fell, so the student sees which intervals split a load from its store.
import { useMemo, useState } from "react";
import { assembleRace, runInterrupts, type RaceSystem } from "@/lib/engine/races";
import { runsOf, StepList } from "./race-kit";
import { RangeField, Stat, WidgetFrame } from "./widget-kit";

// OSTEP's threads-intro/looping-race-nolock.s, with the variable named instead of at address 2000.
const SOURCE = `.var count
.top
mov count, %ax
add $1, %ax
mov %ax, count
sub $1, %bx
test $0, %bx
jgt .top
halt`;
const program = assembleRace(SOURCE);

export function InterruptRaceWidget() {
  const [interval, setQuantum] = useState(3);
  const [loops, setLoops] = useState(2);
  const system: RaceSystem = useMemo(
    () => ({
      threads: [
        { program, registers: { bx: loops } },
        { program, registers: { bx: loops } },
      ],
    }),
    [loops],
  );
  const result = useMemo(() => runInterrupts(system, interval), [system, interval]);
  const total = 2 * loops;
  const count = result.memory["count"] ?? 0;
  const runs = runsOf(result.steps);

  return (
    <WidgetFrame
      title="Where the interrupts fall"
      intro="Two threads each run OSTEP's looping-race-nolock.s: count++ as load, add, store, repeated %bx times. Like x86.py -i N, an interrupt every N instructions switches to the other thread."
    >
      <pre
        tabIndex={0}
        aria-label="Program of each thread"
        className="overflow-x-auto rounded-md border border-border p-2 text-xs"
      >
        {SOURCE}
      </pre>
      <div className="grid gap-3 sm:grid-cols-2">
        <RangeField
          label="Interrupt every (-i)"
          value={interval}
          min={1}
          max={12}
          unit=" instr."
          onChange={setQuantum}
        />
        <RangeField label="Loops per thread (%bx)" value={loops} min={1} max={4} onChange={setLoops} />
      </div>
      <div className="grid grid-cols-3 gap-2">
        <Stat label="Final count" value={String(count)} />
        <Stat label="Increments run" value={String(total)} />
        <Stat label="Thread switches" value={String(runs.length - 1)} />
      </div>
      <p className="text-sm" aria-live="polite" data-testid="interrupt-race-verdict">
        {count === total
          ? `count = ${count}: every increment counted; no thread was interrupted between its load and its store while the other updated count.`
          : `count = ${count}, not ${total}: ${total - count} update(s) lost: a thread was interrupted between its load and its store, the other thread updated count, and the first thread's store overwrote that.`}
      </p>
      <p className="font-mono text-xs" aria-label="Time slices">
        {runs.map((r) => `T${r.thread}×${r.count}`).join(" → ")}
      </p>
      <StepList steps={result.steps} label="Interleaving executed" />
    </WidgetFrame>
  );
}
