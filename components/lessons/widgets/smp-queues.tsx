"use client";
// Several-CPUs widget: one workload under a single shared queue and under per-CPU queues with periodic
// balancing, side by side, so the trade the textbooks describe (the shared queue balances perfectly but
// bounces tasks between caches; per-CPU queues keep tasks put but can leave a CPU idle) is computed, not told.
import { useMemo, useState } from "react";
import { simulateInput, type SimResult } from "@/lib/engine/sched";
import { CpuGantt, MigrationList } from "./cpu-gantt";
import { ErrorList, RangeField, Stat, WidgetFrame } from "./widget-kit";

const CPUS = 2;
const TASKS = [
  { id: "A", arrival: 0, bursts: [12] },
  { id: "B", arrival: 0, bursts: [12] },
  { id: "C", arrival: 0, bursts: [3] },
  { id: "D", arrival: 0, bursts: [3] },
  { id: "E", arrival: 1, bursts: [6] },
];
const IDS = TASKS.map((t) => t.id);

function Run({ title, result }: { title: string; result: SimResult }) {
  const smp = result.smp!;
  return (
    <section aria-label={title} className="flex flex-col gap-2">
      <h4 className="text-sm font-semibold">{title}</h4>
      <CpuGantt
        slices={result.slices}
        cpus={CPUS}
        tasks={IDS}
        to={Math.max(result.stats.endTime, 1)}
        label={`Per-CPU Gantt chart, ${title}`}
      />
      <div className="grid grid-cols-2 gap-2">
        <Stat label="All done at" value={`${+result.stats.endTime.toFixed(3)} ms`} />
        <Stat label="Migrations" value={String(smp.migrations.length)} />
        {smp.perCpu.map((c) => (
          <Stat key={c.cpu} label={`CPU ${c.cpu} busy`} value={`${Math.round(c.utilisation * 100)}%`} />
        ))}
      </div>
      <MigrationList migrations={smp.migrations} truncated={smp.migrationsTruncated} label={`Migrations, ${title}`} />
    </section>
  );
}

const run = (queues: "single" | "per-cpu", balanceIntervalMs: number) =>
  simulateInput({
    cpus: CPUS,
    policy: { name: "rr", quantum: 2 },
    smp: { queues, balanceIntervalMs },
    tasks: TASKS,
  });

export function SmpQueuesWidget() {
  const [interval, setBalance] = useState(2);
  // The shared queue has nothing to balance, so its run does not depend on the interval.
  const single = useMemo(() => run("single", 1), []);
  const perCpu = useMemo(() => run("per-cpu", interval), [interval]);

  return (
    <WidgetFrame
      title="One queue or one per CPU"
      intro="Two CPUs, round-robin with a 2 ms quantum. A and B need 12 ms each, C and D 3 ms, E arrives at 1 ms and needs 6 ms. Left: every CPU takes from one shared queue. Right: each CPU has its own queue and they balance every few milliseconds."
    >
      <RangeField
        label="Balance interval (per-CPU queues)"
        value={interval}
        min={1}
        max={20}
        unit=" ms"
        onChange={setBalance}
      />
      {single.ok && perCpu.ok ? (
        <div className="grid gap-4 md:grid-cols-2">
          <Run title="Single shared queue" result={single.value} />
          <Run title="Per-CPU queues" result={perCpu.value} />
        </div>
      ) : (
        <ErrorList errors={[...(single.ok ? [] : single.errors), ...(perCpu.ok ? [] : perCpu.errors)]} />
      )}
    </WidgetFrame>
  );
}
