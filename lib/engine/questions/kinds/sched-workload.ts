// The workload half of every scheduling question (schedule, metrics, switch-cost): a fixed task table
// or ranges for the sched generator, a policy (or a choice of policies), conventions and switch costs.
// Drawing is deterministic in the seed; unusable draws (misaligned with the slot grid, too long, one
// task all along, all tasks identical) are rejected and redrawn a bounded number of times.
import { createPythonRandom } from "../../random";
import { generateWorkload, simulate, validateWorkload } from "../../sched/index";
import type { GenerateParams, SimResult, TaskSpec, Workload } from "../../sched/index";
import { Issues, isObj, joinPath, read, type Obj } from "../issues";
import { IDLE, slotsFromSim, SWITCH } from "../timeline";
import type { Checked, VariantExhibit } from "../types";
import { MAX_REDRAWS } from "./kind";
import { brokenInvariant, MAX_INVARIANT_REDRAWS, validateInvariants, type Invariant } from "../invariants";
import { brokenConstraint, validateConstraints, type Constraint } from "../constraints";

export const SCHED_GENERATOR_KEYS = [
  "policy",
  "tasks",
  "cpuBurst",
  "ioBurst",
  "burstsPerTask",
  "arrivalSpread",
  "nice",
  "classes",
  "priority",
  "tickets",
  "processes",
  "horizon",
  "conventions",
  "switchCost",
  "switchMs",
  "slotMs",
  "maxSlots",
  "timeUnitMs",
  "invariants",
  "constraints",
] as const;

export const DEFAULT_MAX_SLOTS = 200;
/** Hard cap: a timeline longer than this is not something a student paints by hand. */
export const MAX_SLOTS_CAP = 400;
const MAX_QUESTION_TASKS = 26;
const QUESTION_MAX_EVENTS = 20_000;
const MAX_BURSTS_PER_QUESTION_TASK = 20;

export interface SchedWorkloadSpec {
  /** One entry = fixed policy; several = drawn by seed. Each is a sched policy name or object. */
  policies: unknown[];
  /** Fixed task table, or null to draw tasks with `random`. */
  fixedTasks: unknown[] | null;
  random: Omit<GenerateParams, "policy" | "horizon"> | null;
  /**
   * Task families ("one CPU-bound job plus two interactive ones"): each draws its own count of tasks
   * from its own ranges (the generator-level ranges are the defaults); tasks keep family order.
   */
  families: Omit<GenerateParams, "policy" | "horizon">[] | null;
  horizon?: number;
  conventions?: unknown;
  switchCost?: Obj;
  /** Textbook switch cost: every task-to-task switch takes this many ms of CPU (painted "cs"). */
  switchMs: number;
  slotMs: number;
  maxSlots: number;
  /** Drawn arrivals and bursts are multiplied by this (e.g. 4 = whole ticks at HZ=250). */
  timeUnitMs: number;
  /** What every variant must show to keep the question's point (see ../invariants.ts). */
  invariants: Invariant[];
  /** Lecturer-written conditions on the workload and its schedule (see ../constraints.ts). */
  constraints: Constraint[];
}

export interface SchedDraw {
  workload: Workload;
  sim: SimResult;
  /** The reference on the slot grid, when the kind asked for one. */
  slots: string[] | null;
}

const RANDOM_KEYS = [
  "cpuBurst",
  "ioBurst",
  "burstsPerTask",
  "arrivalSpread",
  "nice",
  "classes",
  "priority",
  "tickets",
  "processes",
] as const;

