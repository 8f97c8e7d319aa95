// The OSTEP process-run table: one right-aligned 14-column cell per process plus CPU and IOs.
// Both the byte-exact OSTEP port and the `process-run --text` CLI print through here, so the
// layout quirks (an empty IOs cell is 10 spaces, not 14) live in one place.
import { pyFixed } from "../ostep/pyformat";
import type { TickRow } from "./machine";

const CELL = 14;

function cell(text: string): string {
  return text.padStart(CELL, " ");
}

/** The header and one line per tick; every line ends with "\n". `labels` head the process columns. */
export function formatStateTable(rows: readonly TickRow[], labels: readonly string[]): string {
  const lines: string[] = ["Time" + labels.map(cell).join("") + cell("CPU") + cell("IOs")];
  for (const row of rows) {
    lines.push(
      String(row.tick).padStart(3, " ") +
        (row.ioCompleted ? "*" : " ") +
        row.cells.map(cell).join("") +
        cell(row.cpuBusy ? "1" : " ") +
        (row.iosInFlight > 0 ? cell(String(row.iosInFlight)) : " ".repeat(10)),
    );
  }
  return lines.join("\n") + "\n";
}

/** process-run.py's `-p` block, blank lines included. */
export function formatStateStats(totalTicks: number, cpuBusyTicks: number, ioBusyTicks: number): string {
  const percent = (busy: number): string => pyFixed((100 * busy) / totalTicks, 2);
  return (
    "\n" +
    `Stats: Total Time ${totalTicks}\n` +
    `Stats: CPU Busy ${cpuBusyTicks} (${percent(cpuBusyTicks)}%)\n` +
    `Stats: IO Busy  ${ioBusyTicks} (${percent(ioBusyTicks)}%)\n` +
    "\n"
  );
}

/** OSTEP's column label for a pid: `PID: 0`. */
export function ostepPidLabel(pid: number): string {
  return "PID:" + String(pid).padStart(2, " ");
}
