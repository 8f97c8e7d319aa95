// Runs one process of a C-subset program and records what it does.
//
// Every process is deterministic on its own: processes share nothing but exit statuses, and each
// child is run to completion at its fork() (so a later wait() knows its status). To "continue" a
// child from the middle of its parent we replay: the program is re-run from main() with the
// results of earlier fork() calls fixed (`path`), and recording starts at the fork that created
// the child. Replay reproduces the copied memory and the copied stdio buffers for free.
import type { CProgram, Declarator, Expr, Stmt } from "../c/ast";
import { formatPieces, PrintfError, type PrintfArg } from "../c/printf";
import {
  discardAll, flushAll, flushStream, initialStdio, setMode, StdioLimitError, streamOutput,
  type BufferMode, type RawWrite, type StdioState, type StreamName,
} from "../c/stdio";
import type { ForkExitHow, ForkEvent, ForkProcessInfo } from "./types";

export const FIRST_PID = 1000;
export const MAX_PROCESSES = 64;
/** Statement and expression evaluations across all processes and replays. */
export const MAX_STEPS = 2_000_000;
const MAX_CALL_DEPTH = 200;

/** A refusal: the program is outside the model (or would explode); carries the source line. */
export class ForkModelError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

type CValue = number | string | CValue[];
interface Cell {
  value: CValue | undefined;
}

class BreakSignal {}
class ContinueSignal {}
class ReturnSignal {
  constructor(readonly value: CValue) {}
}
class ProcessEnd {}

const CONSTANTS: Record<string, number> = {
  NULL: 0, EXIT_SUCCESS: 0, EXIT_FAILURE: 1, true: 1, false: 0, _IOFBF: 0, _IOLBF: 1, _IONBF: 2,
  STDIN_FILENO: 0, STDOUT_FILENO: 1, STDERR_FILENO: 2, BUFSIZ: 8192,
};
const SIGABRT = 6;
const KNOWN_IMAGES = new Set(["echo", "true", "false"]);

export interface World {
  program: CProgram;
  stdoutIsTty: boolean;
  maxProcesses: number;
  processes: Map<number, ForkProcessInfo>;
  nextPid: number;
  steps: number;
  /** Last statement or expression evaluated: where a refusal points when it carries only a line. */
  position: { line: number; column: number };
}

export function createWorld(program: CProgram, stdoutIsTty: boolean, maxProcesses: number): World {
  return { program, stdoutIsTty, maxProcesses, processes: new Map(), nextPid: FIRST_PID, steps: 0, position: { line: 1, column: 1 } };
}

