// Timeslice command line: `npm run -s timeslice -- <command> [args]`.
// Each command lives in lib/cli/commands/<name>.ts and exports `run(args, io)`; this file only dispatches,
// so commands stay independent and the process prints nothing but the program's output. Commands are
// imported when run, so one command never pays for loading the others.
import type { CliIo } from "./io";
import { nodeIo } from "./io";

const COMMANDS: Record<string, () => Promise<{ run: (args: string[], io: CliIo) => Promise<number> }>> = {
  ostep: () => import("./commands/ostep"),
  simulate: () => import("./commands/simulate"),
  fork: () => import("./commands/fork"),
  "process-run": () => import("./commands/process-run"),
  crash: () => import("./commands/crash"),
  eventloop: () => import("./commands/eventloop"),
  capacity: () => import("./commands/capacity"),
};

const USAGE = `usage: timeslice <command> [args]
commands: ${Object.keys(COMMANDS).join(", ")}`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h") {
    nodeIo.out(USAGE + "\n");
    return name ? 0 : 2;
  }
  const load = COMMANDS[name];
  if (!load) {
    nodeIo.err(`timeslice: unknown command '${name}' (expected one of: ${Object.keys(COMMANDS).join(", ")})\n`);
    return 2;
  }
  const command = await load();
  return command.run(rest, nodeIo);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    nodeIo.err(`timeslice: ${message.split("\n")[0]}\n`);
    process.exitCode = 1;
  },
);
