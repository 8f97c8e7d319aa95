// Scheduler throughput: simulated events per second and cost per scheduling decision for FIFO, RR, CFS
// and EEVDF with 10 … 100,000 runnable tasks. Each task runs 1 ms and sleeps 1 ms forever, so nearly all
// tasks are runnable at every decision, and each decision covers about 1 ms of simulated time.
// Target: cost at 100,000 tasks within 3× of the cost at 100.
//
// How it stays meaningful on a shared machine:
// - setup (task creation, the arrival of every task at t=0) is cancelled by timing a short and a long
//   horizon and dividing the difference by the difference in decisions;
// - the short horizon already lets every task run once, so the measured window is the steady state;
// - the window holds DECISIONS decisions at every size (the old fixed horizons gave 100,000 tasks only
//   ~40,000 decisions, less than the setup's noise);
// - one untimed run per workload warms the JIT, a full GC before each timed run keeps one run's garbage
//   off the next one's bill, and the figure is the median of PAIRS short/long pairs (CPU time of this
//   process, which load on other cores inflates less than wall time).
import vm from "node:vm";
import v8 from "node:v8";
import { simulate, validateWorkload } from "../lib/engine";
import type { Workload } from "../lib/engine";

const POLICIES = [{ name: "fifo" }, { name: "rr", quantum: 1 }, { name: "cfs", hz: 1000 }, { name: "eevdf", hz: 1000 }];
const SIZES = [10, 100, 1_000, 10_000, 100_000];
const DECISIONS = 300_000;
const PAIRS = 5;
const SMP_CPUS = 16;
const SMP_TASKS = 10_000;

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

function workload(policy: object, n: number, horizon: number, cpus = 1): Workload {
  const tasks = Array.from({ length: n }, (_, i) => ({ id: `t${i}`, bursts: [1, 1], repeat: true }));
  const v = validateWorkload({ policy, tasks, horizon, log: false, ...(cpus > 1 ? { cpus } : {}) });
  if (!v.ok) throw new Error(JSON.stringify(v.errors.slice(0, 3)));
  return v.value;
}

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** CPU ms of one run, and its decision and event counts (with log off, each slice starts with one pick). */
function run(w: Workload): { ms: number; decisions: number; events: number } {
  gc();
  const start = cpuMs();
  const r = simulate(w);
  const ms = cpuMs() - start;
  return { ms, decisions: r.slices.length, events: r.stats.events };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

function measure(policy: object, n: number, cpus = 1): { us: number; low: number; high: number; eventsPerSec: number } {
  // With several CPUs about `cpus` decisions happen per simulated ms: the windows shrink to match.
  const shortHorizon = Math.ceil((n + 20_000) / cpus);
  const short = workload(policy, n, shortHorizon, cpus);
  const long = workload(policy, n, shortHorizon + Math.ceil(DECISIONS / cpus), cpus);
  run(short); // JIT warm-up for this policy and size
  const perDecision: number[] = [];
  const perEvent: number[] = [];
  for (let i = 0; i < PAIRS; i++) {
    const a = run(short);
    const b = run(long);
    const dms = Math.max(1e-6, b.ms - a.ms);
    perDecision.push((dms * 1000) / Math.max(1, b.decisions - a.decisions));
    perEvent.push((b.events - a.events) / dms);
  }
  return {
    us: median(perDecision),
    low: Math.min(...perDecision),
    high: Math.max(...perDecision),
    eventsPerSec: median(perEvent) * 1000,
  };
}

export default async function engineBench(): Promise<void> {
  console.log(
    `${DECISIONS.toLocaleString("en")} decisions per timed window, median of ${PAIRS} short/long pairs (CPU time)`,
  );
  console.log("policy   tasks     events/s   µs/decision   (min … max)");
  for (const policy of POLICIES) {
    const costs = new Map<number, number>();
    for (const n of SIZES) {
      const m = measure(policy, n);
      costs.set(n, m.us);
      console.log(
        `${policy.name.padEnd(7)} ${String(n).padStart(6)} ${m.eventsPerSec.toFixed(0).padStart(12)} ${m.us.toFixed(3).padStart(13)}   (${m.low.toFixed(3)} … ${m.high.toFixed(3)})`,
      );
    }
    console.log(
      `${policy.name.padEnd(7)} ratio cost(100000)/cost(100) = ${(costs.get(100_000)! / costs.get(100)!).toFixed(2)} (target ≤ 3)`,
    );
  }
  // Several CPUs (lib/engine/sched/smp.ts): each CPU's run queue holds ~625 of the 10,000 tasks, so a pick
  // costs O(log 625); each event also visits the 16 CPUs once.
  console.log(
    `\n${SMP_CPUS} CPUs × ${SMP_TASKS.toLocaleString("en")} tasks (per-CPU run queues, balancing every ${SMP_CPUS} ms)`,
  );
  console.log("policy   tasks     events/s   µs/decision   (min … max)");
  for (const policy of POLICIES) {
    const m = measure(policy, SMP_TASKS, SMP_CPUS);
    console.log(
      `${policy.name.padEnd(7)} ${String(SMP_TASKS).padStart(6)} ${m.eventsPerSec.toFixed(0).padStart(12)} ${m.us.toFixed(3).padStart(13)}   (${m.low.toFixed(3)} … ${m.high.toFixed(3)})`,
    );
  }
}
