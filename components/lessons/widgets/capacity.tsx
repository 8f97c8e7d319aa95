"use client";
// Capacity widget: the same request mix served four ways; the engine reports which resource saturates first.
import { useMemo, useState } from "react";
import { modelCapacity } from "@/lib/engine/capacity";
import { ErrorList, RangeField, WidgetFrame } from "./widget-kit";

export function CapacityWidget() {
  const [rate, setRate] = useState(2000);
  const [cpuMs, setCpuMs] = useState(1);
  const [ioMs, setIoMs] = useState(50);
  const [pool, setPool] = useState(200);
  const result = useMemo(
    () =>
      modelCapacity({
        workload: { arrivalRate: rate, cpuMs, ioMs },
        machine: { cores: 4, ramMiB: 8192 },
        servers: [
          { kind: "thread-per-request", name: `thread pool (${pool})`, poolSize: pool },
          { kind: "event-loop", name: "Node-style event loop" },
          { kind: "goroutines", name: "Go goroutines" },
          { kind: "virtual-threads", name: "Java virtual threads" },
        ],
      }),
    [rate, cpuMs, ioMs, pool],
  );
  return (
    <WidgetFrame
      title="Thread-per-request vs event loop"
      intro="A 4-core machine with 8 GiB of RAM. Each request needs some CPU and then waits on network I/O. Raise the load and see what gives out first."
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <RangeField
          label="Arrival rate"
          value={rate}
          min={100}
          max={10000}
          step={100}
          unit=" req/s"
          onChange={setRate}
        />
        <RangeField label="CPU per request" value={cpuMs} min={0.1} max={5} step={0.1} unit=" ms" onChange={setCpuMs} />
        <RangeField
          label="I/O wait per request"
          value={ioMs}
          min={0}
          max={500}
          step={10}
          unit=" ms"
          onChange={setIoMs}
        />
        <RangeField label="Thread pool size" value={pool} min={10} max={2000} step={10} onChange={setPool} />
      </div>
      {result.ok ? (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[520px] text-left text-sm">
            <caption className="sr-only">Capacity of each server model</caption>
            <thead className="text-muted-foreground">
              <tr>
                <th className="py-1">Model</th>
                <th>Max req/s</th>
                <th>Limited by</th>
                <th>Latency</th>
                <th>Memory</th>
              </tr>
            </thead>
            <tbody>
              {result.value.servers.map((s) => (
                <tr key={s.name} className="border-t border-border align-top">
                  <td className="py-1 pr-2">{s.name}</td>
                  <td className="font-mono">{Math.round(s.saturationRps).toLocaleString("en")}</td>
                  <td className={s.saturated ? "font-medium text-danger" : ""}>
                    {s.limitingResource}
                    {s.saturated ? " (saturated)" : ""}
                  </td>
                  <td className="font-mono">
                    {s.latencyMs === null ? "∞ (queue grows)" : `${s.latencyMs.toFixed(1)} ms`}
                  </td>
                  <td className="font-mono">
                    {s.saturated ? "—" : `${s.memoryMiB.toFixed(s.memoryMiB < 10 ? 1 : 0)} MiB`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <ErrorList errors={result.errors} />
      )}
    </WidgetFrame>
  );
}
