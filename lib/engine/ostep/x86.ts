// Byte-exact port of OSTEP's x86.py, the thread/interleaving simulator of the threads-intro and
// threads-locks homework (two slightly different copies of the script; `variant` picks one). The
// script assembles a tiny x86-like language into Python expression strings and eval()s them; this
// port keeps those strings (verbose mode prints them) and a parsed form it executes. Quirks are kept
// on purpose: memory is a dict of 0..memsize*1024-1 that code also lives in, so reading past it is a
// KeyError, running off the end of the program is eval(0) (a TypeError), and `zassert` prints
// `ABORT:: …` on stdout and exits 1.
import { createPythonRandom, type PythonRandom } from "../random";
import { flagOption, parseOptions, stringOption, type OptionSpec, type ParsedOptions } from "./optparse";
import { parsePyInt } from "./pyparse";
import { pyFixed, pyStrRepr } from "./pyformat";
import { PythonError, RefusedInput, ScriptExit, runScript, type Printer } from "./script";
import type { OstepRun } from "./types";

export type X86Variant = "locks" | "intro";

/** How the program file could not be opened, as Python's OSError subclasses report it. */
export type X86ReadError = { pythonType: string; errno: number; strerror: string };

export interface X86Host {
  /** The `-p` file's text, resolved the way `open()` would (relative to the user's directory). */
  readProgram(path: string): string | X86ReadError;
  /** Seconds of CPU time, only read with `-S` for the (inherently unrepeatable) emulation rate. */
  clock?: () => number;
}

/** Bounds that keep inputs Python would grind through for hours (or forever) from hanging the engine. */
export const X86_LIMITS = {
  /** Characters of output; a spinning thread never halts, and Python would print forever. */
  maxOutputChars: 200_000_000,
  /** Largest -m (KB): Python builds a dict entry per byte of it up front. */
  maxMemsizeKb: 65_536,
  maxThreads: 4_096,
} as const;

const PROG = "x86.py";

const ARGV_HELP =
  "comma-separated per-thread args (e.g., ax=1,ax=2 sets thread 0 ax reg to 1 and thread 1 ax reg to 2); specify multiple regs per thread via colon-separated list (e.g., ax=1:bx=2,cx=3 sets thread 0 ax and bx and just cx for thread 1)";

function specs(variant: X86Variant): OptionSpec[] {
  const locks = variant === "locks";
  const list: (OptionSpec | false)[] = [
    { short: "-s", long: "--seed", dest: "seed", kind: "int", default: 0, help: "the random seed" },
    { short: "-t", long: "--threads", dest: "numthreads", kind: "int", default: 2, help: "number of threads" },
    { short: "-p", long: "--program", dest: "progfile", kind: "string", default: "", help: "source program (in .s)" },
    { short: "-i", long: "--interrupt", dest: "intfreq", kind: "int", default: 50, help: "interrupt frequency" },
    locks && {
      short: "-P",
      long: "--procsched",
      dest: "procsched",
      kind: "string",
      default: "",
      help: "control exactly which thread runs when",
    },
    {
      short: "-r",
      long: "--randints",
      dest: "intrand",
      kind: "store_true",
      default: false,
      help: "if interrupts are random",
    },
    { short: "-a", long: "--argv", dest: "argv", kind: "string", default: "", help: ARGV_HELP },
    {
      short: "-L",
      long: "--loadaddr",
      dest: "loadaddr",
      kind: "int",
      default: 1000,
      help: "address where to load code",
    },
    { short: "-m", long: "--memsize", dest: "memsize", kind: "int", default: 128, help: "size of address space (KB)" },
    {
      short: "-M",
      long: "--memtrace",
      dest: "memtrace",
      kind: "string",
      default: "",
      help: "comma-separated list of addrs to trace (e.g., 20000,20001)",
    },
    {
      short: "-R",
      long: "--regtrace",
      dest: "regtrace",
      kind: "string",
      default: "",
      help: "comma-separated list of regs to trace (e.g., ax,bx,cx,dx)",
    },
    {
      short: "-C",
      long: "--cctrace",
      dest: "cctrace",
      kind: "store_true",
      default: false,
      help: "should we trace condition codes",
    },
    {
      short: "-S",
      long: "--printstats",
      dest: "printstats",
      kind: "store_true",
      default: false,
      help: "print some extra stats",
    },
    {
      short: "-v",
      long: "--verbose",
      dest: "verbose",
      kind: "store_true",
      default: false,
      help: "print some extra info",
    },
    locks && {
      short: "-H",
      long: "--headercount",
      dest: "headercount",
      kind: "int",
      default: -1,
      help: "how often to print a row header",
    },
    {
      short: "-c",
      long: "--compute",
      dest: "solve",
      kind: "store_true",
      default: false,
      help: "compute answers for me",
    },
  ];
  return list.filter((s): s is OptionSpec => s !== false);
}

// ---------------------------------------------------------------------------------------------
// Python helpers

const abort = (printer: Printer, message: string): never => {
  printer.line(`ABORT:: ${message}`);
  throw new ScriptExit(1);
};

const assertion = (): PythonError => new PythonError("AssertionError", "");

/** `int(text)`; Python's ValueError when it is not an integer literal. */
function pyInt(text: string): number {
  const n = parsePyInt(text, 10);
  if (n === null) throw new PythonError("ValueError", `invalid literal for int() with base 10: ${pyStrRepr(text)}`);
  return safe(Number(n));
}

/** Python ints never overflow; ours are doubles, so refuse rather than print a rounded number. */
function safe(n: number): number {
  if (!Number.isSafeInteger(n)) throw new RefusedInput("a value outgrew the integers this simulator keeps exact");
  return n;
}

/** `str.isdigit()` for the ASCII digits programs use. */
const isDigits = (s: string): boolean => /^[0-9]+$/.test(s);
const isAlpha = (ch: string): boolean => /^\p{L}$/u.test(ch);

/** `str.split()` with no separator. */
const pySplit = (s: string): string[] => s.split(/\s+/).filter((p) => p !== "");

