// Race questions (issue #18): threads sharing memory, answered with three interfaces that the race model
// (lib/engine/races) grades by running the student's answer, not by comparing it with one stored key.
//  - "final-values": tick every possible final value of a variable; graded against the set of final
//    values over every interleaving; feedback names a missed value with an interleaving that produces it,
//    or a ticked value no interleaving produces.
//  - "interleave": order both threads' instructions into an interleaving that reaches an outcome (a final
//    value, or both threads inside their critical sections); any interleaving that reaches it is right, and
//    feedback points at the first step after which the outcome can no longer be reached.
//  - "interrupt": pick the instruction of thread 0 after which one interrupt lets both threads into the
//    critical section; every such instruction is right ("none" when the lock holds), and feedback shows
//    the run.
// The parts reuse the choice and order answer forms, so the browser needs no new widget and sees only the
// programs, the candidate values and the shuffled instruction list.
import { createPythonRandom } from "../../random";
import {
  assembleRace,
  compilePseudoC,
  DEFAULT_MAX_STATES,
  finalValues,
  lockSource,
  LOCK_KINDS,
  RaceBoundError,
  RaceScheduleError,
  RaceSyntaxError,
  runInterleaving,
  type RaceProgram,
  type RaceSystem,
} from "../../races/index";
import { canStep, initialState, stateKey, step, type MachineState } from "../../races/machine";
import { compileExpr, evalNumber, ExprError, type CompiledExpr } from "../expr";
import { Issues, joinPath, read, type Obj } from "../issues";
import { boundedMemo } from "../memo";
import { drawParams, fillPlaceholders, validateParams, type ParamSpecs, type ParamValue } from "../params";
import type { AnswerPartSpec, Checked, PartGrade } from "../types";
import { defineKind, type BuiltVariant, type GradeContext, type KindGrade } from "./kind";
import { shuffledOrderItems } from "./order-items";

const PART_ID = /^[a-z][a-z0-9-]{0,39}$/;
/** Distinct states the exhaustive searches may visit per variant: small programs, answered by hand. */
export const RACE_QUESTION_MAX_STATES = DEFAULT_MAX_STATES;
/** Instructions a thread may run after an interrupt before we call it stuck (a spinning waiter). */
const SPIN_LIMIT = 60;
/** Locks the interrupt questions may use: the race model's, plus Peterson's with its two stores swapped. */
export const RACE_QUESTION_LOCKS = [...LOCK_KINDS.filter((k) => k !== "mutex"), "peterson-swapped"] as const;
type QuestionLock = (typeof RACE_QUESTION_LOCKS)[number];

type ProgramSpec =
  | { from: "pseudo-c"; threads: string[]; shared: string[] }
  | { from: "x86"; threads: string[] }
  | { from: "lock"; lock: string; threads: number | string; iterations: number | string };

type Goal = { variable: string; equals: CompiledExpr } | { bothInside: true };

type RacePart =
  | {
      ask: "final-values";
      id: string;
      label: string;
      variable: string;
      candidates: CompiledExpr[] | { from: CompiledExpr; to: CompiledExpr };
    }
  | { ask: "interleave"; id: string; label: string; goal: Goal; goalText: string }
  | { ask: "interrupt"; id: string; label: string };

export interface RaceSpec {
  params: ParamSpecs;
  program: ProgramSpec;
  memory: Record<string, CompiledExpr>;
  parts: RacePart[];
}

/** What the key keeps to grade: the resolved system (as sources, so it is JSON) and each part's data. */
interface SystemData {
  sources: string[];
  pseudo: string[] | null;
  shared: string[];
  memory: Record<string, number>;
}
type PartData =
  | {
      ask: "final-values";
      variable: string;
      values: Record<string, number>;
      possible: number[];
      witnesses: Record<string, number[]>;
      states: number;
    }
  | {
      ask: "interleave";
      goal: { variable: string; equals: number } | { bothInside: true };
      goalText: string;
      items: Record<string, [number, number]>;
    }
  | { ask: "interrupt"; path: number[]; breaking: number[]; noneId: string; options: Record<string, number> };
interface RaceData {
  system: SystemData;
  parts: Record<string, PartData>;
}

// ---------------------------------------------------------------------------------------------
// Building the system

export function systemOf(data: SystemData): RaceSystem {
  const programs: RaceProgram[] = data.pseudo
    ? data.pseudo.map((p) => compilePseudoC(p, data.shared))
    : data.sources.map((s) => assembleRace(s));
  // Thread i starts with %bx = i, as in the race model's lock systems (Peterson's thread id).
  return { threads: programs.map((program, i) => ({ program, registers: { bx: i } })), memory: data.memory };
}

function questionLockSource(lock: QuestionLock, iterations: number): string {
  if (lock !== "peterson-swapped") return lockSource(lock, iterations);
  // Announcing "after you" before raising one's own flag lets the other thread slip in between.
  const lines = lockSource("peterson", iterations).split("\n");
  const flag = lines.indexOf("mov $1, 0(%fx,%bx,4)");
  const turn = lines.indexOf("mov %cx, turn");
  [lines[flag], lines[turn]] = [lines[turn]!, lines[flag]!];
  return lines.join("\n");
}

