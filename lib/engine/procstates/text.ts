// Plain-text rendering of a process-states result: the OSTEP table plus its stats block.
import { formatStateStats, formatStateTable } from "./table";
import type { ProcStatesResult } from "./types";

export function formatProcStatesText(result: ProcStatesResult): string {
  const rows = result.ticks.map((t) => ({
    tick: t.t,
    ioCompleted: t.ioCompleted,
    cells: t.states,
    cpuBusy: t.cpuBusy,
    iosInFlight: t.iosInFlight,
  }));
  const labels = result.config.processes.map((p) => p.id);
  return formatStateTable(rows, labels) + formatStateStats(result.totalTicks, result.cpuBusyTicks, result.ioBusyTicks);
}
