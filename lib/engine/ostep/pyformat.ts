// The subset of Python's `%` string formatting and `str()`/`repr()` that the OSTEP scripts print
// with. JS differs in exactly the places students notice: `toFixed` rounds ties up while CPython
// rounds the exact binary value half to even, `String(5)` lacks Python's `5.0`, and booleans
// print as `True`/`False`.

import { PythonError } from "./pyerror";

/** A Python float. A plain JS number is treated as an int when integral, so tag floats that must print `5.0`. */
export type PyFloat = { float: number };
export type PyArg = number | bigint | string | boolean | PyFloat;

/** Tags a number as a Python float (so `%s` prints `5.0`, not `5`). */
export function pyFloat(x: number): PyFloat {
  return { float: x };
}

function isPyFloat(v: PyArg): v is PyFloat {
  return typeof v === "object" && v !== null && "float" in v;
}

/** Python `repr(float)`: shortest round-trip digits, scientific below 1e-4 and from 1e16. */
export function pyFloatRepr(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  // toExponential() without an argument yields the shortest digits that round-trip, like Python's repr.
  const [mantissa, expText] = x.toExponential().split("e") as [string, string];
  const exp = Number(expText);
  const negative = mantissa.startsWith("-");
  const digits = mantissa.replace("-", "").replace(".", "");
  const sign = negative ? "-" : "";
  if (exp < -4 || exp >= 16) {
    const frac = digits.length > 1 ? "." + digits.slice(1) : "";
    const e = Math.abs(exp).toString().padStart(2, "0");
    return `${sign}${digits[0]}${frac}e${exp < 0 ? "-" : "+"}${e}`;
  }
  if (exp < 0) return `${sign}0.${"0".repeat(-exp - 1)}${digits}`;
  const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, "0");
  const fracPart = digits.slice(exp + 1) || "0";
  return `${sign}${intPart}.${fracPart}`;
}

/** Python `str()` of a value as the scripts hold it. */
export function pyStr(v: PyArg): string {
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "True" : "False";
  if (typeof v === "bigint") return v.toString();
  if (isPyFloat(v)) return pyFloatRepr(v.float);
  if (Number.isSafeInteger(v)) return String(v + 0);
  return Number.isInteger(v) ? BigInt(v).toString() : pyFloatRepr(v);
}

/** Python `repr()` of a str: single quotes unless the text holds a ' and no ". */
export function pyStrRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (ch === quote || ch === "\\") out += "\\" + ch;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (code < 0x20 || code === 0x7f) out += "\\x" + code.toString(16).padStart(2, "0");
    else if (code >= 0x80 && code < 0xa0) out += "\\x" + code.toString(16).padStart(2, "0");
    else out += ch;
  }
  return out + quote;
}

/** The exact value of a finite double as mantissa * 2^exponent. */
function decompose(x: number): { mantissa: bigint; exponent: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(x));
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & 0xfffffffffffffn;
  if (biased === 0) return { mantissa: fraction, exponent: -1074 };
  return { mantissa: fraction | 0x10000000000000n, exponent: biased - 1075 };
}

/** Digits of |x| rounded to `precision` decimals, half to even on the exact binary value (CPython's `%.Nf`). */
function fixedDigits(x: number, precision: number): string {
  const { mantissa, exponent } = decompose(x);
  const scale = 10n ** BigInt(precision);
  let scaled: bigint;
  if (exponent >= 0) {
    scaled = (mantissa << BigInt(exponent)) * scale;
  } else {
    const numerator = mantissa * scale;
    const denominator = 1n << BigInt(-exponent);
    scaled = numerator / denominator;
    const twiceRemainder = (numerator % denominator) * 2n;
    if (twiceRemainder > denominator || (twiceRemainder === denominator && scaled % 2n === 1n)) scaled += 1n;
  }
  const text = scaled.toString().padStart(precision + 1, "0");
  if (precision === 0) return text;
  return `${text.slice(0, -precision)}.${text.slice(-precision)}`;
}

const ZERO_FRACTIONS = Array.from({ length: 21 }, (_, p) => (p === 0 ? "" : "." + "0".repeat(p)));

/** Python `'%.{precision}f' % x`. */
export function pyFixed(x: number, precision: number): string {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  const negative = x < 0 || Object.is(x, -0);
  const magnitude = Math.abs(x);
  // toFixed is correctly rounded too, except that it breaks exact ties upwards. Use it when x is
  // clearly not near a tie (the margin dwarfs the float error of the test) and do exact BigInt
  // arithmetic otherwise; this keeps the common case fast.
  // Integral values (most trace times) need no rounding at all.
  if (Number.isSafeInteger(magnitude) && precision <= 20) {
    return (negative ? "-" : "") + String(magnitude) + ZERO_FRACTIONS[precision]!;
  }
  if (magnitude < 1e15 && precision <= 15) {
    const scaled = magnitude * 10 ** precision;
    if (Math.abs(scaled - Math.floor(scaled) - 0.5) > 1e-6) return (negative ? "-" : "") + magnitude.toFixed(precision);
  }
  return (negative ? "-" : "") + fixedDigits(magnitude, precision);
}

