// One run of a program on a model of Node 20's event loop (libuv ≥ 1.45 phase order: timers → pending →
// poll → check → close), with every timing-dependent decision delegated to `choose`. The explorer in
// model.ts replays the program under every sequence of choices to collect all possible outputs.
import type { Pos, Program } from "./ast";
import { Interpreter } from "./interpreter";
import { newPromise, promiseAll, promiseFinally, promiseResolve, promiseThen, rejectedPromise, resolvingFunctions } from "./promises";
import type { EventLoopLine, EventLoopQueue, EventLoopStage } from "./types";
import {
  Env,
  hostObject,
  inspect,
  isCallable,
  JsThrow,
  ModelFault,
  native,
  type ObjectValue,
  type PromiseValue,
  type Value,
} from "./values";

export interface RunLimits {
  threadPoolSize: number;
  maxLoopJitterMs: number;
  maxSteps: number;
  maxLoopIterations: number;
  maxCallbacksPerDrain: number;
  maxCallDepth: number;
  maxForIterations: number;
  maxOutputLines: number;
}

/** Picks one of `n` options (0 = the usual outcome on an idle machine); `why` explains the choice point. */
export type Chooser = (n: number, why: string) => number;

interface Timer {
  fn: Value;
  args: Value[];
  idleStart: number;
  source: string;
  cleared: boolean;
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
interface IoOp {
  source: string;
  deliver: () => void;
  completed: boolean;
}
interface Context {
  queue: EventLoopQueue;
  during: EventLoopStage;
  source: string;
}

// Node caps timer delays at 2^31 - 1 ms; anything outside [1, cap] (including 0 and NaN) becomes 1.
const TIMEOUT_MAX = 2 ** 31 - 1;

export const WHY_TIMER = "whether a timer's delay has already elapsed when the loop reaches the timers phase depends on how long startup and each loop turn take";
export const WHY_IO = "when a thread-pool operation (fs, dns.lookup, crypto, zlib) completes relative to other callbacks depends on the operating system";

export class LoopRuntime {
  readonly lines: EventLoopLine[] = [];
  private now = 0;
  private timerListId = 0;
  private readonly lists = new Map<number, TimerList>();
  private immediates: Immediate[] = [];
  private readonly io: IoOp[] = [];
  private nextTicks: { fn: Value; args: Value[] }[] = [];
  private microtasks: { run: () => void; source: string }[] = [];
  private readonly unhandled = new Set<PromiseValue>();
  private ctx: Context = { queue: "main", during: "main", source: "main script" };
  private readonly interp: Interpreter;

  constructor(
    private readonly limits: RunLimits,
    private readonly choose: Chooser,
    private readonly filename: string,
  ) {
    const globals = new Env(null, true);
    this.interp = new Interpreter(
      globals,
      { maxSteps: limits.maxSteps, maxCallDepth: limits.maxCallDepth, maxLoopIterations: limits.maxForIterations },
      (run, source) => this.microtasks.push({ run, source }),
      (p, handled) => (handled ? this.unhandled.delete(p) : this.unhandled.add(p)),
    );
    this.interp.promiseMethod = (p, key, at) => this.promiseMethod(p, key, at);
    for (const [name, value] of Object.entries(this.globals())) globals.vars.set(name, { value, mutable: true });
  }

  run(program: Program): void {
    this.interp.runProgram(program.body);
    this.drainTicks();
    let iteration = 0;
    while (this.alive()) {
      if (++iteration > this.limits.maxLoopIterations) {
        throw new ModelFault(`the event loop turns more than ${this.limits.maxLoopIterations} times (endless setImmediate/setTimeout chain?)`);
      }
      this.advanceClock();
      this.timersPhase();
      this.pollPhase();
      this.checkPhase();
    }
  }

  private alive(): boolean {
    return this.lists.size > 0 || this.immediates.length > 0 || this.io.length > 0;
  }

  // ---- time -------------------------------------------------------------------------------------

  private dueTimes(): number[] {
    const dues = new Set<number>();
    for (const list of this.lists.values()) for (const t of list.timers) dues.add(t.idleStart + list.msecs);
    return [...dues].sort((a, b) => a - b);
  }

  /** A loop turn that did not wait may still have taken up to maxLoopJitterMs: maybe timers became due. */
  private advanceClock(): void {
    const reachable = this.dueTimes().filter((d) => d > this.now && d <= this.now + this.limits.maxLoopJitterMs);
    if (reachable.length === 0) return;
    const options = [...reachable].reverse();
    options.push(this.now);
    this.now = options[this.choose(options.length, WHY_TIMER)]!;
  }

  // ---- callbacks and the nextTick/microtask drain ---------------------------------------------

