// Small pure models the concept questions may take a numeric answer from, so that a question about a
// cgroup quota, a load average or a priority-inversion timeline is graded by computing the answer, not
// by an author's arithmetic. Each model declares its arguments; the concept kind validates templates
// against that declaration and fills the arguments from the variant's parameters.
import type { Checked } from "../questions/types";
import { admitDeadlineTasks, simulateEdf, type DeadlineTask } from "./deadline";
import { cloneCounts, parseCloneFlags } from "./clone";
import { simulateCpuQuota, type CpuQuotaInput } from "./cpu-quota";
import { loadAverageAfter, loadContributors, LOAD_FREQ_S, type LoadWindow } from "./loadavg";
import { classicInversion, simulateInversion, type LockProtocol } from "./priority-inversion";
import { compilePseudoC } from "../races/program";
import { finalValues, findDeadlock, runInterrupts, type RaceSystem } from "../races/machine";
import { LOCK_KINDS, lockSystem, type LockKind } from "../races/locks";
import { waitWasteUs } from "./spin-block";

export * from "./clone";
export * from "./cpu-quota";
export * from "./deadline";
export * from "./loadavg";
export * from "./priority-inversion";
export * from "./spin-block";

export type ModelArgType = "number" | "string";
export type ModelArgs = Record<string, number | string>;

export interface AnswerModel {
  description: string;
  args: Record<string, ModelArgType>;
  compute(args: ModelArgs): Checked<number>;
}

/** A day of 5-second updates: enough for any question, and a bound on the work one answer may cost. */
const MAX_LOAD_SECONDS = 86_400;

const ok = (value: number): Checked<number> => ({ ok: true, value });
const bad = (path: string, message: string): Checked<number> => ({ ok: false, errors: [{ path, message }] });
const n = (a: ModelArgs, k: string) => a[k] as number;

function quotaInput(a: ModelArgs): CpuQuotaInput {
  return {
    quotaMs: n(a, "quota") === 0 ? null : n(a, "quota"),
    periodMs: n(a, "period"),
    workMs: n(a, "work"),
    threads: n(a, "threads"),
    cpus: n(a, "cpus"),
    offsetMs: n(a, "offset"),
  };
}
const QUOTA_ARGS = {
  quota: "number",
  period: "number",
  work: "number",
  threads: "number",
  cpus: "number",
  offset: "number",
} as const;

const INVERSION_ARGS = {
  protocol: "string",
  lowBefore: "number",
  lowLocked: "number",
  highArrival: "number",
  highBefore: "number",
  highLocked: "number",
  mediumArrival: "number",
  mediumCpu: "number",
} as const;
function inversion(a: ModelArgs) {
  const protocol = a["protocol"];
  if (protocol !== "none" && protocol !== "inherit" && protocol !== "ceiling") return null;
  return simulateInversion(
    classicInversion({
      lowBefore: n(a, "lowBefore"),
      lowLocked: n(a, "lowLocked"),
      highArrival: n(a, "highArrival"),
      highBefore: n(a, "highBefore"),
      highLocked: n(a, "highLocked"),
      mediumArrival: n(a, "mediumArrival"),
      mediumCpu: n(a, "mediumCpu"),
    }),
    protocol as LockProtocol,
  );
}

const wholeIn = (v: number, lo: number, hi: number) => Number.isInteger(v) && v >= lo && v <= hi;

function pickValue(values: number[], which: string | number | undefined): Checked<number> {
  if (which === "min") return ok(values[0]!);
  if (which === "max") return ok(values[values.length - 1]!);
  if (which === "count") return ok(values.length);
  return bad("which", "must be min, max or count");
}

/** `philosophers` threads, thread i taking lock m<i> then m<i+1> (mod n); with `lastReversed` = 1 the last takes them the other way round. */
export function philosophersSystem(philosophers: number, lastReversed: boolean): RaceSystem {
  return {
    threads: Array.from({ length: philosophers }, (_, i) => {
      const [first, second] = [`m${i}`, `m${(i + 1) % philosophers}`];
      const [a, b] = lastReversed && i === philosophers - 1 ? [second, first] : [first, second];
      return { program: compilePseudoC(`lock(${a}); lock(${b}); unlock(${b}); unlock(${a});`, []) };
    }),
  };
}

function dlTasks(a: ModelArgs, count: number): DeadlineTask[] {
  return Array.from({ length: count }, (_, i) => ({
    runtime: n(a, `runtime${i + 1}`),
    period: n(a, `period${i + 1}`),
  }));
}

