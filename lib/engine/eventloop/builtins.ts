// Methods of strings, numbers, arrays and buffers used as data in puzzles. String and number methods
// delegate to the host JavaScript (same engine semantics); array methods that take callbacks call back
// into the interpreter synchronously, as V8 does.
import type { Pos } from "./ast";
import {
  ModelFault,
  native,
  toText,
  truthy,
  utf8Decode,
  type ArrayValue,
  type BufferValue,
  type Value,
} from "./values";

export interface Caller {
  call(f: Value, args: Value[], at?: Pos): Value;
}

const STRING_METHODS = new Set([
  "toUpperCase",
  "toLowerCase",
  "trim",
  "trimStart",
  "trimEnd",
  "slice",
  "substring",
  "substr",
  "includes",
  "startsWith",
  "endsWith",
  "indexOf",
  "lastIndexOf",
  "repeat",
  "padStart",
  "padEnd",
  "charAt",
  "charCodeAt",
  "at",
  "concat",
  "toString",
  "replace",
  "replaceAll",
  "localeCompare",
]);

function primitiveArg(v: Value, at: Pos): string | number | boolean | undefined | null {
  if (typeof v === "object" && v !== null) {
    if (v.kind === "array" || v.kind === "object" || v.kind === "buffer") return toText(v);
    throw new ModelFault("this string method takes strings or numbers here", at);
  }
  return v;
}

export function stringMethod(_c: Caller, s: string, key: string, at: Pos): Value {
  if (key === "split") {
    return native("split", (a) => {
      const sep = a[0];
      if (sep !== undefined && typeof sep !== "string")
        throw new ModelFault("split is supported with a string separator (no regular expressions)", at);
      const limit = typeof a[1] === "number" ? a[1] : undefined;
      return { kind: "array", items: sep === undefined ? [s] : s.split(sep, limit) };
    });
  }
  if (!STRING_METHODS.has(key)) throw new ModelFault(`string method '${key}' is not supported`, at);
  return native(key, (a) => {
    if ((key === "replace" || key === "replaceAll") && typeof a[1] !== "string") {
      throw new ModelFault(`${key} is supported with a string pattern and a string replacement`, at);
    }
    if (key === "repeat" && typeof a[0] === "number" && s.length * a[0] > 10_000_000) {
      throw new ModelFault("strings longer than 10,000,000 characters are not supported", at);
    }
    const args = a.map((x) => primitiveArg(x, at));
    const f = (String.prototype as unknown as Record<string, (...x: unknown[]) => unknown>)[key]!;
    return f.apply(s, args) as Value;
  });
}

export function numberMethod(n: number, key: string, at: Pos): Value {
  if (key === "toFixed" || key === "toString" || key === "toPrecision") {
    return native(key, (a) => {
      const arg = a[0];
      if (arg !== undefined && typeof arg !== "number") throw new ModelFault(`${key} needs a number argument`, at);
      return key === "toFixed" ? n.toFixed(arg) : key === "toPrecision" ? n.toPrecision(arg) : n.toString(arg);
    });
  }
  throw new ModelFault(`number method '${key}' is not supported`, at);
}

function compareDefault(x: Value, y: Value): number {
  if (x === undefined) return y === undefined ? 0 : 1;
  if (y === undefined) return -1;
  const a = toText(x);
  const b = toText(y);
  return a < b ? -1 : a > b ? 1 : 0;
}

