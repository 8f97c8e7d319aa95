// Tokenizer for the documented JavaScript subset (see docs/eventloop-and-capacity.md).
// Positions are 1-based so error messages match what an editor shows.

export type TokenKind = "ident" | "keyword" | "number" | "string" | "template" | "punct" | "eof";

export interface Token {
  kind: TokenKind;
  value: string;
  /** Numeric value for number tokens. */
  num?: number;
  /** For template tokens: the literal chunks and the token lists of the `${…}` parts between them. */
  quasis?: string[];
  parts?: Token[][];
  line: number;
  col: number;
  /** True when a line break separates this token from the previous one (automatic semicolon insertion). */
  newlineBefore: boolean;
}

export class SyntaxFault extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly col: number,
  ) {
    super(message);
  }
}

const KEYWORDS = new Set([
  "const",
  "let",
  "var",
  "function",
  "async",
  "await",
  "return",
  "if",
  "else",
  "for",
  "while",
  "new",
  "true",
  "false",
  "null",
  "typeof",
  "of",
  "in",
  "class",
  "try",
  "catch",
  "throw",
  "switch",
  "do",
  "break",
  "continue",
  "this",
  "yield",
  "delete",
  "import",
  "export",
  "finally",
]);

// Longest first so that "===" wins over "==" and "=".
const PUNCTUATORS = [
  "===",
  "!==",
  "...",
  "**=",
  "=>",
  "==",
  "!=",
  "<=",
  ">=",
  "&&",
  "||",
  "??",
  "++",
  "--",
  "+=",
  "-=",
  "*=",
  "/=",
  "%=",
  "?.",
  "**",
  "{",
  "}",
  "(",
  ")",
  "[",
  "]",
  ";",
  ",",
  ".",
  ":",
  "?",
  "+",
  "-",
  "*",
  "/",
  "%",
  "<",
  ">",
  "=",
  "!",
];

/** Upper bound on source size: the subset is for short exercises, and this keeps tokenizing bounded. */
export const MAX_SOURCE_CHARS = 100_000;

export function tokenize(source: string): Token[] {
  if (source.length > MAX_SOURCE_CHARS) {
    throw new SyntaxFault(`program is longer than ${MAX_SOURCE_CHARS} characters`, 1, 1);
  }
  return new Lexer(source, 0, source.length, 1, 1).run(false);
}

class Lexer {
  private newline = false;
  constructor(
    private readonly src: string,
    private pos: number,
    private readonly end: number,
    private line: number,
    private col: number,
  ) {}

  /** Tokenizes until the end, or (inTemplate) until the `}` that closes a `${`. */
  run(inTemplate: boolean): Token[] {
    const tokens: Token[] = [];
    let depth = 0;
    for (;;) {
      this.skipSpace();
      if (this.pos >= this.end) {
        if (inTemplate) throw new SyntaxFault("unterminated template literal", this.line, this.col);
        tokens.push(this.token("eof", "", this.line, this.col));
        return tokens;
      }
      const ch = this.src[this.pos]!;
      if (inTemplate && ch === "}" && depth === 0) {
        this.advance(1);
        tokens.push(this.token("eof", "", this.line, this.col));
        return tokens;
      }
      if (ch === "{") depth++;
      if (ch === "}") depth--;
      tokens.push(this.next());
    }
  }

  private token(kind: TokenKind, value: string, line: number, col: number): Token {
    const t: Token = { kind, value, line, col, newlineBefore: this.newline };
    this.newline = false;
    return t;
  }

  private advance(n: number): void {
    for (let i = 0; i < n; i++) {
      if (this.src[this.pos] === "\n") {
        this.line++;
        this.col = 1;
      } else {
        this.col++;
      }
      this.pos++;
    }
  }

  private skipSpace(): void {
    while (this.pos < this.end) {
      const ch = this.src[this.pos]!;
      if (ch === "\n") {
        this.newline = true;
        this.advance(1);
      } else if (ch === " " || ch === "\t" || ch === "\r" || ch === "\uFEFF") {
        this.advance(1);
      } else if (this.src.startsWith("//", this.pos)) {
        while (this.pos < this.end && this.src[this.pos] !== "\n") this.advance(1);
      } else if (this.src.startsWith("/*", this.pos)) {
        const line = this.line;
        const col = this.col;
        const close = this.src.indexOf("*/", this.pos + 2);
        if (close < 0 || close >= this.end) throw new SyntaxFault("unterminated comment", line, col);
        const text = this.src.slice(this.pos, close + 2);
        if (text.includes("\n")) this.newline = true;
        this.advance(text.length);
      } else if (ch === "#" && this.pos === 0 && this.src[1] === "!") {
        while (this.pos < this.end && this.src[this.pos] !== "\n") this.advance(1);
      } else {
        return;
      }
    }
  }