/** Runs the process reached by `path` (fork results) and, recursively, every child it creates. */
export function runProcess(world: World, info: ForkProcessInfo, path: number[]): void {
  new ProcessRun(world, info, path).run();
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

  constructor(
    private readonly world: World,
    private readonly info: ForkProcessInfo,
    private readonly path: number[],
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
      this.end("return", typeof result === "number" ? result : 0, main.pos.line, true);
    } catch (signal) {
      if (!(signal instanceof ProcessEnd)) throw signal;
    }
  }

  /** Ends the process image: flushes (exit/return) or discards (_exit/abort) stdio, records the exit. */
  private end(how: ForkExitHow, code: number, line: number, flush: boolean): never {
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
    let value: CValue | undefined;
    if (d.init) value = d.init.kind === "list" ? d.init.items.map((e) => this.eval(e)) : this.eval(d.init);
    else if (d.isArray) value = [];
    else if (scope === this.globals) value = 0; // file-scope variables start at zero in C
    scope.set(d.name, { value });
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
    return this.toInt(this.eval(e), e.pos.line) !== 0;
  }

  private toInt(v: CValue, line: number): number {
    if (typeof v === "number") return v;
    if (typeof v === "string") return 1; // a non-null char* in a condition
    throw new ForkModelError("an array is used where a number is expected", line);
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
        if (e.name === "WNOHANG") throw new ForkModelError("WNOHANG makes the result depend on timing; it is outside the model", line);
        if (e.name === "stdout" || e.name === "stderr") return e.name;
        const cell = this.lookup(e.name, line);
        if (cell.value === undefined) throw new ForkModelError(`'${e.name}' is used before it is given a value`, line);
        return cell.value;
      }
      case "list":
        throw new ForkModelError("a { … } initializer may only follow a declaration", line);
      case "call":
        return this.call(e.callee, e.args, line);
      case "unary": {
        if (e.op === "&" || e.op === "*") throw new ForkModelError(`unary '${e.op}' is only supported as wait(&status)`, line);
        const v = this.toInt(this.eval(e.operand), line);
        return e.op === "!" ? Number(v === 0) : e.op === "-" ? -v | 0 : e.op === "~" ? ~v : v;
      }
      case "logical": {
        const left = this.truthy(e.left);
        if (e.op === "&&") return left ? Number(this.truthy(e.right)) : 0;
        return left ? 1 : Number(this.truthy(e.right));
      }
      case "conditional":
        return this.truthy(e.test) ? this.eval(e.then) : this.eval(e.otherwise);
      case "binary":
        return this.binary(e.op, this.toInt(this.eval(e.left), line), this.toInt(this.eval(e.right), line), line);
      case "assign": {
        const value = this.eval(e.value);
        const next = e.op === "=" ? value : this.binary(e.op.slice(0, -1), this.toInt(this.readTarget(e.target), line), this.toInt(value, line), line);
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
        if (typeof base === "number") throw new ForkModelError("indexing something that is not an array", line);
        if (index < 0 || index >= base.length) throw new ForkModelError(`array index ${index} is out of bounds`, line);
        return base[index];
      }
    }
  }

  private binary(op: string, a: number, b: number, line: number): number {
    switch (op) {
      case "+": return (a + b) | 0;
      case "-": return (a - b) | 0;
      case "*": return Math.imul(a, b);
      case "/":
      case "%":
        if (b === 0) throw new ForkModelError("division by zero (a real process would die of SIGFPE)", line);
        return op === "/" ? (a / b) | 0 : a % b | 0;
      case "<<": return a << b;
      case ">>": return a >> b;
      case "<": return Number(a < b);
      case ">": return Number(a > b);
      case "<=": return Number(a <= b);
      case ">=": return Number(a >= b);
      case "==": return Number(a === b);
      case "!=": return Number(a !== b);
      case "&": return a & b;
      case "|": return a | b;
      case "^": return a ^ b;
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
      if (!Array.isArray(cell.value)) throw new ForkModelError(`'${target.base.name}' is not an array`, line);
      if (index < 0 || index > 1024) throw new ForkModelError(`array index ${index} is out of bounds`, line);
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
    fn.params.forEach((p, i) => frame.set(p, { value: args[i] ?? 0 }));
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
    if (typeof v !== "string") throw new ForkModelError(`${what} must be a string`, line);
    return v;
  }

  private streamArg(e: Expr | undefined, line: number): StreamName {
    if (e && e.kind === "name" && (e.name === "stdout" || e.name === "stderr")) return e.name;
    throw new ForkModelError("the stream must be stdout or stderr", line);
  }

  private arity(name: string, args: Expr[], counts: number[], line: number): void {
    if (!counts.includes(args.length)) throw new ForkModelError(`${name}() takes ${counts.join(" or ")} argument(s), given ${args.length}`, line);
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
      if (Array.isArray(v)) throw new ForkModelError("printf cannot print an array", line);
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
        return this.fork(line);
      case "printf":
        this.output("stdout", this.printf(args[0], args.slice(1), line), true, line);
        return 0;
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
        if (count < 0 || count > text.length) throw new ForkModelError(`write() count ${count} is outside the string`, line);
        if (count > 0) this.record({ type: "write", fd, text: text.slice(0, count), line });
        return count;
      }
      case "strlen":
        return this.str(args[0], "strlen's argument", line).length;
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
      case "usleep":
        // Sleeping makes an order likely, never certain: the model keeps every interleaving.
        this.args(args);
        return 0;
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
        const pid = this.toInt(this.eval(args[0]), line);
        if (this.toInt(this.eval(args[2]), line) !== 0) throw new ForkModelError("waitpid options other than 0 are outside the model", line);
        if (pid === 0 || pid < -1) throw new ForkModelError("waitpid with a process group is outside the model", line);
        return this.wait(pid === -1 ? "any" : pid, args[1], line);
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
        return this.execCall(name, args, line);
      case "getpid":
      case "getppid":
        throw new ForkModelError(`${name}() prints a number that differs on every run; it is outside the model`, line);
    }
    throw new ForkModelError(`'${name}()' is outside the supported C subset`, line);
  }

  // ---- processes --------------------------------------------------------------------------

  private fork(line: number): number {
    const index = this.forkIndex++;
    if (index < this.path.length) {
      const result = this.path[index];
      if (result === 0) {
        // Replaying into the child: it starts with no children of its own.
        this.children = [];
        this.reaped = new Set();
        this.ambiguousReaps = 0;
        this.maybeReaped = new Set();
      } else this.children.push(result);
      return result;
    }
    if (this.world.processes.size >= this.world.maxProcesses) {
      throw new ForkModelError(
        `the program creates more than ${this.world.maxProcesses} processes (each fork() doubles the processes that reach it)`,
        line,
      );
    }
    const pid = this.world.nextPid++;
    const child: ForkProcessInfo = { pid, parent: this.info.pid, forkLine: line, children: [], events: [], exitCode: 0, signal: null, execedProgram: null };
    this.world.processes.set(pid, child);
    this.info.children.push(pid);
    this.record({ type: "fork", child: pid, line });
    runProcess(this.world, child, [...this.forkResults, 0]);
    this.forkResults.push(pid);
    this.forkIndex = this.forkResults.length;
    this.children.push(pid);
    return pid;
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

  private wait(target: number | "any", statusRef: Expr | undefined, line: number): number {
    if (target !== "any") {
      if (!this.children.includes(target) || this.reaped.has(target)) return -1;
      if (this.maybeReaped.has(target)) {
        throw new ForkModelError("waitpid() on a child an earlier wait() may already have reaped depends on timing; it is outside the model", line);
      }
      this.record({ type: "wait", target, line });
      this.reaped.add(target);
      this.storeStatus(statusRef, this.statusOf(target), line);
      return target;
    }
    const candidates = this.children.filter((c) => !this.reaped.has(c));
    if (candidates.length - this.ambiguousReaps <= 0) return -1;
    this.record({ type: "wait", target: "any", line });
    if (candidates.length === 1) {
      this.reaped.add(candidates[0]);
      this.storeStatus(statusRef, this.statusOf(candidates[0]), line);
      return candidates[0];
    }
    const statuses = new Set(candidates.map((c) => this.statusOf(c)));
    if (statusRef && statuses.size > 1 && !(statusRef.kind === "num" || (statusRef.kind === "name" && statusRef.name === "NULL"))) {
      throw new ForkModelError("wait(&status) with several children that exit differently returns whichever exits first; use waitpid() to make it deterministic", line);
    }
    this.storeStatus(statusRef, [...statuses][0], line);
    this.ambiguousReaps++;
    candidates.forEach((c) => this.maybeReaped.add(c));
    if (this.ambiguousReaps === candidates.length) {
      candidates.forEach((c) => this.reaped.add(c));
      this.ambiguousReaps = 0;
      this.maybeReaped.clear();
    }
    // Which pid comes back is up to the scheduler; the model returns the oldest candidate.
    return candidates[0];
  }

  private execCall(name: string, args: Expr[], line: number): number {
    if (args.length < 1) throw new ForkModelError(`${name}() needs a program`, line);
    const program = this.str(args[0], `${name}'s program`, line);
    let argv: string[];
    if (name === "execv" || name === "execvp") {
      this.arity(name, args, [2], line);
      const vector = this.eval(args[1]);
      if (!Array.isArray(vector)) throw new ForkModelError(`${name}'s second argument must be an array of strings`, line);
      const end = vector.indexOf(0);
      argv = (end < 0 ? vector : vector.slice(0, end)).map((v) => {
        if (typeof v !== "string") throw new ForkModelError(`${name}'s argument array must hold strings and end with NULL`, line);
        return v;
      });
    } else {
      const values = this.args(args.slice(1, name === "execle" ? -1 : undefined));
      const end = values.indexOf(0);
      if (end < 0) throw new ForkModelError(`${name}()'s argument list must end with NULL`, line);
      argv = values.slice(0, end).map((v) => {
        if (typeof v !== "string") throw new ForkModelError(`${name}()'s arguments must be strings`, line);
        return v;
      });
    }
    const searchesPath = name.endsWith("p");
    const image = resolveImage(program, searchesPath);
    if (image === undefined) {
      throw new ForkModelError(`exec of '${program}' is outside the model (supported: echo, true, false; a path containing 'nonexistent' fails)`, line);
    }
    if (image === null) return -1; // ENOENT: exec returns and the old image carries on
    const lost = discardAll(this.stdio);
    if (lost) this.record({ type: "lost", text: lost, reason: "exec", line });
    this.record({ type: "exec", program, args: argv, line });
    if (this.recording) this.info.execedProgram = program;
    let code = 0;
    if (image === "echo") {
      const noNewline = argv[1] === "-n";
      const words = argv.slice(noNewline ? 2 : 1).join(" ");
      const text = noNewline ? words : words + "\n";
      if (text) this.record({ type: "write", fd: 1, text, line });
    } else if (image === "false") code = 1;
    this.info.exitCode = code;
    this.info.signal = null;
    this.record({ type: "exit", code, how: "exec-image", line });
    throw new ProcessEnd();
  }
}

/** Known image name, null when exec fails with ENOENT, undefined when outside the model. */
function resolveImage(program: string, searchesPath: boolean): string | null | undefined {
  if (/nonexistent|no-such|does-not-exist/.test(program)) return null;
  if (!program.includes("/")) {
    if (!searchesPath) return KNOWN_IMAGES.has(program) ? null : undefined; // execl("echo") looks in the current directory
    return KNOWN_IMAGES.has(program) ? program : undefined;
  }
  const m = /^\/(?:usr\/)?bin\/(\w+)$/.exec(program);
  return m && KNOWN_IMAGES.has(m[1]) ? m[1] : undefined;
}
