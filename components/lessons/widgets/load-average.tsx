"use client";
// Load-average widget: runnable and D-state tasks over time, fed through the kernel's fixed-point
// update (every 5 s), so the lag of the 1-, 5- and 15-minute figures is visible.
import { useMemo, useState } from "react";
import { loadAverageAfter } from "@/lib/engine/models";
import { RangeField, Stat, WidgetFrame } from "./widget-kit";

export function LoadAverageWidget() {
  const [running, setRunning] = useState(2);
  const [uninterruptible, setUninterruptible] = useState(3);
  const [seconds, setSeconds] = useState(60);
  const active = running + uninterruptible;
  const values = useMemo(
    () => ([1, 5, 15] as const).map((w) => loadAverageAfter(0, active, seconds / 5, w)),
    [active, seconds],
  );
  return (
    <WidgetFrame
      title="Why is the load high when the CPU is idle?"
      intro="An idle machine suddenly has some runnable (R) tasks and some tasks stuck in uninterruptible sleep (D), for example on an NFS server that stopped answering. Linux counts both."
    >
      <div className="grid gap-3 sm:grid-cols-3">
        <RangeField label="R tasks (using CPU)" value={running} min={0} max={8} onChange={setRunning} />
        <RangeField
          label="D tasks (using no CPU)"
          value={uninterruptible}
          min={0}
          max={16}
          onChange={setUninterruptible}
        />
        <RangeField
          label="Time since it started"
          value={seconds}
          min={5}
          max={900}
          step={5}
          unit=" s"
          onChange={setSeconds}
        />
      </div>
      <div className="grid grid-cols-3 gap-2">
        <Stat label="1-minute average" value={values[0]!.toFixed(2)} />
        <Stat label="5-minute average" value={values[1]!.toFixed(2)} />
        <Stat label="15-minute average" value={values[2]!.toFixed(2)} />
      </div>
      <p className="text-sm text-muted-foreground">
        CPU busy: {running === 0 ? "no" : `${running} task${running === 1 ? "" : "s"}`}; counted as active: {active}.
      </p>
    </WidgetFrame>
  );
}