export const ANSWER_MODELS: Record<string, AnswerModel> = {
  "load-contributors": {
    description: "tasks that count towards Linux's load average: R + D (kernel/sched/loadavg.c)",
    args: { R: "number", D: "number", S: "number", I: "number", T: "number", Z: "number" },
    compute: (a) =>
      ok(loadContributors({ R: n(a, "R"), D: n(a, "D"), S: n(a, "S"), I: n(a, "I"), T: n(a, "T"), Z: n(a, "Z") })),
  },
  loadavg: {
    description: "the load average /proc/loadavg prints after `seconds` with `active` R+D tasks, from `start`",
    args: { start: "number", active: "number", seconds: "number", window: "number" },
    compute(a) {
      const w = n(a, "window");
      if (w !== 1 && w !== 5 && w !== 15) return bad("window", "must be 1, 5 or 15");
      if (n(a, "seconds") % LOAD_FREQ_S !== 0 || n(a, "seconds") < 0 || n(a, "seconds") > MAX_LOAD_SECONDS)
        return bad("seconds", `must be a multiple of 5 from 0 to ${MAX_LOAD_SECONDS}`);
      if (!Number.isInteger(n(a, "active")) || n(a, "active") < 0 || n(a, "active") > 100_000)
        return bad("active", "must be an integer from 0 to 100000");
      if (!(n(a, "start") >= 0 && n(a, "start") <= 100_000)) return bad("start", "must be from 0 to 100000");
      return ok(loadAverageAfter(n(a, "start"), n(a, "active"), n(a, "seconds") / LOAD_FREQ_S, w as LoadWindow));
    },
  },
  "cpu-quota-latency": {
    description: "time from arrival to completion of a burst under cpu.max (quota 0 = max)",
    args: QUOTA_ARGS,
    compute(a) {
      const r = simulateCpuQuota(quotaInput(a));
      return r.ok ? ok(r.value.latencyMs) : r;
    },
  },
  "cpu-quota-throttled": {
    description: "time a burst spends throttled under cpu.max",
    args: QUOTA_ARGS,
    compute(a) {
      const r = simulateCpuQuota(quotaInput(a));
      return r.ok ? ok(r.value.throttledMs) : r;
    },
  },
  "cpu-weight-percent": {
    description:
      "long-run CPU share, in percent, of a busy cgroup with cpu.weight `weight` against busy siblings with total weight `others`",
    args: { weight: "number", others: "number" },
    compute: (a) =>
      n(a, "weight") > 0 && n(a, "others") >= 0
        ? ok(Math.round((10000 * n(a, "weight")) / (n(a, "weight") + n(a, "others"))) / 100)
        : bad("weight", "weights must be positive"),
  },
  "inversion-response": {
    description: "response time (finish − arrival) of the high-priority task H in the three-task inversion scenario",
    args: INVERSION_ARGS,
    compute(a) {
      const r = inversion(a);
      if (!r) return bad("protocol", "must be none, inherit or ceiling");
      return r.ok ? ok(r.value.finish["H"]! - n(a, "highArrival")) : r;
    },
  },
  "inversion-finish-m": {
    description: "finish time of the medium task M in the three-task inversion scenario",
    args: INVERSION_ARGS,
    compute(a) {
      const r = inversion(a);
      if (!r) return bad("protocol", "must be none, inherit or ceiling");
      return r.ok ? ok(r.value.finish["M"]!) : r;
    },
  },
  "dl-admitted": {
    description:
      "how many of three SCHED_DEADLINE requests (runtimeN/periodN, in order) the 95% admission test accepts",
    args: {
      cpus: "number",
      runtime1: "number",
      period1: "number",
      runtime2: "number",
      period2: "number",
      runtime3: "number",
      period3: "number",
    },
    compute(a) {
      const tasks = dlTasks(a, 3);
      if (tasks.some((t) => !(t.runtime > 0 && t.period >= t.runtime)))
        return bad("runtime1", "each runtime must be positive and at most its period");
      if (!Number.isInteger(n(a, "cpus")) || n(a, "cpus") < 1 || n(a, "cpus") > 1024)
        return bad("cpus", "must be an integer from 1 to 1024");
      return ok(admitDeadlineTasks([], tasks, n(a, "cpus")).admitted.filter(Boolean).length);
    },
  },
  "edf-finish": {
    description:
      "finish time of job `job` of task `task` (1-based) under EDF on one CPU, all released at 0, deadline = period",
    args: {
      runtime1: "number",
      period1: "number",
      runtime2: "number",
      period2: "number",
      runtime3: "number",
      period3: "number",
      task: "number",
      job: "number",
    },
    compute(a) {
      const tasks = dlTasks(a, 3);
      if (
        tasks.some(
          (t) =>
            !Number.isInteger(t.runtime) ||
            !Number.isInteger(t.period) ||
            t.runtime < 1 ||
            t.runtime > t.period ||
            t.period > 10_000,
        )
      ) {
        return bad("period1", "runtimes and periods are integers with 1 ≤ runtime ≤ period ≤ 10000");
      }
      if (!Number.isInteger(n(a, "task")) || n(a, "task") < 1 || n(a, "task") > 3)
        return bad("task", "must be 1, 2 or 3");
      if (!Number.isInteger(n(a, "job")) || n(a, "job") < 1 || n(a, "job") > 10)
        return bad("job", "must be an integer from 1 to 10");
      const horizon = Math.max(...tasks.map((t) => t.period)) * (n(a, "job") + 1);
      const f = simulateEdf(tasks, horizon).finishes[n(a, "task") - 1]?.[n(a, "job") - 1];
      return f === undefined ? bad("job", "that job does not finish within the simulated horizon") : ok(f);
    },
  },
  "clone-processes": {
    description: "processes (thread groups) after `calls` clone(flags) calls from a single-threaded process",
    args: { flags: "string", calls: "number" },
    compute(a) {
      const f = parseCloneFlags(String(a["flags"]));
      if (!Number.isInteger(n(a, "calls")) || n(a, "calls") < 0 || n(a, "calls") > 1000)
        return bad("calls", "must be an integer from 0 to 1000");
      return f.ok ? ok(cloneCounts(f.flags, n(a, "calls")).processes) : bad("flags", f.message);
    },
  },
  "clone-tasks": {
    description: "tasks (threads of all processes) after `calls` clone(flags) calls from a single-threaded process",
    args: { flags: "string", calls: "number" },
    compute(a) {
      const f = parseCloneFlags(String(a["flags"]));
      if (!Number.isInteger(n(a, "calls")) || n(a, "calls") < 0 || n(a, "calls") > 1000)
        return bad("calls", "must be an integer from 0 to 1000");
      return f.ok ? ok(cloneCounts(f.flags, n(a, "calls")).tasks) : bad("flags", f.message);
    },
  },
  "gil-speedup": {
    description:
      "ideal speedup of `threads` CPU-bound Python threads on `cores` cores, with the GIL (gil = 1) or free-threaded (gil = 0)",
    args: { threads: "number", cores: "number", gil: "number" },
    compute(a) {
      if (n(a, "gil") !== 0 && n(a, "gil") !== 1) return bad("gil", "must be 0 or 1");
      if (!(n(a, "threads") >= 1 && n(a, "cores") >= 1)) return bad("threads", "threads and cores must be at least 1");
      return ok(n(a, "gil") === 1 ? 1 : Math.min(n(a, "threads"), n(a, "cores")));
    },
  },
  "race-count-final": {
    description:
      "over every interleaving of `threads` threads each running the unprotected `count++` `iterations` times: the smallest (which = min), largest (max) or number of distinct (count) final values of count",
    args: { threads: "number", iterations: "number", which: "string" },
    compute(a) {
      const threads = n(a, "threads");
      const iterations = n(a, "iterations");
      // The exhaustive search grows fast; these sizes stay within a few thousand states.
      if (
        !Number.isInteger(threads) ||
        !Number.isInteger(iterations) ||
        threads < 1 ||
        iterations < 1 ||
        threads * iterations > 6
      ) {
        return bad("threads", "threads and iterations are whole numbers ≥ 1 with threads × iterations ≤ 6");
      }
      const program = compilePseudoC("count++;\n".repeat(iterations), ["count"]);
      const { values } = finalValues({ threads: Array.from({ length: threads }, () => ({ program })) }, "count");
      const which = a["which"];
      if (which === "min") return ok(values[0]!);
      if (which === "max") return ok(values[values.length - 1]!);
      if (which === "count") return ok(values.length);
      return bad("which", "must be min, max or count");
    },
  },
  "race-two-updates": {
    description:
      "x starts at `start`; one thread runs x = x + `add`, another x = x - `sub`, unprotected: min, max or count of the final values of x over every interleaving",
    args: { start: "number", add: "number", sub: "number", which: "string" },
    compute(a) {
      if (![n(a, "start"), n(a, "add"), n(a, "sub")].every((v) => wholeIn(v, 0, 1000)))
        return bad("start", "start, add and sub are whole numbers from 0 to 1000");
      const thread = (src: string) => ({ program: compilePseudoC(src, ["x"]) });
      const { values } = finalValues(
        {
          threads: [thread(`x = x + ${n(a, "add")};`), thread(`x = x - ${n(a, "sub")};`)],
          memory: { x: n(a, "start") },
        },
        "x",
      );
      return pickValue(values, a["which"]);
    },
  },
  "race-interrupt-final": {
    description:
      "final count after `threads` threads each run the unprotected `count++` `iterations` times on one CPU, switching (in thread order) every `interval` instructions, as x86.py -i does",
    args: { threads: "number", iterations: "number", interval: "number" },
    compute(a) {
      if (
        !wholeIn(n(a, "threads"), 1, 4) ||
        !wholeIn(n(a, "iterations"), 1, 10) ||
        !wholeIn(n(a, "interval"), 1, 100)
      ) {
        return bad("threads", "threads 1–4, iterations 1–10 and interval 1–100, whole numbers");
      }
      const program = compilePseudoC("count++;\n".repeat(n(a, "iterations")), ["count"]);
      return ok(
        runInterrupts({ threads: Array.from({ length: n(a, "threads") }, () => ({ program })) }, n(a, "interval"))
          .memory["count"]!,
      );
    },
  },
  "lock-final-values": {
    description:
      "over every interleaving of `threads` threads each doing `iterations` locked increments of count with lock `kind` (lib/engine/races/locks): min, max or count of the final values",
    args: { kind: "string", threads: "number", iterations: "number", which: "string" },
    compute(a) {
      const kind = String(a["kind"]);
      if (!(LOCK_KINDS as readonly string[]).includes(kind))
        return bad("kind", `must be one of ${LOCK_KINDS.join(", ")}`);
      if (
        !wholeIn(n(a, "threads"), 1, 3) ||
        !wholeIn(n(a, "iterations"), 1, 2) ||
        n(a, "threads") * n(a, "iterations") > 4
      ) {
        return bad("threads", "threads 1–3 and iterations 1–2 with threads × iterations ≤ 4 (the search grows fast)");
      }
      if (kind === "peterson" && n(a, "threads") > 2) return bad("threads", "Peterson's algorithm is for two threads");
      return pickValue(
        finalValues(lockSystem(kind as LockKind, n(a, "threads"), n(a, "iterations")), "count").values,
        a["which"],
      );
    },
  },
  "philosophers-deadlock": {
    description:
      "`philosophers` threads each lock(left); lock(right) (the last reversed when lastReversed = 1): the length of a wait-for cycle a deadlock forms (cycle, 0 if none can) or the instructions of the shortest interleaving reaching it (steps, 0 if none)",
    args: { philosophers: "number", lastReversed: "number", which: "string" },
    compute(a) {
      if (!wholeIn(n(a, "philosophers"), 2, 6)) return bad("philosophers", "must be a whole number from 2 to 6");
      if (n(a, "lastReversed") !== 0 && n(a, "lastReversed") !== 1) return bad("lastReversed", "must be 0 or 1");
      const r = findDeadlock(philosophersSystem(n(a, "philosophers"), n(a, "lastReversed") === 1));
      if (a["which"] === "cycle") return ok(r.deadlock ? r.cycle.length : 0);
      if (a["which"] === "steps") return ok(r.deadlock ? r.interleaving.length : 0);
      return bad("which", "must be cycle or steps");
    },
  },
  "wait-waste": {
    description:
      "CPU µs a waiter loses when the lock is held `hold` µs more and a switch costs `switchCost` µs, under policy spin, block or two-phase",
    args: { policy: "string", hold: "number", switchCost: "number" },
    compute(a) {
      const policy = a["policy"];
      if (policy !== "spin" && policy !== "block" && policy !== "two-phase")
        return bad("policy", "must be spin, block or two-phase");
      if (!(n(a, "hold") >= 0 && n(a, "switchCost") > 0)) return bad("hold", "hold must be ≥ 0 and switchCost > 0");
      return ok(waitWasteUs(policy, n(a, "hold"), n(a, "switchCost")));
    },
  },
  "signal-eligible-threads": {
    description: "threads a process-directed signal may be delivered to: those not blocking it",
    args: { threads: "number", blocking: "number" },
    compute: (a) =>
      n(a, "blocking") >= 0 && n(a, "blocking") <= n(a, "threads")
        ? ok(n(a, "threads") - n(a, "blocking"))
        : bad("blocking", "must be from 0 to the number of threads"),
  },
};
