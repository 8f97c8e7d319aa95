// Parses what a student types into a number answer ("4 ms", "4000 µs", "75%", "1.5k req/s", "2 GiB")
// and converts it to the unit the part is graded in. Pure, so the answer form and its tests share it.
// Deliberately strict about ambiguity: a comma is only a thousands separator when the digit groups
// prove it ("1,000"), and "MB"/"GB" are refused because students mean both 10^6 and 2^20 by them.
import type { NumberUnit } from "@/lib/engine/questions";

export type ParseResult = { ok: true; value: number } | { ok: false; message: string };

type Dimension = "time" | "percent" | "count" | "size" | "rate";

interface UnitWord {
  dimension: Dimension;
  /** Size of one of this unit in the dimension's base unit (s, %, 1, bytes, req/s). */
  factor: number;
}

// Longer than any sensible answer; refusing early keeps parsing bounded for pasted garbage.
const MAX_INPUT_LENGTH = 80;

const TIME_WORDS: Record<string, number> = {
  ns: 1e-9,
  nsec: 1e-9,
  nanosecond: 1e-9,
  nanoseconds: 1e-9,
  us: 1e-6,
  µs: 1e-6,
  μs: 1e-6,
  usec: 1e-6,
  microsecond: 1e-6,
  microseconds: 1e-6,
  ms: 1e-3,
  msec: 1e-3,
  msecs: 1e-3,
  millisecond: 1e-3,
  milliseconds: 1e-3,
  s: 1,
  sec: 1,
  secs: 1,
  second: 1,
  seconds: 1,
  min: 60,
  mins: 60,
  minute: 60,
  minutes: 60,
};

const SIZE_WORDS: Record<string, number> = {
  b: 1,
  byte: 1,
  bytes: 1,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
  tib: 1024 ** 4,
};

// Prefixes that multiply dimensionless numbers ("1.5k req/s", "2M requests").
const COUNT_PREFIX: Record<string, number> = { k: 1e3, K: 1e3, M: 1e6, G: 1e9 };

const RATE_WORDS: Record<string, number> = { rps: 1, qps: 1 };

// "req/s", "requests per minute", "/ms", "queries/sec": an optional noun, then a per-time.
const RATE_PATTERN =
  /^(?:(?:req|reqs|requests?|queries|query|ops|calls)\s*)?(?:\/|per\s+)\s*(s|secs?|seconds?|ms|msecs?|milliseconds?|mins?|minutes?)$/i;

function rateFactor(word: string): number | null {
  const exact = RATE_WORDS[word.toLowerCase()];
  if (exact !== undefined) return exact;
  const match = RATE_PATTERN.exec(word);
  if (!match) return null;
  // Per-time words are matched case-insensitively here, so normalise before looking up seconds.
  const perSeconds = TIME_WORDS[match[1].toLowerCase()];
  return perSeconds === undefined ? null : 1 / perSeconds;
}

const PERCENT_WORDS: Record<string, number> = { "%": 1, percent: 1, pct: 1 };

const COUNT_WORDS: Record<string, number> = { x: 1, times: 1 };

const AMBIGUOUS_SIZES: Record<string, string> = {
  kb: "KiB",
  mb: "MiB",
  gb: "GiB",
  tb: "TiB",
};

const PART_UNIT: Record<NumberUnit, { dimension: Dimension; factor: number; label: string }> = {
  ns: { dimension: "time", factor: 1e-9, label: "ns" },
  us: { dimension: "time", factor: 1e-6, label: "µs" },
  ms: { dimension: "time", factor: 1e-3, label: "ms" },
  s: { dimension: "time", factor: 1, label: "s" },
  percent: { dimension: "percent", factor: 1, label: "%" },
  count: { dimension: "count", factor: 1, label: "" },
  KiB: { dimension: "size", factor: 1024, label: "KiB" },
  MiB: { dimension: "size", factor: 1024 ** 2, label: "MiB" },
  GiB: { dimension: "size", factor: 1024 ** 3, label: "GiB" },
  "req/s": { dimension: "rate", factor: 1, label: "req/s" },
};

const DIMENSION_NOUN: Record<Dimension, string> = {
  time: "a time",
  percent: "a percentage",
  count: "a plain count",
  size: "a size",
  rate: "a rate",
};

/** How the unit is written after a number, e.g. "ms", "%", "req/s" ("" for plain counts). */
export function unitSymbol(unit: NumberUnit): string {
  return PART_UNIT[unit].label;
}

/**
 * The short phrase the answer form shows next to the input, e.g. "in ms". `integer`: the part's answer
 * is always a whole number (AnswerPartSpec.integer), so a count never invites a decimal.
 */
export function expectedUnitPhrase(unit: NumberUnit, integer = false): string {
  if (unit === "count") return integer ? "a whole number" : "a number (decimals allowed)";
  if (unit === "percent") return "in % (e.g. 75%)";
  return `in ${PART_UNIT[unit].label}`;
}

/** Formats a value in a part's unit for display, e.g. 4.5 "ms" → "4.5 ms", 75 "percent" → "75%". */
export function formatQuantity(value: number, unit: NumberUnit): string {
  const shown = Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
  if (unit === "count") return shown;
  if (unit === "percent") return `${shown}%`;
  return `${shown} ${PART_UNIT[unit].label}`;
}

