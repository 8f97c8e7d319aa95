"use client";
// Maps a widget directive to its component. Each widget is its own dynamic chunk, so a lesson page
// downloads only the widgets it embeds (and the engine code they pull in), never the others.
import dynamic from "next/dynamic";
import type { ComponentType } from "react";
import type { WidgetName } from "@/lib/lessons/registry";

function Loading() {
  return (
    <div
      className="my-6 h-40 animate-pulse rounded-lg border border-border bg-muted"
      aria-label="Loading interactive widget"
    />
  );
}

const WIDGETS: Record<WidgetName, ComponentType> = {
  "switch-cost": dynamic(() => import("./widgets/switch-cost").then((m) => m.SwitchCostWidget), { loading: Loading }),
  "fork-explorer": dynamic(() => import("./widgets/fork-explorer").then((m) => m.ForkExplorerWidget), {
    loading: Loading,
  }),
  "rr-quantum": dynamic(() => import("./widgets/rr-quantum").then((m) => m.RrQuantumWidget), { loading: Loading }),
  "nice-shares": dynamic(() => import("./widgets/nice-shares").then((m) => m.NiceSharesWidget), { loading: Loading }),
  "rt-starvation": dynamic(() => import("./widgets/rt-starvation").then((m) => m.RtStarvationWidget), {
    loading: Loading,
  }),
  "event-loop-order": dynamic(() => import("./widgets/event-loop-order").then((m) => m.EventLoopOrderWidget), {
    loading: Loading,
  }),
  capacity: dynamic(() => import("./widgets/capacity").then((m) => m.CapacityWidget), { loading: Loading }),
  "cpu-quota": dynamic(() => import("./widgets/cpu-quota").then((m) => m.CpuQuotaWidget), { loading: Loading }),
  "priority-inversion": dynamic(() => import("./widgets/priority-inversion").then((m) => m.PriorityInversionWidget), {
    loading: Loading,
  }),
  "load-average": dynamic(() => import("./widgets/load-average").then((m) => m.LoadAverageWidget), {
    loading: Loading,
  }),
  "count-race": dynamic(() => import("./widgets/count-race").then((m) => m.CountRaceWidget), { loading: Loading }),
  "interrupt-race": dynamic(() => import("./widgets/interrupt-race").then((m) => m.InterruptRaceWidget), {
    loading: Loading,
  }),
  "lock-picker": dynamic(() => import("./widgets/lock-picker").then((m) => m.LockPickerWidget), { loading: Loading }),
  "deadlock-finder": dynamic(() => import("./widgets/deadlock-finder").then((m) => m.DeadlockFinderWidget), {
    loading: Loading,
  }),
  "cpu-affinity": dynamic(() => import("./widgets/cpu-affinity").then((m) => m.CpuAffinityWidget), {
    loading: Loading,
  }),
  "smp-queues": dynamic(() => import("./widgets/smp-queues").then((m) => m.SmpQueuesWidget), { loading: Loading }),
};

export function WidgetSlot({ name }: { name: WidgetName }) {
  const Widget = WIDGETS[name];
  return <Widget />;
}
