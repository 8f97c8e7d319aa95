// All the outputs a set of processes can produce, and whether one given output is among them.
//
// A state is each process's position in its event list plus which children have been reaped.
// Events that print nothing (fork, exit, wait) are taken as soon as they are enabled: each only
// enables others and never disables any, so taking it early loses no output. The only real choice
// left is which pending write(2) goes next, which keeps the search small for interview programs.
//
// Timing-dependent calls add `observe` events. One that saw its target exited waits for that exit
// (like a wait() that reaps nothing). One that saw it still running must come before that exit, so
// the target's exit is held back until the observer has passed it: again an event that only enables,
// never disables, so taking silent events early stays lossless. An outcome no interleaving can
// produce (a child that sees its parent exit while the parent waits for it) deadlocks: such states
// yield no output at all.
//
// Sleeps (of at least 1 ms) are timing: a sleeping process resumes only when every other process
// has finished or is blocked (in a wait() or its own sleep); then the virtual clock jumps to the
// earliest wake-up. A wait() for any child that a timing case resolved to one child ("exclusive")
// fires only if that child is the oldest exited one, as the kernel picks it; while such a wait is
// pending, the exits of the parent's children are real choices (which exits first decides what the
// wait returns), so they are not taken early. Schedules with either use exact state keys.
import type { ForkProcessInfo } from "./types";

/** Distinct states visited before a question is declared too large to answer. */
export const MAX_SEARCH_STATES = 200_000;

type SlimEvent =
  | { type: "write"; text: string }
  | { type: "fork"; child: number }
  | { type: "wait"; target: number | "any"; exclusive?: boolean }
  | { type: "observe"; target: number; exited: boolean }
  | { type: "sleep"; ms: number }
  | { type: "exit" };

export interface Schedule {
  events: SlimEvent[][];
  parentOf: number[];
  /** For each process, the index of the parent's fork event that starts it (-1 for the root). */
  startedBy: number[];
  /** Each process's children in fork order. */
  childrenOf: number[][];
  /** Index of each process's last wait event (-1 if none). */
  lastWait: number[];
  /** For each process, the (observer, event index) pairs that must happen before it exits. */
  exitAfter: [number, number][][];
  /**
   * True when some event observes another process (getppid, a WNOHANG poll, an exclusive wait):
   * symmetric states are then told apart (see keyOf). Sleeps alone keep the symmetric keys.
   */
  observes: boolean;
  /** Index of each process's last exclusive wait (-1 if none): until it, its children's exits are choices. */
  lastExclusive: number[];
  /** Some process sleeps (the order may be fixed by timing). */
  sleeps: boolean;
}

interface State {
  pcs: number[];
  reaped: boolean[];
  /** Virtual time (ms) of each sleeping process's wake-up, -1 when not sleeping. */
  wake: number[];
  clock: number;
  /** The state contradicts its timing case (an exclusive wait would have returned another child). */
  dead: boolean;
}

export class SearchLimitError extends Error {}

export function buildSchedule(processes: readonly ForkProcessInfo[]): Schedule {
  const index = new Map(processes.map((p, i) => [p.pid, i]));
  const events: SlimEvent[][] = processes.map((p) =>
    p.events.flatMap((e): SlimEvent[] => {
      switch (e.type) {
        case "write":
          return [{ type: "write", text: e.text }];
        case "fork":
          return [{ type: "fork", child: index.get(e.child)! }];
        case "wait":
          return [
            {
              type: "wait",
              target: e.target === "any" ? "any" : index.get(e.target)!,
              ...(e.exclusive ? { exclusive: true } : {}),
            },
          ];
        case "sleep":
          return [{ type: "sleep", ms: e.ms }];
        case "exit":
          return [{ type: "exit" }];
        case "observe":
          return [{ type: "observe", target: index.get(e.target)!, exited: e.exited }];
        default:
          return [];
      }
    }),
  );
  const parentOf = processes.map((p) => (p.parent === null ? -1 : index.get(p.parent)!));
  const startedBy = processes.map(() => -1);
  events.forEach((list) =>
    list.forEach((e, k) => {
      if (e.type === "fork") startedBy[e.child] = k;
    }),
  );
  const childrenOf: number[][] = events.map((list) => list.flatMap((e) => (e.type === "fork" ? [e.child] : [])));
  const lastWait = events.map((list) => list.map((e) => e.type).lastIndexOf("wait"));
  const exitAfter: [number, number][][] = events.map(() => []);
  let observes = false;
  events.forEach((list, i) =>
    list.forEach((e, k) => {
      if (e.type !== "observe") return;
      observes = true;
      if (!e.exited) exitAfter[e.target]!.push([i, k]);
    }),
  );
  const lastExclusive = events.map((list) =>
    list.map((e) => e.type === "wait" && e.exclusive === true).lastIndexOf(true),
  );
  const sleeps = events.some((list) => list.some((e) => e.type === "sleep"));
  observes ||= lastExclusive.some((k) => k >= 0);
  return { events, parentOf, startedBy, childrenOf, lastWait, exitAfter, observes, lastExclusive, sleeps };
}

