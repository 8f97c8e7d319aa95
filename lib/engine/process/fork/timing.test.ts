// Oracles for pids and timing-dependent calls: getpid()/getppid() print symbolic pids, and
// waitpid(…, WNOHANG) and an orphan's getppid() branch on timing. Outputs counted by hand.
import { describe, expect, test } from "vitest";
import { analyzeForkProgram } from "./analyze";
import { explainOutputOrder } from "./explain";
import type { ForkModel, ForkOutputMode } from "./types";

function model(source: string, mode: ForkOutputMode = "tty"): ForkModel {
  const result = analyzeForkProgram(source, { mode });
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join("; "));
  return result.value;
}

const main = (body: string) =>
  `#include <stdio.h>\n#include <stdlib.h>\n#include <unistd.h>\n#include <sys/wait.h>\nint main(void) {\n${body}\nreturn 0;\n}\n`;
const sorted = (m: ForkModel) => m.outputs.map((lines) => lines.join(" | ")).sort();

describe("symbolic pids", () => {
  test("getpid/getppid print the model's pids; a waiting parent keeps the child's parent alive", () => {
    const m = model(
      main(`pid_t pid = fork();
if (pid == 0) { printf("child %d of %d\\n", getpid(), getppid()); return 0; }
waitpid(pid, NULL, 0);
printf("parent %d reaped %d, started by %d\\n", getpid(), pid, getppid());`),
    );
    expect(m.outputs).toEqual([
      ["child <pid 1001> of <pid 1000>", "parent <pid 1000> reaped <pid 1001>, started by <pid of shell>"],
    ]);
    // The "parent exited first" case of getppid() is impossible (the parent waits): no branches.
    expect(m.branches).toBeUndefined();
  });

  test("fork()'s return value prints as the child's pid in the parent and 0 in the child", () => {
    expect(sorted(model(main(`printf("%d\\n", fork());`)))).toEqual(["0 | <pid 1001>", "<pid 1001> | 0"]);
  });

  test("pids compare for equality, and against 0 and -1, as every real pid would", () => {
    const m = model(
      main(`pid_t me = getpid(); pid_t c = fork();
if (c > 0 && getpid() == me && c != me && c != -1) printf("parent\\n");
if (c == 0 && getpid() != me && getppid() == me) printf("child\\n");
if (!c) wait(NULL);`),
    );
    expect(m.linesPrinted).toBe(2);
  });
});

describe("getppid() of an orphan", () => {
  test("before its parent exits it sees the parent, after it the reaper (3 outputs)", () => {
    // Child's getppid before the parent's exit: parent's pid, its line before or after the parent's.
    // After: the reaper's pid, and then the parent's line (written before it exits) is first.
    const m = model(
      main(`if (fork() == 0) { printf("my parent is %d\\n", getppid()); return 0; }
printf("parent exits\\n");`),
    );
    expect(sorted(m)).toEqual([
      "my parent is <pid 1000> | parent exits",
      "parent exits | my parent is <pid 1000>",
      "parent exits | my parent is <pid of reaper>",
    ]);
    expect(m.branches!.map((b) => b.assumptions)).toEqual([
      ["process 1001's getppid() at line 6 runs before its parent 1000 exits"],
      ["process 1001's getppid() at line 6 runs after its parent 1000 exits"],
    ]);
    expect(explainOutputOrder(m, ["my parent is <pid of reaper>", "parent exits"]).valid).toBe(false);
  });
});

describe("waitpid(pid, &status, WNOHANG)", () => {
  const poll = main(`int status;
pid_t pid = fork();
if (pid == 0) { printf("child\\n"); exit(3); }
pid_t r = waitpid(pid, &status, WNOHANG);
if (r == 0) printf("still running\\n");
else if (r == pid && WIFEXITED(status)) printf("exited %d\\n", WEXITSTATUS(status));
waitpid(pid, &status, 0);
printf("parent done\\n");`);

  test("both branches: reaped (after the child's line) or still running (the child's line anywhere before the final wait)", () => {
    const m = model(poll);
    // Exited: child < exited 3 < parent done. Running: still running and child in either order, then parent done.
    expect(sorted(m)).toEqual([
      "child | exited 3 | parent done",
      "child | still running | parent done",
      "still running | child | parent done",
    ]);
    expect(m.branches).toHaveLength(2);
    expect(m.branches!.map((b) => b.linesPrinted)).toEqual([3, 3]);
  });

  test("the grader accepts either branch and explains an impossible order", () => {
    const m = model(poll);
    expect(explainOutputOrder(m, ["still running", "child", "parent done"]).valid).toBe(true);
    expect(explainOutputOrder(m, ["child", "exited 3", "parent done"]).valid).toBe(true);
    const bad = explainOutputOrder(m, ["exited 3", "child", "parent done"]);
    expect(bad.valid).toBe(false);
    expect(bad.reason).toContain("finds it exited");
  });

  test("a poll that finds the child running comes before the child's exit, even as seen by a grandchild", () => {
    // Four cases (poll: reaped/running × grandchild's getppid: before/after the child exits), 3
    // orders each for G's line among "A" < poll line, except running × reaper: A < poll < child's
    // exit < G's getppid, so G's line comes after A: 3 + 3 + 3 + 2 = 11 outputs.
    const m = model(
      main(`pid_t c = fork();
if (c == 0) {
  if (fork() == 0) { printf("G %d\\n", getppid()); return 0; }
  return 0;
}
printf("A\\n");
if (waitpid(c, NULL, WNOHANG) == 0) printf("running\\n"); else printf("reaped\\n");`),
    );
    expect(m.outputs).toHaveLength(11);
    expect(m.branches).toHaveLength(4);
    expect(sorted(m)).not.toContain("G <pid of reaper> | A | running");
    expect(sorted(m)).toContain("A | G <pid of reaper> | running");
    expect(sorted(m)).toContain("G <pid of reaper> | A | reaped");
  });
});

describe("refused, with the reason", () => {
  test.each([
    [
      "a polling loop",
      `pid_t p = fork(); if (p == 0) return 0; while (waitpid(p, NULL, WNOHANG) == 0) printf("waiting\\n");`,
      "polling loop",
    ],
    ["arithmetic on a pid", `printf("%d\\n", getpid() + 1);`, "arithmetic on a pid"],
    [
      "comparing the reaper with 1",
      `if (fork() == 0) { if (getppid() == 1) printf("orphan\\n"); }`,
      "init, pid 1, or a subreaper",
    ],
    [
      "ordering two pids",
      `pid_t a = fork(); if (a > 0 && a < getpid()) printf("x\\n");`,
      "numbers the kernel hands out",
    ],
    ["printing wait()'s pid with two children", `fork(); fork(); printf("%d\\n", wait(NULL));`, "depends on timing"],
    [
      "WNOHANG on any of two children",
      `if (fork() == 0) return 0; if (fork() == 0) return 0; waitpid(-1, NULL, WNOHANG);`,
      "several children",
    ],
    ["a pid printed in hex", `printf("%x\\n", getpid());`, "plain %d"],
    ["a pid written as a number", `if (fork() == 0) return 0; waitpid(1234, NULL, 0);`, "cannot name a child"],
    ["WUNTRACED", `waitpid(-1, NULL, WUNTRACED);`, "WUNTRACED"],
  ])("%s", (_name, body, words) => {
    const r = analyzeForkProgram(main(body));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors[0]!.message).toContain(words);
      expect(r.errors[0]!.path).toMatch(/^\d+:\d+$/);
    }
  });
});
