// The procstates, loadavg and lifecycle kinds of worked examples and checks (issue #23): every step a lesson
// shows, and every answer, recomputed here from the engines' raw output another way (the tick table, a
// floating-point exponential, the fork model's own zombie and orphan lists).
import { describe, expect, it } from "vitest";
import { loadAverageAfter } from "@/lib/engine/models";
import { analyzeForkProgram } from "@/lib/engine/process";
import { simulateProcStates } from "@/lib/engine/procstates";
import { checkAnswer } from "./check-answer";
import { loadAllLessons } from "./load";
import type { CheckBlock, WorkedExampleBlock } from "./types";
import { buildCheck, buildWorkedExample } from "./worked";
import { lifecycleSteps, runLifecycle } from "./worked-lifecycle";

const lessons = loadAllLessons();
const examplesOf = (engine: string) =>
  lessons.flatMap((l) =>
    l.blocks.filter((b): b is WorkedExampleBlock => b.kind === "worked-example" && b.engine === engine),
  );
const stepsOf = (block: WorkedExampleBlock) => {
  const r = buildWorkedExample(block);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  if (r.value.kind !== "steps") throw new Error("expected steps");
  return r.value.steps;
};
const checkBlock = (engine: CheckBlock["engine"], ask: string, scenario: string): CheckBlock => ({
  kind: "check",
  engine,
  ask,
  scenario,
  prompt: "Question?",
  line: 1,
});

describe("procstates worked examples", () => {
  const blocks = examplesOf("procstates");
  it("are used by the processes lesson", () => expect(blocks.length).toBeGreaterThan(0));
  for (const block of blocks)
    it(`${block.title}: one step per tick, showing the tick table's states`, () => {
      const sim = simulateProcStates(JSON.parse(block.scenario));
      if (!sim.ok) throw new Error("scenario");
      const steps = stepsOf(block);
      expect(steps).toHaveLength(sim.value.totalTicks);
      const ids = sim.value.config.processes.map((p) => p.id);
      steps.forEach((s, k) => {
        const cells = sim.value.ticks[k]!.states;
        const runner = cells.findIndex((c) => c.startsWith("RUN"));
        // At most one process holds the single CPU, and the heading names it.
        expect(cells.filter((c) => c.startsWith("RUN")).length).toBeLessThanOrEqual(1);
        expect(s.heading).toContain(runner >= 0 ? `${ids[runner]} runs` : "idle");
        ids.forEach((id, i) => {
          const line = s.state[i]!;
          expect(line.startsWith(`${id}: `)).toBe(true);
          const word = cells[i]!.startsWith("RUN") ? "RUNNING" : cells[i]!;
          expect(line).toContain(word);
        });
        expect(s.rule.length).toBeGreaterThan(20);
        // A process that just blocked is explained as blocking, not as keeping the CPU.
        if (k > 0 && cells.some((c, i) => c === "BLOCKED" && sim.value.ticks[k - 1]!.states[i] === "RUN:io"))
          expect(s.rule).toContain("BLOCKED");
      });
      // Each process is BLOCKED exactly as long as its I/Os last, as its program says.
      const programs = JSON.parse(block.scenario).processes as { program: ({ cpu: number } | { io: number })[] }[];
      ids.forEach((id, i) => {
        const ioTicks = programs[i]!.program.reduce((n, st) => n + ("io" in st ? st.io : 0), 0);
        expect(steps.filter((s) => s.state[i]!.includes("BLOCKED")).length, id).toBe(ioTicks);
      });
    });

  it("answer finish:ID and blocked:ID from the tick table", () => {
    const scenario = JSON.stringify({
      processes: [
        { id: "A", program: [{ cpu: 1 }, { io: 4 }, { cpu: 2 }] },
        { id: "B", program: [{ cpu: 3 }] },
      ],
      policy: "fifo",
    });
    const sim = simulateProcStates(JSON.parse(scenario));
    if (!sim.ok) throw new Error("scenario");
    const lastLive = (i: number) => Math.max(...sim.value.ticks.filter((t) => t.states[i] !== "DONE").map((t) => t.t));
    for (const [ask, expected] of [
      ["finish:A", lastLive(0)],
      ["finish:B", lastLive(1)],
      ["blocked:A", 4],
      ["blocked:B", 0],
    ] as const) {
      const r = buildCheck(checkBlock("procstates", ask, scenario));
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      expect(checkAnswer(r.value.answer, String(expected)), ask).toBe(true);
      expect(checkAnswer(r.value.answer, String(expected + 1)), ask).toBe(false);
    }
    const bad = buildCheck(checkBlock("procstates", "finish:Z", scenario));
    expect(bad.ok ? null : bad.errors[0]!.path).toBe("line 1.ask");
  });
});

