// The inversion, deadline and quota worked examples and checks (lib/lessons/worked-models.ts): every lesson
// example of these kinds, and a check of each, agree with answers recomputed here another way (a reference
// tick loop for the mutex protocols, EDF's own invariant and deadlines, the closed form of a quota burst).
import { describe, expect, it } from "vitest";
import { checkAnswer } from "./check-answer";
import { loadAllLessons } from "./load";
import type { CheckBlock, Lesson, ScenarioEngine, WorkedExampleBlock } from "./types";
import { buildCheck, buildWorkedExample, type WorkedStep } from "./worked";

type Step = { cpu: number } | { locked: number };
interface Task {
  id: string;
  priority: number;
  arrival: number;
  steps: Step[];
}

/**
 * Reference for one CPU, one mutex: expands each task into per-unit actions, then at every tick runs the
 * task with the highest effective priority among those not blocked on the mutex (the running task keeps
 * the CPU on a tie). Returns each task's finish and the ticks it spent arrived, unfinished and not running
 * while a lower-priority task ran.
 */
function referenceInversion(tasks: Task[], protocol: string) {
  const units = tasks.map((t) =>
    t.steps.flatMap((s) => ("cpu" in s ? Array(s.cpu).fill(false) : Array(s.locked).fill(true))),
  );
  const pc = tasks.map(() => 0);
  const finish: Record<string, number> = {};
  const waited: Record<string, number> = Object.fromEntries(tasks.map((t) => [t.id, 0]));
  const ceiling = Math.max(...tasks.filter((_, i) => units[i]!.includes(true)).map((t) => t.priority));
  let holder = -1;
  let current = -1;
  const runs: string[] = [];
  for (let t = 0; Object.keys(finish).length < tasks.length && t < 1000; t++) {
    const live = tasks.map((_, i) => i).filter((i) => tasks[i]!.arrival <= t && pc[i]! < units[i]!.length);
    const blocked = (i: number) => units[i]![pc[i]!] === true && holder !== -1 && holder !== i;
    const eff = (i: number) => {
      if (i !== holder) return tasks[i]!.priority;
      if (protocol === "ceiling") return Math.max(tasks[i]!.priority, ceiling);
      if (protocol === "inherit")
        return Math.max(tasks[i]!.priority, ...live.filter(blocked).map((j) => tasks[j]!.priority));
      return tasks[i]!.priority;
    };
    const can = live.filter((i) => !blocked(i));
    if (can.length === 0) {
      runs.push("idle");
      continue;
    }
    const top = Math.max(...can.map(eff));
    const pick = can.includes(current) && eff(current) === top ? current : can.find((i) => eff(i) === top)!;
    for (const i of live) if (i !== pick && tasks[i]!.priority > tasks[pick]!.priority) waited[tasks[i]!.id]! += 1;
    if (units[pick]![pc[pick]!]) holder = pick;
    pc[pick]! += 1;
    runs.push(tasks[pick]!.id);
    // The mutex is released when the critical section's last unit is done.
    if (holder === pick && units[pick]![pc[pick]!] !== true) holder = -1;
    if (pc[pick] === units[pick]!.length) finish[tasks[pick]!.id] = t + 1;
    current = pc[pick] === units[pick]!.length ? -1 : pick;
  }
  return { finish, waited, runs };
}

/** The runner of each "a–b: X runs" step heading, tick by tick. */
function runsFromHeadings(steps: WorkedStep[]): string[] {
  const runs: string[] = [];
  for (const s of steps) {
    const m = /^(\d+)–(\d+): (?:(\S+) runs|the CPU is (idle))/.exec(s.heading);
    if (!m) continue;
    for (let t = Number(m[1]); t < Number(m[2]); t++) runs.push(m[3] ?? "idle");
  }
  return runs;
}

const lessons = loadAllLessons();
const MODEL_ENGINES: ScenarioEngine[] = ["inversion", "deadline", "quota"];
const examples = lessons.flatMap((l: Lesson) =>
  l.blocks.filter(
    (b): b is WorkedExampleBlock =>
      b.kind === "worked-example" && MODEL_ENGINES.includes((b as WorkedExampleBlock).engine),
  ),
);

function steps(block: WorkedExampleBlock): WorkedStep[] {
  const r = buildWorkedExample(block);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  if (r.value.kind !== "steps") throw new Error("expected steps");
  for (const s of r.value.steps) expect(s.rule.length, s.heading).toBeGreaterThan(20);
  return r.value.steps;
}

function check(engine: ScenarioEngine, ask: string, scenario: string): CheckBlock {
  return { kind: "check", engine, ask, scenario, prompt: "?", line: 1 } as CheckBlock;
}

