// Turns untrusted JSON into a ProcStatesConfig, collecting every problem with the path of the
// field at fault instead of stopping at the first one.
import { validateWorkload } from "../sched/validate";
import type { PolicyConfig } from "../sched/types";
import { PROCSTATES_LIMITS as LIMITS } from "./limits";
import type { Instruction, Policy as MachinePolicy } from "./machine";
import { PROCSTATES_CONVENTIONS } from "./scheduled";
import type {
  ProcStatesConfig,
  ProcStatesError,
  ProcStatesOutcome,
  ProcStatesPolicyName,
  ProcStatesStep,
  ScheduledPolicyName,
} from "./types";

const SWITCH_ON = ["io", "end"] as const;
const IO_DONE = ["immediate", "later"] as const;
const MACHINE_POLICIES: readonly MachinePolicy[] = ["ostep", "fifo", "rr"];
const SCHEDULED_POLICIES: readonly ScheduledPolicyName[] = [
  "sjf",
  "stcf",
  "priority",
  "mlfq",
  "lottery",
  "stride",
  "cfs",
  "eevdf",
];
const POLICY_NAMES: readonly ProcStatesPolicyName[] = [...MACHINE_POLICIES, ...SCHEDULED_POLICIES];
/** The scheduler engine's aliases. */
const POLICY_ALIASES: Readonly<Record<string, ProcStatesPolicyName>> = { fcfs: "fifo", srtf: "stcf", psjf: "stcf" };
const SCHEDULING_FIELDS = ["priority", "tickets", "nice"] as const;

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

function describe(x: unknown): string {
  if (x === null) return "null";
  if (Array.isArray(x)) return "an array";
  if (typeof x === "string") return JSON.stringify(x.length > 40 ? x.slice(0, 40) + "…" : x);
  if (typeof x === "number") return String(x);
  return `a ${typeof x}`;
}

function checkEnum<T extends string>(
  value: unknown,
  allowed: readonly T[],
  fallback: T,
  path: string,
  errors: ProcStatesError[],
): T {
  if (value === undefined) return fallback;
  if (typeof value === "string" && (allowed as readonly string[]).includes(value)) return value as T;
  errors.push({ path, message: `must be one of ${allowed.map((a) => `"${a}"`).join(", ")}, got ${describe(value)}` });
  return fallback;
}

function checkInt(value: unknown, min: number, max: number, path: string, errors: ProcStatesError[]): number | null {
  if (typeof value !== "number" || !Number.isInteger(value)) {
    errors.push({ path, message: `must be an integer, got ${describe(value)}` });
    return null;
  }
  if (value < min || value > max) {
    errors.push({ path, message: `must be between ${min} and ${max}, got ${value}` });
    return null;
  }
  return value;
}

function checkStep(raw: unknown, path: string, errors: ProcStatesError[]): ProcStatesStep | null {
  if (!isRecord(raw)) {
    errors.push({ path, message: `must be an object like {"cpu": 3} or {"io": 5}, got ${describe(raw)}` });
    return null;
  }
  const keys = Object.keys(raw);
  if (keys.length !== 1 || (keys[0] !== "cpu" && keys[0] !== "io")) {
    errors.push({
      path,
      message: `must have exactly one key, "cpu" or "io"; got ${keys.length ? keys.map((k) => `"${k}"`).join(", ") : "no keys"}`,
    });
    return null;
  }
  if (keys[0] === "cpu") {
    const n = checkInt(raw.cpu, 1, LIMITS.maxStepLength, `${path}.cpu`, errors);
    return n === null ? null : { cpu: n };
  }
  const n = checkInt(raw.io, 0, LIMITS.maxStepLength, `${path}.io`, errors);
  return n === null ? null : { io: n };
}

/** The machine's instruction list for a program: `cpu: n` is n ticks, each I/O is `io` then `io_done`. */
export function toInstructions(program: readonly ProcStatesStep[]): Instruction[] {
  const out: Instruction[] = [];
  for (const step of program) {
    if ("cpu" in step) for (let i = 0; i < step.cpu; i++) out.push({ op: "cpu" });
    else out.push({ op: "io", length: step.io }, { op: "io_done" });
  }
  return out;
}

/** The machine's tickBound, computed from steps without expanding them (a step may be 10,000 ticks). */
function stepsTickBound(programs: readonly (readonly ProcStatesStep[])[]): number {
  let bound = 1;
  for (const program of programs) {
    let instructions = 0;
    for (const step of program) {
      if ("cpu" in step) instructions += step.cpu;
      else {
        instructions += 2;
        bound += step.io;
      }
    }
    bound += Math.max(instructions, 1);
  }
  return bound;
}

interface PolicyChoice {
  name: ProcStatesPolicyName;
  /** The policy object as given (options included), or just the name. */
  raw: string | Record<string, unknown>;
}