/** The listing a student reads: labels on their own lines, instructions numbered from 1 per thread. */
export function listing(program: RaceProgram): string {
  const out: string[] = [];
  const labelsAt = new Map<number, string[]>();
  for (const [name, at] of program.labels) labelsAt.set(at, [...(labelsAt.get(at) ?? []), name]);
  const width = String(program.instrs.length).length;
  // The declarations first, so the listing assembles as it stands (minus the line numbers).
  const vars = [...program.vars].sort((a, b) => a[1] - b[1]);
  vars.forEach(([name, at], i) => {
    const words = i + 1 < vars.length ? (vars[i + 1]![1] - at) / 4 : 1;
    out.push(`${" ".repeat(width + 2)}.var ${name}${words > 1 ? ` ${words}` : ""}`);
  });
  program.instrs.forEach((ins, i) => {
    for (const l of labelsAt.get(i) ?? []) out.push(`${" ".repeat(width + 2)}${l}`);
    out.push(`${String(i + 1).padStart(width)}  ${ins.text}`);
  });
  for (const l of labelsAt.get(program.instrs.length) ?? []) out.push(`${" ".repeat(width + 2)}${l}`);
  return out.join("\n");
}

// ---------------------------------------------------------------------------------------------
// Runs in words

function cloneState(s: MachineState): MachineState {
  return {
    threads: s.threads.map((t) => ({ pc: t.pc, regs: [...t.regs], cc: t.cc, done: t.done })),
    memory: new Map(s.memory),
    owners: new Map(s.owners),
  };
}

/** "T0 runs 1 mov count, %ax and 2 add $1, %ax; then T1 runs …": consecutive steps of one thread together. */
export function describeRun(steps: readonly { thread: number; pc: number; text: string }[]): string {
  const groups: { thread: number; items: string[] }[] = [];
  for (const s of steps) {
    const last = groups[groups.length - 1];
    const item = `${s.pc + 1} ${s.text}`;
    if (last && last.thread === s.thread) last.items.push(item);
    else groups.push({ thread: s.thread, items: [item] });
  }
  return groups.map((g) => `T${g.thread} runs ${g.items.join("; ")}`).join(", then ");
}

function memoryWords(system: RaceSystem, s: MachineState): string {
  const names = new Map<number, string>();
  for (const t of system.threads) for (const [n, at] of t.program.vars) if (!names.has(at)) names.set(at, n);
  return [...names].map(([at, n]) => `${n} = ${s.memory.get(at) ?? 0}`).join(", ");
}

function insideCritical(system: RaceSystem, s: MachineState): number[] {
  const ids: number[] = [];
  s.threads.forEach((th, t) => {
    const cs = system.threads[t]!.program.critical;
    if (!th.done && cs && th.pc >= cs.start && th.pc < cs.end) ids.push(t);
  });
  return ids;
}

// ---------------------------------------------------------------------------------------------
// Interleave: straight-line runs (each thread runs its listing top to bottom, taking no jump), since an
// answer lists every instruction once.

type ResolvedGoal = { variable: string; equals: number } | { bothInside: true };

function addressOf(system: RaceSystem, variable: string): number {
  for (const t of system.threads) {
    const at = t.program.vars.get(variable);
    if (at !== undefined) return at;
  }
  throw new RaceScheduleError(`'${variable}' is not a variable of the programs`);
}

class Straight {
  private readonly memo = new Map<string, boolean>();
  private visited = 0;
  constructor(
    readonly system: RaceSystem,
    readonly goal: ResolvedGoal,
  ) {}

  met(s: MachineState): boolean {
    if ("bothInside" in this.goal) return insideCritical(this.system, s).length >= 2;
    return (
      s.threads.every((t) => t.done) &&
      (s.memory.get(addressOf(this.system, this.goal.variable)) ?? 0) === this.goal.equals
    );
  }

  /** Thread t's next instruction as a straight step: it can run and does not jump away from the next line. */
  next(s: MachineState, t: number): MachineState | null {
    if (!canStep(this.system, s, t)) return null;
    const c = cloneState(s);
    const pc = c.threads[t]!.pc;
    step(this.system, c, t);
    return c.threads[t]!.done || c.threads[t]!.pc === pc + 1 ? c : null;
  }

  /** A straight continuation from `s` that reaches the goal (`met`: already reached), as thread ids, or null. */
  path(s: MachineState, met: boolean): number[] | null {
    if (met || this.met(s)) return "bothInside" in this.goal ? [] : this.finish(s);
    const key = stateKey(s);
    if (this.memo.get(key) === false) return null;
    if (++this.visited > RACE_QUESTION_MAX_STATES)
      throw new RaceBoundError(`more than ${RACE_QUESTION_MAX_STATES} states; use shorter programs`);
    for (let t = 0; t < s.threads.length; t++) {
      const c = this.next(s, t);
      if (!c) continue;
      const rest = this.path(c, false);
      if (rest) return [t, ...rest];
    }
    this.memo.set(key, false);
    return null;
  }

