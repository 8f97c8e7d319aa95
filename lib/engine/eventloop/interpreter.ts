// Tree-walking evaluator for the subset. Evaluation functions are generators so that `await` can
// suspend an async function: the only thing ever yielded is the awaited value, and the async-function
// driver resumes the generator from a promise reaction (a microtask), exactly as V8 does.
import type { Expr, FunctionNode, Pos, Stmt } from "./ast";
import { arrayMethod, bufferMethod, numberMethod, stringMethod } from "./builtins";
import { newPromise, performThen, promiseResolve, resolvingFunctions, type PromiseHost } from "./promises";
import {
  Env,
  inspect,
  isCallable,
  JsThrow,
  makeError,
  ModelFault,
  toText,
  truthy,
  typeOf,
  type Closure,
  type Value,
} from "./values";
import { chargeWork } from "../work";

type Eval<T> = Generator<Value, T, Value>;
type Completion = { type: "normal" } | { type: "return"; value: Value } | { type: "break" } | { type: "continue" };

/** Throws a JavaScript exception the program can catch (and that crashes Node when nobody does). */
export function jsError(errorClass: string, message: string): never {
  throw new JsThrow(makeError(errorClass, message));
}

export interface InterpreterLimits {
  /** Evaluation steps per run (statements + expressions). */
  maxSteps: number;
  maxCallDepth: number;
  /** Iterations of a single for/while loop. */
  maxLoopIterations: number;
}

/** Names of real APIs the model does not implement, so that using one gives a clear refusal. */
const KNOWN_UNSUPPORTED = new Set([
  "fetch",
  "Worker",
  "MessageChannel",
  "Atomics",
  "SharedArrayBuffer",
  "structuredClone",
  "globalThis",
  "global",
  "Symbol",
  "Reflect",
  "Proxy",
  "eval",
  "Function",
  "Map",
  "Set",
  "WeakMap",
  "WeakSet",
  "WeakRef",
  "FinalizationRegistry",
  "AbortController",
  "EventEmitter",
  "TextEncoder",
  "TextDecoder",
]);

export class Interpreter implements PromiseHost {
  steps = 0;
  private depth = 0;
  /** Synchronous CPU work the program does (a long empty loop): nominal ms and its bounds as factors. */
  onWork: (ms: number, what: string) => void = () => undefined;

  constructor(
    readonly globals: Env,
    private readonly limits: InterpreterLimits,
    private readonly queueMicrotask: (run: () => void, source: string) => void,
    private readonly onRejection: (p: import("./values").PromiseValue, handled: boolean) => void,
  ) {}

  /**
   * Microtask turns an await on a settled native promise takes: 1 in V8 since 7.2 (Node 12); 0 and 2 are
   * the misconceptions "await resumes at once" and "await costs an extra turn" (EventLoopOptions.belief).
   */
  awaitTurns: 0 | 1 | 2 = 1;

  enqueueMicrotask(run: () => void, source: string): void {
    this.queueMicrotask(run, source);
  }

  trackRejection(p: import("./values").PromiseValue, handled: boolean): void {
    this.onRejection(p, handled);
  }

  private tick(at: Pos): void {
    chargeWork();
    if (++this.steps > this.limits.maxSteps) {
      throw new ModelFault(
        `the program runs more than ${this.limits.maxSteps} evaluation steps (runaway loop or recursion?)`,
        at,
      );
    }
  }

  /** Runs top-level statements synchronously. */
  runProgram(body: Stmt[]): void {
    const env = new Env(this.globals, true);
    runToEnd(this.block(body, env), { line: 1, col: 1 });
  }

  call(f: Value, args: Value[], at: Pos = { line: 0, col: 0 }): Value {
    if (!isCallable(f))
      jsError("TypeError", `${typeOf(f) === "undefined" ? "undefined" : inspectSafe(f)} is not a function`);
    if (f.kind === "native") return f.call(args, at);
    if (++this.depth > this.limits.maxCallDepth) {
      this.depth = 0;
      throw new ModelFault(`call depth exceeds ${this.limits.maxCallDepth} (unbounded recursion?)`, at);
    }
    try {
      if (f.fn.isAsync) return this.startAsync(f, args);
      return runToEnd(this.invoke(f, args), at);
    } finally {
      this.depth--;
    }
  }

