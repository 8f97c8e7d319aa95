// Threads sharing one memory, stepped one instruction at a time: under an explicit interleaving, under
// an interrupt schedule (x86.py's -i), or over every interleaving at once (a breadth-first search of
// the reachable states, so a counterexample is a shortest one). Finished = past the last instruction
// or at `halt`. A thread at `lock m` while another thread holds m cannot step.
import { FIRST_VAR_ADDRESS, RACE_REGISTERS, type Cond, type MemRef, type Operand, type RaceProgram } from "./program";

export interface RaceThread {
  program: RaceProgram;
  /** Initial registers, e.g. { bx: 1 } for a thread id. */
  registers?: Partial<Record<(typeof RACE_REGISTERS)[number], number>>;
}

export interface RaceSystem {
  threads: readonly RaceThread[];
  /** Initial values of variables (by name) or addresses (by number as a string); the rest are 0. */
  memory?: Record<string, number>;
}

export class RaceBoundError extends Error {}
export class RaceScheduleError extends Error {}

/** One thread's machine state. Registers are in RACE_REGISTERS order; `cc` is x86.py's six flags as bits. */
interface ThreadState {
  pc: number;
  regs: number[];
  cc: number;
  done: boolean;
}

export interface MachineState {
  threads: ThreadState[];
  memory: Map<number, number>;
  /** Mutex name -> holding thread. */
  owners: Map<string, number>;
}

export interface Step {
  thread: number;
  pc: number;
  text: string;
}

export interface RaceOutcome {
  /** Every declared variable (of any thread's program) and every other address written, by name or address. */
  memory: Record<string, number>;
  threads: { registers: Record<string, number>; done: boolean; pc: number }[];
  steps: Step[];
}

const COND_BITS: Record<Cond, number> = { gte: 1, gt: 2, lte: 4, lt: 8, ne: 16, eq: 32 };

/** Variable names of every thread's program, by address (programs built from one source agree). */
function names(system: RaceSystem): Map<number, string> {
  const byAddr = new Map<number, string>();
  for (const t of system.threads) for (const [name, at] of t.program.vars) if (!byAddr.has(at)) byAddr.set(at, name);
  return byAddr;
}

function addressOf(system: RaceSystem, key: string): number {
  if (/^\d+$/.test(key)) return Number(key);
  for (const t of system.threads) {
    const at = t.program.vars.get(key);
    if (at !== undefined) return at;
  }
  throw new RaceScheduleError(`memory: '${key}' is not a variable of any thread's program`);
}

export function initialState(system: RaceSystem): MachineState {
  if (system.threads.length === 0) throw new RaceScheduleError("threads: at least one thread is needed");
  const memory = new Map<number, number>();
  for (const [key, value] of Object.entries(system.memory ?? {}))
    if (value !== 0) memory.set(addressOf(system, key), value);
  return {
    threads: system.threads.map((t) => ({
      pc: 0,
      regs: RACE_REGISTERS.map((r) => t.registers?.[r] ?? 0),
      cc: 0,
      done: t.program.instrs.length === 0,
    })),
    memory,
    owners: new Map(),
  };
}

function clone(s: MachineState): MachineState {
  return {
    threads: s.threads.map((t) => ({ pc: t.pc, regs: [...t.regs], cc: t.cc, done: t.done })),
    memory: new Map(s.memory),
    owners: new Map(s.owners),
  };
}

export function stateKey(s: MachineState): string {
  const threads = s.threads.map((t) => (t.done ? "d" : `${t.pc}:${t.regs.join(",")}:${t.cc}`)).join("|");
  const memory = [...s.memory]
    .filter(([, v]) => v !== 0)
    .sort((a, b) => a[0] - b[0])
    .map(([k, v]) => `${k}=${v}`)
    .join(",");
  const owners = [...s.owners]
    .sort()
    .map(([k, v]) => `${k}@${v}`)
    .join(",");
  return `${threads}#${memory}#${owners}`;
}

/** Whether thread `t` can take a step now (not finished, not waiting for a mutex someone else holds). */
export function canStep(system: RaceSystem, s: MachineState, t: number): boolean {
  const th = s.threads[t]!;
  if (th.done) return false;
  const code = system.threads[t]!.program.instrs[th.pc]!.code;
  if (code.op !== "lock") return true;
  const owner = s.owners.get(code.mutex);
  return owner === undefined;
}

const bound = (n: number): number => {
  if (!Number.isSafeInteger(n)) throw new RaceBoundError("a value outgrew the exact integer range");
  return n;
};

