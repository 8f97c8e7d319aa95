// Runtime values of the interpreted subset. Internal only: the public API returns plain lines and phases.
import type { FunctionNode, Pos } from "./ast";

export type Value =
  | undefined
  | null
  | boolean
  | number
  | string
  | Closure
  | NativeFn
  | PromiseValue
  | ObjectValue
  | ArrayValue
  | BufferValue
  | TimeValue;

/** A Buffer; `bytes` is null when the model knows only its length (a derived key, random bytes). */
export interface BufferValue {
  kind: "buffer";
  bytes: Uint8Array | null;
  length: number;
  /** What the buffer holds, for refusals: "the derived key". */
  what: string;
}

/**
 * A clock reading (Date.now(), performance.now()) or a number computed from one. Comparisons use the
 * model's nominal time; printing one is refused because the real value differs on every run.
 */
export interface TimeValue {
  kind: "time";
  ms: number;
}

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
  /** True for the constructors `new` accepts (Promise, Error classes); `call` builds the instance. */
  constructs?: boolean;
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
  /** Set for Error objects: the constructor's name ("Error", "TypeError"). */
  errorClass?: string;
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
  if (v.kind === "time") return "number";
  return v.kind === "closure" || v.kind === "native" ? "function" : "object";
}

/** util.inspect's quoting: single quotes unless the string contains them (then double, then backticks). */
function quoteString(s: string): string {
  let q = "'";
  if (s.includes("'")) {
    if (!s.includes('"')) q = '"';
    else if (!s.includes("`") && !s.includes("${")) q = "`";
  }
  const escaped = s.replace(
    /[\\\n\t\r\b\f\v]/g,
    (c) => ({ "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r", "\b": "\\b", "\f": "\\f", "\v": "\\v" })[c]!,
  );
  return q + (q === "'" ? escaped.replace(/'/g, "\\'") : escaped) + q;
}

/** Nesting below a value (0 for primitives), for util.inspect's "three innermost levels on one line" rule. */
function levels(v: Value): number {
  if (typeof v !== "object" || v === null) return 0;
  if (v.kind === "array") return 1 + Math.max(0, ...v.items.map(levels));
  if (v.kind === "object" && !v.host && !v.errorClass) return 1 + Math.max(0, ...[...v.props.values()].map(levels));
  return 0;
}

/**
 * util.inspect (what console.log prints) for data that fits on one line. Node breaks longer output over
 * several lines and groups arrays of more than 6 items into columns; the model refuses those instead
 * of guessing the layout.
 */
function inspectNested(v: Value, indent: number): string {
  if (typeof v === "string") return quoteString(v);
  if (typeof v !== "object" || v === null || (v.kind !== "array" && (v.kind !== "object" || v.host || v.errorClass)))
    return inspect(v);
  const entries =
    v.kind === "array"
      ? v.items.map((x) => inspectNested(x, indent + 2))
      : [...v.props].map(
          ([k, x]) => `${/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(k) ? k : quoteString(k)}: ${inspectNested(x, indent + 2)}`,
        );
  const [open, close] = v.kind === "array" ? ["[", "]"] : ["{", "}"];
  if (entries.length === 0) return open + close;
  if (v.kind === "array" && entries.length > 6)
    throw new ModelFault(
      "printing arrays of more than 6 items is not supported (Node lays them out in columns); print a join(', ') instead",
    );
  const start = entries.length + indent + open.length + 10;
  const total = entries.reduce((n, e) => n + e.length, 0) + entries.length + start;
  if (levels(v) > 3 || total > 80 || entries.some((e) => e.includes("\n"))) {
    throw new ModelFault(
      "printing objects or arrays that Node spreads over several lines is not supported; print fewer or shorter values",
    );
  }
  return `${open} ${entries.join(", ")} ${close}`;
}

/** What console.log prints for a value, for the values the subset can print. */
export function inspect(v: Value): string {
  if (typeof v === "number") return Object.is(v, -0) ? "-0" : String(v);
  if (typeof v !== "object" || v === null) return String(v);
  switch (v.kind) {
    case "array":
      return inspectNested(v, 0);
    case "closure":
    case "native":
      return v.name ? `[Function: ${v.name}]` : "[Function (anonymous)]";
    case "promise":
      throw new ModelFault("printing a Promise object is not supported (log its value inside then/await instead)");
    case "time":
      throw new ModelFault(
        "printing a time read from Date.now()/performance.now() is not supported: the value differs on every run",
      );
    case "buffer": {
      if (!v.bytes)
        throw new ModelFault(
          `printing ${v.what} is not supported: the model knows its length (${v.length}) but not its bytes`,
        );
      const hex = [...v.bytes.slice(0, 50)].map((b) => b.toString(16).padStart(2, "0")).join(" ");
      return `<Buffer${hex ? " " + hex : ""}${v.length > 50 ? ` ... ${v.length - 50} more bytes` : ""}>`;
    }
    case "object":
      if (v.errorClass) {
        throw new ModelFault(
          "printing an Error object is not supported: Node prints its stack trace, which names files on the machine (print err.message)",
        );
      }
      if (v.host) throw new ModelFault(`printing a ${v.host} is not supported; log strings or numbers`);
      return inspectNested(v, 0);
  }
}

/** String(v) for template literals and `+` concatenation. */
export function toText(v: Value): string {
  if (typeof v !== "object" || v === null) return String(v);
  if (v.kind === "array") return v.items.map((x) => (x === undefined || x === null ? "" : toText(x))).join(",");
  if (v.kind === "promise") return "[object Promise]";
  if (v.kind === "time")
    throw new ModelFault(
      "printing a time read from Date.now()/performance.now() is not supported: the value differs on every run",
    );
  if (v.kind === "buffer") {
    if (!v.bytes)
      throw new ModelFault(
        `converting ${v.what} to text is not supported: the model knows its length (${v.length}) but not its bytes`,
      );
    return utf8Decode(v.bytes);
  }
  if (v.kind === "object") {
    if (v.errorClass) {
      const name = toText(v.props.get("name"));
      const message = toText(v.props.get("message") ?? "");
      return message ? `${name}: ${message}` : name;
    }
    if (v.host) throw new ModelFault(`converting a ${v.host} to text is not supported`);
    return "[object Object]";
  }
  throw new ModelFault("converting a function to text is not supported");
}

export function truthy(v: Value): boolean {
  if (typeof v === "object" && v !== null) return true;
  return Boolean(v);
}

export function makeError(errorClass: string, message: string, extra: Record<string, Value> = {}): ObjectValue {
  return {
    kind: "object",
    errorClass,
    props: new Map<string, Value>([["message", message], ["name", errorClass], ...Object.entries(extra)]),
  };
}

export function bufferOf(text: string): BufferValue {
  const bytes = utf8Encode(text);
  return { kind: "buffer", bytes, length: bytes.length, what: "a buffer" };
}

// The engine has no DOM or Node types (no TextEncoder), so UTF-8 is done by hand.
export function utf8Encode(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}

export function utf8Length(text: string): number {
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

export function utf8Decode(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    const n = b < 0x80 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    let c = n === 1 ? (b < 0x80 ? b : 0xfffd) : b & (0xff >> (n + 1));
    for (let k = 1; k < n; k++) c = (c << 6) | ((bytes[i + k] ?? 0) & 63);
    s += String.fromCodePoint(c);
    i += n;
  }
  return s;
}
