// printf formatting against the real thing: the same formats compiled with gcc and run.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "vitest";
import { formatPieces, type PrintfArg } from "./printf";

const CASES: [string, PrintfArg[]][] = [
  ["%d|%i|%u", [42, -7, 3]],
  ["%5d|%-5d|%05d|%+d|% d", [42, 42, -42, 5, 5]],
  ["%x|%X|%o|%#x", [255, 255, 8, 255]],
  ["%c%c|%s|%.2s|%8s|%-8s|", [65, 66, "hello", "hello", "hi", "hi"]],
  ["%ld|%%|%#o|%#X", [123456789, 8, 255]],
  ["%.3d|%*d|%-*d|", [7, 4, 9, 4, 9]],
];

test("formatPieces matches glibc printf", () => {
  if (spawnSync("gcc", ["--version"]).status !== 0) throw new Error("gcc is required for this test but was not found");
  const dir = mkdtempSync(path.join(tmpdir(), "timeslice-printf-"));
  try {
    const literal = (v: PrintfArg) => (typeof v === "number" ? `${v}` : JSON.stringify(v));
    const body = CASES.map(
      ([fmt, args]) => `  printf(${JSON.stringify(fmt + "\n")}${args.map((a) => ", " + literal(a)).join("")});`,
    ).join("\n");
    writeFileSync(path.join(dir, "p.c"), `#include <stdio.h>\nint main(void) {\n${body}\n  return 0;\n}\n`);
    execFileSync("gcc", ["-w", "-o", path.join(dir, "p"), path.join(dir, "p.c")]);
    const real = execFileSync(path.join(dir, "p"), { encoding: "utf8" }).split("\n");
    CASES.forEach(([fmt, args], i) => {
      expect(formatPieces(fmt, args).join("")).toBe(real[i]);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("pieces split at conversions, the way glibc feeds the stream", () => {
  expect(formatPieces("a\n%d\n", [1])).toEqual(["a\n", "1", "\n"]);
  expect(formatPieces("a\nb\n", [])).toEqual(["a\nb\n"]);
});

test("argument mismatches are errors, not guesses", () => {
  expect(() => formatPieces("%d %d", [1])).toThrow(/no matching argument/);
  expect(() => formatPieces("%s", [1])).toThrow(/string/);
  expect(() => formatPieces("%f", [1])).toThrow(/unsupported/);
});
