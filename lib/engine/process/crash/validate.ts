// Checks a crash scenario read from JSON: every problem is reported with the field that has it.
import type { ProcessModelError, ProcessModelResult } from "../types";
import type { CrashScenario, CrashStep } from "./types";

export const CRASH_LIMITS = {
  processes: 8,
  threadsPerProcess: 8,
  stepsPerThread: 40,
  totalSteps: 120,
  variables: 16,
  textLength: 200,
};
const SIGNALS = new Set(["SIGSEGV", "SIGBUS", "SIGFPE", "SIGILL", "SIGABRT"]);
const STEP_KINDS = ["print", "store", "load", "fault", "exit", "join", "pthreadExit"];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isName = (v: unknown): v is string => typeof v === "string" && /^[A-Za-z_][\w-]{0,39}$/.test(v);

export function validateCrashScenario(input: unknown): ProcessModelResult<CrashScenario> {
  const errors: ProcessModelError[] = [];
  const fail = (path: string, message: string) => {
    if (errors.length < 50) errors.push({ path, message });
  };
  if (!isObject(input)) return { ok: false, errors: [{ path: "", message: "the scenario must be a JSON object" }] };
  for (const key of Object.keys(input))
    if (key !== "memory" && key !== "processes") fail(key, "unknown field (expected memory, processes)");

  const variables = new Set<string>();
  if (input.memory !== undefined) {
    if (!isObject(input.memory)) fail("memory", "must be an object of variables");
    else {
      const names = Object.keys(input.memory);
      if (names.length > CRASH_LIMITS.variables) fail("memory", `at most ${CRASH_LIMITS.variables} variables`);
      for (const name of names.slice(0, CRASH_LIMITS.variables)) {
        const v = input.memory[name];
        const path = `memory.${name}`;
        if (!isName(name)) fail(path, "a variable name is letters, digits and _ (at most 40)");
        if (!isObject(v)) {
          fail(path, 'must be an object like { "shared": false, "initial": 0 }');
          continue;
        }
        for (const key of Object.keys(v))
          if (key !== "shared" && key !== "initial") fail(`${path}.${key}`, "unknown field (expected shared, initial)");
        if (v.shared !== undefined && typeof v.shared !== "boolean") fail(`${path}.shared`, "must be true or false");
        if (v.initial !== undefined && !Number.isSafeInteger(v.initial)) fail(`${path}.initial`, "must be an integer");
        variables.add(name);
      }
    }
  }

  if (!Array.isArray(input.processes) || input.processes.length === 0) {
    fail("processes", "must be a non-empty array");
    return { ok: false, errors };
  }
  if (input.processes.length > CRASH_LIMITS.processes) {
    fail("processes", `at most ${CRASH_LIMITS.processes} processes`);
    return { ok: false, errors };
  }
  let total = 0;
  const processNames = new Set<string>();
  input.processes.forEach((p: unknown, i: number) => {
    const path = `processes[${i}]`;
    if (!isObject(p)) return fail(path, "must be an object with name and threads");
    for (const key of Object.keys(p))
      if (key !== "name" && key !== "threads") fail(`${path}.${key}`, "unknown field (expected name, threads)");
    if (!isName(p.name)) fail(`${path}.name`, "must be a name (letters, digits, _ or -)");
    else if (processNames.has(p.name)) fail(`${path}.name`, `duplicate process name '${p.name}'`);
    else processNames.add(p.name);
    if (!Array.isArray(p.threads) || p.threads.length === 0)
      return fail(`${path}.threads`, "must be a non-empty array");
    if (p.threads.length > CRASH_LIMITS.threadsPerProcess)
      return fail(`${path}.threads`, `at most ${CRASH_LIMITS.threadsPerProcess} threads`);
    const threadNames = p.threads.map((t: unknown) => (isObject(t) ? t.name : undefined));
    p.threads.forEach((t: unknown, j: number) => {
      const tpath = `${path}.threads[${j}]`;
      if (!isObject(t)) return fail(tpath, "must be an object with name and steps");
      for (const key of Object.keys(t))
        if (key !== "name" && key !== "steps") fail(`${tpath}.${key}`, "unknown field (expected name, steps)");
      if (!isName(t.name)) fail(`${tpath}.name`, "must be a name (letters, digits, _ or -)");
      else if (threadNames.indexOf(t.name) !== j) fail(`${tpath}.name`, `duplicate thread name '${t.name}'`);
      if (!Array.isArray(t.steps)) return fail(`${tpath}.steps`, "must be an array");
      if (t.steps.length > CRASH_LIMITS.stepsPerThread)
        return fail(`${tpath}.steps`, `at most ${CRASH_LIMITS.stepsPerThread} steps per thread`);
      total += t.steps.length;
      t.steps.forEach((s: unknown, k: number) => {
        const spath = `${tpath}.steps[${k}]`;
        const problem = stepProblem(
          s,
          variables,
          threadNames,
          t.name,
          j === 0,
          k === (t.steps as unknown[]).length - 1,
        );
        if (problem) fail(spath, problem);
      });
    });
  });
  if (total > CRASH_LIMITS.totalSteps)
    fail("processes", `at most ${CRASH_LIMITS.totalSteps} steps in all (got ${total})`);
  return errors.length ? { ok: false, errors } : { ok: true, value: input as unknown as CrashScenario };
}

function stepProblem(
  s: unknown,
  variables: Set<string>,
  threads: unknown[],
  self: unknown,
  isMain: boolean,
  isLast: boolean,
): string | undefined {
  if (!isObject(s)) return `must be an object with one of: ${STEP_KINDS.join(", ")}`;
  const keys = Object.keys(s);
  if (keys.length !== 1 || !STEP_KINDS.includes(keys[0])) return `must have exactly one of: ${STEP_KINDS.join(", ")}`;
  const step = s as CrashStep;
  if ("print" in step) {
    if (typeof step.print !== "string" || step.print.length > CRASH_LIMITS.textLength || step.print.includes("\n")) {
      return `print must be one line of at most ${CRASH_LIMITS.textLength} characters`;
    }
  } else if ("store" in step) {
    if (!isObject(step.store) || !variables.has(step.store.var as string))
      return "store.var must name a variable declared in memory";
    if (!Number.isSafeInteger(step.store.value)) return "store.value must be an integer";
  } else if ("load" in step) {
    if (!variables.has(step.load)) return "load must name a variable declared in memory";
  } else if ("fault" in step) {
    if (!SIGNALS.has(step.fault)) return `fault must be one of ${[...SIGNALS].join(", ")}`;
  } else if ("exit" in step) {
    if (!Number.isInteger(step.exit) || step.exit < 0 || step.exit > 255)
      return "exit must be an integer from 0 to 255";
  } else if ("join" in step) {
    if (step.join === self) return "a thread cannot join itself";
    if (!threads.includes(step.join)) return "join must name another thread of the same process";
  } else if (step.pthreadExit !== true || !isMain || !isLast) {
    return "pthreadExit must be true, and only as the last step of the main (first) thread";
  }
  return undefined;
}
