// Invariants of a good scheduling variant: what a drawn workload must show for the question to keep its
// point (a convoy question needs a convoy, "which preempts" needs a preemption). A template lists them in
// `generator.invariants` as plain data — a name, or { "check": name, ...params } — so an instructor's
// template (and later a user-facing expression language) can state them without code. The generator
// redraws deterministically until every invariant holds; the self-test re-checks them on each variant.
import { simulate } from "../sched/index";
import type { PolicyConfig, SimResult, TaskSpec, Workload } from "../sched/index";
import { Issues, isObj, joinPath, read } from "./issues";

export type Invariant =
  | { check: "convoy"; ratio: number }
  | { check: "preempts"; min: number }
  | { check: "quantumExpires"; min: number }
  | { check: "preemptionMatters" }
  | { check: "boostMatters" }
  | { check: "ioOverlap" }
  | { check: "distinct"; field: "nice" | "tickets" | "priority" }
  | { check: "hasClass"; class: "other" | "idle" | "fifo" | "rr"; min: number }
  | { check: "unevenProcesses" }
  | { check: "someoneWaits" }
  | { check: "switchKinds"; kinds: ("thread" | "process")[] };

export const INVARIANT_NAMES = [
  "convoy",
  "preempts",
  "quantumExpires",
  "preemptionMatters",
  "boostMatters",
  "ioOverlap",
  "distinct",
  "hasClass",
  "unevenProcesses",
  "someoneWaits",
  "switchKinds",
] as const;

/** How many draws a template with invariants may use before it reports that they cannot be met. */
export const MAX_INVARIANT_REDRAWS = 100;

const FIELDS = ["nice", "tickets", "priority"] as const;
const CLASSES = ["other", "idle", "fifo", "rr"] as const;
const KINDS = ["thread", "process"] as const;

export function validateInvariants(issues: Issues, v: unknown, path: string): Invariant[] {
  if (v === undefined) return [];
  const arr = read.array(issues, v, path, { min: 0, max: 20 }) ?? [];
  const out: Invariant[] = [];
  arr.forEach((raw, i) => {
    const p = joinPath(path, i);
    const o = typeof raw === "string" ? { check: raw } : isObj(raw) ? raw : undefined;
    if (!o) {
      issues.add(p, `must be an invariant name or { "check": name, ...params } (names: ${INVARIANT_NAMES.join(", ")})`);
      return;
    }
    const check = read.choice(issues, o["check"], joinPath(p, "check"), INVARIANT_NAMES);
    if (!check) return;
    const num = (key: string, min: number, max: number, fallback: number): number =>
      o[key] === undefined ? fallback : (read.number(issues, o[key], joinPath(p, key), { min, max }) ?? fallback);
    switch (check) {
      case "convoy":
        read.onlyKeys(issues, o, ["check", "ratio"], p);
        out.push({ check, ratio: num("ratio", 1, 1000, 3) });
        break;
      case "preempts":
      case "quantumExpires":
        read.onlyKeys(issues, o, ["check", "min"], p);
        out.push({ check, min: num("min", 1, 1000, 1) });
        break;
      case "distinct": {
        read.onlyKeys(issues, o, ["check", "field"], p);
        const field = read.choice(issues, o["field"], joinPath(p, "field"), FIELDS);
        if (field) out.push({ check, field });
        break;
      }
      case "hasClass": {
        read.onlyKeys(issues, o, ["check", "class", "min"], p);
        const cls = read.choice(issues, o["class"], joinPath(p, "class"), CLASSES);
        if (cls) out.push({ check, class: cls, min: num("min", 1, 1000, 1) });
        break;
      }
      case "switchKinds": {
        read.onlyKeys(issues, o, ["check", "kinds"], p);
        const ks = read.array(issues, o["kinds"], joinPath(p, "kinds"), { max: 2 }) ?? [];
        const kinds = ks
          .map((k, j) => read.choice(issues, k, joinPath(joinPath(p, "kinds"), j), KINDS))
          .filter((k): k is "thread" | "process" => k !== undefined);
        out.push({ check, kinds });
        break;
      }
      default:
        read.onlyKeys(issues, o, ["check"], p);
        out.push({ check });
    }
  });
  return out;
}

export function describeInvariant(inv: Invariant): string {
  switch (inv.check) {
    case "convoy":
      return `convoy (the first job is the longest, at least ${inv.ratio}× the shortest, and every other job waits for it)`;
    case "preempts":
      return `preempts (at least ${inv.min} preemption${inv.min === 1 ? "" : "s"})`;
    case "quantumExpires":
      return `quantumExpires (a quantum runs out with another job waiting, at least ${inv.min}×)`;
    case "preemptionMatters":
      return "preemptionMatters (the preemptive and non-preemptive schedules differ)";
    case "boostMatters":
      return "boostMatters (the priority boost changes the schedule)";
    case "ioOverlap":
      return "ioOverlap (a job computes while another waits for I/O)";
    case "distinct":
      return `distinct ${inv.field} (at least two different values)`;
    case "hasClass":
      return `hasClass (at least ${inv.min} ${inv.class.toUpperCase()} task${inv.min === 1 ? "" : "s"})`;
    case "unevenProcesses":
      return "unevenProcesses (processes have different numbers of threads)";
    case "someoneWaits":
      return "someoneWaits (at least one task does not run at once)";
    case "switchKinds":
      return `switchKinds (at least one ${inv.kinds.join(" and one ")} switch)`;
  }
}

function cpuOf(t: TaskSpec): number {
  return t.bursts.filter((_, i) => i % 2 === 0).reduce((a, b) => a + b, 0);
}

