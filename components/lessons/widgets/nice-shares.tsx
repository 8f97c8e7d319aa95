"use client";
// Fair-scheduler widget: CPU-bound tasks with chosen nice values, run through the engine's EEVDF or
// CFS model for one simulated second; the measured shares are compared with w/Σw.
import { useMemo, useState } from "react";
import { fairShares, niceToWeight, simulateInput } from "@/lib/engine/sched";
import { MiniGantt } from "./mini-gantt";
import { CheckField, ErrorList, RangeField, SelectField, WidgetFrame } from "./widget-kit";

const HORIZON_MS = 1000;

export function NiceSharesWidget() {
  const [policy, setPolicy] = useState<"eevdf" | "cfs">("eevdf");
  const [niceA, setNiceA] = useState(0);
  const [niceB, setNiceB] = useState(5);
  const [third, setThird] = useState(false);
  const [niceC, setNiceC] = useState(0);

  const nices = useMemo(() => (third ? [niceA, niceB, niceC] : [niceA, niceB]), [third, niceA, niceB, niceC]);
  const ids = third ? ["A", "B", "C"] : ["A", "B"];
  const result = useMemo(
    () =>
      simulateInput({
        policy: { name: policy },
        tasks: nices.map((nice, i) => ({ id: "ABC"[i], arrival: 0, bursts: [1], repeat: true, nice })),
        horizon: HORIZON_MS,
        log: false,
      }),
    [policy, nices],
  );
  const expected = fairShares(nices);

  return (
    <WidgetFrame
      title="nice values and CPU shares"
      intro="CPU-bound tasks on one CPU for one simulated second, 250 Hz tick. Compare the simulated share with the weight formula."
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          label="Fair class"
          value={policy}
          options={[
            { value: "eevdf", label: "EEVDF (Linux 6.6+)" },
            { value: "cfs", label: "CFS (2.6.23–6.5)" },
          ]}
          onChange={setPolicy}
        />
        <CheckField label="Add a third task C" checked={third} onChange={setThird} />
        <RangeField label="nice of A" value={niceA} min={-20} max={19} onChange={setNiceA} />
        <RangeField label="nice of B" value={niceB} min={-20} max={19} onChange={setNiceB} />
        {third ? <RangeField label="nice of C" value={niceC} min={-20} max={19} onChange={setNiceC} /> : null}
      </div>
      {result.ok ? (
        <>
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Simulated and expected CPU shares</caption>
            <thead className="text-muted-foreground">
              <tr>
                <th className="py-1">Task</th>
                <th>nice</th>
                <th>weight</th>
                <th>simulated</th>
                <th>w/Σw</th>
              </tr>
            </thead>
            <tbody className="font-mono">
              {result.value.tasks.map((t, i) => (
                <tr key={t.id} className="border-t border-border">
                  <td className="py-1">{t.id}</td>
                  <td>{nices[i]}</td>
                  <td>{niceToWeight(nices[i]!)}</td>
                  <td>{((t.cpuTime / HORIZON_MS) * 100).toFixed(1)}%</td>
                  <td>{(expected[i]! * 100).toFixed(1)}%</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="text-sm text-muted-foreground">
            First 100 ms: each bar is a run between scheduling events (ticks).
          </p>
          <MiniGantt slices={result.value.slices} tasks={ids} to={100} label="Gantt chart of the first 100 ms" />
        </>
      ) : (
        <ErrorList errors={result.errors} />
      )}
    </WidgetFrame>
  );
}
