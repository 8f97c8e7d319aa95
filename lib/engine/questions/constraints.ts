// Generator constraints: what a lecturer requires of every variant, written as expressions over the
// drawn workload and its simulated schedule ("io >= 1 && demotions >= 1", "between(slots, 10, 20)",
// "differs(0, 1)"). The generator redraws deterministically until all hold; the self-test re-checks
// them and reports the spread of the difficulty measures (length, decisions, preemptions) over its
// seeds. The named invariants of ./invariants.ts are available as boolean names here too, so a
// constraint can combine them ("boostMatters || preemptions >= 3").
import { simulate } from "../sched/index";
import type { SimResult, Workload } from "../sched/index";
import { compileExpr, evalCondition, ExprError, type CompiledExpr, type ExprEnv, type ExprValue } from "./expr";
import { handovers, invariantProblem } from "./invariants";
import { Issues, joinPath, read } from "./issues";

/** The names a constraint may use, with what each means (shown in the docs and in errors). */
export const SCHED_MEASURES: Record<string, string> = {
  tasks: "number of tasks",
  ioTasks: "tasks with at least one I/O burst",
  ioBursts: "I/O bursts in the task table",
  io: "times a task blocks for I/O in the schedule",
  cpuTotal: "total CPU time the tasks need (ms)",
  end: "when the schedule ends (ms)",
  slotMs: "ms per timeline slot",
  slots: "timeline length in slots (end / slotMs, rounded up)",
  decisions: "scheduling decisions (each pick of a task, or of idle)",
  slices: "runs on the CPU (uninterrupted pieces of the timeline)",
  preemptions: "a running task cut off (preempted or quantum expired) and another taking over",
  quantumExpiries: "quanta running out with another task taking over",
  switches: "context switches",
  idle: "idle CPU time (ms)",
  demotions: "MLFQ: times a task is seen at a lower level than before",
  promotions: "MLFQ: times a task is seen at a higher level than before (only a boost does that)",
  boostPeriod: "MLFQ boost period (ms; 0 without boost or another policy)",
  boosts: "MLFQ boosts strictly before the schedule ends",
  quantum: "the policy's quantum (ms; 0 if it has none)",
  avgTurnaround: "average turnaround (ms)",
  avgWaiting: "average waiting time (ms)",
  avgResponse: "average response time (ms)",
  boostMatters: "true when the MLFQ boost changes the schedule",
  preemptionMatters: "true when the preemptive and non-preemptive twins differ",
  ioOverlap: "true when a task computes while another waits for I/O",
  someoneWaits: "true when some task does not run the moment it arrives",
  convoy: "true when the first job is the longest (≥ 3× the shortest) and the others wait for it",
};

export const CONSTRAINT_FUNCTIONS: Record<string, [number, number]> = { differs: [2, 2] };

export interface Constraint {
  source: string;
  expr: CompiledExpr;
}

export const MAX_CONSTRAINTS = 20;

export function validateConstraints(issues: Issues, v: unknown, path: string): Constraint[] {
  if (v === undefined) return [];
  const arr = read.array(issues, v, path, { min: 0, max: MAX_CONSTRAINTS }) ?? [];
  const out: Constraint[] = [];
  arr.forEach((raw, i) => {
    const p = joinPath(path, i);
    if (typeof raw !== "string") {
      issues.add(p, 'must be an expression such as "io >= 1" or "between(slots, 10, 20)"');
      return;
    }
    const c = compileExpr(raw, Object.keys(SCHED_MEASURES), CONSTRAINT_FUNCTIONS);
    if (!c.ok) issues.add(p, `${JSON.stringify(raw)} ${c.message}`);
    else out.push({ source: raw, expr: c.value });
  });
  return out;
}

/** Everything a constraint or the difficulty report reads from one draw. */
export interface DrawContext {
  workload: Workload;
  sim: SimResult;
  slotMs: number;
  /** The schedule of the same tasks under another policy of the template, by index (for differs). */
  rerun?: (policyIndex: number) => SimResult | null;
}

function levelChanges(sim: SimResult): { demotions: number; promotions: number } {
  // The engine logs each task's level in every decision's ready set; a change between two sightings
  // of a task is a demotion (down) or, in MLFQ, a boost (up).
  const last = new Map<string, number>();
  let demotions = 0;
  let promotions = 0;
  for (const d of sim.decisions) {
    for (const r of d.ready) {
      const level = r.values.level;
      if (level === undefined) continue;
      const before = last.get(r.task);
      if (before !== undefined && level > before) demotions++;
      if (before !== undefined && level < before) promotions++;
      last.set(r.task, level);
    }
  }
  return { demotions, promotions };
}

function slicesKey(sim: SimResult): string {
  return JSON.stringify(sim.slices.map((s) => [s.task, s.start, s.end]));
}

