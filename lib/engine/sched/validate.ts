// Turns untrusted JSON into a complete Workload (all defaults filled in) or a list of readable errors,
// each naming the field. Sizes are checked before anything is iterated, so hostile input (10 million
// tasks, NaN, negative times) is rejected in bounded time and memory.
import {
  AUTO_LOG_TASKS,
  DEFAULT_CFS,
  DEFAULT_CONVENTIONS,
  DEFAULT_EEVDF,
  DEFAULT_LIMITS,
  DEFAULT_QUANTUM,
  DEFAULT_RT,
  DEFAULT_SMP,
  DEFAULT_STRIDE_CONSTANT,
  DEFAULT_SWITCH_COST,
  MAX_AFFINITY_CHANGES,
  MAX_BURSTS_PER_TASK,
  MAX_CPUS,
  MAX_EVENTS_CAP,
  MAX_TASKS,
  MAX_TIME_MS,
  MAX_TOTAL_BURSTS,
} from "./defaults";
import type {
  Conventions,
  PolicyConfig,
  PolicyName,
  Result,
  RtConfig,
  SchedClass,
  SmpConfig,
  SwitchCostConfig,
  TaskSpec,
  ValidationError,
  Workload,
} from "./types";

export const POLICY_NAMES: readonly PolicyName[] = [
  "fifo",
  "sjf",
  "stcf",
  "rr",
  "priority",
  "mlfq",
  "lottery",
  "stride",
  "cfs",
  "eevdf",
];
const POLICY_ALIASES: Record<string, PolicyName> = { fcfs: "fifo", srtf: "stcf", psjf: "stcf" };
const MAX_ERRORS = 50;
const MAX_LEVELS = 64;

type Obj = Record<string, unknown>;

class Checker {
  readonly errors: ValidationError[] = [];
  add(path: string, message: string): void {
    if (this.errors.length < MAX_ERRORS) this.errors.push({ path, message });
  }
  get full(): boolean {
    return this.errors.length >= MAX_ERRORS;
  }
  object(v: unknown, path: string): Obj | undefined {
    if (typeof v === "object" && v !== null && !Array.isArray(v)) return v as Obj;
    this.add(path, `must be an object, got ${describe(v)}`);
    return undefined;
  }
  onlyKeys(o: Obj, allowed: readonly string[], path: string): void {
    for (const k of Object.keys(o)) {
      if (!allowed.includes(k)) this.add(join(path, k), `unknown field (allowed: ${allowed.join(", ")})`);
    }
  }
  /** A finite number in [min, max] (bounds inclusive unless `exclusiveMin`), or the fallback when absent. */
  number(
    o: Obj,
    key: string,
    path: string,
    opts: { min: number; max: number; exclusiveMin?: boolean; integer?: boolean; fallback?: number },
  ): number {
    const v = o[key];
    const p = join(path, key);
    if (v === undefined) {
      if (opts.fallback !== undefined) return opts.fallback;
      this.add(p, "is required");
      return NaN;
    }
    return this.numberValue(v, p, opts);
  }
  numberValue(
    v: unknown,
    p: string,
    opts: { min: number; max: number; exclusiveMin?: boolean; integer?: boolean },
  ): number {
    if (typeof v !== "number" || !Number.isFinite(v)) {
      this.add(p, `must be a finite number, got ${describe(v)}`);
      return NaN;
    }
    if (opts.integer && !Number.isInteger(v)) this.add(p, `must be an integer, got ${v}`);
    else if (opts.exclusiveMin ? v <= opts.min : v < opts.min)
      this.add(p, `must be ${opts.exclusiveMin ? ">" : "≥"} ${opts.min}, got ${v}`);
    else if (v > opts.max) this.add(p, `must be ≤ ${opts.max}, got ${v}`);
    else return v;
    return NaN;
  }
  bool(o: Obj, key: string, path: string, fallback: boolean): boolean {
    const v = o[key];
    if (v === undefined) return fallback;
    if (typeof v !== "boolean") this.add(join(path, key), `must be true or false, got ${describe(v)}`);
    return v === true;
  }
  choice<T extends string>(o: Obj, key: string, path: string, options: readonly T[], fallback: T): T {
    const v = o[key];
    if (v === undefined) return fallback;
    if (typeof v === "string" && (options as readonly string[]).includes(v)) return v as T;
    this.add(join(path, key), `must be one of ${options.map((x) => JSON.stringify(x)).join(", ")}, got ${describe(v)}`);
    return fallback;
  }
}

