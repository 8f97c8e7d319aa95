// The argument shape most commands share: `<command> <file | -> [--json|--text] [command flags]`,
// and reading that input. Errors are printed as one `timeslice: …` line and become an exit code.
import type { CliIo } from "./io";

export type OutputFormat = "json" | "text";

export interface InputCommand {
  /** The command's name, for messages. */
  name: string;
  /** What the input is, for messages: "a JSON file", "a C file", "a program file". */
  what: string;
  usage: string;
  /** Handles a command-specific flag; returns false when it is not one, or an error message. */
  flag?: (arg: string, next: () => string | undefined) => boolean | string;
}

/** Parsed arguments, or the exit code to return after the error was printed. */
export function parseInputArgs(
  command: InputCommand,
  args: string[],
  io: CliIo,
): { file: string; format: OutputFormat } | number {
  // Every command prints text by default: a person at a terminal runs these, and scripts ask for --json,
  // whose shape is the stable one. One default for all commands, so nobody has to remember which is which.
  let format: OutputFormat = "text";
  let file: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const handled = command.flag?.(a, () => args[++i]) ?? false;
    if (typeof handled === "string") {
      io.err(`timeslice: ${handled}\n`);
      return 2;
    }
    if (handled) continue;
    if (a === "--json" || a === "--text") format = a === "--json" ? "json" : "text";
    else if (a === "-h" || a === "--help") {
      io.out(command.usage + "\n");
      return 0;
    } else if (a.startsWith("--")) {
      io.err(`timeslice: unknown option '${a}' (${command.usage})\n`);
      return 2;
    } else if (file === undefined) file = a;
    else {
      io.err(`timeslice: ${command.name} takes one input, got '${file}' and '${a}'\n`);
      return 2;
    }
  }
  if (file === undefined) {
    io.err(`timeslice: ${command.name} needs ${command.what} or '-' for standard input (${command.usage})\n`);
    return 2;
  }
  return { file, format };
}

/** The input's text, or the exit code after a one-line error. */
export function readInputText(file: string, io: CliIo): string | { exitCode: number } {
  try {
    return io.readInput(file);
  } catch (error) {
    io.err(
      `timeslice: cannot read '${file}': ${error instanceof Error ? error.message.split("\n")[0] : String(error)}\n`,
    );
    return { exitCode: 1 };
  }
}

/** The input parsed as JSON, or the exit code after a one-line error. */
export function readInputJson(file: string, io: CliIo): { value: unknown } | { exitCode: number } {
  const text = readInputText(file, io);
  if (typeof text !== "string") return text;
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0]! : String(error);
    io.err(
      `timeslice: ${jsonErrorPlace(file, text, message)}: not valid JSON: ${message.replace(/ in JSON at position \d+.*$/, "").replace(/ is not valid JSON$/, "")}\n`,
    );
    return { exitCode: 1 };
  }
}

/** `file:line:col` where V8 names the offending offset, else the file alone. */
export function jsonErrorPlace(file: string, text: string, message: string): string {
  const at = /at position (\d+)/.exec(message);
  if (!at) return file;
  return `${file}:${lineCol(text, Number(at[1]))}`;
}

/** 1-based `line:col` of a character offset, as compilers print positions. */
export function lineCol(text: string, offset: number): string {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return `${line}:${offset - start + 1}`;
}

/**
 * Prints the first validation error of an input as `timeslice: <file>: <field>: <message>`, the one
 * format every command uses for a well-formed document with a wrong value (JSON has no line to point at
 * once parsed; the field's path does that job).
 */
export function reportInvalid(
  file: string,
  errors: readonly { path?: string; message: string }[],
  io: CliIo,
  what = "input",
): number {
  const first = errors[0];
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : "";
  io.err(`timeslice: ${file}: ${first?.path || what}: ${first?.message ?? "invalid"}${more}\n`);
  return 1;
}