  /** Any straight completion (used once the goal is met on the way). */
  private finish(s: MachineState): number[] | null {
    if (s.threads.every((t) => t.done)) return [];
    for (let t = 0; t < s.threads.length; t++) {
      const c = this.next(s, t);
      if (!c) continue;
      const rest = this.finish(c);
      if (rest) return [t, ...rest];
    }
    return null;
  }

  /** Final values of `variable` over every straight completion from `s` (for feedback). */
  finals(s: MachineState, variable: string, out = new Set<number>(), seen = new Set<string>()): Set<number> {
    const key = stateKey(s);
    if (seen.has(key) || seen.size > RACE_QUESTION_MAX_STATES) return out;
    seen.add(key);
    if (s.threads.every((t) => t.done)) out.add(s.memory.get(addressOf(this.system, variable)) ?? 0);
    for (let t = 0; t < s.threads.length; t++) {
      const c = this.next(s, t);
      if (c) this.finals(c, variable, out, seen);
    }
    return out;
  }
}

export interface InterleaveVerdict {
  ok: boolean;
  /** Steps of the answer that ran before the first divergence (all of them when ok). */
  validSteps: number;
  message: string;
}

/** Runs the student's interleaving (thread, instruction index) step by step against the goal. */
export function judgeInterleaving(
  system: RaceSystem,
  goal: ResolvedGoal,
  goalText: string,
  order: readonly [number, number][],
): InterleaveVerdict {
  const straight = new Straight(system, goal);
  let s = initialState(system);
  let met = straight.met(s);
  const steps: { thread: number; pc: number; text: string }[] = [];
  const name = (t: number, i: number) => `T${t}'s instruction ${i + 1} (${system.threads[t]!.program.instrs[i]!.text})`;
  for (let k = 0; k < order.length; k++) {
    const [t, i] = order[k]!;
    const th = s.threads[t]!;
    const at = `Step ${k + 1}`;
    if (th.done || th.pc !== i) {
      const why = th.done
        ? `T${t} has already finished`
        : th.pc < i
          ? `T${t} has not yet run its instruction ${th.pc + 1} (${system.threads[t]!.program.instrs[th.pc]!.text}); a thread runs its own instructions in order`
          : `T${t} already ran it`;
      return { ok: false, validSteps: k, message: `${at}: ${name(t, i)} cannot run here: ${why}.` };
    }
    if (!canStep(system, s, t))
      return {
        ok: false,
        validSteps: k,
        message: `${at}: ${name(t, i)} cannot run here: T${t} waits for a lock the other thread holds.`,
      };
    const next = cloneState(s);
    steps.push({ thread: t, pc: i, text: system.threads[t]!.program.instrs[i]!.text });
    step(system, next, t);
    if (!next.threads[t]!.done && next.threads[t]!.pc !== i + 1)
      return {
        ok: false,
        validSteps: k,
        message: `${at}: ${name(t, i)} jumps to its instruction ${next.threads[t]!.pc + 1} here (${memoryWords(system, s)}), so T${t} cannot carry on down its listing as your order needs.`,
      };
    s = next;
    met = met || straight.met(s);
    if (!met && straight.path(s, false) === null) {
      const now = memoryWords(system, s);
      const left =
        "variable" in goal
          ? (() => {
              const f = [...straight.finals(s, goal.variable)].sort((a, b) => a - b);
              return f.length > 0 ? ` From here ${goal.variable} can only end as ${f.join(" or ")}.` : "";
            })()
          : " From here no order of the remaining instructions puts both threads inside at once.";
      return {
        ok: false,
        validSteps: k,
        message: `${at}, ${name(t, i)}, is where your run departs from ${goalText}: after it ${now}.${left} The run up to there: ${describeRun(steps)}.`,
      };
    }
  }
  if (!met || !s.threads.every((th) => th.done || "bothInside" in goal))
    return { ok: false, validSteps: order.length, message: `Your run never reaches ${goalText}.` };
  return { ok: true, validSteps: order.length, message: `Right: your interleaving reaches ${goalText}.` };
}

// ---------------------------------------------------------------------------------------------
// Interrupt: thread 0 runs alone; one interrupt right after its k-th instruction hands the CPU to thread 1
// until thread 1 is inside its critical section (or stuck); then thread 0 carries on.

export interface InterruptRun {
  violates: boolean;
  /** Whether T1 got into its critical section after the interrupt. */
  t1Inside: boolean;
  /** The thread left spinning (its loop came back to a state it had been in), if any. */
  stuck: number | null;
  steps: { thread: number; pc: number; text: string }[];
}

