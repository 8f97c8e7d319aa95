// Byte-exact port of OSTEP's cpu-intro/process-run.py (2021 version, with the io_done tick).
// The simulation itself is the shared process-states machine; this file only reproduces the
// script's flags, workload generation, error exits and printing.
import { createPythonRandom, type PythonRandom } from "../random";
import { formatStateStats, formatStateTable, ostepPidLabel } from "../procstates/table";
import {
  MachineInvariantError,
  runMachine,
  tickBound,
  type Instruction,
  type IoDone,
  type SwitchOn,
} from "../procstates/machine";
import { flagOption, intOption, parseOptions, stringOption, type OptionSpec } from "./optparse";
import { parsePyFloat, parsePyInt } from "./pyparse";
import { pyStrRepr } from "./pyformat";
import type { OstepRun } from "./types";

const PROG = "process-run.py";

const SPECS: readonly OptionSpec[] = [
  { short: "-s", long: "--seed", dest: "seed", kind: "int", default: 0, help: "the random seed" },
  {
    short: "-P",
    long: "--program",
    dest: "program",
    kind: "string",
    default: "",
    help: "more specific controls over programs",
  },
  {
    short: "-l",
    long: "--processlist",
    dest: "process_list",
    kind: "string",
    default: "",
    help: "a comma-separated list of processes to run, in the form X1:Y1,X2:Y2,... where X is the number of instructions that process should run, and Y the chances (from 0 to 100) that an instruction will use the CPU or issue an IO (i.e., if Y is 100, a process will ONLY use the CPU and issue no I/Os; if Y is 0, a process will only issue I/Os)",
  },
  { short: "-L", long: "--iolength", dest: "io_length", kind: "int", default: 5, help: "how long an IO takes" },
  {
    short: "-S",
    long: "--switch",
    dest: "process_switch_behavior",
    kind: "string",
    default: "SWITCH_ON_IO",
    help: "when to switch between processes: SWITCH_ON_IO, SWITCH_ON_END",
  },
  {
    short: "-I",
    long: "--iodone",
    dest: "io_done_behavior",
    kind: "string",
    default: "IO_RUN_LATER",
    help: "type of behavior when IO ends: IO_RUN_LATER, IO_RUN_IMMEDIATE",
  },
  { short: "-c", dest: "solve", kind: "store_true", default: false, help: "compute answers for me" },
  {
    short: "-p",
    long: "--printstats",
    dest: "print_stats",
    kind: "store_true",
    default: false,
    help: "print statistics at end; only useful with -c flag (otherwise stats are not printed)",
  },
];

/** Caps that keep a hostile command line from exhausting memory; Python would just run (or hang). */
export const PROCESS_RUN_LIMITS = {
  /** Instructions over all processes (an I/O counts as two). */
  maxInstructions: 2_000_000,
  /** Characters of output a solved run may produce. */
  maxOutputChars: 40_000_000,
} as const;

const SWITCH_NAMES: Record<string, SwitchOn> = { SWITCH_ON_IO: "io", SWITCH_ON_END: "end" };
const IO_DONE_NAMES: Record<string, IoDone> = { IO_RUN_LATER: "later", IO_RUN_IMMEDIATE: "immediate" };

/** How the script stops early: `exit(1)` after printing, or an uncaught Python exception. */
class ScriptExit {
  constructor(
    readonly exitCode: number,
    readonly stderr: string,
  ) {}
}

const pythonError = (line: string): ScriptExit => new ScriptExit(1, `Traceback (most recent call last):\n${line}\n`);
const tooLarge = (what: string): ScriptExit => new ScriptExit(1, `${PROG}: ${what} is too large for this simulator\n`);

// Programs are held as op names: the I/O length (-L) is only attached when the trace is simulated.
type OpName = Instruction["op"];

function firstCodePoint(text: string): [string, string] {
  const first = String.fromCodePoint(text.codePointAt(0)!);
  return [first, text.slice(first.length)];
}

class WorkloadBuilder {
  readonly programs: OpName[][] = [];
  private total = 0;
  constructor(private readonly out: string[]) {}

  private add(program: OpName[], op: OpName): void {
    this.total += op === "io" ? 2 : 1;
    if (this.total > PROCESS_RUN_LIMITS.maxInstructions) throw tooLarge("the workload");
    program.push(op);
    if (op === "io") program.push("io_done");
  }

  private count(text: string, bound: number): number {
    const n = parsePyInt(text, 10);
    if (n === null) throw pythonError(`ValueError: invalid literal for int() with base 10: ${pyStrRepr(text)}`);
    if (n > BigInt(bound)) throw tooLarge("the workload");
    return n < 0n ? 0 : Number(n);
  }

