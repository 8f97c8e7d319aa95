// Replays every golden case recorded from the real OSTEP scheduler scripts (see __golden__/generate_sched.py)
// through our ports and compares stdout byte for byte (or by hash, for the bulk cases), the exit status and stderr.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { expectMatchesGolden, loadGoldenCases } from "./__tests__/golden-cases";
import { runOstepLottery } from "./lottery";
import { runOstepMlfq } from "./mlfq";
import { runOstepScheduler } from "./scheduler";
import type { OstepScript } from "./types";

const SCRIPTS: Record<string, OstepScript> = {
  scheduler: runOstepScheduler,
  mlfq: runOstepMlfq,
  lottery: runOstepLottery,
};

for (const [name, run] of Object.entries(SCRIPTS)) {
  const cases = loadGoldenCases(path.join(import.meta.dirname, "__golden__", name));

  describe(`golden ${name}.py`, () => {
    it("has a substantial recorded case set", () => {
      expect(cases.length).toBeGreaterThanOrEqual(150);
    });

    it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, golden) => {
      expectMatchesGolden(run(golden.args), golden);
    });
  });
}
