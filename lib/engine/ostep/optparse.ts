// Just enough of Python's `optparse` for the OSTEP homework scripts: short clusters (`-cq2`),
// separate or attached values (`-q 2`, `-q2`, `--quantum=2`, `--quantum 2`), unique prefixes of
// long names (`--quan`), `--` and interspersed positionals, `-h/--help`, and the exact usage +
// error text and exit status 2 that optparse prints for bad flags.
import type { OstepRun } from "./types";
import { parseOptparseInt, parsePyFloat } from "./pyparse";
import { pyStr, pyStrRepr } from "./pyformat";

export type OptionKind = "int" | "float" | "string" | "store_true";
export type OptionValue = number | string | boolean;

export interface OptionSpec {
  /** e.g. "-q" */
  short?: string;
  /** e.g. "--quantum" */
  long?: string;
  dest: string;
  kind: OptionKind;
  default: OptionValue;
  help?: string;
}

export interface ParsedOptions {
  /** Parsed values by dest. Ints are JS numbers (exact up to 2^53); see `ints` for the exact value. */
  values: Record<string, OptionValue>;
  /** Every int option's exact value (Python ints are unbounded), by dest. */
  ints: Record<string, bigint>;
  /** Positional arguments, which the scripts ignore. */
  args: string[];
}

export type ParseOutcome = { ok: true; options: ParsedOptions } | { ok: false; run: OstepRun };

const HELP_SPEC: OptionSpec = {
  short: "-h",
  long: "--help",
  dest: "help",
  kind: "store_true",
  default: false,
  help: "show this help message and exit",
};

class StopParsing {
  constructor(readonly run: OstepRun) {}
}

function usage(prog: string): string {
  return `Usage: ${prog} [options]\n`;
}

function takesValue(spec: OptionSpec): boolean {
  return spec.kind !== "store_true";
}

// optparse help layout: IndentedHelpFormatter with an 80-column terminal (what a pipe reports).
const HELP_WIDTH = 78;
const MAX_HELP_POSITION = 24;
const INDENT = 2;

function optionStrings(spec: OptionSpec): string {
  const metavar = spec.dest.toUpperCase();
  const parts: string[] = [];
  if (spec.short) parts.push(takesValue(spec) ? `${spec.short} ${metavar}` : spec.short);
  if (spec.long) parts.push(takesValue(spec) ? `${spec.long}=${metavar}` : spec.long);
  return parts.join(", ");
}

/** Python's textwrap.wrap as optparse uses it: greedy, breaking on spaces and after hyphens inside words. */
export function wrapText(text: string, width: number): string[] {
  const chunks: string[] = [];
  for (const piece of text.replace(/\s/g, " ").split(/( +)/)) {
    if (piece === "") continue;
    if (piece.startsWith(" ")) {
      chunks.push(piece);
      continue;
    }
    // textwrap splits "comma-separated" after the hyphen when letters surround it.
    let rest = piece;
    for (let m = /^(.*?[A-Za-z]{2}-)(?=[A-Za-z])/.exec(rest); m; m = /^(.*?[A-Za-z]{2}-)(?=[A-Za-z])/.exec(rest)) {
      chunks.push(m[1]!);
      rest = rest.slice(m[1]!.length);
    }
    chunks.push(rest);
  }
  const lines: string[] = [];
  let i = 0;
  while (i < chunks.length) {
    let line = "";
    if (chunks[i]!.startsWith(" ") && lines.length > 0) i++;
    while (i < chunks.length && line.length + chunks[i]!.length <= width) line += chunks[i++]!;
    if (line === "" && i < chunks.length) {
      // A word longer than the width is cut, as textwrap's break_long_words does.
      const chunk = chunks[i]!;
      line = chunk.slice(0, width);
      chunks[i] = chunk.slice(width);
    }
    lines.push(line.replace(/ +$/, ""));
  }
  return lines.filter((line, idx) => line !== "" || idx < lines.length - 1);
}

function formatHelp(prog: string, specs: readonly OptionSpec[]): string {
  const all = [HELP_SPEC, ...specs];
  const strings = all.map(optionStrings);
  const maxLength = Math.max(...strings.map((s) => s.length + INDENT));
  const helpPosition = Math.min(maxLength + 2, MAX_HELP_POSITION);
  const helpWidth = Math.max(HELP_WIDTH - helpPosition, 11);
  let out = `${usage(prog)}\nOptions:\n`;
  all.forEach((spec, index) => {
    const opts = strings[index]!;
    const optWidth = helpPosition - INDENT - 2;
    let indentFirst: number;
    if (opts.length > optWidth) {
      out += " ".repeat(INDENT) + opts + "\n";
      indentFirst = helpPosition;
    } else {
      out += " ".repeat(INDENT) + opts.padEnd(optWidth, " ") + "  ";
      indentFirst = 0;
    }
    if (spec.help) {
      const lines = wrapText(spec.help.replace(/%default/g, pyStr(spec.default)), helpWidth);
      out += " ".repeat(indentFirst) + lines[0] + "\n";
      for (const line of lines.slice(1)) out += " ".repeat(helpPosition) + line + "\n";
    } else if (!out.endsWith("\n")) {
      out += "\n";
    }
  });
  return out;
}

