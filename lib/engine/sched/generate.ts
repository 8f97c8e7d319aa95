// Seeded workload generator: the same parameters and seed always give the same (valid) workload,
// because every draw comes from the Python-compatible MT19937 in ../random.ts, in a fixed order:
// per task, in task order: arrival, number of CPU bursts, each CPU burst (then I/O burst), nice,
// class, priority, tickets, process.
import { createPythonRandom } from "../random";
import { MAX_TASKS } from "./defaults";
import type { Result, SchedClass, TaskSpec, ValidationError, Workload } from "./types";
import { validateWorkload } from "./validate";

export interface GenerateParams {
  /** A policy name or full policy object (see PolicyConfig); default "fifo". */
  policy?: unknown;
  /** Number of tasks, or an inclusive [min, max] range to draw from. */
  tasks: number | [number, number];
  /** Inclusive range of each CPU burst, integer ms. */
  cpuBurst: [number, number];
  /** Inclusive range of each I/O burst; omit for CPU-only tasks. */
  ioBurst?: [number, number];
  /** Inclusive range of CPU bursts per task (default [1, 1]). */
  burstsPerTask?: [number, number];
  /** Arrivals are drawn uniformly from 0…arrivalSpread (integer ms); default 0 (all at t=0). */
  arrivalSpread?: number;
  nice?: number[];
  classes?: SchedClass[];
  /** Range for real-time priorities (fifo/rr) or the textbook priority policy. */
  priority?: [number, number];
  tickets?: [number, number];
  /** Tasks are spread over this many processes (default: one process per task). */
  processes?: number;
  horizon?: number;
}

function range(
  errors: ValidationError[],
  path: string,
  r: unknown,
  lo: number,
  hi: number,
): [number, number] | undefined {
  if (
    !Array.isArray(r) ||
    r.length !== 2 ||
    !r.every((x) => Number.isInteger(x)) ||
    (r[0] as number) < lo ||
    (r[1] as number) > hi ||
    (r[0] as number) > (r[1] as number)
  ) {
    errors.push({ path, message: `must be an integer range [min, max] within ${lo}…${hi}` });
    return undefined;
  }
  return [r[0] as number, r[1] as number];
}

function choices<T>(errors: ValidationError[], path: string, v: unknown, fallback: T[]): T[] {
  if (v === undefined) return fallback;
  if (!Array.isArray(v) || v.length === 0 || v.length > 1000) {
    errors.push({ path, message: "must be a non-empty array of choices" });
    return fallback;
  }
  return v as T[];
}

/** Builds a workload from ranges and choices; the result is validated like any user workload. */
export function generateWorkload(params: GenerateParams, seed: number): Result<Workload> {
  const errors: ValidationError[] = [];
  if (!Number.isInteger(seed) || seed < 0)
    errors.push({ path: "seed", message: `must be a non-negative integer, got ${seed}` });
  const count =
    typeof params.tasks === "number"
      ? range(errors, "tasks", [params.tasks, params.tasks], 1, MAX_TASKS)
      : range(errors, "tasks", params.tasks, 1, MAX_TASKS);
  const cpu = range(errors, "cpuBurst", params.cpuBurst, 1, 1e9);
  const io = params.ioBurst === undefined ? undefined : range(errors, "ioBurst", params.ioBurst, 1, 1e9);
  const perTask = range(errors, "burstsPerTask", params.burstsPerTask ?? [1, 1], 1, 1000);
  const spread = params.arrivalSpread ?? 0;
  if (!Number.isInteger(spread) || spread < 0 || spread > 1e9)
    errors.push({ path: "arrivalSpread", message: "must be an integer 0…1e9" });
  const nices = choices<number>(errors, "nice", params.nice, [0]);
  const classes = choices<SchedClass>(errors, "classes", params.classes, ["other"]);
  const prio = params.priority === undefined ? undefined : range(errors, "priority", params.priority, -1e6, 1e6);
  const tickets = params.tickets === undefined ? undefined : range(errors, "tickets", params.tickets, 1, 1e9);
  const processes = params.processes;
  if (processes !== undefined && (!Number.isInteger(processes) || processes < 1))
    errors.push({ path: "processes", message: "must be a positive integer" });
  if (errors.length > 0 || !count || !cpu || !perTask) return { ok: false, errors };

  const rng = createPythonRandom(seed);
  const n = rng.randint(count[0], count[1]);
  const tasks: TaskSpec[] = [];
  for (let i = 0; i < n; i++) {
    const arrival = spread > 0 ? rng.randint(0, spread) : 0;
    const bursts: number[] = [];
    const k = rng.randint(perTask[0], perTask[1]);
    for (let b = 0; b < k; b++) {
      bursts.push(rng.randint(cpu[0], cpu[1]));
      if (io && b < k - 1) bursts.push(rng.randint(io[0], io[1]));
    }
    const task: TaskSpec = { id: `T${i}`, arrival, bursts };
    const nice = nices.length > 1 ? rng.choice(nices) : nices[0]!;
    if (nice !== 0) task.nice = nice;
    const cls = classes.length > 1 ? rng.choice(classes) : classes[0]!;
    if (cls !== "other") task.class = cls;
    if (cls === "fifo" || cls === "rr")
      task.priority = rng.randint(Math.max(1, prio?.[0] ?? 1), Math.min(99, prio?.[1] ?? 99));
    else if (prio) task.priority = rng.randint(prio[0], prio[1]);
    if (tickets) task.tickets = rng.randint(tickets[0], tickets[1]);
    if (processes !== undefined) task.process = `P${rng.randint(0, processes - 1)}`;
    tasks.push(task);
  }
  const doc: Record<string, unknown> = { policy: params.policy ?? "fifo", tasks };
  if (params.horizon !== undefined) doc["horizon"] = params.horizon;
  return validateWorkload(doc);
}
