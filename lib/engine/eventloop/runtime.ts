// One run of a program on a model of Node 20's event loop (libuv ≥ 1.45 phase order: timers → pending →
// poll → check → close), with every timing-dependent decision delegated to `choose`. The explorer in
// model.ts replays the program under every sequence of choices to collect all possible outputs.
//
// Time: `now` is the nominal clock (ms). Work with a calibrated cost (pbkdf2 iterations, an empty
// counting loop, readFileSync of a big file) advances it by its nominal cost and widens two running
// bounds, `fuzzMinus`/`fuzzPlus`: how much less/more real time may have passed. Every timer and pool
// request keeps the clock reading (`Anchor`) it started at, so "has it expired / completed yet?" and
// "does A surely finish before B?" compare nominal times with the uncertainty accumulated in between.
// An order is fixed only when the margin exceeds that uncertainty; otherwise both outcomes are explored.
import type { Pos, Program } from "./ast";
import { Interpreter, jsError } from "./interpreter";
import {
  newPromise,
  promiseAll,
  promiseAllSettled,
  promiseFinally,
  promiseRace,
  promiseResolve,
  promiseThen,
  rejectedPromise,
  resolvingFunctions,
} from "./promises";
import type { EventLoopLine, EventLoopQueue, EventLoopStage, EventLoopBelief } from "./types";
import {
  bufferOf,
  Env,
  hostObject,
  inspect,
  isCallable,
  JsThrow,
  makeError,
  ModelFault,
  native,
  toText,
  truthy,
  utf8Decode,
  utf8Length,
  type BufferValue,
  type NativeFn,
  type ObjectValue,
  type PromiseValue,
  type Value,
} from "./values";
import { APP_DIR, FsFailure, normalize, Vfs } from "./vfs";

export interface RunLimits {
  threadPoolSize: number;
  maxLoopJitterMs: number;
  maxSteps: number;
  maxLoopIterations: number;
  maxCallbacksPerDrain: number;
  maxCallDepth: number;
  maxForIterations: number;
  maxOutputLines: number;
  /** How many times slower than nominal CPU work may run (load, shared cores); default WORK.high. */
  maxWorkSlowdown: number;
  /** How long the main thread may be paused (descheduled) between two statements; default 0. */
  maxPauseMs: number;
  /** A mistaken model to run instead of Node 20's (EventLoopOptions.belief). */
  belief?: EventLoopBelief;
}

/** Picks one of `n` options (0 = the usual outcome on an idle machine); `why` explains the choice point. */
export type Chooser = (n: number, why: string) => number;

/** A clock reading: nominal time and the fuzz bounds accumulated up to then. */
interface Anchor {
  t: number;
  fm: number;
  fp: number;
  /** Which reading (in program order): libuv's clock is in whole ms, so two readings may differ by 1 ms however close. */
  seq: number;
}
interface Timer {
  fn: Value;
  args: Value[];
  msecs: number;
  idleStart: number;
  anchor: Anchor;
  source: string;
  cleared: boolean;
  /** setInterval: the period; the timer is re-armed after each run. */
  repeat?: number;
  ref: boolean;
}
interface TimerList {
  msecs: number;
  expiry: number;
  id: number;
  timers: Timer[];
}
interface Immediate {
  fn: Value;
  args: Value[];
  cleared: boolean;
}
/** Duration of a pool request after it gets a thread: nominal, fastest, slowest (ms; Infinity = unknown). */
interface Cost {
  nom: number;
  lo: number;
  hi: number;
}
interface IoOp {
  source: string;
  deliver: () => void;
  completed: boolean;
  /** The whole operation's duration on pool threads (the sum of its requests' costs). */
  cost: Cost;
  /**
   * The first poll phase (counted from 1) in which it can complete: an operation of k libuv requests,
   * each submitted from the previous one's completion, returns through k poll phases.
   */
  earliestPoll: number;
  /** When the request got a pool thread (unset while it waits for one). */
  start?: Anchor;
}
interface Context {
  queue: EventLoopQueue;
  during: EventLoopStage;
  source: string;
}

/** The process ended early: an uncaught exception, an unhandled rejection or process.exit(). */
export class ProgramExit {
  constructor(
    readonly code: number,
    readonly reason: string,
  ) {}
}

// Node caps timer delays at 2^31 - 1 ms; anything outside [1, cap] (including 0 and NaN) becomes 1.
const TIMEOUT_MAX = 2 ** 31 - 1;

/**
 * Calibrated on this project's machine with Node 20.20 (docs/eventloop-and-capacity.md, "Work and
 * time"): nominal costs, and the factors that bound the real duration of CPU work: [0.6×, 3×] covers
 * run-to-run noise and two pool threads sharing one core (the upper factor is an option).
 */
export const WORK = {
  low: 0.6,
  high: 3,
  /** µs per pbkdf2 iteration by digest (measured 0.64–1.14 sha512, 0.50–0.58 sha256, 1.17–1.79 sha1). */
  pbkdf2UsPerIteration: { sha512: 0.8, sha256: 0.55, sha1: 1.4, other: 1.5 } as Record<string, number>,
  /** crypto.scrypt with default cost parameters (measured 52–80 ms). */
  scryptMs: 65,
  /** ms per MB for readFileSync / writeFileSync (measured 0.9–1.2 buffer, 2.5–4.0 utf8; 1.4–1.8 write). */
  readMsPerMB: 2,
  writeMsPerMB: 1.6,
  /** Extra slack on bounded work on the main thread (timer granularity). */
  slackMs: 2,
  /**
   * Extra slack on a pool request: a pool thread may wait this long for a CPU (measured: a stat or a
   * 1-iteration pbkdf2 took up to 11 ms at load average 14 on 2 cores). Also the most a single fs
   * request (stat, unlink, access) on a small file may take.
   */
  poolSlackMs: 30,
  /** require('crypto') and the first crypto call initialise OpenSSL on the main thread (measured 16–23 ms and 20–37 ms under load). */
  cryptoLoad: { nom: 10, lo: 1, hi: 40 },
  cryptoFirstUse: { nom: 15, lo: 1, hi: 60 },
  /**
   * The first console.log opens process.stdout (a lazy getter that loads and builds the stream for a
   * pipe, file or tty) on the main thread: measured 5–15 ms at load average 2–12, 10–135 ms at 24.
   */
  stdoutOpen: { nom: 6, lo: 3, hi: 20 },
  /** require('zlib' | 'dns') compile their modules on first use. */
  moduleLoad: { nom: 2, lo: 0, hi: 20 },
} as const;

export const WHY_TIMER =
  "whether a timer's delay has already elapsed when the loop reaches the timers phase depends on how long startup, each loop turn and any work take";
export const WHY_IO =
  "when a thread-pool operation (fs, dns.lookup, crypto, zlib) completes relative to other callbacks depends on the operating system";
export const WHY_TIMER_ORDER =
  "timers created at different times with uncertain work in between may expire in either order";

function digestCost(digest: Value): number {
  const name = typeof digest === "string" ? digest.toLowerCase().replace("-", "") : "other";
  return WORK.pbkdf2UsPerIteration[name] ?? WORK.pbkdf2UsPerIteration.other!;
}

const UNKNOWN_REQUEST: Cost = { nom: 0.3, lo: 0, hi: Infinity };
/** kReadFileBufferLength / kWriteFileMaxChunkSize in Node 20: reads and writes go in 512 KiB requests. */
const READ_CHUNK = 512 * 1024;

/** A multi-request fs operation: how many libuv requests, their summed cost, and its effect at completion. */
interface FsPlan {
  requests: number;
  cost: Cost;
  perform: () => Value;
}

function sumCosts(costs: Cost[]): Cost {
  return costs.reduce((a, c) => ({ nom: a.nom + c.nom, lo: a.lo + c.lo, hi: a.hi + c.hi }), { nom: 0, lo: 0, hi: 0 });
}

function spread(a: Anchor, b: Anchor): number {
  return Math.abs(a.fm - b.fm) + Math.abs(a.fp - b.fp);
}

export class LoopRuntime {
  private cpuCost(ms: number): Cost {
    return { nom: ms, lo: ms * WORK.low, hi: ms * this.limits.maxWorkSlowdown + WORK.slackMs };
  }

  /** Pool threads also wait for a CPU: the loop's jitter bound applies to them as well. */
  private poolCost(ms: number): Cost {
    return {
      nom: ms,
      lo: ms * WORK.low,
      hi: ms * this.limits.maxWorkSlowdown + WORK.poolSlackMs + this.limits.maxLoopJitterMs,
    };
  }