function join(path: string, key: string | number): string {
  if (typeof key === "number") return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}

function describe(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  if (typeof v === "string") return JSON.stringify(v.length > 40 ? v.slice(0, 40) + "…" : v);
  if (typeof v === "number") return String(v);
  return typeof v;
}

const TIME = { min: 0, max: MAX_TIME_MS } as const;
const POSITIVE_TIME = { min: 0, max: MAX_TIME_MS, exclusiveMin: true } as const;

function rtConfig(c: Checker, o: Obj, path: string): RtConfig {
  const rt: RtConfig = {
    rrTimesliceMs: c.number(o, "rrTimesliceMs", path, { ...POSITIVE_TIME, fallback: DEFAULT_RT.rrTimesliceMs }),
    throttle: c.choice(o, "throttle", path, ["throttle", "fair-server", "none"] as const, DEFAULT_RT.throttle),
    rtRuntimeMs: c.number(o, "rtRuntimeMs", path, { ...TIME, fallback: DEFAULT_RT.rtRuntimeMs }),
    rtPeriodMs: c.number(o, "rtPeriodMs", path, { ...POSITIVE_TIME, fallback: DEFAULT_RT.rtPeriodMs }),
    fairServerMs: c.number(o, "fairServerMs", path, { ...TIME, fallback: DEFAULT_RT.fairServerMs }),
  };
  if (rt.rtRuntimeMs > rt.rtPeriodMs) c.add(join(path, "rtRuntimeMs"), `must be ≤ rtPeriodMs (${rt.rtPeriodMs})`);
  if (rt.fairServerMs > rt.rtPeriodMs) c.add(join(path, "fairServerMs"), `must be ≤ rtPeriodMs (${rt.rtPeriodMs})`);
  return rt;
}

const RT_KEYS = ["rrTimesliceMs", "throttle", "rtRuntimeMs", "rtPeriodMs", "fairServerMs"] as const;