/** A child's exit is a choice while its parent still has an exclusive wait to do. */
function exitIsChoice(s: Schedule, state: State, i: number): boolean {
  const parent = s.parentOf[i]!;
  return parent >= 0 && state.pcs[parent]! <= s.lastExclusive[parent]!;
}

/** An exclusive wait of process i for `target`: reaps it, waits, or contradicts its case. */
function exclusiveWait(s: Schedule, state: State, i: number, target: number): "fire" | "block" | "dead" {
  // The kernel hands back the oldest exited child (children are listed in fork order).
  for (const c of s.childrenOf[i]!) {
    if (s.startedBy[c]! >= state.pcs[i]! || state.reaped[c]) continue;
    if (exited(s, state, c)) return c === target ? "fire" : "dead";
  }
  return "block";
}

function started(s: Schedule, state: State, i: number): boolean {
  const parent = s.parentOf[i];
  return parent < 0 || state.pcs[parent] > s.startedBy[i];
}

function exited(s: Schedule, state: State, i: number): boolean {
  return state.pcs[i] >= s.events[i].length;
}

/** Takes every enabled silent event until only writes (or nothing) remain; wakes sleepers when all else is blocked. */
function settle(s: Schedule, state: State): void {
  for (;;) {
    settleOnce(s, state);
    if (state.dead || !s.sleeps || writers(s, state).length > 0) return;
    // Nothing can run: wake the earliest sleepers, provided every other process is blocked (a
    // process held back by an observation is runnable in reality, so time does not pass for it).
    let earliest = Infinity;
    for (let i = 0; i < s.events.length; i++) {
      if (!started(s, state, i) || exited(s, state, i)) continue;
      const e = s.events[i]![state.pcs[i]!]!;
      if (e.type === "sleep") earliest = Math.min(earliest, state.wake[i]!);
      else if (e.type !== "wait") return;
    }
    if (earliest === Infinity) return;
    state.clock = earliest;
  }
}

function settleOnce(s: Schedule, state: State): void {
  let moved = true;
  while (moved) {
    moved = false;
    for (let i = 0; i < s.events.length; i++) {
      if (!started(s, state, i)) continue;
      for (;;) {
        const e = s.events[i][state.pcs[i]];
        if (!e || e.type === "write") break;
        if (e.type === "exit" && s.exitAfter[i]!.some(([j, k]) => state.pcs[j]! <= k)) break;
        if (e.type === "exit" && exitIsChoice(s, state, i)) break;
        if (e.type === "observe" && e.exited && !exited(s, state, e.target)) break;
        if (e.type === "sleep") {
          if (state.wake[i]! < 0) state.wake[i] = state.clock + e.ms;
          if (state.wake[i]! > state.clock) break;
          state.wake[i] = -1;
        }
        if (e.type === "wait" && e.exclusive && e.target !== "any") {
          const verdict = exclusiveWait(s, state, i, e.target);
          if (verdict === "dead") {
            state.dead = true;
            return;
          }
          if (verdict === "block") break;
          state.reaped[e.target] = true;
        } else if (e.type === "wait") {
          let child = -1;
          if (e.target === "any") {
            for (let c = 0; c < s.events.length; c++) {
              if (s.parentOf[c] === i && !state.reaped[c] && started(s, state, c) && exited(s, state, c)) {
                child = c;
                break;
              }
            }
          } else if (exited(s, state, e.target)) child = e.target;
          if (child < 0) break;
          state.reaped[child] = true;
        }
        state.pcs[i]++;
        moved = true;
      }
    }
  }
}

function initialState(s: Schedule): State {
  const state: State = {
    pcs: s.events.map(() => 0),
    reaped: s.events.map(() => false),
    wake: s.events.map(() => -1),
    clock: 0,
    dead: false,
  };
  settle(s, state);
  return state;
}

/**
 * A canonical description of what can still happen, so that symmetric states share one memo entry:
 * after `for (i = 0; i < 6; i++) fork();` the 64 processes differ only in name, and without this
 * the search would tell apart 2^64 states that all have the same futures. A process is described
 * by its remaining events (an unforked child inline at its fork). Its running children stay
 * attached to it only while it still has a wait() to do; otherwise who their parent is no longer
 * matters and they join the multiset of independent processes. Attached children are sorted unless
 * a later waitpid() names one of them.
 */
