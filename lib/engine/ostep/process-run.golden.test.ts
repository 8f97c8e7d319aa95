// Replays every golden case recorded from the real process-run.py (see __golden__/generate.py).
import path from "node:path";
import { describe, expect, test } from "vitest";
import { expectMatchesGolden, loadGoldenCases } from "./__tests__/golden-cases";
import { runOstepProcessRun } from "./process-run";

const cases = loadGoldenCases(path.join(import.meta.dirname, "__golden__", "process-run"));

describe("process-run.py golden replay", () => {
  test("the golden set is present and large", () => {
    expect(cases.length).toBeGreaterThan(300);
  });
  test.each(cases.map((c) => [c.name, c] as const))("%s", (_name, golden) => {
    expectMatchesGolden(runOstepProcessRun(golden.args), golden);
  });
});