function policyConfig(c: Checker, input: unknown): PolicyConfig | undefined {
  const path = "policy";
  const o = typeof input === "string" ? { name: input } : c.object(input, path);
  if (!o) return undefined;
  const rawName = o["name"];
  const name = typeof rawName === "string" ? (POLICY_ALIASES[rawName.toLowerCase()] ?? rawName.toLowerCase()) : rawName;
  if (typeof name !== "string" || !(POLICY_NAMES as readonly string[]).includes(name)) {
    c.add(
      "policy.name",
      `unknown policy ${describe(rawName)} (expected one of: ${POLICY_NAMES.join(", ")}; aliases fcfs, srtf)`,
    );
    return undefined;
  }
  const keys = (extra: readonly string[]) => c.onlyKeys(o, ["name", ...extra], path);
  const quantum = (fallback: number) => c.number(o, "quantum", path, { ...POSITIVE_TIME, fallback });
  switch (name as PolicyName) {
    case "fifo":
    case "sjf":
    case "stcf":
      keys([]);
      return { name: name as "fifo" | "sjf" | "stcf" };
    case "rr":
      keys(["quantum"]);
      return { name: "rr", quantum: quantum(DEFAULT_QUANTUM.rr) };
    case "priority":
      keys(["preemptive", "higherIs"]);
      return {
        name: "priority",
        preemptive: c.bool(o, "preemptive", path, false),
        higherIs: c.choice(o, "higherIs", path, ["lower-number", "higher-number"] as const, "lower-number"),
      };
    case "lottery":
      keys(["quantum", "seed"]);
      return {
        name: "lottery",
        quantum: quantum(DEFAULT_QUANTUM.lottery),
        seed: c.number(o, "seed", path, { min: 0, max: 2 ** 53, integer: true, fallback: 0 }),
      };
    case "stride":
      keys(["quantum", "strideConstant"]);
      return {
        name: "stride",
        quantum: quantum(DEFAULT_QUANTUM.stride),
        strideConstant: c.number(o, "strideConstant", path, {
          min: 0,
          max: 1e12,
          exclusiveMin: true,
          fallback: DEFAULT_STRIDE_CONSTANT,
        }),
      };
    case "mlfq":
      keys(["quanta", "allotments", "boostPeriod", "ioResetsAllotment"]);
      return mlfqConfig(c, o);
    case "cfs": {
      keys([
        "hz",
        "latencyMs",
        "minGranularityMs",
        "wakeupGranularityMs",
        "cpusForScaling",
        "startDebit",
        "gentleFairSleepers",
        ...RT_KEYS,
      ]);
      const d = DEFAULT_CFS;
      return {
        name: "cfs",
        hz: c.number(o, "hz", path, { min: 1, max: 10_000, integer: true, fallback: d.hz }),
        latencyMs: c.number(o, "latencyMs", path, { ...POSITIVE_TIME, max: 10_000, fallback: d.latencyMs }),
        minGranularityMs: c.number(o, "minGranularityMs", path, {
          ...POSITIVE_TIME,
          max: 10_000,
          fallback: d.minGranularityMs,
        }),
        wakeupGranularityMs: c.number(o, "wakeupGranularityMs", path, {
          ...TIME,
          max: 10_000,
          fallback: d.wakeupGranularityMs,
        }),
        cpusForScaling: c.number(o, "cpusForScaling", path, {
          min: 1,
          max: 4096,
          integer: true,
          fallback: d.cpusForScaling,
        }),
        startDebit: c.bool(o, "startDebit", path, d.startDebit),
        gentleFairSleepers: c.bool(o, "gentleFairSleepers", path, d.gentleFairSleepers),
        ...rtConfig(c, o, path),
      };
    }
    case "eevdf": {
      keys(["hz", "baseSliceMs", "cpusForScaling", "runToParity", "placeDeadlineInitial", "placeLag", ...RT_KEYS]);
      const d = DEFAULT_EEVDF;
      return {
        name: "eevdf",
        hz: c.number(o, "hz", path, { min: 1, max: 10_000, integer: true, fallback: d.hz }),
        baseSliceMs: c.number(o, "baseSliceMs", path, { ...POSITIVE_TIME, max: 10_000, fallback: d.baseSliceMs }),
        cpusForScaling: c.number(o, "cpusForScaling", path, {
          min: 1,
          max: 4096,
          integer: true,
          fallback: d.cpusForScaling,
        }),
        runToParity: c.bool(o, "runToParity", path, d.runToParity),
        placeDeadlineInitial: c.bool(o, "placeDeadlineInitial", path, d.placeDeadlineInitial),
        placeLag: c.bool(o, "placeLag", path, d.placeLag),
        ...rtConfig(c, o, path),
      };
    }
  }
}

function timeList(c: Checker, v: unknown, path: string, maxLen: number): number[] | undefined {
  if (!Array.isArray(v)) {
    c.add(path, `must be an array of numbers, got ${describe(v)}`);
    return undefined;
  }
  if (v.length === 0 || v.length > maxLen) {
    c.add(path, `must have 1…${maxLen} entries, got ${v.length}`);
    return undefined;
  }
  return v.map((x, i) => c.numberValue(x, join(path, i), POSITIVE_TIME));
}