/** Parses `args` like `OptionParser().parse_args()` with the given options, for a script called `prog`. */
export function parseOptions(prog: string, specs: readonly OptionSpec[], args: readonly string[]): ParseOutcome {
  const values: Record<string, OptionValue> = {};
  const ints: Record<string, bigint> = {};
  for (const spec of specs) {
    values[spec.dest] = spec.default;
    if (spec.kind === "int" && typeof spec.default === "number") ints[spec.dest] = BigInt(spec.default);
  }
  const all = [HELP_SPEC, ...specs];
  const byShort = new Map(all.filter((s) => s.short).map((s) => [s.short!, s] as const));
  const byLong = new Map(all.filter((s) => s.long).map((s) => [s.long!, s] as const));

  const fail = (message: string): never => {
    throw new StopParsing({ exitCode: 2, stdout: "", stderr: `${usage(prog)}\n${prog}: error: ${message}\n` });
  };

  const store = (spec: OptionSpec, opt: string, raw: string | null): void => {
    if (spec === HELP_SPEC) throw new StopParsing({ exitCode: 0, stdout: formatHelp(prog, specs), stderr: "" });
    switch (spec.kind) {
      case "store_true":
        values[spec.dest] = true;
        return;
      case "string":
        values[spec.dest] = raw!;
        return;
      case "int": {
        const n = parseOptparseInt(raw!);
        if (n === null) fail(`option ${opt}: invalid integer value: ${pyStrRepr(raw!)}`);
        ints[spec.dest] = n!;
        values[spec.dest] = Number(n);
        return;
      }
      case "float": {
        const x = parsePyFloat(raw!);
        if (x === null) fail(`option ${opt}: invalid floating-point value: ${pyStrRepr(raw!)}`);
        values[spec.dest] = x!;
        return;
      }
    }
  };

  const matchLong = (opt: string): OptionSpec => {
    const exact = byLong.get(opt);
    if (exact) return exact;
    const candidates = [...byLong.keys()].filter((name) => name.startsWith(opt)).sort();
    if (candidates.length === 1) return byLong.get(candidates[0]!)!;
    if (candidates.length === 0) fail(`no such option: ${opt}`);
    return fail(`ambiguous option: ${opt} (${candidates.join(", ")}?)`);
  };

  const rest = [...args];
  const positional: string[] = [];
  try {
    while (rest.length > 0) {
      const arg = rest.shift()!;
      if (arg === "--") {
        positional.push(...rest);
        break;
      }
      if (arg.startsWith("--")) {
        const eq = arg.indexOf("=");
        const name = eq >= 0 ? arg.slice(0, eq) : arg;
        if (eq >= 0) rest.unshift(arg.slice(eq + 1));
        const spec = matchLong(name);
        const opt = spec.long!;
        if (takesValue(spec)) {
          if (rest.length === 0) fail(`${opt} option requires 1 argument`);
          store(spec, opt, rest.shift()!);
        } else if (eq >= 0) {
          fail(`${opt} option does not take a value`);
        } else {
          store(spec, opt, null);
        }
      } else if (arg.startsWith("-") && arg.length > 1) {
        for (let i = 1; i < arg.length; i++) {
          const opt = "-" + arg[i];
          const spec = byShort.get(opt);
          if (!spec) fail(`no such option: ${opt}`);
          if (takesValue(spec!)) {
            const attached = arg.slice(i + 1);
            if (attached !== "") rest.unshift(attached);
            if (rest.length === 0) fail(`${opt} option requires 1 argument`);
            store(spec!, opt, rest.shift()!);
            break;
          }
          store(spec!, opt, null);
        }
      } else {
        positional.push(arg);
      }
    }
  } catch (error) {
    if (error instanceof StopParsing) return { ok: false, run: error.run };
    throw error;
  }
  return { ok: true, options: { values, ints, args: positional } };
}

/** Typed read of an int option. */
export function intOption(parsed: ParsedOptions, dest: string): number {
  return parsed.values[dest] as number;
}

/** Typed read of a string option. */
export function stringOption(parsed: ParsedOptions, dest: string): string {
  return parsed.values[dest] as string;
}

/** Typed read of a store_true option. */
export function flagOption(parsed: ParsedOptions, dest: string): boolean {
  return parsed.values[dest] === true;
}

/** Typed read of a float option. */
export function floatOption(parsed: ParsedOptions, dest: string): number {
  return parsed.values[dest] as number;
}