  /** A fixed start-up cost (module load, OpenSSL initialisation), its upper bound scaled by the allowed slowdown. */
  private fixedWork(c: Cost): void {
    this.work({ nom: c.nom, lo: c.lo, hi: (c.hi * this.limits.maxWorkSlowdown) / WORK.high });
  }

  private fastRequest(): Cost {
    return this.poolCost(0.1);
  }

  readonly lines: EventLoopLine[] = [];
  exit: ProgramExit | null = null;
  private now = 0;
  private fuzzMinus = 0;
  private fuzzPlus = 0;
  private timerListId = 0;
  private readonly lists = new Map<number, TimerList>();
  private immediates: Immediate[] = [];
  private readonly io: IoOp[] = [];
  private nextTicks: { fn: Value; args: Value[] }[] = [];
  private microtasks: { run: () => void; source: string }[] = [];
  private readonly unhandled = new Set<PromiseValue>();
  private ctx: Context = { queue: "main", during: "main", source: "main script" };
  private readonly interp: Interpreter;
  private readonly vfs: Vfs;
  /**
   * Timers known to be due because the loop slept until them (kept apart from their clock readings, so
   * that comparisons between timers keep the uncertainty of when each was set).
   */
  private readonly surelyDue = new Set<Timer>();
  /** Timers the current timers phase found expired (decided once per phase, like Node's `now` snapshot). */
  private expired = new Set<Timer>();

  constructor(
    private readonly limits: RunLimits,
    private readonly choose: Chooser,
    private readonly filename: string,
    source: string,
  ) {
    const globals = new Env(null, true);
    this.vfs = new Vfs(source);
    this.interp = new Interpreter(
      globals,
      { maxSteps: limits.maxSteps, maxCallDepth: limits.maxCallDepth, maxLoopIterations: limits.maxForIterations },
      (run, src) => this.microtasks.push({ run, source: src }),
      (p, handled) => (handled ? this.unhandled.delete(p) : this.unhandled.add(p)),
    );
    this.interp.promiseMethod = (p, key, at) => this.promiseMethod(p, key, at);
    this.interp.onWork = (ms) => this.work(this.cpuCost(ms));
    if (limits.belief === "await-zero-turns") this.interp.awaitTurns = 0;
    if (limits.belief === "await-two-turns") this.interp.awaitTurns = 2;
    for (const [name, value] of Object.entries(this.globals())) globals.vars.set(name, { value, mutable: true });
  }

  run(program: Program): void {
    try {
      try {
        this.interp.runProgram(program.body);
      } catch (e) {
        if (e instanceof JsThrow) this.crash(e.value, "the main script");
        throw e;
      }
      // An ES module's body runs as a promise job: the microtasks it queues drain before any nextTick.
      if (this.limits.belief === "promises-before-ticks") this.drainMicrotasks();
      this.drainTicks();
      let iteration = 0;
      while (this.alive()) {
        if (++iteration > this.limits.maxLoopIterations) {
          throw new ModelFault(
            `the event loop turns more than ${this.limits.maxLoopIterations} times (endless setImmediate/setTimeout/setInterval chain?)`,
          );
        }
        this.timersPhase();
        this.pollPhase();
        // The belief that a setTimeout(0) always runs before a setImmediate: a timers phase before check.
        if (this.limits.belief === "timeout-before-immediate") this.timersPhase();
        this.checkPhase();
      }
    } catch (e) {
      if (e instanceof ProgramExit) {
        this.exit = e;
        return;
      }
      throw e;
    }
  }

  private alive(): boolean {
    for (const l of this.lists.values()) if (l.timers.some((t) => t.ref)) return true;
    return this.immediates.length > 0 || this.io.length > 0;
  }

  private crash(value: Value, where: string): never {
    let what: string;
    try {
      what =
        typeof value === "object" && value !== null && value.kind === "object" && value.errorClass
          ? toText(value)
          : inspect(value);
    } catch {
      what = "a value";
    }
    throw new ProgramExit(
      1,
      `uncaught exception in ${where} (${what}): Node 20 prints the error and exits with code 1`,
    );
  }

  // ---- time -------------------------------------------------------------------------------------

  /** Clock readings taken so far in the current callback (and the drain after it). */
  private readings = 0;

  /**
   * A clock reading. When the main thread may be paused between statements (a loaded machine), each
   * later reading in the same callback may be up to maxPauseMs later than the one before it.
   */
  private anchor(): Anchor {
    const shift = this.readings++ * this.limits.maxPauseMs;
    return { t: this.now, fm: this.fuzzMinus - shift, fp: this.fuzzPlus, seq: this.readingSeq++ };
  }

  private readingSeq = 0;

  /**
   * The range of (real due time of y) − (real due time of x), in whole ms. A timer's `_idleStart` is
   * libuv's loop time, which counts whole milliseconds (uv_now): two setTimeout calls a few µs apart get
   * start times 1 ms apart whenever a millisecond boundary falls between them (measured: `setTimeout(a, 10);
   * setTimeout(b, 10)` where a schedules an immediate printed the immediate between a and b in 8 of 100
   * runs; `setTimeout(x, 2); setTimeout(y, 1)` printed x first in 23 of 100). A later reading is never
   * earlier, so the gap is one-sided.
   */
  private dueGap(x: Timer, y: Timer): { lo: number; hi: number } {
    const later = y.anchor.seq >= x.anchor.seq;
    const [a, b] = later ? [x.anchor, y.anchor] : [y.anchor, x.anchor];
    const d = b.t - a.t;
    const s = spread(a, b);
    const lo = a.seq === b.seq ? d : Math.floor(Math.max(0, d - s));
    const hi = a.seq === b.seq ? d : Math.floor(d + s) + 1;
    const m = y.msecs - x.msecs;
    return later ? { lo: lo + m, hi: hi + m } : { lo: m - hi, hi: m - lo };
  }

  /** Synchronous work on the main thread. */
  private work(c: Cost): void {
    this.now += c.nom;
    this.fuzzMinus += c.nom - c.lo;
    this.fuzzPlus += c.hi - c.nom;
  }

  /** Real time elapsed since `a`, at the least and at the most (a loop turn may add up to the jitter). */
  private elapsed(a: Anchor): { min: number; max: number } {
    // Rounded to a nanosecond so that float sums (10.000032 + 1) compare equal to the due time.
    const round = (x: number) => Math.round(x * 1e6) / 1e6;
    const e = this.now - a.t;
    return {
      min: round(e - (this.fuzzMinus - a.fm)),
      max: round(e + (this.fuzzPlus - a.fp) + this.limits.maxLoopJitterMs),
    };
  }

  private allTimers(): Timer[] {
    return [...this.lists.values()].flatMap((l) => l.timers);
  }

  // ---- callbacks and the nextTick/microtask drain ---------------------------------------------

  private invoke(ctx: Context, fn: Value, args: Value[]): void {
    if (ctx.queue !== "nextTick") this.readings = 0;
    this.ctx = ctx;
    try {
      this.interp.call(fn, args);
    } catch (e) {
      if (e instanceof JsThrow) this.crash(e.value, `a ${ctx.source}`);
      throw e;
    }
  }

  /** Node's processTicksAndRejections: all nextTicks, then all microtasks, until both are empty. */
  private drainTicks(): void {
    const during = this.ctx.during;
    let count = 0;
    const guard = () => {
      if (++count > this.limits.maxCallbacksPerDrain) {
        throw new ModelFault(
          `more than ${this.limits.maxCallbacksPerDrain} nextTick/microtask callbacks ran without the event loop moving on (recursive process.nextTick or an endless promise chain?)`,
        );
      }
    };
    do {
      while (this.nextTicks.length > 0) {
        guard();
        const t = this.nextTicks.shift()!;
        this.invoke({ queue: "nextTick", during, source: "process.nextTick callback" }, t.fn, t.args);
      }
      this.drainMicrotasks(guard);
      // processPromiseRejections: in Node 20's default mode an unhandled rejection is an uncaught exception.
      const first = [...this.unhandled][0];
      if (first) {
        let what: string;
        try {
          what = toText(first.value);
        } catch {
          what = "a value";
        }
        throw new ProgramExit(
          1,
          `unhandled promise rejection (${what}): Node 20 prints the error and exits with code 1`,
        );
      }
    } while (this.nextTicks.length > 0);
  }

