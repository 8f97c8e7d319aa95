// Scheduler throughput: simulated events per second and cost per scheduling decision for FIFO, RR, CFS
// and EEVDF with 10 … 100,000 runnable tasks. Each task runs 1 ms and sleeps 1 ms forever, so nearly all
// tasks are runnable at every decision. Setup (validation, task creation) is excluded by timing two
// horizons and dividing the difference. Target: cost at 100,000 tasks within 3× of the cost at 100.
import { simulate, validateWorkload } from "../lib/engine/index";
import type { Workload } from "../lib/engine/index";

const POLICIES = [{ name: "fifo" }, { name: "rr", quantum: 1 }, { name: "cfs", hz: 1000 }, { name: "eevdf", hz: 1000 }];
const SIZES = [10, 100, 1_000, 100_000];
const SHORT = 1_000;
const LONG = 41_000;
const REPEATS = 3;

function workload(policy: object, n: number, horizon: number): Workload {
  const tasks = Array.from({ length: n }, (_, i) => ({ id: `t${i}`, bursts: [1, 1], repeat: true }));
  const v = validateWorkload({ policy, tasks, horizon, log: false });
  if (!v.ok) throw new Error(JSON.stringify(v.errors.slice(0, 3)));
  return v.value;
}

/** Fastest of a few runs: setup of 100,000 tasks is GC-heavy and noisy, the minimum is stable. */
function timed(w: Workload): { ms: number; events: number; decisions: number } {
  let ms = Infinity;
  let r = simulate(w);
  for (let i = 0; i < REPEATS; i++) {
    // CPU time of this process, not wall time: the bench machine is often shared.
    const start = process.cpuUsage();
    r = simulate(w);
    const used = process.cpuUsage(start);
    ms = Math.min(ms, (used.user + used.system) / 1000);
  }
  // Each slice starts with one pick; with log off the slice count is the decision count.
  return { ms, events: r.stats.events, decisions: r.slices.length };
}

export default async function engineBench(): Promise<void> {
  timed(workload({ name: "eevdf" }, 1000, 5000)); // warm up the JIT
  console.log("policy  tasks     events/s     µs/decision");
  for (const policy of POLICIES) {
    const costs = new Map<number, number>();
    for (const n of SIZES) {
      const a = timed(workload(policy, n, SHORT));
      // The difference must stand well above the setup time's noise (100,000 tasks take a while to
      // build); lengthen the long run until it does.
      let long = LONG;
      let b = timed(workload(policy, n, long));
      while (b.ms - a.ms < a.ms && long < LONG * 16) {
        long *= 4;
        b = timed(workload(policy, n, long));
      }
      const dms = Math.max(1e-6, b.ms - a.ms);
      const perDecisionUs = (dms * 1000) / Math.max(1, b.decisions - a.decisions);
      const eventsPerSec = ((b.events - a.events) / dms) * 1000;
      costs.set(n, perDecisionUs);
      console.log(`${policy.name.padEnd(7)} ${String(n).padStart(6)} ${eventsPerSec.toFixed(0).padStart(12)} ${perDecisionUs.toFixed(3).padStart(14)}`);
    }
    console.log(`${policy.name.padEnd(7)} ratio cost(100000)/cost(100) = ${(costs.get(100_000)! / costs.get(100)!).toFixed(2)} (target ≤ 3)`);
  }
}
