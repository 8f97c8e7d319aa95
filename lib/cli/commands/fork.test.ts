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

  test("a WNOHANG poll lists its timing cases and prints pids symbolically", async () => {
    const source = `#include <stdio.h>\n#include <sys/wait.h>\n#include <unistd.h>\nint main(void) {\n  pid_t c = fork();\n  if (c == 0) return 0;\n  if (waitpid(c, NULL, WNOHANG) == 0) printf("%d running\\n", c);\n  else printf("%d reaped\\n", c);\n  return 0;\n}\n`;
    const io = memoryIo({ "poll.c": source });
    expect(await run(["poll.c"], io)).toBe(0);
    expect(io.stdout).toContain("timing cases: 2 (outputs below cover all of them)\n  case 1: 2 processes, 1 lines\n    process 1000's waitpid(1001, WNOHANG) at line 7 finds it exited\n");
    expect(io.stdout).toContain("finds it still running");
    expect(io.stdout).toContain("--- output 1\n<pid 1001> reaped\n--- output 2\n<pid 1001> running\n");
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
