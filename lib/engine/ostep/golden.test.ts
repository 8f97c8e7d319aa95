// Replays every golden case recorded from the real OSTEP scripts (see __golden__/generate_sched.py)
// through our ports and compares stdout byte for byte, plus the exit status and stderr.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { OstepScript } from "./types";
import { runOstepLottery } from "./lottery";
import { runOstepMlfq } from "./mlfq";
import { runOstepScheduler } from "./scheduler";

const GOLDEN = fileURLToPath(new URL("./__golden__/", import.meta.url));

const SCRIPTS: Record<string, OstepScript> = {
  scheduler: runOstepScheduler,
  mlfq: runOstepMlfq,
  lottery: runOstepLottery,
};

function lastLine(text: string): string {
  const lines = text.replace(/\n+$/, "").split("\n");
  return lines[lines.length - 1] ?? "";
}

for (const [name, run] of Object.entries(SCRIPTS)) {
  const dir = join(GOLDEN, name);
  const cases = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".args")).map((f) => f.slice(0, -5)).sort() : [];

  describe(`golden ${name}.py`, () => {
    it("has a substantial recorded case set", () => {
      expect(cases.length).toBeGreaterThanOrEqual(50);
    });

    it.each(cases)("%s", (caseName) => {
      const base = join(dir, caseName);
      const args: string[] = JSON.parse(readFileSync(base + ".args", "utf8"));
      const result = run(args);
      expect(result.stdout).toBe(readFileSync(base + ".out", "utf8"));
      if (existsSync(base + ".exit")) {
        const [status, stderrLast] = readFileSync(base + ".exit", "utf8").split("\n");
        expect(result.exitCode).toBe(Number(status));
        expect(lastLine(result.stderr)).toBe(stderrLast);
      } else {
        expect(result.exitCode).toBe(0);
      }
      if (existsSync(base + ".err")) expect(result.stderr).toBe(readFileSync(base + ".err", "utf8"));
      else if (result.exitCode === 0) expect(result.stderr).toBe("");
    });
  });
}