function mlfqConfig(c: Checker, o: Obj): PolicyConfig {
  const quanta = timeList(c, o["quanta"] ?? [10, 10, 10], "policy.quanta", MAX_LEVELS) ?? [1];
  const allotRaw = o["allotments"];
  let allotments = quanta;
  if (allotRaw !== undefined) {
    const a = timeList(c, allotRaw, "policy.allotments", MAX_LEVELS);
    if (a && a.length !== quanta.length)
      c.add("policy.allotments", `must have one entry per level (${quanta.length}), got ${a.length}`);
    else if (a) allotments = a;
  }
  return {
    name: "mlfq",
    quanta,
    allotments,
    boostPeriod: c.number(o, "boostPeriod", "policy", { ...TIME, fallback: 0 }),
    ioResetsAllotment: c.bool(o, "ioResetsAllotment", "policy", false),
  };
}

const TASK_KEYS = [
  "id",
  "arrival",
  "bursts",
  "repeat",
  "class",
  "nice",
  "priority",
  "process",
  "userThread",
  "tickets",
  "workingSetKb",
  "sliceMs",
  "affinity",
  "affinityChanges",
] as const;
const CLASSES: readonly SchedClass[] = ["other", "idle", "fifo", "rr"];

/** A CPU mask as sched_setaffinity takes it: at least one CPU, each one that exists. */
function cpuMask(c: Checker, v: unknown, path: string, cpus: number): number[] | undefined {
  if (!Array.isArray(v)) {
    c.add(path, `must be an array of CPU numbers, got ${describe(v)}`);
    return undefined;
  }
  if (v.length === 0) {
    c.add(path, "must name at least one CPU (sched_setaffinity refuses an empty mask with EINVAL)");
    return undefined;
  }
  if (v.length > MAX_CPUS) {
    c.add(path, `must have at most ${MAX_CPUS} entries, got ${v.length}`);
    return undefined;
  }
  const max = Number.isFinite(cpus) ? cpus - 1 : MAX_CPUS - 1;
  const out = v.map((x, k) => c.numberValue(x, join(path, k), { min: 0, max, integer: true }));
  if (out.some((x) => !Number.isFinite(x))) return undefined;
  return [...new Set(out)].sort((a, b) => a - b);
}

function affinityChanges(c: Checker, v: unknown, path: string, cpus: number): TaskSpec["affinityChanges"] {
  if (!Array.isArray(v) || v.length > MAX_AFFINITY_CHANGES) {
    c.add(path, `must be an array of at most ${MAX_AFFINITY_CHANGES} { at, cpus } entries, got ${describe(v)}`);
    return undefined;
  }
  const out: { at: number; cpus: number[] }[] = [];
  v.forEach((raw: unknown, k) => {
    const p = join(path, k);
    const o = c.object(raw, p);
    if (!o) return;
    c.onlyKeys(o, ["at", "cpus"], p);
    const at = c.number(o, "at", p, TIME);
    const mask = cpuMask(c, o["cpus"], join(p, "cpus"), cpus);
    if (out.length > 0 && at < out[out.length - 1]!.at)
      c.add(join(p, "at"), "must not be earlier than the change before it");
    if (mask && Number.isFinite(at)) out.push({ at, cpus: mask });
  });
  return out;
}

