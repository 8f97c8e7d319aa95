import { describe, expect, test } from "vitest";
import { memoryIo } from "../io";
import { run } from "./fork";

const HELLO = `#include <stdio.h>\n#include <unistd.h>\nint main(void) { printf("hello\\n"); fork(); return 0; }\n`;

describe("timeslice fork", () => {
  test("--json lists outputs, counts, tree and zombies/orphans; pipe mode duplicates the buffer", async () => {
    const io = memoryIo({ "hello.c": HELLO });
    expect(await run(["hello.c", "--json"], io)).toBe(0);
    const model = JSON.parse(io.stdout);
    expect(model.outputs).toEqual([["hello", "hello"]]);
    expect(model.processCount).toBe(2);
    expect(model.linesPrinted).toBe(2);
    expect(model.tree).toEqual({ pid: 1000, children: [{ pid: 1001, children: [] }] });
    expect(model.neverReaped).toEqual([1001]);
    expect(model.mayBeOrphaned).toEqual([1001]);
  });

  test("--tty prints the line once, as on a terminal", async () => {
    const io = memoryIo({ "-": HELLO });
    expect(await run(["-", "--tty", "--json"], io)).toBe(0);
    expect(JSON.parse(io.stdout).outputs).toEqual([["hello"]]);
  });

  test("text output names the mode and the outputs", async () => {
    const io = memoryIo({ "hello.c": HELLO });
    expect(await run(["hello.c"], io)).toBe(0);
    expect(io.stdout).toContain("processes created: 2");
    expect(io.stdout).toContain("--- output 1\nhello\nhello\n");
  });

  test("a syntax error is one line with file, line and column", async () => {
    const io = memoryIo({ "bad.c": "int main(void) {\n  fork()\n}\n" });
    expect(await run(["bad.c"], io)).not.toBe(0);
    expect(io.stderr).toMatch(/^timeslice: bad\.c:3:1: expected ';'.*\n$/);
    expect(io.stderr.split("\n")).toHaveLength(2);
  });

  test("missing file, unknown option and missing argument fail with one line", async () => {
    for (const args of [["nope.c"], ["hello.c", "--frobnicate"], []]) {
      const io = memoryIo({ "hello.c": HELLO });
      expect(await run(args, io)).not.toBe(0);
      expect(io.stderr).toMatch(/^timeslice: [^\n]+\n$/);
    }
  });
});