  private drainMicrotasks(guard: () => void = () => undefined): void {
    const during = this.ctx.during;
    while (this.microtasks.length > 0) {
      guard();
      const job = this.microtasks.shift()!;
      this.ctx = { queue: "microtask", during, source: job.source };
      try {
        job.run();
      } catch (e) {
        if (e instanceof JsThrow) this.crash(e.value, `a ${job.source}`);
        throw e;
      }
    }
  }

  /** Node < 11 drained the queues only after a whole timer list or the whole check phase. */
  private get perCallbackDrain(): boolean {
    return this.limits.belief !== "node10-phases";
  }

  private runCallback(ctx: Context, fn: Value, args: Value[]): void {
    this.invoke(ctx, fn, args);
    this.drainTicks();
  }

  // ---- phases -----------------------------------------------------------------------------------

  /**
   * Decides which timers have expired at this phase's clock reading (one choice when it is uncertain).
   * Any set of the uncertain ones may have expired that is consistent with their due times: with x
   * expired, every timer surely due no later than x has expired too. (Nominal due order is not enough:
   * a timer set after a pause or across a millisecond boundary may be due later than it looks.)
   */
  private decideExpired(): void {
    const sure: Timer[] = [];
    let maybe: Timer[] = [];
    for (const t of this.allTimers()) {
      const e = this.elapsed(t.anchor);
      // Whole-ms readings: floor(now) − floor(start) reaches msecs once more than msecs − 1 ms passed.
      // (The "setTimeout(0) always before setImmediate" misconception takes every 0–1 ms timer as due.)
      if (
        e.min >= t.msecs ||
        this.surelyDue.has(t) ||
        (this.limits.belief === "timeout-before-immediate" && t.msecs <= 1)
      )
        sure.push(t);
      else if (e.max > t.msecs - 1) maybe.push(t);
    }
    const implies = (x: Timer, y: Timer) => this.dueGap(x, y).hi <= 0;
    // Timers surely due no later than one that surely expired have surely expired.
    const forced = maybe.filter((t) => sure.some((s) => implies(s, t)));
    sure.push(...forced);
    maybe = maybe.filter((t) => !forced.includes(t)).sort((a, b) => a.idleStart + a.msecs - (b.idleStart + b.msecs));
    let chosen = maybe;
    if (maybe.length > 0) {
      const options = this.closedSubsets(maybe, implies);
      chosen = options[this.choose(options.length, WHY_TIMER)]!;
    }
    this.expired = new Set([...sure, ...chosen]);
    for (const t of chosen) this.now = Math.max(this.now, t.idleStart + t.msecs);
  }

  /** The subsets of `items` closed under `implies` (x in ⇒ y in), largest first (all of them is the idle-machine outcome). */
  private closedSubsets(items: Timer[], implies: (x: Timer, y: Timer) => boolean): Timer[][] {
    const out: Timer[][] = [];
    const pick = (i: number, chosen: Timer[]) => {
      if (i === items.length) {
        out.push(chosen);
        return;
      }
      const t = items[i]!;
      // In: everything it implies must be allowed in (not already left out). Out: nothing chosen implies it.
      const left = items.slice(0, i).filter((x) => !chosen.includes(x));
      if (!left.some((y) => implies(t, y))) pick(i + 1, [...chosen, t]);
      if (!chosen.some((x) => implies(x, t))) pick(i + 1, chosen);
    };
    pick(0, []);
    return out.sort((a, b) => b.length - a.length);
  }

  /** Mirrors processTimers/listOnTimeout in lib/internal/timers.js, including their `now` snapshot. */
  private timersPhase(): void {
    this.decideExpired();
    const now = this.now;
    for (;;) {
      const ready = [...this.lists.values()].filter((l) => l.timers[0] && this.expired.has(l.timers[0]));
      if (ready.length === 0) break;
      ready.sort((a, b) => a.expiry - b.expiry || a.id - b.id);
      const best = ready[0]!;
      // Lists whose heads may be due no later than the nominal first's (uncertain work, pauses or a
      // millisecond boundary in between) may run first.
      const racing = ready.filter((l) => l === best || this.dueGap(best.timers[0]!, l.timers[0]!).lo <= 0);
      const list = racing.length > 1 ? racing[this.choose(racing.length, WHY_TIMER_ORDER)]! : best;
      for (;;) {
        const timer = list.timers[0];
        if (!timer) {
          if (this.lists.get(list.msecs) === list) this.lists.delete(list.msecs);
          break;
        }
        if (!this.expired.has(timer)) {
          list.expiry = Math.max(timer.idleStart + list.msecs, now + 1);
          list.id = this.timerListId++;
          break;
        }
        list.timers.shift();
        this.expired.delete(timer);
        this.readings = 0;
        const start = this.anchor();
        this.invoke({ queue: "timers", during: "timers", source: timer.source }, timer.fn, timer.args);
        if (timer.repeat !== undefined && !timer.cleared) this.insert(timer, timer.repeat, start);
        if (this.perCallbackDrain) this.drainTicks();
      }
      if (!this.perCallbackDrain) this.drainTicks();
      if (list.timers.length === 0 && this.lists.get(list.msecs) === list) this.lists.delete(list.msecs);
    }
    this.expired.clear();
  }

  private insert(timer: Timer, msecs: number, start: Anchor): void {
    this.surelyDue.delete(timer);
    timer.msecs = msecs;
    timer.idleStart = start.t;
    timer.anchor = start;
    let list = this.lists.get(msecs);
    if (!list) {
      list = { msecs, expiry: start.t + msecs, id: this.timerListId++, timers: [] };
      this.lists.set(msecs, list);
    }
    list.timers.push(timer);
  }

  private running(): IoOp[] {
    return this.io.filter((op) => op.start && !op.completed);
  }

  /** Starts queued pool requests while threads are free; `early` = how much earlier a thread may have freed. */
  private fillPool(early = 0): void {
    let busy = this.running().length;
    for (const op of this.io) {
      if (busy >= this.limits.threadPoolSize) return;
      if (op.start || op.completed) continue;
      op.start = { t: this.now, fm: this.fuzzMinus, fp: this.fuzzPlus - early, seq: this.readingSeq++ };
      busy++;
    }
  }

  /** True when `y` surely completes before `x` (given both have threads). */
  private surelyBefore(y: IoOp, x: IoOp): boolean {
    return y.start!.t + y.cost.hi + spread(y.start!, x.start!) < x.start!.t + x.cost.lo;
  }

  /** Poll phases started so far. */
  private polls = 0;

  private pollPhase(): void {
    this.polls++;
    const timers = this.allTimers();
    // libuv polls with timeout 0 when immediates are pending; otherwise it blocks for I/O or the next timer.
    const blocking = this.immediates.length === 0;
    const completed: IoOp[] = [];
    const next =
      timers.length > 0 ? timers.reduce((a, b) => (a.idleStart + a.msecs <= b.idleStart + b.msecs ? a : b)) : undefined;
    // An operation whose earlier requests are still in flight wakes the loop with an invisible completion.
    let chained = false;
    for (;;) {
      const started = this.running();
      chained = started.some((x) => x.earliestPoll > this.polls);
      const running = started.filter((x) => x.earliestPoll <= this.polls);
      if (running.length === 0) break;
      const waiting = blocking && completed.length === 0;
      let candidates = running.filter((x) => !running.some((y) => y !== x && this.surelyBefore(y, x)));
      let mayStop: boolean;
      if (waiting) {
        // The loop sleeps until a request completes or the next timer is due, whichever comes first.
        if (next) {
          const due = next.idleStart + next.msecs;
          candidates = candidates.filter(
            (x) => x.start!.t + x.cost.lo <= due + spread(x.start!, next.anchor) + this.limits.maxLoopJitterMs,
          );
          mayStop = chained || !running.some((x) => x.start!.t + x.cost.hi + spread(x.start!, next.anchor) < due);
        } else {
          mayStop = chained;
        }
      } else {
        candidates = candidates.filter((x) => this.elapsed(x.start!).max >= x.cost.lo);
        mayStop = !running.some((x) => this.elapsed(x.start!).min >= x.cost.hi);
      }
      if (candidates.length === 0) break;
      const options: (IoOp | null)[] = [...candidates];
      if (mayStop) {
        if (!waiting) options.unshift(null);
        else options.push(null);
      }
      const pick = options.length === 1 ? options[0]! : options[this.choose(options.length, WHY_IO)]!;
      if (pick === null) break;
      if (waiting) {
        const done = pick.start!.t + pick.cost.nom;
        const bound = next ? Math.min(done, next.idleStart + next.msecs) : done;
        if (bound > this.now) {
          this.now = bound;
          if (Number.isFinite(pick.cost.hi)) {
            this.fuzzMinus = Math.max(this.fuzzMinus, pick.start!.fm + pick.cost.nom - pick.cost.lo);
            this.fuzzPlus = Math.max(this.fuzzPlus, pick.start!.fp + pick.cost.hi - pick.cost.nom);
          }
        } else if (Number.isFinite(pick.cost.hi)) {
          // The clock is already past its nominal end, but the loop slept until it completed, which may
          // be as late as start + hi (a loaded machine: readFile's four requests took 20 ms and more).
          this.fuzzPlus = Math.max(this.fuzzPlus, pick.start!.fp + pick.start!.t + pick.cost.hi - this.now);
        }
      }
      pick.completed = true;
      completed.push(pick);
      const e = this.elapsed(pick.start!);
      this.fillPool(Math.max(0, e.max - pick.cost.lo));
    }
    if (completed.length === 0 && blocking && next && !chained) {
      // Slept until the next timer: it (and every timer surely due no later) has surely expired. libuv
      // wakes on a whole millisecond, up to 1 ms before the exact due time of a timer set later.
      // The nominally first timer need not be the first due (a later timer set after a pause may be
      // due earlier than it looks, and it cannot be set before): any timer not surely due after another may wake it.
      const first = [
        next,
        ...timers.filter((t) => t !== next && !timers.some((u) => u !== t && this.dueGap(t, u).hi < 0)),
      ];
      const wake = first.length > 1 ? first[this.choose(first.length, WHY_TIMER_ORDER)]! : next;
      this.now = Math.max(this.now, wake.idleStart + wake.msecs);
      this.fuzzMinus += 1;
      for (const t of timers) if (t === wake || this.dueGap(wake, t).hi <= 0) this.surelyDue.add(t);
    }
    for (const op of completed) {
      this.io.splice(this.io.indexOf(op), 1);
      this.ctx = { queue: "poll", during: "poll", source: op.source };
      this.readings = 0;
      op.deliver();
      this.drainTicks();
    }
  }

