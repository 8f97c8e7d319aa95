// Runs one process of a C-subset program and records what it does.
//
// Every process is deterministic on its own: processes share nothing but exit statuses, and each
// child is run to completion at its fork() (so a later wait() knows its status). To "continue" a
// child from the middle of its parent we replay: the program is re-run from main() with the
// results of earlier fork() calls fixed (`path`), and recording starts at the fork that created
// the child. Replay reproduces the copied memory and the copied stdio buffers for free.
//
// Two kinds of call depend on timing: waitpid(…, WNOHANG) (has the child exited yet?) and getppid()
// (has the parent exited, re-parenting us to the reaper?). Each such call is a branch point: the
// world is run once per combination of outcomes (`World.forced` fixes the outcomes of a run), and
// each outcome is recorded as an event the interleaving search must respect (see interleave.ts).
// Pids are symbolic values (PidValue): their digits differ on every run, so the model only tests
// them against each other for equality, against 0/-1, and prints them as `<pid 1001>`.
import type { CProgram, Declarator, Expr, Stmt } from "../c/ast";
import { formatPieces, PrintfError, type PrintfArg } from "../c/printf";
import {
  discardAll,
  flushAll,
  flushStream,
  initialStdio,
  setMode,
  StdioLimitError,
  streamOutput,
  type BufferMode,
  type RawWrite,
  type StdioState,
  type StreamName,
} from "../c/stdio";
import { chargeWork } from "../../work";
import type { ForkExitHow, ForkEvent, ForkProcessInfo } from "./types";

export const FIRST_PID = 1000;
export const MAX_PROCESSES = 64;
/** Statement and expression evaluations across all processes and replays. */
export const MAX_STEPS = 2_000_000;
const MAX_CALL_DEPTH = 200;
/** Timing-dependent calls (WNOHANG polls, getppid) in one run: more means a polling loop. */
export const MAX_TIMING_CALLS = 16;

/** A refusal: the program is outside the model (or would explode); carries the source line. */
export class ForkModelError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

/**
 * A pid: a process of the program (its model pid), the reaper that adopts an orphan (init or a
 * subreaper), the shell that started the program, or "one of several children" (wait() with
 * several candidates, whichever exits first).
 */
export class PidValue {
  constructor(readonly of: number | "reaper" | "shell" | "some-child") {}
  /** How the model prints it. */
  get symbol(): string {
    return typeof this.of === "number"
      ? `<pid ${this.of}>`
      : this.of === "reaper"
        ? "<pid of reaper>"
        : this.of === "shell"
          ? "<pid of shell>"
          : "<pid of some child>";
  }
  /** The smallest value a real pid of this kind can have (init is 1; every other process is above). */
  get least(): number {
    return this.of === "reaper" ? 1 : 2;
  }
}

/**
 * A `char` array: mutable bytes of a fixed size (`char tag[16] = "P"`). String literals stay JS
 * strings (read-only, as in C); a `char *` that points at an array shares this object.
 */
export class CharBuf {
  constructor(readonly bytes: number[]) {}
  /** The C string it holds: the bytes up to the first NUL. */
  get text(): string {
    const end = this.bytes.indexOf(0);
    return String.fromCharCode(...(end < 0 ? this.bytes : this.bytes.slice(0, end)));
  }
}

type CValue = number | string | PidValue | CharBuf | CValue[];
interface Cell {
  value: CValue | undefined;
  /** For sizeof: bytes of one element and the declared element count (arrays), or of the whole variable. */
  elemSize?: number;
  length?: number;
}

class BreakSignal {}
class ContinueSignal {}
class ReturnSignal {
  constructor(readonly value: CValue) {}
}
class ProcessEnd {}

function sizeOfType(name: string): number {
  if (name.endsWith("*")) return 8;
  const words = name
    .split(" ")
    .filter((w) => !["const", "static", "volatile", "register", "signed", "unsigned", "auto", "extern"].includes(w));
  if (words.length === 0) return 4; // bare `unsigned`
  if (words.includes("long")) return 8;
  return TYPE_SIZES[words.join(" ")] ?? TYPE_SIZES[words[words.length - 1]!] ?? 4;
}

const CONSTANTS: Record<string, number> = {
  NULL: 0,
  EXIT_SUCCESS: 0,
  EXIT_FAILURE: 1,
  true: 1,
  false: 0,
  _IOFBF: 0,
  _IOLBF: 1,
  _IONBF: 2,
  STDIN_FILENO: 0,
  STDOUT_FILENO: 1,
  STDERR_FILENO: 2,
  BUFSIZ: 8192,
};
const SIGABRT = 6;
/** glibc's value of WNOHANG. */
const WNOHANG = 1;
const ENOENT = 2;
/** sizeof of the types snippets use (x86-64 Linux). */
const TYPE_SIZES: Record<string, number> = {
  char: 1,
  short: 2,
  int: 4,
  unsigned: 4,
  pid_t: 4,
  long: 8,
  size_t: 8,
  ssize_t: 8,
  "struct timespec": 16,
};
/** Longest array the model creates (`char buf[N]`, `int a[N]`). */
const MAX_ARRAY = 65536;
/** The shortest sleep that orders processes: shorter ones are treated as no wait at all. */
export const MIN_ORDERING_SLEEP_MS = 1;

/** One timing-dependent call met in a run, with the outcome it was given (index into its outcomes). */
export interface TimingCall {
  key: string;
  outcome: number;
  outcomes: number;
  line: number;
  /** What the outcome assumes, for people: "process 1000's waitpid(1001, WNOHANG) at line 9 finds it still running". */
  assumption: string;
}

export interface World {
  program: CProgram;
  stdoutIsTty: boolean;
  maxProcesses: number;
  processes: Map<number, ForkProcessInfo>;
  nextPid: number;
  steps: number;
  /** Last statement or expression evaluated: where a refusal points when it carries only a line. */
  position: { line: number; column: number };
  /** Outcomes fixed for this run, by call key; calls not listed take outcome 0. */
  forced: ReadonlyMap<string, number>;
  /** Timing-dependent calls in the order this run first met them (replays meet them again). */
  timingCalls: TimingCall[];
  /** The "exec returns" misconception (ForkAnalysisOptions.belief): a successful exec runs its program like a call. */
  execReturns: boolean;
}

export function createWorld(
  program: CProgram,
  stdoutIsTty: boolean,
  maxProcesses: number,
  forced: ReadonlyMap<string, number> = new Map(),
  execReturns = false,
): World {
  return {
    execReturns,
    program,
    stdoutIsTty,
    maxProcesses,
    processes: new Map(),
    nextPid: FIRST_PID,
    steps: 0,
    position: { line: 1, column: 1 },
    forced,
    timingCalls: [],
  };
}

/**
 * Runs the process reached by `path` (fork results) and, recursively, every child it creates.
 * `lineage` lists the pids from the first process down to this one (the replay passes through each).
 */
