"use client";
// Several-CPUs widget: per-task affinity masks (sched_setaffinity) and a migration cost, run through the
// engine's multi-CPU loop, so the per-CPU Gantt and the engine's own list of migrations and their reasons
// show what pinning buys and what it costs.
import { useMemo, useState } from "react";
import { simulateInput } from "@/lib/engine/sched";
import { CpuGantt, MigrationList } from "./cpu-gantt";
import { CheckField, ErrorList, RangeField, Stat, WidgetFrame } from "./widget-kit";

const MAX_CPUS = 4;
// The cost slider stops at the quantum: the engine pays a move's cost out of the slice that follows it and
// drops what a quantum expiry leaves unpaid, so a larger cost would show as the quantum.
const QUANTUM_MS = 2;
const TASKS = [
  { id: "A", arrival: 0, bursts: [4, 2, 4, 2, 4] },
  { id: "B", arrival: 0, bursts: [6, 1, 6] },
  { id: "C", arrival: 0, bursts: [3, 3, 3, 3, 3] },
  { id: "D", arrival: 2, bursts: [8] },
];
const IDS = TASKS.map((t) => t.id);
const everyCpu = () => Array.from({ length: MAX_CPUS }, () => true);

export function CpuAffinityWidget() {
  const [cpus, setCpus] = useState(3);
  const [cost, setCost] = useState(0.5);
  const [masks, setMasks] = useState<Record<string, boolean[]>>(() =>
    Object.fromEntries(IDS.map((id) => [id, everyCpu()])),
  );
  const toggle = (id: string, cpu: number, on: boolean) =>
    setMasks((m) => ({ ...m, [id]: m[id]!.map((v, i) => (i === cpu ? on : v)) }));

  const result = useMemo(
    () =>
      simulateInput({
        cpus,
        policy: { name: "rr", quantum: QUANTUM_MS },
        smp: { migrationCostMs: cost },
        // CPUs above the count are simply absent; an empty mask is passed on, and the engine refuses it
        // as sched_setaffinity does (EINVAL).
        tasks: TASKS.map((t) => ({
          ...t,
          affinity: masks[t.id]!.flatMap((on, cpu) => (on && cpu < cpus ? [cpu] : [])),
        })),
      }),
    [cpus, cost, masks],
  );

  return (
    <WidgetFrame
      title="Affinity and migration"
      intro="Round-robin (2 ms quantum) on each CPU's own queue. A runs 4 ms and sleeps 2 ms, three times; B runs 6, sleeps 1, runs 6; C runs 3 and sleeps 3, three times; D arrives at 2 ms and runs 8. Untick CPUs to pin tasks, and price each move (up to the quantum)."
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <RangeField label="CPUs" value={cpus} min={2} max={MAX_CPUS} onChange={setCpus} />
        <RangeField
          label="Migration cost"
          value={cost}
          min={0}
          max={QUANTUM_MS}
          step={0.5}
          unit=" ms"
          onChange={setCost}
        />
      </div>
      <div className="grid gap-2 sm:grid-cols-4">
        {IDS.map((id) => (
          <fieldset key={id} className="rounded-md border border-border px-3 py-2">
            <legend className="px-1 text-sm font-medium">{`Task ${id} may run on`}</legend>
            {Array.from({ length: cpus }, (_, cpu) => (
              <CheckField
                key={cpu}
                label={`CPU ${cpu}`}
                checked={masks[id]![cpu]!}
                onChange={(on) => toggle(id, cpu, on)}
              />
            ))}
          </fieldset>
        ))}
      </div>
      {result.ok && result.value.smp ? (
        <>
          <CpuGantt
            slices={result.value.slices}
            cpus={cpus}
            tasks={IDS}
            to={Math.max(result.value.stats.endTime, 1)}
            label={`Per-CPU Gantt chart on ${cpus} CPUs`}
          />
          <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
            <Stat label="All done at" value={`${+result.value.stats.endTime.toFixed(3)} ms`} />
            <Stat label="Migrations" value={String(result.value.smp.migrations.length)} />
            <Stat
              label="Time spent migrating"
              value={`${+result.value.smp.tasks.reduce((s, t) => s + t.migrationCostMs, 0).toFixed(3)} ms`}
            />
            <Stat
              label="Utilisation per CPU"
              value={result.value.smp.perCpu.map((c) => `${Math.round(c.utilisation * 100)}%`).join(" / ")}
            />
          </div>
          <MigrationList
            migrations={result.value.smp.migrations}
            truncated={result.value.smp.migrationsTruncated}
            label="Migrations, with the engine's reason"
          />
        </>
      ) : (
        <ErrorList errors={result.ok ? [{ path: "", message: "no multi-CPU report" }] : result.errors} />
      )}
    </WidgetFrame>
  );
}
