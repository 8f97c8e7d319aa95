// The JSON model against the real process-run.py: every golden case recorded with an explicit
// program (-P ... -c) is rebuilt as model input and must print the same table (and stats, with -p).
import path from "node:path";
import { describe, expect, test } from "vitest";
import { expectStdout, loadGoldenCases } from "../ostep/__tests__/golden-cases";
import { formatProcStatesText, simulateProcStates, type ProcStatesInput, type ProcStatesStep } from "./index";

const golden = loadGoldenCases(path.join(import.meta.dirname, "..", "ostep", "__golden__", "process-run"));

/** Reads the few flags these cases use; returns null for anything else. */
function toModelInput(args: readonly string[]): { input: ProcStatesInput; stats: boolean } | null {
  let program: string | undefined;
  let ioLength = 5;
  let stats = false;
  let solve = false;
  const input: ProcStatesInput = { processes: [] };
  for (let k = 0; k < args.length; k++) {
    const a = args[k]!;
    if (a === "-P") program = args[++k];
    else if (a === "-L") ioLength = Number(args[++k]);
    else if (a === "-S") input.switchOn = args[++k] === "SWITCH_ON_END" ? "end" : "io";
    else if (a === "-I") input.ioDone = args[++k] === "IO_RUN_IMMEDIATE" ? "immediate" : "later";
    else if (a === "-c") solve = true;
    else if (a === "-p") stats = true;
    else return null;
  }
  if (!program || !solve || !Number.isInteger(ioLength) || ioLength < 0) return null;
  for (const [pid, text] of program.split(":").entries()) {
    const steps: ProcStatesStep[] = [];
    for (const item of text.split(",")) {
      if (item === "i") steps.push({ io: ioLength });
      else if (/^c\d+$/.test(item)) {
        if (Number(item.slice(1)) > 0) steps.push({ cpu: Number(item.slice(1)) });
      } else return null;
    }
    input.processes.push({ id: `PID:${String(pid).padStart(2, " ")}`, program: steps });
  }
  return { input, stats };
}

const cases = golden.flatMap((g) => {
  const converted = g.exitCode === 0 ? toModelInput(g.args) : null;
  return converted ? [{ name: g.name, expected: g.stdout, ...converted }] : [];
});

describe("process-states model reproduces process-run.py on explicit programs", () => {
  test("there are enough comparable cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });
  test.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const result = simulateProcStates(c.input);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const text = formatProcStatesText(result.value);
    // Without -p the script prints only the table, which is the text up to the stats block.
    expectStdout(c.stats ? text : text.slice(0, text.indexOf("\nStats:")), c.expected);
  });
});
