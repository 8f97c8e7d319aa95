// Replays every golden case recorded from the real fork.py (see __golden__/generate.py).
import path from "node:path";
import { describe, expect, test } from "vitest";
import { expectMatchesGolden, loadGoldenCases } from "./__tests__/golden-cases";
import { runOstepFork } from "./fork";

const cases = loadGoldenCases(path.join(import.meta.dirname, "__golden__", "fork"));

describe("fork.py golden replay", () => {
  test("the golden set is present and large", () => {
    expect(cases.length).toBeGreaterThan(250);
  });
  test.each(cases.map((c) => [c.name, c] as const))("%s", (_name, golden) => {
    expectMatchesGolden(runOstepFork(golden.args), golden);
  });
});