function checkPolicyName(value: unknown, errors: ProcStatesError[]): PolicyChoice {
  if (value === undefined) return { name: "ostep", raw: "ostep" };
  const given = isRecord(value) ? value.name : value;
  const path = isRecord(value) ? "policy.name" : "policy";
  const name = typeof given === "string" ? (POLICY_ALIASES[given] ?? given) : given;
  if (typeof name === "string" && (POLICY_NAMES as readonly string[]).includes(name)) {
    return { name: name as ProcStatesPolicyName, raw: isRecord(value) ? { ...value, name } : name };
  }
  errors.push({
    path,
    message: `must be one of ${POLICY_NAMES.map((a) => `"${a}"`).join(", ")} (aliases "fcfs", "srtf"), or an object with such a "name"; got ${describe(given)}`,
  });
  return { name: "ostep", raw: "ostep" };
}

/** The RR quantum of the OSTEP machine, from `quantum` or `policy.quantum` (not both). */
function machineQuantum(
  input: Record<string, unknown>,
  choice: PolicyChoice,
  errors: ProcStatesError[],
): number | null {
  const inPolicy = isRecord(choice.raw) ? choice.raw.quantum : undefined;
  if (isRecord(choice.raw)) {
    for (const key of Object.keys(choice.raw)) {
      if (key !== "name" && !(key === "quantum" && choice.name === "rr")) {
        errors.push({
          path: `policy.${key}`,
          message: `is not an option of policy "${choice.name}"${choice.name === "rr" ? " (expected quantum)" : " (it has none)"}`,
        });
      }
    }
  }
  if (choice.name !== "rr") {
    if (input.quantum !== undefined)
      errors.push({ path: "quantum", message: `only applies to policy "rr" (policy is "${choice.name}")` });
    return null;
  }
  if (input.quantum !== undefined && inPolicy !== undefined) {
    errors.push({ path: "quantum", message: "is given twice, here and as policy.quantum; keep one" });
    return null;
  }
  if (input.quantum === undefined && inPolicy === undefined) {
    errors.push({ path: "quantum", message: 'is required when policy is "rr"' });
    return null;
  }
  return input.quantum !== undefined
    ? checkInt(input.quantum, 1, LIMITS.maxQuantum, "quantum", errors)
    : checkInt(inPolicy, 1, LIMITS.maxQuantum, "policy.quantum", errors);
}

/** Scheduler-engine times that become event instants must be whole ticks, or the table could not show them. */
function checkWholeTicks(policy: PolicyConfig, errors: ProcStatesError[]): void {
  const whole = (value: number, path: string) => {
    if (!Number.isInteger(value))
      errors.push({ path, message: `must be a whole number of ticks in this model (1 tick = 1 ms), got ${value}` });
  };
  switch (policy.name) {
    case "lottery":
    case "stride":
      whole(policy.quantum, "policy.quantum");
      return;
    case "mlfq":
      policy.quanta.forEach((q, i) => whole(q, `policy.quanta[${i}]`));
      if (policy.allotments !== policy.quanta) policy.allotments.forEach((a, i) => whole(a, `policy.allotments[${i}]`));
      whole(policy.boostPeriod, "policy.boostPeriod");
      return;
    case "cfs":
    case "eevdf":
      if (1000 % policy.hz !== 0) {
        errors.push({
          path: "policy.hz",
          message: `must divide 1000, so that timer ticks (every 1000/hz ms) fall on whole ticks of this model; got ${policy.hz}`,
        });
      }
      return;
    default:
      return;
  }
}

/**
 * The scheduler engine validates its own policy options and the per-process scheduling fields, so
 * both models accept exactly the same values. It is handed a stand-in workload (one 1-tick burst per
 * process): the real bursts are built from the programs after validation.
 */