  private next(): Token {
    const line = this.line;
    const col = this.col;
    const ch = this.src[this.pos]!;
    if (/[A-Za-z_$]/.test(ch)) {
      let j = this.pos;
      while (j < this.end && /[A-Za-z0-9_$]/.test(this.src[j]!)) j++;
      const word = this.src.slice(this.pos, j);
      this.advance(word.length);
      return this.token(KEYWORDS.has(word) ? "keyword" : "ident", word, line, col);
    }
    if (/[0-9]/.test(ch) || (ch === "." && /[0-9]/.test(this.src[this.pos + 1] ?? ""))) {
      const m = /^(?:0[xX][0-9a-fA-F_]+|(?:[0-9][0-9_]*)?\.?[0-9_]*(?:[eE][+-]?[0-9]+)?)/.exec(
        this.src.slice(this.pos, this.end),
      );
      const text = m![0];
      this.advance(text.length);
      const num = Number(text.replace(/_/g, ""));
      if (Number.isNaN(num)) throw new SyntaxFault(`invalid number '${text}'`, line, col);
      const t = this.token("number", text, line, col);
      t.num = num;
      return t;
    }
    if (ch === "'" || ch === '"') return this.string(ch, line, col);
    if (ch === "`") return this.template(line, col);
    for (const p of PUNCTUATORS) {
      if (this.src.startsWith(p, this.pos)) {
        // "?." followed by a digit is the conditional operator then a number (a ?.5 : b).
        if (p === "?." && /[0-9]/.test(this.src[this.pos + 2] ?? "")) continue;
        this.advance(p.length);
        return this.token("punct", p, line, col);
      }
    }
    throw new SyntaxFault(`unexpected character '${ch}'`, line, col);
  }

  private escape(line: number, col: number): string {
    // Called with pos on the backslash.
    const c = this.src[this.pos + 1];
    if (c === undefined) throw new SyntaxFault("unterminated string", line, col);
    const simple: Record<string, string> = { n: "\n", t: "\t", r: "\r", "0": "\0", b: "\b", f: "\f", v: "\v" };
    if (c === "u") {
      const m = /^u(?:\{([0-9a-fA-F]{1,6})\}|([0-9a-fA-F]{4}))/.exec(this.src.slice(this.pos + 1, this.pos + 11));
      if (!m) throw new SyntaxFault("invalid unicode escape", this.line, this.col);
      this.advance(1 + m[0].length);
      return String.fromCodePoint(parseInt(m[1] ?? m[2]!, 16));
    }
    if (c === "x") {
      const m = /^x([0-9a-fA-F]{2})/.exec(this.src.slice(this.pos + 1, this.pos + 4));
      if (!m) throw new SyntaxFault("invalid hex escape", this.line, this.col);
      this.advance(4);
      return String.fromCharCode(parseInt(m[1]!, 16));
    }
    this.advance(2);
    if (c === "\n") return "";
    return simple[c] ?? c;
  }

  private string(quote: string, line: number, col: number): Token {
    this.advance(1);
    let value = "";
    for (;;) {
      if (this.pos >= this.end || this.src[this.pos] === "\n") throw new SyntaxFault("unterminated string", line, col);
      const c = this.src[this.pos]!;
      if (c === quote) {
        this.advance(1);
        return this.token("string", value, line, col);
      }
      if (c === "\\") {
        value += this.escape(line, col);
      } else {
        value += c;
        this.advance(1);
      }
    }
  }

  private template(line: number, col: number): Token {
    this.advance(1);
    const quasis: string[] = [];
    const parts: Token[][] = [];
    let chunk = "";
    for (;;) {
      if (this.pos >= this.end) throw new SyntaxFault("unterminated template literal", line, col);
      const c = this.src[this.pos]!;
      if (c === "`") {
        this.advance(1);
        quasis.push(chunk);
        const t = this.token("template", "`", line, col);
        t.quasis = quasis;
        t.parts = parts;
        return t;
      }
      if (c === "\\") {
        chunk += this.escape(line, col);
      } else if (c === "$" && this.src[this.pos + 1] === "{") {
        this.advance(2);
        quasis.push(chunk);
        chunk = "";
        const saved = this.newline;
        this.newline = false;
        const inner = new Lexer(this.src, this.pos, this.end, this.line, this.col);
        parts.push(inner.run(true));
        this.pos = inner.pos;
        this.line = inner.line;
        this.col = inner.col;
        this.newline = saved;
      } else {
        chunk += c;
        this.advance(1);
      }
    }
  }
}
