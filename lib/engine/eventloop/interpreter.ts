// Tree-walking evaluator for the subset. Evaluation functions are generators so that `await` can
// suspend an async function: the only thing ever yielded is the awaited value, and the async-function
// driver resumes the generator from a promise reaction (a microtask), exactly as V8 does.
import type { Expr, FunctionNode, Pos, Stmt } from "./ast";
import { newPromise, performThen, promiseResolve, resolvingFunctions, type PromiseHost } from "./promises";
import {
  Env,
  inspect,
  isCallable,
  JsThrow,
  ModelFault,
  toText,
  truthy,
  typeOf,
  type Closure,
  type Value,
} from "./values";
import { chargeWork } from "../work";

type Eval<T> = Generator<Value, T, Value>;
type Completion = { type: "normal" } | { type: "return"; value: Value };

export interface InterpreterLimits {
  /** Evaluation steps per run (statements + expressions). */
  maxSteps: number;
  maxCallDepth: number;
  /** Iterations of a single for/while loop. */
  maxLoopIterations: number;
}

/** Names of real APIs the model does not implement, so that using one gives a clear refusal. */
const KNOWN_UNSUPPORTED = new Set([
  "setInterval", "clearInterval", "fetch", "Worker", "MessageChannel", "Atomics", "SharedArrayBuffer",
  "structuredClone", "Math", "Date", "performance", "JSON", "Buffer", "globalThis", "global", "Symbol",
  "Reflect", "Proxy", "eval", "Function", "Object", "String", "Number", "Array", "Error", "TypeError",
]);

export class Interpreter implements PromiseHost {
  steps = 0;
  private depth = 0;

  constructor(
    readonly globals: Env,
    private readonly limits: InterpreterLimits,
    private readonly queueMicrotask: (run: () => void, source: string) => void,
    private readonly onRejection: (p: import("./values").PromiseValue, handled: boolean) => void,
  ) {}

  enqueueMicrotask(run: () => void, source: string): void {
    this.queueMicrotask(run, source);
  }

  trackRejection(p: import("./values").PromiseValue, handled: boolean): void {
    this.onRejection(p, handled);
  }

  private tick(at: Pos): void {
    chargeWork();
    if (++this.steps > this.limits.maxSteps) {
      throw new ModelFault(`the program runs more than ${this.limits.maxSteps} evaluation steps (runaway loop or recursion?)`, at);
    }
  }

  /** Runs top-level statements synchronously. */
  runProgram(body: Stmt[]): void {
    const env = new Env(this.globals, true);
    runToEnd(this.block(body, env), { line: 1, col: 1 });
  }