/** Executes one instruction of thread `t` in place and returns whether it yielded. Assumes canStep. */
export function step(system: RaceSystem, s: MachineState, t: number): { yielded: boolean } {
  const th = s.threads[t]!;
  const program = system.threads[t]!.program;
  const code = program.instrs[th.pc]!.code;
  const addr = (m: MemRef) =>
    bound(m.base + (m.r1 === null ? 0 : th.regs[m.r1]!) + m.scale * (m.r2 === null ? 0 : th.regs[m.r2]!));
  const load = (a: number) => s.memory.get(a) ?? 0;
  const value = (o: Operand) => (o.kind === "imm" ? o.value : o.kind === "reg" ? th.regs[o.reg]! : load(addr(o.ref)));
  let next = th.pc + 1;
  let yielded = false;
  switch (code.op) {
    case "mov": {
      const v = value(code.src);
      if (code.dst.kind === "reg") th.regs[code.dst.reg] = v;
      else if (code.dst.kind === "mem") s.memory.set(addr(code.dst.ref), v);
      break;
    }
    case "lea":
      th.regs[code.dst] = addr(code.src);
      break;
    case "add":
    case "sub":
    case "mul": {
      const a = th.regs[code.dst]!;
      const b = value(code.src);
      th.regs[code.dst] = bound(code.op === "add" ? a + b : code.op === "sub" ? a - b : a * b);
      break;
    }
    case "neg":
      th.regs[code.reg] = 0 - th.regs[code.reg]!;
      break;
    case "test": {
      // x86.py's test_all(src, dst): the flags describe dst compared with src.
      const src = value(code.a);
      const dst = value(code.b);
      th.cc =
        (dst >= src ? COND_BITS.gte : 0) |
        (dst > src ? COND_BITS.gt : 0) |
        (dst <= src ? COND_BITS.lte : 0) |
        (dst < src ? COND_BITS.lt : 0) |
        (dst !== src ? COND_BITS.ne : 0) |
        (dst === src ? COND_BITS.eq : 0);
      break;
    }
    case "jump":
      if (code.cond === null || (th.cc & COND_BITS[code.cond]) !== 0) next = code.target;
      break;
    case "xchg": {
      const a = addr(code.mem);
      const old = load(a);
      s.memory.set(a, th.regs[code.reg]!);
      th.regs[code.reg] = old;
      break;
    }
    case "fetchadd": {
      const a = addr(code.mem);
      const old = load(a);
      s.memory.set(a, bound(old + th.regs[code.reg]!));
      th.regs[code.reg] = old;
      break;
    }
    case "lock":
      s.owners.set(code.mutex, t);
      break;
    case "unlock":
      if (s.owners.get(code.mutex) !== t)
        throw new RaceScheduleError(
          `thread ${t} unlocks '${code.mutex}', which it does not hold (line ${program.instrs[th.pc]!.line})`,
        );
      s.owners.delete(code.mutex);
      break;
    case "yield":
      yielded = true;
      break;
    case "nop":
      break;
    case "halt":
      th.done = true;
      break;
  }
  th.pc = next;
  if (th.pc >= program.instrs.length) th.done = true;
  return { yielded };
}

export function outcome(system: RaceSystem, s: MachineState, steps: Step[]): RaceOutcome {
  const byAddr = names(system);
  const memory: Record<string, number> = {};
  for (const [at, name] of byAddr) memory[name] = s.memory.get(at) ?? 0;
  for (const [at, v] of s.memory) if (!byAddr.has(at)) memory[String(at)] = v;
  return {
    memory,
    threads: s.threads.map((t) => ({
      registers: Object.fromEntries(RACE_REGISTERS.map((r, i) => [r, t.regs[i]!])),
      done: t.done,
      pc: t.pc,
    })),
    steps,
  };
}

function record(system: RaceSystem, s: MachineState, t: number): Step {
  const pc = s.threads[t]!.pc;
  return { thread: t, pc, text: system.threads[t]!.program.instrs[pc]!.text };
}

/** Runs an explicit interleaving: entry i names the thread that executes the i-th instruction. */
export function runInterleaving(system: RaceSystem, schedule: readonly number[]): RaceOutcome {
  const s = initialState(system);
  const steps: Step[] = [];
  schedule.forEach((t, i) => {
    if (!Number.isInteger(t) || t < 0 || t >= system.threads.length)
      throw new RaceScheduleError(`schedule[${i}]: no thread ${t}`);
    if (s.threads[t]!.done) throw new RaceScheduleError(`schedule[${i}]: thread ${t} has already finished`);
    if (!canStep(system, s, t))
      throw new RaceScheduleError(`schedule[${i}]: thread ${t} is waiting for a lock another thread holds`);
    steps.push(record(system, s, t));
    step(system, s, t);
  });
  return outcome(system, s, steps);
}

