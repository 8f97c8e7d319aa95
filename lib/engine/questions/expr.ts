// The small expression language authors write generator constraints ("io >= 1 && demotions >= 1") and
// computed answers ("rate * holdMs / 1000") in. jsep (a maintained parser) turns the text into an AST;
// this file accepts only a whitelist of node types, operators, functions and the identifiers the caller
// names, and evaluates the tree itself. Nothing is ever handed to eval or new Function, there is no
// member access (so no prototype or global can be reached), and each evaluated node is charged to the
// engine's work meter so a template's expressions share the budgets of the rest of its engine work.
import jsep from "jsep";
import { chargeWork } from "../work";

export type ExprValue = number | boolean;

export interface CompiledExpr {
  source: string;
  /** The free identifiers, sorted (function names excluded). */
  identifiers: string[];
  root: Node;
}

type Node =
  | { t: "num"; v: number }
  | { t: "bool"; v: boolean }
  | { t: "id"; name: string }
  | { t: "un"; op: "-" | "+" | "!"; arg: Node }
  | { t: "bin"; op: string; left: Node; right: Node }
  | { t: "if"; test: Node; then: Node; else: Node }
  | { t: "call"; fn: string; args: Node[] };

export const MAX_EXPR_LENGTH = 500;
const MAX_NODES = 200;
const MAX_DEPTH = 40;

const BINARY = new Set(["+", "-", "*", "/", "%", "<", ">", "<=", ">=", "==", "!=", "===", "!==", "&&", "||"]);
const UNARY = new Set(["-", "+", "!"]);

/** Functions: name → [min args, max args]. */
const FUNCTIONS: Record<string, [number, number]> = {
  min: [1, 10],
  max: [1, 10],
  abs: [1, 1],
  floor: [1, 1],
  ceil: [1, 1],
  round: [1, 2],
  sqrt: [1, 1],
  between: [3, 3],
};
export const EXPR_FUNCTIONS = Object.keys(FUNCTIONS);

export class ExprError extends Error {}

/**
 * Parses `source`, allowing only the identifiers in `known` (plus extra functions the caller gives,
 * name → [min, max] arguments). Returns a message naming the problem, never throws.
 */
export function compileExpr(
  source: string,
  known: readonly string[],
  extraFunctions: Record<string, [number, number]> = {},
): { ok: true; value: CompiledExpr } | { ok: false; message: string } {
  if (typeof source !== "string") return { ok: false, message: "must be a text expression" };
  if (source.trim() === "") return { ok: false, message: "is empty" };
  if (source.length > MAX_EXPR_LENGTH) return { ok: false, message: `must be at most ${MAX_EXPR_LENGTH} characters` };
  let ast: jsep.Expression;
  try {
    ast = jsep(source);
  } catch (error) {
    return { ok: false, message: `cannot be read: ${error instanceof Error ? error.message : String(error)}` };
  }
  const fns = { ...FUNCTIONS, ...extraFunctions };
  const knownSet = new Set(known);
  const ids = new Set<string>();
  let nodes = 0;
  const convert = (e: jsep.Expression, depth: number): Node => {
    if (++nodes > MAX_NODES) throw new ExprError(`is too long (more than ${MAX_NODES} terms)`);
    if (depth > MAX_DEPTH) throw new ExprError(`is nested too deeply (more than ${MAX_DEPTH} levels)`);
    switch (e.type) {
      case "Literal": {
        const v = (e as jsep.Literal).value;
        if (typeof v === "number" && Number.isFinite(v)) return { t: "num", v };
        if (typeof v === "boolean") return { t: "bool", v };
        throw new ExprError(`only numbers, true and false are allowed as values, not ${(e as jsep.Literal).raw}`);
      }
      case "Identifier": {
        const name = (e as jsep.Identifier).name;
        if (!knownSet.has(name)) {
          throw new ExprError(
            `unknown name ${JSON.stringify(name)} (known: ${[...known].sort().join(", ") || "none"})`,
          );
        }
        ids.add(name);
        return { t: "id", name };
      }
      case "UnaryExpression": {
        const u = e as jsep.UnaryExpression;
        if (!UNARY.has(u.operator)) throw new ExprError(`operator ${u.operator} is not allowed`);
        return { t: "un", op: u.operator as "-" | "+" | "!", arg: convert(u.argument, depth + 1) };
      }
      case "BinaryExpression": {
        const b = e as jsep.BinaryExpression;
        if (!BINARY.has(b.operator))
          throw new ExprError(`operator ${b.operator} is not allowed (allowed: ${[...BINARY].join(" ")})`);
        return { t: "bin", op: b.operator, left: convert(b.left, depth + 1), right: convert(b.right, depth + 1) };
      }
      case "ConditionalExpression": {
        const c = e as jsep.ConditionalExpression;
        return {
          t: "if",
          test: convert(c.test, depth + 1),
          then: convert(c.consequent, depth + 1),
          else: convert(c.alternate, depth + 1),
        };
      }
      case "CallExpression": {
        const c = e as jsep.CallExpression;
        const callee = c.callee as jsep.Expression;
        const fn = callee.type === "Identifier" ? (callee as jsep.Identifier).name : "";
        const arity = Object.prototype.hasOwnProperty.call(fns, fn) ? fns[fn] : undefined;
        if (!arity)
          throw new ExprError(
            `unknown function ${fn ? JSON.stringify(fn) : "call"} (functions: ${Object.keys(fns).join(", ")})`,
          );
        const n = c.arguments.length;
        if (n < arity[0] || n > arity[1])
          throw new ExprError(
            `${fn} takes ${arity[0] === arity[1] ? arity[0] : `${arity[0]}–${arity[1]}`} argument${arity[1] === 1 ? "" : "s"}, got ${n}`,
          );
        return { t: "call", fn, args: c.arguments.map((a) => convert(a, depth + 1)) };
      }
      default:
        throw new ExprError(
          `${describeNode(e.type)} is not allowed (use numbers, names, + - * / %, comparisons, && || !, ?: and functions)`,
        );
    }
  };
  try {
    const root = convert(ast, 0);
    return { ok: true, value: { source, identifiers: [...ids].sort(), root } };
  } catch (error) {
    if (error instanceof ExprError) return { ok: false, message: error.message };
    throw error;
  }
}