  /** Mirrors processImmediate: immediates added while it runs wait for the next loop turn. */
  private checkPhase(): void {
    const queue = this.immediates;
    this.immediates = [];
    for (const im of queue) {
      if (im.cleared) continue;
      if (this.perCallbackDrain)
        this.runCallback({ queue: "check", during: "check", source: "setImmediate callback" }, im.fn, im.args);
      else this.invoke({ queue: "check", during: "check", source: "setImmediate callback" }, im.fn, im.args);
    }
    if (!this.perCallbackDrain) this.drainTicks();
  }

  // ---- host API ---------------------------------------------------------------------------------

  private requireFunction(fn: Value, api: string, at: Pos): void {
    if (!isCallable(fn)) throw new ModelFault(`TypeError: ${api} needs a function as its callback`, at);
  }

  private stdoutOpened = false;

  private log(args: Value[], at: Pos): Value {
    if (!this.stdoutOpened) {
      this.stdoutOpened = true;
      this.fixedWork(WORK.stdoutOpen);
    }
    const first = args[0];
    if (args.length > 1 && typeof first === "string" && /%[sdifjoOc%]/.test(first)) {
      throw new ModelFault("console.log format specifiers (%s, %d, …) are not supported", at);
    }
    let text: string;
    try {
      text = args.map((a) => inspect(a)).join(" ");
    } catch (e) {
      if (e instanceof ModelFault) throw new ModelFault(e.message, at);
      throw e;
    }
    for (const line of text.split("\n")) {
      if (this.lines.length >= this.limits.maxOutputLines)
        throw new ModelFault(`the program prints more than ${this.limits.maxOutputLines} lines`, at);
      this.lines.push({ text: line, ...this.ctx });
    }
    return undefined;
  }

  private readonly timerHandles = new Map<ObjectValue, Timer>();
  private readonly immediateHandles = new Map<ObjectValue, Immediate>();

  private setTimer(args: Value[], at: Pos, api: "setTimeout" | "setInterval"): Value {
    const [fn, delay, ...rest] = args;
    this.requireFunction(fn, api, at);
    let msecs = typeof delay === "number" ? delay : delay === undefined ? 1 : Number(toText(delay));
    if (!(msecs >= 1 && msecs <= TIMEOUT_MAX)) msecs = 1;
    const start = this.anchor();
    const timer: Timer = {
      fn,
      args: rest,
      msecs,
      idleStart: this.now,
      anchor: start,
      source: `${api}(${delay === undefined ? "" : typeof delay === "number" ? String(delay) : "…"}) callback`,
      cleared: false,
      repeat: api === "setInterval" ? msecs : undefined,
      ref: true,
    };
    this.insert(timer, msecs, start);
    return this.timerHandle(timer);
  }

  private timerHandle(timer: Timer): ObjectValue {
    const handle: ObjectValue = hostObject("Timeout", {});
    handle.props.set(
      "unref",
      native("unref", () => ((timer.ref = false), handle)),
    );
    handle.props.set(
      "ref",
      native("ref", () => ((timer.ref = true), handle)),
    );
    handle.props.set(
      "hasRef",
      native("hasRef", () => timer.ref),
    );
    this.timerHandles.set(handle, timer);
    return handle;
  }

  private clearTimer(args: Value[]): Value {
    const handle = args[0];
    if (typeof handle !== "object" || handle === null || handle.kind !== "object") return undefined;
    const timer = this.timerHandles.get(handle);
    if (!timer || timer.cleared) return undefined;
    timer.cleared = true;
    this.expired.delete(timer);
    for (const [msecs, list] of this.lists) {
      const i = list.timers.indexOf(timer);
      if (i >= 0) {
        list.timers.splice(i, 1);
        if (list.timers.length === 0) this.lists.delete(msecs);
      }
    }
    return undefined;
  }

  private setImmediate(args: Value[], at: Pos): Value {
    const [fn, ...rest] = args;
    this.requireFunction(fn, "setImmediate", at);
    const im: Immediate = { fn, args: rest, cleared: false };
    this.immediates.push(im);
    const handle = hostObject("Immediate", {});
    this.immediateHandles.set(handle, im);
    return handle;
  }

  private clearImmediate(args: Value[]): Value {
    const handle = args[0];
    if (typeof handle !== "object" || handle === null || handle.kind !== "object") return undefined;
    const im = this.immediateHandles.get(handle);
    if (im) {
      im.cleared = true;
      this.immediates = this.immediates.filter((x) => x !== im);
    }
    return undefined;
  }

  /** Submits a pool operation of `requests` chained libuv requests; it gets a thread now or when one frees. */
  private submit(source: string, cost: Cost, deliver: () => void, requests = 1): void {
    this.io.push({ source, cost, completed: false, deliver, earliestPoll: this.polls + requests });
    this.fillPool();
  }

  /**
   * A thread-pool request with a Node-style callback. `perform` runs when the request completes and
   * returns the callback's arguments after the error, or throws FsFailure for the error argument.
   */
  private poolCallback(
    api: string,
    cost: (args: Value[], at: Pos) => Cost,
    perform: (args: Value[], at: Pos) => Value[],
    check?: (args: Value[], at: Pos) => void,
  ) {
    return native(api, (args, at) => {
      const cb = args[args.length - 1];
      if (!isCallable(cb)) throw new ModelFault(`${api} needs a callback function as its last argument`, at);
      const input = args.slice(0, -1);
      check?.(input, at);
      this.submit(`${api} callback`, cost(input, at), () => {
        let result: Value[];
        try {
          result = [null, ...perform(input, at)];
        } catch (e) {
          if (!(e instanceof FsFailure)) throw e;
          result = [e.error];
        }
        this.invoke(this.ctx, cb, result);
      });
      return undefined;
    });
  }

  /** The promise form of a pool request: the promise settles from a poll-phase completion. */
  private poolPromise(
    api: string,
    cost: (args: Value[], at: Pos) => Cost,
    perform: (args: Value[], at: Pos) => Value,
    check?: (args: Value[], at: Pos) => void,
  ) {
    return native(api, (args, at) => {
      check?.(args, at);
      const p = newPromise();
      const { resolve, reject } = resolvingFunctions(this.interp, p);
      this.submit(`${api} completion`, cost(args, at), () => {
        try {
          resolve(perform(args, at));
        } catch (e) {
          if (!(e instanceof FsFailure)) throw e;
          reject(e.error);
        }
      });
      return p;
    });
  }

