// Oracle tests: classic interview questions whose answers are known independently of our engine
// (counted by hand from the fork tree, or from how glibc buffers stdout).
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { analyzeForkProgram } from "./analyze";
import type { ForkModel, ForkOutputMode } from "./types";

function model(source: string, mode: ForkOutputMode = "pipe"): ForkModel {
  const result = analyzeForkProgram(source, { mode });
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join("; "));
  return result.value;
}

const main = (body: string) =>
  `#include <stdio.h>\n#include <unistd.h>\n#include <sys/wait.h>\nint main(void) {\n${body}\nreturn 0;\n}\n`;

describe("process counts", () => {
  test("fork(); fork(); printf prints 4 lines from 4 processes", () => {
    const m = model(main(`fork(); fork(); printf("hi\\n");`));
    expect(m.processCount).toBe(4);
    expect(m.linesPrinted).toBe(4);
    expect(m.outputs).toEqual([["hi", "hi", "hi", "hi"]]);
  });

  test("for (i = 0; i < 3; i++) fork(); creates 2^3 = 8 processes", () => {
    const m = model(main(`int i; for (i = 0; i < 3; i++) fork(); printf("x\\n");`));
    expect(m.processCount).toBe(8);
    expect(m.linesPrinted).toBe(8);
  });

  test("fork() && fork() || fork() makes 5 processes", () => {
    // Hand count: parent P forks A (A gets 0, so && short-circuits and A runs the third fork -> A1);
    // P forks B (B gets 0 -> B runs the third fork -> B1); P has both non-zero and stops. P,A,A1,B,B1.
    const m = model(main(`fork() && fork() || fork(); printf("p\\n");`));
    expect(m.processCount).toBe(5);
    expect(m.tree.children.length).toBe(2);
  });

  test("64 processes printing the same line: symmetric states collapse, so the set is complete", () => {
    const m = model(main(`int i; for (i = 0; i < 6; i++) fork(); printf("hi\\n");`));
    expect(m.processCount).toBe(64);
    expect(m.outputs).toEqual([Array.from({ length: 64 }, () => "hi")]);
    expect(m.outputsComplete).toBe(true);
  });

  test("the process tree mirrors the forks", () => {
    const m = model(main(`if (fork() == 0) { fork(); }`));
    expect(m.processCount).toBe(3);
    expect(m.tree.children).toHaveLength(1);
    expect(m.tree.children[0].children).toHaveLength(1);
  });
});

describe("stdio buffering", () => {
  const body = `printf("hello\\n"); fork();`;
  test("a line printed before fork appears once on a terminal (line buffered)", () => {
    expect(model(main(body), "tty").outputs).toEqual([["hello"]]);
  });
  test("the same line appears twice into a pipe: the unflushed buffer is copied by fork", () => {
    expect(model(main(body), "pipe").outputs).toEqual([["hello", "hello"]]);
  });
  test('printf("a"); fork(); printf("\\n") prints \'a\' twice in either mode', () => {
    for (const mode of ["pipe", "tty"] as const) {
      expect(model(main(`printf("a"); fork(); printf("\\n");`), mode).outputs).toEqual([["a", "a"]]);
    }
  });
  test("fflush before fork prevents the duplicate", () => {
    expect(model(main(`printf("hello\\n"); fflush(stdout); fork();`), "pipe").outputs).toEqual([["hello"]]);
  });
  test("setvbuf(_IONBF) makes stdout unbuffered", () => {
    expect(model(main(`setvbuf(stdout, NULL, _IONBF, 0); printf("once\\n"); fork();`), "pipe").outputs).toEqual([
      ["once"],
    ]);
  });
  test("stderr is unbuffered, so it is not duplicated", () => {
    expect(model(main(`fprintf(stderr, "err\\n"); fork();`), "pipe").outputs).toEqual([["err"]]);
  });
  test("line buffered: a printf flushes per piece with a newline, so another process can print in between", () => {
    // glibc 2.36 vfprintf hands "a\n", "1", "\n" to the stream separately; "a\nb\n" is one piece.
    const split = model(main(`if (fork() == 0) { printf("c\\n"); return 0; } printf("a\\n%d\\n", 1);`), "tty");
    expect(split.outputs).toContainEqual(["a", "c", "1"]);
    // fprintf(stdout, "a\\nb\\n") reaches the stream as one piece (gcc makes it an fwrite). The same
    // text through printf would not: gcc compiles printf("a\\nb\\n") as puts("a\\nb"), two pieces.
    const whole = model(main(`if (fork() == 0) { printf("c\\n"); return 0; } fprintf(stdout, "a\\nb\\n");`), "tty");
    expect(whole.outputs).toEqual([
      ["a", "b", "c"],
      ["c", "a", "b"],
    ]);
  });

  test("printf of a constant line is puts (as gcc compiles it): on an unbuffered stdout, two writes", () => {
    const m = model(
      main(
        `setvbuf(stdout, NULL, _IONBF, 0); if (fork() == 0) { printf("c\\n"); return 0; } printf("p\\n"); wait(NULL);`,
      ),
      "pipe",
    );
    // "c", "p", then the two newlines: the processes' text and newline writes interleave.
    expect(m.outputs).toContainEqual(["cp", ""]);
    const conv = model(
      main(
        `setvbuf(stdout, NULL, _IONBF, 0); if (fork() == 0) { printf("%d\\n", 1); return 0; } printf("%d\\n", 2); wait(NULL);`,
      ),
      "pipe",
    );
    expect(conv.outputs).toEqual([
      ["1", "2"],
      ["2", "1"],
    ]);
  });

  test("_exit loses buffered output that exit would flush", () => {
    expect(model(main(`printf("gone\\n"); _exit(0);`), "pipe").outputs).toEqual([[]]);
    expect(model(main(`printf("kept\\n"); exit(0);`), "pipe").outputs).toEqual([["kept"]]);
    // On a terminal the newline already flushed it.
    expect(model(main(`printf("shown\\n"); _exit(0);`), "tty").outputs).toEqual([["shown"]]);
  });
  test("a child that calls _exit loses both its own buffered line and the copy of its parent's", () => {
    const m = model(main(`printf("parent\\n"); if (fork() == 0) { printf("child\\n"); _exit(0); }`), "pipe");
    expect(m.outputs).toEqual([["parent"]]);
  });
});

