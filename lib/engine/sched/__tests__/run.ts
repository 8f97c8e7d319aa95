// Test helpers: run a workload document through validation and the simulator, failing loudly on errors.
import { expect } from "vitest";
import { simulate } from "../simulate";
import type { SimResult, Slice } from "../types";
import { validateWorkload } from "../validate";

export function run(doc: Record<string, unknown>): SimResult {
  const v = validateWorkload(doc);
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  const r = simulate(v.value);
  expect(r.stats.stoppedBy, "a test workload must not run into the event cap").not.toBe("event-cap");
  return r;
}

export function jobs(...bursts: [string, number, number][]): { id: string; arrival: number; bursts: number[] }[] {
  return bursts.map(([id, arrival, burst]) => ({ id, arrival, bursts: [burst] }));
}

export function metric(r: SimResult, id: string) {
  const t = r.tasks.find((x) => x.id === id);
  expect(t).toBeDefined();
  return t!;
}

export function avg(r: SimResult, key: "turnaround" | "waiting" | "response"): number {
  const xs = r.tasks.map((t) => t[key] as number);
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** "A0-4 B4-8" style rendering for compact hand-computed expectations. */
export function timeline(slices: readonly Slice[], upTo = Infinity): string {
  return slices
    .filter((s) => s.start < upTo)
    .map((s) => `${s.task}${+s.start.toFixed(6)}-${+s.end.toFixed(6)}`)
    .join(" ");
}

/** CPU time each task received within [from, to). */
export function cpuBetween(r: SimResult, id: string, from: number, to: number): number {
  return r.slices
    .filter((s) => s.task === id)
    .reduce((sum, s) => sum + Math.max(0, Math.min(s.end, to) - Math.max(s.start, from)), 0);
}