  private *invoke(f: Closure, args: Value[]): Eval<Value> {
    const env = new Env(f.env, true);
    f.fn.params.forEach((name, i) => env.vars.set(name, { value: args[i], mutable: true }));
    if (f.fn.expr) return yield* this.expr(f.fn.expr, env);
    const c = yield* this.block(f.fn.body ?? [], env, false);
    return c.type === "return" ? c.value : undefined;
  }

  /** An async function runs synchronously up to its first await; the rest continues from microtasks. */
  private startAsync(f: Closure, args: Value[]): Value {
    const result = newPromise();
    const { resolve, reject } = resolvingFunctions(this, result);
    const gen = this.invoke(f, args);
    const step = (mode: "next" | "throw", input: Value): void => {
      let r: IteratorResult<Value, Value>;
      try {
        r = mode === "next" ? gen.next(input) : gen.throw(new JsThrow(input));
      } catch (e) {
        if (e instanceof JsThrow) {
          reject(e.value);
          return;
        }
        throw e;
      }
      if (r.done) {
        resolve(r.value);
        return;
      }
      // V8's await: PerformPromiseThen(PromiseResolve(v), resume, throw) — one tick for a native promise.
      const awaited = promiseResolve(this, r.value);
      if (this.awaitTurns === 0 && awaited.state === "fulfilled") {
        step("next", awaited.value);
        return;
      }
      const resume = (mode: "next" | "throw"): Value =>
        this.awaitTurns === 2
          ? {
              kind: "native",
              name: "await",
              call: (a) => (this.enqueueMicrotask(() => step(mode, a[0]), "await continuation"), undefined),
            }
          : { kind: "native", name: "await", call: (a) => (step(mode, a[0]), undefined) };
      performThen(this, awaited, resume("next"), resume("throw"));
    };
    step("next", undefined);
    return result;
  }

  private hoist(body: Stmt[], env: Env): void {
    for (const s of body) {
      if (s.type === "function") {
        env.vars.set(s.fn.name!, { value: this.closure(s.fn, env), mutable: true });
      }
    }
  }

  private closure(fn: FunctionNode, env: Env, fallbackName = ""): Closure {
    return { kind: "closure", fn, env, name: fn.name ?? fallbackName };
  }

  private *block(body: Stmt[], env: Env, newScope = true): Eval<Completion> {
    const scope = newScope ? new Env(env, false) : env;
    this.hoist(body, scope);
    for (const s of body) {
      const c = yield* this.stmt(s, scope);
      if (c.type !== "normal") return c;
    }
    return { type: "normal" };
  }

  private declare(env: Env, kind: "const" | "let" | "var", name: string, value: Value): void {
    const target = kind === "var" ? env.functionScope() : env;
    target.vars.set(name, { value, mutable: kind !== "const" });
  }

  private *stmt(s: Stmt, env: Env): Eval<Completion> {
    this.tick(s);
    switch (s.type) {
      case "empty":
      case "function":
        return { type: "normal" };
      case "expr":
        yield* this.expr(s.expr, env);
        return { type: "normal" };
      case "return":
        return { type: "return", value: s.arg ? yield* this.expr(s.arg, env) : undefined };
      case "block":
        return yield* this.block(s.body, env);
      case "if":
        if (truthy(yield* this.expr(s.test, env))) return yield* this.stmt(s.cons, new Env(env, false));
        if (s.alt) return yield* this.stmt(s.alt, new Env(env, false));
        return { type: "normal" };
      case "decl":
        for (const d of s.decls) {
          const value = d.init
            ? yield* this.expr(d.init, env, d.target.type === "name" ? d.target.name : "")
            : undefined;
          this.bindTarget(env, s.kind, d.target, value, s);
        }
        return { type: "normal" };
      case "while": {
        let n = 0;
        while (truthy(yield* this.expr(s.test, env))) {
          this.loopGuard(++n, s);
          const c = yield* this.stmt(s.body, new Env(env, false));
          if (c.type === "return") return c;
          if (c.type === "break") break;
        }
        return { type: "normal" };
      }
      case "dowhile": {
        let n = 0;
        do {
          this.loopGuard(++n, s);
          const c = yield* this.stmt(s.body, new Env(env, false));
          if (c.type === "return") return c;
          if (c.type === "break") break;
        } while (truthy(yield* this.expr(s.test, env)));
        return { type: "normal" };
      }
      case "for":
        return yield* this.forLoop(s, env);
      case "forof": {
        const iter = yield* this.expr(s.iter, env);
        let items: Value[];
        if (typeof iter === "string") items = [...iter];
        else if (typeof iter === "object" && iter !== null && iter.kind === "array") items = [...iter.items];
        else throw new ModelFault("for…of is supported over arrays and strings only", s.iter);
        let n = 0;
        for (const item of items) {
          this.loopGuard(++n, s);
          const inner = new Env(env, false);
          this.bindTarget(inner, s.kind, s.target, item, s);
          const c = yield* this.stmt(s.body, inner);
          if (c.type === "return") return c;
          if (c.type === "break") break;
        }
        return { type: "normal" };
      }
      case "break":
        return { type: "break" };
      case "continue":
        return { type: "continue" };
      case "throw":
        throw new JsThrow(yield* this.expr(s.arg, env));
      case "try":
        return yield* this.tryStatement(s, env);
    }
  }