function numericValue(v: PyArg, conversion: string): number | bigint {
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "bigint" || typeof v === "number") return v;
  if (isPyFloat(v)) return v.float;
  throw new TypeError(`%${conversion} format: a real number is required, not str`);
}

/** `%d` truncates a float toward zero, exactly (so 1e20 prints all its digits). */
function integerText(v: number | bigint): string {
  if (typeof v === "bigint") return v.toString();
  if (Number.isNaN(v)) throw new PythonError("ValueError", "cannot convert float NaN to integer");
  if (!Number.isFinite(v)) throw new PythonError("OverflowError", "cannot convert float infinity to integer");
  const truncated = Math.trunc(v);
  // String() of a safe integer never uses exponent notation; beyond 2^53 BigInt prints every digit.
  return Number.isSafeInteger(truncated) ? String(truncated + 0) : BigInt(truncated).toString();
}

/** Python `'%{width}d' % v`, for hot loops that print millions of lines. */
export function pyIntField(v: number, width: number): string {
  const text = integerText(v);
  return text.length >= width ? text : text.padStart(width, " ");
}

function pad(body: string, width: number, flags: string): string {
  if (body.length >= width) return body;
  if (flags.includes("-")) return body.padEnd(width, " ");
  if (flags.includes("0")) {
    const signLength = /^[+\- ]/.test(body) ? 1 : 0;
    return body.slice(0, signLength) + body.slice(signLength).padStart(width - signLength, "0");
  }
  return body.padStart(width, " ");
}

function withSign(text: string, flags: string): string {
  if (text.startsWith("-")) return text;
  if (flags.includes("+")) return "+" + text;
  if (flags.includes(" ")) return " " + text;
  return text;
}

const SPEC = /%([-+ 0#]*)(\d*)(?:\.(\d+))?([diouxXeEfFgGsr%])/g;

interface Conversion {
  flags: string;
  width: number;
  precision: number | undefined;
  conversion: string;
}

/** A format string split into literal text and conversions; parsed once per distinct format. */
type Compiled = (string | Conversion)[];
const compiledFormats = new Map<string, Compiled>();

function compile(fmt: string): Compiled {
  const cached = compiledFormats.get(fmt);
  if (cached) return cached;
  const parts: Compiled = [];
  let last = 0;
  for (const m of fmt.matchAll(SPEC)) {
    if (m.index! > last) parts.push(fmt.slice(last, m.index));
    if (m[4] === "%") parts.push("%");
    else
      parts.push({
        flags: m[1]!,
        width: m[2] ? Number(m[2]) : 0,
        precision: m[3] === undefined ? undefined : Number(m[3]),
        conversion: m[4]!,
      });
    last = m.index! + m[0].length;
  }
  if (last < fmt.length) parts.push(fmt.slice(last));
  if (compiledFormats.size < 1000) compiledFormats.set(fmt, parts);
  return parts;
}

function convert(spec: Conversion, arg: PyArg): string {
  const { flags, width, precision, conversion } = spec;
  let body: string;
  switch (conversion) {
    case "s":
      body = precision === undefined ? pyStr(arg) : pyStr(arg).slice(0, precision);
      return pad(body, width, flags.replace("0", ""));
    case "r":
      body = typeof arg === "string" ? pyStrRepr(arg) : pyStr(arg);
      return pad(body, width, flags.replace("0", ""));
    case "d":
    case "i":
    case "u":
      body = withSign(integerText(numericValue(arg, conversion)), flags);
      break;
    case "x":
    case "X": {
      const n = numericValue(arg, conversion);
      if (typeof n === "number" && !Number.isInteger(n))
        throw new TypeError(`%${conversion} format: an integer is required, not float`);
      const big = BigInt(n);
      const magnitude = (big < 0n ? -big : big).toString(16);
      body = withSign((big < 0n ? "-" : "") + (conversion === "X" ? magnitude.toUpperCase() : magnitude), flags);
      break;
    }
    case "f":
    case "F": {
      const n = Number(numericValue(arg, conversion));
      body = withSign(pyFixed(n, precision ?? 6), flags);
      if (conversion === "F") body = body.toUpperCase();
      break;
    }
    default:
      throw new TypeError(`unsupported format conversion %${conversion}`);
  }
  return pad(body, width, flags);
}

/** Python `fmt % tuple(args)` for the conversions the OSTEP scripts use: d i s r f F x X and %%. */
export function pyFormat(fmt: string, ...args: PyArg[]): string {
  let next = 0;
  let out = "";
  for (const part of compile(fmt)) {
    if (typeof part === "string") {
      out += part;
      continue;
    }
    if (next >= args.length) throw new TypeError("not enough arguments for format string");
    out += convert(part, args[next++]!);
  }
  if (next < args.length) throw new TypeError("not all arguments converted during string formatting");
  return out;
}
