// Reality check: compile programs with gcc, run them, and require every observed output to be one
// the model allows, with the same number of lines and processes. Pipe mode runs `./prog 2>&1` with
// stdout to a pipe; tty mode runs under `script` (a pty) for programs that reap every child, since
// a pty session ends, dropping late output, when its first process exits.
//
// Pids: programs print them as "[%d]". The prelude logs each process's real pid, its parent's and
// which of the parent's forks created it, so the test can name every real pid by its model pid
// ("<pid 1001>"); the first process's parent is "<pid of shell>", any other number an orphan's
// reaper. With getppid()/WNOHANG the model has several timing cases: the observed output must be
// one of some case, whose counts must then match.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { analyzeForkProgram } from "./analyze";
import { buildSchedule, isReachableOutput } from "./interleave";
import type { ForkModel, ForkOutputMode } from "./types";
import { generateForkProgram } from "./__tests__/program-generator";
import { PRELUDE, symbolize } from "./__tests__/gcc-harness";

const CLASSICS: Record<string, string> = {
  "fork twice": `#include <stdio.h>
#include <unistd.h>
int main(void) { fork(); fork(); printf("hi\\n"); return 0; }`,
  "loop of three forks": `#include <stdio.h>
#include <unistd.h>
int main(void) { int i; for (i = 0; i < 3; i++) fork(); printf("x\\n"); return 0; }`,
  "buffer duplicated by fork": `#include <stdio.h>
#include <unistd.h>
int main(void) { printf("hello\\n"); fork(); printf("a"); fork(); printf("\\n"); return 0; }`,
  "fork && fork || fork": `#include <stdio.h>
#include <unistd.h>
int main(void) { fork() && fork() || fork(); printf("p\\n"); return 0; }`,
  "parent waits": `#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>
int main(void) {
  pid_t pid = fork();
  if (pid == 0) { printf("child\\n"); }
  else { wait(NULL); printf("parent done\\n"); }
  return 0;
}`,
  "exec replaces the image": `#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>
int main(void) {
  printf("before\\n");
  if (fork() == 0) { execl("/bin/echo", "echo", "from", "echo", (char *)NULL); printf("not reached\\n"); }
  wait(NULL);
  printf("after\\n");
  return 0;
}`,
  "_exit loses the buffer": `#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>
int main(void) {
  printf("buffered\\n");
  if (fork() == 0) _exit(0);
  wait(NULL);
  fprintf(stderr, "err\\n");
  return 0;
}`,
  "waitpid status": `#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>
int main(void) {
  int status;
  pid_t a = fork();
  if (a == 0) exit(3);
  pid_t b = fork();
  if (b == 0) { printf("b\\n"); exit(4); }
  waitpid(b, &status, 0);
  printf("b=%d\\n", WEXITSTATUS(status));
  waitpid(a, &status, 0);
  printf("a=%d\\n", WEXITSTATUS(status));
  return 0;
}`,
  "getpid and getppid, the parent waiting": `#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>
int main(void) {
  pid_t pid = fork();
  if (pid == 0) { printf("child [%d] of [%d]\\n", getpid(), getppid()); return 0; }
  waitpid(pid, NULL, 0);
  printf("parent [%d] reaped [%d], started by [%d]\\n", getpid(), pid, getppid());
  return 0;
}`,
  "an orphan's getppid": `#include <stdio.h>
#include <unistd.h>
int main(void) {
  if (fork() == 0) { usleep(200000); printf("orphan's parent [%d]\\n", getppid()); return 0; }
  printf("parent [%d] exits\\n", getpid());
  return 0;
}`,
  "waitpid WNOHANG once": `#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>
int main(void) {
  int status;
  pid_t pid = fork();
  if (pid == 0) { usleep(200000); printf("child [%d]\\n", getpid()); exit(3); }
  pid_t r = waitpid(pid, &status, WNOHANG);
  if (r == 0) printf("still running\\n");
  else printf("exited %d\\n", WEXITSTATUS(status));
  waitpid(pid, &status, 0);
  printf("reaped [%d] status %d\\n", pid, WEXITSTATUS(status));
  return 0;
}`,
  "waitpid WNOHANG after the child is done": `#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>
int main(void) {
  int status;
  pid_t pid = fork();
  if (pid == 0) exit(5);
  usleep(200000);
  if (waitpid(pid, &status, WNOHANG) == pid) printf("reaped [%d]: %d\\n", pid, WEXITSTATUS(status));
  else printf("not yet\\n");
  return 0;
}`,
  "execvp with an array": `#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>
int main(void) {
  char *args[] = {"echo", "one", "two", NULL};
  setvbuf(stdout, NULL, _IONBF, 0);
  printf("start ");
  if (fork() == 0) { execvp(args[0], args); }
  while (wait(NULL) > 0);
  printf("end\\n");
  return 0;
}`,
};

const RUNS_PER_PROGRAM = 3;
const RANDOM_PROGRAMS = 12;
const RANDOM_TIMING_PROGRAMS = 8;
let dir = "";