describe("the lessons' model worked examples", () => {
  it("cover inversion with and without inheritance, SCHED_DEADLINE and cpu.max", () => {
    const engines = examples.map(
      (b) => `${b.engine}:${b.engine === "inversion" ? JSON.parse(b.scenario).protocol : ""}`,
    );
    expect(engines).toEqual(expect.arrayContaining(["inversion:none", "inversion:inherit", "deadline:", "quota:"]));
  });

  for (const block of examples.filter((b) => b.engine === "inversion")) {
    it(`inversion "${block.title}": the steps run what a reference tick loop runs`, () => {
      const spec = JSON.parse(block.scenario) as { protocol: string; tasks: Task[] };
      const ref = referenceInversion(spec.tasks, spec.protocol);
      const list = steps(block);
      const ran = runsFromHeadings(list);
      expect(ran).toEqual(ref.runs);
      const last = list[list.length - 1]!;
      for (const t of spec.tasks) {
        expect(last.state.join("\n")).toContain(
          `${t.id} finishes at ${ref.finish[t.id]}, after ${ref.waited[t.id]} units`,
        );
      }
      // The lesson's claims: with no protocol the high task waits through the medium task's whole run; with
      // inheritance it waits at most one critical section of a lower task.
      const high = [...spec.tasks].sort((a, b) => b.priority - a.priority)[0]!;
      const lowerCs = Math.max(
        ...spec.tasks.filter((t) => t !== high).flatMap((t) => t.steps.map((s) => ("locked" in s ? s.locked : 0))),
      );
      const mediumCpu = spec.tasks
        .filter((t) => t !== high && t.steps.every((s) => "cpu" in s))
        .reduce((n, t) => n + t.steps.reduce((m, s) => m + ("cpu" in s ? s.cpu : 0), 0), 0);
      if (spec.protocol === "none") {
        expect(ref.waited[high.id]).toBeGreaterThanOrEqual(mediumCpu);
        expect(list.some((s) => s.rule.startsWith("Priority inversion"))).toBe(true);
      } else expect(ref.waited[high.id]).toBeLessThanOrEqual(lowerCs);
      if (spec.protocol === "inherit") expect(list.some((s) => s.rule.startsWith("Priority inheritance"))).toBe(true);
    });
  }

  for (const block of examples.filter((b) => b.engine === "deadline")) {
    it(`deadline "${block.title}": admission by Σ runtime/period, EDF at every step, every deadline met`, () => {
      const spec = JSON.parse(block.scenario) as {
        tasks: { id: string; runtime: number; period: number }[];
        horizon: number;
      };
      const list = steps(block);
      const total = spec.tasks.reduce((n, t) => n + t.runtime / t.period, 0);
      expect(total).toBeLessThanOrEqual(0.95);
      expect(list[0]!.heading).toContain(String(Number(total.toFixed(3))));
      let cpu = 0;
      for (const s of list.slice(1, -1)) {
        const m = /^(\d+)–(\d+): (\S+) runs \(absolute deadline (\d+)\)/.exec(s.heading);
        expect(m, s.heading).not.toBeNull();
        cpu += Number(m![2]) - Number(m![1]);
        // EDF: the runner's deadline is the smallest of the pending jobs listed in the state.
        const deadlines = s.state.map((line) => Number(/deadline (\d+)/.exec(line)![1]));
        expect(Number(m![4])).toBe(Math.min(...deadlines));
        expect(s.state.some((line) => line.startsWith(`${m![3]}: `) && line.includes(`deadline ${m![4]}`))).toBe(true);
      }
      // Work released by the horizon, minus the jobs still owed, is the CPU the steps show; here every job
      // released before the horizon whose deadline falls inside it finishes in time.
      const last = list[list.length - 1]!;
      expect(last.heading).toContain("every deadline met");
      spec.tasks.forEach((t, i) => {
        const finishes = /finish at (.*)$/.exec(last.state[i]!)![1]!.split(", ").map(Number);
        finishes.forEach((f, k) => expect(f).toBeLessThanOrEqual((k + 1) * t.period));
        expect(finishes.length).toBeGreaterThanOrEqual(Math.floor(spec.horizon / t.period));
      });
      expect(cpu).toBeLessThanOrEqual(spec.horizon);
    });
  }

  for (const block of examples.filter((b) => b.engine === "quota")) {
    it(`quota "${block.title}": the latency is the closed form for a burst from a period boundary`, () => {
      const q = JSON.parse(block.scenario) as {
        quotaMs: number;
        periodMs: number;
        workMs: number;
        threads: number;
        cpus: number;
        offsetMs: number;
      };
      expect(q.offsetMs).toBe(0);
      const rate = Math.min(q.threads, q.cpus);
      expect(q.quotaMs / rate).toBeLessThan(q.periodMs);
      // k full quotas are used in k periods that each end throttled; the rest runs at full rate.
      const fullPeriods = Math.ceil(q.workMs / q.quotaMs) - 1;
      const latency = fullPeriods * q.periodMs + (q.workMs - fullPeriods * q.quotaMs) / rate;
      const list = steps(block);
      expect(list[list.length - 1]!.heading).toBe(`Done after ${latency} ms`);
      expect(list.filter((s) => s.heading.endsWith("throttled"))).toHaveLength(fullPeriods);
      expect(list[list.length - 1]!.state[0]).toContain(
        `Throttled for ${fullPeriods * (q.periodMs - q.quotaMs / rate)} ms`,
      );
    });
  }
});

