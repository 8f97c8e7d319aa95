// Recursive-descent parser for the documented subset. Anything outside the subset is a SyntaxFault
// naming the construct, so a student learns what to rewrite instead of getting a wrong answer.
import type { DeclTarget, Expr, FunctionNode, Pos, Program, Stmt } from "./ast";
import { SyntaxFault, tokenize, type Token } from "./tokenizer";

const MAX_NESTING = 200;

export function parseProgram(source: string): Program {
  const parser = new Parser(tokenize(source));
  const body: Stmt[] = [];
  while (!parser.atEof()) body.push(parser.statement());
  return { body };
}

const UNSUPPORTED_KEYWORDS: Record<string, string> = {
  class: "classes",
  switch: "switch",
  this: "this",
  yield: "generators",
  delete: "delete",
  import:
    "ES modules (import/export; the model covers CommonJS, where nextTick callbacks run before promise callbacks, so use require)",
  export: "ES modules (import/export; the model covers CommonJS, so use module.exports)",
};

const BINARY_PRECEDENCE: Record<string, number> = {
  "??": 1,
  "||": 2,
  "&&": 3,
  "==": 4,
  "!=": 4,
  "===": 4,
  "!==": 4,
  "<": 5,
  ">": 5,
  "<=": 5,
  ">=": 5,
  "+": 6,
  "-": 6,
  "*": 7,
  "/": 7,
  "%": 7,
  "**": 8,
};

class Parser {
  private i = 0;
  private depth = 0;
  /** Nesting of function bodies: true where `await` is allowed. */
  private asyncStack: boolean[] = [false];

  constructor(private readonly tokens: Token[]) {}