  private *tryStatement(s: Extract<Stmt, { type: "try" }>, env: Env): Eval<Completion> {
    let completion: Completion;
    let pending: JsThrow | undefined;
    try {
      completion = yield* this.block(s.block, env);
    } catch (e) {
      if (!(e instanceof JsThrow)) throw e;
      completion = { type: "normal" };
      pending = e;
    }
    if (pending && s.handler) {
      const thrown = pending;
      pending = undefined;
      const catchEnv = new Env(env, false);
      if (s.param) catchEnv.vars.set(s.param, { value: thrown.value, mutable: true });
      try {
        completion = yield* this.block(s.handler, catchEnv);
      } catch (e) {
        if (!(e instanceof JsThrow)) throw e;
        pending = e;
      }
    }
    if (s.finalizer) {
      const f = yield* this.block(s.finalizer, env);
      // A return/break in finally overrides the pending exception, as in JavaScript.
      if (f.type !== "normal") return f;
    }
    if (pending) throw pending;
    return completion;
  }

  private bindTarget(
    env: Env,
    kind: "const" | "let" | "var",
    target: import("./ast").DeclTarget,
    value: Value,
    at: Pos,
  ): void {
    if (target.type === "name") {
      this.declare(env, kind, target.name, value);
    } else if (target.type === "pattern") {
      for (const { key, local } of target.names) this.declare(env, kind, local, this.getProperty(value, key, at));
    } else {
      if (typeof value !== "object" || value === null || value.kind !== "array") {
        if (typeof value !== "string")
          throw new ModelFault("array destructuring is supported for arrays and strings only", at);
      }
      const items = typeof value === "string" ? [...value] : (value as { items: Value[] }).items;
      target.names.forEach((name, i) => {
        if (name !== null) this.declare(env, kind, name, items[i]);
      });
    }
  }

  private loopGuard(n: number, at: Pos): void {
    if (n > this.limits.maxLoopIterations) {
      throw new ModelFault(
        `a loop runs more than ${this.limits.maxLoopIterations} iterations (the model supports small constant loops)`,
        at,
      );
    }
  }

  private *forLoop(s: Extract<Stmt, { type: "for" }>, env: Env): Eval<Completion> {
    // `let` gets a fresh binding per iteration (closures see 0, 1, 2); `var` shares one (closures see 3, 3, 3).
    const perIteration = s.init?.type === "decl" && s.init.kind !== "var";
    let loopEnv = new Env(env, false);
    if (s.init) yield* this.stmt(s.init, loopEnv);
    if (this.emptyCountingLoop(s, loopEnv)) return { type: "normal" };
    let n = 0;
    for (;;) {
      if (s.test && !truthy(yield* this.expr(s.test, loopEnv))) break;
      this.loopGuard(++n, s);
      const c = yield* this.stmt(s.body, new Env(loopEnv, false));
      if (c.type === "return") return c;
      if (c.type === "break") break;
      if (perIteration) {
        const next = new Env(env, false);
        for (const [k, b] of loopEnv.vars) next.vars.set(k, { ...b });
        loopEnv = next;
      }
      if (s.update) yield* this.expr(s.update, loopEnv);
    }
    return { type: "normal" };
  }