  /** `-P` item list such as `c7,i,c1`. */
  loadProgram(text: string): void {
    const program: OpName[] = [];
    this.programs.push(program);
    for (const item of text.split(",")) {
      if (item === "") throw pythonError("IndexError: string index out of range");
      const [opcode, rest] = firstCodePoint(item);
      if (opcode === "c") {
        const num = this.count(rest, PROCESS_RUN_LIMITS.maxInstructions);
        for (let i = 0; i < num; i++) this.add(program, "cpu");
      } else if (opcode === "i") {
        this.add(program, "io");
      } else {
        this.out.push(`bad opcode ${opcode} (should be c or i)\n`);
        throw new ScriptExit(1, "");
      }
    }
  }

  /** `-l` description `X:Y`: X instructions, each CPU with probability Y%. */
  loadRandom(description: string, rng: PythonRandom): void {
    const program: OpName[] = [];
    this.programs.push(program);
    const parts = description.split(":");
    if (parts.length !== 2) {
      this.out.push(
        `Bad description (${description}): Must be number <x:y>\n`,
        "  where X is the number of instructions\n",
        "  and Y is the percent change that an instruction is CPU not IO\n",
      );
      throw new ScriptExit(1, "");
    }
    const num = this.count(parts[0]!, PROCESS_RUN_LIMITS.maxInstructions);
    const percent = parsePyFloat(parts[1]!);
    if (percent === null) throw pythonError(`ValueError: could not convert string to float: ${pyStrRepr(parts[1]!)}`);
    const chanceCpu = percent / 100.0;
    for (let i = 0; i < num; i++) this.add(program, rng.random() < chanceCpu ? "cpu" : "io");
  }
}

function describeBehaviours(switchOn: SwitchOn, ioDone: IoDone): string {
  return (
    "Important behaviors:\n" +
    "  System will switch when " +
    (switchOn === "io" ? "the current process is FINISHED or ISSUES AN IO\n" : "the current process is FINISHED\n") +
    "  After IOs, the process issuing the IO will " +
    (ioDone === "immediate" ? "run IMMEDIATELY\n" : "run LATER (when it is its turn)\n") +
    "\n"
  );
}

function simulate(
  programs: OpName[][],
  ioLength: number,
  switchOn: SwitchOn,
  ioDone: IoDone,
  printStats: boolean,
): string {
  const machinePrograms = programs.map((ops) =>
    ops.map((op): Instruction => (op === "io" ? { op, length: ioLength } : { op })),
  );
  const rowWidth = 4 + 14 * (programs.length + 2) + 1;
  if (tickBound(machinePrograms) * rowWidth > PROCESS_RUN_LIMITS.maxOutputChars) throw tooLarge("the trace");
  const run = runMachine({ programs: machinePrograms, switchOn, ioDone, policy: "ostep", quantum: 1 });
  const labels = programs.map((_, pid) => ostepPidLabel(pid));
  let text = formatStateTable(run.rows, labels);
  if (printStats) text += formatStateStats(run.totalTicks, run.cpuBusyTicks, run.ioBusyTicks);
  return text;
}

/** Runs `python3 process-run.py <args>` and returns what it would print. */
export function runOstepProcessRun(args: string[]): OstepRun {
  const parsed = parseOptions(PROG, SPECS, args);
  if (!parsed.ok) return parsed.run;
  const options = parsed.options;
  const out: string[] = [];
  try {
    const rng = createPythonRandom(options.ints.seed ?? 0n);
    const switchOn = SWITCH_NAMES[stringOption(options, "process_switch_behavior")];
    const ioDone = IO_DONE_NAMES[stringOption(options, "io_done_behavior")];
    if (!switchOn || !ioDone) throw pythonError("AssertionError");

    const workload = new WorkloadBuilder(out);
    const program = stringOption(options, "program");
    if (program !== "") for (const p of program.split(":")) workload.loadProgram(p);
    else for (const p of stringOption(options, "process_list").split(",")) workload.loadRandom(p, rng);

    const ioLengthExact = options.ints.io_length ?? 5n;
    if (ioLengthExact < 0n) throw pythonError("AssertionError");

    if (!flagOption(options, "solve")) {
      out.push("Produce a trace of what would happen when you run these processes:\n");
      workload.programs.forEach((ops, pid) => {
        out.push(`Process ${pid}\n`);
        for (const op of ops) out.push(`  ${op}\n`);
        out.push("\n");
      });
      out.push(describeBehaviours(switchOn, ioDone));
      return { exitCode: 0, stdout: out.join(""), stderr: "" };
    }
    const ioLength = intOption(options, "io_length");
    out.push(simulate(workload.programs, ioLength, switchOn, ioDone, flagOption(options, "print_stats")));
    return { exitCode: 0, stdout: out.join(""), stderr: "" };
  } catch (error) {
    if (error instanceof ScriptExit) return { exitCode: error.exitCode, stdout: out.join(""), stderr: error.stderr };
    if (error instanceof MachineInvariantError)
      return { exitCode: 1, stdout: out.join(""), stderr: `Traceback (most recent call last):\nAssertionError\n` };
    throw error;
  }
}