/** `str.split(None, 1)`. */
function pySplitOnce(s: string): string[] {
  const t = s.replace(/^\s+/, "");
  if (t === "") return [];
  const m = /\s+/.exec(t);
  if (!m || m.index + m[0].length === t.length) return [m ? t.slice(0, m.index) : t];
  return [t.slice(0, m.index), t.slice(m.index + m[0].length)];
}

/** `'%Ns' % text`: right-justified to N code points. */
function padLeft(text: string, width: number): string {
  const len = [...text].length;
  return len >= width ? text : " ".repeat(width - len) + text;
}

const index = <T>(list: readonly T[], i: number): T => {
  if (i >= list.length) throw new PythonError("IndexError", "list index out of range");
  return list[i]!;
};
const charAt = (s: string, i: number): string => {
  if (i >= s.length) throw new PythonError("IndexError", "string index out of range");
  return s[i]!;
};

// ---------------------------------------------------------------------------------------------
// Machine words. Memory holds ints and, where code is loaded, the instruction strings themselves.

class Instr {
  constructor(
    /** The Python expression the script stores and eval()s, e.g. `self.move_i_to_r(5, 1)`. */
    readonly py: string,
    readonly op: Op,
  ) {}
}
type Word = number | Instr;

const typeName = (w: Word): string => (typeof w === "number" ? "int" : "str");
const wordStr = (w: Word): string => (typeof w === "number" ? String(w) : w.py);

function num(w: Word, what: string, other: Word = 0): number {
  if (typeof w === "number") return w;
  throw new PythonError("TypeError", `unsupported operand type(s) for ${what}: '${typeName(other)}' and 'str'`);
}

const pyD = (w: Word, width: number): string => {
  if (typeof w !== "number") throw new PythonError("TypeError", "%d format: a real number is required, not str");
  return padLeft(String(w), width);
};

type Addr = { value: number; r1: number; r2: number; scale: number };
type Cond = "gte" | "gt" | "lte" | "lt" | "neq" | "eq";
const COND_ORDER: readonly Cond[] = ["gte", "gt", "lte", "lt", "neq", "eq"];

type Op =
  | { k: "mov_i_r"; src: number; dst: number }
  | { k: "mov_i_m"; src: number; addr: Addr }
  | { k: "mov_m_r"; addr: Addr; dst: number }
  | { k: "mov_r_m"; src: number; addr: Addr }
  | { k: "mov_r_r"; src: number; dst: number }
  | { k: "lea"; addr: Addr; dst: number }
  | { k: "arith_i"; op: "add" | "sub" | "mul"; src: number; dst: number }
  | { k: "arith_r"; op: "add" | "sub" | "mul"; src: number; dst: number }
  | { k: "neg"; reg: number }
  | { k: "xchg" | "fetchadd"; src: number; addr: Addr }
  | { k: "test_i_r"; src: number; dst: number }
  | { k: "test_r_i"; src: number; dst: number }
  | { k: "test_r_r"; src: number; dst: number }
  | { k: "jump"; cond: Cond | null; targ: number }
  | { k: "call"; targ: number }
  | { k: "ret" }
  | { k: "push_r"; reg: number }
  | { k: "push_m"; addr: Addr }
  | { k: "pop" }
  | { k: "pop_r"; dst: number }
  | { k: "nop" }
  | { k: "halt" }
  | { k: "yield" }
  | { k: "rdump" }
  | { k: "mdump"; index: number };

type Arg =
  | { t: "TYPE_IMMEDIATE"; v: number }
  | { t: "TYPE_REGISTER"; v: number }
  | { t: "TYPE_LABEL"; v: string }
  /** The script's '%d,%d,%d[,%d]' string, kept as its parts. */
  | { t: "TYPE_MEMORY"; v: number[] };

// ---------------------------------------------------------------------------------------------

class Cpu {
  readonly regnames: [string, number][];
  readonly regByName: Map<string, number>;
  readonly sp: number;
  readonly maxMemory: number;
  registers: Word[];
  conditions: Record<Cond, boolean> = { gte: false, gt: false, lte: false, lt: false, neq: false, eq: false };
  pc = 0;
  icount = 0;
  readonly labels = new Map<string, number>();
  readonly vars = new Map<string, number>();
  /** Every written cell; unwritten cells in [0, maxMemory) read as 0, others are a KeyError. */
  readonly memory = new Map<number, Word>();
  readonly pmemory = new Map<number, string>();
  readonly regtrace: number[] = [];
  private pending = "";
  private chars = 0;

  constructor(
    readonly variant: X86Variant,
    readonly out: Printer,
    memsize: number,
    readonly memtrace: string[],
    regtrace: string[],
    readonly cctrace: boolean,
    readonly compute: boolean,
    readonly verbose: boolean,
    readonly printstats: boolean,
    readonly headercount: number,
  ) {
    const names =
      variant === "locks"
        ? ["zero", "ax", "bx", "cx", "dx", "ex", "fx", "sp", "bp"]
        : ["zero", "ax", "bx", "cx", "dx", "sp", "bp"];
    this.regnames = names.map((n, i) => [n, i]);
    this.regByName = new Map(this.regnames);
    this.sp = this.regByName.get("sp")!;
    this.registers = names.map(() => 0);
    this.maxMemory = memsize * 1024;
    for (const r of regtrace) {
      const num = this.regByName.get(r);
      if (num === undefined) this.abort(`Register ${r} cannot be traced because it does not exist`);
      this.regtrace.push(num!);
    }
  }

  // --- output: Python's print(..., end=' ') builds a line piece by piece.
  w(text: string): void {
    this.pending += text;
  }
  nl(): void {
    this.chars += this.pending.length + 1;
    if (this.chars > X86_LIMITS.maxOutputChars)
      throw new RefusedInput(`output would exceed ${X86_LIMITS.maxOutputChars} characters`);
    this.out.line(this.pending);
    this.pending = "";
  }
  /** Whatever a print(end=' ') left unterminated when the script stops. */
  flush(): void {
    if (this.pending !== "") this.out.write(this.pending);
    this.pending = "";
  }
  println(text: string): void {
    this.w(text);
    this.nl();
  }
  abort(message: string): never {
    this.flush();
    return abort(this.out, message);
  }
  exit1(message: string): never {
    this.println(message);
    throw new ScriptExit(1);
  }