export function validateSchedWorkloadSpec(
  issues: Issues,
  g: Obj,
  opts: { needsSlots: boolean },
): SchedWorkloadSpec | undefined {
  const policyRaw = g["policy"];
  let policies: unknown[] = [];
  if (policyRaw === undefined)
    issues.add("generator.policy", 'is required (a policy name such as "rr", a policy object, or a list to draw from)');
  else if (Array.isArray(policyRaw)) policies = read.array(issues, policyRaw, "generator.policy", { max: 20 }) ?? [];
  else policies = [policyRaw];

  const slotMs =
    g["slotMs"] === undefined ? 1 : read.number(issues, g["slotMs"], "generator.slotMs", { min: 0.001, max: 1e6 });
  const maxSlots =
    g["maxSlots"] === undefined
      ? DEFAULT_MAX_SLOTS
      : read.number(issues, g["maxSlots"], "generator.maxSlots", { min: 1, max: MAX_SLOTS_CAP, integer: true });
  const switchMs =
    g["switchMs"] === undefined ? 0 : read.number(issues, g["switchMs"], "generator.switchMs", { min: 0, max: 1e6 });
  if (opts.needsSlots && switchMs !== undefined && slotMs !== undefined && switchMs > 0) {
    const k = switchMs / slotMs;
    if (Math.abs(k - Math.round(k)) > 1e-9)
      issues.add("generator.switchMs", `must be a whole number of slots (slotMs ${slotMs})`);
  }
  if (g["switchCost"] !== undefined && g["switchMs"] !== undefined)
    issues.add(
      "generator.switchMs",
      "give either switchMs (textbook: a switch takes N ms) or switchCost (µs model), not both",
    );
  const switchCost =
    g["switchCost"] === undefined ? undefined : read.object(issues, g["switchCost"], "generator.switchCost");
  const timeUnitMs =
    g["timeUnitMs"] === undefined
      ? 1
      : read.number(issues, g["timeUnitMs"], "generator.timeUnitMs", { min: 0.001, max: 1e6 });
  const horizon =
    g["horizon"] === undefined
      ? undefined
      : read.number(issues, g["horizon"], "generator.horizon", { min: 0.001, max: 1e9 });
  const invariants = validateInvariants(issues, g["invariants"], "generator.invariants");
  const constraints = validateConstraints(issues, g["constraints"], "generator.constraints");

  const tasksRaw = g["tasks"];
  let fixedTasks: unknown[] | null = null;
  let random: SchedWorkloadSpec["random"] = null;
  const isFamilies =
    Array.isArray(tasksRaw) &&
    tasksRaw.length > 0 &&
    tasksRaw.every((t) => isObj(t) && "count" in t && !("bursts" in t));
  const isTable = !isFamilies && Array.isArray(tasksRaw) && tasksRaw.some((t) => isObj(t));
  let families: SchedWorkloadSpec["families"] = null;
  if (isFamilies) {
    families = validateFamilies(issues, g, tasksRaw as Obj[]);
  } else if (isTable) {
    fixedTasks = read.array(issues, tasksRaw, "generator.tasks", { max: MAX_QUESTION_TASKS }) ?? null;
    // "idle" and "cs" are the reserved slot values of a painted timeline.
    fixedTasks?.forEach((t, i) => {
      if (isObj(t) && (t["id"] === IDLE || t["id"] === SWITCH))
        issues.add(
          `generator.tasks[${i}].id`,
          `"${String(t["id"])}" is reserved for timeline slots; pick another task name`,
        );
    });
    for (const k of RANDOM_KEYS)
      if (g[k] !== undefined)
        issues.add(
          `generator.${k}`,
          "only applies when generator.tasks is a count or [min, max] range (tasks are drawn)",
        );
  } else if (typeof tasksRaw === "number" || Array.isArray(tasksRaw) || tasksRaw === undefined) {
    // A count or a [min, max] range: the sched generator draws the task table.
    if (tasksRaw === undefined)
      issues.add("generator.tasks", "is required: a task table (array of tasks) or a count / [min, max] range to draw");
    if (g["cpuBurst"] === undefined)
      issues.add("generator.cpuBurst", "is required when tasks are drawn: an integer range [min, max] in ms");
    const r: Obj = { tasks: tasksRaw };
    for (const k of RANDOM_KEYS) if (g[k] !== undefined) r[k] = g[k];
    random = r as unknown as SchedWorkloadSpec["random"];
  } else {
    issues.add("generator.tasks", "must be a task table (array of tasks) or a count / [min, max] range");
  }
  if (isFamilies) {
    // validated above
  } else if (
    typeof tasksRaw === "number" &&
    (!Number.isInteger(tasksRaw) || tasksRaw < 1 || tasksRaw > MAX_QUESTION_TASKS)
  )
    issues.add("generator.tasks", `must be 1…${MAX_QUESTION_TASKS} tasks`);
  if (Array.isArray(tasksRaw) && !isTable && !isFamilies) {
    const ok =
      tasksRaw.length === 2 &&
      tasksRaw.every((x) => Number.isInteger(x)) &&
      1 <= (tasksRaw[0] as number) &&
      (tasksRaw[0] as number) <= (tasksRaw[1] as number) &&
      (tasksRaw[1] as number) <= MAX_QUESTION_TASKS;
    if (!ok) issues.add("generator.tasks", `must be a task table or a range [min, max] within 1…${MAX_QUESTION_TASKS}`);
  }
  const bpt = g["burstsPerTask"];
  if (Array.isArray(bpt) && typeof bpt[1] === "number" && bpt[1] > MAX_BURSTS_PER_QUESTION_TASK) {
    issues.add(
      "generator.burstsPerTask",
      `must be at most ${MAX_BURSTS_PER_QUESTION_TASK} CPU bursts per task in a question`,
    );
  }
  if (isTable && g["timeUnitMs"] !== undefined) issues.add("generator.timeUnitMs", "only applies when tasks are drawn");
  if (
    issues.any ||
    slotMs === undefined ||
    maxSlots === undefined ||
    switchMs === undefined ||
    timeUnitMs === undefined
  )
    return undefined;

  const spec: SchedWorkloadSpec = {
    policies,
    fixedTasks,
    random,
    families,
    switchMs,
    slotMs,
    maxSlots,
    timeUnitMs,
    invariants,
    constraints,
  };
  if (horizon !== undefined) spec.horizon = horizon;
  if (g["conventions"] !== undefined) spec.conventions = g["conventions"];
  if (switchCost) spec.switchCost = switchCost;

  // Surface the sched engine's own field errors (policy, tasks, ranges) under generator.* now, rather
  // than on every build: one trial draw per policy validates the whole spec.
  for (let i = 0; i < policies.length; i++) {
    const doc = workloadDoc(spec, policies[i], fixedTasks ?? [{ id: "A", arrival: 0, bursts: [1], priority: 1 }]);
    const v = validateWorkload(doc);
    if (!v.ok)
      for (const e of v.errors)
        issues.add(mapSchedPath(e.path, policies.length > 1 ? i : null, fixedTasks !== null), e.message);
    for (const [f, fam] of (families ?? []).entries()) {
      const gen = generateWorkload({ ...fam, policy: policies[i] }, 0);
      if (!gen.ok)
        for (const e of gen.errors)
          if (!e.path.startsWith("policy")) issues.add(`generator.tasks[${f}].${e.path.split(/[.[]/)[0]}`, e.message);
    }
    if (random) {
      const gen = generateWorkload({ ...random, policy: policies[i] }, 0);
      if (!gen.ok)
        for (const e of gen.errors)
          if (!e.path.startsWith("tasks["))
            issues.add(mapSchedPath(e.path, policies.length > 1 ? i : null, false), e.message);
    }
  }
  return issues.any ? undefined : spec;
}