function describeNode(type: string): string {
  switch (type) {
    case "MemberExpression":
      return "property access (a.b, a[b])";
    case "Compound":
    case "SequenceExpression":
      return "more than one expression";
    case "ArrayExpression":
      return "a list [...]";
    case "ThisExpression":
      return "this";
    default:
      return type;
  }
}

/** Values for identifiers; a function is called (at most once per evaluation) when first needed. */
export type ExprEnv = Record<string, ExprValue | (() => ExprValue)>;

/**
 * Evaluates a compiled expression. Throws ExprError on a type mismatch (a number where a condition is
 * expected is fine: 0 is false) or on a result that is not a finite number.
 */
export function evalExpr(
  c: CompiledExpr,
  env: ExprEnv,
  fns: Record<string, (...args: number[]) => ExprValue> = {},
): ExprValue {
  const cache = new Map<string, ExprValue>();
  const lookup = (name: string): ExprValue => {
    const hit = cache.get(name);
    if (hit !== undefined) return hit;
    if (!Object.prototype.hasOwnProperty.call(env, name)) throw new ExprError(`no value for ${name}`);
    const raw = env[name]!;
    const v = typeof raw === "function" ? raw() : raw;
    cache.set(name, v);
    return v;
  };
  const num = (v: ExprValue, what: string): number => {
    if (typeof v !== "number") throw new ExprError(`${what} needs a number, got ${v}`);
    return v;
  };
  const truth = (v: ExprValue): boolean => (typeof v === "boolean" ? v : v !== 0 && !Number.isNaN(v));
  const ev = (n: Node): ExprValue => {
    chargeWork();
    switch (n.t) {
      case "num":
      case "bool":
        return n.v;
      case "id":
        return lookup(n.name);
      case "un": {
        const a = ev(n.arg);
        return n.op === "!" ? !truth(a) : n.op === "-" ? -num(a, "-") : num(a, "+");
      }
      case "if":
        return truth(ev(n.test)) ? ev(n.then) : ev(n.else);
      case "bin": {
        if (n.op === "&&") return truth(ev(n.left)) && truth(ev(n.right));
        if (n.op === "||") return truth(ev(n.left)) || truth(ev(n.right));
        const l = ev(n.left);
        const r = ev(n.right);
        switch (n.op) {
          case "==":
          case "===":
            return l === r;
          case "!=":
          case "!==":
            return l !== r;
        }
        const a = num(l, n.op);
        const b = num(r, n.op);
        switch (n.op) {
          case "+":
            return a + b;
          case "-":
            return a - b;
          case "*":
            return a * b;
          case "/":
            return a / b;
          case "%":
            return a % b;
          case "<":
            return a < b;
          case ">":
            return a > b;
          case "<=":
            return a <= b;
          case ">=":
            return a >= b;
        }
        throw new ExprError(`operator ${n.op} is not allowed`);
      }
      case "call": {
        const extra = Object.prototype.hasOwnProperty.call(fns, n.fn) ? fns[n.fn] : undefined;
        const args = n.args.map((a) => num(ev(a), n.fn));
        if (extra) return extra(...args);
        switch (n.fn) {
          case "min":
            return Math.min(...args);
          case "max":
            return Math.max(...args);
          case "abs":
            return Math.abs(args[0]!);
          case "floor":
            return Math.floor(args[0]!);
          case "ceil":
            return Math.ceil(args[0]!);
          case "sqrt":
            return Math.sqrt(args[0]!);
          case "round": {
            const k = 10 ** Math.max(0, Math.min(10, Math.trunc(args[1] ?? 0)));
            return Math.round(args[0]! * k) / k;
          }
          case "between":
            return args[1]! <= args[0]! && args[0]! <= args[2]!;
        }
        throw new ExprError(`unknown function ${n.fn}`);
      }
    }
  };
  return ev(c.root);
}

/** Evaluates to a finite number, or throws ExprError saying why not. */
export function evalNumber(c: CompiledExpr, env: ExprEnv): number {
  const v = evalExpr(c, env);
  if (typeof v !== "number") throw new ExprError(`gives ${v}, not a number`);
  if (!Number.isFinite(v)) throw new ExprError(`gives ${v} (division by zero?)`);
  return v;
}

/** Evaluates as a condition (numbers: 0 and NaN are false). */
export function evalCondition(
  c: CompiledExpr,
  env: ExprEnv,
  fns: Record<string, (...args: number[]) => ExprValue> = {},
): boolean {
  const v = evalExpr(c, env, fns);
  return typeof v === "boolean" ? v : v !== 0 && !Number.isNaN(v);
}