export function runProcess(world: World, info: ForkProcessInfo, path: number[], lineage: number[] = [info.pid]): void {
  new ProcessRun(world, info, path, lineage).run();
}

class ProcessRun {
  private forkIndex = 0;
  private readonly forkResults: number[];
  private stdio: StdioState;
  private scopes: Map<string, Cell>[] = [];
  private readonly globals = new Map<string, Cell>();
  private callDepth = 0;
  /** Children of the process currently executing (resets at each replayed fork that returns 0). */
  private children: number[] = [];
  private reaped = new Set<number>();
  /** wait() calls that reaped one of several children: which one is up to the scheduler. */
  private ambiguousReaps = 0;
  private maybeReaped = new Set<number>();
  /** Index into `lineage` of the process whose code is executing (the replay passes through ancestors). */
  private depth = 0;
  /** Timing-dependent calls made by that process so far: with its pid, the key of the next one. */
  private timingIndex = 0;
  /** Functions registered with atexit(), in registration order (fork copies them; exec drops them). */
  private atexitHandlers: string[] = [];
  /** Set while exit() runs the atexit handlers, so a handler's exit() does not run them again. */
  private exiting = false;
  private errno = 0;

  constructor(
    private readonly world: World,
    private readonly info: ForkProcessInfo,
    private readonly path: number[],
    private readonly lineage: number[],
  ) {
    this.forkResults = [...path];
    this.stdio = initialStdio(world.stdoutIsTty);
  }

  private get recording(): boolean {
    return this.forkIndex >= this.path.length;
  }

  private record(event: ForkEvent): void {
    if (this.recording) this.info.events.push(event);
  }

  private writes(raw: RawWrite[], line: number): void {
    for (const w of raw) this.record({ type: "write", fd: w.fd, text: w.text, line });
  }

  private step(line: number): void {
    chargeWork();
    if (++this.world.steps > MAX_STEPS) {
      throw new ForkModelError(`the program runs more than ${MAX_STEPS} steps in total (is a loop unbounded?)`, line);
    }
  }

  run(): void {
    const main = this.world.program.functions.main;
    try {
      this.scopes = [this.globals];
      for (const d of this.world.program.globals) this.declare(d);
      const result = this.callFunction("main", [], main.pos.line);
      if (result instanceof PidValue)
        throw new ForkModelError(
          "main returns a pid: the exit status would be its low byte, which differs on every run",
          main.pos.line,
        );
      this.end("return", typeof result === "number" ? result : 0, main.pos.line, true);
    } catch (signal) {
      if (!(signal instanceof ProcessEnd)) throw signal;
    }
  }

  /** Ends the process image: flushes (exit/return) or discards (_exit/abort) stdio, records the exit. */
  private end(how: ForkExitHow, code: number, line: number, flush: boolean): never {
    if (flush && !this.exiting) {
      // exit() and return from main run the atexit handlers, last registered first, then flush.
      this.exiting = true;
      while (this.atexitHandlers.length > 0) {
        const handler = this.atexitHandlers.pop()!;
        this.callFunction(handler, [], line);
      }
    }
    if (flush) this.writes(flushAll(this.stdio), line);
    else {
      const lost = discardAll(this.stdio);
      if (lost) this.record({ type: "lost", text: lost, reason: how === "abort" ? "abort" : "_exit", line });
    }
    this.info.exitCode = how === "abort" ? 0 : code & 0xff;
    this.info.signal = how === "abort" ? SIGABRT : null;
    this.record({ type: "exit", code: this.info.exitCode, how, line });
    throw new ProcessEnd();
  }

  // ---- statements -------------------------------------------------------------------------

  private exec(stmt: Stmt): void {
    this.world.position = stmt.pos;
    this.step(stmt.pos.line);
    switch (stmt.kind) {
      case "decl":
        for (const d of stmt.declarators) this.declare(d);
        return;
      case "expr":
        this.eval(stmt.expr);
        return;
      case "if":
        if (this.truthy(stmt.test)) this.exec(stmt.then);
        else if (stmt.otherwise) this.exec(stmt.otherwise);
        return;
      case "block":
        this.scoped(() => stmt.body.forEach((s) => this.exec(s)));
        return;
      case "while":
        while (this.truthy(stmt.test)) if (this.loopBody(stmt.body)) break;
        return;
      case "switch": {
        const value = this.eval(stmt.test);
        let start = -1;
        for (const label of stmt.labels) {
          if (!label.value) continue;
          const k = this.eval(label.value);
          const equal =
            value instanceof PidValue || k instanceof PidValue
              ? this.pidBinary("==", value, k, stmt.pos.line)
              : Number(this.toInt(value, stmt.pos.line) === this.toInt(k, stmt.pos.line));
          if (equal) {
            start = label.at;
            break;
          }
        }
        if (start < 0) start = stmt.labels.find((l) => !l.value)?.at ?? stmt.body.length;
        this.scoped(() => {
          try {
            for (let k = start; k < stmt.body.length; k++) this.exec(stmt.body[k]!);
          } catch (signal) {
            if (!(signal instanceof BreakSignal)) throw signal;
          }
        });
        return;
      }
      case "do":
        do if (this.loopBody(stmt.body)) break;
        while (this.truthy(stmt.test));
        return;
      case "for":
        this.scoped(() => {
          if (stmt.init) this.exec(stmt.init);
          for (; stmt.test ? this.truthy(stmt.test) : true; stmt.update && this.eval(stmt.update)) {
            if (this.loopBody(stmt.body)) break;
            this.step(stmt.pos.line);
          }
        });
        return;
      case "return":
        throw new ReturnSignal(stmt.value ? this.eval(stmt.value) : 0);
      case "break":
        throw new BreakSignal();
      case "continue":
        throw new ContinueSignal();
      case "empty":
        return;
    }
  }

  /** Runs a loop body; returns true when it executed `break`. */
  private loopBody(body: Stmt): boolean {
    try {
      this.exec(body);
    } catch (signal) {
      if (signal instanceof BreakSignal) return true;
      if (!(signal instanceof ContinueSignal)) throw signal;
    }
    return false;
  }

  private scoped(f: () => void): void {
    this.scopes.push(new Map());
    try {
      f();
    } finally {
      this.scopes.pop();
    }
  }