export const DEFAULT_MAX_STEPS = 100_000;

/**
 * Runs like x86.py with interrupts (`-i`): a countdown of `quanta[k]` instructions; when it reaches 0,
 * or the thread yields, the next unfinished thread in id order takes over and the countdown restarts
 * with the next quantum (the last one repeats). As in x86.py, a halt passes the CPU on at once but the
 * countdown carries on. A thread blocked on a mutex (not in x86.py) passes the CPU on too.
 */
export function runInterrupts(
  system: RaceSystem,
  quanta: number | readonly number[],
  maxSteps = DEFAULT_MAX_STEPS,
): RaceOutcome & { deadlocked: boolean } {
  const list = typeof quanta === "number" ? [quanta] : [...quanta];
  if (list.length === 0 || list.some((q) => !Number.isInteger(q) || q < 1))
    throw new RaceScheduleError("quanta: every quantum must be a whole number of instructions, at least 1");
  const s = initialState(system);
  const steps: Step[] = [];
  const n = system.threads.length;
  let slice = 0;
  let interrupt = list[0]!;
  const restart = () => {
    slice++;
    interrupt = list[Math.min(slice, list.length - 1)]!;
  };
  const nextRunnable = (from: number): number | null => {
    for (let k = 1; k <= n; k++) {
      const t = (from + k) % n;
      if (canStep(system, s, t)) return t;
    }
    return null;
  };
  const finish = () => ({ ...outcome(system, s, steps), deadlocked: !s.threads.every((th) => th.done) });
  let current: number | null = canStep(system, s, 0) ? 0 : nextRunnable(0);
  while (current !== null) {
    if (!canStep(system, s, current)) {
      current = nextRunnable(current);
      restart();
      continue;
    }
    if (steps.length >= maxSteps)
      throw new RaceBoundError(`did not finish within ${maxSteps} instructions (a thread may spin forever)`);
    steps.push(record(system, s, current));
    const { yielded } = step(system, s, current);
    if (s.threads[current]!.done) {
      current = nextRunnable(current);
      if (current === null) break;
    }
    interrupt -= 1;
    if (interrupt === 0 || yielded) {
      restart();
      current = nextRunnable(current);
    }
  }
  return finish();
}

// ---------------------------------------------------------------------------------------------
// Exhaustive exploration

export const DEFAULT_MAX_STATES = 200_000;

interface Explored {
  /** Key -> [parent key, thread that stepped]; the initial state has no entry's parent. */
  parents: Map<string, [string, number] | null>;
  states: Map<string, MachineState>;
}

/**
 * Breadth-first over every interleaving, calling `visit` on each new state; `visit` returning true
 * stops the search (a counterexample). Throws RaceBoundError past `maxStates` distinct states.
 */
function explore(
  system: RaceSystem,
  maxStates: number,
  visit: (s: MachineState, key: string) => boolean,
): { found: string | null; explored: Explored } {
  const start = initialState(system);
  const startKey = stateKey(start);
  const parents = new Map<string, [string, number] | null>([[startKey, null]]);
  const states = new Map<string, MachineState>([[startKey, start]]);
  const explored = { parents, states };
  if (visit(start, startKey)) return { found: startKey, explored };
  let frontier: string[] = [startKey];
  while (frontier.length > 0) {
    const nextFrontier: string[] = [];
    for (const key of frontier) {
      const s = states.get(key)!;
      for (let t = 0; t < s.threads.length; t++) {
        if (!canStep(system, s, t)) continue;
        const child = clone(s);
        step(system, child, t);
        const childKey = stateKey(child);
        if (parents.has(childKey)) continue;
        if (parents.size >= maxStates) {
          throw new RaceBoundError(
            `more than ${maxStates} distinct states; use fewer threads or iterations (or raise the bound)`,
          );
        }
        parents.set(childKey, [key, t]);
        states.set(childKey, child);
        if (visit(child, childKey)) return { found: childKey, explored };
        nextFrontier.push(childKey);
      }
    }
    frontier = nextFrontier;
  }
  return { found: null, explored };
}

function pathTo(explored: Explored, key: string): number[] {
  const path: number[] = [];
  for (let p = explored.parents.get(key); p; p = explored.parents.get(p[0])) path.push(p[1]);
  return path.reverse();
}