  call(f: Value, args: Value[], at: Pos = { line: 0, col: 0 }): Value {
    if (!isCallable(f)) throw new ModelFault(`TypeError: ${typeOf(f) === "undefined" ? "undefined" : inspectSafe(f)} is not a function`, at);
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
      performThen(
        this,
        promiseResolve(this, r.value),
        { kind: "native", name: "await", call: (a) => (step("next", a[0]), undefined) },
        { kind: "native", name: "await", call: (a) => (step("throw", a[0]), undefined) },
      );
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
      if (c.type === "return") return c;
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
          const value = d.init ? yield* this.expr(d.init, env, d.target.type === "name" ? d.target.name : "") : undefined;
          if (d.target.type === "name") {
            this.declare(env, s.kind, d.target.name, value);
          } else {
            for (const { key, local } of d.target.names) this.declare(env, s.kind, local, this.getProperty(value, key, s));
          }
        }
        return { type: "normal" };
      case "while": {
        let n = 0;
        while (truthy(yield* this.expr(s.test, env))) {
          this.loopGuard(++n, s);
          const c = yield* this.stmt(s.body, new Env(env, false));
          if (c.type === "return") return c;
        }
        return { type: "normal" };
      }
      case "for":
        return yield* this.forLoop(s, env);
    }
  }

  private loopGuard(n: number, at: Pos): void {
    if (n > this.limits.maxLoopIterations) {
      throw new ModelFault(`a loop runs more than ${this.limits.maxLoopIterations} iterations (the model supports small constant loops)`, at);
    }
  }

  private *forLoop(s: Extract<Stmt, { type: "for" }>, env: Env): Eval<Completion> {
    // `let` gets a fresh binding per iteration (closures see 0, 1, 2); `var` shares one (closures see 3, 3, 3).
    const perIteration = s.init?.type === "decl" && s.init.kind !== "var";
    let loopEnv = new Env(env, false);
    if (s.init) yield* this.stmt(s.init, loopEnv);
    let n = 0;
    for (;;) {
      if (s.test && !truthy(yield* this.expr(s.test, loopEnv))) break;
      this.loopGuard(++n, s);
      const c = yield* this.stmt(s.body, new Env(loopEnv, false));
      if (c.type === "return") return c;
      if (perIteration) {
        const next = new Env(env, false);
        for (const [k, b] of loopEnv.vars) next.vars.set(k, { ...b });
        loopEnv = next;
      }
      if (s.update) yield* this.expr(s.update, loopEnv);
    }
    return { type: "normal" };
  }

  getProperty(obj: Value, key: string, at: Pos): Value {
    if (obj === undefined || obj === null) throw new ModelFault(`TypeError: cannot read property '${key}' of ${String(obj)}`, at);
    if (typeof obj === "string") {
      if (key === "length") return obj.length;
      throw new ModelFault(`string property '${key}' is not supported`, at);
    }
    if (typeof obj !== "object") throw new ModelFault(`property '${key}' of a ${typeof obj} is not supported`, at);
    switch (obj.kind) {
      case "array":
        if (key === "length") return obj.items.length;
        if (/^\d+$/.test(key)) return obj.items[Number(key)];
        throw new ModelFault(`array method '${key}' is not supported`, at);
      case "object":
        if (obj.props.has(key)) return obj.props.get(key);
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
        if (KNOWN_UNSUPPORTED.has(e.name)) throw new ModelFault(`${e.name} is not supported by the event-loop model`, e);
        throw new ModelFault(`ReferenceError: ${e.name} is not defined`, e);
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
        const args: Value[] = [];
        for (const a of e.args) args.push(yield* this.expr(a, env));
        if (!isCallable(f)) throw new ModelFault(`TypeError: ${describeCallee(e.callee)} is not a function`, e);
        return this.call(f, args, e);
      }
      case "new": {
        const f = yield* this.expr(e.callee, env);
        const args: Value[] = [];
        for (const a of e.args) args.push(yield* this.expr(a, env));
        if (typeof f === "object" && f !== null && f.kind === "native" && f.name === "Promise") return f.call(args, e);
        throw new ModelFault(`'new ${describeCallee(e.callee)}' is not supported (only new Promise)`, e);
      }
      case "await": {
        const v = yield* this.expr(e.arg, env);
        return yield v;
      }
      case "unary": {
        const v = yield* this.expr(e.arg, env);
        if (e.op === "!") return !truthy(v);
        if (e.op === "typeof") return typeOf(v);
        const n = primitive(v, e);
        return e.op === "-" ? -(n as number) : +(n as number);
      }
      case "binary":
        return yield* this.binary(e, env);
      case "cond":
        return truthy(yield* this.expr(e.test, env)) ? yield* this.expr(e.cons, env) : yield* this.expr(e.alt, env);
      case "array": {
        const items: Value[] = [];
        for (const x of e.elements) items.push(yield* this.expr(x, env));
        return { kind: "array", items };
      }
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

  private *assign(target: Expr, env: Env, value: Value): Eval<void> {
    if (target.type === "ident") {
      const b = env.lookup(target.name);
      if (!b) throw new ModelFault(`ReferenceError: ${target.name} is not defined`, target);
      if (!b.mutable) throw new ModelFault(`TypeError: Assignment to constant variable '${target.name}'`, target);
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
      if (typeof obj === "object" && obj !== null && obj.kind === "array" && /^\d+$/.test(key) && Number(key) <= obj.items.length) {
        obj.items[Number(key)] = value;
        return;
      }
      if (typeof obj === "object" && obj !== null && obj.kind === "object" && obj.host === "module" && key === "exports") return;
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
    if (e.op === "===") return left === right;
    if (e.op === "!==") return left !== right;
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

function primitive(v: Value, at: Pos): Primitive {
  if (typeof v === "object" && v !== null) {
    if (v.kind === "array") return toText(v);
    throw new ModelFault("arithmetic on objects, functions or promises is not supported", at);
  }
  return v;
}

/** Binary operators on primitives, delegated to the host JavaScript so that coercions match exactly. */
function arithmetic(op: string, l: Value, r: Value, at: Pos): Value {
  const a = primitive(l, at) as never;
  const b = primitive(r, at) as never;
  switch (op) {
    case "+": return (a as unknown as string) + (b as unknown as string);
    case "-": return a - b;
    case "*": return a * b;
    case "/": return a / b;
    case "%": return a % b;
    case "**": return (a as number) ** (b as number);
    case "<": return a < b;
    case ">": return a > b;
    case "<=": return a <= b;
    case ">=": return a >= b;
    case "==": return (a as unknown) == (b as unknown);
    case "!=": return (a as unknown) != (b as unknown);
  }
  throw new ModelFault(`operator '${op}' is not supported`, at);
}

function runToEnd<T>(gen: Eval<T>, at: Pos): T {
  const r = gen.next();
  if (!r.done) throw new ModelFault("internal: await outside an async function", at);
  return r.value;
}
