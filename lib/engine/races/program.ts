// The race model's programs: a clean, strictly checked subset of OSTEP's x86.py language (same
// syntax and semantics for what it accepts, readable errors with line numbers for what it does not),
// plus blocking `lock m` / `unlock m` for deadlock questions, and a pseudo-C front end
// (`tmp = count; tmp = tmp + 1; count = tmp;`) that compiles to it.

export const RACE_REGISTERS = ["ax", "bx", "cx", "dx", "ex", "fx"] as const;
export type RaceRegister = (typeof RACE_REGISTERS)[number];

/** A memory operand: base + regs[r1] + scale * regs[r2], as x86.py computes addresses. */
export type MemRef = { base: number; r1: number | null; r2: number | null; scale: number };
export type Operand = { kind: "imm"; value: number } | { kind: "reg"; reg: number } | { kind: "mem"; ref: MemRef };
export type Cond = "gte" | "gt" | "lte" | "lt" | "ne" | "eq";

export type RaceOp =
  | { op: "mov"; src: Operand; dst: Operand }
  | { op: "lea"; src: MemRef; dst: number }
  | { op: "add" | "sub" | "mul"; src: Operand; dst: number }
  | { op: "neg"; reg: number }
  | { op: "test"; a: Operand; b: Operand }
  | { op: "jump"; cond: Cond | null; target: number }
  | { op: "xchg" | "fetchadd"; reg: number; mem: MemRef }
  | { op: "lock" | "unlock"; mutex: string }
  | { op: "yield" | "nop" | "halt" };

export interface RaceInstr {
  readonly code: RaceOp;
  /** The instruction as written (trimmed, comment removed). */
  readonly text: string;
  /** 1-based source line (of the pseudo-C statement, for compiled programs). */
  readonly line: number;
}

export interface RaceProgram {
  readonly instrs: readonly RaceInstr[];
  /** Label name (with its dot) -> instruction index. */
  readonly labels: ReadonlyMap<string, number>;
  /** Variable name -> address (x86.py's layout: from 100, four bytes per word). */
  readonly vars: ReadonlyMap<string, number>;
  /** Instructions [start, end) form the critical section, from the `.cs_begin` / `.cs_end` labels. */
  readonly critical: { start: number; end: number } | null;
}

export class RaceSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

const COND_JUMPS: Record<string, Cond | null> = {
  j: null,
  je: "eq",
  jne: "ne",
  jlt: "lt",
  jlte: "lte",
  jgt: "gt",
  jgte: "gte",
};
const MAX_INSTRUCTIONS = 10_000;
/** Where x86.py puts the first `.var`; programs in both models agree on addresses. */
export const FIRST_VAR_ADDRESS = 100;

function regIndex(name: string, line: number): number {
  const i = (RACE_REGISTERS as readonly string[]).indexOf(name);
  if (i < 0)
    throw new RaceSyntaxError(line, `unknown register %${name} (use ${RACE_REGISTERS.map((r) => "%" + r).join(", ")})`);
  return i;
}

function int(text: string, line: number, what: string): number {
  if (!/^-?\d+$/.test(text)) throw new RaceSyntaxError(line, `${what} must be an integer, got '${text}'`);
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new RaceSyntaxError(line, `${what} is too large`);
  return n;
}

function parseOperand(raw: string, vars: ReadonlyMap<string, number>, line: number): Operand {
  const text = raw.replace(/\s+/g, "");
  if (text === "") throw new RaceSyntaxError(line, "missing operand");
  if (text.startsWith("$")) return { kind: "imm", value: int(text.slice(1), line, "an immediate") };
  if (text.startsWith("%")) return { kind: "reg", reg: regIndex(text.slice(1), line) };
  const m = /^([A-Za-z_]\w*|-?\d+)?(?:\(([^)]*)\))?$/.exec(text);
  if (!m || (m[1] === undefined && m[2] === undefined))
    throw new RaceSyntaxError(line, `cannot read operand '${raw.trim()}'`);
  let base = 0;
  if (m[1] !== undefined) {
    if (/^[A-Za-z_]/.test(m[1])) {
      const at = vars.get(m[1]);
      if (at === undefined) throw new RaceSyntaxError(line, `variable '${m[1]}' is not declared (add '.var ${m[1]}')`);
      base = at;
    } else base = int(m[1], line, "an address");
  }
  let r1: number | null = null;
  let r2: number | null = null;
  let scale = 1;
  if (m[2] !== undefined) {
    const parts = m[2].split(",");
    if (parts.length > 3)
      throw new RaceSyntaxError(line, `an address takes at most (%base,%index,scale), got '(${m[2]})'`);
    const reg = (p: string | undefined) =>
      p === undefined || p === "" ? null : p.startsWith("%") ? regIndex(p.slice(1), line) : badReg(p, line);
    r1 = reg(parts[0]);
    r2 = reg(parts[1]);
    if (parts[2] !== undefined) scale = int(parts[2], line, "a scale");
  }
  return { kind: "mem", ref: { base, r1, r2, scale } };
}