describe("loadavg worked examples", () => {
  const blocks = examplesOf("loadavg");
  it("are used by the processes lesson", () => expect(blocks.length).toBeGreaterThan(0));
  for (const block of blocks)
    it(`${block.title}: counts R and D, then follows the exponential update by update`, () => {
      const s = JSON.parse(block.scenario) as {
        states: Record<string, number>;
        start: number;
        window: 1 | 5 | 15;
        updates: number;
      };
      const active = (s.states["R"] ?? 0) + (s.states["D"] ?? 0);
      const steps = stepsOf(block);
      expect(steps).toHaveLength(s.updates + 1);
      expect(steps[0]!.heading).toContain(`: ${active}`);
      for (let k = 1; k <= s.updates; k++) {
        const shown = Number(/shows (\d+\.\d\d)/.exec(steps[k]!.heading)?.[1]);
        // The kernel's fixed point stays within a hundredth or two of the real exponential…
        const ideal = active + (s.start - active) * Math.exp((-5 * k) / (60 * s.window));
        expect(Math.abs(shown - ideal), `update ${k}`).toBeLessThan(0.03);
        // …and is exactly what the model's own loop prints.
        expect(shown, `update ${k}`).toBeCloseTo(loadAverageAfter(s.start, active, k, s.window), 6);
      }
    });

  it("answer the displayed load, which no state outside R and D changes", () => {
    const base = { states: { R: 4, D: 0, S: 10 }, start: 1, window: 5, updates: 6 };
    const r = buildCheck(checkBlock("loadavg", "load", JSON.stringify(base)));
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const ideal = 4 + (1 - 4) * Math.exp(-30 / 300);
    expect(r.value.answer.kind === "number" && Math.abs(r.value.answer.value - ideal)).toBeLessThan(0.03);
    const more = buildCheck(checkBlock("loadavg", "load", JSON.stringify({ ...base, states: { R: 4, S: 99, Z: 7 } })));
    if (!more.ok) throw new Error("scenario");
    expect(more.value.answer).toEqual(r.value.answer);
    const bad = buildCheck(checkBlock("loadavg", "load", JSON.stringify({ ...base, states: { Q: 1 } })));
    expect(bad.ok ? null : bad.errors[0]!.path).toBe("line 1.states.Q");
  });
});