const FAMILY_KEYS = [
  "count",
  "cpuBurst",
  "ioBurst",
  "burstsPerTask",
  "arrivalSpread",
  "nice",
  "classes",
  "priority",
  "tickets",
] as const;

function validateFamilies(issues: Issues, g: Obj, raw: Obj[]): SchedWorkloadSpec["families"] {
  if (raw.length > MAX_QUESTION_TASKS)
    issues.add("generator.tasks", `must list at most ${MAX_QUESTION_TASKS} families`);
  if (g["processes"] !== undefined) issues.add("generator.processes", "does not apply to task families");
  const out: Omit<GenerateParams, "policy" | "horizon">[] = [];
  let most = 0;
  raw.slice(0, MAX_QUESTION_TASKS).forEach((f, i) => {
    const p = `generator.tasks[${i}]`;
    read.onlyKeys(issues, f, [...FAMILY_KEYS], p);
    const c = f["count"];
    const count: [number, number] | undefined =
      typeof c === "number" && Number.isInteger(c) && c >= 1 && c <= MAX_QUESTION_TASKS
        ? [c, c]
        : Array.isArray(c) &&
            c.length === 2 &&
            c.every((x) => Number.isInteger(x)) &&
            1 <= (c[0] as number) &&
            (c[0] as number) <= (c[1] as number) &&
            (c[1] as number) <= MAX_QUESTION_TASKS
          ? [c[0] as number, c[1] as number]
          : undefined;
    if (!count) {
      issues.add(`${p}.count`, `must be a number of tasks 1…${MAX_QUESTION_TASKS} or a range [min, max]`);
      return;
    }
    most += count[1];
    // Generator-level ranges are the defaults every family may override.
    const fam: Obj = { tasks: count[0] === count[1] ? count[0] : count };
    for (const k of RANDOM_KEYS) if (k !== "processes" && g[k] !== undefined) fam[k] = g[k];
    for (const k of FAMILY_KEYS) if (k !== "count" && f[k] !== undefined) fam[k] = f[k];
    if (fam["cpuBurst"] === undefined)
      issues.add(`${p}.cpuBurst`, "is required (here or as generator.cpuBurst): an integer range [min, max] in ms");
    const bpt = fam["burstsPerTask"];
    if (Array.isArray(bpt) && typeof bpt[1] === "number" && bpt[1] > MAX_BURSTS_PER_QUESTION_TASK) {
      issues.add(
        `${p}.burstsPerTask`,
        `must be at most ${MAX_BURSTS_PER_QUESTION_TASK} CPU bursts per task in a question`,
      );
    }
    out.push(fam as unknown as Omit<GenerateParams, "policy" | "horizon">);
  });
  if (most > MAX_QUESTION_TASKS)
    issues.add(
      "generator.tasks",
      `the families can draw up to ${most} tasks; a question has at most ${MAX_QUESTION_TASKS}`,
    );
  return out;
}