  /**
   * A busy loop that only counts (`for (let i = 0; i < 1e8; i++) {}`) is CPU work, not steps: it is
   * charged as time (calibrated per iteration, see docs) instead of being run, so it cannot hit the
   * iteration bound. Anything with a body runs normally.
   */
  private emptyCountingLoop(s: Extract<Stmt, { type: "for" }>, loopEnv: Env): boolean {
    const body = s.body;
    if (!(body.type === "empty" || (body.type === "block" && body.body.length === 0))) return false;
    const t = s.test;
    const u = s.update;
    if (!t || t.type !== "binary" || (t.op !== "<" && t.op !== "<=") || t.left.type !== "ident") return false;
    const name = t.left.name;
    if (!u || u.type !== "update" || u.op !== "++" || u.target.type !== "ident" || u.target.name !== name) return false;
    if (
      t.right.type !== "num" &&
      !(t.right.type === "binary" && t.right.left.type === "num" && t.right.right.type === "num")
    )
      return false;
    const b = loopEnv.vars.get(name);
    if (!b || typeof b.value !== "number") return false;
    const limit = runToEnd(this.expr(t.right, loopEnv), t);
    if (typeof limit !== "number") return false;
    const end = t.op === "<" ? Math.ceil(limit) : Math.floor(limit) + 1;
    const count = Math.max(0, end - b.value);
    if (count <= this.limits.maxLoopIterations) return false;
    b.value = Math.max(b.value, end);
    this.onWork((count * EMPTY_LOOP_NS_PER_ITERATION) / 1e6, `an empty loop of ${count} iterations`);
    return true;
  }

  getProperty(obj: Value, key: string, at: Pos): Value {
    if (obj === undefined || obj === null)
      jsError("TypeError", `Cannot read properties of ${String(obj)} (reading '${key}')`);
    if (typeof obj === "string") {
      if (key === "length") return obj.length;
      if (/^\d+$/.test(key)) return obj[Number(key)];
      return stringMethod(this, obj, key, at);
    }
    if (typeof obj === "number") return numberMethod(obj, key, at);
    if (typeof obj !== "object") throw new ModelFault(`property '${key}' of a ${typeof obj} is not supported`, at);
    switch (obj.kind) {
      case "array":
        if (key === "length") return obj.items.length;
        if (/^\d+$/.test(key)) return obj.items[Number(key)];
        return arrayMethod(this, obj, key, at);
      case "buffer":
        return bufferMethod(obj, key, at);
      case "time":
        throw new ModelFault(`property '${key}' of a time value is not supported`, at);
      case "object":
        if (obj.props.has(key)) return obj.props.get(key);
        if (obj.errorClass && key === "stack") {
          throw new ModelFault(
            "err.stack is not supported: it names files and lines on the machine (use err.message)",
            at,
          );
        }
        if (obj.host) throw new ModelFault(`${obj.host}.${key} is not supported by the event-loop model`, at);
        return undefined;
      case "promise":
        return this.promiseMethod(obj, key, at);
      case "closure":
      case "native":
        if (obj.kind === "native" && obj.props?.has(key)) return obj.props.get(key);
        if (key === "name") return obj.name;
        throw new ModelFault(`function property '${key}' is not supported`, at);
    }
  }

  /** Filled in by the runtime, which owns then/catch/finally. */
  promiseMethod: (p: import("./values").PromiseValue, key: string, at: Pos) => Value = (_p, key, at) => {
    throw new ModelFault(`Promise.prototype.${key} is not supported`, at);
  };

