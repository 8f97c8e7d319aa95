"use client";
// Scheduling-basics widget: the same three jobs under FIFO/SJF/STCF/RR, with a switch cost you can
// exaggerate so its effect on the Gantt chart and on the averages is visible.
import { useMemo, useState } from "react";
import { simulateInput } from "@/lib/engine/sched";
import { MiniGantt } from "./mini-gantt";
import { CheckField, ErrorList, fmt, RangeField, SelectField, Stat, WidgetFrame } from "./widget-kit";

type Policy = "fifo" | "sjf" | "stcf" | "rr";
const POLICIES = [
  { value: "fifo", label: "FIFO" },
  { value: "sjf", label: "SJF" },
  { value: "stcf", label: "STCF (preemptive SJF)" },
  { value: "rr", label: "Round-robin" },
] as const;
const TASKS = [
  { id: "A", arrival: 0, bursts: [12] },
  { id: "B", arrival: 1, bursts: [4] },
  { id: "C", arrival: 2, bursts: [2] },
];

export function RrQuantumWidget() {
  const [policy, setPolicy] = useState<Policy>("rr");
  const [quantum, setQuantum] = useState(2);
  const [switchUs, setSwitchUs] = useState(200);
  const [charge, setCharge] = useState(true);

  const result = useMemo(
    () =>
      simulateInput({
        policy: policy === "rr" ? { name: "rr", quantum } : { name: policy },
        tasks: TASKS,
        switchCost: { chargeTime: charge, threadUs: switchUs, processUs: switchUs, idleUs: 0 },
      }),
    [policy, quantum, switchUs, charge],
  );

  return (
    <WidgetFrame
      title="Policies and the quantum"
      intro="Jobs A (12 ms, arrives at 0), B (4 ms, at 1) and C (2 ms, at 2). The switch cost is exaggerated so you can see it."
    >
      <div className="grid gap-3 sm:grid-cols-3">
        <SelectField label="Policy" value={policy} options={POLICIES} onChange={setPolicy} />
        <RangeField label="RR quantum" value={quantum} min={0.5} max={12} step={0.5} unit=" ms" onChange={setQuantum} />
        <RangeField
          label="Switch cost"
          value={switchUs}
          min={0}
          max={1000}
          step={50}
          unit=" µs"
          onChange={setSwitchUs}
        />
      </div>
      <CheckField label="Charge switch time to the CPU (shifts the schedule)" checked={charge} onChange={setCharge} />
      {result.ok ? (
        <>
          <MiniGantt
            slices={result.value.slices}
            tasks={["A", "B", "C"]}
            to={Math.max(result.value.stats.endTime, 1)}
            label={`Gantt chart of ${policy} schedule`}
          />
          <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
            <Stat label="Avg turnaround" value={`${fmt(result.value.averages.turnaround, 2)} ms`} />
            <Stat label="Avg response" value={`${fmt(result.value.averages.response, 2)} ms`} />
            <Stat label="Context switches" value={String(result.value.switches.total)} />
            <Stat label="Switch overhead" value={`${fmt(result.value.switches.totalOverheadMs, 2)} ms`} />
          </div>
        </>
      ) : (
        <ErrorList errors={result.errors} />
      )}
    </WidgetFrame>
  );
}
