// Worked examples and check questions (issue #23): the directive parses with named errors, the lint
// refuses a lesson that tests before it teaches, and every lesson's steps and answers agree with the
// engine's raw output computed another way here (slices, outputs, brute-force interleavings).
import { describe, expect, it } from "vitest";
import { readReplay, replaySteps } from "@/components/sim/replay-model";
import { modelCapacity } from "@/lib/engine/capacity";
import { modelEventLoop } from "@/lib/engine/eventloop";
import { analyzeForkProgram } from "@/lib/engine/process";
import { ruleWords } from "@/lib/engine/questions";
import { compilePseudoC, runInterleaving } from "@/lib/engine/races";
import { simulateInput } from "@/lib/engine/sched";
import { checkAnswer, type CheckAnswer } from "./check-answer";
import { lintLesson } from "./lint";
import { loadAllLessons } from "./load";
import { parseLesson } from "./parse";
import type { CheckBlock, Lesson, WorkedExampleBlock } from "./types";
import { buildCheck, buildWorkedExample } from "./worked";

const FENCE = "```";
const JOBS = `{"policy":{"name":"fifo"},"tasks":[{"id":"A","arrival":0,"bursts":[3]},{"id":"B","arrival":1,"bursts":[2]}]}`;

const lessonWith = (body: string) => `---
title: T
slug: real-time
order: 5
summary: A lesson used only by these tests.
minutes: 3
---

${body}

::diagram{name="sched-classes"}
::widget{name="rt-starvation"}

## Interview checklist

- [ ] One point[^a].

## Common wrong answers

- Wrong.

## Sources

[^a]: A source.
`;

const example = (attrs: string, scenario = JOBS) =>
  `:::worked-example{${attrs}}\n${FENCE}json\n${scenario}\n${FENCE}\n:::`;
const check = (attrs: string, scenario = JOBS, prompt = "What is B's waiting time?") =>
  `:::check{${attrs}}\n${prompt}\n\n${FENCE}json\n${scenario}\n${FENCE}\n:::`;
const GOOD = `${example('engine="sched" title="FIFO"')}\n\n${check('engine="sched" ask="waiting:B"')}`;

