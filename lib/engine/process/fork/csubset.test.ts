// The C that pasted snippets use: char arrays and string functions, int arrays, sizeof, switch,
// atexit, wait(&status) of children that exit differently, exec against the virtual /bin, and
// sleeps as timing. Expected outputs are worked out by hand from C and Linux semantics.
import { describe, expect, test } from "vitest";
import { analyzeForkProgram } from "./analyze";
import { explainOutputOrder } from "./explain";
import type { ForkModel, ForkOutputMode } from "./types";

function model(source: string, mode: ForkOutputMode = "tty"): ForkModel {
  const result = analyzeForkProgram(source, { mode });
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join("; "));
  return result.value;
}

function refusal(source: string): string {
  const result = analyzeForkProgram(source, { mode: "tty" });
  if (result.ok) throw new Error("expected a refusal");
  return `${result.errors[0]!.path}: ${result.errors[0]!.message}`;
}

const main = (body: string, before = "") =>
  `#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n#include <unistd.h>\n#include <sys/wait.h>\n${before}int main(void) {\n${body}\nreturn 0;\n}\n`;
const sorted = (m: ForkModel) => m.outputs.map((lines) => lines.join(" | ")).sort();

describe("char arrays and string functions", () => {
  test("a tag grown one char per fork level (the issue's example)", () => {
    const m = model(
      main(`char tag[16] = "P"; int depth = 1;
for (int i = 0; i < 2; i++) { if (fork() == 0) { tag[depth++] = 'c'; } }
printf("%s\\n", tag);
while (wait(NULL) > 0) ;`),
    );
    // P forks twice (children "Pc", "Pc"); the first child forks once more ("Pcc").
    expect(m.processCount).toBe(4);
    expect([...m.outputs[0]!].sort()).toEqual(["P", "Pc", "Pc", "Pcc"]);
    // No wait() comes before a printf, so nothing orders the four lines: 4!/2! orders (two "Pc").
    expect(m.outputs).toHaveLength(12);
  });

  test("strcpy, strcat, sprintf, snprintf, strlen, strcmp and sizeof behave as in C", () => {
    const m = model(
      main(`char a[8]; char b[32] = "x"; char c[6];
strcpy(a, "ab"); strcat(a, "cd"); strcat(b, a);
int n = sprintf(c, "%d-%s", 4, "z");
int k = snprintf(c, sizeof(c), "%s%s", "hello", "world");
printf("%s %s %d %d %s %d %d\\n", a, b, n, k, c, (int)strlen(b), (int)sizeof(b));
printf("%d %d %d %d\\n", strcmp(a, "abcd") == 0, strcmp("a", "b") < 0, strcmp("b", "a") > 0, strncmp("abx", "aby", 2));`),
    );
    expect(m.outputs).toEqual([["abcd xabcd 3 10 hello 5 32", "1 1 1 0"]]);
  });

  test("char arg[] passed to execl", () => {
    const m = model(
      main(
        `char arg[] = "hi there"; if (fork() == 0) { execl("/bin/echo", "echo", arg, NULL); } wait(NULL); printf("done %d\\n", (int)sizeof arg);`,
      ),
    );
    expect(m.outputs).toEqual([["hi there", "done 9"]]);
  });

  test("writing past a char array or into a string literal is refused with its line", () => {
    expect(refusal(main(`char s[4]; strcpy(s, "toolong");`))).toMatch(
      /^7:\d+: strcpy\(\) writes 8 bytes into a 4-byte array/,
    );
    expect(refusal(main(`char *s = "lit"; strcpy(s, "x");`))).toMatch(/^7:\d+: .*read-only/);
  });
});

