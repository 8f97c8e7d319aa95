// Sleeps and wait(&status) of children that exit differently, checked against a brute-force
// simulator with no reductions: every event (write, fork, wait, exit, observe, the start and end
// of a sleep) is a scheduling choice, and the virtual clock moves only when no process can do
// anything but sleep or wait. An exclusive wait (a timing case's "this wait() reaps child c") fires
// only when c is the oldest exited child, as the kernel returns it. The model's output set (the
// union over timing cases) must equal the brute force's.
import { describe, expect, test } from "vitest";
import { analyzeForkProgram } from "./analyze";
import type { ForkModel, ForkProcessInfo } from "./types";

function bruteForce(processes: readonly ForkProcessInfo[]): Set<string> {
  const byPid = new Map(processes.map((p) => [p.pid, p]));
  const events = new Map(processes.map((p) => [p.pid, p.events.filter((e) => e.type !== "exec" && e.type !== "lost")]));
  const outputs = new Set<string>();
  const seen = new Set<string>();
  interface S {
    pc: Map<number, number>;
    running: Set<number>;
    reaped: Set<number>;
    wake: Map<number, number>;
    clock: number;
  }
  const walk = (s: S, out: string) => {
    const key = JSON.stringify([[...s.pc], [...s.running], [...s.reaped], [...s.wake], s.clock, out]);
    if (seen.has(key)) return;
    seen.add(key);
    const done = (pid: number) => (s.pc.get(pid) ?? 0) >= events.get(pid)!.length;
    const next = (pid: number) => events.get(pid)![s.pc.get(pid) ?? 0];
    let moved = false;
    const step = (pid: number, change: (t: S) => void, text = "", advance = true) => {
      const t: S = {
        pc: new Map(s.pc),
        running: new Set(s.running),
        reaped: new Set(s.reaped),
        wake: new Map(s.wake),
        clock: s.clock,
      };
      if (advance) t.pc.set(pid, (s.pc.get(pid) ?? 0) + 1);
      change(t);
      moved = true;
      walk(t, out + text);
    };
    for (const pid of s.running) {
      const e = next(pid);
      if (!e) continue;
      if (e.type === "write") step(pid, () => {}, e.text);
      else if (e.type === "exit") step(pid, () => {});
      else if (e.type === "fork") step(pid, (t) => t.running.add(e.child));
      else if (e.type === "observe") {
        if (done(e.target) === e.exited) step(pid, () => {});
      } else if (e.type === "sleep") {
        const wake = s.wake.get(pid);
        if (wake === undefined) step(pid, (t) => t.wake.set(pid, s.clock + e.ms), "", false);
        else if (wake <= s.clock) step(pid, (t) => t.wake.delete(pid));
      } else if (e.type === "wait") {
        const kids = byPid.get(pid)!.children.filter((c) => s.running.has(c) && !s.reaped.has(c));
        if (e.exclusive) {
          const oldest = kids.find((c) => done(c));
          if (oldest === e.target) step(pid, (t) => t.reaped.add(oldest));
        } else {
          const options = e.target === "any" ? kids : kids.filter((c) => c === e.target);
          for (const c of options) if (done(c)) step(pid, (t) => t.reaped.add(c));
        }
      }
    }
    if (moved) return;
    const live = [...s.running].filter((pid) => !done(pid));
    if (live.length === 0) {
      if (s.running.size === processes.length) outputs.add(out);
      return;
    }
    // Time passes only when every live process sleeps or waits.
    if (!live.every((pid) => next(pid)!.type === "sleep" || next(pid)!.type === "wait")) return;
    const wakes = live.flatMap((pid) => (s.wake.has(pid) ? [s.wake.get(pid)!] : []));
    if (wakes.length === 0) return;
    walk({ ...s, clock: Math.min(...wakes) }, out);
  };
  walk({ pc: new Map(), running: new Set([processes[0]!.pid]), reaped: new Set(), wake: new Map(), clock: 0 }, "");
  return outputs;
}