/** The measures of one draw, each computed on first use. */
export function measureEnv(ctx: DrawContext): ExprEnv {
  const { workload: w, sim } = ctx;
  const p = w.policy;
  let levels: { demotions: number; promotions: number } | null = null;
  const lv = () => (levels ??= levelChanges(sim));
  const nan = (x: number | null) => (x === null ? Number.NaN : x);
  const inv = (check: "boostMatters" | "preemptionMatters" | "ioOverlap" | "someoneWaits") => () =>
    invariantProblem({ check }, w, sim) === null;
  return {
    tasks: w.tasks.length,
    ioTasks: () => w.tasks.filter((t) => t.bursts.length > 1).length,
    ioBursts: () => w.tasks.reduce((n, t) => n + Math.floor(t.bursts.length / 2), 0),
    io: () => sim.slices.filter((s) => s.endReason === "blocked").length,
    cpuTotal: () => w.tasks.reduce((n, t) => n + t.bursts.filter((_, i) => i % 2 === 0).reduce((a, b) => a + b, 0), 0),
    end: sim.stats.endTime,
    slotMs: ctx.slotMs,
    slots: () => Math.ceil(sim.stats.endTime / ctx.slotMs - 1e-9),
    decisions: sim.stats.decisions,
    slices: sim.slices.length,
    preemptions: () => handovers(sim, ["preempted", "quantum-expired"]),
    quantumExpiries: () => handovers(sim, ["quantum-expired"]),
    switches: sim.switches.total,
    idle: sim.stats.idleTime,
    demotions: () => lv().demotions,
    promotions: () => lv().promotions,
    boostPeriod: p.name === "mlfq" ? p.boostPeriod : 0,
    boosts:
      p.name === "mlfq" && p.boostPeriod > 0 ? Math.max(0, Math.ceil(sim.stats.endTime / p.boostPeriod - 1e-9) - 1) : 0,
    quantum: "quantum" in p ? p.quantum : 0,
    avgTurnaround: nan(sim.averages.turnaround),
    avgWaiting: sim.averages.waiting,
    avgResponse: nan(sim.averages.response),
    boostMatters: inv("boostMatters"),
    preemptionMatters: inv("preemptionMatters"),
    ioOverlap: inv("ioOverlap"),
    someoneWaits: inv("someoneWaits"),
    convoy: () => invariantProblem({ check: "convoy", ratio: 3 }, w, sim) === null,
  };
}

function constraintFunctions(ctx: DrawContext): Record<string, (...args: number[]) => ExprValue> {
  const runs = new Map<number, SimResult>();
  const under = (i: number): SimResult => {
    const hit = runs.get(i);
    if (hit) return hit;
    const r = Number.isInteger(i) ? (ctx.rerun?.(i) ?? null) : null;
    if (!r)
      throw new ExprError(
        `differs(${i}, …): the template has no policy number ${i} (policies count from 0 in generator.policy)`,
      );
    runs.set(i, r);
    return r;
  };
  return { differs: (a, b) => slicesKey(under(a)) !== slicesKey(under(b)) };
}

/** The first constraint that does not hold, in words naming it, or null when all hold. */
export function brokenConstraint(constraints: readonly Constraint[], ctx: DrawContext): string | null {
  if (constraints.length === 0) return null;
  const env = measureEnv(ctx);
  const fns = constraintFunctions(ctx);
  for (const c of constraints) {
    let holds: boolean;
    try {
      holds = evalCondition(c.expr, env, fns);
    } catch (error) {
      if (!(error instanceof ExprError)) throw error;
      return `constraint ${JSON.stringify(c.source)} cannot be evaluated: ${error.message}`;
    }
    if (!holds) {
      const values = c.expr.identifiers.map((n) => `${n} = ${formatValue(env[n])}`).join(", ");
      return `constraint ${JSON.stringify(c.source)} does not hold${values ? ` (${values})` : ""}`;
    }
  }
  return null;
}

function formatValue(v: ExprEnv[string] | undefined): string {
  const x = typeof v === "function" ? v() : v;
  return typeof x === "number" ? String(Math.round(x * 1000) / 1000) : String(x);
}

/** How hard a variant is to work by hand: what the self-test reports the spread of. */
export interface DifficultyMeasures {
  slots: number;
  decisions: number;
  preemptions: number;
}

export function difficultyOf(workload: Workload, sim: SimResult | undefined, slotMs: number): DifficultyMeasures {
  const s = sim ?? simulate(workload);
  const env = measureEnv({ workload, sim: s, slotMs });
  const get = (k: string) => {
    const v = env[k]!;
    return Number(typeof v === "function" ? v() : v);
  };
  return { slots: get("slots"), decisions: get("decisions"), preemptions: get("preemptions") };
}

export interface Spread {
  min: number;
  median: number;
  max: number;
  /** Value → how many variants had it (sorted by value). */
  counts: [number, number][];
}

export function spreadOf(values: readonly number[]): Spread | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const counts = new Map<number, number>();
  for (const v of sorted) counts.set(v, (counts.get(v) ?? 0) + 1);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { min: sorted[0]!, median, max: sorted.at(-1)!, counts: [...counts.entries()] };
}