export function arrayMethod(c: Caller, arr: ArrayValue, key: string, at: Pos): Value {
  const items = arr.items;
  const fn = (a: Value[], name: string) => {
    const f = a[0];
    if (typeof f !== "object" || f === null || (f.kind !== "closure" && f.kind !== "native")) {
      throw new ModelFault(`${name} needs a function`, at);
    }
    return (x: Value, i: number) => c.call(f, [x, i, arr], at);
  };
  const m = (call: (a: Value[]) => Value) => native(key, call);
  switch (key) {
    case "push":
      return m((a) => {
        items.push(...a);
        return items.length;
      });
    case "pop":
      return m(() => items.pop());
    case "shift":
      return m(() => items.shift());
    case "unshift":
      return m((a) => {
        items.unshift(...a);
        return items.length;
      });
    case "map":
      return m((a) => {
        const f = fn(a, "map");
        return { kind: "array", items: items.map((x, i) => f(x, i)) };
      });
    case "forEach":
      return m((a) => {
        const f = fn(a, "forEach");
        [...items].forEach((x, i) => f(x, i));
        return undefined;
      });
    case "filter":
      return m((a) => {
        const f = fn(a, "filter");
        return { kind: "array", items: items.filter((x, i) => truthy(f(x, i))) };
      });
    case "find":
    case "findIndex":
    case "some":
    case "every":
      return m((a) => {
        const f = fn(a, key);
        for (let i = 0; i < items.length; i++) {
          const hit = truthy(f(items[i], i));
          if (key === "every" && !hit) return false;
          if (hit && key !== "every") return key === "find" ? items[i] : key === "findIndex" ? i : true;
        }
        return key === "every" ? true : key === "some" ? false : key === "findIndex" ? -1 : undefined;
      });
    case "reduce":
      return m((a) => {
        const f = a[0];
        if (typeof f !== "object" || f === null || (f.kind !== "closure" && f.kind !== "native"))
          throw new ModelFault("reduce needs a function", at);
        let i = 0;
        let acc: Value;
        if (a.length >= 2) acc = a[1];
        else {
          if (items.length === 0) throw new ModelFault("TypeError: Reduce of empty array with no initial value", at);
          acc = items[0];
          i = 1;
        }
        for (; i < items.length; i++) acc = c.call(f, [acc, items[i], i, arr], at);
        return acc;
      });
    case "join":
      return m((a) =>
        items
          .map((x) => (x === undefined || x === null ? "" : toText(x)))
          .join(a[0] === undefined ? "," : toText(a[0])),
      );
    case "includes":
      return m((a) => items.includes(a[0]));
    case "indexOf":
      return m((a) => items.indexOf(a[0]));
    case "slice":
      return m((a) => ({ kind: "array", items: items.slice(a[0] as number | undefined, a[1] as number | undefined) }));
    case "concat":
      return m((a) => ({
        kind: "array",
        items: items.concat(
          ...a.map((x) => (typeof x === "object" && x !== null && x.kind === "array" ? x.items : [x])),
        ),
      }));
    case "reverse":
      return m(() => {
        items.reverse();
        return arr;
      });
    case "at":
      return m((a) => items.at(a[0] as number));
    case "fill":
      return m((a) => {
        items.fill(a[0]);
        return arr;
      });
    case "splice":
      return m((a) => ({
        kind: "array",
        items: items.splice(a[0] as number, (a[1] as number | undefined) ?? items.length, ...a.slice(2)),
      }));
    case "sort":
      return m((a) => {
        const f = a[0];
        if (f === undefined) {
          items.sort(compareDefault);
          return arr;
        }
        const copy = [...items];
        copy.sort((x, y) => {
          const r = c.call(f, [x, y], at);
          return typeof r === "number" ? r : Number(r);
        });
        items.splice(0, items.length, ...copy);
        return arr;
      });
    case "flat":
      return m(() => ({
        kind: "array",
        items: items.flatMap((x) => (typeof x === "object" && x !== null && x.kind === "array" ? x.items : [x])),
      }));
    default:
      throw new ModelFault(`array method '${key}' is not supported`, at);
  }
}

export function bufferMethod(b: BufferValue, key: string, at: Pos): Value {
  if (key === "length" || key === "byteLength") return b.length;
  if (key === "toString") {
    return native("toString", (a) => {
      const enc = a[0] === undefined ? "utf8" : a[0];
      if (!b.bytes) {
        throw new ModelFault(
          `${b.what}.toString(${a[0] === undefined ? "" : `'${String(enc)}'`}) is not supported: the model knows its length (${b.length}) but not its bytes`,
          at,
        );
      }
      if (enc === "utf8" || enc === "utf-8") return utf8Decode(b.bytes);
      if (enc === "hex") return [...b.bytes].map((x) => x.toString(16).padStart(2, "0")).join("");
      throw new ModelFault(`Buffer.toString('${String(enc)}') is not supported (use 'utf8' or 'hex')`, at);
    });
  }
  throw new ModelFault(`Buffer property '${key}' is not supported`, at);
}
