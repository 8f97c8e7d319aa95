// Behaviour the golden files cannot show: unseeded runs and inputs on which fork.py never stops.
import { describe, expect, test } from "vitest";
import { runOstepFork } from "./fork";

describe("runOstepFork beyond the golden set", () => {
  test("an unseeded run takes its seed from the caller but still prints ARG seed -1", () => {
    const unseeded = runOstepFork(["-c"], { unseededSeed: 10 });
    const seeded = runOstepFork(["-c", "-s", "10"]);
    expect(unseeded.stdout).toContain("ARG seed -1\n");
    expect(unseeded.stdout.replace("ARG seed -1", "ARG seed 10")).toBe(seeded.stdout);
  });

  test("-f nan, on which fork.py loops forever, stops with an error", () => {
    const run = runOstepFork(["-s", "1", "-f", "nan", "-c"]);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain("too large");
    // Stopped while generating (FORK_LIMITS.maxGenerationSteps), before any action was printed.
    expect(run.stdout).not.toContain("Action:");
  });

  test("a billion actions is refused instead of printing gigabytes", () => {
    const run = runOstepFork(["-s", "1", "-a", "1000000000", "-c"]);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain("too large");
    // Refused by count, before generating: no action was printed.
    expect(run.stdout).not.toContain("Action:");
  });

  test("hand-checked: the default exit flattens the whole subtree under the root, in pre-order", () => {
    const run = runOstepFork(["-A", "a+b,b+c,c+d,b+e,b-", "-c", "-F", "-P", "basic"]);
    const tree = run.stdout
      .split("Final Process Tree:\n")[1]!
      .trimEnd()
      .split("\n")
      .map((l) => l.trim());
    expect(tree).toEqual(["a", "c", "d", "e"]);
  });
});
