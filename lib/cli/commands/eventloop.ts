// `timeslice eventloop <file.js | -> [--json|--text]`: every output order Node 20 can print, with phases.
import { formatEventLoopModel, modelEventLoop } from "../../engine/eventloop/index";
import type { CliIo } from "../io";

export async function run(args: string[], io: CliIo): Promise<number> {
  let format: "json" | "text" = "text";
  let file: string | undefined;
  for (const a of args) {
    if (a === "--json") format = "json";
    else if (a === "--text") format = "text";
    else if (a.startsWith("--")) {
      io.err(`timeslice: unknown option '${a}' (usage: eventloop <file.js | -> [--json|--text])\n`);
      return 2;
    } else if (file === undefined) file = a;
    else {
      io.err(`timeslice: eventloop takes one program file, got '${file}' and '${a}'\n`);
      return 2;
    }
  }
  if (file === undefined) {
    io.err("timeslice: eventloop needs a program file or '-' for standard input\n");
    return 2;
  }
  let source: string;
  try {
    source = io.readInput(file);
  } catch (e) {
    io.err(`timeslice: cannot read '${file}': ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  const result = modelEventLoop(source);
  if (!result.ok) {
    io.err(`timeslice: ${result.errors[0]!.message}\n`);
    return 1;
  }
  io.out(format === "json" ? JSON.stringify(result.value, null, 2) + "\n" : formatEventLoopModel(result.value));
  return 0;
}