/** Deterministic parameter grid (no randomness to seed): index k picks each parameter. */
function program(k: number): string {
  const pick = <T>(options: readonly T[], salt: number): T => options[Math.floor(k / salt) % options.length]!;
  const n = pick([2, 3], 1);
  const sleeps = [pick([0, 1000, 2000], 2), pick([0, 2000, 1000], 6), pick([1000, 0, 3000], 18)];
  // Equal codes keep wait() "any" (symmetric state keys); different ones make timing cases.
  const codes = pick([false, true], 23) ? [1, 1, 1] : [pick([0, 1], 3), pick([1, 2], 5), pick([2, 0], 7)];
  const parentSleep = pick([0, 1500, 0, 4000], 11);
  const buf = pick(["", "setvbuf(stdout, NULL, _IONBF, 0);", "setvbuf(stdout, NULL, _IOLBF, 0);"], 13);
  const grandchild = pick([false, true], 17);
  const poll = pick([false, false, true], 19);
  const kids = Array.from({ length: n }, (_, i) => {
    const nap = sleeps[i]! > 0 ? `usleep(${sleeps[i]});` : "";
    const gc =
      grandchild && i === 0
        ? `if (fork() == 0) { usleep(2500); printf("g %d\\n", getppid() == getpid()); exit(0); }`
        : "";
    return `pid_t k${i} = fork(); if (k${i} == 0) { ${gc}${nap} printf("c${i}\\n"); exit(${codes[i]}); }`;
  });
  return `#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>
int main(void) {
  int st = 0;
  ${buf}
  ${kids.join("\n  ")}
  ${parentSleep > 0 ? `usleep(${parentSleep});` : ""}
  ${poll ? `printf("poll %d\\n", waitpid(k0, NULL, WNOHANG) == 0);` : ""}
  printf("p\\n");
  for (int i = 0; i < ${n}; i++) { wait(&st); printf("s%d\\n", WEXITSTATUS(st)); }
  return 0;
}
`;
}

describe("sleeps and exclusive waits against brute force", () => {
  test("the output set equals the brute-force set over a grid of 64 programs", () => {
    let timed = 0;
    let cased = 0;
    let exclusive = 0;
    let symmetric = 0;
    for (let k = 0; k < 64; k++) {
      const source = program(k * 7 + 3);
      const result = analyzeForkProgram(source, { mode: k % 2 ? "pipe" : "tty", maxOutputs: 5000 });
      if (!result.ok) throw new Error(`${result.errors[0]!.path}: ${result.errors[0]!.message}\n${source}`);
      const m: ForkModel = result.value;
      expect(m.outputsComplete).toBe(true);
      if (m.timedSleeps.length > 0) timed++;
      if (m.branches) cased++;
      if (
        m.timedSleeps.length > 0 &&
        !source.includes("WNOHANG") &&
        !(m.branches ?? [m]).some((b) =>
          b.processes.some((p) => p.events.some((e) => e.type === "observe" || (e.type === "wait" && e.exclusive))),
        )
      )
        symmetric++;
      if (
        (m.branches ?? [m]).some((b) => b.processes.some((p) => p.events.some((e) => e.type === "wait" && e.exclusive)))
      )
        exclusive++;
      const brute = new Set(
        (m.branches?.map((b) => b.processes) ?? [m.processes]).flatMap((ps) => [...bruteForce(ps)]),
      );
      const ours = m.outputs.map((lines) => lines.join("\n")).sort();
      expect(ours, source).toEqual([...brute].map((t) => (t.endsWith("\n") ? t.slice(0, -1) : t)).sort());
    }
    // Guards against a grid that silently stops exercising what it is for.
    expect(timed).toBeGreaterThan(20);
    expect(cased).toBeGreaterThan(5);
    expect(exclusive).toBeGreaterThan(15);
    expect(symmetric).toBeGreaterThan(5);
  });
});