  // --- memory and registers
  read(addr: number): Word {
    const w = this.memory.get(addr);
    if (w !== undefined) return w;
    if (addr >= 0 && addr < this.maxMemory) return 0;
    throw new PythonError("KeyError", String(addr));
  }
  write(addr: number, w: Word): void {
    this.memory.set(addr, w);
  }
  reg(r: number): Word {
    return this.registers[r]!;
  }
  effective(a: Addr, scaled: boolean): number {
    const base = a.value + num(this.reg(a.r1), "+");
    return safe(base + (scaled ? a.scale : 1) * num(this.reg(a.r2), "+"));
  }

  regName(num: number): string {
    for (const [name, n] of this.regnames) if (n === num) return name;
    return "";
  }

  registerTranslate(r: string): number {
    const n = this.regByName.get(r);
    if (n === undefined) this.abort(`Register ${r} is not a valid register`);
    return n!;
  }

  getregname(r: string): string {
    const t = r.trim();
    if (t === "") return "zero";
    if (t[0] !== "%") this.abort(`Expecting a proper register name, got [${r}]`);
    return index(r.split("%"), 1).trim();
  }

  /** The script's getarg: classifies one operand. null is Python's None (an operand it does not recognise). */
  getarg(arg: string): Arg | null {
    return this.variant === "locks" ? this.getargLocks(arg) : this.getargIntro(arg);
  }

  private memArg(value: number, r1: number, r2: number, scale?: number): Arg {
    return { t: "TYPE_MEMORY", v: this.variant === "locks" ? [value, r1, r2, scale ?? 1] : [value, r1, r2] };
  }

  private variable(tmp: string): Arg {
    if (!this.vars.has(tmp)) this.abort(`Variable ${tmp} is not declared`);
    const zero = this.registerTranslate("zero");
    return this.memArg(this.vars.get(tmp)!, zero, zero);
  }

  private getargLocks(arg: string): Arg | null {
    let tmp = arg.replaceAll(",", " ").replaceAll(" \t", "");
    const first = charAt(tmp, 0);
    if (first === "$") {
      let value = index(tmp.split("$"), 1);
      let neg = 1;
      if (charAt(value, 0) === "-") {
        value = value.slice(1);
        neg = -1;
      }
      if (!isDigits(value)) this.abort(`value [${value}] must be a digit`);
      return { t: "TYPE_IMMEDIATE", v: neg * pyInt(value) };
    }
    if (first === "%") return { t: "TYPE_REGISTER", v: this.registerTranslate(index(tmp.split("%"), 1)) };
    if (first === ".") return { t: "TYPE_LABEL", v: tmp };
    if (isAlpha(first)) return this.variable(tmp);
    if (/[0-9]/.test(first) || first === "-" || first === "(") {
      let neg = 1;
      if (first === "-") {
        tmp = tmp.slice(1);
        neg = -1;
      }
      const zero = this.registerTranslate("zero");
      const s = tmp.split("(");
      if (s.length === 1) return this.memArg(neg * pyInt(tmp), zero, zero);
      if (s.length === 2) {
        let value = 0;
        if (charAt(tmp, 0) !== "(") {
          if (!isDigits(s[0]!.trim())) this.abort(`First number should be a digit [${s[0]}]`);
          value = neg * pyInt(s[0]!);
        }
        const t = s[1]!.split(")")[0]!.split("__BREAK__");
        if (t.length === 1) return this.memArg(value, this.registerTranslate(this.getregname(t[0]!)), zero);
        if (t.length === 2) {
          const r1 = this.registerTranslate(this.getregname(t[0]!));
          return this.memArg(value, r1, this.registerTranslate(this.getregname(t[1]!)));
        }
        if (t.length === 3) {
          const r1 = this.registerTranslate(this.getregname(t[0]!));
          const r2 = this.registerTranslate(this.getregname(t[1]!));
          return this.memArg(value, r1, r2, pyInt(t[2]!));
        }
      }
      this.exit1(`mov: bad argument [${tmp}]`);
    }
    return null;
  }

  private getargIntro(arg: string): Arg | null {
    let tmp = arg.replaceAll(",", "").replaceAll(" \t", "");
    const first = charAt(tmp, 0);
    const zero = () => this.registerTranslate("zero");
    if (first === "$") {
      if ([...tmp].length !== 2) this.abort(`correct form is $number (not ${tmp})`);
      const value = index(tmp.split("$"), 1);
      if (!isDigits(value)) this.abort(`value [${value}] must be a digit`);
      return { t: "TYPE_IMMEDIATE", v: pyInt(value) };
    }
    if (first === "%") return { t: "TYPE_REGISTER", v: this.registerTranslate(index(tmp.split("%"), 1)) };
    if (first === "(") {
      const register = index(index(tmp.split("("), 1).split(")")[0]!.split("%"), 1);
      const r = this.registerTranslate(register);
      return this.memArg(0, r, zero());
    }
    if (first === ".") return { t: "TYPE_LABEL", v: tmp };
    if (isAlpha(first)) return this.variable(tmp);
    if (/[0-9]/.test(first) || first === "-") {
      let neg = 1;
      if (first === "-") {
        tmp = tmp.slice(1);
        neg = -1;
      }
      const s = tmp.split("(");
      if (s.length === 1) {
        const value = neg * pyInt(tmp);
        return this.memArg(value, zero(), zero());
      }
      if (s.length === 2) {
        const value = neg * pyInt(s[0]!);
        const t = s[1]!.split(")")[0]!.split(",");
        // Commas were removed above, so only the one-register form can occur.
        const r = this.registerTranslate(index(t[0]!.split("%"), 1));
        return this.memArg(value, r, zero());
      }
      this.exit1(`mov: bad argument [${tmp}]`);
    }
    return null;
  }

