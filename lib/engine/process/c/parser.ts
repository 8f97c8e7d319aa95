// Recursive-descent parser for the C subset: enough of C to paste interview snippets unchanged
// (includes, `int main`, `pid_t`, casts like `(char *)NULL`), nothing more. Types are read and
// dropped: the interpreter treats every value as an int, a string or an array of strings.
import type { CProgram, Declarator, Expr, FunctionDef, Stmt } from "./ast";
import { CSyntaxError, tokenize, type SourcePos, type Token } from "./lexer";

const TYPE_WORDS = new Set([
  "int",
  "pid_t",
  "void",
  "char",
  "long",
  "short",
  "unsigned",
  "signed",
  "const",
  "static",
  "size_t",
  "ssize_t",
  "volatile",
  "register",
  "auto",
  "extern",
  "FILE",
  "uint32_t",
  "int32_t",
  "uint64_t",
  "int64_t",
  "bool",
  "_Bool",
]);
const UNSUPPORTED_KEYWORDS = new Set(["struct", "union", "enum", "goto", "typedef", "float", "double"]);

const BINARY_PRECEDENCE: Record<string, number> = {
  "*": 10,
  "/": 10,
  "%": 10,
  "+": 9,
  "-": 9,
  "<<": 8,
  ">>": 8,
  "<": 7,
  ">": 7,
  "<=": 7,
  ">=": 7,
  "==": 6,
  "!=": 6,
  "&": 5,
  "^": 4,
  "|": 3,
  "&&": 2,
  "||": 1,
};
const ASSIGN_OPS = new Set(["=", "+=", "-=", "*=", "/=", "%=", "<<=", ">>="]);
/** Parsing is recursive; this stops pathological nesting from overflowing the JS stack. */
const MAX_NESTING = 200;

export const MAX_SOURCE_CHARS = 64 * 1024;