function badReg(p: string, line: number): never {
  throw new RaceSyntaxError(line, `expected a register like %ax, got '${p}'`);
}

/** Splits "a, b" at the comma outside parentheses. */
function twoOperands(rest: string, opcode: string, line: number): [string, string] {
  let depth = 0;
  for (let i = 0; i < rest.length; i++) {
    const ch = rest[i];
    if (ch === "(") depth++;
    else if (ch === ")") depth--;
    else if (ch === "," && depth === 0) {
      const second = rest.slice(i + 1);
      if (second.includes(",") && !/\(/.test(second)) throw new RaceSyntaxError(line, `${opcode} takes two operands`);
      return [rest.slice(0, i), second];
    }
  }
  throw new RaceSyntaxError(line, `${opcode} takes two operands separated by a comma`);
}

const isReg = (o: Operand): o is { kind: "reg"; reg: number } => o.kind === "reg";
const isMem = (o: Operand): o is { kind: "mem"; ref: MemRef } => o.kind === "mem";

/** Assembles x86.py-style source. `lineOf` maps an instruction's source line to the line to report. */
export function assembleRace(source: string): RaceProgram {
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  const vars = new Map<string, number>();
  const labels = new Map<string, number>();
  let data = FIRST_VAR_ADDRESS;
  let count = 0;
  const body: { text: string; line: number }[] = [];
  lines.forEach((raw, i) => {
    const line = i + 1;
    const text = raw.split("#")[0]!.trim();
    if (text === "") return;
    const words = text.split(/\s+/);
    if (words[0] === ".var") {
      if (words.length < 2 || words.length > 3 || !/^[A-Za-z_]\w*$/.test(words[1]!))
        throw new RaceSyntaxError(line, "write '.var name' or '.var name count'");
      if (vars.has(words[1]!)) throw new RaceSyntaxError(line, `variable '${words[1]}' is declared twice`);
      vars.set(words[1]!, data);
      const n = words.length === 3 ? int(words[2]!, line, "a .var count") : 1;
      if (n < 1 || n > 1024) throw new RaceSyntaxError(line, "a .var count must be between 1 and 1024");
      data += 4 * n;
    } else if (words[0]!.startsWith(".")) {
      if (words.length !== 1) throw new RaceSyntaxError(line, "a label stands alone on its line");
      if (labels.has(words[0]!)) throw new RaceSyntaxError(line, `label ${words[0]} is defined twice`);
      labels.set(words[0]!, count);
    } else {
      body.push({ text, line });
      count++;
      if (count > MAX_INSTRUCTIONS)
        throw new RaceSyntaxError(line, `a program may have at most ${MAX_INSTRUCTIONS} instructions`);
    }
  });
  const instrs = body.map(({ text, line }) => ({ code: parseInstr(text, line, vars, labels), text, line }));
  const start = labels.get(".cs_begin");
  const end = labels.get(".cs_end");
  if ((start === undefined) !== (end === undefined))
    throw new RaceSyntaxError(1, "mark a critical section with both .cs_begin and .cs_end");
  if (start !== undefined && end! < start) throw new RaceSyntaxError(1, ".cs_end comes before .cs_begin");
  return { instrs, labels, vars, critical: start === undefined ? null : { start, end: end! } };
}

function parseInstr(
  text: string,
  line: number,
  vars: ReadonlyMap<string, number>,
  labels: ReadonlyMap<string, number>,
): RaceOp {
  const m = /^(\S+)\s*(.*)$/.exec(text)!;
  const opcode = m[1]!;
  const rest = m[2]!;
  const none = () => {
    if (rest !== "") throw new RaceSyntaxError(line, `${opcode} takes no operand`);
  };
  const two = () => {
    const [a, b] = twoOperands(rest, opcode, line);
    return [parseOperand(a, vars, line), parseOperand(b, vars, line)] as const;
  };
  if (opcode in COND_JUMPS) {
    const target = labels.get(rest.trim());
    if (!rest.trim().startsWith(".")) throw new RaceSyntaxError(line, `${opcode} needs a label like .top`);
    if (target === undefined) throw new RaceSyntaxError(line, `label ${rest.trim()} is not defined`);
    return { op: "jump", cond: COND_JUMPS[opcode]!, target };
  }
  switch (opcode) {
    case "mov": {
      const [src, dst] = two();
      if (dst.kind === "imm") throw new RaceSyntaxError(line, "mov cannot store into an immediate");
      if (isMem(src) && isMem(dst))
        throw new RaceSyntaxError(line, "mov cannot copy memory to memory; load into a register first");
      return { op: "mov", src, dst };
    }
    case "lea": {
      const [src, dst] = two();
      if (!isMem(src) || !isReg(dst)) throw new RaceSyntaxError(line, "lea takes an address and a register");
      return { op: "lea", src: src.ref, dst: dst.reg };
    }
    case "add":
    case "sub":
    case "mul": {
      const [src, dst] = two();
      if (!isReg(dst) || isMem(src)) throw new RaceSyntaxError(line, `${opcode} takes $value or %reg, then %reg`);
      return { op: opcode, src, dst: dst.reg };
    }
    case "neg": {
      const reg = parseOperand(rest, vars, line);
      if (!isReg(reg)) throw new RaceSyntaxError(line, "neg takes a register");
      return { op: "neg", reg: reg.reg };
    }
    case "test": {
      const [a, b] = two();
      if (isMem(a) || isMem(b)) throw new RaceSyntaxError(line, "test compares registers and immediates, not memory");
      return { op: "test", a, b };
    }
    case "xchg":
    case "fetchadd": {
      const [reg, mem] = two();
      if (!isReg(reg) || !isMem(mem)) throw new RaceSyntaxError(line, `${opcode} takes %reg, then a memory operand`);
      return { op: opcode, reg: reg.reg, mem: mem.ref };
    }
    case "lock":
    case "unlock": {
      if (!/^[A-Za-z_]\w*$/.test(rest)) throw new RaceSyntaxError(line, `${opcode} takes a mutex name`);
      return { op: opcode, mutex: rest };
    }
    case "yield":
    case "nop":
    case "halt":
      none();
      return { op: opcode };
  }
  throw new RaceSyntaxError(line, `unknown instruction '${opcode}'`);
}

// ---------------------------------------------------------------------------------------------
// Pseudo-C

/** x86.py's general registers in both of its variants (threads-intro has no %ex or %fx). */
const PSEUDO_C_REGISTERS = ["%ax", "%bx", "%cx", "%dx"] as const;

type Statement =
  { kind: "raw"; text: string; line: number } | { kind: "assign"; dest: string; expr: string[]; line: number };

/**
 * Compiles statements such as `tmp = count; tmp = tmp + 1; count = tmp;`, `count++;`, `lock(m);`,
 * `unlock(m);` and `yield;`. Names in `shared` are memory (one `.var` each); every other name is a
 * thread-local register (%ax, %bx, %cx, %dx in order of first use). A statement that needs a scratch
 * register takes the first of those four that no local owns, so `count++` alone is OSTEP's
 * `mov count, %ax; add $1, %ax; mov %ax, count`, and every compiled program also runs in x86.py's
 * threads-intro variant, which has no %ex or %fx. Each statement touches shared memory with separate
 * load and store instructions, which is exactly what makes `count++` a race.
 */
export function compilePseudoC(source: string, shared: readonly string[]): RaceProgram {
  const out: string[] = shared.map((name) => `.var ${name}`);
  const lineOf: number[] = [];
  const locals = new Map<string, string>();
  const isShared = (n: string) => shared.includes(n);
  const isName = (tok: string) => /^[A-Za-z_]\w*$/.test(tok);
  const emit = (text: string, line: number) => {
    out.push(text);
    lineOf.push(line);
  };

  const statements: Statement[] = [];
  source.split("\n").forEach((rawLine, i) => {
    for (const part of rawLine.replace(/\/\/.*$/, "").split(";")) {
      const text = part.trim();
      const line = i + 1;
      if (text === "") continue;
      let m: RegExpExecArray | null;
      if ((m = /^(lock|unlock)\s*\(\s*([A-Za-z_]\w*)\s*\)$/.exec(text)))
        statements.push({ kind: "raw", text: `${m[1]} ${m[2]}`, line });
      else if (text === "yield") statements.push({ kind: "raw", text: "yield", line });
      else if ((m = /^([A-Za-z_]\w*)\s*(\+\+|--)$/.exec(text)))
        statements.push({ kind: "assign", dest: m[1]!, expr: [m[1]!, m[2] === "++" ? "+" : "-", "1"], line });
      else if ((m = /^([A-Za-z_]\w*)\s*=\s*(\S+?)\s*(?:([+-])\s*(\S+))?$/.exec(text)))
        statements.push({ kind: "assign", dest: m[1]!, expr: m[3] ? [m[2]!, m[3], m[4]!] : [m[2]!], line });
      else
        throw new RaceSyntaxError(
          line,
          `cannot read statement '${text}' (use x = a; x = a + b; x++; lock(m); unlock(m); yield)`,
        );
    }
  });
  // Locals take their registers before any code is emitted, so a scratch register is never one a
  // local will later own (a local read before it is written then still reads its initial value).
  for (const st of statements) {
    if (st.kind !== "assign") continue;
    for (const tok of [st.expr[0]!, st.dest, st.expr[2]]) {
      if (tok === undefined || /^-?\d+$/.test(tok)) continue;
      if (!isName(tok)) throw new RaceSyntaxError(st.line, `expected a name or a number, got '${tok}'`);
      if (isShared(tok) || locals.has(tok)) continue;
      if (locals.size === PSEUDO_C_REGISTERS.length)
        throw new RaceSyntaxError(st.line, `too many local variables (at most ${PSEUDO_C_REGISTERS.length}): '${tok}'`);
      locals.set(tok, PSEUDO_C_REGISTERS[locals.size]!);
    }
  }
  const free = PSEUDO_C_REGISTERS.filter((r) => ![...locals.values()].includes(r));
  const scratch = (k: number, line: number): string => {
    const reg = free[k];
    if (reg === undefined)
      throw new RaceSyntaxError(
        line,
        `this statement needs a scratch register, but all ${PSEUDO_C_REGISTERS.length} hold local variables (use fewer locals)`,
      );
    return reg;
  };
  const operand = (tok: string): { kind: "imm" | "reg" | "mem"; text: string } => {
    if (/^-?\d+$/.test(tok)) return { kind: "imm", text: `$${tok}` };
    return isShared(tok) ? { kind: "mem", text: tok } : { kind: "reg", text: locals.get(tok)! };
  };

  for (const st of statements) {
    if (st.kind === "raw") emit(st.text, st.line);
    else compileAssign(st.dest, st.expr, st.line);
  }

  function compileAssign(dest: string, expr: string[], line: number): void {
    const a = operand(expr[0]!);
    const target = operand(dest);
    if (target.kind === "imm") throw new RaceSyntaxError(line, "cannot assign to a number");
    if (expr.length === 1 && target.kind === "mem" && a.kind !== "mem") {
      emit(`mov ${a.text}, ${target.text}`, line);
      return;
    }
    let used = 0;
    // `t = u - t` must not overwrite t with u before subtracting it: compute in a scratch register.
    const clobbers = target.kind === "reg" && expr.length === 3 && operand(expr[2]!).text === target.text;
    const work = target.kind === "reg" && !(clobbers && a.text !== target.text) ? target.text : scratch(used++, line);
    if (a.text !== work) emit(`mov ${a.text}, ${work}`, line);
    if (expr.length === 3) {
      const b = operand(expr[2]!);
      const op = expr[1] === "+" ? "add" : "sub";
      if (b.kind === "mem") {
        const tmp = scratch(used++, line);
        emit(`mov ${b.text}, ${tmp}`, line);
        emit(`${op} ${tmp}, ${work}`, line);
      } else emit(`${op} ${b.text}, ${work}`, line);
    }
    if (work !== target.text) emit(`mov ${work}, ${target.text}`, line);
  }

  const assembled = assembleRace(out.join("\n"));
  // Report each instruction against the pseudo-C line it came from.
  return { ...assembled, instrs: assembled.instrs.map((ins, i) => ({ ...ins, line: lineOf[i]! })) };
}