  removecommas(cline: string, inargs: string): string {
    let inparen = false;
    let outargs = "";
    for (const ch of inargs) {
      if (ch === "(") {
        if (inparen) this.abort(`cannot have nested parenthesis in argument [${cline}]`);
        inparen = true;
      }
      if (ch === ")") {
        if (!inparen) this.abort(`cannot have right parenthesis without first having left one [${cline}]`);
        inparen = false;
      }
      outargs += inparen && ch === "," ? "__BREAK__" : ch;
    }
    if (inparen) this.abort(`did not close parentheses [${cline}]`);
    return outargs;
  }

  // --- loading

  load(text: string, loadaddr: number): void {
    const lines = splitLines(text);
    let pc = loadaddr;
    let data = 100;
    for (const line of lines) {
      const tmp = pySplit(stripComment(line));
      if (tmp.length === 0) continue;
      if (tmp[0] === ".var") {
        if (this.variant === "locks" ? tmp.length !== 2 && tmp.length !== 3 : tmp.length !== 2) throw assertion();
        this.vars.set(tmp[1]!, data);
        const mul = tmp.length === 3 ? pyInt(tmp[2]!) : 1;
        data = safe(data + 4 * mul);
        if (!(data < loadaddr)) this.abort("Load address overrun by static data");
        if (this.verbose) this.println(`ASSIGN VAR ${tmp[0]} --> ${tmp[1]} ${this.vars.get(tmp[1]!)}`);
      } else if (tmp[0]![0] === ".") {
        if (tmp.length !== 1) throw assertion();
        this.labels.set(tmp[0]!, pc);
        if (this.verbose) this.println(`ASSIGN LABEL ${tmp[0]} --> ${pc}`);
      } else {
        pc += 1;
      }
    }
    if (this.verbose) this.println("");

    pc = loadaddr;
    for (const line of lines) {
      const cline = stripComment(line);
      if (pySplit(cline).length === 0) continue;
      if (cline[0] === ".") continue;
      const tmp = pySplitOnce(cline);
      const opcode = tmp[0]!;
      const text = cline.trim();
      this.pmemory.set(pc, text);
      if (this.verbose && this.variant === "locks") this.println(`opcode ${opcode}`);
      const py = this.assemble(cline, opcode, tmp);
      const instr = new Instr(`self.${py[0]}`, py[1]);
      this.write(pc, instr);
      if (this.verbose) this.println(`pc:${pc} LOADING ${padLeft(text, 20)} --> ${instr.py}`);
      pc += 1;
    }
    if (this.verbose) this.println("");
  }

  private label(name: string): number {
    const at = this.labels.get(name);
    if (at === undefined) throw new PythonError("KeyError", pyStrRepr(name));
    return at;
  }

  private memParts(arg: Arg): number[] {
    // `dst.split(',')` on whatever getarg returned: ints have no split, a label splits into one piece.
    if (arg.t === "TYPE_REGISTER" || arg.t === "TYPE_IMMEDIATE")
      throw new PythonError("AttributeError", "'int' object has no attribute 'split'");
    if (arg.t === "TYPE_LABEL") throw assertion();
    return arg.v;
  }

  private addrOf(parts: number[]): Addr {
    return { value: parts[0]!, r1: parts[1]!, r2: parts[2]!, scale: parts[3] ?? 1 };
  }

  private two(cline: string, opcode: string, tmp: string[]): [Arg, Arg] {
    const rtmp = splitFirst(index(tmp, 1), ",");
    if (!(tmp.length === 2 && rtmp.length === 2))
      this.abort(`${opcode}: needs two args, separated by commas [${cline}]`);
    return [this.need(this.getarg(rtmp[0]!.trim())), this.need(this.getarg(rtmp[1]!.trim()))];
  }

  /** Unpacking getarg's None into (value, type). */
  private need(arg: Arg | null): Arg {
    if (arg === null) throw new PythonError("TypeError", "cannot unpack non-iterable NoneType object");
    return arg;
  }

  private jumpTarget(tmp: string[]): number {
    const text = index(tmp, 1).trim();
    const targ = this.need(this.getarg(text));
    if (targ.t !== "TYPE_LABEL") this.abort(`bad jump target [${text}]`);
    return this.label(targ.v as string);
  }