describe("exec", () => {
  test("a successful exec replaces the image: later lines never print", () => {
    const m = model(main(`execl("/bin/echo", "echo", "hi", NULL); printf("after\\n");`), "tty");
    expect(m.outputs).toEqual([["hi"]]);
    expect(m.processes[0].execedProgram).toBe("/bin/echo");
  });
  test("exec discards the stdio buffer in pipe mode", () => {
    expect(model(main(`printf("before\\n"); execlp("echo", "echo", "x", NULL);`), "pipe").outputs).toEqual([["x"]]);
    expect(model(main(`printf("before\\n"); execlp("echo", "echo", "x", NULL);`), "tty").outputs).toEqual([
      ["before", "x"],
    ]);
  });
  test("a failed exec returns and the program carries on", () => {
    expect(model(main(`execl("/nonexistent/prog", "prog", NULL); printf("exec failed\\n");`)).outputs).toEqual([
      ["exec failed"],
    ]);
  });
  test("execl without a slash does not search PATH, so it fails", () => {
    expect(model(main(`execl("echo", "echo", "x", NULL); printf("failed\\n");`)).outputs).toEqual([["failed"]]);
  });
});

describe("ordering", () => {
  test("wait() orders the parent's line after the child's", () => {
    const m = model(main(`if (fork() == 0) { printf("child\\n"); } else { wait(NULL); printf("parent\\n"); }`), "tty");
    expect(m.outputs).toEqual([["child", "parent"]]);
  });
  test("without wait both orders are possible", () => {
    const m = model(main(`if (fork() == 0) { printf("child\\n"); } else { printf("parent\\n"); }`), "tty");
    expect(m.outputs).toEqual([
      ["child", "parent"],
      ["parent", "child"],
    ]);
  });
  test("three unordered processes give 3! = 6 orders", () => {
    const m = model(
      main(`if (fork() == 0) { printf("a\\n"); } else if (fork() == 0) { printf("b\\n"); } else { printf("c\\n"); }`),
      "tty",
    );
    expect(m.outputs).toHaveLength(6);
    expect(m.outputsComplete).toBe(true);
  });
  test("waitpid returns the chosen child's exit status", () => {
    const m = model(
      main(
        `int s; pid_t c = fork(); if (c == 0) exit(7); waitpid(c, &s, 0); printf("%d %d\\n", WIFEXITED(s), WEXITSTATUS(s));`,
      ),
    );
    expect(m.outputs).toEqual([["1 7"]]);
  });
});