function mapSchedPath(path: string, policyIndex: number | null, fixed: boolean): string {
  if (path.startsWith("policy"))
    return policyIndex === null
      ? `generator.${path}`
      : `generator.policy[${policyIndex}]${path.slice("policy".length)}`;
  if (path.startsWith("tasks") && !fixed) return "generator.tasks";
  return path ? `generator.${path}` : "generator";
}

function switchCostDoc(spec: SchedWorkloadSpec): Obj | undefined {
  if (spec.switchMs > 0) {
    const us = spec.switchMs * 1000;
    // Going idle or leaving idle is free in the textbook convention; only task-to-task switches cost.
    return { chargeTime: true, threadUs: us, processUs: us, userUs: us, idleUs: 0 };
  }
  return spec.switchCost;
}

function workloadDoc(spec: SchedWorkloadSpec, policy: unknown, tasks: unknown[]): Obj {
  // A question's schedule is small (≤ 400 slots); the event cap keeps a hostile generator (a 1 µs quantum
  // over hour-long bursts) from costing more than a fraction of a second per draw.
  const doc: Obj = { policy, tasks, log: true, logReadyLimit: 26, limits: { maxEvents: QUESTION_MAX_EVENTS } };
  if (spec.horizon !== undefined) doc["horizon"] = spec.horizon;
  if (spec.conventions !== undefined) doc["conventions"] = spec.conventions;
  const sc = switchCostDoc(spec);
  if (sc !== undefined) doc["switchCost"] = sc;
  return doc;
}

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/**
 * Drawn tasks are named T0, T1…; students read A, B, C (id order stays the list order). Times are
 * scaled to the template's unit so, e.g., every burst is a whole number of 4 ms ticks.
 */
