// Replays every case recorded from the real x86.py scripts (see __golden__/generate_x86.py) through
// the port: stdout by SHA-256 (and text, for short outputs), exit status, the last stderr line, and
// optparse's whole stderr.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { runOstepX86, type X86Host, type X86Variant } from "./x86";

interface X86Case {
  name: string;
  variant: X86Variant;
  args: string[];
  exit: number;
  stderr_last: string;
  stdout_sha256: string;
  stdout_len: number;
  stdout?: string;
  stderr?: string;
}

const DIR = path.join(import.meta.dirname, "__golden__", "x86");
const cases: X86Case[] = readFileSync(path.join(DIR, "cases.jsonl"), "utf8")
  .split("\n")
  .filter((line) => line !== "")
  .map((line) => JSON.parse(line) as X86Case);

const host: X86Host = {
  readProgram(file) {
    try {
      return readFileSync(path.join(DIR, "programs", file), "utf8");
    } catch {
      return { pythonType: "FileNotFoundError", errno: 2, strerror: "No such file or directory" };
    }
  },
};

const lastLine = (text: string) =>
  text
    .split("\n")
    .filter((l) => l.trim() !== "")
    .at(-1) ?? "";
const maskRate = (text: string) =>
  text.replace(/Emulation Rate {2}[0-9.]+ kinst\/sec/g, "Emulation Rate  <rate> kinst/sec");

describe("x86.py golden replay", () => {
  test("the golden set covers both copies of the script and their error exits", () => {
    expect(cases.length).toBeGreaterThan(300);
    expect(cases.filter((c) => c.variant === "intro").length).toBeGreaterThan(80);
    expect(cases.some((c) => c.stdout?.includes("ABORT::"))).toBe(true);
    expect(cases.some((c) => c.exit === 1 && c.stderr_last.startsWith("KeyError"))).toBe(true);
  });

  test.each(cases.map((c) => [c.name, c] as const))("%s", (_name, golden) => {
    const run = runOstepX86(golden.args, host, golden.variant);
    const stdout = maskRate(run.stdout);
    if (golden.stdout !== undefined) expect(stdout).toBe(golden.stdout);
    expect(Buffer.byteLength(stdout)).toBe(golden.stdout_len);
    expect(createHash("sha256").update(stdout).digest("hex")).toBe(golden.stdout_sha256);
    expect(run.exitCode).toBe(golden.exit);
    expect(lastLine(run.stderr)).toBe(golden.stderr_last);
    if (golden.stderr !== undefined) expect(run.stderr).toBe(golden.stderr);
  });
});
