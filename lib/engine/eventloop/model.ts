// Builds the set of outputs Node 20 can produce for a program: replays the program under every
// sequence of timing choices (depth-first over the choice tree) and keeps the distinct outputs.
import type { Program } from "./ast";
import { parseProgram } from "./parser";
import { LoopRuntime, type RunLimits } from "./runtime";
import { SyntaxFault } from "./tokenizer";
import type {
  EventLoopError,
  EventLoopExit,
  EventLoopLine,
  EventLoopModel,
  EventLoopOptions,
  EventLoopResult,
} from "./types";
import { ModelFault } from "./values";

export const EVENTLOOP_DEFAULTS = {
  threadPoolSize: 4,
  maxLoopJitterMs: 1,
  maxWorkSlowdown: 3,
  maxPauseMs: 0,
  maxSteps: 200_000,
  maxSchedules: 2_000,
  maxLoopIterations: 1_000,
  maxCallbacksPerDrain: 10_000,
} as const;

/** The name the program sees as __filename; the virtual file system holds the program there. */
const FILENAME = "/app/main.js";

function errorAt(message: string, line?: number, col?: number): EventLoopError {
  if (line === undefined || col === undefined || line < 1) return { path: "program", message };
  return { path: `program:${line}:${col}`, message: `line ${line}, column ${col}: ${message}`, line, column: col };
}

function validateOptions(o: EventLoopOptions): EventLoopError[] {
  const errors: EventLoopError[] = [];
  const check = (key: keyof EventLoopOptions, min: number, max: number, integer: boolean) => {
    const v = o[key];
    if (v === undefined) return;
    if (typeof v !== "number" || !Number.isFinite(v) || v < min || v > max || (integer && !Number.isInteger(v))) {
      errors.push({
        path: `options.${key}`,
        message: `${key} must be ${integer ? "an integer" : "a number"} between ${min} and ${max}`,
      });
    }
  };
  check("threadPoolSize", 1, 1024, true);
  check("maxLoopJitterMs", 0, 1000, false);
  check("maxWorkSlowdown", 1, 100, false);
  check("maxPauseMs", 0, 1000, false);
  check("maxSteps", 1, 5_000_000, true);
  check("maxSchedules", 1, 100_000, true);
  check("maxLoopIterations", 1, 100_000, true);
  check("maxCallbacksPerDrain", 1, 1_000_000, true);
  const beliefs = [
    "promises-before-ticks",
    "node10-phases",
    "timeout-before-immediate",
    "await-zero-turns",
    "await-two-turns",
  ];
  if (o.belief !== undefined && !beliefs.includes(o.belief))
    errors.push({ path: "options.belief", message: `belief must be one of ${beliefs.join(", ")}` });
  return errors;
}

/** Parses a program, reporting the first syntax error with its line and column. */
export function parseEventLoopProgram(source: string): EventLoopResult<Program> {
  if (typeof source !== "string")
    return { ok: false, errors: [{ path: "program", message: "program must be a string" }] };
  try {
    return { ok: true, value: parseProgram(source) };
  } catch (e) {
    if (e instanceof SyntaxFault) return { ok: false, errors: [errorAt(`SyntaxError: ${e.message}`, e.line, e.col)] };
    throw e;
  }
}

/** Every output order Node 20 can print for `source`, with the phase of each line. */
export function modelEventLoop(source: string, options: EventLoopOptions = {}): EventLoopResult<EventLoopModel> {
  const optionErrors = validateOptions(options);
  if (optionErrors.length > 0) return { ok: false, errors: optionErrors };
  const parsed = parseEventLoopProgram(source);
  if (!parsed.ok) return parsed;
  const o = { ...EVENTLOOP_DEFAULTS, ...options };
  const limits: RunLimits = {
    threadPoolSize: o.threadPoolSize,
    maxLoopJitterMs: o.maxLoopJitterMs,
    maxWorkSlowdown: o.maxWorkSlowdown,
    maxPauseMs: o.maxPauseMs,
    maxSteps: o.maxSteps,
    maxLoopIterations: o.maxLoopIterations,
    maxCallbacksPerDrain: o.maxCallbacksPerDrain,
    maxCallDepth: 200,
    // Busy-wait loops on Date.now() take one iteration per 0.1 ms of model time.
    maxForIterations: 100_000,
    maxOutputLines: 2_000,
    ...(options.belief ? { belief: options.belief } : {}),
  };

  const orders = new Map<string, EventLoopLine[]>();
  const exits = new Map<string, EventLoopExit | null>();
  const reasons = new Map<string, Set<string>>();
  let prefix: number[] = [];
  let schedules = 0;
  for (;;) {
    if (++schedules > o.maxSchedules) {
      return {
        ok: false,
        errors: [
          errorAt(
            `the program has more than ${o.maxSchedules} possible schedules (maxSchedules); use fewer concurrent I/O operations or timers`,
          ),
        ],
      };
    }
    const trace: { n: number; chosen: number; why: string }[] = [];
    const choose = (n: number, why: string): number => {
      const chosen = trace.length < prefix.length ? prefix[trace.length]! : 0;
      trace.push({ n, chosen, why });
      return chosen;
    };
    const runtime = new LoopRuntime(limits, choose, FILENAME, source);
    try {
      runtime.run(parsed.value);
    } catch (e) {
      if (e instanceof ModelFault) return { ok: false, errors: [errorAt(e.message, e.pos?.line, e.pos?.col)] };
      if (e instanceof RangeError)
        return { ok: false, errors: [errorAt(`the program nests too deeply to model (${e.message})`)] };
      throw e;
    }
    const exit = runtime.exit ? { code: runtime.exit.code, reason: runtime.exit.reason } : null;
    const key = runtime.lines.map((l) => l.text).join("\n") + `\u0000${exit?.code ?? 0}`;
    if (!orders.has(key)) {
      orders.set(key, runtime.lines);
      exits.set(key, exit);
    }
    const whys = reasons.get(key) ?? new Set<string>();
    for (const c of trace) if (c.n > 1) whys.add(c.why);
    reasons.set(key, whys);
    // Backtrack to the deepest choice point with an untried option.
    let k = trace.length - 1;
    while (k >= 0 && trace[k]!.chosen >= trace[k]!.n - 1) k--;
    if (k < 0) break;
    prefix = [...trace.slice(0, k).map((c) => c.chosen), trace[k]!.chosen + 1];
  }

  const list = [...orders.values()];
  const deterministic = list.length === 1;
  const nondeterminism = deterministic ? [] : [...new Set([...reasons.values()].flatMap((s) => [...s]))].sort();
  return {
    ok: true,
    value: {
      deterministic,
      orders: list,
      outputs: list.map((lines) => lines.map((l) => l.text)),
      nondeterminism,
      schedulesExplored: schedules,
      exits: [...exits.values()],
    },
  };
}