function renameTasks(tasks: TaskSpec[], unit: number): TaskSpec[] {
  return tasks.map((t, i) => ({
    ...t,
    id: LETTERS[i] ?? t.id,
    arrival: t.arrival * unit,
    bursts: t.bursts.map((b) => b * unit),
  }));
}

function allIdentical(tasks: readonly TaskSpec[]): boolean {
  if (tasks.length < 2) return false;
  const sig = (t: TaskSpec) => JSON.stringify({ ...t, id: "" });
  return tasks.every((t) => sig(t) === sig(tasks[0]!));
}

/** Checks a drawn schedule is worth asking about; returns the problem or null. */
export function scheduleProblem(sim: SimResult, tasks: readonly TaskSpec[]): string | null {
  if (sim.stats.stoppedBy === "event-cap") return "the simulation hit its event cap";
  const ran = new Set(sim.slices.map((s) => s.task));
  if (tasks.length > 1 && ran.size < 2) return "only one task ever runs";
  return null;
}

export function drawSchedWorkload(
  spec: SchedWorkloadSpec,
  seed: number,
  opts: {
    needsSlots: boolean;
    extraCheck?: (d: SchedDraw) => string | null;
    /** Comparison questions: draw under the first policy, never pick one. */ firstPolicyOnly?: boolean;
  },
): Checked<SchedDraw> {
  const rng = createPythonRandom(seed);
  const fixed = spec.fixedTasks !== null && (spec.policies.length === 1 || opts.firstPolicyOnly === true);
  const attempts = fixed
    ? 1
    : spec.invariants.length + spec.constraints.length > 0
      ? MAX_INVARIANT_REDRAWS
      : MAX_REDRAWS;
  let lastProblem = "";
  for (let a = 0; a < attempts; a++) {
    const policy = spec.policies.length > 1 && !opts.firstPolicyOnly ? rng.choice(spec.policies) : spec.policies[0];
    let tasks: unknown[];
    if (spec.fixedTasks) tasks = spec.fixedTasks;
    else if (spec.families) {
      const drawn: TaskSpec[] = [];
      for (const fam of spec.families) {
        const gen = generateWorkload({ ...fam, policy }, rng.randint(0, 2 ** 31 - 1));
        if (!gen.ok)
          return { ok: false, errors: gen.errors.map((e) => ({ path: `generator.${e.path}`, message: e.message })) };
        drawn.push(...gen.value.tasks);
      }
      if (allIdentical(drawn.map((t, i) => ({ ...t, id: `T${i}` })))) {
        lastProblem = "all drawn tasks are identical";
        continue;
      }
      tasks = renameTasks(drawn, spec.timeUnitMs);
    } else {
      const gen = generateWorkload({ ...spec.random!, policy }, rng.randint(0, 2 ** 31 - 1));
      if (!gen.ok)
        return { ok: false, errors: gen.errors.map((e) => ({ path: `generator.${e.path}`, message: e.message })) };
      if (allIdentical(gen.value.tasks)) {
        lastProblem = "all drawn tasks are identical";
        continue;
      }
      tasks = renameTasks(gen.value.tasks, spec.timeUnitMs);
    }
    const v = validateWorkload(workloadDoc(spec, policy, tasks));
    if (!v.ok)
      return {
        ok: false,
        errors: v.errors.map((e) => ({
          path: mapSchedPath(e.path, null, spec.fixedTasks !== null),
          message: e.message,
        })),
      };
    const sim = simulate(v.value);
    if (sim.stats.stoppedBy === "event-cap") {
      // Redrawing would hit the cap again at the same cost; a question this long is a generator mistake.
      return {
        ok: false,
        errors: [
          {
            path: "generator",
            message: `the schedule needs more than ${QUESTION_MAX_EVENTS} scheduling events (seed ${seed}); use shorter bursts, a longer quantum or a horizon`,
          },
        ],
      };
    }
    const problem =
      scheduleProblem(sim, v.value.tasks) ??
      brokenInvariant(spec.invariants, v.value, sim) ??
      brokenConstraint(spec.constraints, constraintContext(spec, v.value, sim));
    if (problem) {
      lastProblem = problem;
      continue;
    }
    let slots: string[] | null = null;
    if (opts.needsSlots) {
      const s = slotsFromSim(sim, spec.slotMs, spec.maxSlots);
      if (!s.ok) {
        lastProblem = s.problem;
        continue;
      }
      slots = s.slots;
    }
    const draw = { workload: v.value, sim, slots };
    const extra = opts.extraCheck?.(draw) ?? null;
    if (extra) {
      lastProblem = extra;
      continue;
    }
    return { ok: true, value: draw };
  }
  return {
    ok: false,
    errors: [
      {
        path: "generator",
        message: `no usable workload in ${attempts} draw${attempts === 1 ? "" : "s"} for seed ${seed}: ${lastProblem}`,
      },
    ],
  };
}

