// Byte-exact port of OSTEP's cpu-api/fork.py: random or explicit fork/exit actions on a process
// tree, printed as a quiz (guess the tree, or with -t guess the actions) or solved with -c.
import { createPythonRandom, type PythonRandom } from "../random";
import { ForkTree, PyException, ScriptExitSignal } from "./fork-tree";
import { flagOption, floatOption, intOption, parseOptions, stringOption, type OptionSpec } from "./optparse";
import { pyFloatRepr } from "./pyformat";
import type { OstepRun } from "./types";

const PROG = "fork.py";

const SPECS: readonly OptionSpec[] = [
  { short: "-s", long: "--seed", dest: "seed", kind: "int", default: -1, help: "the random seed" },
  {
    short: "-f",
    long: "--forks",
    dest: "fork_percentage",
    kind: "float",
    default: 0.7,
    help: "percent of actions that are forks (not exits)",
  },
  {
    short: "-A",
    long: "--action_list",
    dest: "action_list",
    kind: "string",
    default: "",
    help: "action list, instead of randomly generated ones (format: a+b,b+c,b- means a fork b, b fork c, b exit)",
  },
  { short: "-a", long: "--actions", dest: "actions", kind: "int", default: 5, help: "number of forks/exits to do" },
  {
    short: "-t",
    long: "--show_tree",
    dest: "show_tree",
    kind: "store_true",
    default: false,
    help: "show tree (not actions)",
  },
  {
    short: "-P",
    long: "--print_style",
    dest: "print_style",
    kind: "string",
    default: "fancy",
    help: "tree print style (basic, line1, line2, fancy)",
  },
  {
    short: "-F",
    long: "--final_only",
    dest: "just_final",
    kind: "store_true",
    default: false,
    help: "just show final state",
  },
  {
    short: "-L",
    long: "--leaf_only",
    dest: "leaf_only",
    kind: "store_true",
    default: false,
    help: "only leaf processes exit",
  },
  {
    short: "-R",
    long: "--local_reparent",
    dest: "local_reparent",
    kind: "store_true",
    default: false,
    help: "reparent to local parent",
  },
  { short: "-c", long: "--compute", dest: "solve", kind: "store_true", default: false, help: "compute answers for me" },
];

/** Caps that keep hostile flags bounded; Python would run on (or, with `-f nan`, loop forever). */
export const FORK_LIMITS = {
  /** Random actions generated (each one also costs a linear scan of the live list). */
  maxActions: 20_000,
  /** Loop iterations while generating random actions (a drawn exit of the root does not count as an action). */
  maxGenerationSteps: 5_000_000,
  maxOutputChars: 40_000_000,
} as const;

export interface ForkOptions {
  /** Seed used when the command line leaves fork.py unseeded (`-s -1`, the default): Python would
   *  seed from the OS; this pure port takes it from the caller, and uses 0 if none is given. */
  unseededSeed?: number;
}

class OutputTooLarge {}

const BASE_NAMES = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** Process names in the script's order: b..z, A..Z, then aa, ab, .., then three letters, and so on. */
function* processNames(): Generator<string> {
  for (let length = 1; ; length++) {
    const count = BASE_NAMES.length ** length;
    for (let index = length === 1 ? 1 : 0; index < count; index++) {
      let name = "";
      for (let rest = index, k = 0; k < length; k++, rest = Math.floor(rest / BASE_NAMES.length)) {
        name = BASE_NAMES[rest % BASE_NAMES.length] + name;
      }
      yield name;
    }
  }
}

/** fork.py's random_choice: `L[int(random() * len(L))]`. */
function pick(rng: PythonRandom, list: readonly string[]): string {
  return list[Math.floor(rng.random() * list.length)]!;
}

function randomActions(rng: PythonRandom, forkPercentage: number, maxActions: number, root: string): string[] {
  const actions: string[] = [];
  const candidates = [root];
  const names = processNames();
  let steps = 0;
  while (actions.length < maxActions) {
    if (++steps > FORK_LIMITS.maxGenerationSteps) throw new OutputTooLarge();
    if (rng.random() < forkPercentage) {
      const parent = pick(rng, candidates);
      const child = names.next().value as string;
      actions.push(`${parent}+${child}`);
      candidates.push(child);
    } else {
      const victim = pick(rng, candidates);
      if (victim === root) continue;
      candidates.splice(candidates.indexOf(victim), 1);
      actions.push(`${victim}-`);
    }
  }
  return actions;
}