function taskSpec(
  c: Checker,
  v: unknown,
  i: number,
  policy: PolicyConfig | undefined,
  cpus: number,
): TaskSpec | undefined {
  const path = `tasks[${i}]`;
  const o = c.object(v, path);
  if (!o) return undefined;
  c.onlyKeys(o, TASK_KEYS, path);
  const id = o["id"];
  if (typeof id !== "string" || id.length === 0 || id.length > 100) {
    c.add(join(path, "id"), `must be a non-empty string of at most 100 characters, got ${describe(id)}`);
  }
  const spec: TaskSpec = {
    id: typeof id === "string" ? id : `#${i}`,
    arrival: c.number(o, "arrival", path, { ...TIME, fallback: 0 }),
    bursts: timeList(c, o["bursts"], join(path, "bursts"), MAX_BURSTS_PER_TASK) ?? [],
  };
  const repeat = c.bool(o, "repeat", path, false);
  if (repeat) {
    spec.repeat = true;
    if (spec.bursts.length > 1 && spec.bursts.length % 2 === 1) {
      c.add(
        join(path, "bursts"),
        "with repeat must be CPU/I-O pairs (even length) or a single CPU burst (CPU-bound forever)",
      );
    }
  }
  const cls = c.choice(o, "class", path, CLASSES, "other");
  if (o["class"] !== undefined) spec.class = cls;
  const linux = policy?.name === "cfs" || policy?.name === "eevdf";
  if ((cls === "fifo" || cls === "rr" || cls === "idle") && policy && !linux) {
    c.add(
      join(path, "class"),
      `"${cls}" needs policy cfs or eevdf (the textbook policy ${policy.name} has no scheduling classes)`,
    );
  }
  if (o["nice"] !== undefined) spec.nice = c.number(o, "nice", path, { min: -20, max: 19, integer: true });
  if (cls === "fifo" || cls === "rr") {
    spec.priority = c.number(o, "priority", path, { min: 1, max: 99, integer: true });
  } else if (o["priority"] !== undefined) {
    spec.priority = c.number(o, "priority", path, { min: -1e6, max: 1e6, integer: true });
  } else if (policy?.name === "priority") {
    c.add(join(path, "priority"), "is required by the priority policy");
  }
  if (o["process"] !== undefined) {
    if (typeof o["process"] !== "string" || o["process"].length > 100)
      c.add(join(path, "process"), `must be a string, got ${describe(o["process"])}`);
    else spec.process = o["process"];
  }
  if (o["userThread"] !== undefined) spec.userThread = c.bool(o, "userThread", path, false);
  if (o["tickets"] !== undefined) spec.tickets = c.number(o, "tickets", path, { min: 1, max: 1e9, integer: true });
  if (o["workingSetKb"] !== undefined) spec.workingSetKb = c.number(o, "workingSetKb", path, { min: 0, max: 1e9 });
  if (o["sliceMs"] !== undefined) spec.sliceMs = c.number(o, "sliceMs", path, { min: 0.1, max: 100 });
  if (o["affinity"] !== undefined) {
    const mask = cpuMask(c, o["affinity"], join(path, "affinity"), cpus);
    if (mask) spec.affinity = mask;
  }
  if (o["affinityChanges"] !== undefined) {
    const changes = affinityChanges(c, o["affinityChanges"], join(path, "affinityChanges"), cpus);
    if (changes) spec.affinityChanges = changes;
  }
  return spec;
}

function switchCost(c: Checker, v: unknown): SwitchCostConfig {
  if (v === undefined) return { ...DEFAULT_SWITCH_COST };
  const o = c.object(v, "switchCost");
  if (!o) return { ...DEFAULT_SWITCH_COST };
  const d = DEFAULT_SWITCH_COST;
  c.onlyKeys(o, Object.keys(d), "switchCost");
  const us = (k: keyof SwitchCostConfig) =>
    c.number(o, k, "switchCost", { min: 0, max: 1e9, fallback: d[k] as number });
  return {
    chargeTime: c.bool(o, "chargeTime", "switchCost", d.chargeTime),
    threadUs: us("threadUs"),
    processUs: us("processUs"),
    idleUs: us("idleUs"),
    userUs: us("userUs"),
    refillNsPerKb: us("refillNsPerKb"),
    cacheKb: us("cacheKb"),
    pcid: c.bool(o, "pcid", "switchCost", d.pcid),
    tlbEntries: c.number(o, "tlbEntries", "switchCost", { min: 0, max: 1e9, integer: true, fallback: d.tlbEntries }),
    tlbMissNs: us("tlbMissNs"),
  };
}