  /**
   * An fs operation that lib/fs.js performs as several libuv requests (readFile: open, fstat, read,
   * close; writeFile: open, write, close), each submitted from the previous one's completion: the
   * operation completes no earlier than its k-th poll phase. It is modelled as one pool operation with
   * the summed cost that cannot complete before then (its intermediate completions show nothing).
   */
  private chainCallback(
    api: string,
    plan: (args: Value[], at: Pos) => FsPlan,
    check?: (args: Value[], at: Pos) => void,
    withValue = true,
  ) {
    return native(api, (args, at) => {
      const cb = args[args.length - 1];
      if (!isCallable(cb)) throw new ModelFault(`${api} needs a callback function as its last argument`, at);
      const input = args.slice(0, -1);
      check?.(input, at);
      const op = plan(input, at);
      this.submit(
        `${api} callback`,
        op.cost,
        () => {
          let result: Value[];
          try {
            const value = op.perform();
            result = withValue ? [null, value] : [null];
          } catch (e) {
            if (!(e instanceof FsFailure)) throw e;
            result = [e.error];
          }
          this.invoke(this.ctx, cb, result);
        },
        op.requests,
      );
      return undefined;
    });
  }

  /** The promise form of a multi-request fs operation: settles from its last request's poll-phase completion. */
  private chainPromise(
    api: string,
    plan: (args: Value[], at: Pos) => FsPlan,
    check?: (args: Value[], at: Pos) => void,
  ) {
    return native(api, (args, at) => {
      check?.(args, at);
      const p = newPromise();
      const { resolve, reject } = resolvingFunctions(this.interp, p);
      const op = plan(args, at);
      this.submit(
        `${api} completion`,
        op.cost,
        () => {
          try {
            resolve(op.perform());
          } catch (e) {
            if (!(e instanceof FsFailure)) throw e;
            reject(e.error);
          }
        },
        op.requests,
      );
      return p;
    });
  }

  /** A synchronous fs call: FsFailure becomes a catchable exception, as in Node. */
  private fsSync(api: string, perform: (args: Value[], at: Pos) => Value) {
    return native(api, (args, at) => {
      try {
        return perform(args, at);
      } catch (e) {
        if (e instanceof FsFailure) throw new JsThrow(e.error);
        throw e;
      }
    });
  }

  // ---- fs ---------------------------------------------------------------------------------------

  private path(v: Value, api: string, at: Pos): string {
    if (typeof v !== "string") throw new ModelFault(`${api} is supported with a string path`, at);
    return v;
  }

  /** Reading outside the program's directory needs the real machine's files, which the model does not have. */
  private knownPath(p: string, api: string, at: Pos): void {
    if (!this.vfs.known(normalize(p))) {
      throw new ModelFault(
        `${api}('${p}') reads outside the program's directory; the model knows only files the program creates and the program itself`,
        at,
      );
    }
  }

  private encoding(v: Value, at: Pos): string | null {
    const enc = typeof v === "object" && v !== null && v.kind === "object" ? v.props.get("encoding") : v;
    if (enc === undefined || enc === null || isCallable(enc)) return null;
    if (enc === "utf8" || enc === "utf-8") return "utf8";
    throw new ModelFault(`encoding '${toText(enc)}' is not supported (use 'utf8' or none)`, at);
  }

  private contents(p: string, encoding: string | null, at: Pos): Value {
    const file = this.vfs.read(p);
    if (encoding) {
      if (file.text === null)
        throw new ModelFault(`reading '${p}' as text is not supported: the model knows its size but not its bytes`, at);
      return file.text;
    }
    if (file.text === null) return { kind: "buffer", bytes: null, length: file.size, what: `the contents of '${p}'` };
    return bufferOf(file.text);
  }

  private data(v: Value, at: Pos): { text: string | null; size: number } {
    if (typeof v === "string") return { text: v, size: utf8Length(v) };
    if (typeof v === "number" || typeof v === "boolean") return { text: String(v), size: String(v).length };
    if (typeof v === "object" && v !== null && v.kind === "buffer")
      return { text: v.bytes ? utf8Decode(v.bytes) : null, size: v.length };
    throw new ModelFault("fs writes are supported with strings and Buffers", at);
  }

  private stats(p: string): ObjectValue {
    const file = this.vfs.read(p, "stat");
    const isFile = file.type === "file";
    return hostObject("fs.Stats", {
      size: file.size,
      isFile: native("isFile", () => isFile),
      isDirectory: native("isDirectory", () => !isFile),
    });
  }

  private readCost(p: string): Cost {
    const f = this.vfs.get(p);
    return this.cpuCost(((f?.size ?? 0) / 1e6) * WORK.readMsPerMB);
  }

  /** A read or write request of `bytes` on a pool thread: a small request, or the calibrated copy cost. */
  private copyRequest(bytes: number, msPerMB: number): Cost {
    return this.poolCost(Math.max(0.1, (bytes / 1e6) * msPerMB));
  }

  /**
   * fs.readFile and fs.promises.readFile (lib/internal/fs/read/context.js, readFileHandle in
   * lib/internal/fs/promises.js): open, fstat, one read per 512 KiB (a directory or an empty file: one
   * read, which fails or returns 0), close; a missing file fails at the open. The contents are read
   * when the operation completes.
   */
  private readFilePlan(p: string, encoding: string | null, at: Pos): FsPlan {
    const node = this.vfs.get(p);
    const perform = () => this.contents(p, encoding, at);
    if (!node) return { requests: 1, cost: this.fastRequest(), perform };
    const size = node.type === "file" ? node.size : 0;
    const reads = Math.max(1, Math.ceil(size / READ_CHUNK));
    const costs = [this.fastRequest(), this.fastRequest(), this.fastRequest()];
    for (let i = 0; i < reads; i++)
      costs.push(this.copyRequest(Math.min(READ_CHUNK, size - i * READ_CHUNK), WORK.readMsPerMB));
    return { requests: costs.length, cost: sumCosts(costs), perform };
  }

  /**
   * fs.writeFile/appendFile (writeAll in lib/fs.js: open, one write, close) and their fs.promises forms
   * (writeFileHandle: one write per 512 KiB, none for empty data); an open that fails ends it there.
   * The file gets its data when the operation completes.
   */
  private writeFilePlan(
    p: string,
    data: { text: string | null; size: number },
    append: boolean,
    promiseForm: boolean,
  ): FsPlan {
    const perform = () => (this.vfs.write(p, data.text, data.size, append), undefined);
    if (this.vfs.writeFailure(p)) return { requests: 1, cost: this.fastRequest(), perform };
    const writes = promiseForm ? Math.ceil(data.size / READ_CHUNK) : 1;
    const costs = [this.fastRequest(), this.fastRequest()];
    for (let i = 0; i < writes; i++)
      costs.push(this.copyRequest(Math.min(READ_CHUNK, data.size - i * READ_CHUNK), WORK.writeMsPerMB));
    return { requests: costs.length, cost: sumCosts(costs), perform };
  }

