// Classifies each context switch and prices it: a direct cost per kind plus an optional indirect
// cache/TLB refill penalty that grows with the incoming task's working set (Li, Ding & Shen 2007).
import type { TaskRun } from "./policy";
import type { SwitchCostConfig, SwitchKind, SwitchReport } from "./types";

export function classifySwitch(from: TaskRun | null, to: TaskRun | null): SwitchKind {
  if (!from || !to) return "idle";
  if (from.process !== to.process) return "process";
  return from.spec.userThread && to.spec.userThread ? "user" : "thread";
}

/** Cost in ms of switching from `from` to `to` (either may be the idle task). */
export function switchCostMs(
  c: SwitchCostConfig,
  kind: SwitchKind,
  to: TaskRun | null,
): { direct: number; indirect: number } {
  const directUs =
    kind === "thread" ? c.threadUs : kind === "process" ? c.processUs : kind === "user" ? c.userUs : c.idleUs;
  let indirectNs = 0;
  const ws = to?.spec.workingSetKb ?? 0;
  if (to && ws > 0) {
    indirectNs += Math.min(ws, c.cacheKb) * c.refillNsPerKb;
    // Without PCID, changing address space flushes the TLB: every page of the working set misses once.
    if (!c.pcid && kind === "process") indirectNs += Math.min(Math.ceil(ws / 4), c.tlbEntries) * c.tlbMissNs;
  }
  return { direct: directUs / 1000, indirect: indirectNs / 1e6 };
}

export function emptySwitchReport(charged: boolean): SwitchReport {
  const kind = () => ({ count: 0, directMs: 0, indirectMs: 0 });
  return {
    total: 0,
    byKind: { thread: kind(), process: kind(), idle: kind(), user: kind() },
    totalOverheadMs: 0,
    cpuTimeLostMs: 0,
    charged,
  };
}
