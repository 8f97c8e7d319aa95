// Shared by the process-run and fork golden replays: loads <case>.args/.out/.exit triples
// written by __golden__/generate.py and compares a port's run against one.
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { expect } from "vitest";
import type { OstepRun } from "../../ostep/types";

export interface GoldenCase {
  name: string;
  args: string[];
  stdout: string;
  exitCode: number;
  lastErrLine: string;
  /** The whole stderr, recorded only where it holds no traceback (optparse failures). */
  stderr: string | null;
}

// Very large outputs (trees ~1000 levels deep) are stored gzipped.
function readOutput(file: string): string {
  return existsSync(file) ? readFileSync(file, "utf8") : gunzipSync(readFileSync(`${file}.gz`)).toString("utf8");
}

export function loadGoldenCases(dir: string): GoldenCase[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".args"))
    .sort()
    .map((file) => {
      const name = file.slice(0, -".args".length);
      const exitFile = path.join(dir, `${name}.exit`);
      const [code, lastErrLine] = existsSync(exitFile) ? readFileSync(exitFile, "utf8").split("\n") : ["0", ""];
      return {
        name,
        args: JSON.parse(readFileSync(path.join(dir, file), "utf8")) as string[],
        stdout: readOutput(path.join(dir, `${name}.out`)),
        exitCode: Number(code),
        lastErrLine: lastErrLine ?? "",
        stderr: existsSync(path.join(dir, `${name}.err`)) ? readFileSync(path.join(dir, `${name}.err`), "utf8") : null,
      };
    });
}

export function lastLine(text: string): string {
  const lines = text.split("\n").filter((l) => l.trim() !== "");
  return lines[lines.length - 1] ?? "";
}

export function expectMatchesGolden(run: OstepRun, golden: GoldenCase): void {
  expect(run.stdout).toBe(golden.stdout);
  expect(run.exitCode).toBe(golden.exitCode);
  if (golden.exitCode !== 0) expect(lastLine(run.stderr)).toBe(golden.lastErrLine);
  else expect(run.stderr).toBe("");
  if (golden.stderr !== null) expect(run.stderr).toBe(golden.stderr);
}
