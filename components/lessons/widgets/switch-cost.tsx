"use client";
// Context-switch widget: three CPU-bound tasks round-robin; choose whether they are processes, threads
// of one process or user-space threads, their working set, and PCID, and see what the switches cost.
import { useMemo, useState } from "react";
import { simulateInput, type SwitchKind } from "@/lib/engine/sched";
import { CheckField, ErrorList, RangeField, SelectField, Stat, WidgetFrame } from "./widget-kit";

type Relation = "processes" | "threads" | "user";
const HORIZON_MS = 1000;
const KINDS: SwitchKind[] = ["process", "thread", "user"];

export function SwitchCostWidget() {
  const [relation, setRelation] = useState<Relation>("processes");
  const [quantum, setQuantum] = useState(4);
  const [workingSetKb, setWorkingSetKb] = useState(0);
  const [pcid, setPcid] = useState(true);

  const result = useMemo(
    () =>
      simulateInput({
        policy: { name: "rr", quantum },
        tasks: ["A", "B", "C"].map((id) => ({
          id,
          arrival: 0,
          bursts: [1],
          repeat: true,
          process: relation === "processes" ? id : "P",
          userThread: relation === "user",
          workingSetKb,
        })),
        horizon: HORIZON_MS,
        log: false,
        switchCost: { chargeTime: true, refillNsPerKb: 100, pcid },
      }),
    [relation, quantum, workingSetKb, pcid],
  );

  return (
    <WidgetFrame
      title="What a switch costs"
      intro="Three CPU-bound tasks share one CPU round-robin for one simulated second. Direct costs are the defaults from our measurements in one Linux 6.18 VM (an upper-end data point); the refill cost models the working set being evicted."
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          label="The three tasks are"
          value={relation}
          options={[
            { value: "processes", label: "separate processes" },
            { value: "threads", label: "threads of one process" },
            { value: "user", label: "user-space threads (goroutines)" },
          ]}
          onChange={setRelation}
        />
        <RangeField label="Quantum" value={quantum} min={0.5} max={20} step={0.5} unit=" ms" onChange={setQuantum} />
        <RangeField
          label="Working set per task"
          value={workingSetKb}
          min={0}
          max={16384}
          step={256}
          unit=" KiB"
          onChange={setWorkingSetKb}
        />
        <CheckField label="PCID (Linux 4.14+): no TLB flush on a process switch" checked={pcid} onChange={setPcid} />
      </div>
      {result.ok ? (
        <>
          <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
            <Stat label="Switches" value={String(result.value.switches.total)} />
            {KINDS.filter((k) => result.value.switches.byKind[k].count > 0).map((k) => (
              <Stat
                key={k}
                label={`${k} switch: direct + indirect`}
                value={`${(result.value.switches.byKind[k].directMs * 1000).toFixed(0)} + ${(result.value.switches.byKind[k].indirectMs * 1000).toFixed(0)} µs`}
              />
            ))}
            <Stat
              label="CPU lost to switching"
              value={`${((result.value.switches.cpuTimeLostMs / HORIZON_MS) * 100).toFixed(2)}%`}
            />
          </div>
          <p className="text-sm text-muted-foreground">
            Per switch:{" "}
            {((result.value.switches.totalOverheadMs * 1000) / Math.max(result.value.switches.total, 1)).toFixed(2)} µs
            on average.
          </p>
        </>
      ) : (
        <ErrorList errors={result.errors} />
      )}
    </WidgetFrame>
  );
}
