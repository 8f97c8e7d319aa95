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
    expect(io.stdout).toContain(
      "timing cases: 2 (outputs below cover all of them)\n  case 1: 2 processes, 1 lines\n    process 1000's waitpid(1001, WNOHANG) at line 7 finds it exited\n",
    );
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

  test("--json says whether the order is deterministic, and the counts over every timing case", async () => {
    const io = memoryIo({ "hello.c": HELLO });
    expect(await run(["hello.c", "--json"], io)).toBe(0);
    const model = JSON.parse(io.stdout);
    expect(model.deterministic).toBe(true);
    expect(model.countsAgree).toBe(true);
    // getppid() in a child is a timing case (before or after its parent exits); countRange spans
    // the counts of every case instead of silently showing the first one's.
    const source = `#include <stdio.h>\n#include <unistd.h>\nint main(void) {\n  if (fork() == 0) {\n    if (getppid() != getpid()) printf("x\\n");\n    return 0;\n  }\n  printf("p\\n");\n  return 0;\n}\n`;
    const racy = memoryIo({
      "r.c": source.replace(
        'if (getppid() != getpid()) printf("x\\n");',
        'pid_t pp = getppid(); printf("x\\n"); if (fork() == 0 && pp == getppid()) printf("y\\n");',
      ),
    });
    expect(await run(["r.c", "--json"], racy)).toBe(0);
    const m = JSON.parse(racy.stdout);
    expect(m.deterministic).toBe(false);
    expect(m.branches.length).toBeGreaterThan(1);
    const counts = m.branches.map((b: { processCount: number }) => b.processCount);
    expect(m.countRange.processCount).toEqual([Math.min(...counts), Math.max(...counts)]);
  });

  test("--check accepts a possible output and names the first impossible line and what could come there", async () => {
    const source = `#include <stdio.h>\n#include <unistd.h>\n#include <sys/wait.h>\nint main(void) {\n  if (fork() == 0) { printf("child\\n"); return 0; }\n  wait(NULL);\n  printf("parent\\n");\n  return 0;\n}\n`;
    const io = memoryIo({ "w.c": source, "good.txt": "child\nparent\n", "bad.txt": "parent\nchild\n" });
    expect(await run(["w.c", "--check", "good.txt"], io)).toBe(0);
    expect(io.stdout).toBe("possible: the program can print this output\n");
    const bad = memoryIo({ "w.c": source, "bad.txt": "parent\nchild\n" });
    expect(await run(["w.c", "--check", "bad.txt"], bad)).toBe(1);
    expect(bad.stdout).toMatch(
      /^not possible: bad\.txt:1:1: "parent" cannot appear here; what can: "child"\nwhy: 'parent' cannot appear before 'child'/,
    );
    const json = memoryIo({ "w.c": source, "bad.txt": "child\n" });
    expect(await run(["w.c", "--check", "bad.txt", "--json"], json)).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ possible: false, line: 2, column: 1, couldBe: ["parent"] });
  });

  test("--check decides a 32-process program without listing its orders", async () => {
    // 2^5 processes each print their own tag; the number of orders is astronomically large.
    const source = `#include <stdio.h>\n#include <unistd.h>\n#include <sys/wait.h>\nint main(void) {\n  char tag[8] = "";\n  int n = 0;\n  for (int i = 0; i < 5; i++) if (fork() == 0) tag[n++] = 'a' + i;\n  printf("[%s]\\n", tag);\n  while (wait(NULL) > 0) ;\n  return 0;\n}\n`;
    // One valid order: every process's line after its children's (depth first, children in reverse fork order).
    const order: string[] = [];
    const visit = (tag: string, from: number) => {
      for (let i = 4; i >= from; i--) visit(tag + String.fromCharCode(97 + i), i + 1);
      order.push(`[${tag}]`);
    };
    visit("", 0);
    expect(order).toHaveLength(32);
    const io = memoryIo({ "big.c": source, "out.txt": order.join("\n") + "\n" });
    expect(await run(["big.c", "--check", "out.txt"], io)).toBe(0);
    // The parent's line first is impossible: it waits for all its children.
    const wrong = [order[31]!, ...order.slice(0, 31)];
    const io2 = memoryIo({ "big.c": source, "out.txt": wrong.join("\n") + "\n" });
    expect(await run(["big.c", "--check", "out.txt"], io2)).toBe(1);
    expect(io2.stdout).toMatch(/^not possible: out\.txt:1:1: "\[\]" cannot appear here/);
  });

  test("errors carry file:line:col", async () => {
    const io = memoryIo({
      "ls.c": `#include <unistd.h>\nint main(void) {\n  execl("/bin/ls", "ls", NULL);\n  return 0;\n}\n`,
    });
    expect(await run(["ls.c"], io)).toBe(1);
    expect(io.stderr).toMatch(/^timeslice: ls\.c:3:\d+: exec of ls is outside the model/);
  });
});