describe("int arrays, sizeof and switch", () => {
  test("an array counts per process; sizeof(a)/sizeof(a[0]) is its length", () => {
    const m = model(
      main(`int a[4] = {1, 2}; int n = sizeof(a) / sizeof(a[0]);
pid_t p = fork();
switch (p) {
  case -1: printf("fail\\n"); break;
  case 0: a[3] = 7; printf("child %d %d\\n", n, a[3] + a[0]); exit(0);
  default: waitpid(p, NULL, 0); printf("parent %d %d\\n", a[3], a[1]);
}`),
    );
    expect(m.outputs).toEqual([["child 4 8", "parent 0 2"]]);
  });
});

describe("atexit", () => {
  test("handlers run last-registered first at exit and return, are inherited by fork, skipped by _exit and dropped by exec", () => {
    const m = model(
      main(
        `atexit(one); atexit(two);
pid_t a = fork();
if (a == 0) _exit(0);
waitpid(a, NULL, 0);
pid_t b = fork();
if (b == 0) exit(0);
waitpid(b, NULL, 0);
pid_t c = fork();
if (c == 0) execl("/bin/true", "true", NULL);
waitpid(c, NULL, 0);
printf("main returns\\n");`,
        `void one(void) { printf("one %d\\n", getpid()); }\nvoid two(void) { printf("two\\n"); }\n`,
      ),
    );
    expect(m.outputs).toEqual([["two", "one <pid 1002>", "main returns", "two", "one <pid 1000>"]]);
  });

  test("in pipe mode the handler's output joins the buffer the exit flushes", () => {
    const m = model(main(`atexit(h); printf("a\\n"); fork();`, `void h(void) { printf("h\\n"); }\n`), "pipe");
    expect(sorted(m)).toEqual(["a | h | a | h"]);
  });
});

describe("wait(&status) with children that exit differently", () => {
  test("each child can be reaped first; the sum is the same in every order", () => {
    const m = model(
      main(`int status, sum = 0;
for (int i = 1; i <= 3; i++) if (fork() == 0) exit(i);
for (int i = 0; i < 3; i++) { wait(&status); if (WIFEXITED(status)) { printf("got %d\\n", WEXITSTATUS(status)); sum += WEXITSTATUS(status); } }
printf("sum %d\\n", sum);`),
    );
    // 3! orders of the "got" lines, each followed by the same sum.
    expect(m.outputs).toHaveLength(6);
    for (const lines of m.outputs) {
      expect([...lines.slice(0, 3)].sort()).toEqual(["got 1", "got 2", "got 3"]);
      expect(lines[3]).toBe("sum 6");
    }
    expect(m.countsAgree).toBe(true);
    expect(m.deterministic).toBe(false);
  });

  test("a child that aborts is reported by WIFSIGNALED", () => {
    const m = model(
      main(`int st; if (fork() == 0) abort(); if (fork() == 0) exit(2);
for (int i = 0; i < 2; i++) { wait(&st); if (WIFSIGNALED(st)) printf("signal %d\\n", WTERMSIG(st)); else printf("exit %d\\n", WEXITSTATUS(st)); }`),
    );
    expect(sorted(m)).toEqual(["exit 2 | signal 6", "signal 6 | exit 2"]);
  });
});

describe("exec against the virtual file system", () => {
  test("/bin and /usr/bin programs, PATH for the p variants, ENOENT everywhere else", () => {
    const m = model(
      main(`int st;
if (fork() == 0) { execlp("echo", "echo", "-n", "via", "PATH", NULL); } wait(NULL); printf("\\n");
if (fork() == 0) { execl("echo", "echo", "x", NULL); perror("execl echo"); exit(9); } wait(&st); printf("st %d\\n", WEXITSTATUS(st));
if (fork() == 0) { int r = execl("/opt/magic/nonexistent-ok", "x", NULL); printf("r %d errno %d\\n", r, errno); exit(3); } wait(&st); printf("st %d\\n", WEXITSTATUS(st));
if (fork() == 0) { execl("/usr/bin/false", "false", NULL); } wait(&st); printf("false %d\\n", WEXITSTATUS(st));
char *args[] = {"sh", "-c", "echo 'a  b'; exit 4", NULL};
if (fork() == 0) { execv("/bin/sh", args); } wait(&st); printf("sh %d\\n", WEXITSTATUS(st));`),
    );
    expect(m.outputs).toEqual([
      ["via PATH", "execl echo: No such file or directory", "st 9", "r -1 errno 2", "st 3", "false 1", "a  b", "sh 4"],
    ]);
  });

  test("ls is refused with the reason; so is a shell script beyond echo", () => {
    expect(refusal(main(`execl("/bin/ls", "ls", NULL);`))).toMatch(
      /^7:\d+: exec of ls is outside the model: what it prints depends on the directory/,
    );
    expect(refusal(main(`execl("/bin/sh", "sh", "-c", "echo hi | wc -l", NULL);`))).toMatch(
      /outside the model: only simple echo/,
    );
  });
});

