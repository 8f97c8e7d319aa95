// Syntax tree of the C subset. Plain objects so a parsed program can be logged or compared.
import type { SourcePos } from "./lexer";

export type Expr =
  | { kind: "num"; value: number; pos: SourcePos }
  | { kind: "str"; value: string; pos: SourcePos }
  | { kind: "name"; name: string; pos: SourcePos }
  | { kind: "call"; callee: string; args: Expr[]; pos: SourcePos }
  | { kind: "unary"; op: "!" | "-" | "+" | "~" | "&" | "*"; operand: Expr; pos: SourcePos }
  | { kind: "binary"; op: string; left: Expr; right: Expr; pos: SourcePos }
  | { kind: "logical"; op: "&&" | "||"; left: Expr; right: Expr; pos: SourcePos }
  | { kind: "conditional"; test: Expr; then: Expr; otherwise: Expr; pos: SourcePos }
  | { kind: "assign"; op: string; target: Expr; value: Expr; pos: SourcePos }
  | { kind: "update"; op: "++" | "--"; prefix: boolean; target: Expr; pos: SourcePos }
  | { kind: "index"; base: Expr; index: Expr; pos: SourcePos }
  | { kind: "list"; items: Expr[]; pos: SourcePos }
  /** `sizeof(type)` (typeName set) or `sizeof expr`. */
  | { kind: "sizeof"; typeName?: string; operand?: Expr; pos: SourcePos };

export interface Declarator {
  name: string;
  isArray: boolean;
  /** Declared with element type `char` and no `*`: a byte array (`char tag[16] = "P"`). */
  isCharArray?: boolean;
  /** Declared with a `*` (`char *s`, `char *args[]`): sizeof is a pointer's. */
  isPointer?: boolean;
  /** The size in brackets, when given (`int a[5]`). */
  size?: Expr;
  init?: Expr;
  pos: SourcePos;
}

export type Stmt =
  | { kind: "decl"; declarators: Declarator[]; pos: SourcePos }
  | { kind: "expr"; expr: Expr; pos: SourcePos }
  | { kind: "if"; test: Expr; then: Stmt; otherwise?: Stmt; pos: SourcePos }
  | { kind: "for"; init?: Stmt; test?: Expr; update?: Expr; body: Stmt; pos: SourcePos }
  | { kind: "while"; test: Expr; body: Stmt; pos: SourcePos }
  /** `switch`: `labels` point into `body` (value undefined for `default`); control falls through. */
  | { kind: "switch"; test: Expr; labels: { value?: Expr; at: number }[]; body: Stmt[]; pos: SourcePos }
  | { kind: "do"; body: Stmt; test: Expr; pos: SourcePos }
  | { kind: "block"; body: Stmt[]; pos: SourcePos }
  | { kind: "return"; value?: Expr; pos: SourcePos }
  | { kind: "break"; pos: SourcePos }
  | { kind: "continue"; pos: SourcePos }
  | { kind: "empty"; pos: SourcePos };

export interface FunctionDef {
  name: string;
  params: string[];
  body: Stmt;
  pos: SourcePos;
}

export interface CProgram {
  functions: Record<string, FunctionDef>;
  /** File-scope variables (`int counter = 0;`), initialised before main runs. */
  globals: Declarator[];
}
