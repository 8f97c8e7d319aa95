// Pieces the single-CPU loop (simulate.ts) and the multi-CPU loop (smp.ts) share, so both rank ties and
// average metrics the same way.
import type { SimResult, TaskMetrics, Workload } from "./types";

export function tieRanks(w: Workload): number[] {
  const order = w.tasks.map((_, i) => i);
  const t = w.tasks;
  if (w.conventions.tieBreak === "arrival") order.sort((a, b) => t[a]!.arrival - t[b]!.arrival || a - b);
  if (w.conventions.tieBreak === "id") order.sort((a, b) => (t[a]!.id < t[b]!.id ? -1 : t[a]!.id > t[b]!.id ? 1 : 0));
  const rank = new Array<number>(order.length);
  order.forEach((taskIndex, r) => (rank[taskIndex] = r));
  return rank;
}

export function averages(m: TaskMetrics[]): SimResult["averages"] {
  const finished = m.filter((t) => t.finish !== null);
  const responded = m.filter((t) => t.response !== null);
  const mean = (xs: number[]) => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);
  return {
    turnaround: mean(finished.map((t) => t.turnaround!)),
    waiting: mean(m.map((t) => t.waiting)) ?? 0,
    response: mean(responded.map((t) => t.response!)),
    finished: finished.length,
  };
}