const INVERSION = JSON.stringify({
  protocol: "none",
  tasks: [
    { id: "L", priority: 1, arrival: 0, steps: [{ locked: 3 }] },
    { id: "H", priority: 5, arrival: 1, steps: [{ locked: 1 }] },
    { id: "M", priority: 3, arrival: 1, steps: [{ cpu: 6 }] },
  ],
});

describe("checks on the model engines", () => {
  it("inversion finish:ID agrees with the reference tick loop under each protocol", () => {
    for (const protocol of ["none", "inherit", "ceiling"]) {
      const scenario = JSON.stringify({ ...JSON.parse(INVERSION), protocol });
      const ref = referenceInversion(JSON.parse(scenario).tasks, protocol);
      const r = buildCheck(check("inversion", "finish:H", scenario));
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      expect(checkAnswer(r.value.answer, String(ref.finish.H))).toBe(true);
      expect(checkAnswer(r.value.answer, String(ref.finish.H! + 1))).toBe(false);
    }
  });

  it("deadline misses counts the jobs past their deadline when the CPU is overloaded", () => {
    // Admission would refuse this set (1/2 + 2/3 > 0.95), so only a check, not an example, may show it.
    const scenario = JSON.stringify({
      tasks: [
        { runtime: 1, period: 2 },
        { runtime: 2, period: 3 },
      ],
      horizon: 12,
    });
    const r = buildCheck(check("deadline", "misses", scenario));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.path).toBe("line 1.tasks");
    const ok = JSON.stringify({
      tasks: [
        { runtime: 1, period: 4 },
        { runtime: 2, period: 5 },
      ],
      horizon: 20,
    });
    const c = buildCheck(check("deadline", "misses", ok));
    if (!c.ok) throw new Error(JSON.stringify(c.errors));
    // U = 0.65 ≤ 1: EDF misses nothing.
    expect(checkAnswer(c.value.answer, "0")).toBe(true);
  });

  it("quota latency agrees with the closed form, off a period boundary too", () => {
    const scenario = JSON.stringify({ quotaMs: 50, periodMs: 100, workMs: 120, threads: 2, cpus: 8, offsetMs: 0 });
    const r = buildCheck(check("quota", "latency", scenario));
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    // 50 ms per period at 2 ms per ms: 25 ms running each period; 120 ms needs two full quotas and 20 ms more.
    expect(checkAnswer(r.value.answer, String(2 * 100 + 20 / 2))).toBe(true);
    const late = JSON.stringify({ quotaMs: 30, periodMs: 100, workMs: 60, threads: 1, cpus: 1, offsetMs: 80 });
    const s = buildCheck(check("quota", "latency", late));
    if (!s.ok) throw new Error(JSON.stringify(s.errors));
    // 20 ms before the first boundary, then 30 ms of quota and 70 ms throttled, then the last 10 ms.
    expect(checkAnswer(s.value.answer, String(20 + 100 + 10))).toBe(true);
  });

  it("name the field of a bad scenario or ask", () => {
    const bad = [
      check("inversion", "finish:Z", INVERSION),
      check("inversion", "finish:H", JSON.stringify({ protocol: "fifo", tasks: [] })),
      check("deadline", "misses", JSON.stringify({ tasks: [{ runtime: 5, period: 2 }], horizon: 4 })),
      check("quota", "latency", JSON.stringify({ quotaMs: -1, periodMs: 100, workMs: 1, threads: 1, cpus: 1 })),
      check("quota", "throttled", JSON.stringify({ quotaMs: 10, periodMs: 100, workMs: 1, threads: 1, cpus: 1 })),
    ];
    const paths = bad.map((b) => {
      const r = buildCheck(b);
      return r.ok ? "accepted" : r.errors[0]!.path;
    });
    expect(paths).toEqual(["line 1.ask", "line 1.protocol", "line 1.tasks[0]", "line 1.quotaMs", "line 1.ask"]);
  });
});