  /** One instruction: the eval string the script builds (without `self.`) and what it does. */
  private assemble(cline: string, opcode: string, tmp: string[]): [string, Op] {
    const locks = this.variant === "locks";
    const m = (a: Addr) => (locks ? `${a.value}, ${a.r1}, ${a.r2}, ${a.scale}` : `${a.value}, ${a.r1}, ${a.r2}`);
    switch (opcode) {
      case "mov": {
        let src: Arg;
        let dst: Arg;
        if (locks) {
          const rtmp = this.removecommas(cline, index(tmp, 1)).split(",");
          if (rtmp.length !== 2) this.abort(`mov: needs two args, separated by commas [${cline}]`);
          src = this.need(this.getarg(rtmp[0]!.trim()));
          dst = this.need(this.getarg(rtmp[1]!.trim()));
        } else {
          [src, dst] = this.two(cline, "mov", tmp);
        }
        if (src.t === "TYPE_MEMORY" && dst.t === "TYPE_MEMORY") this.exit1("bad mov: two memory arguments");
        if (src.t === "TYPE_IMMEDIATE" && dst.t === "TYPE_IMMEDIATE") this.exit1("bad mov: two immediate arguments");
        if (src.t === "TYPE_IMMEDIATE" && dst.t === "TYPE_REGISTER")
          return [`move_i_to_r(${src.v}, ${dst.v})`, { k: "mov_i_r", src: src.v, dst: dst.v }];
        if (src.t === "TYPE_MEMORY" && dst.t === "TYPE_REGISTER") {
          const addr = this.addrOf(src.v);
          return [`move_m_to_r(${m(addr)}, ${dst.v})`, { k: "mov_m_r", addr, dst: dst.v }];
        }
        if (src.t === "TYPE_REGISTER" && dst.t === "TYPE_MEMORY") {
          const addr = this.addrOf(dst.v);
          return [`move_r_to_m(${src.v}, ${m(addr)})`, { k: "mov_r_m", src: src.v, addr }];
        }
        if (src.t === "TYPE_REGISTER" && dst.t === "TYPE_REGISTER")
          return [`move_r_to_r(${src.v}, ${dst.v})`, { k: "mov_r_r", src: src.v, dst: dst.v }];
        if (src.t === "TYPE_IMMEDIATE" && dst.t === "TYPE_MEMORY") {
          const addr = this.addrOf(dst.v);
          return [`move_i_to_m(${src.v}, ${m(addr)})`, { k: "mov_i_m", src: src.v, addr }];
        }
        return this.abort("malformed mov instruction");
      }
      case "lea":
      case "neg":
      case "mul":
        if (!locks) break;
        if (opcode === "neg") {
          if (tmp.length !== 2) this.abort("neg: takes one argument");
          const dst = this.need(this.getarg(tmp[1]!.trim()));
          if (dst.t !== "TYPE_REGISTER") this.abort("Can only neg a register");
          return [`neg_r(${dst.v})`, { k: "neg", reg: dst.v as number }];
        }
        if (opcode === "lea") {
          const [src, dst] = this.two(cline, "lea", tmp);
          if (src.t === "TYPE_MEMORY" && dst.t === "TYPE_REGISTER") {
            const addr = this.addrOf(src.v);
            return [`lea_m_to_r(${m(addr)}, ${dst.v})`, { k: "lea", addr, dst: dst.v }];
          }
          return this.abort("malformed lea instruction (should be memory address source to register destination");
        }
        return this.arith(cline, "mul", tmp, "malformed usage of add instruction");
      case "pop": {
        if (tmp.length === 1) return ["pop()", { k: "pop" }];
        const dst = this.need(this.getarg(tmp[1]!.trim()));
        if (dst.t !== "TYPE_REGISTER") this.abort("Can only pop into a register");
        return [`pop_r(${dst.v})`, { k: "pop_r", dst: dst.v as number }];
      }
      case "push": {
        const src = this.need(this.getarg(index(tmp, 1).trim()));
        if (src.t === "TYPE_REGISTER") return [`push_r(${src.v})`, { k: "push_r", reg: src.v }];
        if (src.t === "TYPE_MEMORY") {
          const addr = this.addrOf(src.v);
          return [`push_m(${m(addr).replaceAll(" ", "")})`, { k: "push_m", addr }];
        }
        return this.abort("Cannot push anything but registers");
      }
      case "call": {
        const targ = this.need(this.getarg(index(tmp, 1).trim()));
        if (targ.t !== "TYPE_LABEL") this.abort("Cannot call anything but a label");
        const at = this.label(targ.v as string);
        return [`call(${at})`, { k: "call", targ: at }];
      }
      case "ret":
        if (tmp.length !== 1) throw assertion();
        return ["ret()", { k: "ret" }];
      case "add":
        return this.arith(cline, "add", tmp, "malformed usage of add instruction");
      case "sub":
        return this.arith(cline, "sub", tmp, "malformed usage of sub instruction");
      case "fetchadd":
      case "xchg": {
        const [src, dst] = this.two(cline, opcode, tmp);
        const parts = this.memParts(dst);
        if (parts.length !== (locks ? 4 : 3)) throw assertion();
        if (src.t === "TYPE_REGISTER" && dst.t === "TYPE_MEMORY") {
          const name = opcode === "xchg" ? "atomic_exchange" : "fetchadd";
          return [
            `${name}(${src.v}, ${parts[0]}, ${parts[1]}, ${parts[2]})`,
            { k: opcode, src: src.v, addr: this.addrOf(parts) },
          ];
        }
        return this.abort(opcode === "xchg" ? "poorly specified atomic exchange" : "poorly specified fetch and add");
      }
      case "test": {
        const [src, dst] = this.two(cline, "test", tmp);
        if (src.t === "TYPE_IMMEDIATE" && dst.t === "TYPE_REGISTER")
          return [`test_i_r(${src.v}, ${dst.v})`, { k: "test_i_r", src: src.v, dst: dst.v }];
        if (src.t === "TYPE_REGISTER" && dst.t === "TYPE_REGISTER")
          return [`test_r_r(${src.v}, ${dst.v})`, { k: "test_r_r", src: src.v, dst: dst.v }];
        if (src.t === "TYPE_REGISTER" && dst.t === "TYPE_IMMEDIATE")
          return [`test_r_i(${src.v}, ${dst.v})`, { k: "test_r_i", src: src.v, dst: dst.v }];
        return this.abort("malformed usage of test instruction");
      }
      case "j":
      case "jne":
      case "je":
      case "jlt":
      case "jlte":
      case "jgt":
      case "jgte": {
        const targ = this.jumpTarget(tmp);
        const [name, cond] = JUMPS[opcode];
        return [`${name}(${targ})`, { k: "jump", cond, targ }];
      }
      case "nop":
        return ["nop()", { k: "nop" }];
      case "halt":
        return ["halt()", { k: "halt" }];
      case "yield":
        return ["iyield()", { k: "yield" }];
      case "rdump":
        return ["rdump()", { k: "rdump" }];
      case "mdump": {
        // The script splices the operand into Python source and eval()s it; a plain integer is all we run.
        const operand = index(tmp, 1);
        if (!/^\s*(?:-\s*)?(?:0|[1-9](?:_?[0-9])*)\s*$/.test(operand))
          throw new RefusedInput(`mdump takes a plain number here, not ${pyStrRepr(operand)}`);
        return [`mdump(${operand})`, { k: "mdump", index: safe(Number(operand.replace(/[\s_]/g, ""))) }];
      }
    }
    return this.exit1(`illegal opcode:  ${opcode}`);
  }