/** Thread 0's uncontended path up to its critical section, as instruction indices. */
export function soloPath(system: RaceSystem): number[] {
  const s = initialState(system);
  const cs = system.threads[0]!.program.critical;
  if (!cs) throw new RaceScheduleError("the programs must mark a critical section (.cs_begin/.cs_end)");
  const path: number[] = [];
  while (!s.threads[0]!.done && !(s.threads[0]!.pc >= cs.start && s.threads[0]!.pc < cs.end)) {
    if (path.length > SPIN_LIMIT || !canStep(system, s, 0))
      throw new RaceScheduleError("thread 0 alone never reaches its critical section");
    path.push(s.threads[0]!.pc);
    step(system, s, 0);
  }
  return path;
}

export function interruptAfter(system: RaceSystem, k: number): InterruptRun {
  const s = initialState(system);
  const steps: InterruptRun["steps"] = [];
  const run1 = (t: number) => {
    steps.push({ thread: t, pc: s.threads[t]!.pc, text: system.threads[t]!.program.instrs[s.threads[t]!.pc]!.text });
    step(system, s, t);
  };
  for (let i = 0; i <= k; i++) run1(0);
  const inside = (t: number) => insideCritical(system, s).includes(t);
  // One thread running alone that comes back to a state it was in is spinning for good: stop there.
  let stuck: number | null = null;
  const runUntilInside = (t: number): boolean => {
    const seen = new Set<string>([stateKey(s)]);
    for (let n = 0; canStep(system, s, t) && !inside(t); n++) {
      if (n >= SPIN_LIMIT) {
        stuck = t;
        return false;
      }
      run1(t);
      const key = stateKey(s);
      if (seen.has(key)) {
        stuck = t;
        return false;
      }
      seen.add(key);
    }
    return inside(t);
  };
  if (!runUntilInside(1)) return { violates: false, t1Inside: false, stuck, steps };
  runUntilInside(0);
  return { violates: inside(0) && inside(1), t1Inside: true, stuck, steps };
}

// ---------------------------------------------------------------------------------------------
// Validation

function compile(issues: Issues, raw: unknown, path: string, numeric: string[]): CompiledExpr | undefined {
  const text = typeof raw === "number" ? String(raw) : raw;
  if (typeof text !== "string") {
    issues.add(path, 'must be a number or an expression such as "{{start}} + {{add}}"');
    return undefined;
  }
  const c = compileExpr(text.replace(/\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g, "$1"), numeric);
  if (!c.ok) issues.add(path, `${JSON.stringify(text)} ${c.message}`);
  return c.ok ? c.value : undefined;
}

function numericParams(params: ParamSpecs): string[] {
  return Object.keys(params).filter((n) => {
    const sp = params[n]!;
    return (
      typeof sp === "number" ||
      (typeof sp === "object" && ("range" in sp || sp.choice.every((x) => typeof x === "number")))
    );
  });
}

function validateProgram(issues: Issues, raw: unknown, path: string): ProgramSpec | undefined {
  const o = read.object(issues, raw, path);
  if (!o) return undefined;
  const from = read.choice(issues, o["from"], joinPath(path, "from"), ["pseudo-c", "x86", "lock"] as const);
  const strings = (v: unknown, p: string, min: number) =>
    (read.array(issues, v, p, { min, max: 4 }) ?? [])
      .map((x, i) => read.string(issues, x, joinPath(p, i), { max: 4000 }))
      .filter((x): x is string => x !== undefined);
  if (from === "pseudo-c") {
    read.onlyKeys(issues, o, ["from", "threads", "shared"], path);
    return {
      from,
      threads: strings(o["threads"], joinPath(path, "threads"), 2),
      shared: strings(o["shared"], joinPath(path, "shared"), 1),
    };
  }
  if (from === "x86") {
    read.onlyKeys(issues, o, ["from", "threads"], path);
    return { from, threads: strings(o["threads"], joinPath(path, "threads"), 2) };
  }
  if (from === "lock") {
    read.onlyKeys(issues, o, ["from", "lock", "threads", "iterations"], path);
    const lock = read.string(issues, o["lock"], joinPath(path, "lock"), { max: 40 });
    if (lock !== undefined && !lock.includes("{{") && !(RACE_QUESTION_LOCKS as readonly string[]).includes(lock))
      issues.add(joinPath(path, "lock"), `must be one of ${RACE_QUESTION_LOCKS.join(", ")} or a parameter placeholder`);
    const count = (key: string, max: number) =>
      typeof o[key] === "string" && /^\{\{\s*[A-Za-z][A-Za-z0-9_]*\s*\}\}$/.test(o[key])
        ? o[key]
        : read.number(issues, o[key], joinPath(path, key), { min: key === "threads" ? 2 : 1, max, integer: true });
    const threads = count("threads", 3);
    const iterations = count("iterations", 3);
    if (lock === undefined || threads === undefined || iterations === undefined) return undefined;
    return { from, lock, threads, iterations };
  }
  return undefined;
}