export interface FinalValues {
  /** Sorted distinct final values of the variable over every interleaving that finishes. */
  values: number[];
  /** For each value, one interleaving producing it. */
  witnesses: Map<number, number[]>;
  /** Whether some interleaving gets stuck (every unfinished thread waits for a lock). */
  canDeadlock: boolean;
  states: number;
}

/** The set of final values of `variable` over every interleaving (the "which values are possible?" question). */
export function finalValues(system: RaceSystem, variable: string, maxStates = DEFAULT_MAX_STATES): FinalValues {
  const at = addressOf(system, variable);
  const witnessKeys = new Map<number, string>();
  let canDeadlock = false;
  const { explored } = explore(system, maxStates, (s, key) => {
    if (s.threads.every((t) => t.done)) {
      const v = s.memory.get(at) ?? 0;
      if (!witnessKeys.has(v)) witnessKeys.set(v, key);
    } else if (s.threads.every((_, t) => !canStep(system, s, t))) canDeadlock = true;
    return false;
  });
  const witnesses = new Map([...witnessKeys].map(([v, key]) => [v, pathTo(explored, key)] as const));
  return { values: [...witnesses.keys()].sort((a, b) => a - b), witnesses, canDeadlock, states: explored.parents.size };
}

export type MutualExclusion =
  | { holds: true; states: number }
  | { holds: false; interleaving: number[]; threadsInside: number[]; outcome: RaceOutcome; states: number };

function inside(system: RaceSystem, s: MachineState): number[] {
  const ids: number[] = [];
  s.threads.forEach((th, t) => {
    const cs = system.threads[t]!.program.critical;
    if (!th.done && cs && th.pc >= cs.start && th.pc < cs.end) ids.push(t);
  });
  return ids;
}

/** Searches every interleaving for a state with two threads inside their critical sections (.cs_begin/.cs_end). */
export function checkMutualExclusion(system: RaceSystem, maxStates = DEFAULT_MAX_STATES): MutualExclusion {
  if (system.threads.some((t) => t.program.critical === null))
    throw new RaceScheduleError("every thread's program must mark its critical section with .cs_begin and .cs_end");
  const { found, explored } = explore(system, maxStates, (s) => inside(system, s).length >= 2);
  if (found === null) return { holds: true, states: explored.parents.size };
  const interleaving = pathTo(explored, found);
  return {
    holds: false,
    interleaving,
    threadsInside: inside(system, explored.states.get(found)!),
    outcome: runInterleaving(system, interleaving),
    states: explored.parents.size,
  };
}

export interface WaitEdge {
  thread: number;
  mutex: string;
  heldBy: number;
}

export type DeadlockReport =
  { deadlock: false; states: number } | { deadlock: true; interleaving: number[]; cycle: WaitEdge[]; states: number };

/** The wait-for cycle through the blocked threads of a stuck state, or null if the waits end at a finished holder. */
export function waitForCycle(system: RaceSystem, s: MachineState): WaitEdge[] | null {
  const waits = new Map<number, WaitEdge>();
  s.threads.forEach((th, t) => {
    if (th.done) return;
    const code = system.threads[t]!.program.instrs[th.pc]!.code;
    if (code.op !== "lock") return;
    const holder = s.owners.get(code.mutex);
    if (holder !== undefined) waits.set(t, { thread: t, mutex: code.mutex, heldBy: holder });
  });
  for (const startEdge of waits.values()) {
    const seen: number[] = [];
    let t: number | undefined = startEdge.thread;
    while (t !== undefined && !seen.includes(t)) {
      seen.push(t);
      t = waits.get(t)?.heldBy;
    }
    if (t !== undefined) {
      const cycle: WaitEdge[] = [];
      let u = t;
      do {
        const e = waits.get(u)!;
        cycle.push(e);
        u = e.heldBy;
      } while (u !== t);
      return cycle;
    }
  }
  return null;
}

/** Finds an interleaving that ends in a lock-wait cycle (a deadlock), or shows over every interleaving that none exists. */
export function findDeadlock(system: RaceSystem, maxStates = DEFAULT_MAX_STATES): DeadlockReport {
  let cycle: WaitEdge[] | null = null;
  const { found, explored } = explore(system, maxStates, (s) => {
    cycle = waitForCycle(system, s);
    return cycle !== null;
  });
  if (found === null || cycle === null) return { deadlock: false, states: explored.parents.size };
  return { deadlock: true, interleaving: pathTo(explored, found), cycle, states: explored.parents.size };
}

export { FIRST_VAR_ADDRESS };
