// `timeslice eventloop <file.js | -> [--json|--text] [--check <output-file>]`: every output order Node 20
// can print, with phases; with --check, whether one observed output is possible and, if not, the first
// line that cannot be printed there and what could.
import { checkEventLoopOrder, formatEventLoopModel, modelEventLoop, type EventLoopError } from "../../engine/eventloop";
import type { CliIo } from "../io";
import { parseInputArgs, readInputText } from "../input";

const USAGE = "usage: timeslice eventloop <file.js | -> [--json|--text] [--check <output-file>]";

/** `timeslice: <file>:<line>:<col>: <message>` where the model gave a position, else `timeslice: <file>: <message>`. */
function errorLine(file: string, error: EventLoopError): string {
  const name = file === "-" ? "<stdin>" : file;
  const message = error.message.replace(/^line \d+, column \d+: /, "");
  return error.line !== undefined && error.column !== undefined
    ? `timeslice: ${name}:${error.line}:${error.column}: ${message}\n`
    : `timeslice: ${name}: ${message}\n`;
}

function quote(s: string): string {
  return `'${s}'`;
}

export async function run(args: string[], io: CliIo): Promise<number> {
  let checkFile: string | undefined;
  const parsed = parseInputArgs(
    {
      name: "eventloop",
      what: "a program file",
      usage: USAGE,
      flag: (arg, next) => {
        if (arg !== "--check") return false;
        const value = next();
        if (value === undefined || value === "") return `--check needs the file holding the observed output (${USAGE})`;
        checkFile = value;
        return true;
      },
    },
    args,
    io,
  );
  if (typeof parsed === "number") return parsed;
  const { file, format } = parsed;
  if (checkFile === "-" && file === "-") {
    io.err(`timeslice: the program and the output cannot both come from standard input (${USAGE})\n`);
    return 2;
  }
  const source = readInputText(file, io);
  if (typeof source !== "string") return source.exitCode;
  const result = modelEventLoop(source);
  if (!result.ok) {
    io.err(errorLine(file, result.errors[0]!));
    return checkFile === undefined ? 1 : 2;
  }
  if (checkFile === undefined) {
    io.out(format === "json" ? JSON.stringify(result.value, null, 2) + "\n" : formatEventLoopModel(result.value));
    return 0;
  }

  // --check: 0 = possible, 1 = not possible, 2 = the check could not be made (as grep does).
  const observedText = readInputText(checkFile, io);
  if (typeof observedText !== "string") return 2;
  const observed = observedText.replace(/\r?\n$/, "").split(/\r?\n/);
  if (observedText === "") observed.length = 0;
  const model = result.value;
  const check = checkEventLoopOrder(model, observed);
  const orderIndex = check.valid
    ? model.outputs.findIndex((o) => o.length === observed.length && o.every((x, i) => x === observed[i]))
    : -1;
  const exit = orderIndex >= 0 ? model.exits[orderIndex] : null;
  if (format === "json") {
    const m = check.firstMismatch;
    io.out(
      JSON.stringify(
        check.valid
          ? {
              possible: true,
              order: orderIndex + 1,
              orders: model.orders.length,
              deterministic: model.deterministic,
              exit: exit ?? null,
            }
          : {
              possible: false,
              line: m!.index + 1,
              got: m!.got,
              expected: m!.expected,
              reason: m!.reason,
              orders: model.orders.length,
            },
        null,
        2,
      ) + "\n",
    );
    return check.valid ? 0 : 1;
  }
  const outName = checkFile === "-" ? "<stdin>" : checkFile;
  if (check.valid) {
    const of = model.deterministic
      ? "the only order Node 20 prints"
      : `order ${orderIndex + 1} of the ${model.orders.length} orders Node 20 can print`;
    io.out(
      `possible: ${outName} is ${of}.${exit ? ` The process then exits with code ${exit.code} (${exit.reason}).` : ""}\n`,
    );
    return 0;
  }
  const m = check.firstMismatch!;
  const line = m.index + 1;
  const could = m.expected.length === 0 ? "nothing more (the output ends there)" : m.expected.map(quote).join(" or ");
  const what =
    m.got === "" && m.index >= observed.length
      ? "the output ends too early"
      : `${quote(m.got)} cannot be printed there`;
  io.out(
    `not possible: ${outName}:${line}: ${what}.\n  Node 20 prints ${could} at line ${line}.\n  Why: ${m.reason}\n`,
  );
  return 1;
}
