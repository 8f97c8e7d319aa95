// Plain-text rendering of a capacity report for the CLI.
import type { CapacityReport } from "./types";

export function formatCapacityReport(report: CapacityReport): string {
  const { workload, machine } = report.input;
  const out = [
    `workload: ${workload.arrivalRate} req/s, ${workload.cpuMs} ms CPU + ${workload.ioMs} ms blocking I/O per request; machine: ${machine.cores} cores, ${machine.ramMiB} MiB`,
  ];
  for (const s of report.servers) {
    out.push("", `${s.name} (${s.kind})`);
    out.push(
      `  throughput ${s.throughputRps} req/s; saturates at ${s.saturationRps} req/s (limit: ${s.limitingResource}, beyond it requests ${s.failureMode === "fails" ? "fail" : "queue"})`,
    );
    out.push(
      `  latency ${s.latencyMs === null ? "unbounded (saturated)" : `${s.latencyMs} ms`}; in flight ${s.inFlight ?? "unbounded"}; CPU ${Math.round(s.cpuUtilisation * 100)}%; memory ${s.memoryMiB} MiB`,
    );
    for (const b of s.bounds) out.push(`  bound: ${b.resource} ≤ ${b.maxRps} req/s (${b.detail})`);
    for (const n of s.notes) out.push(`  note: ${n}`);
  }
  return out.join("\n") + "\n";
}
