// Grading: explainOutputOrder accepts every valid order and names the rule an invalid one breaks.
import { describe, expect, test } from "vitest";
import { analyzeForkProgram } from "./analyze";
import { explainOutputOrder } from "./explain";
import type { ForkModel, ForkOutputMode } from "./types";

function model(body: string, mode: ForkOutputMode = "tty"): ForkModel {
  const result = analyzeForkProgram(`#include <stdio.h>\nint main(void) {\n${body}\nreturn 0;\n}\n`, { mode });
  if (!result.ok) throw new Error(result.errors[0].message);
  return result.value;
}

describe("explainOutputOrder", () => {
  const waits = model(
    `printf("start\\n"); if (fork() == 0) { printf("child\\n"); } else { wait(NULL); printf("parent done\\n"); }`,
  );

  test("accepts the one valid order", () => {
    expect(explainOutputOrder(waits, ["start", "child", "parent done"])).toEqual({ valid: true });
  });
  test("names wait() when the parent's line comes before its child's", () => {
    const v = explainOutputOrder(waits, ["start", "parent done", "child"]);
    expect(v.valid).toBe(false);
    expect(v.reason).toContain("'parent done' cannot appear before 'child'");
    expect(v.reason).toContain("wait()");
  });
  test("names fork() when a child's line comes before what its parent printed before forking", () => {
    const v = explainOutputOrder(waits, ["child", "start", "parent done"]);
    expect(v.reason).toContain("fork()");
  });
  test("names program order within one process", () => {
    const v = explainOutputOrder(model(`printf("one\\n"); printf("two\\n");`), ["two", "one"]);
    expect(v.reason).toContain("program order");
  });
  test("names a wrong count", () => {
    const m = model(`fork(); fork(); printf("hi\\n");`);
    expect(explainOutputOrder(m, ["hi", "hi", "hi", "hi"]).valid).toBe(true);
    expect(explainOutputOrder(m, ["hi", "hi", "hi"]).reason).toContain("exactly 4 times");
  });
  test("names a line that cannot appear at all, and why when a buffer was discarded", () => {
    const m = model(`printf("lost\\n"); if (fork() == 0) { execlp("echo", "echo", "new", NULL); }`, "pipe");
    // The parent still flushes its copy at exit; the child's copy is discarded by exec.
    expect(explainOutputOrder(m, ["lost", "new"]).valid).toBe(true);
    expect(explainOutputOrder(m, ["lost", "lost", "new"]).reason).toContain("exactly once");
    const gone = model(`printf("gone\\n"); _exit(0);`, "pipe");
    expect(explainOutputOrder(gone, ["gone"]).reason).toContain("_exit()");
    expect(explainOutputOrder(gone, ["nothing"]).reason).toContain("no process prints it");
  });
  test("needs k lines before when waits require every child", () => {
    const m = model(
      `int i; for (i = 0; i < 3; i++) { if (fork() == 0) { printf("kid\\n"); return 0; } } for (i = 0; i < 3; i++) wait(NULL); printf("done\\n");`,
    );
    expect(explainOutputOrder(m, ["kid", "kid", "kid", "done"]).valid).toBe(true);
    const v = explainOutputOrder(m, ["kid", "kid", "done", "kid"]);
    expect(v.reason).toContain("'done' cannot appear before 'kid' has appeared 3 times");
  });
  test("one wait for one of two children: a disjunction, still decided exactly", () => {
    const m = model(
      `if (fork() == 0) { printf("a\\n"); return 0; } if (fork() == 0) { printf("b\\n"); return 0; } wait(NULL); printf("w\\n");`,
    );
    expect(explainOutputOrder(m, ["a", "w", "b"]).valid).toBe(true);
    expect(explainOutputOrder(m, ["b", "w", "a"]).valid).toBe(true);
    const v = explainOutputOrder(m, ["w", "a", "b"]);
    expect(v.valid).toBe(false);
    expect(v.reason).toMatch(/no interleaving/);
  });
});

describe("explainOutputOrder input checks", () => {
  const m = model(`printf("x\\n");`);
  test("non-lists and absurdly long answers are refused with a reason", () => {
    expect(explainOutputOrder(m, "x" as unknown as string[]).valid).toBe(false);
    expect(explainOutputOrder(m, [1 as unknown as string]).valid).toBe(false);
    expect(
      explainOutputOrder(
        m,
        Array.from({ length: 50_000 }, () => "x"),
      ).reason,
    ).toContain("exactly 1");
  });
});