function conventions(c: Checker, v: unknown): Conventions {
  if (v === undefined) return { ...DEFAULT_CONVENTIONS };
  const o = c.object(v, "conventions");
  if (!o) return { ...DEFAULT_CONVENTIONS };
  c.onlyKeys(o, ["tieBreak", "arrivalVsExpired"], "conventions");
  return {
    tieBreak: c.choice(o, "tieBreak", "conventions", ["arrival", "list", "id"] as const, DEFAULT_CONVENTIONS.tieBreak),
    arrivalVsExpired: c.choice(
      o,
      "arrivalVsExpired",
      "conventions",
      ["arrival-first", "expired-first"] as const,
      DEFAULT_CONVENTIONS.arrivalVsExpired,
    ),
  };
}

/** sched_rt_runtime_us counts whole microseconds: a smaller positive RT runtime is not a setting Linux has. */
const MIN_RT_RUNTIME_MS = 0.001;

/**
 * Under "throttle", real-time tasks with no RT runtime can never run (Linux's RT group scheduling will
 * not leave RT tasks in a group without runtime either: EBUSY/EPERM). With a horizon the run just idles
 * to it; without one it would never end, so it is refused rather than left to spin to the event cap.
 */
function neverEndingRealtime(c: Checker, policy: PolicyConfig, tasks: readonly TaskSpec[]): void {
  if ((policy.name !== "cfs" && policy.name !== "eevdf") || policy.throttle !== "throttle") return;
  if (!(policy.rtRuntimeMs < MIN_RT_RUNTIME_MS)) return;
  const rt = tasks.find((t) => t.class === "fifo" || t.class === "rr");
  if (!rt) return;
  c.add(
    "policy.rtRuntimeMs",
    `is ${policy.rtRuntimeMs}, so under throttle "throttle" the real-time task ${JSON.stringify(rt.id)} can never run and, without a horizon, the run never ends: give rtRuntimeMs ≥ ${MIN_RT_RUNTIME_MS} (1 µs), a horizon, or throttle "none" or "fair-server"`,
  );
}

function smpConfig(c: Checker, v: unknown, cpus: number, policy: PolicyConfig | undefined): SmpConfig {
  const o = v === undefined ? {} : (c.object(v, "smp") ?? {});
  const d = DEFAULT_SMP;
  c.onlyKeys(o, [...Object.keys(d), "balanceIntervalMs"], "smp");
  const queues = c.choice(o, "queues", "smp", ["per-cpu", "single"] as const, d.queues);
  if (queues === "single" && (policy?.name === "cfs" || policy?.name === "eevdf"))
    c.add(
      "smp.queues",
      `"single" is the textbook alternative (OSTEP multi.py without -p); Linux's ${policy.name} keeps one run queue per CPU: use "per-cpu"`,
    );
  const ms = (k: "migrationCostMs" | "warmupMs" | "cacheKb", max: number) =>
    c.number(o, k, "smp", { min: 0, max, fallback: d[k] });
  return {
    queues,
    migrationCostMs: ms("migrationCostMs", MAX_TIME_MS),
    balanceIntervalMs: c.number(o, "balanceIntervalMs", "smp", {
      ...POSITIVE_TIME,
      fallback: Number.isFinite(cpus) ? cpus : 1,
    }),
    imbalancePct: c.number(o, "imbalancePct", "smp", { min: 100, max: 1000, fallback: d.imbalancePct }),
    warmupMs: ms("warmupMs", MAX_TIME_MS),
    warmRate: c.number(o, "warmRate", "smp", { min: 1, max: 1000, fallback: d.warmRate }),
    cacheKb: ms("cacheKb", 1e12),
  };
}

const TOP_KEYS = [
  "cpus",
  "smp",
  "policy",
  "tasks",
  "horizon",
  "conventions",
  "switchCost",
  "limits",
  "log",
  "logReadyLimit",
  "title",
  "description",
];