/** Task handovers: a slice cut short (preempted / quantum) and followed at once by another task. */
export function handovers(sim: SimResult, reasons: readonly string[]): number {
  let n = 0;
  for (let i = 0; i + 1 < sim.slices.length; i++) {
    const s = sim.slices[i]!;
    const next = sim.slices[i + 1]!;
    if (reasons.includes(s.endReason) && next.task !== s.task) n++;
  }
  return n;
}

function sameSlices(a: SimResult, b: SimResult): boolean {
  return (
    JSON.stringify(a.slices.map((s) => [s.task, s.start, s.end])) ===
    JSON.stringify(b.slices.map((s) => [s.task, s.start, s.end]))
  );
}

function withPolicy(w: Workload, policy: PolicyConfig): SimResult {
  return simulate({ ...w, policy });
}

/** The I/O intervals of a task: after its k-th blocking slice it sleeps for its burst 2k + 1. */
function ioIntervals(t: TaskSpec, sim: SimResult): [number, number][] {
  const out: [number, number][] = [];
  let k = 0;
  for (const s of sim.slices) {
    if (s.task !== t.id || s.endReason !== "blocked") continue;
    const n = t.bursts.length;
    const io = t.repeat ? t.bursts[(2 * k + 1) % n] : t.bursts[2 * k + 1];
    if (io !== undefined) out.push([s.end, s.end + io]);
    k++;
  }
  return out;
}

/** Null when the invariant holds, else why not (in words an author understands). */
export function invariantProblem(inv: Invariant, w: Workload, sim: SimResult): string | null {
  const tasks = w.tasks;
  switch (inv.check) {
    case "convoy": {
      const first = sim.slices[0];
      if (!first || tasks.length < 2) return "there is no job to wait behind another";
      const long = tasks.find((t) => t.id === first.task)!;
      const others = tasks.filter((t) => t !== long);
      const longCpu = cpuOf(long);
      if (others.some((t) => cpuOf(t) > longCpu)) return `the first job (${long.id}) is not the longest`;
      const shortest = Math.min(...others.map(cpuOf));
      if (longCpu < inv.ratio * shortest)
        return `the first job (${long.id}, ${longCpu} ms) is less than ${inv.ratio}× the shortest (${shortest} ms)`;
      const firstEnd = sim.tasks.find((m) => m.id === long.id)?.finish ?? Infinity;
      if (others.some((t) => t.arrival >= firstEnd))
        return "a job arrives after the long job has finished, so it does not wait behind it";
      return null;
    }
    case "preempts": {
      const n = handovers(sim, ["preempted", "quantum-expired"]);
      return n >= inv.min ? null : `${n} preemption${n === 1 ? "" : "s"}, fewer than ${inv.min}`;
    }
    case "quantumExpires": {
      const n = handovers(sim, ["quantum-expired"]);
      return n >= inv.min
        ? null
        : `a quantum runs out with another job waiting ${n} time${n === 1 ? "" : "s"}, fewer than ${inv.min}`;
    }
    case "preemptionMatters": {
      const p = w.policy;
      const alt: PolicyConfig | null =
        p.name === "sjf"
          ? { name: "stcf" }
          : p.name === "stcf"
            ? { name: "sjf" }
            : p.name === "priority"
              ? { ...p, preemptive: !p.preemptive }
              : null;
      if (!alt) return `the policy ${p.name} has no preemptive / non-preemptive twin`;
      return sameSlices(sim, withPolicy(w, alt)) ? "the schedule would be the same with and without preemption" : null;
    }
    case "boostMatters": {
      const p = w.policy;
      if (p.name !== "mlfq") return "only MLFQ has a priority boost";
      if (p.boostPeriod === 0) return null;
      return sameSlices(sim, withPolicy(w, { ...p, boostPeriod: 0 })) ? "the boost never changes the schedule" : null;
    }
    case "ioOverlap": {
      for (const t of tasks) {
        for (const [a, b] of ioIntervals(t, sim)) {
          if (sim.slices.some((s) => s.task !== t.id && s.start < b && s.end > a)) return null;
        }
      }
      return "no job ever computes while another waits for I/O";
    }
    case "distinct": {
      const values = new Set(
        tasks.map((t) =>
          inv.field === "nice" ? (t.nice ?? 0) : inv.field === "tickets" ? (t.tickets ?? 100) : (t.priority ?? null),
        ),
      );
      return values.size >= 2 ? null : `every task has the same ${inv.field}`;
    }
    case "hasClass": {
      const n = tasks.filter((t) => (t.class ?? "other") === inv.class).length;
      return n >= inv.min ? null : `${n} ${inv.class.toUpperCase()} task${n === 1 ? "" : "s"}, fewer than ${inv.min}`;
    }
    case "unevenProcesses": {
      const counts = new Map<string, number>();
      for (const t of tasks) counts.set(t.process ?? t.id, (counts.get(t.process ?? t.id) ?? 0) + 1);
      return counts.size >= 2 && new Set(counts.values()).size >= 2
        ? null
        : "every process has the same number of threads";
    }
    case "someoneWaits":
      return sim.tasks.some((m) => m.firstRun !== null && m.firstRun > m.arrival)
        ? null
        : "every task runs the moment it arrives";
    case "switchKinds": {
      for (const k of inv.kinds) if (sim.switches.byKind[k].count === 0) return `no ${k} switch happens`;
      return null;
    }
  }
}

/** The first broken invariant, as "name: why", or null when all hold. */
export function brokenInvariant(invariants: readonly Invariant[], w: Workload, sim: SimResult): string | null {
  for (const inv of invariants) {
    const p = invariantProblem(inv, w, sim);
    if (p) return `invariant ${describeInvariant(inv)} does not hold: ${p}`;
  }
  return null;
}
