// The fork model against reality at scale: every program in __fixtures__/corpus (interview, textbook
// and blog-style programs, several features each) is compiled with gcc and run RUNS times with
// stdout to a pipe. Required: every observed output is in the model's set (for some timing case,
// whose process and line counts must match the run); a program the model calls deterministic
// prints that one output every time; the model accepts every program except those marked
// `expect-refusal: <reason>`, which it must refuse with that reason. Figures are printed at the end.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { analyzeForkProgram } from "./analyze";
import { buildSchedule, isReachableOutput, type Schedule } from "./interleave";
import type { ForkBranch, ForkModel } from "./types";
import { compileTraced, pool, runTracedBatch, symbolize, type TracedRun } from "./__tests__/gcc-harness";

const RUNS = 20;
const CORPUS = path.join(import.meta.dirname, "__fixtures__", "corpus");
// The runs mostly sleep or wait on each other, so a few more than the cores keeps them busy.
const WIDTH = Math.max(4, Math.min(8, availableParallelism() * 3));

interface Program {
  name: string;
  source: string;
  expectRefusal?: string;
}

const programs: Program[] = readdirSync(CORPUS)
  .filter((f) => f.endsWith(".c"))
  .sort()
  .map((f) => {
    const source = readFileSync(path.join(CORPUS, f), "utf8");
    const refusal = /expect-refusal:\s*(.*?)\s*\*\//.exec(source);
    return { name: f.replace(/\.c$/, ""), source, expectRefusal: refusal?.[1] };
  });

let dir = "";
const runs = new Map<string, TracedRun[]>();

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "timeslice-corpus-"));
  const accepted = programs.filter((p) => !p.expectRefusal);
  // gcc's absence (or a program it rejects) fails here, loudly.
  const bins = await pool(
    accepted.map((p) => () => compileTraced(dir, p.name, p.source)),
    WIDTH,
  );
  // Programs that sleep take longest: start them first so they do not form the tail.
  const order = accepted
    .map((p, i) => i)
    .sort((a, b) => Number(/sleep\(/.test(accepted[b]!.source)) - Number(/sleep\(/.test(accepted[a]!.source)));
  const results = await pool(
    order.map((i) => () => runTracedBatch(bins[i]!, RUNS)),
    WIDTH,
  );
  order.forEach((i, k) => runs.set(accepted[i]!.name, results[k]!));
}, 600_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 60_000);

const figures = { accepted: 0, refused: 0, deterministic: 0, fixedByTiming: 0, runs: 0, distinctObserved: 0 };

function check(name: string, model: ForkModel, observed: TracedRun[]): void {
  const cases: (ForkBranch & { schedule: Schedule })[] = (model.branches ?? [{ ...model, assumptions: [] }]).map(
    (c) => ({ ...c, schedule: buildSchedule(c.processes) }),
  );
  const distinct = new Set<string>();
  for (const { output, trace } of observed) {
    const processes = 1 + trace.filter((l) => !l.startsWith("root")).length;
    const lines = [...output].filter((c) => c === "\n").length;
    const matches = cases.flatMap((c) => {
      const text = symbolize(output, trace, c.processes);
      return text !== null && isReachableOutput(c.schedule, text) === "valid"
        ? [{ text, lines: c.linesPrinted, processes: c.processCount }]
        : [];
    });
    // Reported in full when no timing case of the model produces what reality printed.
    expect({ name, output, trace, valid: matches.length > 0 }).toEqual({ name, output, trace, valid: true });
    const counted = matches.some((m) => m.lines === lines && m.processes === processes);
    expect({ name, trace, lines, processes, counted }).toEqual({ name, trace, lines, processes, counted: true });
    distinct.add(matches[0]!.text);
  }
  if (model.deterministic) {
    expect([...distinct]).toEqual([model.outputs[0]!.map((l) => l + "\n").join("")]);
  }
  figures.runs += observed.length;
  figures.distinctObserved += distinct.size;
}

describe(`fork corpus against gcc (${programs.length} programs, ${RUNS} runs each, stdout to a pipe)`, () => {
  for (const p of programs) {
    test(p.name, () => {
      const result = analyzeForkProgram(p.source, { mode: "pipe" });
      if (p.expectRefusal) {
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.errors[0]!.message).toContain(p.expectRefusal);
        figures.refused++;
        return;
      }
      if (!result.ok) throw new Error(`${p.name} refused at ${result.errors[0]!.path}: ${result.errors[0]!.message}`);
      figures.accepted++;
      if (result.value.deterministic) figures.deterministic++;
      if (result.value.timedSleeps.length > 0) figures.fixedByTiming++;
      const observed = runs.get(p.name)!;
      expect(observed).toHaveLength(RUNS);
      check(p.name, result.value, observed);
    });
  }

  test("the corpus is large enough and the figures add up", () => {
    expect(programs.length).toBeGreaterThanOrEqual(100);
    expect(figures.accepted + figures.refused).toBe(programs.length);
    console.log(
      `fork corpus: ${figures.accepted} of ${programs.length} accepted (${figures.refused} refused as marked), ` +
        `${figures.deterministic} deterministic (${figures.fixedByTiming} with sleeps as timing), ${figures.runs} real runs, ` +
        `${figures.distinctObserved} distinct outputs observed, all in the model's sets`,
    );
  });
});