function schedulerCheck(
  choice: PolicyChoice,
  rawProcesses: readonly Record<string, unknown>[],
  errors: ProcStatesError[],
): PolicyConfig | null {
  const scheduled = (SCHEDULED_POLICIES as readonly string[]).includes(choice.name);
  const tasks = rawProcesses.map((p, i) => {
    const task: Record<string, unknown> = { id: String(i), bursts: [1] };
    for (const key of SCHEDULING_FIELDS) if (p[key] !== undefined) task[key] = p[key];
    return task;
  });
  const checked = validateWorkload({
    // Under the machine's policies only the per-process fields are checked; "fifo" reads none of them.
    policy: scheduled ? choice.raw : "fifo",
    tasks,
    conventions: PROCSTATES_CONVENTIONS,
    log: false,
  });
  if (!checked.ok) {
    for (const e of checked.errors) errors.push({ path: e.path.replace(/^tasks\[/, "processes["), message: e.message });
    return null;
  }
  if (!scheduled) return null;
  checkWholeTicks(checked.value.policy, errors);
  return checked.value.policy;
}

export function validateProcStatesInput(input: unknown): ProcStatesOutcome<ProcStatesConfig> {
  const errors: ProcStatesError[] = [];
  if (!isRecord(input))
    return { ok: false, errors: [{ path: "", message: `input must be an object, got ${describe(input)}` }] };
  for (const key of Object.keys(input)) {
    if (!["processes", "switchOn", "ioDone", "policy", "quantum"].includes(key)) {
      errors.push({
        path: key,
        message: "is not a known field (expected processes, switchOn, ioDone, policy, quantum)",
      });
    }
  }
  const choice = checkPolicyName(input.policy, errors);
  const machine = (MACHINE_POLICIES as readonly string[]).includes(choice.name);
  let switchOn: ProcStatesConfig["switchOn"] = "io";
  let ioDone: ProcStatesConfig["ioDone"] = "policy";
  let quantum: number | null = null;
  if (machine) {
    switchOn = checkEnum(input.switchOn, SWITCH_ON, "io", "switchOn", errors);
    ioDone = checkEnum(input.ioDone, IO_DONE, "later", "ioDone", errors);
    quantum = machineQuantum(input, choice, errors);
  } else {
    if (input.switchOn !== undefined && input.switchOn !== "io") {
      errors.push({
        path: "switchOn",
        message: `must be "io" under policy "${choice.name}": a process that issues an I/O gives up the CPU ("end" is modelled by ostep, fifo and rr only)`,
      });
    }
    if (input.ioDone !== undefined) {
      errors.push({
        path: "ioDone",
        message: `applies to ostep, fifo and rr only; under "${choice.name}" the policy decides whether a process whose I/O completed preempts the running one`,
      });
    }
    if (input.quantum !== undefined) {
      const hint =
        choice.name === "lottery" || choice.name === "stride"
          ? `; give it inside the policy, e.g. {"name": "${choice.name}", "quantum": ${describe(input.quantum)}}`
          : choice.name === "mlfq"
            ? '; MLFQ takes "quanta" (one per level) inside the policy object'
            : "";
      errors.push({ path: "quantum", message: `only applies to policy "rr"${hint}` });
    }
  }

  const processes: ProcStatesConfig["processes"] = [];
  const rawProcesses: Record<string, unknown>[] = [];
  const raw = input.processes;
  if (!Array.isArray(raw)) {
    errors.push({
      path: "processes",
      message: `must be an array of processes, got ${raw === undefined ? "nothing" : describe(raw)}`,
    });
  } else if (raw.length === 0 || raw.length > LIMITS.maxProcesses) {
    errors.push({ path: "processes", message: `must hold 1 to ${LIMITS.maxProcesses} processes, got ${raw.length}` });
  } else {
    const seen = new Set<string>();
    raw.forEach((proc: unknown, i) => {
      const path = `processes[${i}]`;
      if (!isRecord(proc)) {
        errors.push({ path, message: `must be an object with a program, got ${describe(proc)}` });
        rawProcesses.push({});
        return;
      }
      rawProcesses.push(proc);
      for (const key of Object.keys(proc)) {
        if (key !== "id" && key !== "program" && !(SCHEDULING_FIELDS as readonly string[]).includes(key)) {
          errors.push({
            path: `${path}.${key}`,
            message: "is not a known field (expected id, program, priority, tickets, nice)",
          });
        }
      }
      let id = `P${i}`;
      if (proc.id !== undefined) {
        if (typeof proc.id !== "string" || proc.id.trim() === "" || proc.id.length > LIMITS.maxIdLength) {
          errors.push({
            path: `${path}.id`,
            message: `must be a non-empty string of at most ${LIMITS.maxIdLength} characters, got ${describe(proc.id)}`,
          });
        } else id = proc.id;
      }
      if (seen.has(id))
        errors.push({ path: `${path}.id`, message: `duplicates the id ${JSON.stringify(id)} of an earlier process` });
      seen.add(id);
      if (!Array.isArray(proc.program)) {
        errors.push({
          path: `${path}.program`,
          message: `must be an array of steps, got ${proc.program === undefined ? "nothing" : describe(proc.program)}`,
        });
        return;
      }
      if (proc.program.length > LIMITS.maxStepsPerProcess) {
        errors.push({
          path: `${path}.program`,
          message: `has ${proc.program.length} steps; at most ${LIMITS.maxStepsPerProcess} are allowed`,
        });
        return;
      }
      const program: ProcStatesStep[] = [];
      proc.program.forEach((step: unknown, j) => {
        const checked = checkStep(step, `${path}.program[${j}]`, errors);
        if (checked) program.push(checked);
      });
      const entry: ProcStatesConfig["processes"][number] = { id, program };
      for (const key of SCHEDULING_FIELDS) {
        const value = proc[key];
        if (typeof value === "number") entry[key] = value;
      }
      processes.push(entry);
    });
  }
  // The scheduler's validator runs only once the process list is sound (its sizes are checked above).
  const scheduler = errors.some((e) => e.path === "policy" || e.path === "policy.name" || e.path === "processes")
    ? null
    : schedulerCheck(choice, rawProcesses, errors);
  if (errors.length > 0) return { ok: false, errors };

  const bound = stepsTickBound(processes.map((p) => p.program));
  if (bound > LIMITS.maxTicks) {
    return {
      ok: false,
      errors: [
        {
          path: "processes",
          message: `the workload could take up to ${bound} ticks; at most ${LIMITS.maxTicks} are allowed`,
        },
      ],
    };
  }
  return { ok: true, value: { processes, switchOn, ioDone, policy: choice.name, quantum, scheduler } };
}
