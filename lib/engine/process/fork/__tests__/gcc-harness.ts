// Compiling and running C programs with the real gcc and kernel for the reality tests, and naming
// the real pids a run prints by the model's pids.
//
// Traces processes without touching stdio: PRELUDE (added with `gcc -include`) makes the first
// process write "root <pid> <ppid>" to fd 3 and every child "<parent pid> <pid> <k>", k counting its
// parent's forks (dprintf is one write(2)). From that, `symbolize` names every "[real pid]" in the
// output as the model does: "<pid 1001>", "<pid of shell>" for the first process's parent, and
// "<pid of reaper>" for any other number (an orphan's new parent).
import { execFile, spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { ForkProcessInfo } from "../types";

export const PRELUDE = `#include <unistd.h>
#include <stdio.h>
static int timeslice_forks;
__attribute__((constructor)) static void timeslice_root(void) { dprintf(3, "root %d %d\\n", (int)getpid(), (int)getppid()); }
static pid_t timeslice_traced_fork(void) {
  int k = timeslice_forks++;
  int parent = (int)getpid();
  pid_t p = fork();
  if (p == 0) { timeslice_forks = 0; dprintf(3, "%d %d %d\\n", parent, (int)getpid(), k); }
  return p;
}
#define fork() timeslice_traced_fork()
`;

/** The output with each "[real pid]" named as the model names it, or null if the trace does not fit these processes. */
export function symbolize(
  output: string,
  trace: readonly string[],
  processes: readonly ForkProcessInfo[],
): string | null {
  const names = new Map<number, string>();
  const modelOf = new Map<number, ForkProcessInfo>();
  const byPid = new Map(processes.map((p) => [p.pid, p]));
  for (const line of trace) {
    const [first, second, third] = line.split(" ");
    if (first === "root") {
      const root = processes.find((p) => p.parent === null)!;
      modelOf.set(Number(second), root);
      names.set(Number(second), `<pid ${root.pid}>`);
      names.set(Number(third), "<pid of shell>");
      continue;
    }
    const parent = modelOf.get(Number(first));
    const fork = parent?.events.filter((e) => e.type === "fork")[Number(third)];
    if (!fork || fork.type !== "fork") return null;
    modelOf.set(Number(second), byPid.get(fork.child)!);
    names.set(Number(second), `<pid ${fork.child}>`);
  }
  return output.replace(/\[(\d+)\]/g, (_, n: string) => `[${names.get(Number(n)) ?? "<pid of reaper>"}]`);
}

/** Compiles `source` with the tracing prelude (written to `dir/prelude.h` if missing); resolves to the binary. */
export function compileTraced(dir: string, name: string, source: string): Promise<string> {
  const prelude = path.join(dir, "prelude.h");
  // Written once: rewriting it while another gcc reads it would compile that program untraced.
  if (!existsSync(prelude)) writeFileSync(prelude, PRELUDE);
  const src = path.join(dir, `${name}.c`);
  const bin = path.join(dir, name);
  writeFileSync(src, source);
  return new Promise((resolve, reject) => {
    execFile("gcc", ["-w", "-O0", "-include", prelude, "-o", bin, src], (error, _out, stderr) =>
      error ? reject(new Error(`gcc failed for ${name}: ${stderr}`)) : resolve(bin),
    );
  });
}

export interface TracedRun {
  output: string;
  trace: string[];
}

/**
 * Runs `./bin 2>&1` with stdout to a pipe (as `./prog | cat` does) and resolves when every process
 * holding the pipe has gone (orphans included), with the fd-3 trace.
 */
export function runTraced(bin: string, run: number, timeoutMs = 20_000): Promise<TracedRun> {
  const traceFile = `${bin}.trace${run}`;
  writeFileSync(traceFile, "");
  return new Promise((resolve, reject) => {
    const child = spawn("sh", ["-c", `'${bin}' 3>>'${traceFile}' 2>&1`], {
      cwd: path.dirname(bin),
      stdio: ["ignore", "pipe", "ignore"],
    });
    let output = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => (output += chunk));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${bin} ran longer than ${timeoutMs} ms`));
    }, timeoutMs);
    child.on("error", reject);
    child.on("close", () => {
      clearTimeout(timer);
      resolve({ output, trace: readFileSync(traceFile, "utf8").split("\n").filter(Boolean) });
    });
  });
}

/**
 * Runs `./bin 2>&1 | cat` `runs` times in one shell (one process spawn from Node per program, which
 * is what costs most on a busy machine); each run's output is complete when `cat` has seen every
 * writer of the pipe go, orphans included.
 */
export function runTracedBatch(bin: string, runs: number, timeoutMs = 120_000): Promise<TracedRun[]> {
  const script = `i=0; while [ $i -lt ${runs} ]; do : > "$0.trace$i"; "$0" 3>>"$0.trace$i" 2>&1 | cat > "$0.out$i"; i=$((i+1)); done`;
  return new Promise((resolve, reject) => {
    execFile("sh", ["-c", script, bin], { cwd: path.dirname(bin), timeout: timeoutMs }, (error) => {
      if (error) return reject(new Error(`${bin}: ${error.message}`));
      resolve(
        Array.from({ length: runs }, (_, i) => ({
          output: readFileSync(`${bin}.out${i}`, "utf8"),
          trace: readFileSync(`${bin}.trace${i}`, "utf8").split("\n").filter(Boolean),
        })),
      );
    });
  });
}

/** Runs `tasks` with at most `width` at a time, results in task order. */
export async function pool<T>(tasks: (() => Promise<T>)[], width: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const k = next++;
      results[k] = await tasks[k]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, tasks.length) }, worker));
  return results;
}