  private fsModule(): { fs: ObjectValue; promises: ObjectValue } {
    const vfs = this.vfs;
    const unknownCost = (): Cost => UNKNOWN_REQUEST;
    const fastCost = (): Cost => this.fastRequest();
    const knownRead = (api: string) => (a: Value[], at: Pos) => this.knownPath(this.path(a[0], api, at), api, at);
    const readFilePlan = (api: string) => (a: Value[], at: Pos) =>
      this.readFilePlan(this.path(a[0], api, at), this.encoding(a[1], at), at);
    const writeFilePlan = (api: string, append: boolean, promiseForm: boolean) => (a: Value[], at: Pos) =>
      this.writeFilePlan(this.path(a[0], api, at), this.data(a[1], at), append, promiseForm);
    const mkdir = (a: Value[], at: Pos) => {
      const opts = a[1];
      const recursive =
        typeof opts === "object" && opts !== null && opts.kind === "object" && truthy(opts.props.get("recursive"));
      vfs.mkdir(this.path(a[0], "fs.mkdir", at), recursive);
      return [];
    };
    const readdir = (a: Value[], at: Pos): Value => ({
      kind: "array",
      items: vfs.readdir(this.path(a[0], "fs.readdir", at)),
    });
    const access = (a: Value[], at: Pos) => {
      vfs.read(this.path(a[0], "fs.access", at), "access");
      return [];
    };
    const promises = hostObject("fs.promises", {
      readFile: this.chainPromise(
        "fs.promises.readFile",
        readFilePlan("fs.promises.readFile"),
        knownRead("fs.promises.readFile"),
      ),
      writeFile: this.chainPromise("fs.promises.writeFile", writeFilePlan("fs.promises.writeFile", false, true)),
      appendFile: this.chainPromise("fs.promises.appendFile", writeFilePlan("fs.promises.appendFile", true, true)),
      stat: this.poolPromise(
        "fs.promises.stat",
        fastCost,
        (a, at) => this.stats(this.path(a[0], "fs.promises.stat", at)),
        knownRead("fs.promises.stat"),
      ),
      unlink: this.poolPromise(
        "fs.promises.unlink",
        fastCost,
        (a, at) => (vfs.unlink(this.path(a[0], "fs.promises.unlink", at)), undefined),
      ),
      mkdir: this.poolPromise("fs.promises.mkdir", unknownCost, (a, at) => (mkdir(a, at), undefined)),
      readdir: this.poolPromise("fs.promises.readdir", fastCost, readdir, knownRead("fs.promises.readdir")),
      access: this.poolPromise(
        "fs.promises.access",
        fastCost,
        (a, at) => (access(a, at), undefined),
        knownRead("fs.promises.access"),
      ),
    });
    const fs = hostObject("fs", {
      readFile: this.chainCallback("fs.readFile", readFilePlan("fs.readFile"), knownRead("fs.readFile")),
      writeFile: this.chainCallback("fs.writeFile", writeFilePlan("fs.writeFile", false, false), undefined, false),
      appendFile: this.chainCallback("fs.appendFile", writeFilePlan("fs.appendFile", true, false), undefined, false),
      stat: this.poolCallback(
        "fs.stat",
        fastCost,
        (a, at) => [this.stats(this.path(a[0], "fs.stat", at))],
        knownRead("fs.stat"),
      ),
      unlink: this.poolCallback("fs.unlink", fastCost, (a, at) => (vfs.unlink(this.path(a[0], "fs.unlink", at)), [])),
      mkdir: this.poolCallback("fs.mkdir", unknownCost, mkdir),
      readdir: this.poolCallback("fs.readdir", fastCost, (a, at) => [readdir(a, at)], knownRead("fs.readdir")),
      access: this.poolCallback("fs.access", fastCost, access, knownRead("fs.access")),
      rename: this.poolCallback(
        "fs.rename",
        fastCost,
        (a, at) => (vfs.rename(this.path(a[0], "fs.rename", at), this.path(a[1], "fs.rename", at)), []),
      ),
      readFileSync: this.fsSync("fs.readFileSync", (a, at) => {
        const p = this.path(a[0], "fs.readFileSync", at);
        this.knownPath(p, "fs.readFileSync", at);
        const v = this.contents(p, this.encoding(a[1], at), at);
        this.work(this.readCost(p));
        return v;
      }),
      writeFileSync: this.fsSync("fs.writeFileSync", (a, at) => {
        const d = this.data(a[1], at);
        vfs.write(this.path(a[0], "fs.writeFileSync", at), d.text, d.size, false);
        this.work(this.cpuCost((d.size / 1e6) * WORK.writeMsPerMB));
        return undefined;
      }),
      appendFileSync: this.fsSync("fs.appendFileSync", (a, at) => {
        const d = this.data(a[1], at);
        vfs.write(this.path(a[0], "fs.appendFileSync", at), d.text, d.size, true);
        return undefined;
      }),
      existsSync: this.fsSync("fs.existsSync", (a, at) => {
        if (typeof a[0] !== "string") return false;
        this.knownPath(a[0], "fs.existsSync", at);
        return vfs.get(a[0]) !== undefined;
      }),
      unlinkSync: this.fsSync(
        "fs.unlinkSync",
        (a, at) => (vfs.unlink(this.path(a[0], "fs.unlinkSync", at)), undefined),
      ),
      mkdirSync: this.fsSync("fs.mkdirSync", (a, at) => (mkdir(a, at), undefined)),
      rmdirSync: this.fsSync("fs.rmdirSync", (a, at) => (vfs.rmdir(this.path(a[0], "fs.rmdirSync", at)), undefined)),
      renameSync: this.fsSync(
        "fs.renameSync",
        (a, at) => (vfs.rename(this.path(a[0], "fs.renameSync", at), this.path(a[1], "fs.renameSync", at)), undefined),
      ),
      readdirSync: this.fsSync("fs.readdirSync", (a, at) => {
        knownRead("fs.readdirSync")(a, at);
        return readdir(a, at);
      }),
      statSync: this.fsSync("fs.statSync", (a, at) => {
        const p = this.path(a[0], "fs.statSync", at);
        this.knownPath(p, "fs.statSync", at);
        return this.stats(p);
      }),
      promises,
    });
    return { fs, promises };
  }

  // ---- crypto -----------------------------------------------------------------------------------

  private cryptoInitialised = false;

  private cryptoUsed(): void {
    if (this.cryptoInitialised) return;
    this.cryptoInitialised = true;
    this.fixedWork(WORK.cryptoFirstUse);
  }

  private pbkdf2Args(a: Value[], api: string, at: Pos): { iterations: number; keylen: number; cost: number } {
    const iterations = a[2];
    const keylen = a[3];
    if (typeof iterations !== "number" || !Number.isInteger(iterations) || iterations < 1)
      throw new ModelFault(`${api} needs a positive integer iteration count`, at);
    if (typeof keylen !== "number" || !Number.isInteger(keylen) || keylen < 0 || keylen > 1_000_000)
      throw new ModelFault(`${api} needs a key length between 0 and 1000000`, at);
    if (typeof a[4] !== "string") throw new ModelFault(`${api} needs a digest name such as 'sha512'`, at);
    this.cryptoUsed();
    return { iterations, keylen, cost: (iterations * digestCost(a[4])) / 1000 };
  }

  private cryptoModule(): ObjectValue {
    const key = (n: number, what: string): BufferValue => ({ kind: "buffer", bytes: null, length: n, what });
    const randomLength = (a: Value[], at: Pos): number => {
      if (typeof a[0] !== "number" || !Number.isInteger(a[0]) || a[0] < 0 || a[0] > 1_000_000)
        throw new ModelFault("crypto.randomBytes needs a size between 0 and 1000000", at);
      return a[0];
    };
    return hostObject("crypto", {
      pbkdf2: this.poolCallback(
        "crypto.pbkdf2",
        (a, at) => this.poolCost(this.pbkdf2Args(a, "crypto.pbkdf2", at).cost),
        (a, at) => [key(this.pbkdf2Args(a, "crypto.pbkdf2", at).keylen, "the derived key")],
        (a, at) => void this.pbkdf2Args(a, "crypto.pbkdf2", at),
      ),
      pbkdf2Sync: native("crypto.pbkdf2Sync", (a, at) => {
        const { keylen, cost } = this.pbkdf2Args(a, "crypto.pbkdf2Sync", at);
        this.work(this.cpuCost(cost));
        return key(keylen, "the derived key");
      }),
      scrypt: this.poolCallback(
        "crypto.scrypt",
        () => (this.cryptoUsed(), this.poolCost(WORK.scryptMs)),
        (a) => [key(typeof a[2] === "number" ? a[2] : 64, "the derived key")],
      ),
      randomBytes: native("crypto.randomBytes", (a, at) => {
        const n = randomLength(a, at);
        this.cryptoUsed();
        const cb = a[1];
        if (cb === undefined) return key(n, "random bytes");
        if (!isCallable(cb)) throw new ModelFault("crypto.randomBytes needs a callback function", at);
        this.submit("crypto.randomBytes callback", this.fastRequest(), () =>
          this.invoke(this.ctx, cb, [null, key(n, "random bytes")]),
        );
        return undefined;
      }),
    });
  }

  // ---- other modules and globals ---------------------------------------------------------------

