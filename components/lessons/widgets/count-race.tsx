"use client";
// Step two threads through `count++`: the student picks which thread runs the next instruction (or
// follows a preset interleaving) and the race model executes exactly that prefix, so the registers,
// memory and the lost update shown are the engine's, never a script's.
import { useMemo, useState } from "react";
import { compilePseudoC, RACE_REGISTERS, runInterleaving, type RaceSystem } from "@/lib/engine/races";
import { StepList } from "./race-kit";
import { SelectField, Stat, useHydrated, WidgetFrame } from "./widget-kit";

type Plan = "own" | "serial" | "after-load" | "after-add";
// Entry i names the thread that runs the i-th instruction (each thread: load, add, store).
const PLANS: Record<Exclude<Plan, "own">, number[]> = {
  serial: [0, 0, 0, 1, 1, 1],
  "after-load": [0, 1, 1, 1, 0, 0],
  "after-add": [0, 0, 1, 1, 1, 0],
};
const PLAN_OPTIONS: readonly { value: Plan; label: string }[] = [
  { value: "own", label: "My own: press a thread's button" },
  { value: "serial", label: "Thread 0 runs to the end, then thread 1" },
  { value: "after-load", label: "Interrupt thread 0 right after its load" },
  { value: "after-add", label: "Interrupt thread 0 between its add and its store" },
];

const program = compilePseudoC("count++;", ["count"]);
const system: RaceSystem = { threads: [{ program }, { program }] };
// The register the compiled load writes, named from the program itself.
const load = program.instrs[0]!.code;
const REG = load.op === "mov" && load.dst.kind === "reg" ? RACE_REGISTERS[load.dst.reg]! : "ax";
const isStore = (pc: number) => {
  const code = program.instrs[pc]!.code;
  return code.op === "mov" && code.dst.kind === "mem";
};

const button =
  "rounded-md border border-border px-3 py-1.5 text-sm font-medium hover:bg-muted disabled:cursor-not-allowed disabled:opacity-50";

export function CountRaceWidget() {
  const hydrated = useHydrated();
  const [plan, setPlan] = useState<Plan>("after-load");
  const [schedule, setSchedule] = useState<number[]>([]);
  const state = useMemo(() => runInterleaving(system, schedule), [schedule]);
  const stores = state.steps.filter((s) => isStore(s.pc)).length;
  const count = state.memory["count"] ?? 0;
  const lost = stores - count;
  const finished = state.threads.every((t) => t.done);
  const planned = plan === "own" ? null : PLANS[plan];
  const onPlan = planned !== null && schedule.every((t, i) => planned[i] === t) && schedule.length < planned.length;
  const last = state.steps[state.steps.length - 1];

  return (
    <WidgetFrame
      title="Step two threads through count++"
      intro={`count starts at 0. Each thread runs count++ once, compiled to load, add, store through its own %${REG}. Choose which thread runs the next instruction, or follow a preset interleaving.`}
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          label="Interleaving"
          value={plan}
          options={PLAN_OPTIONS}
          onChange={(v) => {
            setPlan(v);
            setSchedule([]);
          }}
        />
        <div className="flex flex-wrap items-end gap-2">
          <button
            type="button"
            className={button}
            disabled={!hydrated || !onPlan}
            onClick={() => setSchedule([...schedule, planned![schedule.length]!])}
          >
            Next step
          </button>
          {state.threads.map((t, i) => (
            <button
              key={i}
              type="button"
              className={button}
              disabled={!hydrated || t.done}
              onClick={() => setSchedule([...schedule, i])}
            >
              Run thread {i}
            </button>
          ))}
          <button
            type="button"
            className={button}
            disabled={!hydrated || schedule.length === 0}
            onClick={() => setSchedule(schedule.slice(0, -1))}
          >
            Back
          </button>
          <button
            type="button"
            className={button}
            disabled={!hydrated || schedule.length === 0}
            onClick={() => setSchedule([])}
          >
            Reset
          </button>
        </div>
      </div>
      <div className="grid grid-cols-2 gap-2 font-mono text-xs">
        {state.threads.map((t, i) => (
          <ol key={i} className="rounded-md border border-border p-2" aria-label={`Thread ${i}`}>
            <li className="mb-1 font-sans text-sm font-medium">
              Thread {i}: %{REG} = {t.registers[REG]}
            </li>
            {program.instrs.map((ins, pc) => {
              const justRan = last?.thread === i && last.pc === pc;
              const done = t.done || pc < t.pc;
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
      <div className="grid grid-cols-3 gap-2">
        <Stat label="count in memory" value={String(count)} />
        <Stat label="Increments stored" value={String(stores)} />
        <Stat label="Instructions run" value={String(schedule.length)} />
      </div>
      {state.steps.length > 0 && <StepList steps={state.steps} label="Instructions run so far" />}
      <p className="text-sm" aria-live="polite" data-testid="count-race-verdict">
        {lost > 0
          ? `Lost update: ${stores} increments stored but count = ${count}. A thread stored a value computed from a stale load, overwriting the other's increment.`
          : finished
            ? `count = ${count}: the increments did not overlap, so both count.`
            : "No update lost so far."}
      </p>
    </WidgetFrame>
  );
}