function example(unit: NumberUnit): string {
  return unit === "count" ? "4" : formatQuantity(4, unit);
}

/**
 * Reads the leading number. Accepts "4", "-4", "4.5", ".5", "1e3", "1,000", "12,345.5". A comma with
 * digit groups that are not thousands ("4,5") is refused so a European decimal is not silently misread.
 */
function readNumber(text: string): { ok: true; value: number; rest: string } | { ok: false; message: string } | null {
  const match = /^([+-]?)(\d[\d,]*(?:\.\d*)?|\.\d+)(?:[eE]([+-]?\d{1,3}))?/.exec(text);
  if (!match) return null;
  const [whole, sign, mantissa, exponent] = match;
  if (mantissa.includes(",")) {
    const integerPart = mantissa.split(".")[0];
    if (!/^\d{1,3}(,\d{3})+$/.test(integerPart)) {
      return {
        ok: false,
        message: `'${text}' uses a comma we cannot read; use a dot for decimals (e.g. ${mantissa.replace(",", ".")})`,
      };
    }
  }
  const literal = `${sign}${mantissa.replaceAll(",", "")}${exponent === undefined ? "" : `e${exponent}`}`;
  const value = Number(literal.endsWith(".") ? literal.slice(0, -1) : literal);
  if (!Number.isFinite(value)) return { ok: false, message: `'${text}' is too large a number` };
  return { ok: true, value, rest: text.slice(whole.length) };
}

function lookupUnit(word: string, dimension: Dimension): UnitWord | null {
  const tables: [Dimension, Record<string, number>][] = [
    ["time", TIME_WORDS],
    ["size", SIZE_WORDS],
    ["percent", PERCENT_WORDS],
    ["count", COUNT_WORDS],
  ];
  // Prefer the part's own dimension so "s" is seconds for a time and never anything else.
  tables.sort(([a], [b]) => Number(b === dimension) - Number(a === dimension));
  const rate = rateFactor(word);
  if (rate !== null && dimension === "rate") return { dimension: "rate", factor: rate };
  for (const [dim, table] of tables) {
    const exact = table[word];
    if (exact !== undefined) return { dimension: dim, factor: exact };
    // Size units are case-insensitive ("mib", "MiB"); time units are not ("Ms" is not "ms").
    if (dim === "size" || dim === "percent") {
      const folded = table[word.toLowerCase()];
      if (folded !== undefined) return { dimension: dim, factor: folded };
    }
  }
  return rate === null ? null : { dimension: "rate", factor: rate };
}

// Removes binary floating-point noise from conversions (4.1 s × 1000 = 4099.9999999999995 ms).
function tidy(x: number): number {
  return x === 0 ? 0 : Number(x.toPrecision(15));
}

/**
 * Parses `text` as a quantity and converts it to `unit`. A bare number is taken to be in `unit`.
 * Never throws; the failure message names the input and suggests a correct form.
 */
export function parseQuantity(text: string, unit: NumberUnit): ParseResult {
  const target = PART_UNIT[unit];
  const trimmed = text.trim().replace(/\s+/g, " ");
  if (trimmed === "") return { ok: false, message: `Enter a number ${expectedUnitPhrase(unit)}` };
  if (trimmed.length > MAX_INPUT_LENGTH)
    return { ok: false, message: `That answer is too long; type just the number, e.g. ${example(unit)}` };

  const number = readNumber(trimmed);
  if (number === null) return { ok: false, message: `'${trimmed}' is not a number; try ${example(unit)}` };
  if (!number.ok) return number;

  let rest = number.rest.trim();
  let multiplier = 1;
  // A metric prefix glued to the number ("1.5k", "2M req/s") only makes sense for dimensionless counts
  // and rates; for sizes and times it would collide with unit names ("2 M" vs "2 MiB").
  const prefix = /^([kKMG])(?=$|\s|\/|r)/.exec(rest);
  if (prefix && (target.dimension === "count" || target.dimension === "rate")) {
    multiplier = COUNT_PREFIX[prefix[1]];
    rest = rest.slice(1).trim();
  }

  const ambiguous = AMBIGUOUS_SIZES[rest.toLowerCase()];
  if (ambiguous !== undefined) {
    return { ok: false, message: `'${trimmed}' is ambiguous (1000s or 1024s?); write ${number.value} ${ambiguous}` };
  }

  if (rest === "") return { ok: true, value: multiplier === 1 ? number.value : tidy(number.value * multiplier) };

  const found = lookupUnit(rest, target.dimension);
  if (found === null) {
    return { ok: false, message: `'${trimmed}' is not ${DIMENSION_NOUN[target.dimension]}; try ${example(unit)}` };
  }
  if (found.dimension !== target.dimension) {
    return {
      ok: false,
      message: `'${trimmed}' is ${DIMENSION_NOUN[found.dimension]}, not ${DIMENSION_NOUN[target.dimension]}; try ${example(unit)}`,
    };
  }

  const value = (number.value * multiplier * found.factor) / target.factor;
  if (!Number.isFinite(value)) return { ok: false, message: `'${trimmed}' is too large a number` };
  return { ok: true, value: tidy(value) };
}
