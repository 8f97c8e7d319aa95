"use client";
// Priority-inversion widget: L holds a mutex H needs while M (which needs nothing) is runnable. The
// engine's model replays the three tasks on one CPU under a plain, an inheriting or a ceiling mutex.
import { useMemo, useState } from "react";
import { classicInversion, simulateInversion, type LockProtocol } from "@/lib/engine/models";
import type { Slice } from "@/lib/engine/sched";
import { MiniGantt } from "./mini-gantt";
import { ErrorList, RangeField, SelectField, Stat, WidgetFrame } from "./widget-kit";

export function PriorityInversionWidget() {
  const [protocol, setProtocol] = useState<LockProtocol>("none");
  const [medium, setMedium] = useState(8);
  const [locked, setLocked] = useState(4);
  const result = useMemo(
    () =>
      simulateInversion(
        classicInversion({
          lowBefore: 1,
          lowLocked: locked,
          highArrival: 2,
          highBefore: 1,
          highLocked: 2,
          mediumArrival: 3,
          mediumCpu: medium,
        }),
        protocol,
      ),
    [protocol, medium, locked],
  );
  if (!result.ok) return <ErrorList errors={result.errors} />;
  const { finish, slices: runs } = result.value;
  const slices: Slice[] = runs.map((s) => ({ task: s.task, start: s.start, end: s.end, endReason: "preempted" }));
  const end = Math.max(...Object.values(finish));
  const boosted = runs.filter((s) => s.task === "L" && s.priority > 1).reduce((a, s) => a + s.end - s.start, 0);
  return (
    <WidgetFrame
      title="Priority inversion on one CPU"
      intro="L (low) locks a mutex at t = 1; H (high) arrives at t = 2 and needs it at t = 3; M (medium) arrives at t = 3 and never touches it. Change the mutex protocol."
    >
      <div className="grid gap-3 sm:grid-cols-3">
        <SelectField
          label="Mutex protocol"
          value={protocol}
          options={[
            { value: "none", label: "Plain mutex" },
            { value: "inherit", label: "Priority inheritance (PTHREAD_PRIO_INHERIT)" },
            { value: "ceiling", label: "Priority ceiling (PTHREAD_PRIO_PROTECT)" },
          ]}
          onChange={setProtocol}
        />
        <RangeField label="M's CPU work" value={medium} min={1} max={20} unit=" ms" onChange={setMedium} />
        <RangeField label="L's critical section" value={locked} min={2} max={8} unit=" ms" onChange={setLocked} />
      </div>
      <MiniGantt slices={slices} tasks={["H", "M", "L"]} to={end} label={`Timeline of H, M and L over ${end} ms`} />
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-3">
        <Stat label="H's response time" value={`${finish["H"]! - 2} ms`} />
        <Stat label="M finishes at" value={`${finish["M"]} ms`} />
        <Stat label="L running boosted" value={`${boosted} ms`} />
      </div>
    </WidgetFrame>
  );
}