function validatePart(
  issues: Issues,
  raw: unknown,
  path: string,
  ids: Set<string>,
  numeric: string[],
): RacePart | undefined {
  const o = read.object(issues, raw, path);
  if (!o) return undefined;
  const ask = read.choice(issues, o["ask"], joinPath(path, "ask"), [
    "final-values",
    "interleave",
    "interrupt",
  ] as const);
  const id = read.string(issues, o["id"], joinPath(path, "id"), { max: 40 });
  if (id !== undefined && !PART_ID.test(id))
    issues.add(joinPath(path, "id"), "must be lowercase letters, digits and dashes, starting with a letter");
  if (id !== undefined && ids.has(id)) issues.add(joinPath(path, "id"), `duplicate part id ${JSON.stringify(id)}`);
  if (id !== undefined) ids.add(id);
  const label = read.string(issues, o["label"], joinPath(path, "label"), { max: 2000 });
  if (ask === "final-values") {
    read.onlyKeys(issues, o, ["ask", "id", "label", "variable", "candidates"], path);
    const variable = read.string(issues, o["variable"], joinPath(path, "variable"), { max: 40 });
    const c = o["candidates"];
    const cp = joinPath(path, "candidates");
    let candidates: Extract<RacePart, { ask: "final-values" }>["candidates"] | undefined;
    if (Array.isArray(c)) {
      const list = (read.array(issues, c, cp, { min: 2, max: 12 }) ?? []).map((x, i) =>
        compile(issues, x, joinPath(cp, i), numeric),
      );
      candidates = list.every((x) => x !== undefined) ? (list as CompiledExpr[]) : undefined;
    } else {
      const r = read.object(issues, c, cp);
      if (r) read.onlyKeys(issues, r, ["from", "to"], cp);
      const f = r ? compile(issues, r["from"], joinPath(cp, "from"), numeric) : undefined;
      const t = r ? compile(issues, r["to"], joinPath(cp, "to"), numeric) : undefined;
      candidates = f && t ? { from: f, to: t } : undefined;
    }
    if (!id || !label || !variable || !candidates) return undefined;
    return { ask, id, label, variable, candidates };
  }
  if (ask === "interleave") {
    read.onlyKeys(issues, o, ["ask", "id", "label", "goal"], path);
    const g = read.object(issues, o["goal"], joinPath(path, "goal"));
    let goal: Goal | undefined;
    let goalText = "";
    if (g && g["bothInside"] === true) {
      read.onlyKeys(issues, g, ["bothInside"], joinPath(path, "goal"));
      goal = { bothInside: true };
      goalText = "both threads inside their critical sections at once";
    } else if (g) {
      read.onlyKeys(issues, g, ["variable", "equals"], joinPath(path, "goal"));
      const variable = read.string(issues, g["variable"], joinPath(path, "goal.variable"), { max: 40 });
      const equals = compile(issues, g["equals"], joinPath(path, "goal.equals"), numeric);
      if (variable && equals) goal = { variable, equals };
    }
    if (!id || !label || !goal) return undefined;
    return { ask, id, label, goal, goalText };
  }
  if (ask === "interrupt") {
    read.onlyKeys(issues, o, ["ask", "id", "label"], path);
    if (!id || !label) return undefined;
    return { ask, id, label };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Build

// Variants of one template repeat the same few systems; the exhaustive search is the costly part.
const finalValuesMemo = boundedMemo<ReturnType<typeof finalValues>>(64);

function evaluate(c: CompiledExpr, params: Record<string, ParamValue>, path: string): number {
  try {
    return evalNumber(c, params as Record<string, number>);
  } catch (error) {
    if (error instanceof ExprError)
      throw new RaceScheduleError(`${path}: ${JSON.stringify(c.source)} ${error.message}`);
    throw error;
  }
}

function resolveSystem(spec: RaceSpec, params: Record<string, ParamValue>): SystemData {
  const memory: Record<string, number> = {};
  for (const [k, c] of Object.entries(spec.memory)) memory[k] = evaluate(c, params, `generator.memory.${k}`);
  const p = spec.program;
  if (p.from === "pseudo-c")
    return { sources: [], pseudo: p.threads.map((t) => fillPlaceholders(t, params)), shared: p.shared, memory };
  if (p.from === "x86")
    return { sources: p.threads.map((t) => fillPlaceholders(t, params)), pseudo: null, shared: [], memory };
  const lock = fillPlaceholders(p.lock, params);
  const threads = Number(fillPlaceholders(String(p.threads), params));
  const iterations = Number(fillPlaceholders(String(p.iterations), params));
  if (
    !Number.isInteger(threads) ||
    threads < 2 ||
    threads > 3 ||
    !Number.isInteger(iterations) ||
    iterations < 1 ||
    iterations > 3
  )
    throw new RaceScheduleError("generator.program: threads must come out 2 or 3 and iterations 1 to 3");
  if (!(RACE_QUESTION_LOCKS as readonly string[]).includes(lock))
    throw new RaceScheduleError(`generator.program.lock: ${JSON.stringify(lock)} is not a lock the model knows`);
  if (lock === "peterson" || lock === "peterson-swapped") {
    if (threads !== 2)
      throw new RaceScheduleError("generator.program.threads: Peterson's algorithm is for two threads");
  }
  const source = questionLockSource(lock as QuestionLock, iterations);
  return { sources: Array.from({ length: threads }, () => source), pseudo: null, shared: [], memory };
}

function buildVariant(spec: RaceSpec, seed: number): BuiltVariant {
  const rng = createPythonRandom(seed);
  const params = drawParams(spec.params, rng);
  const sys = resolveSystem(spec, params);
  const system = systemOf(sys);
  const exhibits: BuiltVariant["exhibits"] = system.threads.map((t, i) => ({
    kind: "code" as const,
    caption: `Thread T${i}${sys.pseudo ? ` (${sys.pseudo[i]!.trim()})` : ""}`,
    language: "text" as const,
    source: listing(t.program),
  }));
  const parts: AnswerPartSpec[] = [];
  const expected: Record<string, string | string[]> = {};
  const accepted: Record<string, string[] | string[][]> = {};
  const data: RaceData = { system: sys, parts: {} };
  for (const p of spec.parts) {
    const label = fillPlaceholders(p.label, params);
    if (p.ask === "final-values") {
      const raw =
        "from" in p.candidates
          ? (() => {
              const lo = evaluate(p.candidates.from, params, `generator.parts.${p.id}.candidates.from`);
              const hi = evaluate(p.candidates.to, params, `generator.parts.${p.id}.candidates.to`);
              if (hi - lo > 11) throw new RaceScheduleError(`generator.parts.${p.id}.candidates: at most 12 values`);
              return Array.from({ length: Math.max(0, hi - lo + 1) }, (_, i) => lo + i);
            })()
          : p.candidates.map((c, i) => evaluate(c, params, `generator.parts.${p.id}.candidates[${i}]`));
      const values = [...new Set(raw)].sort((a, b) => a - b);
      const fv = finalValuesMemo(JSON.stringify([sys, p.variable]), () =>
        finalValues(system, p.variable, RACE_QUESTION_MAX_STATES),
      );
      const missing = fv.values.filter((v) => !values.includes(v));
      if (missing.length > 0)
        throw new RaceScheduleError(
          `generator.parts.${p.id}.candidates: the possible value(s) ${missing.join(", ")} are not among the candidates`,
        );
      const ids = Object.fromEntries(values.map((v, i) => [`o${i + 1}`, v]));
      parts.push({
        kind: "choice",
        id: p.id,
        label,
        multiple: true,
        options: values.map((v, i) => ({ id: `o${i + 1}`, label: String(v) })),
      });
      expected[p.id] = Object.keys(ids).filter((id) => fv.values.includes(ids[id]!));
      data.parts[p.id] = {
        ask: p.ask,
        variable: p.variable,
        values: ids,
        possible: fv.values,
        witnesses: Object.fromEntries([...fv.witnesses].map(([v, w]) => [String(v), w])),
        states: fv.states,
      };
    } else if (p.ask === "interleave") {
      const goal: ResolvedGoal =
        "bothInside" in p.goal
          ? p.goal
          : {
              variable: p.goal.variable,
              equals: evaluate(p.goal.equals, params, `generator.parts.${p.id}.goal.equals`),
            };
      const goalText = "bothInside" in goal ? p.goalText : `a final ${goal.variable} of ${goal.equals}`;
      // {{goal}} in the label is the target value, so the label can state it as a number.
      const shownLabel = "bothInside" in goal ? label : fillPlaceholders(p.label, { ...params, goal: goal.equals });
      const straight = new Straight(system, goal);
      const ref = straight.path(initialState(system), false);
      if (!ref)
        throw new RaceScheduleError(
          `generator.parts.${p.id}.goal: no interleaving of the listings reaches ${goalText}`,
        );
      const lines: string[] = [];
      const where: [number, number][] = [];
      system.threads.forEach((t, ti) =>
        t.program.instrs.forEach((ins, ii) => {
          lines.push(`T${ti} · ${ii + 1}: ${ins.text}`);
          where.push([ti, ii]);
        }),
      );
      // Complete the reference so it lists every instruction: the rest of each thread, in thread order.
      const full = [...ref];
      const ran = system.threads.map((_, ti) => ref.filter((x) => x === ti).length);
      system.threads.forEach((t, ti) => {
        for (let k = ran[ti]!; k < t.program.instrs.length; k++) full.push(ti);
      });
      const offsets = system.threads.map((_, ti) => where.findIndex(([t]) => t === ti));
      const seen = system.threads.map(() => 0);
      const refLines = full.map((ti) => offsets[ti]! + seen[ti]!++);
      const judgeLines = (ls: string[]) => {
        const order = ls.map((l) => where[lines.indexOf(l)]!);
        return judgeInterleaving(system, goal, goalText, order).ok;
      };
      const items = shuffledOrderItems(p.id, shownLabel, lines, rng, judgeLines);
      // The reference is a valid order that reaches the goal; other valid ones are graded by running them.
      const idOfLine = new Map(lines.map((l, i) => [i, items.expected[i]!]));
      expected[p.id] = refLines.map((i) => idOfLine.get(i)!);
      parts.push(items.part);
      data.parts[p.id] = {
        ask: p.ask,
        goal,
        goalText,
        items: Object.fromEntries(items.expected.map((id, i) => [id, where[i]!])),
      };
    } else {
      if (!system.threads.every((t) => t.program.critical))
        throw new RaceScheduleError(`generator.parts.${p.id}: the programs must mark a critical section`);
      const path = soloPath(system);
      const breaking = path.map((_, k) => k).filter((k) => interruptAfter(system, k).violates);
      const program = system.threads[0]!.program;
      const options = path.map((pc, k) => ({
        id: `o${k + 1}`,
        label: `After T0's instruction ${pc + 1}: ${program.instrs[pc]!.text}`,
      }));
      const noneId = `o${path.length + 1}`;
      options.push({ id: noneId, label: "None: no single interrupt lets both threads in" });
      parts.push({ kind: "choice", id: p.id, label, multiple: false, options });
      const right = breaking.length > 0 ? breaking.map((k) => `o${k + 1}`) : [noneId];
      expected[p.id] = right[0]!;
      accepted[p.id] = right;
      data.parts[p.id] = {
        ask: p.ask,
        path,
        breaking,
        noneId,
        options: Object.fromEntries(path.map((_, k) => [`o${k + 1}`, k])),
      };
    }
  }
  return {
    params,
    exhibits,
    parts,
    conventions: [
      `One CPU; the threads are ${system.threads.map((_, i) => `T${i}`).join(" and ")}, each with its own registers (%bx starts as the thread's number, the others at 0). ${
        Object.keys(sys.memory).length > 0
          ? `Memory starts with ${Object.entries(sys.memory)
              .map(([k, v]) => `${k} = ${v}`)
              .join(", ")}; every other variable starts at 0.`
          : "Every variable starts at 0."
      }`,
      "Each listed instruction runs atomically; a switch can fall between any two.",
    ],
    key: { expected, accepted, data: data as unknown as Record<string, unknown> },
  };
}

// ---------------------------------------------------------------------------------------------
// Grading

function gradeFinalValues(
  spec: Extract<AnswerPartSpec, { kind: "choice" }>,
  d: Extract<PartData, { ask: "final-values" }>,
  system: RaceSystem,
  got: string[],
): PartGrade {
  const possible = new Set(d.possible);
  const want = Object.keys(d.values).filter((id) => possible.has(d.values[id]!));
  const have = new Set(got);
  const hits = want.filter((id) => have.has(id)).length;
  const wrongIds = got.filter((id) => !possible.has(d.values[id]!));
  const missedIds = want.filter((id) => !have.has(id));
  const score = want.length === 0 ? 0 : Math.max(0, (hits - wrongIds.length) / want.length);
  const base = { id: spec.id, label: spec.label, weight: 1 };
  if (wrongIds.length === 0 && missedIds.length === 0)
    return { ...base, score: 1, message: `Right: ${d.variable} can end as ${d.possible.join(", ")} and nothing else.` };
  const bits: string[] = [];
  if (missedIds.length > 0) {
    const v = d.values[missedIds[0]!]!;
    const run = runInterleaving(system, d.witnesses[String(v)]!);
    bits.push(
      `You missed ${v}${missedIds.length > 1 ? ` (and ${missedIds.length - 1} more)` : ""}: ${describeRun(run.steps)} ends with ${d.variable} = ${v}.`,
    );
  }
  if (wrongIds.length > 0) {
    const v = d.values[wrongIds[0]!]!;
    bits.push(
      `No interleaving ends with ${d.variable} = ${v}${
        wrongIds.length > 1
          ? ` (nor ${wrongIds
              .slice(1)
              .map((id) => d.values[id])
              .join(", ")})`
          : ""
      }: over all ${d.states} reachable states the final values are ${d.possible.join(", ")}.`,
    );
  }
  return { ...base, score, message: bits.join(" ") };
}

function gradeInterleave(
  spec: Extract<AnswerPartSpec, { kind: "order" }>,
  d: Extract<PartData, { ask: "interleave" }>,
  system: RaceSystem,
  got: string[],
): PartGrade {
  const order = got.map((id) => d.items[id]!);
  const v = judgeInterleaving(system, d.goal, d.goalText, order);
  return {
    id: spec.id,
    label: spec.label,
    weight: 1,
    // A run that departs from the outcome earns up to half, by how far it got first.
    score: v.ok ? 1 : Math.round((v.validSteps / Math.max(1, order.length)) * 50) / 100,
    message: v.message,
  };
}

function interruptWords(system: RaceSystem, run: InterruptRun, k: number): string {
  const t0 = run.steps.slice(0, k + 1);
  const rest = run.steps.slice(k + 1);
  const back = rest.findIndex((s) => s.thread === 0);
  const t1 = back < 0 ? rest : rest.slice(0, back);
  const again = back < 0 ? [] : rest.slice(back);
  const spins = (t: number) =>
    run.stuck === t ? ` and is back where it started its loop: T${t} spins while the lock is held` : "";
  const parts = [`${describeRun(t0)}; the interrupt; ${describeRun(t1)}${spins(1)}`];
  if (again.length > 0) parts.push(`back to ${describeRun(again)}${spins(0)}`);
  return parts.join(", then ");
}

function gradeInterrupt(
  spec: Extract<AnswerPartSpec, { kind: "choice" }>,
  d: Extract<PartData, { ask: "interrupt" }>,
  system: RaceSystem,
  got: string,
): PartGrade {
  const base = { id: spec.id, label: spec.label, weight: 1 };
  const label = (k: number) =>
    `T0's instruction ${d.path[k]! + 1} (${system.threads[0]!.program.instrs[d.path[k]!]!.text})`;
  const show = (k: number) => interruptWords(system, interruptAfter(system, k), k);
  if (got === d.noneId) {
    if (d.breaking.length === 0)
      return {
        ...base,
        score: 1,
        message: "Right: wherever the one interrupt falls, the thread that comes second waits outside.",
      };
    const k = d.breaking[0]!;
    return {
      ...base,
      score: 0,
      message: `An interrupt after ${label(k)} breaks this lock: ${show(k)}. Both threads are now inside the critical section.`,
    };
  }
  const k = d.options[got]!;
  if (d.breaking.includes(k))
    return { ...base, score: 1, message: `Right: ${show(k)}. Both threads are now inside the critical section.` };
  const counter =
    d.breaking.length > 0
      ? ` An interrupt after ${label(d.breaking[0]!)} does break it: ${show(d.breaking[0]!)}.`
      : " In fact no single interrupt breaks this lock.";
  return {
    ...base,
    score: 0,
    message: `After ${label(k)} mutual exclusion still holds: ${show(k)}, so ${interruptAfter(system, k).t1Inside ? "T1 gets in but T0 then waits outside" : "T1 cannot get in while T0 is past that point"}.${counter}`,
  };
}

// ---------------------------------------------------------------------------------------------

export const raceKind = defineKind<RaceSpec>({
  type: "race",
  validate(g: Obj): Checked<RaceSpec> {
    const issues = new Issues();
    read.onlyKeys(issues, g, ["params", "program", "memory", "parts"], "generator");
    const params = validateParams(issues, g["params"], "generator.params");
    const numeric = numericParams(params);
    const program = validateProgram(issues, g["program"], "generator.program");
    const memory: Record<string, CompiledExpr> = {};
    if (g["memory"] !== undefined) {
      const m = read.object(issues, g["memory"], "generator.memory");
      for (const [k, v] of Object.entries(m ?? {})) {
        if (!/^[A-Za-z_]\w*$/.test(k)) issues.add(joinPath("generator.memory", k), "must be a variable name");
        const c = compile(issues, v, joinPath("generator.memory", k), numeric);
        if (c) memory[k] = c;
      }
    }
    const arr = read.array(issues, g["parts"], "generator.parts", { min: 1, max: 6 }) ?? [];
    const ids = new Set<string>();
    const parts = arr
      .map((p, i) => validatePart(issues, p, `generator.parts[${i}]`, ids, numeric))
      .filter((p): p is RacePart => p !== undefined);
    if (!program) return issues.result({ params, program: { from: "x86", threads: [] }, memory, parts });
    return issues.result({ params, program, memory, parts });
  },
  build(spec, seed): Checked<BuiltVariant> {
    try {
      return { ok: true, value: buildVariant(spec, seed) };
    } catch (error) {
      if (error instanceof RaceSyntaxError || error instanceof RaceScheduleError || error instanceof RaceBoundError) {
        const m = /^(generator\.[\w.[\]-]+): (.*)$/s.exec(error.message);
        return { ok: false, errors: [{ path: m ? m[1]! : "generator.program", message: m ? m[2]! : error.message }] };
      }
      throw error;
    }
  },
  grade(ctx: GradeContext): KindGrade {
    const data = ctx.variant.key.data as unknown as RaceData;
    const system = systemOf(data.system);
    const parts: Record<string, PartGrade> = {};
    for (const spec of ctx.variant.view.parts) {
      const d = data.parts[spec.id];
      const got = ctx.answer.parts[spec.id];
      if (!d || got === undefined) continue;
      if (d.ask === "final-values" && spec.kind === "choice")
        parts[spec.id] = gradeFinalValues(spec, d, system, got as string[]);
      else if (d.ask === "interleave" && spec.kind === "order")
        parts[spec.id] = gradeInterleave(spec, d, system, got as string[]);
      else if (d.ask === "interrupt" && spec.kind === "choice")
        parts[spec.id] = gradeInterrupt(spec, d, system, got as string);
    }
    return { parts };
  },
  degenerate(variant) {
    return variant.view.parts.length === 0 ? "the question asks for nothing" : null;
  },
});