function keyOf(s: Schedule, state: State): string {
  // Observations name other processes (a parent, say) that the canonical form would forget.
  if (s.observes)
    return (
      state.pcs.join(",") +
      "|" +
      state.reaped.map(Number).join("") +
      "|" +
      state.wake.map((w) => (w < 0 ? -1 : w - state.clock)).join(",")
    );
  const free: string[] = [];
  const canon = (i: number, from: number): string => {
    const events = s.events[i];
    let out = "";
    let namesChild = false;
    for (let k = from; k < events.length; k++) {
      const e = events[k];
      if (e.type === "write") out += "w" + JSON.stringify(e.text);
      else if (e.type === "fork") out += "f(" + canon(e.child, 0) + ")";
      else if (e.type === "exit") out += "x";
      else if (e.type === "sleep") {
        // A sleep under way is told apart by when it ends (relative to now); one not begun by its length.
        const wake = k === state.pcs[i] && started(s, state, i) ? state.wake[i]! : -1;
        out += wake >= 0 ? "z" + (wake - state.clock) : "s" + e.ms;
      } else if (e.type === "observe") throw new Error("unreachable: schedules with observations use exact keys");
      else if (e.target === "any") out += "a";
      else {
        namesChild = true;
        out += "s" + s.childrenOf[i].indexOf(e.target);
      }
    }
    if (from === 0) return out;
    const attached = s.lastWait[i] >= from;
    const kids: string[] = [];
    for (const c of s.childrenOf[i]) {
      if (s.startedBy[c] >= from) break; // not forked yet: already described inline
      const body = canon(c, state.pcs[c]);
      // A reaped child is gone, but its own children may still be running (described inside).
      if (attached) kids.push((state.reaped[c] ? "R" : "") + "(" + body + ")");
      else if (body) free.push(body);
    }
    if (!attached) return out;
    if (!namesChild) kids.sort();
    return out + "{" + kids.join(",") + "}";
  };
  const root = canon(0, state.pcs[0]);
  if (root) free.push(root);
  return free.sort().join("|");
}

/**
 * Processes whose next event is a write, i.e. the scheduler's real choices (and exits that decide
 * what a pending exclusive wait returns, which print nothing).
 */
function writers(s: Schedule, state: State): number[] {
  const out: number[] = [];
  if (state.dead) return out;
  for (let i = 0; i < s.events.length; i++) {
    if (!started(s, state, i)) continue;
    const e = s.events[i][state.pcs[i]];
    if (e?.type === "write") out.push(i);
    else if (e?.type === "exit" && exitIsChoice(s, state, i) && !s.exitAfter[i]!.some(([j, k]) => state.pcs[j]! <= k))
      out.push(i);
  }
  return out;
}

/** Every process has run to its end (not merely: nothing is left to print). */
function finished(s: Schedule, state: State): boolean {
  return !state.dead && s.events.every((list, i) => started(s, state, i) && state.pcs[i]! >= list.length);
}

function advance(s: Schedule, state: State, i: number): State {
  const next: State = {
    pcs: [...state.pcs],
    reaped: [...state.reaped],
    wake: [...state.wake],
    clock: state.clock,
    dead: false,
  };
  next.pcs[i]++;
  settle(s, next);
  return next;
}

function writeText(s: Schedule, state: State, i: number): string {
  const e = s.events[i]![state.pcs[i]!]!;
  return e.type === "write" ? e.text : "";
}

export interface Enumeration {
  texts: string[];
  complete: boolean;
}

/** Every distinct output text, or — past `maxOutputs` or the state bound — a sample of them. */
export function enumerateOutputs(s: Schedule, maxOutputs: number): Enumeration {
  const memo = new Map<string, Set<string>>();
  const visit = (state: State): Set<string> => {
    const key = keyOf(s, state);
    const known = memo.get(key);
    if (known) return known;
    if (memo.size >= MAX_SEARCH_STATES) throw new SearchLimitError();
    const choices = writers(s, state);
    const result = new Set<string>();
    if (choices.length === 0 && finished(s, state)) result.add("");
    for (const i of choices) {
      const text = writeText(s, state, i);
      for (const rest of visit(advance(s, state, i))) {
        result.add(text + rest);
        if (result.size > maxOutputs) throw new SearchLimitError();
      }
    }
    memo.set(key, result);
    return result;
  };
  try {
    return { texts: [...visit(initialState(s))].sort(), complete: true };
  } catch (error) {
    if (!(error instanceof SearchLimitError)) throw error;
    return { texts: sampleOutputs(s, maxOutputs), complete: false };
  }
}

