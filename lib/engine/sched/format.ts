// Readable text view of a result (`simulate --text`): inputs echoed first (OSTEP habit), then the
// timeline, per-task metrics, averages and context-switch costs.
import type { SimResult } from "./types";

const num = (x: number | null) => (x === null ? "-" : String(Math.round(x * 1000) / 1000));

export function formatTimeline(r: SimResult): string {
  const lines: string[] = [];
  lines.push(`policy ${JSON.stringify(r.policy)}`);
  lines.push(`conventions ${JSON.stringify(r.conventions)}`);
  if (r.horizon !== null) lines.push(`horizon ${r.horizon} ms`);
  lines.push("", "Timeline (ms):");
  // Several CPUs: each slice names its CPU (single-CPU output stays as it was).
  for (const s of r.slices)
    lines.push(
      `  [${num(s.start).padStart(9)} – ${num(s.end).padEnd(9)}] ${s.cpu === undefined ? "" : `cpu${s.cpu} `.padEnd(7)}${s.task.padEnd(12)} ${s.endReason}`,
    );
  lines.push("", "Tasks:");
  lines.push(
    `  ${"id".padEnd(12)} ${"arrival".padStart(9)} ${"cpu".padStart(9)} ${"first".padStart(9)} ${"finish".padStart(9)} ${"turnaround".padStart(10)} ${"waiting".padStart(9)} ${"response".padStart(9)}`,
  );
  for (const t of r.tasks) {
    lines.push(
      `  ${t.id.padEnd(12)} ${num(t.arrival).padStart(9)} ${num(t.cpuTime).padStart(9)} ${num(t.firstRun).padStart(9)} ${num(t.finish).padStart(9)} ${num(t.turnaround).padStart(10)} ${num(t.waiting).padStart(9)} ${num(t.response).padStart(9)}`,
    );
  }
  const a = r.averages;
  lines.push(
    `  average (${a.finished} finished): turnaround ${num(a.turnaround)}  waiting ${num(a.waiting)}  response ${num(a.response)}`,
  );
  const s = r.switches;
  lines.push(
    "",
    `Context switches: ${s.total} (${s.charged ? "charged to the CPU" : "reported only"}), overhead ${num(s.totalOverheadMs)} ms, CPU time lost ${num(s.cpuTimeLostMs)} ms`,
  );
  for (const [kind, k] of Object.entries(s.byKind)) {
    if (k.count > 0)
      lines.push(
        `  ${kind.padEnd(8)} ${String(k.count).padStart(6)}  direct ${num(k.directMs)} ms  refill ${num(k.indirectMs)} ms`,
      );
  }
  lines.push(
    "",
    `Stopped: ${r.stats.stoppedBy} at t=${num(r.stats.endTime)} ms; busy ${num(r.stats.busyTime)} ms, idle ${num(r.stats.idleTime)} ms`,
  );
  if (r.smp) {
    const m = r.smp;
    lines.push("", `CPUs: ${m.cpus} (${m.config.queues === "single" ? "one shared queue" : "per-CPU queues"})`);
    for (const c of m.perCpu)
      lines.push(
        `  cpu${c.cpu} busy ${num(c.busyTime)} ms, idle ${num(c.idleTime)} ms, utilisation ${num(c.utilisation)}`,
      );
    lines.push(`Migrations: ${m.migrations.length}${m.migrationsTruncated ? "+" : ""}`);
    for (const g of m.migrations.slice(0, 50))
      lines.push(`  t=${num(g.time)} ${g.task} cpu${g.from} → cpu${g.to} (${g.reason})`);
    if (m.migrations.length > 50) lines.push(`  … ${m.migrations.length - 50} more in the JSON output`);
  }
  for (const w of r.warnings) lines.push(`warning: ${w}`);
  return lines.join("\n") + "\n";
}