/** What constraints read from a draw; differs(i, j) reruns the same tasks under generator.policy[i] and [j]. */
export function constraintContext(spec: SchedWorkloadSpec, workload: Workload, sim: SimResult) {
  return {
    workload,
    sim,
    slotMs: spec.slotMs,
    rerun: (i: number): SimResult | null => {
      if (i < 0 || i >= spec.policies.length) return null;
      const v = validateWorkload(workloadDoc(spec, spec.policies[i], workload.tasks));
      return v.ok ? simulate(v.value) : null;
    },
  };
}

/** The task table shown to the student: only inputs, never results. */
export function workloadExhibit(w: Workload): VariantExhibit {
  const tasks = w.tasks;
  const hasIo = tasks.some((t) => t.bursts.length > 1);
  const linux = w.policy.name === "cfs" || w.policy.name === "eevdf";
  const cols: { title: string; cell: (t: TaskSpec) => string | number; show: boolean }[] = [
    { title: "Task", cell: (t) => t.id, show: true },
    { title: "Arrival (ms)", cell: (t) => t.arrival, show: true },
    {
      title: hasIo ? "Bursts (ms: CPU, I/O, CPU…)" : "CPU burst (ms)",
      cell: (t) =>
        t.repeat && t.bursts.length === 1
          ? "CPU-bound forever"
          : hasIo
            ? t.bursts.join(", ") + (t.repeat ? " (repeats)" : "")
            : t.bursts[0]!,
      show: true,
    },
    {
      title: "Class",
      cell: (t) => (t.class ?? "other").toUpperCase(),
      show: tasks.some((t) => t.class !== undefined && t.class !== "other"),
    },
    {
      title: "Nice",
      cell: (t) => t.nice ?? 0,
      show:
        (linux && tasks.some((t) => t.class !== "fifo" && t.class !== "rr")) || tasks.some((t) => (t.nice ?? 0) !== 0),
    },
    {
      title: "Priority",
      cell: (t) => t.priority ?? "-",
      show: w.policy.name === "priority" || tasks.some((t) => t.priority !== undefined),
    },
    {
      title: "Tickets",
      cell: (t) => t.tickets ?? 100,
      show: w.policy.name === "lottery" || w.policy.name === "stride",
    },
    { title: "Process", cell: (t) => t.process ?? t.id, show: tasks.some((t) => t.process !== undefined) },
    {
      title: "Working set (KiB)",
      cell: (t) => t.workingSetKb ?? 0,
      show: tasks.some((t) => t.workingSetKb !== undefined),
    },
  ];
  const shown = cols.filter((c) => c.show);
  return {
    kind: "table",
    caption: "Workload",
    columns: shown.map((c) => c.title),
    rows: tasks.map((t) => shown.map((c) => c.cell(t))),
  };
}

export { isObj, joinPath };