  private *expr(e: Expr, env: Env, nameHint = ""): Eval<Value> {
    this.tick(e);
    switch (e.type) {
      case "num":
      case "str":
      case "bool":
        return e.value;
      case "null":
        return null;
      case "template": {
        let text = e.quasis[0]!;
        for (let i = 0; i < e.exprs.length; i++) {
          text += toText(yield* this.expr(e.exprs[i]!, env)) + e.quasis[i + 1]!;
        }
        return text;
      }
      case "ident": {
        const b = env.lookup(e.name);
        if (b) return b.value;
        if (e.name === "undefined") return undefined;
        if (e.name === "NaN") return NaN;
        if (e.name === "Infinity") return Infinity;
        if (KNOWN_UNSUPPORTED.has(e.name))
          throw new ModelFault(`${e.name} is not supported by the event-loop model`, e);
        return jsError("ReferenceError", `${e.name} is not defined`);
      }
      case "member": {
        const obj = yield* this.expr(e.object, env);
        const key = e.computed ? toText(yield* this.expr(e.computed, env)) : e.property;
        return this.getProperty(obj, key, e);
      }
      case "func":
        return this.closure(e.fn, env, nameHint);
      case "call": {
        const f = yield* this.expr(e.callee, env);
        const args = yield* this.list(e.args, env);
        if (!isCallable(f)) jsError("TypeError", `${describeCallee(e.callee)} is not a function`);
        return this.call(f, args, e);
      }
      case "new": {
        const f = yield* this.expr(e.callee, env);
        const args = yield* this.list(e.args, env);
        if (typeof f === "object" && f !== null && f.kind === "native" && f.constructs) return f.call(args, e);
        throw new ModelFault(`'new ${describeCallee(e.callee)}' is not supported (only new Promise and new Error)`, e);
      }
      case "spread":
        throw new ModelFault("spread (...) is supported in calls and array literals only", e);
      case "await": {
        const v = yield* this.expr(e.arg, env);
        return yield v;
      }
      case "unary": {
        if (e.op === "typeof" && e.arg.type === "ident" && !env.lookup(e.arg.name)) return "undefined";
        const v = yield* this.expr(e.arg, env);
        if (e.op === "!") return !truthy(v);
        if (e.op === "typeof") return typeOf(v);
        if (typeof v === "object" && v !== null && v.kind === "time")
          return { kind: "time", ms: e.op === "-" ? -v.ms : v.ms };
        const n = primitive(v, e);
        return e.op === "-" ? -(n as number) : +(n as number);
      }
      case "binary":
        return yield* this.binary(e, env);
      case "cond":
        return truthy(yield* this.expr(e.test, env)) ? yield* this.expr(e.cons, env) : yield* this.expr(e.alt, env);
      case "array":
        return { kind: "array", items: yield* this.list(e.elements, env) };
      case "object": {
        const props = new Map<string, Value>();
        for (const p of e.props) props.set(p.key, yield* this.expr(p.value, env, p.key));
        return { kind: "object", props };
      }
      case "assign": {
        const rhs = yield* this.expr(e.value, env, e.target.type === "ident" ? e.target.name : "");
        if (e.op === "=") {
          yield* this.assign(e.target, env, rhs);
          return rhs;
        }
        const old = yield* this.expr(e.target, env);
        const value = arithmetic(e.op.slice(0, -1), old, rhs, e);
        yield* this.assign(e.target, env, value);
        return value;
      }
      case "update": {
        const old = primitive(yield* this.expr(e.target, env), e) as number;
        const value = e.op === "++" ? old + 1 : old - 1;
        yield* this.assign(e.target, env, value);
        return e.prefix ? value : old;
      }
    }
  }

  /** Arguments or array elements, with `...spread` of arrays and strings. */
  private *list(exprs: Expr[], env: Env): Eval<Value[]> {
    const out: Value[] = [];
    for (const x of exprs) {
      if (x.type !== "spread") {
        out.push(yield* this.expr(x, env));
        continue;
      }
      const v = yield* this.expr(x.arg, env);
      if (typeof v === "string") out.push(...v);
      else if (typeof v === "object" && v !== null && v.kind === "array") out.push(...v.items);
      else throw new ModelFault("spread (...) is supported over arrays and strings only", x);
    }
    return out;
  }

  private *assign(target: Expr, env: Env, value: Value): Eval<void> {
    if (target.type === "ident") {
      const b = env.lookup(target.name);
      if (!b) return jsError("ReferenceError", `${target.name} is not defined`);
      if (!b.mutable) return jsError("TypeError", "Assignment to constant variable.");
      b.value = value;
      return;
    }
    if (target.type === "member") {
      const obj = yield* this.expr(target.object, env);
      const key = target.computed ? toText(yield* this.expr(target.computed, env)) : target.property;
      if (typeof obj === "object" && obj !== null && obj.kind === "object" && !obj.host) {
        obj.props.set(key, value);
        return;
      }
      if (
        typeof obj === "object" &&
        obj !== null &&
        obj.kind === "array" &&
        /^\d+$/.test(key) &&
        Number(key) <= obj.items.length
      ) {
        obj.items[Number(key)] = value;
        return;
      }
      if (
        typeof obj === "object" &&
        obj !== null &&
        obj.kind === "object" &&
        obj.host === "module" &&
        key === "exports"
      )
        return;
      throw new ModelFault(`assigning to property '${key}' here is not supported`, target);
    }
    throw new ModelFault("invalid assignment target", target);
  }