  private declare(d: Declarator): void {
    const scope = this.scopes[this.scopes.length - 1];
    const line = d.pos.line;
    const size = d.size ? this.toInt(this.eval(d.size), line) : undefined;
    if (size !== undefined && (size < 1 || size > MAX_ARRAY))
      throw new ForkModelError(`array size ${size} of '${d.name}' is outside 1..${MAX_ARRAY}`, line);
    if (d.isCharArray) {
      let bytes: number[];
      if (d.init?.kind === "list") bytes = d.init.items.map((e) => this.toInt(this.eval(e), line) & 0xff);
      else if (d.init) {
        const v = this.eval(d.init);
        if (typeof v !== "string")
          throw new ForkModelError(`'${d.name}' is a char array: initialise it with a string literal or { … }`, line);
        bytes = [...v].map((c) => c.charCodeAt(0) & 0xff).concat(0);
      } else bytes = [];
      const length = size ?? bytes.length;
      // `char s[1] = "ab"` is an error in C; `char s[2] = "ab"` drops the NUL, which C allows.
      if (bytes.length > length + (d.init && d.init.kind !== "list" ? 1 : 0))
        throw new ForkModelError(`the initializer of '${d.name}' is longer than its ${length} bytes`, line);
      while (bytes.length < length) bytes.push(0);
      scope.set(d.name, { value: new CharBuf(bytes.slice(0, length)), elemSize: 1, length });
      return;
    }
    let value: CValue | undefined;
    if (d.init) value = d.init.kind === "list" ? d.init.items.map((e) => this.eval(e)) : this.eval(d.init);
    else if (d.isArray) value = [];
    else if (scope === this.globals) value = 0; // file-scope variables start at zero in C
    if (d.isArray && Array.isArray(value)) {
      if (size !== undefined && value.length > size)
        throw new ForkModelError(`the initializer of '${d.name}' has more than ${size} elements`, line);
      // Elements without an initializer are zero (an initializer list, or static storage); an
      // uninitialised local array is also zero here, where C leaves it indeterminate.
      while (value.length < (size ?? 0)) value.push(0);
    }
    const elemSize = d.isPointer ? 8 : 4;
    scope.set(d.name, { value, elemSize, length: d.isArray && Array.isArray(value) ? value.length : undefined });
  }

  private isDeclared(name: string): boolean {
    return this.scopes.some((s) => s.has(name)) || this.globals.has(name);
  }