class Parser {
  private i = 0;
  private depth = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.i + offset, this.tokens.length - 1)];
  }
  private next(): Token {
    const t = this.peek();
    if (t.kind !== "eof") this.i++;
    return t;
  }
  private is(text: string, offset = 0): boolean {
    const t = this.peek(offset);
    return (t.kind === "punct" || t.kind === "ident") && t.text === text;
  }
  private accept(text: string): boolean {
    if (this.is(text)) {
      this.i++;
      return true;
    }
    return false;
  }
  private expect(text: string, what?: string): Token {
    const t = this.peek();
    if (!this.is(text))
      throw new CSyntaxError(`expected '${text}'${what ? ` ${what}` : ""} but found '${t.text}'`, t.pos);
    return this.next();
  }
  private ident(what: string): Token {
    const t = this.peek();
    if (t.kind !== "ident") throw new CSyntaxError(`expected ${what} but found '${t.text}'`, t.pos);
    return this.next();
  }
  private nest<T>(pos: SourcePos, f: () => T): T {
    if (++this.depth > MAX_NESTING) throw new CSyntaxError(`nesting deeper than ${MAX_NESTING} levels`, pos);
    try {
      return f();
    } finally {
      this.depth--;
    }
  }
  private isTypeStart(offset = 0): boolean {
    const t = this.peek(offset);
    return (t.kind === "ident" && TYPE_WORDS.has(t.text)) || this.isStructTimespec(offset);
  }
  private checkSupported(t: Token): void {
    if (
      t.kind === "ident" &&
      UNSUPPORTED_KEYWORDS.has(t.text) &&
      !(t.text === "struct" && this.peek(1).text === "timespec")
    ) {
      throw new CSyntaxError(`'${t.text}' is outside the supported C subset`, t.pos);
    }
  }
  /** Consumes `int`, `const char *`, `unsigned long`, `struct timespec` …; says whether it was `char` and whether a `*` was seen. */
  private typeSpec(): { isChar: boolean; isPointer: boolean; name: string } {
    let isChar = false;
    let isPointer = false;
    const words: string[] = [];
    for (;;) {
      if (this.isStructTimespec()) {
        this.next();
        this.next();
        words.push("struct timespec");
      } else if (this.isTypeStart()) {
        const t = this.next();
        if (t.text === "char") isChar = true;
        words.push(t.text);
      } else break;
    }
    while (this.is("*") || this.is("const")) {
      if (this.next().text === "*") isPointer = true;
    }
    return { isChar, isPointer, name: words.join(" ") + (isPointer ? " *" : "") };
  }
  /** `struct timespec` is the one structure the model knows (for nanosleep). */
  private isStructTimespec(offset = 0): boolean {
    return (
      this.is("struct", offset) && this.peek(offset + 1).kind === "ident" && this.peek(offset + 1).text === "timespec"
    );
  }

  program(): CProgram {
    const functions: Record<string, FunctionDef> = {};
    const globals: Declarator[] = [];
    while (this.peek().kind !== "eof") {
      const start = this.peek();
      this.checkSupported(start);
      if (!this.isTypeStart())
        throw new CSyntaxError(`expected a declaration or function but found '${start.text}'`, start.pos);
      const type = this.typeSpec();
      const name = this.ident("a name");
      if (this.is("(")) {
        const fn = this.functionRest(name);
        if (fn) {
          if (functions[fn.name]) throw new CSyntaxError(`function '${fn.name}' is defined twice`, fn.pos);
          functions[fn.name] = fn;
        }
        continue;
      }
      globals.push(...this.declaratorsFrom(name, type));
    }
    if (!functions.main) throw new CSyntaxError("the program has no 'main' function", this.peek().pos);
    return { functions, globals };
  }

  /** After `type name`: parameters and a body, or `;` for a prototype (returns undefined). */
  private functionRest(name: Token): FunctionDef | undefined {
    this.expect("(");
    const params: string[] = [];
    if (!this.is(")")) {
      if (this.is("void") && this.is(")", 1)) this.next();
      else {
        do {
          if (this.accept("...")) break;
          this.checkSupported(this.peek());
          if (!this.isTypeStart())
            throw new CSyntaxError(`expected a parameter type but found '${this.peek().text}'`, this.peek().pos);
          this.typeSpec();
          if (this.peek().kind === "ident") {
            params.push(this.next().text);
            while (this.accept("[")) this.accept("]");
          }
        } while (this.accept(","));
      }
    }
    this.expect(")", "after the parameters");
    if (this.accept(";")) return undefined;
    const body = this.block();
    return { name: name.text, params, body, pos: name.pos };
  }

  private declaratorsFrom(first: Token, type: { isChar: boolean; isPointer: boolean }): Declarator[] {
    const out: Declarator[] = [this.declaratorRest(first, type.isChar, type.isPointer)];
    while (this.accept(",")) {
      let isPointer = false;
      while (this.accept("*")) isPointer = true; // `int *p, *q`
      out.push(this.declaratorRest(this.ident("a variable name"), type.isChar, isPointer));
    }
    this.expect(";", "after the declaration");
    return out;
  }

  private declaratorRest(name: Token, isChar: boolean, isPointer: boolean): Declarator {
    let isArray = false;
    let size: Expr | undefined;
    while (this.accept("[")) {
      if (isArray) throw new CSyntaxError("arrays of arrays are outside the supported C subset", this.peek().pos);
      isArray = true;
      if (!this.is("]")) size = this.expression();
      this.expect("]");
    }
    let init: Expr | undefined;
    if (this.accept("=")) init = this.is("{") ? this.initList() : this.assignment();
    return {
      name: name.text,
      isArray,
      isCharArray: isArray && isChar && !isPointer,
      isPointer,
      size,
      init,
      pos: name.pos,
    };
  }

  private initList(): Expr {
    const open = this.expect("{");
    const items: Expr[] = [];
    if (!this.is("}")) {
      do {
        if (this.is("}")) break;
        items.push(this.assignment());
      } while (this.accept(","));
    }
    this.expect("}", "to close the initializer");
    return { kind: "list", items, pos: open.pos };
  }

  private block(): Stmt {
    const open = this.expect("{");
    return this.nest(open.pos, () => {
      const body: Stmt[] = [];
      while (!this.is("}")) {
        if (this.peek().kind === "eof") throw new CSyntaxError("missing '}' before end of file", this.peek().pos);
        body.push(this.statement());
      }
      this.next();
      return { kind: "block", body, pos: open.pos } as Stmt;
    });
  }

  private statement(): Stmt {
    const t = this.peek();
    this.checkSupported(t);
    const pos = t.pos;
    if (this.is("{")) return this.block();
    if (this.accept(";")) return { kind: "empty", pos };
    if (this.isTypeStart()) {
      const type = this.typeSpec();
      const declarators = this.declaratorsFrom(this.ident("a variable name"), type);
      return { kind: "decl", declarators, pos };
    }
    if (t.kind === "ident") {
      switch (t.text) {
        case "if": {
          this.next();
          this.expect("(", "after 'if'");
          const test = this.expression();
          this.expect(")", "after the condition");
          const then = this.nest(pos, () => this.statement());
          const otherwise = this.accept("else") ? this.nest(pos, () => this.statement()) : undefined;
          return { kind: "if", test, then, otherwise, pos };
        }
        case "for": {
          this.next();
          this.expect("(", "after 'for'");
          let init: Stmt | undefined;
          if (this.isTypeStart()) {
            const type = this.typeSpec();
            init = { kind: "decl", declarators: this.declaratorsFrom(this.ident("a variable name"), type), pos };
          } else if (!this.accept(";")) {
            init = { kind: "expr", expr: this.expression(), pos };
            this.expect(";", "in the for header");
          }
          const test = this.is(";") ? undefined : this.expression();
          this.expect(";", "in the for header");
          const update = this.is(")") ? undefined : this.expression();
          this.expect(")", "to close the for header");
          const body = this.nest(pos, () => this.statement());
          return { kind: "for", init, test, update, body, pos };
        }
        case "while": {
          this.next();
          this.expect("(", "after 'while'");
          const test = this.expression();
          this.expect(")", "after the condition");
          return { kind: "while", test, body: this.nest(pos, () => this.statement()), pos };
        }
        case "switch": {
          this.next();
          this.expect("(", "after 'switch'");
          const test = this.expression();
          this.expect(")", "after the switch value");
          this.expect("{", "to open the switch body");
          return this.nest(pos, () => {
            const labels: { value?: Expr; at: number }[] = [];
            const body: Stmt[] = [];
            while (!this.accept("}")) {
              if (this.peek().kind === "eof") throw new CSyntaxError("missing '}' before end of file", this.peek().pos);
              if (this.accept("case")) {
                labels.push({ value: this.conditional(), at: body.length });
                this.expect(":", "after the case value");
              } else if (this.accept("default")) {
                labels.push({ at: body.length });
                this.expect(":", "after 'default'");
              } else body.push(this.statement());
            }
            return { kind: "switch", test, labels, body, pos } as Stmt;
          });
        }
        case "do": {
          this.next();
          const body = this.nest(pos, () => this.statement());
          this.expect("while", "after the do body");
          this.expect("(");
          const test = this.expression();
          this.expect(")");
          this.expect(";");
          return { kind: "do", body, test, pos };
        }
        case "return": {
          this.next();
          const value = this.is(";") ? undefined : this.expression();
          this.expect(";", "after return");
          return { kind: "return", value, pos };
        }
        case "break":
        case "continue":
          this.next();
          this.expect(";");
          return { kind: t.text, pos };
      }
    }
    const expr = this.expression();
    this.expect(";", "after the expression");
    return { kind: "expr", expr, pos };
  }

  expression(): Expr {
    const e = this.assignment();
    if (this.is(",")) throw new CSyntaxError("the comma operator is outside the supported C subset", this.peek().pos);
    return e;
  }

  private assignment(): Expr {
    return this.nest(this.peek().pos, () => {
      const left = this.conditional();
      const t = this.peek();
      if (t.kind === "punct" && ASSIGN_OPS.has(t.text)) {
        if (left.kind !== "name" && left.kind !== "index" && !(left.kind === "unary" && left.op === "*")) {
          throw new CSyntaxError("the left side of an assignment must be a variable", t.pos);
        }
        this.next();
        return { kind: "assign", op: t.text, target: left, value: this.assignment(), pos: t.pos } as Expr;
      }
      return left;
    });
  }

  private conditional(): Expr {
    const test = this.binary(1);
    if (this.is("?")) {
      const q = this.next();
      const then = this.assignment();
      this.expect(":", "in the ?: expression");
      const otherwise = this.conditional();
      return { kind: "conditional", test, then, otherwise, pos: q.pos };
    }
    return test;
  }

  private binary(minPrec: number): Expr {
    let left = this.unary();
    for (;;) {
      const t = this.peek();
      const prec = t.kind === "punct" ? BINARY_PRECEDENCE[t.text] : undefined;
      if (prec === undefined || prec < minPrec) return left;
      this.next();
      const right = this.nest(t.pos, () => this.binary(prec + 1));
      left =
        t.text === "&&" || t.text === "||"
          ? { kind: "logical", op: t.text, left, right, pos: t.pos }
          : { kind: "binary", op: t.text, left, right, pos: t.pos };
    }
  }

  private unary(): Expr {
    const t = this.peek();
    if (t.kind === "punct") {
      if (t.text === "++" || t.text === "--") {
        this.next();
        return { kind: "update", op: t.text, prefix: true, target: this.unary(), pos: t.pos };
      }
      if (t.text === "!" || t.text === "-" || t.text === "+" || t.text === "~" || t.text === "&" || t.text === "*") {
        this.next();
        return { kind: "unary", op: t.text, operand: this.nest(t.pos, () => this.unary()), pos: t.pos };
      }
      // A cast: `(char *)NULL`, `(void)wait(NULL)`; the type is irrelevant to the model.
      if (t.text === "(" && this.isTypeStart(1)) {
        this.next();
        this.typeSpec();
        this.expect(")", "to close the cast");
        return this.nest(t.pos, () => this.unary());
      }
    }
    if (t.kind === "ident" && t.text === "sizeof") {
      this.next();
      if (this.is("(") && this.isTypeStart(1)) {
        this.next();
        const type = this.typeSpec();
        this.expect(")", "to close sizeof");
        return { kind: "sizeof", typeName: type.name, pos: t.pos };
      }
      return { kind: "sizeof", operand: this.nest(t.pos, () => this.unary()), pos: t.pos };
    }
    return this.postfix();
  }

  private postfix(): Expr {
    let e = this.primary();
    for (;;) {
      const t = this.peek();
      if (this.accept("[")) {
        const index = this.expression();
        this.expect("]");
        e = { kind: "index", base: e, index, pos: t.pos };
      } else if (t.kind === "punct" && (t.text === "++" || t.text === "--")) {
        this.next();
        e = { kind: "update", op: t.text, prefix: false, target: e, pos: t.pos };
      } else if (
        t.kind === "punct" &&
        t.text === "." &&
        (this.peek(1).text === "tv_sec" || this.peek(1).text === "tv_nsec")
      ) {
        // struct timespec is modelled as a two-element array.
        this.next();
        const field = this.next();
        e = {
          kind: "index",
          base: e,
          index: { kind: "num", value: field.text === "tv_sec" ? 0 : 1, pos: field.pos },
          pos: t.pos,
        };
      } else if (t.kind === "punct" && (t.text === "." || t.text === "->")) {
        throw new CSyntaxError(`'${t.text}' (structures) is outside the supported C subset`, t.pos);
      } else return e;
    }
  }

  private primary(): Expr {
    const t = this.next();
    switch (t.kind) {
      case "num":
      case "char":
        return { kind: "num", value: t.value as number, pos: t.pos };
      case "str":
        return { kind: "str", value: t.value as string, pos: t.pos };
      case "ident": {
        this.checkSupported(t);
        if (this.accept("(")) {
          const args: Expr[] = [];
          if (!this.is(")")) {
            do args.push(this.assignment());
            while (this.accept(","));
          }
          this.expect(")", `to close the call to ${t.text}()`);
          return { kind: "call", callee: t.text, args, pos: t.pos };
        }
        return { kind: "name", name: t.text, pos: t.pos };
      }
      case "punct":
        if (t.text === "(") {
          const e = this.expression();
          this.expect(")");
          return e;
        }
        throw new CSyntaxError(`unexpected '${t.text}'`, t.pos);
      case "eof":
        throw new CSyntaxError("unexpected end of file", t.pos);
    }
  }
}

export type CParseResult =
  { ok: true; program: CProgram } | { ok: false; message: string; line: number; column: number };

/** Parses C source of the documented subset. Never throws: errors carry line and column. */
export function parseCProgram(source: string): CParseResult {
  if (source.length > MAX_SOURCE_CHARS) {
    return { ok: false, message: `the program is longer than ${MAX_SOURCE_CHARS} characters`, line: 1, column: 1 };
  }
  try {
    const { tokens } = tokenize(source);
    return { ok: true, program: new Parser(tokens).program() };
  } catch (error) {
    if (error instanceof CSyntaxError)
      return { ok: false, message: error.message, line: error.pos.line, column: error.pos.column };
    throw error;
  }
}