  private *binary(e: Extract<Expr, { type: "binary" }>, env: Env): Eval<Value> {
    const left = yield* this.expr(e.left, env);
    if (e.op === "&&") return truthy(left) ? yield* this.expr(e.right, env) : left;
    if (e.op === "||") return truthy(left) ? left : yield* this.expr(e.right, env);
    if (e.op === "??") return left === undefined || left === null ? yield* this.expr(e.right, env) : left;
    const right = yield* this.expr(e.right, env);
    if (e.op === "instanceof") return instanceOf(left, right, e);
    if (e.op === "===" || e.op === "!==") {
      const same = isTime(left) && isTime(right) ? left.ms === right.ms : left === right;
      return e.op === "===" ? same : !same;
    }
    return arithmetic(e.op, left, right, e);
  }
}

function describeCallee(e: Expr): string {
  if (e.type === "ident") return e.name;
  if (e.type === "member" && !e.computed) return `${describeCallee(e.object)}.${e.property}`;
  return "expression";
}

function inspectSafe(v: Value): string {
  try {
    return inspect(v);
  } catch {
    return typeOf(v);
  }
}

type Primitive = string | number | boolean | null | undefined;

/** Calibrated cost of one iteration of an empty counting loop in Node 20 (see docs: 0.34–0.60 ns). */
export const EMPTY_LOOP_NS_PER_ITERATION = 0.5;

function isTime(v: Value): v is { kind: "time"; ms: number } {
  return typeof v === "object" && v !== null && v.kind === "time";
}

function instanceOf(left: Value, right: Value, at: Pos): boolean {
  if (typeof right !== "object" || right === null || right.kind !== "native" || !right.constructs) {
    throw new ModelFault("instanceof is supported with Error classes, Promise and Array only", at);
  }
  if (typeof left !== "object" || left === null) return false;
  if (right.name === "Promise") return left.kind === "promise";
  if (right.name === "Array") return left.kind === "array";
  if (right.name === "Object") return left.kind !== "closure" && left.kind !== "native";
  if (left.kind !== "object" || !left.errorClass) return false;
  return right.name === "Error" || right.name === left.errorClass;
}

function primitive(v: Value, at: Pos): Primitive {
  if (typeof v === "object" && v !== null) {
    if (v.kind === "array") return toText(v);
    if (v.kind === "object" && (v.errorClass || !v.host)) return toText(v);
    if (v.kind === "buffer") return toText(v);
    throw new ModelFault("arithmetic on objects, functions or promises is not supported", at);
  }
  return v;
}

/** Binary operators on primitives, delegated to the host JavaScript so that coercions match exactly. */
function arithmetic(op: string, l: Value, r: Value, at: Pos): Value {
  if (isTime(l) || isTime(r)) {
    // Clock arithmetic stays a clock value (printing it is refused); comparisons use nominal time.
    const x = isTime(l) ? l.ms : primitive(l, at);
    const y = isTime(r) ? r.ms : primitive(r, at);
    if (typeof x !== "number" || typeof y !== "number")
      throw new ModelFault(
        "mixing a time from Date.now() with text is not supported (the text would differ on every run)",
        at,
      );
    const result = arithmetic(op, x, y, at);
    return typeof result === "number" ? { kind: "time", ms: result } : result;
  }
  const a = primitive(l, at) as never;
  const b = primitive(r, at) as never;
  switch (op) {
    case "+":
      return (a as unknown as string) + (b as unknown as string);
    case "-":
      return a - b;
    case "*":
      return a * b;
    case "/":
      return a / b;
    case "%":
      return a % b;
    case "**":
      return (a as number) ** (b as number);
    case "<":
      return a < b;
    case ">":
      return a > b;
    case "<=":
      return a <= b;
    case ">=":
      return a >= b;
    case "==":
      return (a as unknown) == (b as unknown);
    case "!=":
      return (a as unknown) != (b as unknown);
  }
  throw new ModelFault(`operator '${op}' is not supported`, at);
}

function runToEnd<T>(gen: Eval<T>, at: Pos): T {
  const r = gen.next();
  if (!r.done) throw new ModelFault("internal: await outside an async function", at);
  return r.value;
}