  private lookup(name: string, line: number): Cell {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const cell = this.scopes[i].get(name);
      if (cell) return cell;
    }
    if (this.scopes[0] !== this.globals) {
      const cell = this.globals.get(name);
      if (cell) return cell;
    }
    throw new ForkModelError(`'${name}' is not declared (or not part of the supported subset)`, line);
  }

  // ---- expressions ------------------------------------------------------------------------

  private truthy(e: Expr): boolean {
    const v = this.eval(e);
    return v instanceof PidValue || v instanceof CharBuf || this.toInt(v, e.pos.line) !== 0; // a pid is never 0, an array never NULL
  }

  private toInt(v: CValue, line: number): number {
    if (typeof v === "number") return v;
    if (typeof v === "string") return 1; // a non-null char* in a condition
    if (v instanceof PidValue) {
      throw new ForkModelError(
        `${v.symbol} is used as a number, but a pid's value differs on every run; the model can compare pids with == and !=, test them against 0 or -1, and print them with %d`,
        line,
      );
    }
    if (v instanceof CharBuf)
      throw new ForkModelError(
        "a char array is used where a number is expected (pointer arithmetic is outside the model)",
        line,
      );
    throw new ForkModelError("an array is used where a number is expected", line);
  }

  /** Comparisons and arithmetic with a pid operand: only what holds for every real pid. */
  private pidBinary(op: string, left: CValue, right: CValue, line: number): number {
    const a = (left instanceof PidValue ? left : right) as PidValue;
    const other = a === left ? right : left;
    const unknown = (why: string) => new ForkModelError(`'${op}' on ${a.symbol}: ${why}`, line);
    if (!["==", "!=", "<", "<=", ">", ">="].includes(op))
      throw unknown("arithmetic on a pid depends on its real value, which differs on every run");
    if (other instanceof PidValue) {
      if (a.of === "some-child" || other.of === "some-child")
        throw unknown("wait() with several children returns whichever exits first, so its value depends on timing");
      if (op !== "==" && op !== "!=") throw unknown("how two pids compare depends on the numbers the kernel hands out");
      return Number((a.of === other.of) === (op === "=="));
    }
    const k = this.toInt(other, line);
    if (k >= a.least)
      throw unknown(
        `whether it ${op === "==" || op === "!=" ? "equals" : "compares so with"} ${k} depends on the real pid${a.of === "reaper" ? " (the reaper is init, pid 1, or a subreaper)" : ""}`,
      );
    // Every real pid of this kind is above k.
    const pidOnLeft = a === left;
    if (op === "==" || op === "!=") return Number(op === "!=");
    return Number((op === ">" || op === ">=") === pidOnLeft);
  }

  private eval(e: Expr): CValue {
    const line = e.pos.line;
    this.world.position = e.pos;
    this.step(line);
    switch (e.kind) {
      case "num":
        return e.value;
      case "str":
        return e.value;
      case "name": {
        if (e.name in CONSTANTS) return CONSTANTS[e.name];
        if (e.name === "WNOHANG") return WNOHANG;
        if (["WUNTRACED", "WCONTINUED", "WNOWAIT"].includes(e.name))
          throw new ForkModelError(
            `${e.name} is outside the model (stopped and continued children are not modelled)`,
            line,
          );
        if (e.name === "stdout" || e.name === "stderr") return e.name;
        if (e.name === "errno" && !this.isDeclared(e.name)) return this.errno;
        if (e.name === "ENOENT" && !this.isDeclared(e.name)) return ENOENT;
        const cell = this.lookup(e.name, line);
        if (cell.value === undefined) throw new ForkModelError(`'${e.name}' is used before it is given a value`, line);
        return cell.value;
      }
      case "list":
        throw new ForkModelError("a { … } initializer may only follow a declaration", line);
      case "sizeof":
        return this.sizeOf(e, line);
      case "call":
        return this.call(e.callee, e.args, line);
      case "unary": {
        if (e.op === "&" || e.op === "*")
          throw new ForkModelError(`unary '${e.op}' is only supported as wait(&status)`, line);
        const operand = this.eval(e.operand);
        if (e.op === "!" && operand instanceof PidValue) return 0;
        const v = this.toInt(operand, line);
        return e.op === "!" ? Number(v === 0) : e.op === "-" ? -v | 0 : e.op === "~" ? ~v : v;
      }
      case "logical": {
        const left = this.truthy(e.left);
        if (e.op === "&&") return left ? Number(this.truthy(e.right)) : 0;
        return left ? 1 : Number(this.truthy(e.right));
      }
      case "conditional":
        return this.truthy(e.test) ? this.eval(e.then) : this.eval(e.otherwise);
      case "binary": {
        const left = this.eval(e.left);
        const right = this.eval(e.right);
        if (left instanceof PidValue || right instanceof PidValue) return this.pidBinary(e.op, left, right, line);
        return this.binary(e.op, this.toInt(left, line), this.toInt(right, line), line);
      }
      case "assign": {
        const value = this.eval(e.value);
        const next =
          e.op === "="
            ? value
            : this.binary(
                e.op.slice(0, -1),
                this.toInt(this.readTarget(e.target), line),
                this.toInt(value, line),
                line,
              );
        this.writeTarget(e.target, next);
        return next;
      }
      case "update": {
        const old = this.toInt(this.readTarget(e.target), line);
        const next = (e.op === "++" ? old + 1 : old - 1) | 0;
        this.writeTarget(e.target, next);
        return e.prefix ? next : old;
      }
      case "index": {
        const base = this.eval(e.base);
        const index = this.toInt(this.eval(e.index), line);
        if (typeof base === "string") return index >= 0 && index < base.length ? base.charCodeAt(index) : 0;
        if (base instanceof CharBuf) {
          if (index < 0 || index >= base.bytes.length)
            throw new ForkModelError(
              `index ${index} is outside the ${base.bytes.length} bytes of the char array`,
              line,
            );
          return base.bytes[index]!;
        }
        if (typeof base === "number" || base instanceof PidValue)
          throw new ForkModelError("indexing something that is not an array", line);
        if (index < 0 || index >= base.length) throw new ForkModelError(`array index ${index} is out of bounds`, line);
        return base[index];
      }
    }
  }

  private binary(op: string, a: number, b: number, line: number): number {
    switch (op) {
      case "+":
        return (a + b) | 0;
      case "-":
        return (a - b) | 0;
      case "*":
        return Math.imul(a, b);
      case "/":
      case "%":
        if (b === 0) throw new ForkModelError("division by zero (a real process would die of SIGFPE)", line);
        return op === "/" ? (a / b) | 0 : (a % b) | 0;
      case "<<":
        return a << b;
      case ">>":
        return a >> b;
      case "<":
        return Number(a < b);
      case ">":
        return Number(a > b);
      case "<=":
        return Number(a <= b);
      case ">=":
        return Number(a >= b);
      case "==":
        return Number(a === b);
      case "!=":
        return Number(a !== b);
      case "&":
        return a & b;
      case "|":
        return a | b;
      case "^":
        return a ^ b;
    }
    throw new ForkModelError(`operator '${op}' is not supported`, line);
  }

  private readTarget(target: Expr): CValue {
    return this.eval(target);
  }

  private writeTarget(target: Expr, value: CValue): void {
    const line = target.pos.line;
    if (target.kind === "name") {
      this.lookup(target.name, line).value = value;
      return;
    }
    if (target.kind === "index" && target.base.kind === "name") {
      const cell = this.lookup(target.base.name, line);
      const index = this.toInt(this.eval(target.index), line);
      if (cell.value instanceof CharBuf) {
        const bytes = cell.value.bytes;
        if (index < 0 || index >= bytes.length)
          throw new ForkModelError(
            `index ${index} is outside the ${bytes.length} bytes of '${target.base.name}'`,
            line,
          );
        bytes[index] = (this.toInt(value, line) << 24) >> 24; // a char is a signed byte on x86-64
        return;
      }
      if (!Array.isArray(cell.value)) throw new ForkModelError(`'${target.base.name}' is not an array`, line);
      const limit = cell.length ?? 1024;
      if (index < 0 || index >= limit)
        throw new ForkModelError(`array index ${index} is out of bounds of '${target.base.name}'`, line);
      while (cell.value.length < index) cell.value.push(0);
      cell.value[index] = value;
      return;
    }
    throw new ForkModelError("only variables and array elements can be assigned", line);
  }

  // ---- calls ------------------------------------------------------------------------------

  private callFunction(name: string, args: CValue[], line: number): CValue {
    const fn = this.world.program.functions[name];
    if (args.length !== fn.params.length && name !== "main") {
      throw new ForkModelError(`${name}() takes ${fn.params.length} argument(s), given ${args.length}`, line);
    }
    if (++this.callDepth > MAX_CALL_DEPTH) throw new ForkModelError(`calls nest deeper than ${MAX_CALL_DEPTH}`, line);
    const saved = this.scopes;
    const frame = new Map<string, Cell>();
    // An array or string argument arrives as a pointer: sizeof gives 8, as in C.
    fn.params.forEach((p, i) => {
      const value = args[i] ?? 0;
      frame.set(p, { value, elemSize: typeof value === "number" || value instanceof PidValue ? 4 : 8 });
    });
    this.scopes = [this.globals, frame];
    try {
      this.exec(fn.body);
      return 0;
    } catch (signal) {
      if (signal instanceof ReturnSignal) return signal.value;
      throw signal;
    } finally {
      this.scopes = saved;
      this.callDepth--;
    }
  }

  private args(args: Expr[]): CValue[] {
    return args.map((a) => this.eval(a));
  }

  private str(e: Expr | undefined, what: string, line: number): string {
    const v = e ? this.eval(e) : undefined;
    if (v instanceof CharBuf) return v.text;
    if (typeof v !== "string") throw new ForkModelError(`${what} must be a string`, line);
    return v;
  }

  /** The destination of strcpy/strcat/sprintf: a char array, never a string literal. */
  private buffer(e: Expr | undefined, what: string, line: number): CharBuf {
    const v = e ? this.eval(e) : undefined;
    if (v instanceof CharBuf) return v;
    if (typeof v === "string")
      throw new ForkModelError(
        `${what} is a string literal, which is read-only (a real program would crash writing to it)`,
        line,
      );
    throw new ForkModelError(`${what} must be a char array`, line);
  }

  /** Stores a C string into a char array; writing past its end is refused (it would be undefined behaviour). */
  private storeString(dst: CharBuf, text: string, what: string, line: number): void {
    if (text.length + 1 > dst.bytes.length) {
      throw new ForkModelError(
        `${what} writes ${text.length + 1} bytes into a ${dst.bytes.length}-byte array (a buffer overflow)`,
        line,
      );
    }
    for (let k = 0; k < text.length; k++) dst.bytes[k] = text.charCodeAt(k) & 0xff;
    dst.bytes[text.length] = 0;
  }

  private sizeOf(e: Extract<Expr, { kind: "sizeof" }>, line: number): number {
    if (e.typeName !== undefined) return sizeOfType(e.typeName);
    const operand = e.operand!;
    if (operand.kind === "name") {
      const cell = this.lookup(operand.name, line);
      if (cell.length !== undefined) return cell.length * (cell.elemSize ?? 4);
      return cell.elemSize ?? 4;
    }
    if (operand.kind === "index" && operand.base.kind === "name") {
      const cell = this.lookup(operand.base.name, line);
      if (cell.value instanceof CharBuf) return 1;
      return cell.elemSize ?? 4;
    }
    if (operand.kind === "str") return operand.value.length + 1;
    throw new ForkModelError("sizeof is modelled for a variable, an array element, a string literal or a type", line);
  }

  private streamArg(e: Expr | undefined, line: number): StreamName {
    if (e && e.kind === "name" && (e.name === "stdout" || e.name === "stderr")) return e.name;
    throw new ForkModelError("the stream must be stdout or stderr", line);
  }

  private arity(name: string, args: Expr[], counts: number[], line: number): void {
    if (!counts.includes(args.length))
      throw new ForkModelError(`${name}() takes ${counts.join(" or ")} argument(s), given ${args.length}`, line);
  }

  private output(stream: StreamName, pieces: string[], wholeCall: boolean, line: number): void {
    try {
      this.writes(streamOutput(this.stdio, stream, pieces, wholeCall), line);
    } catch (error) {
      if (error instanceof StdioLimitError) throw new ForkModelError(error.message, line);
      throw error;
    }
  }

  private printf(format: Expr | undefined, rest: Expr[], line: number): string[] {
    const fmt = this.str(format, "the printf format", line);
    const values = this.args(rest).map((v): PrintfArg => {
      if (v instanceof CharBuf) return v.text;
      if (Array.isArray(v)) throw new ForkModelError("printf cannot print an array", line);
      if (v instanceof PidValue) {
        if (v.of === "some-child")
          throw new ForkModelError(
            "printing wait()'s return value with several children: which child it reaps depends on timing (use waitpid)",
            line,
          );
        return { symbol: v.symbol };
      }
      return v;
    });
    try {
      return formatPieces(fmt, values);
    } catch (error) {
      if (error instanceof PrintfError) throw new ForkModelError(error.message, line);
      throw error;
    }
  }

  private call(name: string, args: Expr[], line: number): CValue {
    if (this.world.program.functions[name]) return this.callFunction(name, this.args(args), line);
    switch (name) {
      case "fork":
        this.arity(name, args, [0], line);
        return this.fork(line, this.world.position.column);
      case "printf": {
        // gcc compiles printf("text\n") and printf("%s\n", s) as puts(), even at -O0; on an
        // unbuffered stdout puts is two write(2)s (the text, then the newline), printf one.
        const f = args[0];
        if (
          f?.kind === "str" &&
          f.value.length > 1 &&
          f.value.endsWith("\n") &&
          ((args.length === 1 && !f.value.includes("%")) || (args.length === 2 && f.value === "%s\n"))
        ) {
          const text = args.length === 1 ? f.value.slice(0, -1) : this.str(args[1], "the string printed by %s", line);
          this.output("stdout", [text, "\n"], false, line);
          return 0;
        }
        this.output("stdout", this.printf(args[0], args.slice(1), line), true, line);
        return 0;
      }
      case "fprintf":
        this.output(this.streamArg(args[0], line), this.printf(args[1], args.slice(2), line), true, line);
        return 0;
      case "puts":
        this.arity(name, args, [1], line);
        this.output("stdout", [this.str(args[0], "puts' argument", line), "\n"], false, line);
        return 0;
      case "fputs":
        this.arity(name, args, [2], line);
        this.output(this.streamArg(args[1], line), [this.str(args[0], "fputs' argument", line)], false, line);
        return 0;
      case "putchar":
      case "putc":
      case "fputc": {
        const c = this.toInt(this.eval(args[0]), line);
        const stream = name === "putchar" ? "stdout" : this.streamArg(args[1], line);
        this.output(stream, [String.fromCharCode(c & 0xff)], false, line);
        return c;
      }
      case "write": {
        this.arity(name, args, [3], line);
        const fd = this.toInt(this.eval(args[0]), line);
        const text = this.str(args[1], "write's buffer", line);
        const count = this.toInt(this.eval(args[2]), line);
        if (fd !== 1 && fd !== 2) throw new ForkModelError("write() is modelled for fd 1 and 2 only", line);
        if (count < 0 || count > text.length)
          throw new ForkModelError(`write() count ${count} is outside the string`, line);
        if (count > 0) this.record({ type: "write", fd, text: text.slice(0, count), line });
        return count;
      }
      case "strlen":
        this.arity(name, args, [1], line);
        return this.str(args[0], "strlen's argument", line).length;
      case "strcpy":
      case "strcat": {
        this.arity(name, args, [2], line);
        const dst = this.buffer(args[0], `${name}'s destination`, line);
        const src = this.str(args[1], `${name}'s source`, line);
        this.storeString(dst, name === "strcat" ? dst.text + src : src, `${name}()`, line);
        return dst;
      }
      case "strncpy":
      case "strncat": {
        this.arity(name, args, [3], line);
        const dst = this.buffer(args[0], `${name}'s destination`, line);
        const src = this.str(args[1], `${name}'s source`, line);
        const n = this.toInt(this.eval(args[2]), line);
        if (name === "strncat") this.storeString(dst, dst.text + src.slice(0, n), "strncat()", line);
        else {
          // strncpy pads with NULs up to n and does not terminate a source of n bytes or more.
          if (n > dst.bytes.length)
            throw new ForkModelError(
              `strncpy() writes ${n} bytes into a ${dst.bytes.length}-byte array (a buffer overflow)`,
              line,
            );
          for (let k = 0; k < n; k++) dst.bytes[k] = k < src.length ? src.charCodeAt(k) & 0xff : 0;
        }
        return dst;
      }
      case "sprintf":
      case "snprintf": {
        const dst = this.buffer(args[0], `${name}'s destination`, line);
        const limit = name === "snprintf" ? this.toInt(this.eval(args[1]), line) : undefined;
        const text = this.printf(args[name === "snprintf" ? 2 : 1], args.slice(name === "snprintf" ? 3 : 2), line).join(
          "",
        );
        if (limit !== undefined) {
          if (limit > dst.bytes.length)
            throw new ForkModelError(
              `snprintf() is told the array holds ${limit} bytes, but it holds ${dst.bytes.length}`,
              line,
            );
          if (limit > 0) this.storeString(dst, text.slice(0, limit - 1), "snprintf()", line);
        } else this.storeString(dst, text, "sprintf()", line);
        return text.length; // snprintf returns the length it would have written
      }
      case "strcmp":
      case "strncmp": {
        this.arity(name, args, [name === "strcmp" ? 2 : 3], line);
        let a = this.str(args[0], `${name}'s first argument`, line);
        let b = this.str(args[1], `${name}'s second argument`, line);
        if (name === "strncmp") {
          const n = this.toInt(this.eval(args[2]), line);
          a = a.slice(0, n);
          b = b.slice(0, n);
        }
        // glibc returns the difference of the first differing bytes; its sign is what programs test.
        for (let k = 0; k <= Math.max(a.length, b.length); k++) {
          const d = (a.charCodeAt(k) || 0) - (b.charCodeAt(k) || 0);
          if (d !== 0 || k >= a.length) return Math.sign(d);
        }
        return 0;
      }
      case "memset": {
        this.arity(name, args, [3], line);
        const dst = this.buffer(args[0], "memset's destination", line);
        const c = this.toInt(this.eval(args[1]), line);
        const n = this.toInt(this.eval(args[2]), line);
        if (n < 0 || n > dst.bytes.length)
          throw new ForkModelError(`memset() writes ${n} bytes into a ${dst.bytes.length}-byte array`, line);
        for (let k = 0; k < n; k++) dst.bytes[k] = c & 0xff;
        return dst;
      }
      case "atoi": {
        this.arity(name, args, [1], line);
        const m = /^\s*([+-]?\d+)/.exec(this.str(args[0], "atoi's argument", line));
        return m ? Number(m[1]) | 0 : 0;
      }
      case "abs":
        this.arity(name, args, [1], line);
        return Math.abs(this.toInt(this.eval(args[0]), line)) | 0;
      case "atexit": {
        this.arity(name, args, [1], line);
        const f = args[0]!;
        if (f.kind !== "name" || !this.world.program.functions[f.name])
          throw new ForkModelError("atexit() needs the name of a function of the program", line);
        if (this.world.program.functions[f.name]!.params.length !== 0)
          throw new ForkModelError(`atexit handler ${f.name}() must take no arguments`, line);
        this.atexitHandlers.push(f.name);
        return 0;
      }
      case "perror": {
        this.arity(name, args, [1], line);
        const prefix = this.str(args[0], "perror's argument", line);
        const message =
          this.errno === ENOENT
            ? "No such file or directory"
            : this.errno === 0
              ? "Success"
              : `Unknown error ${this.errno}`;
        // perror writes to unbuffered stderr in one write(2).
        this.output("stderr", [`${prefix ? prefix + ": " : ""}${message}\n`], true, line);
        return 0;
      }
      case "fflush": {
        this.arity(name, args, [1], line);
        const a = args[0];
        const all = a.kind === "num" || (a.kind === "name" && a.name === "NULL");
        if (all) this.writes(flushAll(this.stdio), line);
        else this.writes(flushStream(this.stdio, this.streamArg(a, line)), line);
        return 0;
      }
      case "setvbuf": {
        this.arity(name, args, [4], line);
        const stream = this.streamArg(args[0], line);
        const mode = this.toInt(this.eval(args[2]), line);
        const modes: BufferMode[] = ["full", "line", "none"];
        if (!(mode in modes)) throw new ForkModelError("setvbuf mode must be _IOFBF, _IOLBF or _IONBF", line);
        setMode(this.stdio, stream, modes[mode]);
        return 0;
      }
      case "setbuf": {
        this.arity(name, args, [2], line);
        const stream = this.streamArg(args[0], line);
        const buf = this.eval(args[1]);
        setMode(this.stdio, stream, buf === 0 ? "none" : "full");
        return 0;
      }
      case "setlinebuf":
        setMode(this.stdio, this.streamArg(args[0], line), "line");
        return 0;
      case "sleep":
      case "usleep": {
        this.arity(name, args, [1], line);
        const n = this.toInt(this.eval(args[0]), line);
        if (n < 0) throw new ForkModelError(`${name}() of a negative time`, line);
        this.sleep(name === "sleep" ? n * 1000 : n / 1000, line);
        return 0;
      }
      case "nanosleep": {
        this.arity(name, args, [2], line);
        const ts = args[0]!;
        const v = ts.kind === "unary" && ts.op === "&" ? this.eval(ts.operand) : undefined;
        if (!Array.isArray(v) || v.length !== 2)
          throw new ForkModelError("nanosleep() needs &ts of a struct timespec {seconds, nanoseconds}", line);
        const sec = this.toInt(v[0]!, line);
        const nsec = this.toInt(v[1]!, line);
        if (sec < 0 || nsec < 0 || nsec > 999_999_999)
          throw new ForkModelError("nanosleep(): tv_nsec must be 0..999999999 and tv_sec not negative (EINVAL)", line);
        this.sleep(sec * 1000 + nsec / 1e6, line);
        return 0;
      }
      case "exit":
        this.arity(name, args, [1], line);
        return this.end("exit", this.toInt(this.eval(args[0]), line), line, true);
      case "_exit":
      case "_Exit":
        this.arity(name, args, [1], line);
        return this.end("_exit", this.toInt(this.eval(args[0]), line), line, false);
      case "abort":
        return this.end("abort", 0, line, false);
      case "wait":
        this.arity(name, args, [1], line);
        return this.wait("any", args[0], line);
      case "waitpid": {
        this.arity(name, args, [3], line);
        const target = this.waitTarget(this.eval(args[0]), line);
        const options = this.toInt(this.eval(args[2]), line);
        if (options !== 0 && options !== WNOHANG)
          throw new ForkModelError("waitpid options other than 0 and WNOHANG are outside the model", line);
        if (options === WNOHANG) return this.poll(target, args[1], line);
        return this.wait(target, args[1], line);
      }
      case "WEXITSTATUS":
        return (this.toInt(this.eval(args[0]), line) >> 8) & 0xff;
      case "WIFEXITED":
        return Number((this.toInt(this.eval(args[0]), line) & 0x7f) === 0);
      case "WIFSIGNALED":
        return Number((this.toInt(this.eval(args[0]), line) & 0x7f) !== 0);
      case "WTERMSIG":
        return this.toInt(this.eval(args[0]), line) & 0x7f;
      case "execl":
      case "execlp":
      case "execle":
      case "execv":
      case "execvp":
      case "execve":
        return this.execCall(name, args, line);
      case "getpid":
        this.arity(name, args, [0], line);
        return new PidValue(this.currentPid);
      case "getppid":
        this.arity(name, args, [0], line);
        return this.getppid(line);
    }
    throw new ForkModelError(`'${name}()' is outside the supported C subset`, line);
  }

  // ---- processes --------------------------------------------------------------------------

  private fork(line: number, column: number): number | PidValue {
    const index = this.forkIndex++;
    if (index < this.path.length) {
      const result = this.path[index];
      if (result === 0) {
        // Replaying into the child: it starts with no children of its own.
        this.children = [];
        this.reaped = new Set();
        this.ambiguousReaps = 0;
        this.maybeReaped = new Set();
        this.depth++;
        this.timingIndex = 0;
        return 0;
      }
      this.children.push(result);
      return new PidValue(result);
    }
    if (this.world.processes.size >= this.world.maxProcesses) {
      throw new ForkModelError(
        `the program creates more than ${this.world.maxProcesses} processes (each fork() doubles the processes that reach it)`,
        line,
      );
    }
    const pid = this.world.nextPid++;
    const child: ForkProcessInfo = {
      pid,
      parent: this.info.pid,
      forkLine: line,
      forkColumn: column,
      children: [],
      events: [],
      exitCode: 0,
      signal: null,
      execedProgram: null,
    };
    this.world.processes.set(pid, child);
    this.info.children.push(pid);
    this.record({ type: "fork", child: pid, line });
    runProcess(this.world, child, [...this.forkResults, 0], [...this.lineage, pid]);
    this.forkResults.push(pid);
    this.forkIndex = this.forkResults.length;
    this.children.push(pid);
    return new PidValue(pid);
  }

  /** The pid of the process whose code is executing (during a replay, an ancestor's). */
  private get currentPid(): number {
    return this.lineage[this.depth]!;
  }

  /** The outcome of the executing process's next timing-dependent call (0 unless the run forces another). */
  private timing(outcomes: number, line: number, assumptions: (outcome: number) => string): number {
    const key = `${this.currentPid}#${this.timingIndex++}`;
    const known = this.world.timingCalls.find((c) => c.key === key);
    if (known) return known.outcome;
    if (this.world.timingCalls.length >= MAX_TIMING_CALLS) {
      throw new ForkModelError(
        `the program makes more than ${MAX_TIMING_CALLS} timing-dependent calls (waitpid with WNOHANG, getppid) in one run: a polling loop can go round any number of times, so its outputs cannot be listed`,
        line,
      );
    }
    const outcome = this.world.forced.get(key) ?? 0;
    this.world.timingCalls.push({ key, outcome, outcomes, line, assumption: assumptions(outcome) });
    return outcome;
  }

  /** getppid(): the parent's pid while it lives; once it has exited, the reaper's (init or a subreaper). */
  private getppid(line: number): PidValue {
    const parent = this.world.processes.get(this.currentPid)!.parent;
    // The first process's parent is the shell, which waits for it.
    if (parent === null) return new PidValue("shell");
    const me = this.currentPid;
    const exited = this.timing(
      2,
      line,
      (o) =>
        `process ${me}'s getppid() at line ${line} runs ${o === 0 ? "before" : "after"} its parent ${parent} exits`,
    );
    this.record({ type: "observe", target: parent, exited: exited === 1, call: "getppid", line });
    return new PidValue(exited === 1 ? "reaper" : parent);
  }

  /** The pid argument of waitpid: a child's pid, or -1 for any child. */
  private waitTarget(v: CValue, line: number): number | "any" {
    if (v instanceof PidValue) {
      if (typeof v.of !== "number")
        throw new ForkModelError(
          `waitpid(${v.symbol}, …) is outside the model: it is not a child the model can name`,
          line,
        );
      return v.of;
    }
    const pid = this.toInt(v, line);
    if (pid === -1) return "any";
    if (pid === 0 || pid < -1) throw new ForkModelError("waitpid with a process group is outside the model", line);
    throw new ForkModelError(
      `waitpid(${pid}, …): a pid written as a number cannot name a child (real pids differ on every run); use the value fork() returned`,
      line,
    );
  }

  /**
   * waitpid(pid, &status, WNOHANG): if the child has exited, reap it as wait() would; if not,
   * return 0 at once. Both can happen, so this is a branch point; the "not yet" branch records an
   * event the child's exit must follow.
   */
  private poll(target: number | "any", statusRef: Expr | undefined, line: number): number | PidValue {
    let child = target;
    if (child === "any") {
      const candidates = this.children.filter((c) => !this.reaped.has(c));
      if (candidates.length === 0) return -1;
      if (candidates.length > 1 || this.ambiguousReaps > 0) {
        throw new ForkModelError(
          "waitpid(-1, …, WNOHANG) with several children: which one it reaps depends on timing; pass the pid of one child",
          line,
        );
      }
      child = candidates[0]!;
    }
    if (!this.children.includes(child) || this.reaped.has(child)) return -1;
    if (this.maybeReaped.has(child)) {
      throw new ForkModelError(
        "waitpid() on a child an earlier wait() may already have reaped depends on timing; it is outside the model",
        line,
      );
    }
    const me = this.currentPid;
    const pid = child;
    const running = this.timing(
      2,
      line,
      (o) =>
        `process ${me}'s waitpid(${pid}, WNOHANG) at line ${line} finds it ${o === 0 ? "exited" : "still running"}`,
    );
    if (running === 0) {
      // Not a blocking wait: the child must have exited already when the poll runs.
      this.record({ type: "observe", target: pid, exited: true, call: "waitpid", line });
      return this.wait(pid, statusRef, line);
    }
    this.record({ type: "observe", target: pid, exited: false, call: "waitpid", line });
    return 0;
  }

  private statusOf(pid: number): number {
    const p = this.world.processes.get(pid);
    if (!p) return 0;
    return p.signal !== null ? p.signal : p.exitCode << 8;
  }

  private storeStatus(ref: Expr | undefined, status: number, line: number): void {
    if (!ref || ref.kind === "num" || (ref.kind === "name" && ref.name === "NULL")) return;
    if (ref.kind === "unary" && ref.op === "&" && ref.operand.kind === "name") {
      this.lookup(ref.operand.name, line).value = status;
      return;
    }
    throw new ForkModelError("the status argument must be NULL or &variable", line);
  }

  private wait(target: number | "any", statusRef: Expr | undefined, line: number): number | PidValue {
    if (target !== "any") {
      if (!this.children.includes(target) || this.reaped.has(target)) return -1;
      if (this.maybeReaped.has(target)) {
        throw new ForkModelError(
          "waitpid() on a child an earlier wait() may already have reaped depends on timing; it is outside the model",
          line,
        );
      }
      this.record({ type: "wait", target, line });
      this.reaped.add(target);
      this.storeStatus(statusRef, this.statusOf(target), line);
      return new PidValue(target);
    }
    const candidates = this.children.filter((c) => !this.reaped.has(c));
    if (candidates.length - this.ambiguousReaps <= 0) return -1;
    if (candidates.length === 1) {
      this.record({ type: "wait", target: "any", line });
      this.reaped.add(candidates[0]);
      this.storeStatus(statusRef, this.statusOf(candidates[0]), line);
      return new PidValue(candidates[0]);
    }
    const statuses = new Set(candidates.map((c) => this.statusOf(c)));
    if (
      statusRef &&
      statuses.size > 1 &&
      !(statusRef.kind === "num" || (statusRef.kind === "name" && statusRef.name === "NULL"))
    ) {
      if (this.ambiguousReaps > 0) {
        throw new ForkModelError(
          "wait(&status) with several children that exit differently, after a wait(NULL) that reaped one of them: which ones are left depends on timing; it is outside the model",
          line,
        );
      }
      // Which child it returns is timing: one case per child, each an event the search holds to
      // (the child must be the first the kernel can hand back).
      const me = this.currentPid;
      const k = this.timing(
        candidates.length,
        line,
        (o) =>
          `process ${me}'s wait() at line ${line} reaps ${candidates[o]} (exit status ${this.statusOf(candidates[o]!) >> 8})`,
      );
      const child = candidates[k]!;
      this.record({ type: "wait", target: child, line, exclusive: true });
      this.reaped.add(child);
      this.storeStatus(statusRef, this.statusOf(child), line);
      return new PidValue(child);
    }
    this.record({ type: "wait", target: "any", line });
    this.storeStatus(statusRef, [...statuses][0], line);
    this.ambiguousReaps++;
    candidates.forEach((c) => this.maybeReaped.add(c));
    if (this.ambiguousReaps === candidates.length) {
      candidates.forEach((c) => this.reaped.add(c));
      this.ambiguousReaps = 0;
      this.maybeReaped.clear();
    }
    // Which pid comes back is up to the scheduler.
    return new PidValue("some-child");
  }

  /**
   * sleep/usleep/nanosleep: a sleep of at least MIN_ORDERING_SLEEP_MS becomes an event the
   * interleaving search treats as timing (every other runnable process finishes first); shorter
   * sleeps order nothing.
   */
  private sleep(ms: number, line: number): void {
    if (ms >= MIN_ORDERING_SLEEP_MS) this.record({ type: "sleep", ms, line });
  }

  private execCall(name: string, args: Expr[], line: number): number {
    if (args.length < 1) throw new ForkModelError(`${name}() needs a program`, line);
    const program = this.str(args[0], `${name}'s program`, line);
    let argv: string[];
    if (name === "execv" || name === "execvp" || name === "execve") {
      this.arity(name, args, [name === "execve" ? 3 : 2], line);
      const vector = this.eval(args[1]);
      if (!Array.isArray(vector))
        throw new ForkModelError(`${name}'s second argument must be an array of strings`, line);
      const end = vector.indexOf(0);
      argv = (end < 0 ? vector : vector.slice(0, end)).map((v) => {
        if (v instanceof CharBuf) return v.text;
        if (typeof v !== "string")
          throw new ForkModelError(`${name}'s argument array must hold strings and end with NULL`, line);
        return v;
      });
    } else {
      const values = this.args(args.slice(1, name === "execle" ? -1 : undefined));
      const end = values.indexOf(0);
      if (end < 0) throw new ForkModelError(`${name}()'s argument list must end with NULL`, line);
      argv = values.slice(0, end).map((v) => {
        if (v instanceof CharBuf) return v.text;
        if (typeof v !== "string") throw new ForkModelError(`${name}()'s arguments must be strings`, line);
        return v;
      });
    }
    const image = resolveImage(program, name === "execlp" || name === "execvp");
    if (image === null) {
      // ENOENT: exec returns -1 and the old image carries on, buffers and all.
      this.errno = ENOENT;
      return -1;
    }
    const result = runImage(image, argv, line);
    if (this.world.execReturns) {
      // The mistaken model: the new program's output appears, then the caller carries on with its
      // image and stdio buffer intact, as if exec were system().
      for (const text of result.writes) this.record({ type: "write", fd: 1, text, line });
      return 0;
    }
    const lost = discardAll(this.stdio);
    if (lost) this.record({ type: "lost", text: lost, reason: "exec", line });
    this.record({ type: "exec", program, args: argv, line });
    if (this.recording) this.info.execedProgram = program;
    for (const text of result.writes) this.record({ type: "write", fd: 1, text, line });
    this.info.exitCode = result.code;
    this.info.signal = null;
    this.atexitHandlers = [];
    this.record({ type: "exit", code: result.code, how: "exec-image", line });
    throw new ProcessEnd();
  }
}