  atEof(): boolean {
    return this.peek().kind === "eof";
  }

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.i + offset, this.tokens.length - 1)]!;
  }

  private nextToken(): Token {
    const t = this.peek();
    if (t.kind !== "eof") this.i++;
    return t;
  }

  private is(value: string, offset = 0): boolean {
    const t = this.peek(offset);
    return (t.kind === "punct" || t.kind === "keyword") && t.value === value;
  }

  private eat(value: string): boolean {
    if (this.is(value)) {
      this.i++;
      return true;
    }
    return false;
  }

  private fail(t: Token, message: string): never {
    throw new SyntaxFault(message, t.line, t.col);
  }

  private describe(t: Token): string {
    if (t.kind === "eof") return "end of input";
    if (t.kind === "string") return `string '${t.value}'`;
    if (t.kind === "template") return "template literal";
    return `'${t.value}'`;
  }

  private expect(value: string): Token {
    const t = this.peek();
    if (!this.is(value)) this.fail(t, `expected '${value}' but found ${this.describe(t)}`);
    this.i++;
    return t;
  }

  private identifier(): string {
    const t = this.peek();
    if (t.kind !== "ident") this.fail(t, `expected a name but found ${this.describe(t)}`);
    this.i++;
    return t.value;
  }

  private endStatement(): void {
    if (this.eat(";")) return;
    const t = this.peek();
    if (t.kind === "eof" || this.is("}") || t.newlineBefore) return;
    this.fail(t, `expected ';' but found ${this.describe(t)}`);
  }

  private enter(t: Token): void {
    if (++this.depth > MAX_NESTING) this.fail(t, `nesting deeper than ${MAX_NESTING} levels`);
  }

  statement(): Stmt {
    const t = this.peek();
    this.enter(t);
    try {
      return this.statementInner(t);
    } finally {
      this.depth--;
    }
  }

  private statementInner(t: Token): Stmt {
    const pos: Pos = { line: t.line, col: t.col };
    if (t.kind === "keyword" && UNSUPPORTED_KEYWORDS[t.value]) {
      this.fail(
        t,
        `${UNSUPPORTED_KEYWORDS[t.value]} are not supported by the event-loop model`.replace("throw are", "throw is"),
      );
    }
    if (this.eat(";")) return { type: "empty", ...pos };
    if (this.is("{")) return { type: "block", body: this.block(), ...pos };
    if (this.is("const") || this.is("let") || this.is("var")) {
      const s = this.declaration();
      this.endStatement();
      return s;
    }
    if (this.is("function") || (this.is("async") && this.is("function", 1) && !this.peek(1).newlineBefore)) {
      const fn = this.functionRest(true);
      return { type: "function", fn, ...pos };
    }
    if (this.eat("return")) {
      if (this.asyncStack.length === 1) this.fail(t, "'return' outside a function");
      const next = this.peek();
      if (this.is(";") || this.is("}") || next.kind === "eof" || next.newlineBefore) {
        this.endStatement();
        return { type: "return", ...pos };
      }
      const arg = this.expression();
      this.endStatement();
      return { type: "return", arg, ...pos };
    }
    if (this.eat("if")) {
      this.expect("(");
      const test = this.expression();
      this.expect(")");
      const cons = this.statement();
      const alt = this.eat("else") ? this.statement() : undefined;
      return { type: "if", test, cons, alt, ...pos };
    }
    if (this.eat("while")) {
      this.expect("(");
      const test = this.expression();
      this.expect(")");
      return { type: "while", test, body: this.statement(), ...pos };
    }
    if (this.eat("for")) return this.forStatement(pos);
    if (this.eat("do")) {
      const body = this.statement();
      this.expect("while");
      this.expect("(");
      const test = this.expression();
      this.expect(")");
      this.eat(";");
      return { type: "dowhile", body, test, ...pos };
    }
    if (this.eat("break")) {
      if (this.peek().kind === "ident" && !this.peek().newlineBefore)
        this.fail(this.peek(), "labelled break is not supported");
      this.endStatement();
      return { type: "break", ...pos };
    }
    if (this.eat("continue")) {
      if (this.peek().kind === "ident" && !this.peek().newlineBefore)
        this.fail(this.peek(), "labelled continue is not supported");
      this.endStatement();
      return { type: "continue", ...pos };
    }
    if (this.eat("throw")) {
      if (this.peek().newlineBefore) this.fail(this.peek(), "illegal newline after throw");
      const arg = this.expression();
      this.endStatement();
      return { type: "throw", arg, ...pos };
    }
    if (this.eat("try")) {
      const block = this.block();
      let param: string | undefined;
      let handler: Stmt[] | undefined;
      let finalizer: Stmt[] | undefined;
      if (this.eat("catch")) {
        if (this.eat("(")) {
          if (this.is("{") || this.is("[")) this.fail(this.peek(), "destructuring in catch is not supported");
          param = this.identifier();
          this.expect(")");
        }
        handler = this.block();
      }
      if (this.eat("finally")) finalizer = this.block();
      if (!handler && !finalizer) this.fail(this.peek(), "missing catch or finally after try");
      return { type: "try", block, param, handler, finalizer, ...pos };
    }
    const expr = this.expression();
    this.endStatement();
    return { type: "expr", expr, ...pos };
  }

  private forStatement(pos: Pos): Stmt {
    this.expect("(");
    let init: Stmt | undefined;
    if (!this.is(";")) {
      const start = this.peek();
      init =
        this.is("const") || this.is("let") || this.is("var")
          ? this.declaration()
          : { type: "expr", expr: this.expression(), line: start.line, col: start.col };
    }
    if (this.is("in")) this.fail(this.peek(), "for…in loops are not supported; use for…of over Object.keys(obj)");
    if (this.is("of")) {
      const d = init?.type === "decl" ? init : undefined;
      if (!d || d.decls.length !== 1 || d.decls[0]!.init)
        this.fail(this.peek(), "for…of needs one declared variable: for (const x of items)");
      this.i++;
      const iter = this.assignment();
      this.expect(")");
      return { type: "forof", kind: d.kind, target: d.decls[0]!.target, iter, body: this.statement(), ...pos };
    }
    this.expect(";");
    const test = this.is(";") ? undefined : this.expression();
    this.expect(";");
    const update = this.is(")") ? undefined : this.expression();
    this.expect(")");
    return { type: "for", init, test, update, body: this.statement(), ...pos };
  }

  private block(): Stmt[] {
    this.expect("{");
    const body: Stmt[] = [];
    while (!this.is("}")) {
      if (this.atEof()) this.fail(this.peek(), "expected '}' but found end of input");
      body.push(this.statement());
    }
    this.expect("}");
    return body;
  }

  private declaration(): Stmt {
    const t = this.nextToken();
    const kind = t.value as "const" | "let" | "var";
    const decls: { target: DeclTarget; init?: Expr }[] = [];
    do {
      let target: DeclTarget;
      if (this.eat("{")) {
        const names: { key: string; local: string }[] = [];
        while (!this.is("}")) {
          const key = this.identifier();
          const local = this.eat(":") ? this.identifier() : key;
          names.push({ key, local });
          if (!this.eat(",")) break;
        }
        this.expect("}");
        target = { type: "pattern", names };
      } else if (this.eat("[")) {
        const names: (string | null)[] = [];
        while (!this.is("]")) {
          if (this.is(",")) {
            names.push(null);
            this.i++;
            continue;
          }
          if (this.is("...") || this.is("{") || this.is("["))
            this.fail(this.peek(), "rest and nested destructuring are not supported");
          names.push(this.identifier());
          if (this.eat("=")) this.fail(this.peek(-1), "default values in destructuring are not supported");
          if (!this.eat(",")) break;
        }
        this.expect("]");
        target = { type: "array", names };
      } else {
        target = { type: "name", name: this.identifier() };
      }
      let init: Expr | undefined;
      if (this.eat("=")) init = this.assignment();
      else if (kind === "const" && !this.is("of") && !this.is("in"))
        this.fail(this.peek(), "missing initializer in const declaration");
      else if (target.type !== "name" && !this.is("of"))
        this.fail(this.peek(), "destructuring declarations need an initializer");
      decls.push({ target, init });
    } while (this.eat(","));
    return { type: "decl", kind, decls, line: t.line, col: t.col };
  }

  /** Parses `[async] function [name](params) { body }` starting at `async` or `function`. */
  private functionRest(requireName: boolean): FunctionNode {
    const start = this.peek();
    const isAsync = this.eat("async");
    this.expect("function");
    if (this.is("*")) this.fail(this.peek(), "generator functions are not supported");
    let name: string | undefined;
    if (this.peek().kind === "ident") name = this.identifier();
    else if (requireName) this.fail(this.peek(), "function declarations need a name");
    const params = this.params();
    const body = this.functionBody(isAsync);
    return { name, params, body, isAsync, isArrow: false, line: start.line, col: start.col };
  }

  private params(): string[] {
    this.expect("(");
    const params: string[] = [];
    while (!this.is(")")) {
      if (this.is("{") || this.is("[") || this.is("..."))
        this.fail(this.peek(), "destructuring and rest parameters are not supported");
      params.push(this.identifier());
      if (this.eat("=")) this.fail(this.peek(-1), "default parameter values are not supported");
      if (!this.eat(",")) break;
    }
    this.expect(")");
    return params;
  }

  private functionBody(isAsync: boolean): Stmt[] {
    this.asyncStack.push(isAsync);
    try {
      return this.block();
    } finally {
      this.asyncStack.pop();
    }
  }

  expression(): Expr {
    const first = this.assignment();
    if (this.is(",")) this.fail(this.peek(), "the comma operator is not supported");
    return first;
  }

  /** True when the tokens at the cursor start an arrow function: `x =>`, `(a, b) =>`, `async x =>`, `async (…) =>`. */
  private arrowAhead(): boolean {
    let k = 0;
    if (this.is("async") && !this.peek(1).newlineBefore && (this.peek(1).kind === "ident" || this.is("(", 1))) k = 1;
    if (this.peek(k).kind === "ident") return this.is("=>", k + 1);
    if (!this.is("(", k)) return false;
    let depth = 0;
    for (let j = this.i + k; j < this.tokens.length; j++) {
      const t = this.tokens[j]!;
      if (t.kind === "eof") return false;
      if (t.kind === "punct" && (t.value === "(" || t.value === "[" || t.value === "{")) depth++;
      if (t.kind === "punct" && (t.value === ")" || t.value === "]" || t.value === "}")) {
        depth--;
        if (depth === 0) {
          const after = this.tokens[j + 1];
          return !!after && after.kind === "punct" && after.value === "=>";
        }
      }
    }
    return false;
  }

  private arrow(): Expr {
    const start = this.peek();
    const isAsync = this.eat("async");
    const params = this.peek().kind === "ident" ? [this.identifier()] : this.params();
    this.expect("=>");
    const fn: FunctionNode = { params, isAsync, isArrow: true, line: start.line, col: start.col };
    if (this.is("{")) {
      fn.body = this.functionBody(isAsync);
    } else {
      this.asyncStack.push(isAsync);
      try {
        fn.expr = this.assignment();
      } finally {
        this.asyncStack.pop();
      }
    }
    return { type: "func", fn, line: start.line, col: start.col };
  }

  private assignment(): Expr {
    const t = this.peek();
    this.enter(t);
    try {
      if (this.arrowAhead()) return this.arrow();
      const left = this.conditional();
      const op = this.peek();
      if (op.kind === "punct" && ["=", "+=", "-=", "*=", "/=", "%="].includes(op.value)) {
        if (left.type !== "ident" && left.type !== "member") this.fail(op, "invalid assignment target");
        this.i++;
        const value = this.assignment();
        return { type: "assign", op: op.value, target: left, value, line: t.line, col: t.col };
      }
      return left;
    } finally {
      this.depth--;
    }
  }

  private conditional(): Expr {
    const t = this.peek();
    const test = this.binary(1);
    if (!this.eat("?")) return test;
    const cons = this.assignment();
    this.expect(":");
    const alt = this.assignment();
    return { type: "cond", test, cons, alt, line: t.line, col: t.col };
  }

  private binary(minPrec: number): Expr {
    let left = this.unary();
    for (;;) {
      const t = this.peek();
      const prec =
        t.kind === "punct"
          ? BINARY_PRECEDENCE[t.value]
          : t.kind === "ident" && t.value === "instanceof"
            ? 5
            : undefined;
      if (prec === undefined || prec < minPrec) return left;
      this.i++;
      // `**` is right-associative; everything else here is left-associative.
      const right = this.binary(t.value === "**" ? prec : prec + 1);
      left = { type: "binary", op: t.value, left, right, line: t.line, col: t.col };
    }
  }

  private unary(): Expr {
    const t = this.peek();
    if (t.kind === "punct" && (t.value === "!" || t.value === "-" || t.value === "+")) {
      this.i++;
      return { type: "unary", op: t.value, arg: this.unary(), line: t.line, col: t.col };
    }
    if (this.is("typeof")) {
      this.i++;
      return { type: "unary", op: "typeof", arg: this.unary(), line: t.line, col: t.col };
    }
    if (this.is("++") || this.is("--")) {
      this.i++;
      const target = this.unary();
      if (target.type !== "ident" && target.type !== "member") this.fail(t, "invalid update target");
      return { type: "update", op: t.value as "++" | "--", prefix: true, target, line: t.line, col: t.col };
    }
    if (this.is("await")) {
      if (!this.asyncStack[this.asyncStack.length - 1]) {
        this.fail(t, "await is only valid in async functions (CommonJS has no top-level await)");
      }
      this.i++;
      return { type: "await", arg: this.unary(), line: t.line, col: t.col };
    }
    const expr = this.postfix();
    const after = this.peek();
    if ((this.is("++") || this.is("--")) && !after.newlineBefore) {
      if (expr.type !== "ident" && expr.type !== "member") this.fail(after, "invalid update target");
      this.i++;
      return { type: "update", op: after.value as "++" | "--", prefix: false, target: expr, line: t.line, col: t.col };
    }
    return expr;
  }

  private postfix(): Expr {
    const t = this.peek();
    let expr: Expr;
    if (this.eat("new")) {
      const callee = this.memberChain(this.primary(), false);
      const args = this.is("(") ? this.args() : [];
      expr = { type: "new", callee, args, line: t.line, col: t.col };
    } else {
      expr = this.primary();
    }
    return this.memberChain(expr, true);
  }

  private memberChain(start: Expr, allowCalls: boolean): Expr {
    let expr = start;
    for (;;) {
      const t = this.peek();
      if (this.is("?.")) this.fail(t, "optional chaining is not supported");
      if (this.eat(".")) {
        const name = this.peek();
        if (name.kind !== "ident" && name.kind !== "keyword")
          this.fail(name, `expected a property name but found ${this.describe(name)}`);
        this.i++;
        expr = { type: "member", object: expr, property: name.value, line: name.line, col: name.col };
      } else if (this.is("[")) {
        this.i++;
        const computed = this.expression();
        this.expect("]");
        expr = { type: "member", object: expr, property: "", computed, line: t.line, col: t.col };
      } else if (allowCalls && this.is("(")) {
        expr = { type: "call", callee: expr, args: this.args(), line: t.line, col: t.col };
      } else if (t.kind === "template" && !t.newlineBefore) {
        this.fail(t, "tagged templates are not supported");
      } else {
        return expr;
      }
    }
  }

  private args(): Expr[] {
    this.expect("(");
    const args: Expr[] = [];
    while (!this.is(")")) {
      args.push(this.spreadOr());
      if (!this.eat(",")) break;
    }
    this.expect(")");
    return args;
  }

  /** An argument or array element: `...expr` or an expression. */
  private spreadOr(): Expr {
    const t = this.peek();
    if (this.eat("...")) return { type: "spread", arg: this.assignment(), line: t.line, col: t.col };
    return this.assignment();
  }

  private primary(): Expr {
    const t = this.peek();
    const pos = { line: t.line, col: t.col };
    switch (t.kind) {
      case "number":
        this.i++;
        return { type: "num", value: t.num!, ...pos };
      case "string":
        this.i++;
        return { type: "str", value: t.value, ...pos };
      case "template": {
        this.i++;
        const exprs = t.parts!.map((tokens) => {
          const sub = new Parser(tokens);
          sub.asyncStack = [...this.asyncStack];
          if (sub.atEof()) this.fail(t, "empty ${} in template literal");
          const e = sub.expression();
          if (!sub.atEof()) sub.fail(sub.peek(), `expected '}' but found ${sub.describe(sub.peek())}`);
          return e;
        });
        return { type: "template", quasis: t.quasis!, exprs, ...pos };
      }
      case "ident":
        this.i++;
        return { type: "ident", name: t.value, ...pos };
      case "keyword":
        if (t.value === "true" || t.value === "false") {
          this.i++;
          return { type: "bool", value: t.value === "true", ...pos };
        }
        if (t.value === "null") {
          this.i++;
          return { type: "null", ...pos };
        }
        if (t.value === "function" || (t.value === "async" && this.is("function", 1))) {
          return { type: "func", fn: this.functionRest(false), ...pos };
        }
        if (t.value === "async") {
          // `async` used as a plain name.
          this.i++;
          return { type: "ident", name: "async", ...pos };
        }
        if (UNSUPPORTED_KEYWORDS[t.value])
          this.fail(t, `${UNSUPPORTED_KEYWORDS[t.value]} are not supported by the event-loop model`);
        return this.fail(t, `unexpected ${this.describe(t)}`);
      case "punct":
        if (t.value === "(") {
          this.i++;
          const e = this.expression();
          this.expect(")");
          return e;
        }
        if (t.value === "[") {
          this.i++;
          const elements: Expr[] = [];
          while (!this.is("]")) {
            if (this.is(",")) this.fail(this.peek(), "array holes are not supported");
            elements.push(this.spreadOr());
            if (!this.eat(",")) break;
          }
          this.expect("]");
          return { type: "array", elements, ...pos };
        }
        if (t.value === "{") return this.objectLiteral();
        return this.fail(t, `unexpected ${this.describe(t)}`);
      default:
        return this.fail(t, `unexpected ${this.describe(t)}`);
    }
  }

  private objectLiteral(): Expr {
    const t = this.expect("{");
    const props: { key: string; value: Expr }[] = [];
    while (!this.is("}")) {
      const k = this.peek();
      if (k.kind !== "ident" && k.kind !== "string" && k.kind !== "keyword" && k.kind !== "number") {
        this.fail(k, `expected a property name but found ${this.describe(k)}`);
      }
      this.i++;
      if (this.eat(":")) {
        props.push({ key: k.value, value: this.assignment() });
      } else if (k.kind === "ident") {
        props.push({ key: k.value, value: { type: "ident", name: k.value, line: k.line, col: k.col } });
      } else {
        this.fail(this.peek(), `expected ':' but found ${this.describe(this.peek())}`);
      }
      if (!this.eat(",")) break;
    }
    this.expect("}");
    return { type: "object", props, line: t.line, col: t.col };
  }
}
