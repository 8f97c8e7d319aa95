// `timeslice eventloop <file.js | -> [--json|--text]`: every output order Node 20 can print, with phases.
import { formatEventLoopModel, modelEventLoop } from "../../engine/eventloop/index";
import type { CliIo } from "../io";
import { parseInputArgs, readInputText } from "../input";

export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseInputArgs({ name: "eventloop", what: "a program file", usage: "usage: timeslice eventloop <file.js | -> [--json|--text]" }, args, io);
  if (typeof parsed === "number") return parsed;
  const { file, format } = parsed;
  const source = readInputText(file, io);
  if (typeof source !== "string") return source.exitCode;
  const result = modelEventLoop(source);
  if (!result.ok) {
    io.err(`timeslice: ${result.errors[0]!.message}\n`);
    return 1;
  }
  io.out(format === "json" ? JSON.stringify(result.value, null, 2) + "\n" : formatEventLoopModel(result.value));
  return 0;
}