  private arith(cline: string, op: "add" | "sub" | "mul", tmp: string[], malformed: string): [string, Op] {
    const [src, dst] = this.two(cline, op, tmp);
    if (src.t === "TYPE_IMMEDIATE" && dst.t === "TYPE_REGISTER")
      return [`${op}_i_to_r(${src.v}, ${dst.v})`, { k: "arith_i", op, src: src.v, dst: dst.v }];
    if (src.t === "TYPE_REGISTER" && dst.t === "TYPE_REGISTER")
      return [`${op}_r_to_r(${src.v}, ${dst.v})`, { k: "arith_r", op, src: src.v, dst: dst.v }];
    return this.abort(malformed);
  }

  // --- execution: returns the script's rc (-1 halt, -2 yield, else 0/None)

  private testAll(src: Word, dst: Word): void {
    if (typeof src !== "number" || typeof dst !== "number") {
      throw new PythonError(
        "TypeError",
        `'>' not supported between instances of '${typeName(dst)}' and '${typeName(src)}'`,
      );
    }
    const a = dst as number;
    const b = src as number;
    this.conditions = { gt: a > b, gte: a >= b, lt: a < b, lte: a <= b, eq: a === b, neq: a !== b };
  }

  private arithmetic(op: "add" | "sub" | "mul", dst: number, value: Word): void {
    const sym = op === "add" ? "+=" : op === "sub" ? "-=" : "*=";
    const cur = this.reg(dst);
    const a = num(cur, sym, value);
    const b = num(value, sym, cur);
    this.registers[dst] = safe(op === "add" ? a + b : op === "sub" ? a - b : a * b);
  }

  exec(op: Op): number {
    const locks = this.variant === "locks";
    switch (op.k) {
      case "mov_i_r":
        this.registers[op.dst] = op.src;
        return 0;
      case "mov_i_m":
        this.write(this.effective(op.addr, locks), op.src);
        return 0;
      case "mov_m_r":
        this.registers[op.dst] = this.read(this.effective(op.addr, locks));
        return 0;
      case "mov_r_m":
        this.write(this.effective(op.addr, locks), this.reg(op.src));
        return 0;
      case "mov_r_r":
        this.registers[op.dst] = this.reg(op.src);
        return 0;
      case "lea":
        this.registers[op.dst] = this.effective(op.addr, true);
        return 0;
      case "arith_i":
        this.arithmetic(op.op, op.dst, op.src);
        return 0;
      case "arith_r":
        this.arithmetic(op.op, op.dst, this.reg(op.src));
        return 0;
      case "neg": {
        const v = this.reg(op.reg);
        if (typeof v !== "number") throw new PythonError("TypeError", "bad operand type for unary -: 'str'");
        this.registers[op.reg] = 0 - v;
        return 0;
      }
      case "xchg":
      case "fetchadd": {
        const at = this.effective(op.addr, false);
        const old = this.read(at);
        if (op.k === "xchg") this.write(at, this.reg(op.src));
        else this.write(at, safe(num(old, "+", this.reg(op.src)) + num(this.reg(op.src), "+", old)));
        this.registers[op.src] = old;
        return 0;
      }
      case "test_i_r":
        this.testAll(op.src, this.reg(op.dst));
        return 0;
      case "test_r_i":
        this.testAll(this.reg(op.src), op.dst);
        return 0;
      case "test_r_r":
        this.testAll(this.reg(op.src), this.reg(op.dst));
        return 0;
      case "jump":
        if (op.cond === null || this.conditions[op.cond]) this.pc = op.targ;
        return 0;
      case "call": {
        const sp = safe(num(this.reg(this.sp), "-=") - 4);
        this.registers[this.sp] = sp;
        this.write(sp, this.pc);
        this.pc = op.targ;
        return 0;
      }
      case "ret": {
        const target = this.read(num(this.reg(this.sp), "+"));
        // PC is only ever used as a dict key, so a string there surfaces as a KeyError on the next fetch.
        this.pc = typeof target === "number" ? target : NaN;
        this.registers[this.sp] = safe(num(this.reg(this.sp), "+=") + 4);
        return 0;
      }
      case "push_r": {
        const sp = safe(num(this.reg(this.sp), "-=") - 4);
        this.registers[this.sp] = sp;
        this.write(sp, this.reg(op.reg));
        return 0;
      }
      case "push_m": {
        const sp = safe(num(this.reg(this.sp), "-=") - 4);
        this.registers[this.sp] = sp;
        this.write(sp, this.effective(op.addr, locks));
        return 0;
      }
      case "pop":
        this.registers[this.sp] = safe(num(this.reg(this.sp), "+=") + 4);
        return 0;
      case "pop_r":
        // The threads-intro copy has a bug: it pops the stack pointer itself, not the word it points at.
        this.registers[op.dst] = locks ? this.read(num(this.reg(this.sp), "+")) : this.reg(this.sp);
        this.registers[this.sp] = safe(num(this.reg(this.sp), "+=") + 4);
        return 0;
      case "nop":
        return 0;
      case "halt":
        return -1;
      case "yield":
        return -2;
      case "rdump": {
        const shown = locks ? ["ax", "bx", "cx", "dx", "ex", "fx"] : ["ax", "bx", "cx", "dx"];
        this.w("REGISTERS:: ");
        for (const name of shown) this.w(`${name}: ${wordStr(this.reg(this.regByName.get(name)!))} `);
        return 0;
      }
      case "mdump":
        this.println(`m[${op.index}]  ${wordStr(this.read(op.index))}`);
        return 0;
    }
  }

  // --- tracing