/**
 * The virtual file system exec() sees: ordinary programs in /bin and /usr/bin. Anything else does
 * not exist (ENOENT), as a missing program on Linux. See docs/process-models.md.
 */
const IMAGES = new Set(["echo", "true", "false", "sh", "ls"]);
/** glibc's execvp uses PATH; a login shell's usual value (the model has no environment). */
const PATH = ["/usr/local/bin", "/usr/bin", "/bin"];

/** The image a path names, or null when exec fails with ENOENT. */
function resolveImage(program: string, searchesPath: boolean): string | null {
  if (program === "") return null;
  if (!program.includes("/")) {
    // execl/execv take the name as a path relative to the current directory, which holds none of
    // these programs; the p variants search PATH.
    if (!searchesPath) return null;
    return PATH.some((dir) => imageAt(`${dir}/${program}`) !== null) ? program : null;
  }
  return imageAt(program);
}

function imageAt(path: string): string | null {
  const normal = path.replace(/\/+/g, "/").replace(/\/\.(?=\/|$)/g, "");
  const m = /^\/(?:usr\/)?bin\/([\w.-]+)$/.exec(normal);
  return m && IMAGES.has(m[1]!) ? m[1]! : null;
}

interface ImageRun {
  /** Each write(2) the program makes to stdout. */
  writes: string[];
  code: number;
}