function parsed(body: string): Lesson {
  const r = parseLesson(lessonWith(body));
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

function parseErrors(body: string): { path: string; message: string }[] {
  const r = parseLesson(lessonWith(body));
  return r.ok ? [] : r.errors;
}

describe("the :::worked-example and :::check directives", () => {
  it("parse into blocks holding the engine, the scenario and the question", () => {
    const lesson = parsed(`Before.\n\n${GOOD}\n\nAfter.`);
    const kinds = lesson.blocks.map((b) => b.kind);
    expect(kinds.slice(0, 4)).toEqual(["markdown", "worked-example", "check", "markdown"]);
    const ex = lesson.blocks[1] as WorkedExampleBlock;
    expect(ex).toMatchObject({ engine: "sched", title: "FIFO", scenario: JOBS });
    const q = lesson.blocks[2] as CheckBlock;
    expect(q).toMatchObject({ engine: "sched", ask: "waiting:B", scenario: JOBS, prompt: "What is B's waiting time?" });
    // The prose after the block is its own Markdown block, not swallowed by the directive.
    expect((lesson.blocks[3] as { source: string }).source).toContain("After.");
  });

  it("name the line and the field of every malformed block", () => {
    expect(parseErrors(':::worked-example{engine="sched" title="x"}\n```json\n{}\n```')).toEqual([
      expect.objectContaining({ path: "line 9", message: expect.stringContaining("never closed") }),
    ]);
    expect(parseErrors(example('engine="tetris" title="x"'))).toEqual([
      expect.objectContaining({ path: "line 9.engine", message: expect.stringContaining("unknown engine 'tetris'") }),
    ]);
    expect(parseErrors(example('engine="sched"'))).toEqual([
      expect.objectContaining({ path: "line 9.title", message: expect.stringContaining('title="…"') }),
    ]);
    expect(parseErrors(example('engine="sched" title="x" colour="red"'))).toEqual([
      expect.objectContaining({ path: "line 9.colour" }),
    ]);
    expect(parseErrors(example("engine=sched"))[0]?.message).toContain("malformed attributes");
    expect(parseErrors(':::check{engine="sched" ask="waiting:B"}\nNo scenario here.\n:::')[0]?.message).toContain(
      "one fenced block",
    );
    expect(parseErrors(check('engine="sched" ask="waiting:B"', JOBS, ""))[0]?.message).toContain("needs its question");
    expect(
      parseErrors(`:::worked-example{engine="sched" title="x"}\nProse.\n${FENCE}json\n${JOBS}\n${FENCE}\n:::`)[0]
        ?.message,
    ).toContain("holds only its scenario");
  });

  it("inside a code fence are shown as code, not parsed", () => {
    const lesson = parsed(`${FENCE}\n${example('engine="sched" title="x"')}\n${FENCE}`);
    expect(lesson.blocks.some((b) => b.kind === "worked-example")).toBe(false);
  });
});

describe("the lint makes every lesson teach before it tests", () => {
  const messages = (body: string) => lintLesson(parsed(body)).map((i) => i.message);

  it("accepts a lesson with a worked example and one check", () => {
    expect(messages(GOOD)).toEqual([]);
  });

  it("fails a lesson without a worked example, or without exactly one check", () => {
    expect(messages("Text.")).toEqual([
      "a lesson needs at least one :::worked-example (teach before testing)",
      "a lesson needs exactly one :::check question, found 0",
    ]);
    expect(messages(check('engine="sched" ask="waiting:B"'))).toEqual([
      "a lesson needs at least one :::worked-example (teach before testing)",
    ]);
    expect(messages(`${GOOD}\n\n${check('engine="sched" ask="waiting:A"')}`)).toEqual([
      "a lesson needs exactly one :::check question, found 2",
    ]);
  });

  it("fails a scenario the engine rejects, or a question it cannot answer, naming the line", () => {
    const bad = messages(
      `${example('engine="sched" title="x"', '{"policy":{"name":"fifo"},"tasks":[]}')}\n\n${check('engine="sched" ask="waiting:Z"')}`,
    );
    expect(bad.length).toBeGreaterThanOrEqual(2);
    expect(bad).toContain("no job 'Z' in the scenario");
    expect(
      messages(`${example('engine="sched" title="x"', "{not json")}\n\n${check('engine="sched" ask="waiting:B"')}`)[0],
    ).toContain("not valid JSON");
    const issues = lintLesson(parsed(`${GOOD.replace("waiting:B", "runs-at:soon")}`));
    expect(issues).toEqual([expect.objectContaining({ path: expect.stringMatching(/^real-time\.md line \d+\.ask$/) })]);
    // An event-loop program whose order depends on timing cannot be a check: the answer would not be fixed.
    const racy = 'setTimeout(() => console.log("timeout"), 0);\nsetImmediate(() => console.log("immediate"));';
    const loop = lintLesson(
      parsed(
        `${GOOD.replace(/:::check[\s\S]*$/, "")}\n\n:::check{engine="eventloop" ask="line:1"}\nWhich first?\n${FENCE}js\n${racy}\n${FENCE}\n:::`,
      ),
    );
    expect(loop.map((i) => i.message).join(" ")).toContain("can vary");
  });
});

describe("a reply to a check question", () => {
  it("is judged by value for numbers (unit allowed) and exactly for choices", () => {
    const n: CheckAnswer = { kind: "number", value: 5, tolerance: 1e-6, unit: "ms" };
    expect(["5", " 5 ", "5.0", "5 ms", "5ms"].map((g) => checkAnswer(n, g))).toEqual([true, true, true, true, true]);
    expect(["", "4", "6", "five", "5 s"].map((g) => checkAnswer(n, g))).toEqual([false, false, false, false, false]);
    const c: CheckAnswer = { kind: "choice", options: ["A", "B"], correct: "B" };
    expect([checkAnswer(c, "B"), checkAnswer(c, "A"), checkAnswer(c, "b")]).toEqual([true, false, false]);
  });
});

// ------------------------------------------------------------------ the eight lessons

const lessons = loadAllLessons();
const blocksOf = <K extends "worked-example" | "check">(l: Lesson, kind: K) =>
  l.blocks.filter((b): b is Extract<Lesson["blocks"][number], { kind: K }> => b.kind === kind);

describe("every lesson's worked examples", () => {
  for (const lesson of lessons) {
    it(`${lesson.meta.slug}: step through with the rule at each step`, () => {
      const examples = blocksOf(lesson, "worked-example");
      expect(examples.length).toBeGreaterThan(0);
      for (const block of examples) {
        const r = buildWorkedExample(block);
        if (!r.ok) throw new Error(JSON.stringify(r.errors));
        const ex = r.value;
        if (ex.kind === "sched") {
          // The feedback's replay reads it, with a step at every instant the engine decided something and
          // otherwise only where the set of running, ready or sleeping jobs changed (an arrival, a wake-up).
          const data = readReplay(ex.replay);
          expect(data).not.toBeNull();
          const sim = simulateInput(JSON.parse(block.scenario));
          if (!sim.ok) throw new Error("scenario");
          const steps = replaySteps(data!);
          const decided = new Set(sim.value.decisions.map((d) => d.time));
          expect(steps.map((s) => s.time)).toEqual(expect.arrayContaining([...decided]));
          const who = (s: (typeof steps)[number]) =>
            JSON.stringify([s.ready.map((r) => r.task), (s.blocked ?? []).map((b) => b.task)]);
          steps.forEach((s, i) => {
            if (i > 0 && !decided.has(s.time))
              expect(who(s), `${block.title} t=${s.time}`).not.toBe(who(steps[i - 1]!));
          });
          for (const s of steps.filter((x) => x.running && decided.has(x.time)))
            expect(ruleWords(s.rule), `${block.title} t=${s.time}`).toBeTruthy();
          // What runs at each step is what the engine's slices say runs right after that instant.
          for (const s of steps) {
            const slice = sim.value.slices.find((x) => x.start <= s.time && s.time < x.end);
            expect(s.running ?? "idle", `${block.title} t=${s.time}`).toBe(slice?.task ?? "idle");
          }
        } else {
          expect(ex.steps.length).toBeGreaterThan(1);
          if (block.engine === "fork") {
            // The steps follow one real run: the lines printed by the end are an output the program can print.
            const model = analyzeForkProgram(block.scenario, { mode: "tty" });
            if (!model.ok) throw new Error("program");
            const last = /\((.*)\)$/.exec(ex.steps[ex.steps.length - 1]!.state[1]!);
            expect(model.value.outputs).toContainEqual(JSON.parse(`[${last?.[1] ?? ""}]`));
          }
          for (const s of ex.steps) {
            expect(s.heading.length).toBeGreaterThan(5);
            expect(s.rule.length).toBeGreaterThan(20);
          }
        }
      }
    });
  }
});

/** The final values of `count` over every interleaving, enumerated here schedule by schedule. */
function bruteForceFinals(threads: string[], shared: string[]): Set<number> {
  const system = { threads: threads.map((t) => ({ program: compilePseudoC(t, shared) })) };
  const lengths = system.threads.map((t) => t.program.instrs.length);
  const finals = new Set<number>();
  const walk = (left: number[], schedule: number[]) => {
    if (left.every((n) => n === 0)) {
      finals.add(runInterleaving(system, schedule).memory[shared[0]!]!);
      return;
    }
    left.forEach((n, t) => {
      if (n > 0)
        walk(
          left.map((m, i) => (i === t ? m - 1 : m)),
          [...schedule, t],
        );
    });
  };
  walk(lengths, []);
  return finals;
}

describe("every lesson's check question", () => {
  for (const lesson of lessons) {
    it(`${lesson.meta.slug}: has one, and its answer agrees with the engine's raw output`, () => {
      const checks = blocksOf(lesson, "check");
      expect(checks).toHaveLength(1);
      const block = checks[0]!;
      const r = buildCheck(block);
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      const { answer, explanation } = r.value;
      expect(explanation.length).toBeGreaterThan(40);
      const [what, arg = ""] = block.ask.split(":");
      let expected: number | string;
      if (block.engine === "sched") {
        const sim = simulateInput(JSON.parse(block.scenario));
        if (!sim.ok) throw new Error("scenario");
        const slices = sim.value.slices;
        if (what === "runs-at")
          expected = slices.find((s) => s.start <= Number(arg) && Number(arg) < s.end)?.task ?? "idle";
        else if (what === "switches") {
          // Count changes of the running task that cross a process boundary (tasks name their process).
          const proc = new Map(
            JSON.parse(block.scenario).tasks.map((t: { id: string; process?: string }) => [t.id, t.process ?? t.id]),
          );
          const runs = slices.filter((s) => s.task !== "idle" && s.task !== "cs");
          expected = runs.slice(1).filter((s, i) => proc.get(s.task) !== proc.get(runs[i]!.task)).length;
        } else {
          const mine = slices.filter((s) => s.task === arg);
          const spec = JSON.parse(block.scenario).tasks.find((t: { id: string }) => t.id === arg);
          const finish = Math.max(...mine.map((s) => s.end));
          const cpu = mine.reduce((n, s) => n + s.end - s.start, 0);
          expected =
            what === "waiting"
              ? finish - spec.arrival - cpu
              : what === "turnaround"
                ? finish - spec.arrival
                : Math.min(...mine.map((s) => s.start)) - spec.arrival;
        }
      } else if (block.engine === "fork") {
        const m = analyzeForkProgram(block.scenario, { mode: "tty" });
        if (!m.ok) throw new Error("program");
        expected = what === "lines" ? m.value.outputs[0]!.length : m.value.tree ? countTree(m.value.tree) : 0;
      } else if (block.engine === "eventloop") {
        const m = modelEventLoop(block.scenario);
        if (!m.ok) throw new Error("program");
        expected = m.value.outputs[0]![Number(arg) - 1]!;
      } else if (block.engine === "capacity") {
        const m = modelCapacity(JSON.parse(block.scenario));
        if (!m.ok) throw new Error("scenario");
        expected = Math.min(...m.value.servers[Number(arg) - 1]!.bounds.map((b) => b.maxRps));
      } else {
        const spec = JSON.parse(block.scenario) as { threads: string[]; shared: string[] };
        const finals = [...bruteForceFinals(spec.threads, [arg])];
        expect(spec.shared).toContain(arg);
        expected = what === "min" ? Math.min(...finals) : Math.max(...finals);
      }
      if (answer.kind === "choice") {
        expect(answer.correct).toBe(expected);
        expect(answer.options).toContain(expected);
        expect(answer.options.length).toBeGreaterThan(1);
      } else {
        expect(typeof expected).toBe("number");
        expect(checkAnswer(answer, String(expected))).toBe(true);
        // A reply one off is wrong: the tolerance does not swallow a real mistake.
        expect(checkAnswer(answer, String((expected as number) + Math.max(1, (expected as number) * 0.05)))).toBe(
          false,
        );
      }
    });
  }
});

function countTree(node: { children: unknown[] }): number {
  return 1 + (node.children as { children: unknown[] }[]).reduce((n, c) => n + countTree(c), 0);
}