  private modules(): Record<string, () => ObjectValue> {
    const unknown = (): Cost => UNKNOWN_REQUEST;
    const opaque = (what: string) => () => [hostObject(what, {})];
    let fsPair: { fs: ObjectValue; promises: ObjectValue } | undefined;
    const fsOnce = () => (fsPair ??= this.fsModule());
    const timers = () =>
      hostObject("timers", {
        setTimeout: native("setTimeout", (a, at) => this.setTimer(a, at, "setTimeout")),
        setInterval: native("setInterval", (a, at) => this.setTimer(a, at, "setInterval")),
        setImmediate: native("setImmediate", (a, at) => this.setImmediate(a, at)),
        clearTimeout: native("clearTimeout", (a) => this.clearTimer(a)),
        clearInterval: native("clearInterval", (a) => this.clearTimer(a)),
        clearImmediate: native("clearImmediate", (a) => this.clearImmediate(a)),
      });
    const h = this.interp;
    const timersPromises = () =>
      hostObject("timers/promises", {
        setTimeout: native("timers/promises.setTimeout", (a, at) => {
          const p = newPromise();
          const { resolve } = resolvingFunctions(h, p);
          this.setTimer([native("resolve", () => (resolve(a[1]), undefined)), a[0]], at, "setTimeout");
          return p;
        }),
        setImmediate: native("timers/promises.setImmediate", (a, at) => {
          const p = newPromise();
          const { resolve } = resolvingFunctions(h, p);
          this.setImmediate([native("resolve", () => (resolve(a[0]), undefined))], at);
          return p;
        }),
      });
    const path = () =>
      hostObject("path", {
        sep: "/",
        join: native("path.join", (a, at) => {
          const parts = a.map((x) => this.path(x, "path.join", at)).filter((x) => x !== "");
          const joined = parts.join("/");
          if (joined === "") return ".";
          const abs = joined.startsWith("/");
          const n = normalize(abs ? joined : `/${joined}`).slice(1);
          return (abs ? "/" : "") + (n || (abs ? "" : ".")) + (joined.endsWith("/") && n ? "/" : "");
        }),
        resolve: native("path.resolve", (a, at) => {
          let acc = APP_DIR;
          for (const x of a) {
            const p = this.path(x, "path.resolve", at);
            acc = p.startsWith("/") ? p : `${acc}/${p}`;
          }
          return normalize(acc);
        }),
        basename: native("path.basename", (a, at) => {
          const b = this.path(a[0], "path.basename", at).replace(/\/+$/, "").replace(/^.*\//, "");
          return typeof a[1] === "string" && b.endsWith(a[1]) && b !== a[1] ? b.slice(0, -a[1].length) : b;
        }),
        dirname: native("path.dirname", (a, at) => {
          const p = this.path(a[0], "path.dirname", at).replace(/\/+$/, "");
          const i = p.lastIndexOf("/");
          return i < 0 ? "." : i === 0 ? "/" : p.slice(0, i);
        }),
        extname: native("path.extname", (a, at) => {
          const b = this.path(a[0], "path.extname", at).replace(/^.*\//, "");
          const i = b.lastIndexOf(".");
          return i <= 0 ? "" : b.slice(i);
        }),
      });
    const util = () =>
      hostObject("util", {
        promisify: native("util.promisify", (a, at) => {
          const f = a[0];
          if (!isCallable(f)) throw new ModelFault("util.promisify needs a function", at);
          if (f.kind === "native" && f.name === "setTimeout") return timersPromises().props.get("setTimeout");
          if (f.kind === "native" && f.name === "setImmediate") return timersPromises().props.get("setImmediate");
          return native(`promisified ${f.name}`, (args, at2) => {
            const p = newPromise();
            const { resolve, reject } = resolvingFunctions(h, p);
            h.call(
              f,
              [
                ...args,
                native(
                  "callback",
                  (r) => (r[0] !== null && r[0] !== undefined ? reject(r[0]) : resolve(r[1]), undefined),
                ),
              ],
              at2,
            );
            return p;
          });
        }),
      });
    return {
      fs: () => fsOnce().fs,
      "fs/promises": () => fsOnce().promises,
      crypto: () => this.cryptoModule(),
      dns: () =>
        hostObject("dns", { lookup: this.poolCallback("dns.lookup", unknown, () => [hostObject("address", {}), 4]) }),
      zlib: () =>
        hostObject("zlib", {
          gzip: this.poolCallback("zlib.gzip", unknown, opaque("Buffer")),
          deflate: this.poolCallback("zlib.deflate", unknown, opaque("Buffer")),
        }),
      timers,
      "timers/promises": timersPromises,
      path,
      util,
    };
  }

  private errorClass(name: string): NativeFn {
    const f = native(name, (a) => makeError(name, a[0] === undefined ? "" : toText(a[0])));
    f.constructs = true;
    return f;
  }

  private clock(name: string): NativeFn {
    // Each reading takes a little time, so a busy-wait loop on the clock advances the model's time.
    return native(name, () => {
      const t = this.now;
      this.work({ nom: 0.1, lo: 0.1, hi: 0.11 });
      return { kind: "time", ms: t };
    });
  }

  private globals(): Record<string, Value> {
    const h = this.interp;
    const modules = this.modules();
    const loaded = new Map<string, ObjectValue>();
    const promiseCtor = native("Promise", (args, at) => {
      const executor = args[0];
      if (!isCallable(executor)) throw new ModelFault("TypeError: Promise resolver is not a function", at);
      const p = newPromise();
      const { resolve, reject } = resolvingFunctions(h, p);
      try {
        h.call(
          executor,
          [native("resolve", (a) => (resolve(a[0]), undefined)), native("reject", (a) => (reject(a[0]), undefined))],
          at,
        );
      } catch (e) {
        if (e instanceof JsThrow) reject(e.value);
        else throw e;
      }
      return p;
    });
    promiseCtor.constructs = true;
    const arrayArg = (api: string, a: Value[], at: Pos): Value[] => {
      const items = a[0];
      if (typeof items !== "object" || items === null || items.kind !== "array")
        throw new ModelFault(`${api} needs an array`, at);
      return items.items;
    };
    promiseCtor.props = new Map<string, Value>([
      ["resolve", native("Promise.resolve", (a) => promiseResolve(h, a[0]))],
      ["reject", native("Promise.reject", (a) => rejectedPromise(h, a[0]))],
      ["all", native("Promise.all", (a, at) => promiseAll(h, arrayArg("Promise.all", a, at)))],
      [
        "allSettled",
        native("Promise.allSettled", (a, at) => promiseAllSettled(h, arrayArg("Promise.allSettled", a, at))),
      ],
      ["race", native("Promise.race", (a, at) => promiseRace(h, arrayArg("Promise.race", a, at)))],
    ]);
    const timers = modules.timers!();
    const moduleObject = hostObject("module", { exports: { kind: "object", props: new Map() } });
    const num = (v: Value, at: Pos): number => {
      if (typeof v === "number") return v;
      if (typeof v === "object" && v !== null && v.kind === "time") return v.ms;
      if (typeof v === "object" && v !== null) throw new ModelFault("Math functions take numbers", at);
      return Number(v);
    };
    const mathFn = (name: string, f: (...x: number[]) => number) =>
      native(`Math.${name}`, (a, at) => {
        const r = f(...a.map((x) => num(x, at)));
        return a.some((x) => typeof x === "object" && x !== null && x.kind === "time") ? { kind: "time", ms: r } : r;
      });
    const math = hostObject("Math", {
      PI: Math.PI,
      random: native("Math.random", (_a, at) => {
        throw new ModelFault("Math.random() is not supported: the output would differ on every run", at);
      }),
    });
    for (const name of ["max", "min", "floor", "ceil", "round", "abs", "pow", "sqrt", "trunc", "sign"] as const) {
      math.props.set(name, mathFn(name, Math[name] as (...x: number[]) => number));
    }
    const objectCtor = native("Object", (a) => a[0]);
    objectCtor.constructs = true;
    const plain = (v: Value, api: string, at: Pos) => {
      if (typeof v !== "object" || v === null || v.kind !== "object" || v.host)
        throw new ModelFault(`${api} is supported on plain objects`, at);
      return v;
    };
    objectCtor.props = new Map<string, Value>([
      [
        "keys",
        native("Object.keys", (a, at) => ({ kind: "array", items: [...plain(a[0], "Object.keys", at).props.keys()] })),
      ],
      [
        "values",
        native("Object.values", (a, at) => ({
          kind: "array",
          items: [...plain(a[0], "Object.values", at).props.values()],
        })),
      ],
      [
        "entries",
        native("Object.entries", (a, at) => ({
          kind: "array",
          items: [...plain(a[0], "Object.entries", at).props].map(([k, v]) => ({ kind: "array", items: [k, v] })),
        })),
      ],
      [
        "assign",
        native("Object.assign", (a, at) => {
          const target = plain(a[0], "Object.assign", at);
          for (const src of a.slice(1))
            for (const [k, v] of plain(src, "Object.assign", at).props) target.props.set(k, v);
          return target;
        }),
      ],
      ["freeze", native("Object.freeze", (a) => a[0])],
    ]);
    const arrayCtor = native("Array", (a) => ({ kind: "array", items: [...a] }));
    arrayCtor.constructs = true;
    arrayCtor.props = new Map<string, Value>([
      ["isArray", native("Array.isArray", (a) => typeof a[0] === "object" && a[0] !== null && a[0].kind === "array")],
      [
        "from",
        native("Array.from", (a, at) => {
          const src = a[0];
          let items: Value[];
          if (typeof src === "string") items = [...src];
          else if (typeof src === "object" && src !== null && src.kind === "array") items = [...src.items];
          else if (
            typeof src === "object" &&
            src !== null &&
            src.kind === "object" &&
            typeof src.props.get("length") === "number"
          ) {
            const n = src.props.get("length") as number;
            if (n > 100_000) throw new ModelFault("Array.from with more than 100000 items is not supported", at);
            items = new Array<Value>(n).fill(undefined);
          } else throw new ModelFault("Array.from is supported on arrays, strings and { length: n }", at);
          const f = a[1];
          return { kind: "array", items: f === undefined ? items : items.map((x, i) => h.call(f, [x, i], at)) };
        }),
      ],
    ]);
    const toJson = (v: Value, at: Pos): unknown => {
      if (typeof v !== "object" || v === null) return v;
      if (v.kind === "array") return v.items.map((x) => toJson(x, at) ?? null);
      if (v.kind === "object" && !v.host) {
        if (v.errorClass) return {};
        return Object.fromEntries(
          [...v.props].filter(([, x]) => !isCallable(x) && x !== undefined).map(([k, x]) => [k, toJson(x, at)]),
        );
      }
      if (v.kind === "closure" || v.kind === "native") return undefined;
      throw new ModelFault("JSON.stringify is supported on plain data (objects, arrays, strings, numbers)", at);
    };
    const fromJson = (v: unknown): Value => {
      if (Array.isArray(v)) return { kind: "array", items: v.map(fromJson) };
      if (typeof v === "object" && v !== null)
        return { kind: "object", props: new Map(Object.entries(v).map(([k, x]) => [k, fromJson(x)])) };
      return v as Value;
    };
    const json = hostObject("JSON", {
      stringify: native("JSON.stringify", (a, at) => {
        const indent = a[2];
        if (a[1] !== undefined && a[1] !== null) throw new ModelFault("JSON.stringify replacers are not supported", at);
        return JSON.stringify(
          toJson(a[0], at),
          null,
          typeof indent === "number" || typeof indent === "string" ? indent : undefined,
        ) as Value;
      }),
      parse: native("JSON.parse", (a) => {
        try {
          return fromJson(JSON.parse(toText(a[0])));
        } catch (e) {
          if (e instanceof SyntaxError) return jsError("SyntaxError", e.message);
          throw e;
        }
      }),
    });
    const bufferCtor = native("Buffer", (_a, at) => {
      throw new ModelFault("use Buffer.from or Buffer.alloc", at);
    });
    bufferCtor.props = new Map<string, Value>([
      [
        "from",
        native("Buffer.from", (a, at) => {
          const v = a[0];
          if (typeof v === "string") {
            if (a[1] !== undefined && a[1] !== "utf8" && a[1] !== "utf-8")
              throw new ModelFault("Buffer.from is supported with utf8 strings", at);
            return bufferOf(v);
          }
          if (typeof v === "object" && v !== null && v.kind === "array") {
            return {
              kind: "buffer",
              bytes: Uint8Array.from(v.items.map((x) => (typeof x === "number" ? x & 255 : 0))),
              length: v.items.length,
              what: "a buffer",
            };
          }
          throw new ModelFault("Buffer.from is supported with a string or an array of bytes", at);
        }),
      ],
      [
        "alloc",
        native("Buffer.alloc", (a, at) => {
          if (typeof a[0] !== "number" || a[0] < 0 || a[0] > 10_000_000)
            throw new ModelFault("Buffer.alloc needs a size up to 10000000", at);
          return { kind: "buffer", bytes: new Uint8Array(a[0]), length: a[0], what: "a buffer" };
        }),
      ],
      ["byteLength", native("Buffer.byteLength", (a) => utf8Length(toText(a[0])))],
      [
        "isBuffer",
        native("Buffer.isBuffer", (a) => typeof a[0] === "object" && a[0] !== null && a[0].kind === "buffer"),
      ],
    ]);
    const stringFn = native("String", (a) => (a.length === 0 ? "" : toText(a[0])));
    const numberFn = native("Number", (a, at) => {
      const v = a[0];
      if (typeof v === "object" && v !== null && v.kind === "time") return v;
      if (typeof v === "object" && v !== null) throw new ModelFault("Number() of an object is not supported", at);
      return Number(v);
    });
    const dateCtor = native("Date", (_a, at) => {
      throw new ModelFault(
        "new Date() is not supported: the output would differ on every run (Date.now() works for measuring)",
        at,
      );
    });
    dateCtor.constructs = true;
    dateCtor.props = new Map<string, Value>([["now", this.clock("Date.now")]]);
    const noop = native("console.error", () => undefined);
    return {
      console: hostObject("console", {
        log: native("console.log", (a, at) => this.log(a, at)),
        info: native("console.info", (a, at) => this.log(a, at)),
        debug: native("console.debug", (a, at) => this.log(a, at)),
        // stderr is not part of the modelled output (stdout).
        error: noop,
        warn: noop,
      }),
      process: hostObject("process", {
        nextTick: native("process.nextTick", (a, at) => {
          const [fn, ...rest] = a;
          this.requireFunction(fn, "process.nextTick", at);
          this.nextTicks.push({ fn, args: rest });
          return undefined;
        }),
        exit: native("process.exit", (a) => {
          throw new ProgramExit(
            typeof a[0] === "number" ? a[0] : 0,
            `process.exit(${typeof a[0] === "number" ? a[0] : ""}) ends the process`,
          );
        }),
      }),
      queueMicrotask: native("queueMicrotask", (a, at) => {
        const fn = a[0];
        this.requireFunction(fn, "queueMicrotask", at);
        this.microtasks.push({ run: () => void h.call(fn, []), source: "queueMicrotask callback" });
        return undefined;
      }),
      setTimeout: timers.props.get("setTimeout"),
      setInterval: timers.props.get("setInterval"),
      setImmediate: timers.props.get("setImmediate"),
      clearTimeout: timers.props.get("clearTimeout"),
      clearInterval: timers.props.get("clearInterval"),
      clearImmediate: timers.props.get("clearImmediate"),
      Promise: promiseCtor,
      Error: this.errorClass("Error"),
      TypeError: this.errorClass("TypeError"),
      RangeError: this.errorClass("RangeError"),
      SyntaxError: this.errorClass("SyntaxError"),
      Math: math,
      JSON: json,
      Object: objectCtor,
      Array: arrayCtor,
      Buffer: bufferCtor,
      String: stringFn,
      Number: numberFn,
      Boolean: native("Boolean", (a) => truthy(a[0])),
      parseInt: native("parseInt", (a) => parseInt(toText(a[0]), typeof a[1] === "number" ? a[1] : undefined)),
      parseFloat: native("parseFloat", (a) => parseFloat(toText(a[0]))),
      isNaN: native("isNaN", (a, at) => Number.isNaN(num(a[0], at))),
      Date: dateCtor,
      performance: hostObject("performance", { now: this.clock("performance.now") }),
      require: native("require", (a, at) => {
        const raw = a[0];
        if (typeof raw !== "string") throw new ModelFault("require needs a string literal", at);
        const name = raw.replace(/^node:/, "");
        const make = modules[name];
        if (!make)
          throw new ModelFault(
            `require('${raw}') is not supported (supported: ${Object.keys(modules).join(", ")})`,
            at,
          );
        if (!loaded.has(name)) {
          if (name === "crypto") this.fixedWork(WORK.cryptoLoad);
          if (name === "zlib" || name === "dns") this.fixedWork(WORK.moduleLoad);
          loaded.set(name, make());
        }
        return loaded.get(name);
      }),
      module: moduleObject,
      exports: moduleObject.props.get("exports"),
      __filename: this.filename,
      __dirname: this.filename.replace(/\/[^/]*$/, "") || "/",
    };
  }

  private promiseMethod(p: PromiseValue, key: string, at: Pos): Value {
    const h = this.interp;
    switch (key) {
      case "then":
        return native("then", (a) => promiseThen(h, p, a[0], a[1]));
      case "catch":
        return native("catch", (a) => promiseThen(h, p, undefined, a[0]));
      case "finally":
        return native("finally", (a) => promiseFinally(h, p, a[0]));
      default:
        throw new ModelFault(`Promise.prototype.${key} is not supported`, at);
    }
  }
}