function runImage(image: string, argv: string[], line: number): ImageRun {
  switch (image) {
    case "true":
      return { writes: [], code: 0 };
    case "false":
      return { writes: [], code: 1 };
    case "echo":
      return { writes: nonEmpty(echo(argv.slice(1), "coreutils", line)), code: 0 };
    case "ls":
      throw new ForkModelError(
        "exec of ls is outside the model: what it prints depends on the directory's contents, which the model does not know",
        line,
      );
    case "sh":
      return shell(argv, line);
  }
  throw new ForkModelError(`exec of '${image}' is outside the model`, line);
}

function nonEmpty(text: string): string[] {
  return text ? [text] : [];
}

/** coreutils /bin/echo and dash's builtin echo, without backslash escapes (refused: the two differ). */
function echo(args: string[], which: "coreutils" | "dash", line: number): string {
  let newline = true;
  let k = 0;
  // coreutils takes -n/-e/-E (combined too); dash's builtin only -n.
  while (k < args.length && (which === "coreutils" ? /^-[neE]+$/ : /^-n$/).test(args[k]!)) {
    if (args[k]!.includes("n")) newline = false;
    k++;
  }
  const text = args.slice(k).join(" ");
  if (text.includes("\\"))
    throw new ForkModelError(
      "echo with a backslash is outside the model (echo implementations disagree on escapes)",
      line,
    );
  return text + (newline ? "\n" : "");
}