describe("sleeps as timing", () => {
  test("a zombie is reaped after the parent sleeps: the child's line comes first", () => {
    const m = model(
      main(`pid_t p = fork(); if (p == 0) { printf("child exits\\n"); exit(0); }
sleep(1); printf("parent woke\\n"); waitpid(p, NULL, 0); printf("reaped\\n");`),
    );
    expect(m.outputs).toEqual([["child exits", "parent woke", "reaped"]]);
    expect(m.deterministic).toBe(true);
    expect(m.timedSleeps).toEqual([{ pid: 1000, line: 8, ms: 1000 }]);
    expect(m.notes.some((n) => n.startsWith("fixed by timing"))).toBe(true);
  });

  test("an orphan prints after its parent exited and sees the reaper as its parent", () => {
    const m = model(
      main(`if (fork() == 0) { usleep(20000); printf("orphan of %d\\n", getppid()); exit(0); }
printf("parent exits\\n");`),
    );
    expect(m.outputs).toEqual([["parent exits", "orphan of <pid of reaper>"]]);
  });

  test("double fork: the grandchild sleeps and prints last, adopted by the reaper", () => {
    const m = model(
      main(`pid_t p = fork();
if (p == 0) { if (fork() == 0) { sleep(1); printf("grandchild, parent %d\\n", getppid()); exit(0); } printf("child exits\\n"); exit(0); }
waitpid(p, NULL, 0); printf("parent done\\n");`),
    );
    expect(m.outputs).toEqual([["child exits", "parent done", "grandchild, parent <pid of reaper>"]]);
  });

  test("shorter sleeps wake first; children reaped in that order give one output", () => {
    const m = model(
      main(`int st;
for (int i = 3; i >= 1; i--) if (fork() == 0) { usleep(i * 10000); exit(i); }
while (wait(&st) > 0) printf("%d\\n", WEXITSTATUS(st));`),
    );
    expect(m.outputs).toEqual([["1", "2", "3"]]);
    expect(explainOutputOrder(m, ["3", "2", "1"]).valid).toBe(false);
    const printing = model(
      main(`for (int i = 3; i >= 1; i--) if (fork() == 0) { usleep(i * 10000); printf("%d\\n", i); exit(0); }
while (wait(NULL) > 0) ;`),
    );
    expect(printing.outputs).toEqual([["1", "2", "3"]]);
    expect(explainOutputOrder(printing, ["3", "2", "1"])).toEqual({
      valid: false,
      reason: expect.stringContaining("the sleeps fix the order"),
    });
  });

  test("a sleep under 1 ms orders nothing", () => {
    const m = model(main(`if (fork() == 0) { usleep(100); printf("c\\n"); exit(0); } printf("p\\n"); wait(NULL);`));
    expect(sorted(m)).toEqual(["c | p", "p | c"]);
    expect(m.timedSleeps).toEqual([]);
  });

  test("nanosleep with a struct timespec", () => {
    const m = model(
      main(`struct timespec ts = {0, 5000000};
if (fork() == 0) { nanosleep(&ts, NULL); printf("c\\n"); exit(0); } printf("p\\n"); wait(NULL);`),
    );
    expect(m.outputs).toEqual([["p", "c"]]);
  });
});