/** Runs `python3 fork.py <args>` and returns what it would print. */
export function runOstepFork(args: string[], options: ForkOptions = {}): OstepRun {
  const parsed = parseOptions(PROG, SPECS, args);
  if (!parsed.ok) return parsed.run;
  const opts = parsed.options;
  const chunks: string[] = [];
  let size = 0;
  const print = (text: string): void => {
    size += text.length;
    if (size > FORK_LIMITS.maxOutputChars) throw new OutputTooLarge();
    chunks.push(text);
  };
  const finish = (exitCode: number, stderr = ""): OstepRun => ({ exitCode, stdout: chunks.join(""), stderr });

  const seed = opts.ints.seed ?? -1n;
  const rng = createPythonRandom(seed === -1n ? (options.unseededSeed ?? 0) : seed);
  const forkPercentage = floatOption(opts, "fork_percentage");
  if (forkPercentage <= 0.001) {
    print("fork_percentage must be > 0.001\n");
    return finish(1);
  }
  const actionList = stringOption(opts, "action_list");
  const showTree = flagOption(opts, "show_tree");
  const justFinal = flagOption(opts, "just_final");
  const leafOnly = flagOption(opts, "leaf_only");
  const localReparent = flagOption(opts, "local_reparent");
  const style = stringOption(opts, "print_style");
  const solve = flagOption(opts, "solve");
  const bool = (b: boolean): string => (b ? "True" : "False");
  const maxActions = opts.ints.actions ?? BigInt(intOption(opts, "actions"));

  try {
    print(
      "\n" +
        `ARG seed ${seed}\n` +
        `ARG fork_percentage ${pyFloatRepr(forkPercentage)}\n` +
        `ARG actions ${maxActions}\n` +
        `ARG action_list ${actionList}\n` +
        `ARG show_tree ${bool(showTree)}\n` +
        `ARG just_final ${bool(justFinal)}\n` +
        `ARG leaf_only ${bool(leafOnly)}\n` +
        `ARG local_reparent ${bool(localReparent)}\n` +
        `ARG print_style ${style}\n` +
        `ARG solve ${bool(solve)}\n` +
        "\n",
    );
    const tree = new ForkTree();
    const printTree = (): void => tree.print(style, print);
    print(" ".repeat(27) + "Process Tree:\n");
    printTree();
    print("\n");

    let actions: string[];
    if (actionList !== "") actions = actionList.split(",");
    else {
      if (maxActions > BigInt(FORK_LIMITS.maxActions)) throw new OutputTooLarge();
      actions = randomActions(rng, forkPercentage, Number(maxActions), tree.root);
    }

    const badAction = (action: string): ScriptExitSignal => {
      print(`bad action (${action}), must be X+Y or X- where X and Y are processes\n`);
      return new ScriptExitSignal(1);
    };
    for (const action of actions) {
      let description: string;
      if (action.includes("+")) {
        const parts = action.split("+");
        if (parts.length !== 2) throw badAction(action);
        if (!tree.isAlive(parts[0]!)) throw badAction(action);
        description = tree.fork(parts[0]!, parts[1]!);
      } else if (action.includes("-")) {
        const parts = action.split("-");
        if (parts.length !== 2) throw badAction(action);
        const victim = parts[0]!;
        if (!tree.isAlive(victim)) throw badAction(action);
        if (leafOnly && tree.childCount(victim) > 0) description = `${victim} EXITS (failed: has children)`;
        else if (victim === tree.root) {
          print("root process: cannot exit\n");
          throw new ScriptExitSignal(1);
        } else description = tree.exit(victim, localReparent);
      } else {
        throw badAction(action);
      }

      if (showTree) {
        print(solve ? `Action: ${description}\n` : "Action?\n");
        if (!justFinal) printTree();
      } else {
        print(`Action: ${description}\n`);
        if (!justFinal) {
          if (solve) printTree();
          else print("Process Tree?\n");
        }
      }
    }

    if (justFinal) {
      if (showTree || solve) {
        print("\n" + " ".repeat(24) + "Final Process Tree:\n");
        printTree();
        print("\n");
      } else {
        print("\n" + " ".repeat(24) + "Final Process Tree?\n\n");
      }
    }
    return finish(0);
  } catch (error) {
    if (error instanceof ScriptExitSignal) return finish(error.exitCode);
    if (error instanceof PyException) return finish(1, `Traceback (most recent call last):\n${error.message}\n`);
    if (error instanceof OutputTooLarge) {
      return { exitCode: 1, stdout: chunks.join(""), stderr: `${PROG}: the run is too large for this simulator\n` };
    }
    throw error;
  }
}
