// Loads the cases recorded from the real OSTEP scripts by __golden__/generate*.py (formats in
// __golden__/golden_io.py) and compares one of our ports' runs against a case. Named cases hold the whole
// stdout; bulk cases (random seeds, flag sweeps) hold its size and SHA-256, one line each in cases.jsonl.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { expect } from "vitest";
import type { OstepRun } from "../types";

/** What the real script printed: the text itself, or (bulk cases) its size and hash. */
export type GoldenStdout = { text: string } | { sha256: string; bytes: number };

export interface GoldenCase {
  name: string;
  args: string[];
  stdout: GoldenStdout;
  exitCode: number;
  lastErrLine: string;
  /** The whole stderr, recorded only where it holds no traceback (optparse failures, -h). */
  stderr: string | null;
}

interface BulkLine {
  name: string;
  args: string[];
  exit: number;
  stderrLast: string;
  stderr: string | null;
  stdoutBytes: number;
  stdoutSha256: string;
}

// Very large outputs (fork trees ~1000 levels deep) are stored gzipped.
function readOutput(file: string): string {
  return existsSync(file) ? readFileSync(file, "utf8") : gunzipSync(readFileSync(`${file}.gz`)).toString("utf8");
}

function readOptional(file: string): string | null {
  return existsSync(file) ? readFileSync(file, "utf8") : null;
}

export function loadGoldenCases(dir: string): GoldenCase[] {
  const named = readdirSync(dir)
    .filter((f) => f.endsWith(".args"))
    .map((file): GoldenCase => {
      const name = file.slice(0, -".args".length);
      const [code, lastErrLine] = (readOptional(path.join(dir, `${name}.exit`)) ?? "0\n").split("\n");
      return {
        name,
        args: JSON.parse(readFileSync(path.join(dir, file), "utf8")) as string[],
        stdout: { text: readOutput(path.join(dir, `${name}.out`)) },
        exitCode: Number(code),
        lastErrLine: lastErrLine ?? "",
        stderr: readOptional(path.join(dir, `${name}.err`)),
      };
    });
  const bulkFile = readOptional(path.join(dir, "cases.jsonl")) ?? "";
  const bulk = bulkFile
    .split("\n")
    .filter((line) => line !== "")
    .map((line): GoldenCase => {
      const c = JSON.parse(line) as BulkLine;
      return {
        name: c.name,
        args: c.args,
        stdout: { sha256: c.stdoutSha256, bytes: c.stdoutBytes },
        exitCode: c.exit,
        lastErrLine: c.stderrLast,
        stderr: c.stderr,
      };
    });
  return [...named, ...bulk].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export function lastLine(text: string): string {
  const lines = text.split("\n").filter((l) => l.trim() !== "");
  return lines[lines.length - 1] ?? "";
}

/** Compares our stdout with the recorded one; for a bulk case a mismatch shows our text beside the hash. */
export function expectStdout(actual: string, expected: GoldenStdout): void {
  if ("text" in expected) {
    expect(actual).toBe(expected.text);
    return;
  }
  const digest = createHash("sha256").update(actual, "utf8").digest("hex");
  expect(
    { bytes: Buffer.byteLength(actual, "utf8"), sha256: digest },
    `stdout differs from the real script's (regenerate the golden files to see its full text); ours was:\n${actual}`,
  ).toEqual({ bytes: expected.bytes, sha256: expected.sha256 });
}

export function expectMatchesGolden(run: OstepRun, golden: GoldenCase): void {
  expectStdout(run.stdout, golden.stdout);
  expect(run.exitCode).toBe(golden.exitCode);
  if (golden.exitCode !== 0) expect(lastLine(run.stderr)).toBe(golden.lastErrLine);
  if (golden.stderr !== null) expect(run.stderr).toBe(golden.stderr);
  else if (golden.exitCode === 0) expect(run.stderr).toBe("");
}