  printHeaders(numThreads: number): void {
    if (this.printstats && this.variant === "locks") this.w("icount ");
    if (this.memtrace.length > 0) {
      for (const m of this.memtrace) {
        if (/[0-9]/.test(charAt(m, 0))) this.w(`${padLeft(String(pyInt(m)), 5)} `);
        else {
          if (!this.vars.has(m)) this.abort(`Traced variable ${m} not declared`);
          this.w(`${padLeft(m, 5)} `);
        }
      }
      this.w("  ");
    }
    if (this.regtrace.length > 0) {
      for (const r of this.regtrace) this.w(`${padLeft(this.regName(r), 5)} `);
      this.w("  ");
    }
    if (this.cctrace) this.w(">= >  <= <  != == ");
    for (let i = 0; i < numThreads; i++) this.w(`       Thread ${i}         `);
    this.nl();
  }

  printTrace(newline: boolean): void {
    if (this.printstats && this.variant === "locks") this.w(`${padLeft(String(this.icount), 6)} `);
    if (this.memtrace.length > 0) {
      for (const m of this.memtrace) {
        if (this.compute) {
          if (/[0-9]/.test(m[0]!)) this.w(`${pyD(this.read(pyInt(m)), 5)} `);
          else {
            if (!this.vars.has(m)) this.abort(`Traced variable ${m} not declared`);
            this.w(`${pyD(this.read(this.vars.get(m)!), 5)} `);
          }
        } else this.w("    ? ");
      }
      this.w("  ");
    }
    if (this.regtrace.length > 0) {
      for (const r of this.regtrace) this.w(this.compute ? `${pyD(this.reg(r), 5)} ` : "    ? ");
      this.w("  ");
    }
    if (this.cctrace) {
      for (const c of COND_ORDER) this.w(this.compute ? (this.conditions[c] ? "1  " : "0  ") : "?  ");
    }
    if ((this.memtrace.length > 0 || this.regtrace.length > 0 || this.cctrace) && newline) this.nl();
  }
}

const JUMPS: Record<"j" | "jne" | "je" | "jlt" | "jlte" | "jgt" | "jgte", [string, Cond | null]> = {
  j: ["jump", null],
  jne: ["jump_notequal", "neq"],
  je: ["jump_equal", "eq"],
  jlt: ["jump_lessthan", "lt"],
  jlte: ["jump_lessthanorequal", "lte"],
  jgt: ["jump_greaterthan", "gt"],
  jgte: ["jump_greaterthanorequal", "gte"],
};

