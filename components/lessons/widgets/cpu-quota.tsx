"use client";
// Containers widget: a burst of CPU work under cgroup v2 cpu.max. The engine's bandwidth model shows
// when the group runs and when it is throttled, so the stall at the end of each period is visible.
import { useMemo, useState } from "react";
import { simulateCpuQuota } from "@/lib/engine/models";
import type { Slice } from "@/lib/engine/sched";
import { MiniGantt } from "./mini-gantt";
import { ErrorList, RangeField, Stat, WidgetFrame } from "./widget-kit";

const PERIOD_MS = 100;
const CPUS = 8;

export function CpuQuotaWidget() {
  const [limit, setLimit] = useState(100);
  const [threads, setThreads] = useState(4);
  const [work, setWork] = useState(200);
  const limited = useMemo(
    () => simulateCpuQuota({ periodMs: PERIOD_MS, workMs: work, threads, cpus: CPUS, offsetMs: 0, quotaMs: limit }),
    [limit, threads, work],
  );
  const free = useMemo(
    () => simulateCpuQuota({ periodMs: PERIOD_MS, workMs: work, threads, cpus: CPUS, offsetMs: 0, quotaMs: null }),
    [threads, work],
  );
  if (!limited.ok || !free.ok)
    return <ErrorList errors={[...(limited.ok ? [] : limited.errors), ...(free.ok ? [] : free.errors)]} />;
  const slices: Slice[] = limited.value.segments.map((s) => ({
    task: s.state,
    start: s.start,
    end: s.end,
    endReason: s.state === "running" ? "throttled" : "preempted",
  }));
  const to = Math.max(PERIOD_MS, Math.ceil(limited.value.latencyMs / PERIOD_MS) * PERIOD_MS);
  return (
    <WidgetFrame
      title="A burst under a CPU limit"
      intro={`cpu.max gives the group a quota per ${PERIOD_MS} ms period, summed over all its threads. Spread a request's CPU work over more threads and watch when the group is throttled.`}
    >
      <div className="grid gap-3 sm:grid-cols-3">
        <RangeField
          label="Quota per 100 ms (limit × 100)"
          value={limit}
          min={10}
          max={400}
          step={10}
          unit=" ms"
          onChange={setLimit}
        />
        <RangeField label="Threads" value={threads} min={1} max={CPUS} onChange={setThreads} />
        <RangeField
          label="CPU work in the burst"
          value={work}
          min={10}
          max={600}
          step={10}
          unit=" ms"
          onChange={setWork}
        />
      </div>
      <MiniGantt
        slices={slices}
        tasks={["running", "throttled"]}
        to={to}
        label={`Running and throttled time of the group over ${to} ms`}
      />
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        <Stat label="Latency with the limit" value={`${limited.value.latencyMs.toFixed(1)} ms`} />
        <Stat label="Latency without a limit" value={`${free.value.latencyMs.toFixed(1)} ms`} />
        <Stat label="Throttled" value={`${limited.value.throttledMs.toFixed(1)} ms`} />
        <Stat label="Periods throttled" value={String(limited.value.throttledPeriods)} />
      </div>
    </WidgetFrame>
  );
}