/**
 * The one output of the scheduler that always runs the oldest process able to write: a parent always
 * before its children (pids grow down the tree), so after a fork() the parent runs until it blocks in
 * wait() or exits. It is the "parent runs first" misconception (issue #21) — one valid interleaving,
 * taken for the only one. Null when that walk deadlocks (a timing case it cannot meet).
 */
export function oldestFirstOutput(s: Schedule): string | null {
  return greedyOutput(s, (choices) => Math.min(...choices));
}

/** The youngest process able to write first: a child before its parent (another valid interleaving). */
export function youngestFirstOutput(s: Schedule): string | null {
  return greedyOutput(s, (choices) => Math.max(...choices));
}

function greedyOutput(s: Schedule, pick: (choices: number[]) => number): string | null {
  let state = initialState(s);
  let out = "";
  for (let steps = 0; steps < MAX_SEARCH_STATES; steps++) {
    const choices = writers(s, state);
    if (choices.length === 0) return finished(s, state) ? out : null;
    const i = pick(choices);
    out += writeText(s, state, i);
    state = advance(s, state, i);
  }
  return null;
}

/** Depth-first runs without memo, stopping after `count` distinct outputs or the state bound. */
function sampleOutputs(s: Schedule, count: number): string[] {
  const found = new Set<string>();
  let budget = MAX_SEARCH_STATES;
  const walk = (state: State, prefix: string): void => {
    if (found.size >= count || --budget < 0) return;
    const choices = writers(s, state);
    if (choices.length === 0 && finished(s, state)) found.add(prefix);
    for (const i of [...choices].reverse()) walk(advance(s, state, i), prefix + writeText(s, state, i));
  };
  walk(initialState(s), "");
  return [...found].sort();
}

export type Verdict = "valid" | "invalid" | "undecided";

/** Is `text` exactly the output of some interleaving? Searches with memo of failed states. */
export function isReachableOutput(s: Schedule, text: string): Verdict {
  const failed = new Set<string>();
  let budget = MAX_SEARCH_STATES;
  const visit = (state: State, pos: number): boolean => {
    const choices = writers(s, state);
    if (choices.length === 0) return pos === text.length && finished(s, state);
    const key = keyOf(s, state) + "@" + pos;
    if (failed.has(key)) return false;
    if (--budget < 0) throw new SearchLimitError();
    // Identical next writes from processes in identical positions lead to the same futures only
    // rarely, so we simply try each matching process once.
    for (const i of choices) {
      const chunk = writeText(s, state, i);
      if (text.startsWith(chunk, pos) && visit(advance(s, state, i), pos + chunk.length)) return true;
    }
    failed.add(key);
    return false;
  };
  try {
    return visit(initialState(s), 0) ? "valid" : "invalid";
  } catch (error) {
    if (error instanceof SearchLimitError) return "undecided";
    throw error;
  }
}

export interface OutputMatch {
  verdict: Verdict;
  /** Longest prefix of the text (in characters) that some interleaving prints. */
  furthest: number;
  /** The writes that can come next after that prefix (empty when every process may have finished). */
  next: string[];
  /** Whether, after that prefix, every process can have finished (the text goes on too long). */
  canEnd: boolean;
}

/**
 * Like isReachableOutput, and when the text is impossible: how far it gets and what could follow.
 * The search follows the text (only writes that match it are tried) with memo of failed states, so
 * it never lists orders: programs of 16-20 processes are checked without enumerating them.
 */
export function matchOutput(s: Schedule, text: string): OutputMatch {
  const failed = new Set<string>();
  let budget = MAX_SEARCH_STATES;
  let furthest = -1;
  const next = new Set<string>();
  let canEnd = false;
  const visit = (state: State, pos: number): boolean => {
    const choices = writers(s, state);
    if (pos > furthest) {
      furthest = pos;
      next.clear();
      canEnd = false;
    }
    if (pos === furthest) {
      for (const i of choices) {
        const chunk = writeText(s, state, i);
        if (chunk) next.add(chunk);
      }
      if (choices.length === 0 && finished(s, state)) canEnd = true;
    }
    if (choices.length === 0) return pos === text.length && finished(s, state);
    const key = keyOf(s, state) + "@" + pos;
    if (failed.has(key)) return false;
    if (--budget < 0) throw new SearchLimitError();
    for (const i of choices) {
      const chunk = writeText(s, state, i);
      if (text.startsWith(chunk, pos) && visit(advance(s, state, i), pos + chunk.length)) return true;
    }
    failed.add(key);
    return false;
  };
  try {
    const ok = visit(initialState(s), 0);
    return { verdict: ok ? "valid" : "invalid", furthest: ok ? text.length : furthest, next: [...next].sort(), canEnd };
  } catch (error) {
    if (error instanceof SearchLimitError) return { verdict: "undecided", furthest, next: [...next].sort(), canEnd };
    throw error;
  }
}