beforeAll(() => {
  // CI has gcc: its absence must fail loudly, not skip.
  const version = spawnSync("gcc", ["--version"], { encoding: "utf8" });
  if (version.status !== 0) throw new Error("gcc is required for the fork reality test but was not found");
  dir = mkdtempSync(path.join(tmpdir(), "timeslice-fork-"));
  writeFileSync(path.join(dir, "prelude.h"), PRELUDE);
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const compiled = new Map<string, string>();

function compile(name: string, source: string): string {
  const known = compiled.get(source);
  if (known) return known;
  const src = path.join(dir, `${name}.c`);
  const bin = path.join(dir, name);
  writeFileSync(src, source);
  execFileSync("gcc", ["-w", "-O0", "-include", path.join(dir, "prelude.h"), "-o", bin, src]);
  compiled.set(source, bin);
  return bin;
}

function runOnce(bin: string, mode: ForkOutputMode, run: number): { output: string; trace: string[] } {
  const counter = `${bin}.count${run}`;
  writeFileSync(counter, "");
  const command = `'${bin}' 3>>'${counter}' 2>&1`;
  const result =
    mode === "pipe"
      ? spawnSync("sh", ["-c", command], { encoding: "utf8", timeout: 10_000 })
      : spawnSync("script", ["-qec", command, "/dev/null"], { encoding: "utf8", timeout: 10_000 });
  if (result.error) throw result.error;
  // A pty turns "\n" into "\r\n".
  const output = mode === "tty" ? result.stdout.replace(/\r\n/g, "\n") : result.stdout;
  return { output, trace: readFileSync(counter, "utf8").split("\n").filter(Boolean) };
}

function checkAgainstReality(name: string, source: string, mode: ForkOutputMode): ForkModel {
  const analysis = analyzeForkProgram(source, { mode });
  if (!analysis.ok) throw new Error(`${name}: ${analysis.errors[0].message}`);
  const model = analysis.value;
  const cases = (model.branches ?? [model]).map((c) => ({ ...c, schedule: buildSchedule(c.processes) }));
  const bin = compile(name.replace(/\W+/g, "_"), source);
  for (let run = 0; run < RUNS_PER_PROGRAM; run++) {
    const { output, trace } = runOnce(bin, mode, run);
    const processes = 1 + trace.filter((l) => !l.startsWith("root")).length;
    const lines = [...output].filter((c) => c === "\n").length;
    const matches = cases.flatMap((c) => {
      const text = symbolize(output, trace, c.processes);
      return text !== null && isReachableOutput(c.schedule, text) === "valid"
        ? [{ text, lines: c.linesPrinted, processes: c.processCount }]
        : [];
    });
    // Reported in full when no timing case of the model produces what reality printed.
    expect({ name, output, trace, valid: matches.length > 0 }).toEqual({ name, output, trace, valid: true });
    expect(matches).toContainEqual({ text: matches[0]!.text, lines, processes });
  }
  return model;
}

describe("fork model against gcc-compiled programs", () => {
  for (const [name, source] of Object.entries(CLASSICS)) {
    test(`${name} (pipe)`, () => {
      checkAgainstReality(name, source, "pipe");
    });
    const tty = analyzeForkProgram(source, { mode: "tty" });
    if (tty.ok && (tty.value.branches ?? [tty.value]).some((c) => c.mayBeOrphaned.length > 0)) {
      // Not run under a pty: the session would end with the first process and drop the rest.
      test(`${name} (tty: pipe only, a child may outlive its parent)`, () => {
        expect((tty.value.branches ?? [tty.value]).some((c) => c.mayBeOrphaned.length > 0)).toBe(true);
      });
    } else {
      test(`${name} (tty)`, () => {
        checkAgainstReality(name, source, "tty");
      });
    }
  }

  test(`${RANDOM_PROGRAMS} generated programs agree with reality in pipe and tty mode`, () => {
    let checkedTty = 0;
    for (let seed = 1; seed <= RANDOM_PROGRAMS; seed++) {
      const { source } = generateForkProgram(seed);
      const model = checkAgainstReality(`gen${seed}`, source, "pipe");
      if (model.mayBeOrphaned.length === 0) {
        checkAgainstReality(`gen${seed}`, source, "tty");
        checkedTty++;
      }
    }
    expect(checkedTty).toBeGreaterThan(0);
  });

  test(`${RANDOM_TIMING_PROGRAMS} generated programs printing pids and polling with WNOHANG agree with reality`, () => {
    let branching = 0;
    for (let seed = 1; seed <= RANDOM_TIMING_PROGRAMS; seed++) {
      const { source } = generateForkProgram(seed, 4, { timing: true });
      const model = checkAgainstReality(`timing${seed}`, source, "pipe");
      if (model.branches) branching++;
      if ((model.branches ?? [model]).every((c) => c.mayBeOrphaned.length === 0))
        checkAgainstReality(`timing${seed}`, source, "tty");
    }
    expect(branching).toBeGreaterThan(0);
  });
});