/** Python's text-mode line iteration: universal newlines. */
function splitLines(text: string): string[] {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** `line.rstrip()`, then everything before a `#` (the script asserts there is at most one). */
function stripComment(line: string): string {
  const cline = line.replace(/\s+$/, "");
  const parts = cline.split("#");
  if (parts.length > 2) throw assertion();
  return parts[0]!;
}

function splitFirst(s: string, sep: string): string[] {
  const at = s.indexOf(sep);
  return at < 0 ? [s] : [s.slice(0, at), s.slice(at + sep.length)];
}

// ---------------------------------------------------------------------------------------------
// Threads

type Regs = { regs: Word[]; cc: Record<Cond, boolean>; pc: number };

class Thread implements Regs {
  regs: Word[];
  cc: Record<Cond, boolean> = { gte: false, gt: false, lte: false, lt: false, neq: false, eq: false };
  done = false;
  constructor(
    cpu: Cpu,
    readonly tid: number,
    public pc: number,
    stack: number,
    reginit: string,
  ) {
    this.regs = cpu.registers.map(() => 0);
    if (reginit !== "") {
      for (const r of reginit.split(":")) {
        const tmp = r.split("=");
        if (tmp.length !== 2) throw assertion();
        const reg = cpu.regByName.get(tmp[0]!);
        if (reg === undefined) throw assertion();
        this.regs[reg] = pyInt(tmp[1]!);
      }
    }
    this.regs[cpu.sp] = stack;
  }
  save(cpu: Cpu): void {
    this.pc = cpu.pc;
    this.cc = { ...cpu.conditions };
    this.regs = [...cpu.registers];
  }
  restore(cpu: Cpu): void {
    cpu.pc = this.pc;
    cpu.conditions = { ...this.cc };
    cpu.registers = [...this.regs];
  }
}

class ProcList {
  readonly plist: Thread[] = [];
  active = 0;
  manual = false;
  procsched: number[] = [];
  curr = 0;
  constructor(private readonly cpu: Cpu) {}

  finalize(procsched: string): void {
    if (procsched === "") {
      this.procsched = this.plist.map((_, i) => i);
    } else {
      this.manual = true;
      for (const ch of procsched) {
        const p = pyInt(ch);
        if (p >= this.plist.length) this.cpu.exit1(`bad schedule: cannot include a thread that does not exist (${p})`);
        this.procsched.push(p);
      }
      if (new Set(this.procsched).size !== this.active)
        this.cpu.exit1(`bad schedule: does not include ALL processes [${this.procsched.join(", ")}]`);
    }
    this.curr = 0;
    this.restore();
  }
  getcurr(): Thread {
    return index(this.plist, index(this.procsched, this.curr));
  }
  done(): void {
    this.getcurr().done = true;
    this.active -= 1;
  }
  numdone(): number {
    return this.plist.length - this.active;
  }
  save(): void {
    this.getcurr().save(this.cpu);
  }
  restore(): void {
    this.getcurr().restore(this.cpu);
  }
  next(): void {
    for (;;) {
      this.curr += 1;
      if (this.curr === this.procsched.length) this.curr = 0;
      if (!this.plist[this.procsched[this.curr]!]!.done) return;
    }
  }
}

function run(cpu: Cpu, procs: ProcList, intfreqIn: number, intrandIn: boolean, rng: PythonRandom): number {
  const locks = cpu.variant === "locks";
  let intfreq = intfreqIn;
  let intrand = intrandIn;
  if (procs.manual) {
    intfreq = 1;
    intrand = false;
  }
  const setint = () => (intrand ? Math.trunc(rng.random() * intfreq) + 1 : intfreq);
  const n = procs.plist.length;
  let interrupt = setint();
  cpu.icount = 0;
  if (locks) cpu.println("");
  cpu.printHeaders(n);
  if (locks) cpu.println("");
  cpu.printTrace(true);
  for (;;) {
    if (cpu.headercount > 0 && cpu.icount % cpu.headercount === 0 && cpu.icount > 0) {
      cpu.println("");
      cpu.printHeaders(n);
      cpu.println("");
      cpu.printTrace(true);
    }
    const tid = procs.getcurr().tid;
    const prevPC = cpu.pc;
    const instruction = cpu.read(prevPC);
    cpu.pc += 1;
    if (!(instruction instanceof Instr))
      throw new PythonError("TypeError", "eval() arg 1 must be a string, bytes or code object");
    const rc = cpu.exec(instruction.op);
    cpu.printTrace(false);
    cpu.w(" ".repeat(25 * tid));
    const text = cpu.pmemory.get(prevPC);
    if (text === undefined) throw new PythonError("KeyError", String(prevPC));
    cpu.println(`${prevPC} ${text}`);
    cpu.icount += 1;

    if (rc === -1) {
      procs.done();
      if (procs.numdone() === n) return cpu.icount;
      procs.next();
      procs.restore();
      cpu.printTrace(false);
      cpu.w("----- Halt;Switch -----  ".repeat(n));
      cpu.nl();
    }
    interrupt -= 1;
    if (interrupt === 0 || rc === -2) {
      interrupt = setint();
      const curr = procs.getcurr();
      procs.save();
      procs.next();
      procs.restore();
      if (!procs.manual || curr !== procs.getcurr()) {
        cpu.printTrace(false);
        cpu.w("------ Interrupt ------  ".repeat(n));
        cpu.nl();
      }
    }
  }
}

function pyBool(b: boolean): string {
  return b ? "True" : "False";
}

function body(variant: X86Variant, options: ParsedOptions, host: X86Host, out: Printer): void {
  const locks = variant === "locks";
  const ints = options.ints;
  const str = (dest: string) => stringOption(options, dest);
  const flag = (dest: string) => flagOption(options, dest);
  out.line(`ARG seed ${ints.seed}`);
  out.line(`ARG numthreads ${ints.numthreads}`);
  out.line(`ARG program ${str("progfile")}`);
  out.line(`ARG interrupt frequency ${ints.intfreq}`);
  out.line(`ARG interrupt randomness ${pyBool(flag("intrand"))}`);
  if (locks) out.line(`ARG procsched ${str("procsched")}`);
  out.line(`ARG argv ${str("argv")}`);
  out.line(`ARG load address ${ints.loadaddr}`);
  out.line(`ARG memsize ${ints.memsize}`);
  out.line(`ARG memtrace ${str("memtrace")}`);
  out.line(`ARG regtrace ${str("regtrace")}`);
  out.line(`ARG cctrace ${pyBool(flag("cctrace"))}`);
  out.line(`ARG printstats ${pyBool(flag("printstats"))}`);
  out.line(`ARG verbose ${pyBool(flag("verbose"))}`);
  out.line("");

  const rng = createPythonRandom(ints.seed!);
  const numthreads = ints.numthreads!;
  const intfreq = ints.intfreq!;
  if (!(intfreq > 0n)) abort(out, "Interrupt frequency must be greater than 0");
  const progfile = str("progfile");
  if (progfile === "") abort(out, "Program file must be specified");
  const argv = str("argv").split(",");
  if (!(BigInt(argv.length) === numthreads || argv.length === 1))
    abort(out, "argv: must be one per-thread or just one set of values for all threads");

  if (numthreads > BigInt(X86_LIMITS.maxThreads)) throw new RefusedInput(`more than ${X86_LIMITS.maxThreads} threads`);
  if (ints.memsize! > BigInt(X86_LIMITS.maxMemsizeKb))
    throw new RefusedInput(`a memory size over ${X86_LIMITS.maxMemsizeKb} KB`);
  const memsize = Number(ints.memsize!);
  const loadaddr = safe(Number(ints.loadaddr!));
  const memtrace = str("memtrace") === "" ? [] : str("memtrace").split(",");
  const regtrace = str("regtrace") === "" ? [] : str("regtrace").split(",");
  const headercount = locks ? Number(ints.headercount!) : -1;

  const cpu = new Cpu(
    variant,
    out,
    memsize,
    memtrace,
    regtrace,
    flag("cctrace"),
    flag("solve"),
    flag("verbose"),
    flag("printstats"),
    headercount,
  );
  try {
    const text = host.readProgram(progfile);
    if (typeof text !== "string")
      throw new PythonError(text.pythonType, `[Errno ${text.errno}] ${text.strerror}: ${pyStrRepr(progfile)}`);
    cpu.load(text, loadaddr);

    const procs = new ProcList(cpu);
    let stack = memsize * 1000;
    for (let pid = 0; pid < Number(numthreads); pid++) {
      procs.plist.push(new Thread(cpu, pid, loadaddr, stack, argv.length > 1 ? argv[pid]! : argv[0]!));
      procs.active += 1;
      stack -= 1000;
    }
    procs.finalize(locks ? str("procsched") : "");

    const clock = host.clock ?? (() => 0);
    const t1 = clock();
    const ic = run(cpu, procs, Number(intfreq), flag("intrand"), rng);
    const t2 = clock();
    if (flag("printstats")) {
      cpu.println("");
      cpu.println(`STATS:: Instructions    ${ic}`);
      // The rate is wall-clock noise in the original too; without a clock we report a nominal 1 µs run.
      const elapsed = t2 - t1 > 0 ? t2 - t1 : 1e-6;
      cpu.println(`STATS:: Emulation Rate  ${pyFixed(ic / elapsed / 1000.0, 2)} kinst/sec`);
    }
  } finally {
    cpu.flush();
  }
}

/** Runs `python3 x86.py <args>` (the threads-locks copy, or threads-intro's) and returns what it prints. */
export function runOstepX86(args: string[], host: X86Host, variant: X86Variant = "locks"): OstepRun {
  const parsed = parseOptions(PROG, specs(variant), args);
  if (!parsed.ok) return parsed.run;
  return runScript(PROG, (out) => body(variant, parsed.options, host, out));
}
