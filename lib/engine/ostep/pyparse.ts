// Python's int() and float() string parsing, so that flag values and job lists are accepted or
// rejected exactly where the OSTEP scripts (via optparse and their own int()/float() calls) would.

// Python's str.strip() with no argument removes Unicode whitespace; \s is the close JS equivalent.
const STRIP = /^\s+|\s+$/g;

const DIGITS: Record<number, RegExp> = {
  2: /^[01](?:_?[01])*$/,
  8: /^[0-7](?:_?[0-7])*$/,
  10: /^[0-9](?:_?[0-9])*$/,
  16: /^[0-9a-fA-F](?:_?[0-9a-fA-F])*$/,
};
const PREFIX: Record<number, string> = { 2: "0b", 8: "0o", 16: "0x" };

/** `int(text, radix)` for radix 2, 8, 10 or 16; null where Python raises ValueError. Exact for any size. */
export function parsePyInt(text: string, radix: 2 | 8 | 10 | 16 = 10): bigint | null {
  let s = text.replace(STRIP, "");
  let negative = false;
  if (s.startsWith("+") || s.startsWith("-")) {
    negative = s.startsWith("-");
    s = s.slice(1);
  }
  const prefix = PREFIX[radix];
  let body = s;
  // With an explicit base, CPython still accepts that base's prefix, and then an underscore may follow it.
  if (prefix && s.slice(0, 2).toLowerCase() === prefix) {
    body = s.slice(2);
    if (body.startsWith("_")) body = body.slice(1);
  }
  if (!DIGITS[radix]!.test(body)) return null;
  const digits = body.replace(/_/g, "");
  let value = 0n;
  const base = BigInt(radix);
  for (const ch of digits) value = value * base + BigInt(parseInt(ch, 16));
  return negative ? -value : value;
}

const FLOAT_RE =
  /^[+-]?(?:[0-9](?:_?[0-9])*(?:\.(?:[0-9](?:_?[0-9])*)?)?|\.[0-9](?:_?[0-9])*)(?:[eE][+-]?[0-9](?:_?[0-9])*)?$/;
const SPECIAL_RE = /^([+-]?)(inf|infinity|nan)$/i;

/** `float(text)`; null where Python raises ValueError. Correctly rounded, like CPython. */
export function parsePyFloat(text: string): number | null {
  const s = text.replace(STRIP, "");
  const special = SPECIAL_RE.exec(s);
  if (special) {
    if (special[2]!.toLowerCase() === "nan") return NaN;
    return special[1] === "-" ? -Infinity : Infinity;
  }
  if (!FLOAT_RE.test(s)) return null;
  return Number(s.replace(/_/g, ""));
}

/** optparse's `_parse_num`: the radix comes from the prefix, and a leading 0 means octal. */
export function parseOptparseInt(text: string): bigint | null {
  const head = text.slice(0, 2).toLowerCase();
  if (head === "0x") return parsePyInt(text, 16);
  if (head === "0b") return parsePyInt(text.slice(2) || "0", 2);
  if (text.startsWith("0")) return parsePyInt(text, 8);
  return parsePyInt(text, 10);
}
