// printf formatting, split into the pieces glibc 2.36's vfprintf hands to the stream one at a time
// (each literal run and each conversion). The split matters: on a line-buffered stream every piece
// that contains a newline flushes, so printf("a\n%d\n", 1) makes two write(2) calls, not one.

/** `symbol`: an integer whose value the model does not know, printed as its name (a pid: `<pid 1001>`). */
export type PrintfArg = number | string | { symbol: string };

export class PrintfError extends Error {}

const SPEC = /%([-+ 0#]*)(\d+|\*)?(?:\.(\d+|\*))?(hh|h|ll|l|z|j|t)?([diouxXcs%])/y;

function pad(text: string, width: number, left: boolean, zero: boolean): string {
  if (text.length >= width) return text;
  if (left) return text + " ".repeat(width - text.length);
  if (zero) {
    const sign = text.startsWith("-") || text.startsWith("+") ? text[0] : "";
    return sign + "0".repeat(width - text.length) + text.slice(sign.length);
  }
  return " ".repeat(width - text.length) + text;
}

export function formatPieces(format: string, args: readonly PrintfArg[]): string[] {
  const pieces: string[] = [];
  let literal = "";
  let argIndex = 0;
  const nextArg = (conv: string): PrintfArg => {
    if (argIndex >= args.length) throw new PrintfError(`printf format '%${conv}' has no matching argument`);
    return args[argIndex++];
  };
  const nextInt = (conv: string): number => {
    const a = nextArg(conv);
    if (typeof a === "object")
      throw new PrintfError(
        `printf '%${conv}' of ${a.symbol}: a pid can only be printed with a plain %d (its digits differ on every run)`,
      );
    if (typeof a !== "number") throw new PrintfError(`printf '%${conv}' needs an integer argument, got a string`);
    return a;
  };
  let i = 0;
  while (i < format.length) {
    const pct = format.indexOf("%", i);
    if (pct < 0) {
      literal += format.slice(i);
      break;
    }
    literal += format.slice(i, pct);
    SPEC.lastIndex = pct;
    const m = SPEC.exec(format);
    if (!m) throw new PrintfError(`unsupported printf conversion at '${format.slice(pct, pct + 4)}'`);
    i = SPEC.lastIndex;
    const [, flags, widthText, precText, length, conv] = m;
    if (conv === "%") {
      literal += "%";
      continue;
    }
    if (literal) pieces.push(literal);
    literal = "";
    const width = widthText === "*" ? nextInt("*") : widthText ? Number(widthText) : 0;
    const precision = precText === "*" ? nextInt("*") : precText !== undefined ? Number(precText) : undefined;
    let text: string;
    switch (conv) {
      case "d":
      case "i": {
        const arg = args[argIndex];
        if (typeof arg === "object" && !flags && !widthText && precText === undefined) {
          argIndex++;
          text = arg.symbol;
          break;
        }
        const v = nextInt(conv);
        text = String(length === "l" || length === "ll" ? v : v | 0);
        if (flags.includes("+") && !text.startsWith("-")) text = "+" + text;
        else if (flags.includes(" ") && !text.startsWith("-")) text = " " + text;
        break;
      }
      case "u":
        text = String(nextInt(conv) >>> 0);
        break;
      case "x":
      case "X":
      case "o": {
        const v = nextInt(conv) >>> 0;
        text = v.toString(conv === "o" ? 8 : 16);
        if (flags.includes("#") && v !== 0) text = conv === "o" ? "0" + text : "0x" + text;
        if (conv === "X") text = text.toUpperCase();
        break;
      }
      case "c": {
        const v = nextArg(conv);
        if (typeof v === "object")
          throw new PrintfError(`printf '%c' of ${v.symbol}: a pid can only be printed with a plain %d`);
        text = typeof v === "number" ? String.fromCharCode(v & 0xff) : v.slice(0, 1);
        break;
      }
      default: {
        const v = nextArg(conv);
        if (typeof v !== "string") throw new PrintfError("printf '%s' needs a string argument");
        text = precision !== undefined ? v.slice(0, precision) : v;
      }
    }
    if (precision !== undefined && conv !== "s" && conv !== "c") text = text.padStart(precision, "0");
    pieces.push(pad(text, width, flags.includes("-"), flags.includes("0") && precision === undefined));
  }
  if (literal) pieces.push(literal);
  if (argIndex < args.length)
    throw new PrintfError(`printf has ${args.length - argIndex} argument(s) more than its format uses`);
  return pieces;
}