  private invoke(ctx: Context, fn: Value, args: Value[]): void {
    this.ctx = ctx;
    try {
      this.interp.call(fn, args);
    } catch (e) {
      if (e instanceof JsThrow) throw new ModelFault(`uncaught exception in ${ctx.source}: Node 20 would crash here`);
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
      while (this.microtasks.length > 0) {
        guard();
        const job = this.microtasks.shift()!;
        this.ctx = { queue: "microtask", during, source: job.source };
        try {
          job.run();
        } catch (e) {
          if (e instanceof JsThrow) throw new ModelFault(`uncaught exception in ${job.source}: Node 20 would crash here`);
          throw e;
        }
      }
    } while (this.nextTicks.length > 0);
    if (this.unhandled.size > 0) {
      throw new ModelFault("unhandled promise rejection: Node 20 crashes here (add a .catch or handle the error)");
    }
  }

  private runCallback(ctx: Context, fn: Value, args: Value[]): void {
    this.invoke(ctx, fn, args);
    this.drainTicks();
  }

  // ---- phases -----------------------------------------------------------------------------------

  /** Mirrors processTimers/listOnTimeout in lib/internal/timers.js, including their `now` snapshot. */
  private timersPhase(): void {
    const now = this.now;
    for (;;) {
      let list: TimerList | undefined;
      for (const l of this.lists.values()) {
        if (!list || l.expiry < list.expiry || (l.expiry === list.expiry && l.id < list.id)) list = l;
      }
      if (!list || list.expiry > now) return;
      for (;;) {
        const timer = list.timers[0];
        if (!timer) {
          if (this.lists.get(list.msecs) === list) this.lists.delete(list.msecs);
          break;
        }
        if (now - timer.idleStart < list.msecs) {
          list.expiry = Math.max(timer.idleStart + list.msecs, now + 1);
          list.id = this.timerListId++;
          break;
        }
        list.timers.shift();
        this.runCallback({ queue: "timers", during: "timers", source: timer.source }, timer.fn, timer.args);
      }
    }
  }

  private pollPhase(): void {
    const hasTimers = this.lists.size > 0;
    // libuv polls with timeout 0 when immediates are pending; otherwise it blocks for I/O or the next timer.
    const blocking = this.immediates.length === 0;
    const completed: IoOp[] = [];
    for (;;) {
      const eligible = this.io.filter((op) => !op.completed).slice(0, this.limits.threadPoolSize);
      if (eligible.length === 0) break;
      const mayStop = completed.length > 0 || !blocking || hasTimers;
      const options: (IoOp | null)[] = [...eligible];
      if (mayStop) {
        if (!blocking || completed.length > 0) options.unshift(null);
        else options.push(null);
      }
      const pick = options.length === 1 ? options[0]! : options[this.choose(options.length, WHY_IO)]!;
      if (pick === null) break;
      pick.completed = true;
      completed.push(pick);
    }
    if (completed.length === 0 && blocking && hasTimers) {
      this.now = Math.max(this.now, this.dueTimes()[0]!);
    }
    for (const op of completed) {
      this.io.splice(this.io.indexOf(op), 1);
      this.ctx = { queue: "poll", during: "poll", source: op.source };
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
      this.runCallback({ queue: "check", during: "check", source: "setImmediate callback" }, im.fn, im.args);
    }
  }

  // ---- host API ---------------------------------------------------------------------------------

  private requireFunction(fn: Value, api: string, at: Pos): void {
    if (!isCallable(fn)) throw new ModelFault(`TypeError: ${api} needs a function as its callback`, at);
  }

  private log(args: Value[], at: Pos): Value {
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
      if (this.lines.length >= this.limits.maxOutputLines) throw new ModelFault(`the program prints more than ${this.limits.maxOutputLines} lines`, at);
      this.lines.push({ text: line, ...this.ctx });
    }
    return undefined;
  }

  private setTimeout(args: Value[], at: Pos): Value {
    const [fn, delay, ...rest] = args;
    this.requireFunction(fn, "setTimeout", at);
    let msecs = typeof delay === "number" ? delay : delay === undefined ? 1 : Number(delay);
    if (!(msecs >= 1 && msecs <= TIMEOUT_MAX)) msecs = 1;
    let list = this.lists.get(msecs);
    if (!list) {
      list = { msecs, expiry: this.now + msecs, id: this.timerListId++, timers: [] };
      this.lists.set(msecs, list);
    }
    const timer: Timer = { fn, args: rest, idleStart: this.now, source: `setTimeout(${delay === undefined ? "" : String(delay)}) callback`, cleared: false };
    list.timers.push(timer);
    const handle = hostObject("Timeout", {});
    this.timerHandles.set(handle, timer);
    return handle;
  }

  private readonly timerHandles = new Map<ObjectValue, Timer>();
  private readonly immediateHandles = new Map<ObjectValue, Immediate>();

