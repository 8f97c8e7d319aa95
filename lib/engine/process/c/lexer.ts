// Tokenizer for the C subset (see docs/process-models.md). Preprocessor lines are skipped except
// `#define NAME <integer>`, because interview snippets use #include freely and a few use constants.

export interface SourcePos {
  line: number;
  column: number;
}

export type TokenKind = "num" | "str" | "char" | "ident" | "punct" | "eof";

export interface Token {
  kind: TokenKind;
  text: string;
  /** Decoded value: the number for num/char, the unescaped text for str. */
  value: string | number;
  pos: SourcePos;
}

/** Thrown inside the C front end only; converted to a ProcessModelError at the boundary. */
export class CSyntaxError extends Error {
  constructor(
    message: string,
    readonly pos: SourcePos,
  ) {
    super(message);
  }
}

const PUNCTUATORS = [
  "<<=",
  ">>=",
  "...",
  "&&",
  "||",
  "==",
  "!=",
  "<=",
  ">=",
  "++",
  "--",
  "+=",
  "-=",
  "*=",
  "/=",
  "%=",
  "->",
  "<<",
  ">>",
  "{",
  "}",
  "(",
  ")",
  "[",
  "]",
  ";",
  ",",
  "=",
  "<",
  ">",
  "+",
  "-",
  "*",
  "/",
  "%",
  "!",
  "&",
  "|",
  "^",
  "~",
  "?",
  ":",
  ".",
];

const ESCAPES: Record<string, string> = {
  n: "\n",
  t: "\t",
  r: "\r",
  "\\": "\\",
  '"': '"',
  "'": "'",
  "0": "\0",
  a: "\x07",
  b: "\b",
  f: "\f",
  v: "\v",
  "?": "?",
};

export function tokenize(source: string): { tokens: Token[]; defines: Map<string, number> } {
  const tokens: Token[] = [];
  const defines = new Map<string, number>();
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const pos = (): SourcePos => ({ line, column: i - lineStart + 1 });
  const newline = () => {
    line++;
    lineStart = i + 1;
  };
  let atLineStart = true;

  while (i < source.length) {
    const c = source[i];
    if (c === "\n") {
      newline();
      i++;
      atLineStart = true;
      continue;
    }
    if (c === " " || c === "\t" || c === "\r" || c === "\f" || c === "\v") {
      i++;
      continue;
    }
    if (c === "#" && atLineStart) {
      const start = pos();
      let end = source.indexOf("\n", i);
      if (end < 0) end = source.length;
      const directive = source.slice(i, end).trim();
      const define = /^#\s*define\s+([A-Za-z_]\w*)\s+(-?\d+)\s*$/.exec(directive);
      if (define) defines.set(define[1], Number(define[2]));
      else if (/^#\s*define\b/.test(directive)) {
        throw new CSyntaxError("only '#define NAME <integer>' is supported", start);
      }
      i = end;
      continue;
    }
    atLineStart = false;
    if (c === "/" && source[i + 1] === "/") {
      while (i < source.length && source[i] !== "\n") i++;
      continue;
    }
    if (c === "/" && source[i + 1] === "*") {
      const start = pos();
      i += 2;
      while (i < source.length && !(source[i] === "*" && source[i + 1] === "/")) {
        if (source[i] === "\n") newline();
        i++;
      }
      if (i >= source.length) throw new CSyntaxError("unterminated comment", start);
      i += 2;
      continue;
    }
    const start = pos();
    if (/[0-9]/.test(c)) {
      const m = /^(0[xX][0-9a-fA-F]+|\d+)[uUlL]*/.exec(source.slice(i, i + 40));
      const text = m ? m[0] : c;
      const digits = text.replace(/[uUlL]+$/, "");
      const value =
        digits.startsWith("0x") || digits.startsWith("0X")
          ? parseInt(digits, 16)
          : digits.length > 1 && digits.startsWith("0")
            ? parseInt(digits, 8)
            : Number(digits);
      if (!Number.isSafeInteger(value)) throw new CSyntaxError(`number '${text}' is out of range`, start);
      tokens.push({ kind: "num", text, value, pos: start });
      i += text.length;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      let j = i + 1;
      while (j < source.length && /\w/.test(source[j])) j++;
      const text = source.slice(i, j);
      const defined = defines.get(text);
      if (defined !== undefined) tokens.push({ kind: "num", text, value: defined, pos: start });
      else tokens.push({ kind: "ident", text, value: text, pos: start });
      i = j;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      let value = "";
      while (j < source.length && source[j] !== c) {
        if (source[j] === "\n") throw new CSyntaxError("unterminated string or character literal", start);
        if (source[j] === "\\") {
          const e = source[j + 1];
          const decoded = e === undefined ? undefined : ESCAPES[e];
          if (decoded === undefined)
            throw new CSyntaxError(`unsupported escape '\\${e ?? ""}'`, { line, column: j - lineStart + 1 });
          value += decoded;
          j += 2;
        } else {
          value += source[j];
          j++;
        }
      }
      if (j >= source.length) throw new CSyntaxError("unterminated string or character literal", start);
      const text = source.slice(i, j + 1);
      i = j + 1;
      if (c === "'") {
        if (value.length !== 1) throw new CSyntaxError("a character literal holds exactly one character", start);
        tokens.push({ kind: "char", text, value: value.charCodeAt(0), pos: start });
      } else {
        // Adjacent string literals concatenate, as in C ("a" "b" == "ab").
        const prev = tokens[tokens.length - 1];
        if (prev && prev.kind === "str") {
          prev.value = (prev.value as string) + value;
          prev.text += text;
        } else tokens.push({ kind: "str", text, value, pos: start });
      }
      continue;
    }
    const punct = PUNCTUATORS.find((p) => source.startsWith(p, i));
    if (!punct) throw new CSyntaxError(`unexpected character '${c}'`, start);
    tokens.push({ kind: "punct", text: punct, value: punct, pos: start });
    i += punct.length;
  }
  tokens.push({ kind: "eof", text: "end of file", value: "", pos: pos() });
  return { tokens, defines };
}
