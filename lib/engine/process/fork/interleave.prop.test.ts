// Properties of the output set, checked against an independent brute-force simulator that treats
// every event (fork, wait, observe, exit, write) as a scheduling choice, with no reduction at all.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { analyzeForkProgram } from "./analyze";
import { explainOutputOrder } from "./explain";
import type { ForkModel, ForkProcessInfo } from "./types";
import { generateForkProgram } from "./__tests__/program-generator";

/**
 * Every output text of every interleaving, by exhaustive search over all events. An observation
 * is taken literally: one that saw its target exited needs the target done, one that saw it
 * running needs it not done yet; runs that get stuck (every process not done is blocked) print nothing.
 */
function bruteForceOutputs(processes: readonly ForkProcessInfo[]): Set<string> {
  const byPid = new Map(processes.map((p) => [p.pid, p]));
  const relevant = new Map(
    processes.map((p) => [
      p.pid,
      p.events.filter(
        (e) =>
          e.type === "write" || e.type === "fork" || e.type === "wait" || e.type === "exit" || e.type === "observe",
      ),
    ]),
  );
  const outputs = new Set<string>();
  const seen = new Set<string>();
  const walk = (pc: Map<number, number>, reaped: Set<number>, running: Set<number>, out: string) => {
    const key = [...pc.entries()].join(";") + [...reaped].join(",") + [...running].join(",") + "#" + out;
    if (seen.has(key)) return;
    seen.add(key);
    let moved = false;
    const done = (pid: number) => (pc.get(pid) ?? 0) >= relevant.get(pid)!.length;
    for (const pid of running) {
      const e = relevant.get(pid)![pc.get(pid) ?? 0];
      if (!e) continue;
      const step = (extra: (p: Map<number, number>, r: Set<number>, run: Set<number>) => void, text = "") => {
        const p2 = new Map(pc).set(pid, (pc.get(pid) ?? 0) + 1);
        const r2 = new Set(reaped);
        const run2 = new Set(running);
        extra(p2, r2, run2);
        moved = true;
        walk(p2, r2, run2, out + text);
      };
      if (e.type === "write") step(() => {}, e.text);
      else if (e.type === "exit") step(() => {});
      else if (e.type === "fork") step((_p, _r, run) => run.add(e.child));
      else if (e.type === "wait") {
        const options = e.target === "any" ? byPid.get(pid)!.children : [e.target];
        for (const c of options) if (running.has(c) && done(c) && !reaped.has(c)) step((_p, r) => r.add(c));
      } else if (e.type === "observe") {
        if (done(e.target) === e.exited) step(() => {});
      }
    }
    if (!moved && processes.every((p) => running.has(p.pid) && done(p.pid))) outputs.add(out);
  };
  walk(new Map(), new Set(), new Set([processes[0].pid]), "");
  return outputs;
}

function analyzed(seed: number): ForkModel | undefined {
  const result = analyzeForkProgram(generateForkProgram(seed, 3).source, { mode: seed % 2 ? "pipe" : "tty" });
  return result.ok && result.value.processCount <= 5 && result.value.outputs.length <= 200 ? result.value : undefined;
}

/** Programs that also print pids and poll with WNOHANG: the output set is the union over timing cases. */
function analyzedTiming(seed: number): ForkModel | undefined {
  const result = analyzeForkProgram(generateForkProgram(seed, 3, { timing: true }).source, {
    mode: seed % 2 ? "pipe" : "tty",
    maxOutputs: 100,
  });
  return result.ok && result.value.processCount <= 4 && result.value.outputs.length <= 100 ? result.value : undefined;
}

describe("output set properties", () => {
  test("with getpid/getppid/WNOHANG, equals the union over timing cases of the brute-force sets", () => {
    // Seeds 1-40 in order (not random): the guards below then count a fixed set of programs.
    let checked = 0;
    let branching = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const m = analyzedTiming(seed);
      if (!m || !m.outputsComplete) continue;
      checked++;
      if (m.branches) branching++;
      const brute = new Set(
        (m.branches?.map((b) => b.processes) ?? [m.processes]).flatMap((ps) => [...bruteForceOutputs(ps)]),
      );
      const ours = m.outputs.map((lines) => lines.join("\n")).sort();
      expect(ours, `seed ${seed}`).toEqual([...brute].map((t) => (t.endsWith("\n") ? t.slice(0, -1) : t)).sort());
      for (const lines of m.outputs.slice(0, 20)) expect(explainOutputOrder(m, lines).valid).toBe(true);
    }
    expect(checked).toBeGreaterThan(20);
    expect(branching).toBeGreaterThan(5);
  });

  test("equals the brute-force set of interleavings", () => {
    let checked = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), (seed) => {
        const m = analyzed(seed);
        if (!m || !m.outputsComplete) return;
        checked++;
        const brute = [...bruteForceOutputs(m.processes)].map((t) => t).sort();
        const ours = m.outputs.map((lines) => lines.join("\n")).sort();
        expect(ours).toEqual(brute.map((t) => (t.endsWith("\n") ? t.slice(0, -1) : t)).sort());
      }),
      { numRuns: 40 },
    );
    // Guards against a generator change that silently filters every case out.
    expect(checked).toBeGreaterThan(10);
  });

  test("every output keeps each process's writes in program order and is accepted by the grader", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), (seed) => {
        const m = analyzed(seed);
        if (!m) return;
        for (const lines of m.outputs.slice(0, 50)) {
          const text = lines.join("\n");
          for (const p of m.processes) {
            let from = 0;
            for (const e of p.events) {
              if (e.type !== "write") continue;
              const at = text.indexOf(e.text.replace(/\n$/, ""), from);
              expect(at).toBeGreaterThanOrEqual(0);
              from = at + 1;
            }
          }
          expect(explainOutputOrder(m, lines).valid).toBe(true);
        }
      }),
      { numRuns: 40 },
    );
  });

  test("a wait()ing parent's later lines come after all the lines of the children it must have reaped", () => {
    const m = analyzeForkProgram(`#include <stdio.h>
int main(void) { int i; for (i = 0; i < 3; i++) if (fork() == 0) { printf("c%d\\n", i); return 0; }
while (wait(NULL) > 0) ; printf("end\\n"); return 0; }`);
    expect(m.ok).toBe(true);
    if (!m.ok) return;
    expect(m.value.outputs).toHaveLength(6);
    for (const lines of m.value.outputs) expect(lines[lines.length - 1]).toBe("end");
  });
});