  private clearTimeout(args: Value[]): Value {
    const handle = args[0];
    if (typeof handle !== "object" || handle === null || handle.kind !== "object") return undefined;
    const timer = this.timerHandles.get(handle);
    if (!timer || timer.cleared) return undefined;
    timer.cleared = true;
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

  /** A thread-pool request: `result` is what the callback receives after the error argument. */
  private poolCallback(api: string, result: () => Value[]) {
    return native(api, (args, at) => {
      const cb = args[args.length - 1];
      if (!isCallable(cb)) throw new ModelFault(`${api} needs a callback function as its last argument`, at);
      this.io.push({
        source: `${api} callback`,
        completed: false,
        deliver: () => this.invoke(this.ctx, cb, [null, ...result()]),
      });
      return undefined;
    });
  }

  /** The promise form of a pool request: the promise settles from a poll-phase completion. */
  private poolPromise(api: string, result: () => Value) {
    return native(api, () => {
      const p = newPromise();
      const { resolve } = resolvingFunctions(this.interp, p);
      this.io.push({ source: `${api} completion`, completed: false, deliver: () => resolve(result()) });
      return p;
    });
  }

  private modules(): Record<string, () => ObjectValue> {
    const contents = () => hostObject("file contents", {});
    const fsPromises = () =>
      hostObject("fs.promises", {
        readFile: this.poolPromise("fs.promises.readFile", contents),
        stat: this.poolPromise("fs.promises.stat", () => hostObject("fs.Stats", {})),
      });
    const fs = () =>
      hostObject("fs", {
        readFile: this.poolCallback("fs.readFile", () => [contents()]),
        stat: this.poolCallback("fs.stat", () => [hostObject("fs.Stats", {})]),
        readdir: this.poolCallback("fs.readdir", () => [hostObject("directory listing", {})]),
        access: this.poolCallback("fs.access", () => []),
        promises: fsPromises(),
      });
    const timers = () =>
      hostObject("timers", {
        setTimeout: native("setTimeout", (a, at) => this.setTimeout(a, at)),
        setImmediate: native("setImmediate", (a, at) => this.setImmediate(a, at)),
        clearTimeout: native("clearTimeout", (a) => this.clearTimeout(a)),
        clearImmediate: native("clearImmediate", (a) => this.clearImmediate(a)),
      });
    return {
      fs,
      "fs/promises": fsPromises,
      crypto: () =>
        hostObject("crypto", {
          pbkdf2: this.poolCallback("crypto.pbkdf2", () => [hostObject("Buffer", {})]),
          scrypt: this.poolCallback("crypto.scrypt", () => [hostObject("Buffer", {})]),
          randomBytes: this.poolCallback("crypto.randomBytes", () => [hostObject("Buffer", {})]),
        }),
      dns: () => hostObject("dns", { lookup: this.poolCallback("dns.lookup", () => [hostObject("address", {}), 4]) }),
      zlib: () =>
        hostObject("zlib", {
          gzip: this.poolCallback("zlib.gzip", () => [hostObject("Buffer", {})]),
          deflate: this.poolCallback("zlib.deflate", () => [hostObject("Buffer", {})]),
        }),
      timers,
    };
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
        h.call(executor, [native("resolve", (a) => (resolve(a[0]), undefined)), native("reject", (a) => (reject(a[0]), undefined))], at);
      } catch (e) {
        if (e instanceof JsThrow) reject(e.value);
        else throw e;
      }
      return p;
    });
    promiseCtor.props = new Map<string, Value>([
      ["resolve", native("Promise.resolve", (a) => promiseResolve(h, a[0]))],
      ["reject", native("Promise.reject", (a) => rejectedPromise(h, a[0]))],
      [
        "all",
        native("Promise.all", (a, at) => {
          const items = a[0];
          if (typeof items !== "object" || items === null || items.kind !== "array") throw new ModelFault("Promise.all needs an array literal", at);
          return promiseAll(h, items.items);
        }),
      ],
    ]);
    const timers = modules.timers!();
    const moduleObject = hostObject("module", { exports: { kind: "object", props: new Map() } });
    return {
      console: hostObject("console", {
        log: native("console.log", (a, at) => this.log(a, at)),
        info: native("console.info", (a, at) => this.log(a, at)),
      }),
      process: hostObject("process", {
        nextTick: native("process.nextTick", (a, at) => {
          const [fn, ...rest] = a;
          this.requireFunction(fn, "process.nextTick", at);
          this.nextTicks.push({ fn, args: rest });
          return undefined;
        }),
      }),
      queueMicrotask: native("queueMicrotask", (a, at) => {
        const fn = a[0];
        this.requireFunction(fn, "queueMicrotask", at);
        this.microtasks.push({ run: () => void h.call(fn, []), source: "queueMicrotask callback" });
        return undefined;
      }),
      setTimeout: timers.props.get("setTimeout"),
      setImmediate: timers.props.get("setImmediate"),
      clearTimeout: timers.props.get("clearTimeout"),
      clearImmediate: timers.props.get("clearImmediate"),
      Promise: promiseCtor,
      require: native("require", (a, at) => {
        const raw = a[0];
        if (typeof raw !== "string") throw new ModelFault("require needs a string literal", at);
        const name = raw.replace(/^node:/, "");
        const make = modules[name];
        if (!make) throw new ModelFault(`require('${raw}') is not supported (supported: ${Object.keys(modules).join(", ")})`, at);
        if (!loaded.has(name)) loaded.set(name, make());
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