describe("zombies and orphans", () => {
  test("a child nobody waits for is never reaped and may be orphaned", () => {
    const m = model(main(`fork();`));
    expect(m.neverReaped).toEqual([1001]);
    expect(m.mayBeOrphaned).toEqual([1001]);
  });
  test("a waited-for child is neither", () => {
    const m = model(main(`if (fork() == 0) return 0; wait(NULL);`));
    expect(m.neverReaped).toEqual([]);
    expect(m.mayBeOrphaned).toEqual([]);
  });
  test("one wait for two children: each may be the one left over", () => {
    const m = model(main(`if (fork() == 0) return 0; if (fork() == 0) return 0; wait(NULL);`));
    expect(m.neverReaped).toEqual([]);
    expect(m.mayBeOrphaned).toEqual([1001, 1002]);
  });
});

describe("bad input is refused with a reason", () => {
  test("syntax errors carry line and column", () => {
    const r = analyzeForkProgram('int main(void) {\n  printf("x\\n")\n}\n');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors[0].path).toBe("3:1");
      expect(r.errors[0].message).toContain("expected ';'");
    }
  });
  test("a fork bomb is refused with the process bound named", () => {
    const r = analyzeForkProgram(main(`int i; for (i = 0; i < 10; i++) fork();`));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0].message).toContain("more than 64 processes");
  });
  test("an endless loop is refused with the step bound named", () => {
    const r = analyzeForkProgram(main(`while (1) { }`));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0].message).toMatch(/more than \d+ steps/);
  });
  test("unsupported calls and timing-dependent values are refused", () => {
    for (const body of [
      `printf("%d\\n", getpid() + 1);`,
      `execl("/bin/ls", "ls", NULL);`,
      `waitpid(-1, NULL, WUNTRACED);`,
      `struct x;`,
    ]) {
      expect(analyzeForkProgram(main(body)).ok).toBe(false);
    }
  });
  test("deep nesting is refused, not a crash", () => {
    const r = analyzeForkProgram(main("int x = " + "(".repeat(5000) + "1" + ")".repeat(5000) + ";"));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0].message).toContain("nesting deeper than");
  });
  test("a program without main is refused", () => {
    expect(analyzeForkProgram("int x;").ok).toBe(false);
  });
});

describe("robustness", () => {
  const CLASSIC = `#include <stdio.h>\nint main(void) { int i; for (i = 0; i < 2; i++) { if (fork() == 0) { printf("c%d\\n", i); return 0; } } while (wait(NULL) > 0); printf("done\\n"); return 0; }\n`;

  test("arbitrary text and mutated programs give a result or an error, never a throw", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc
            .tuple(fc.nat(CLASSIC.length), fc.nat(20), fc.string({ maxLength: 8 }))
            .map(([at, cut, insert]) => CLASSIC.slice(0, at) + insert + CLASSIC.slice(at + cut)),
        ),
        (source) => {
          const result = analyzeForkProgram(source);
          if (!result.ok) {
            expect(result.errors[0].path).toMatch(/^\d+:\d+$/);
            expect(result.errors[0].message.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  test("non-string input and bad options are refused", () => {
    expect(analyzeForkProgram(42 as unknown as string).ok).toBe(false);
    expect(analyzeForkProgram(CLASSIC, { mode: "file" as unknown as "pipe" }).ok).toBe(false);
    expect(analyzeForkProgram(CLASSIC, { maxProcesses: 1000 }).ok).toBe(false);
    expect(analyzeForkProgram("x".repeat(100_000)).ok).toBe(false);
  });

  test("a lower process bound is honoured and named", () => {
    const r = analyzeForkProgram(CLASSIC, { maxProcesses: 2 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0].message).toContain("more than 2 processes");
  });
});

describe("the exec-returns belief (a mistaken model for the misconception catalogue)", () => {
  const src = main(`printf("A\\n");
if (fork() == 0) {
  execlp("echo", "echo", "B", NULL);
  printf("C\\n");
  _exit(0);
}
wait(NULL);
printf("D\\n");`);

  test("on Linux the line after a successful exec never runs; under the belief it does, after the program's output", () => {
    expect(model(src, "tty").outputs).toEqual([["A", "B", "D"]]);
    const r = analyzeForkProgram(src, { mode: "tty", belief: "exec-returns" });
    expect(r.ok && r.value.outputs).toEqual([["A", "B", "C", "D"]]);
  });

  test("an unknown belief is refused naming the option", () => {
    const r = analyzeForkProgram(src, { belief: "parent-first" as never });
    expect(!r.ok && r.errors[0]).toEqual({ path: "belief", message: "belief must be 'exec-returns'" });
  });
});
