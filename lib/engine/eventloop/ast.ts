// Syntax tree of the supported JavaScript subset. Every node keeps its source position so that
// runtime refusals ("setInterval is not supported") can point at the line a student wrote.

export interface Pos {
  line: number;
  col: number;
}

export type Expr =
  | ({ type: "num"; value: number } & Pos)
  | ({ type: "str"; value: string } & Pos)
  | ({ type: "bool"; value: boolean } & Pos)
  | ({ type: "null" } & Pos)
  | ({ type: "template"; quasis: string[]; exprs: Expr[] } & Pos)
  | ({ type: "ident"; name: string } & Pos)
  | ({ type: "member"; object: Expr; property: string; computed?: Expr } & Pos)
  | ({ type: "call"; callee: Expr; args: Expr[] } & Pos)
  | ({ type: "new"; callee: Expr; args: Expr[] } & Pos)
  | ({ type: "func"; fn: FunctionNode } & Pos)
  | ({ type: "await"; arg: Expr } & Pos)
  | ({ type: "binary"; op: string; left: Expr; right: Expr } & Pos)
  | ({ type: "unary"; op: string; arg: Expr } & Pos)
  | ({ type: "assign"; op: string; target: Expr; value: Expr } & Pos)
  | ({ type: "update"; op: "++" | "--"; prefix: boolean; target: Expr } & Pos)
  | ({ type: "cond"; test: Expr; cons: Expr; alt: Expr } & Pos)
  | ({ type: "array"; elements: Expr[] } & Pos)
  | ({ type: "object"; props: { key: string; value: Expr }[] } & Pos)
  | ({ type: "spread"; arg: Expr } & Pos);

export interface FunctionNode extends Pos {
  name?: string;
  params: string[];
  /** An arrow function with an expression body has `expr`; everything else has `body`. */
  body?: Stmt[];
  expr?: Expr;
  isAsync: boolean;
  isArrow: boolean;
}

export type DeclTarget =
  | { type: "name"; name: string }
  | { type: "pattern"; names: { key: string; local: string }[] }
  | { type: "array"; names: (string | null)[] };

export type Stmt =
  | ({ type: "decl"; kind: "const" | "let" | "var"; decls: { target: DeclTarget; init?: Expr }[] } & Pos)
  | ({ type: "function"; fn: FunctionNode } & Pos)
  | ({ type: "expr"; expr: Expr } & Pos)
  | ({ type: "return"; arg?: Expr } & Pos)
  | ({ type: "if"; test: Expr; cons: Stmt; alt?: Stmt } & Pos)
  | ({ type: "for"; init?: Stmt; test?: Expr; update?: Expr; body: Stmt } & Pos)
  | ({ type: "while"; test: Expr; body: Stmt } & Pos)
  | ({ type: "block"; body: Stmt[] } & Pos)
  | ({ type: "forof"; kind: "const" | "let" | "var"; target: DeclTarget; iter: Expr; body: Stmt } & Pos)
  | ({ type: "dowhile"; body: Stmt; test: Expr } & Pos)
  | ({ type: "try"; block: Stmt[]; param?: string; handler?: Stmt[]; finalizer?: Stmt[] } & Pos)
  | ({ type: "throw"; arg: Expr } & Pos)
  | ({ type: "break" } & Pos)
  | ({ type: "continue" } & Pos)
  | ({ type: "empty" } & Pos);

export interface Program {
  body: Stmt[];
}
