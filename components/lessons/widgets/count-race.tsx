"use client";
// Step two threads through `count++`: the race model runs the chosen interleaving one instruction at a
// time, so the stale register and the overwritten store of a lost update are visible.
import { useMemo, useState } from "react";
import { compilePseudoC, runInterleaving } from "@/lib/engine/races";
import { RangeField, SelectField, Stat, WidgetFrame } from "./widget-kit";

type Preset = "serial" | "after-load" | "after-add";
// Entry i names the thread that runs the i-th instruction (each thread: load, add, store).
const SCHEDULES: Record<Preset, number[]> = {
  serial: [0, 0, 0, 1, 1, 1],
  "after-load": [0, 1, 1, 1, 0, 0],
  "after-add": [0, 0, 1, 1, 1, 0],
};
const PRESETS: readonly { value: Preset; label: string }[] = [
  { value: "serial", label: "Thread 0 runs to the end, then thread 1" },
  { value: "after-load", label: "Interrupt thread 0 right after its load" },
  { value: "after-add", label: "Interrupt thread 0 between its add and its store" },
];

const program = compilePseudoC("count++;", ["count"]);
const system = { threads: [{ program }, { program }] };

export function CountRaceWidget() {
  const [preset, setPreset] = useState<Preset>("after-load");
  const [step, setStep] = useState(0);
  const schedule = SCHEDULES[preset];
  const state = useMemo(() => runInterleaving(system, schedule.slice(0, step)), [schedule, step]);
  const finished = step === schedule.length;
  const last = state.steps[state.steps.length - 1];
  return (
    <WidgetFrame
      title="Step two threads through count++"
      intro="count starts at 0. Each thread runs count++ once: load count into its own %ax, add 1, store it back. Pick where the interrupt falls and step through the instructions."
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          label="Interleaving"
          value={preset}
          options={PRESETS}
          onChange={(v) => {
            setPreset(v);
            setStep(0);
          }}
        />
        <RangeField label="Instructions run" value={step} min={0} max={schedule.length} onChange={setStep} />
      </div>
      <div className="grid grid-cols-2 gap-2 font-mono text-xs">
        {state.threads.map((t, i) => (
          <ol key={i} className="rounded-md border border-border p-2" aria-label={`Thread ${i}`}>
            <li className="mb-1 font-sans text-sm font-medium">
              Thread {i}: %ax = {t.registers["ax"]}
            </li>
            {program.instrs.map((ins, pc) => {
              const done = t.done || pc < t.pc;
              const justRan = last?.thread === i && last.pc === pc;
              return (
                <li
                  key={pc}
                  className={justRan ? "font-bold text-primary" : done ? "text-muted-foreground line-through" : ""}
                >
                  {!t.done && pc === t.pc ? "→ " : "  "}
                  {ins.text}
                </li>
              );
            })}
          </ol>
        ))}
      </div>
      <div className="grid grid-cols-2 gap-2">
        <Stat label="count in memory" value={String(state.memory["count"])} />
        <Stat label="Last instruction" value={last ? `thread ${last.thread}: ${last.text}` : "none yet"} />
      </div>
      <p className="text-sm text-muted-foreground" aria-live="polite">
        {!finished
          ? "Keep stepping."
          : state.memory["count"] === 2
            ? "count = 2: the increments did not overlap, so both count."
            : `count = ${state.memory["count"]}: both threads loaded 0 before either stored, so the second store overwrote the first. One update is lost.`}
      </p>
    </WidgetFrame>
  );
}
