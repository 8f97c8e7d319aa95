"use client";
// Real-time widget: a SCHED_FIFO busy loop against a normal task on one CPU, under RT throttling,
// the 6.12 fair server, or no protection at all.
import { useMemo, useState } from "react";
import { simulateInput } from "@/lib/engine/sched";
import { MiniGantt } from "./mini-gantt";
import { ErrorList, RangeField, SelectField, Stat, WidgetFrame } from "./widget-kit";

type Throttle = "throttle" | "fair-server" | "none";
const HORIZON_MS = 3000;

export function RtStarvationWidget() {
  const [throttle, setThrottle] = useState<Throttle>("throttle");
  const [runtime, setRuntime] = useState(950);
  const result = useMemo(
    () =>
      simulateInput({
        policy: { name: "eevdf", throttle, rtRuntimeMs: runtime, rtPeriodMs: 1000, fairServerMs: 50 },
        tasks: [
          { id: "rt-hog", arrival: 0, bursts: [1], repeat: true, class: "fifo", priority: 50 },
          { id: "normal", arrival: 0, bursts: [1], repeat: true },
        ],
        horizon: HORIZON_MS,
        log: false,
      }),
    [throttle, runtime],
  );
  const normal = result.ok ? result.value.tasks.find((t) => t.id === "normal") : undefined;
  return (
    <WidgetFrame
      title="A SCHED_FIFO busy loop and a normal task"
      intro="One CPU for three simulated seconds. The FIFO task never blocks. What does the normal task get?"
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          label="Protection for the fair class"
          value={throttle}
          options={[
            { value: "throttle", label: "RT throttling (sched_rt_runtime_us)" },
            { value: "fair-server", label: "Fair server (Linux 6.12+)" },
            { value: "none", label: "None (runtime = -1)" },
          ]}
          onChange={setThrottle}
        />
        {throttle === "throttle" ? (
          <RangeField
            label="RT runtime per 1000 ms period"
            value={runtime}
            min={500}
            max={1000}
            step={10}
            unit=" ms"
            onChange={setRuntime}
          />
        ) : null}
      </div>
      {result.ok ? (
        <>
          <MiniGantt
            slices={result.value.slices}
            tasks={["rt-hog", "normal"]}
            to={HORIZON_MS}
            label="Gantt chart of three seconds"
          />
          <div className="grid grid-cols-2 gap-2">
            <Stat label="Normal task CPU in 3 s" value={`${(normal?.cpuTime ?? 0).toFixed(0)} ms`} />
            <Stat
              label="First time it ran"
              value={normal?.firstRun === null || normal === undefined ? "never" : `${normal.firstRun.toFixed(0)} ms`}
            />
          </div>
        </>
      ) : (
        <ErrorList errors={result.errors} />
      )}
    </WidgetFrame>
  );
}