describe("lifecycle worked examples", () => {
  const blocks = examplesOf("lifecycle");
  it("are used by the creating-processes lesson", () => expect(blocks.length).toBeGreaterThan(0));
  for (const block of blocks)
    it(`${block.title}: zombies and orphans agree with the fork model`, () => {
      const model = analyzeForkProgram(block.scenario, { mode: "tty" });
      if (!model.ok) throw new Error("program");
      const run = runLifecycle(block.scenario, "x");
      if (!run.ok) throw new Error("program");
      const steps = lifecycleSteps(run.value);
      // The lines printed by the end are the program's one output.
      const last = /\((.*)\)$/.exec(steps[steps.length - 1]!.state[3]!);
      expect(model.value.outputs).toContainEqual(JSON.parse(`[${last?.[1] ?? ""}]`));
      // Every process exits exactly once, and at the end nothing is alive or left a zombie.
      const exits = steps
        .filter((s) => / exits with status /.test(s.heading))
        .map((s) => Number(s.heading.split(" ")[0]));
      expect(exits.sort()).toEqual(model.value.processes.map((p) => p.pid).sort());
      expect(steps[steps.length - 1]!.state.slice(0, 3)).toEqual([
        "Alive: none",
        "Zombies: none",
        "Orphans adopted by init: none",
      ]);
      // Anyone shown as a zombie is a child its parent never reaps, or one its parent reaps later with wait();
      // anyone shown as an orphan is one the model says can outlive its parent.
      const zombies = new Set(steps.flatMap((s) => s.zombies));
      const orphans = new Set(steps.flatMap((s) => s.orphans));
      const waiters = new Set(
        model.value.processes.filter((p) => p.events.some((e) => e.type === "wait")).map((p) => p.pid),
      );
      for (const z of zombies) {
        const parent = model.value.processes.find((p) => p.pid === z)!.parent!;
        expect(model.value.neverReaped.includes(z) || waiters.has(parent), `zombie ${z}`).toBe(true);
      }
      for (const o of orphans) expect(model.value.mayBeOrphaned, `orphan ${o}`).toContain(o);
      // The lesson's example shows both.
      expect(zombies.size).toBeGreaterThan(0);
      expect(orphans.size).toBeGreaterThan(0);
    });

  it("show a child reaped by wait() as a zombie only until the wait", () => {
    const program = `#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    if (fork() == 0) {
        return 0;
    }
    sleep(1);
    wait(NULL);
    printf("reaped\\n");
    return 0;
}`;
    const run = runLifecycle(program, "x");
    if (!run.ok) throw new Error(JSON.stringify(run.errors));
    const steps = lifecycleSteps(run.value);
    const waitAt = steps.findIndex((s) => s.heading.includes("wait() reaps 1001"));
    expect(waitAt).toBeGreaterThan(0);
    expect(steps[waitAt - 1]!.zombies).toEqual([1001]);
    expect(steps[waitAt]!.zombies).toEqual([]);
    expect(steps.every((s) => s.orphans.length === 0)).toBe(true);
  });
});

describe("crash worked examples", () => {
  const blocks = examplesOf("crash");
  it("are used by the processes lesson", () => expect(blocks.length).toBeGreaterThan(0));
  for (const block of blocks)
    it(`${block.title}: a fault ends its own process only, as every interleaving shows`, () => {
      const scenario = JSON.parse(block.scenario) as {
        processes: { name: string; threads: { name: string; steps: Record<string, unknown>[] }[] }[];
      };
      const steps = stepsOf(block);
      const total = scenario.processes.reduce((n, p) => n + p.threads.reduce((m, t) => m + t.steps.length, 0), 0);
      // One step per program step, then one per process ending.
      expect(steps).toHaveLength(total + scenario.processes.length);
      const faulty = new Set(
        scenario.processes.filter((p) => p.threads.some((t) => t.steps.some((s) => "fault" in s))).map((p) => p.name),
      );
      expect(faulty.size).toBeGreaterThan(0);
      let k = 0;
      for (const p of scenario.processes)
        for (const t of p.threads)
          t.steps.forEach((s, i) => {
            const step = steps[k++]!;
            expect(step.heading.startsWith(`${p.name}, thread ${t.name}`)).toBe(true);
            // In a process without a fault every step runs in every interleaving; in one with a fault, a step
            // after a join on the faulting thread never runs (the join cannot return before the kill).
            if (!faulty.has(p.name)) expect(step.state[0], `${p.name}/${t.name}#${i}`).toBe("Happens in every run");
            const joinsFaulty = t.steps
              .slice(0, i + 1)
              .some((x) => "join" in x && p.threads.find((o) => o.name === x["join"])?.steps.some((y) => "fault" in y));
            if (joinsFaulty) expect(step.state[0], `${p.name}/${t.name}#${i}`).toBe("Happens in no run");
          });
      for (const p of scenario.processes) {
        const ending = steps[k++]!;
        expect(ending.heading.startsWith(`${p.name} ends`)).toBe(true);
        expect(ending.heading.includes("killed by"), p.name).toBe(faulty.has(p.name));
      }
    });
});
