// Turns untrusted JSON into a ProcStatesConfig, collecting every problem with the path of the
// field at fault instead of stopping at the first one.
import { PROCSTATES_LIMITS as LIMITS } from "./limits";
import type { Instruction } from "./machine";
import type { ProcStatesConfig, ProcStatesError, ProcStatesOutcome, ProcStatesStep } from "./types";

const SWITCH_ON = ["io", "end"] as const;
const IO_DONE = ["immediate", "later"] as const;
const POLICIES = ["ostep", "fifo", "rr"] as const;

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

function checkEnum<T extends string>(value: unknown, allowed: readonly T[], fallback: T, path: string, errors: ProcStatesError[]): T {
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
    errors.push({ path, message: `must have exactly one key, "cpu" or "io"; got ${keys.length ? keys.map((k) => `"${k}"`).join(", ") : "no keys"}` });
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

export function validateProcStatesInput(input: unknown): ProcStatesOutcome<ProcStatesConfig> {
  const errors: ProcStatesError[] = [];
  if (!isRecord(input)) return { ok: false, errors: [{ path: "", message: `input must be an object, got ${describe(input)}` }] };
  for (const key of Object.keys(input)) {
    if (!["processes", "switchOn", "ioDone", "policy", "quantum"].includes(key)) {
      errors.push({ path: key, message: "is not a known field (expected processes, switchOn, ioDone, policy, quantum)" });
    }
  }
  const switchOn = checkEnum(input.switchOn, SWITCH_ON, "io", "switchOn", errors);
  const ioDone = checkEnum(input.ioDone, IO_DONE, "later", "ioDone", errors);
  const policy = checkEnum(input.policy, POLICIES, "ostep", "policy", errors);
  let quantum: number | null = null;
  if (input.quantum !== undefined) {
    if (policy !== "rr") errors.push({ path: "quantum", message: `only applies to policy "rr" (policy is "${policy}")` });
    else quantum = checkInt(input.quantum, 1, LIMITS.maxQuantum, "quantum", errors);
  } else if (policy === "rr") {
    errors.push({ path: "quantum", message: 'is required when policy is "rr"' });
  }

  const processes: ProcStatesConfig["processes"] = [];
  const raw = input.processes;
  if (!Array.isArray(raw)) {
    errors.push({ path: "processes", message: `must be an array of processes, got ${raw === undefined ? "nothing" : describe(raw)}` });
  } else if (raw.length === 0 || raw.length > LIMITS.maxProcesses) {
    errors.push({ path: "processes", message: `must hold 1 to ${LIMITS.maxProcesses} processes, got ${raw.length}` });
  } else {
    const seen = new Set<string>();
    raw.forEach((proc: unknown, i) => {
      const path = `processes[${i}]`;
      if (!isRecord(proc)) {
        errors.push({ path, message: `must be an object with a program, got ${describe(proc)}` });
        return;
      }
      for (const key of Object.keys(proc)) {
        if (key !== "id" && key !== "program") errors.push({ path: `${path}.${key}`, message: "is not a known field (expected id, program)" });
      }
      let id = `P${i}`;
      if (proc.id !== undefined) {
        if (typeof proc.id !== "string" || proc.id.trim() === "" || proc.id.length > LIMITS.maxIdLength) {
          errors.push({ path: `${path}.id`, message: `must be a non-empty string of at most ${LIMITS.maxIdLength} characters, got ${describe(proc.id)}` });
        } else id = proc.id;
      }
      if (seen.has(id)) errors.push({ path: `${path}.id`, message: `duplicates the id ${JSON.stringify(id)} of an earlier process` });
      seen.add(id);
      if (!Array.isArray(proc.program)) {
        errors.push({ path: `${path}.program`, message: `must be an array of steps, got ${proc.program === undefined ? "nothing" : describe(proc.program)}` });
        return;
      }
      if (proc.program.length > LIMITS.maxStepsPerProcess) {
        errors.push({ path: `${path}.program`, message: `has ${proc.program.length} steps; at most ${LIMITS.maxStepsPerProcess} are allowed` });
        return;
      }
      const program: ProcStatesStep[] = [];
      proc.program.forEach((step: unknown, j) => {
        const checked = checkStep(step, `${path}.program[${j}]`, errors);
        if (checked) program.push(checked);
      });
      processes.push({ id, program });
    });
  }
  if (errors.length > 0) return { ok: false, errors };

  const bound = stepsTickBound(processes.map((p) => p.program));
  if (bound > LIMITS.maxTicks) {
    return { ok: false, errors: [{ path: "processes", message: `the workload could take up to ${bound} ticks; at most ${LIMITS.maxTicks} are allowed` }] };
  }
  return { ok: true, value: { processes, switchOn, ioDone, policy, quantum } };
}
