// Runtime values of the interpreted subset. Internal only: the public API returns plain lines and phases.
import type { FunctionNode, Pos } from "./ast";

export type Value = undefined | null | boolean | number | string | Closure | NativeFn | PromiseValue | ObjectValue | ArrayValue;

export interface Closure {
  kind: "closure";
  fn: FunctionNode;
  env: Env;
  name: string;
}

export interface NativeFn {
  kind: "native";
  name: string;
  call: (args: Value[], at: Pos) => Value;
  /** Static members, e.g. Promise.resolve. */
  props?: Map<string, Value>;
}

export interface Reaction {
  onFulfilled: Value;
  onRejected: Value;
  /** The promise returned by `then`; absent for `await`, whose result nobody can observe. */
  derived?: { resolve: (v: Value) => void; reject: (v: Value) => void };
}

export interface PromiseValue {
  kind: "promise";
  state: "pending" | "fulfilled" | "rejected";
  value: Value;
  reactions: { fulfill: Reaction[]; reject: Reaction[] };
  handled: boolean;
}

export interface ObjectValue {
  kind: "object";
  props: Map<string, Value>;
  /** Set for objects provided by the host (modules, timers, buffers): reading a missing property is refused. */
  host?: string;
}

export interface ArrayValue {
  kind: "array";
  items: Value[];
}

export interface Binding {
  value: Value;
  mutable: boolean;
}

/** A lexical scope. Function scopes also hold `var` declarations. */
export class Env {
  readonly vars = new Map<string, Binding>();
  constructor(
    readonly parent: Env | null,
    readonly isFunction: boolean,
  ) {}

  lookup(name: string): Binding | undefined {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the walk up the scope chain starts here
    for (let env: Env | null = this; env; env = env.parent) {
      const b = env.vars.get(name);
      if (b) return b;
    }
    return undefined;
  }

  functionScope(): Env {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the walk up the scope chain starts here
    let env: Env = this;
    while (!env.isFunction && env.parent) env = env.parent;
    return env;
  }
}

/** A JavaScript-level exception travelling through the interpreter (rejects the enclosing async function). */
export class JsThrow {
  constructor(readonly value: Value) {}
}

/** A refusal of the model: unsupported construct, runaway program or a TypeError the program would crash with. */
export class ModelFault extends Error {
  constructor(
    message: string,
    readonly pos?: Pos,
  ) {
    super(message);
  }
}

export function isCallable(v: Value): v is Closure | NativeFn {
  return typeof v === "object" && v !== null && (v.kind === "closure" || v.kind === "native");
}

export function hostObject(host: string, entries: Record<string, Value>): ObjectValue {
  return { kind: "object", host, props: new Map(Object.entries(entries)) };
}

export function native(name: string, call: (args: Value[], at: Pos) => Value): NativeFn {
  return { kind: "native", name, call };
}

export function typeOf(v: Value): string {
  if (v === null) return "object";
  if (typeof v !== "object") return typeof v;
  return v.kind === "closure" || v.kind === "native" ? "function" : "object";
}

function inspectInArray(v: Value): string {
  if (typeof v === "string") return `'${v.replace(/'/g, "\\'")}'`;
  return inspect(v);
}

/** What console.log prints for a value, for the values the subset can print. */
export function inspect(v: Value): string {
  if (typeof v === "number") return Object.is(v, -0) ? "-0" : String(v);
  if (typeof v !== "object" || v === null) return String(v);
  switch (v.kind) {
    case "array": {
      if (v.items.length === 0) return "[]";
      const text = `[ ${v.items.map(inspectInArray).join(", ")} ]`;
      // Node wraps long arrays over several lines; the model keeps to short ones.
      if (text.length > 72 || v.items.length > 6) throw new ModelFault("printing arrays longer than 6 items or 72 characters is not supported");
      return text;
    }
    case "closure":
    case "native":
      return v.name ? `[Function: ${v.name}]` : "[Function (anonymous)]";
    case "promise":
      throw new ModelFault("printing a Promise object is not supported (log its value inside then/await instead)");
    case "object":
      if (v.props.size === 0 && !v.host) return "{}";
      throw new ModelFault(`printing ${v.host ? `a ${v.host}` : "objects"} is not supported; log strings or numbers`);
  }
}

/** String(v) for template literals and `+` concatenation. */
export function toText(v: Value): string {
  if (typeof v !== "object" || v === null) return String(v);
  if (v.kind === "array") return v.items.map((x) => (x === undefined || x === null ? "" : toText(x))).join(",");
  if (v.kind === "promise") return "[object Promise]";
  if (v.kind === "object") {
    if (v.host) throw new ModelFault(`converting a ${v.host} to text is not supported`);
    return "[object Object]";
  }
  throw new ModelFault("converting a function to text is not supported");
}

export function truthy(v: Value): boolean {
  if (typeof v === "object" && v !== null) return true;
  return Boolean(v);
}
