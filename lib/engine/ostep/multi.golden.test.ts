// Replays every case recorded from the real multi.py (see __golden__/generate_multi.py) through the port:
// stdout byte for byte (or by size and SHA-256 for the seeded sweep), the exit status and stderr.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { expectMatchesGolden, loadGoldenCases } from "./__tests__/golden-cases";
import { runOstepMulti } from "./multi";

const cases = loadGoldenCases(path.join(import.meta.dirname, "__golden__", "multi"));

describe("golden multi.py", () => {
  it("covers the homework questions, the script's errors and a seeded sweep of every flag", () => {
    expect(cases.filter((c) => c.name.startsWith("rand-")).length).toBeGreaterThanOrEqual(150);
    expect(cases.filter((c) => c.name.startsWith("hw")).length).toBeGreaterThanOrEqual(20);
    for (const flag of [
      "-n",
      "-L",
      "-A",
      "-p",
      "-P",
      "-q",
      "-w",
      "-r",
      "-M",
      "-o",
      "-t",
      "-T",
      "-C",
      "-S",
      "-c",
      "-h",
    ]) {
      expect(
        cases.some((c) => c.args.includes(flag)),
        flag,
      ).toBe(true);
    }
    expect(cases.some((c) => c.exitCode === 1 && c.lastErrLine.startsWith("IndexError"))).toBe(true);
  });

  it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, golden) => {
    expectMatchesGolden(runOstepMulti(golden.args), golden);
  });
});
