// Proves the model against the real runtime: every program runs in `node` (the same binary as the
// tests) several times; a deterministic model must match exactly, otherwise the observed order must be
// one of the model's orders.
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, test } from "vitest";
import { modelEventLoop } from "./model";
import { REAL_NODE_PROGRAMS } from "./__fixtures__/programs";

const run = promisify(execFile);
const dir = mkdtempSync(path.join(tmpdir(), "timeslice-eventloop-"));
const RUNS = 3;

describe("the model agrees with real Node", () => {
  test("the fixture set covers at least 30 programs", () => {
    expect(REAL_NODE_PROGRAMS.length).toBeGreaterThanOrEqual(30);
  });

  test.each(REAL_NODE_PROGRAMS.map((p) => [p.name, p] as const))("%s", async (name, program) => {
    const model = modelEventLoop(program.source);
    if (!model.ok) throw new Error(JSON.stringify(model.errors));
    if (program.deterministic !== undefined) expect(model.value.deterministic).toBe(program.deterministic);
    const file = path.join(dir, `${name.replace(/[^a-z0-9]+/gi, "-")}.js`);
    writeFileSync(file, program.source);
    const observed = await Promise.all(
      Array.from({ length: model.value.deterministic ? 1 : RUNS }, () =>
        run(process.execPath, [file], { timeout: 20_000 }),
      ),
    );
    const valid = model.value.outputs.map((o) => o.join("\n"));
    for (const { stdout } of observed) {
      const lines = stdout.replace(/\n$/, "");
      if (model.value.deterministic) expect(lines).toBe(valid[0]);
      else expect(valid).toContain(lines);
    }
  });
});