/** /bin/sh -c "…" with simple commands: echo, true, false, exit N, separated by ';' or newlines. */
function shell(argv: string[], line: number): ImageRun {
  if (argv[1] !== "-c" || argv.length < 3)
    throw new ForkModelError('exec of /bin/sh is modelled only as sh -c "command"', line);
  const script = argv[2]!;
  if (/[$`|&<>*?()\\{}\[\]~#]/.test(script)) {
    throw new ForkModelError(
      `sh -c ${JSON.stringify(script)} is outside the model: only simple echo/true/false/exit commands separated by ';' are modelled`,
      line,
    );
  }
  const writes: string[] = [];
  let code = 0;
  for (const command of script.split(/[;\n]/)) {
    const words: string[] = [];
    const re = /'([^']*)'|"([^"]*)"|(\S+)/g;
    for (let m = re.exec(command); m; m = re.exec(command)) words.push(m[1] ?? m[2] ?? m[3]!);
    if (words.length === 0) continue;
    const [cmd, ...rest] = words;
    if (cmd === "echo") {
      writes.push(...nonEmpty(echo(rest, "dash", line)));
      code = 0;
    } else if (cmd === "true" || cmd === ":") code = 0;
    else if (cmd === "false") code = 1;
    else if (cmd === "exit") return { writes, code: rest[0] === undefined ? code : Number(rest[0]) & 0xff };
    else throw new ForkModelError(`sh -c: '${cmd}' is outside the model (only echo, true, false and exit)`, line);
  }
  return { writes, code };
}