export function validateWorkload(input: unknown): Result<Workload> {
  const c = new Checker();
  const o = c.object(input, "");
  if (!o) return { ok: false, errors: c.errors };
  c.onlyKeys(o, TOP_KEYS, "");
  const policy = policyConfig(c, o["policy"]);
  const cpus = c.number(o, "cpus", "", { min: 1, max: MAX_CPUS, integer: true, fallback: 1 });
  const rawTasks = o["tasks"];
  const tasks: TaskSpec[] = [];
  if (!Array.isArray(rawTasks)) {
    c.add("tasks", `must be an array of tasks, got ${describe(rawTasks)}`);
  } else if (rawTasks.length === 0 || rawTasks.length > MAX_TASKS) {
    c.add("tasks", `must have 1…${MAX_TASKS} tasks, got ${rawTasks.length}`);
  } else {
    let totalBursts = 0;
    const seen = new Set<string>();
    for (let i = 0; i < rawTasks.length && !c.full; i++) {
      const raw: unknown = rawTasks[i];
      const bursts = typeof raw === "object" && raw !== null ? (raw as Obj)["bursts"] : undefined;
      totalBursts += Array.isArray(bursts) ? bursts.length : 0;
      if (totalBursts > MAX_TOTAL_BURSTS) {
        c.add(`tasks[${i}].bursts`, `the workload exceeds ${MAX_TOTAL_BURSTS} bursts in total`);
        break;
      }
      const t = taskSpec(c, raw, i, policy, cpus);
      if (!t) continue;
      if (seen.has(t.id)) c.add(`tasks[${i}].id`, `duplicate id ${JSON.stringify(t.id)}`);
      seen.add(t.id);
      tasks.push(t);
    }
  }
  let horizon: number | undefined;
  if (o["horizon"] !== undefined) horizon = c.number(o, "horizon", "", POSITIVE_TIME);
  else if (tasks.some((t) => t.repeat)) c.add("horizon", "is required when a task repeats forever (repeat: true)");
  else if (policy) neverEndingRealtime(c, policy, tasks);
  const limitsObj = o["limits"] === undefined ? {} : c.object(o["limits"], "limits");
  if (limitsObj) c.onlyKeys(limitsObj, ["maxEvents"], "limits");
  const maxEvents = limitsObj
    ? c.number(limitsObj, "maxEvents", "limits", {
        min: 1,
        max: MAX_EVENTS_CAP,
        integer: true,
        fallback: DEFAULT_LIMITS.maxEvents,
      })
    : DEFAULT_LIMITS.maxEvents;
  const logRaw = o["log"];
  if (logRaw !== undefined && typeof logRaw !== "boolean" && logRaw !== "auto")
    c.add("log", `must be true, false or "auto", got ${describe(logRaw)}`);
  const log = typeof logRaw === "boolean" ? logRaw : tasks.length <= AUTO_LOG_TASKS;
  const logReadyLimit = c.number(o, "logReadyLimit", "", { min: 0, max: 1000, integer: true, fallback: 16 });
  const conv = conventions(c, o["conventions"]);
  const cost = switchCost(c, o["switchCost"]);
  // Several CPUs run in smp.ts; with one CPU and no smp settings the single-CPU loop runs, unchanged.
  const multi = cpus > 1 || o["smp"] !== undefined;
  const smp = multi ? smpConfig(c, o["smp"], cpus, policy) : undefined;
  if (multi && cost.chargeTime)
    c.add(
      "switchCost.chargeTime",
      "charged context switches are modelled on one CPU only: use cpus 1 or chargeTime false",
    );
  if (c.errors.length > 0 || !policy) return { ok: false, errors: c.errors };
  const workload: Workload = {
    policy,
    tasks,
    conventions: conv,
    switchCost: cost,
    limits: { maxEvents },
    log,
    logReadyLimit,
  };
  if (horizon !== undefined) workload.horizon = horizon;
  if (smp) {
    workload.cpus = cpus;
    workload.smp = smp;
  }
  return { ok: true, value: workload };
}
