// Issue #21 on fixed workloads worked by hand: the feedback names the misconception, the instant where
// it parts from the truth and the values compared there; a partial match says "follows … up to";
// an answer no entry explains keeps today's first-divergence feedback; time metrics name the confusion.
import { describe, expect, test } from "vitest";
import { gradeAnswer } from "../grade";
import { selfTestTemplate } from "../selftest";
import { answer, slots, template, valid, variant } from "./helpers";
import { simulate } from "../../sched/index";
import type { Workload } from "../../sched/index";
import { slotsFromSim } from "../timeline";

// STCF: B runs 0–3; at t=3 C arrives with 2 ms against B's 4 ms left and preempts: C 3–5, B 5–9.
// Non-preemptive SJF keeps B to t=7, then C 7–9.
const stcf = template("schedule", {
  policy: "stcf",
  tasks: [
    { id: "B", arrival: 0, bursts: [7] },
    { id: "C", arrival: 3, bursts: [2] },
  ],
});

function timelineGrade(a: string) {
  const t = valid(stcf);
  const v = variant(stcf);
  expect(v.key.expected["timeline"]).toEqual(slots("BBBCCBBBB"));
  return gradeAnswer(t, v, answer({ timeline: slots(a) })).parts.find((p) => p.id === "timeline")!;
}

describe("timeline misconceptions", () => {
  test("a non-preemptive SJF schedule is named, with the instant STCF preempts and the remaining times there", () => {
    const part = timelineGrade("BBBBBBBCC");
    const m = part.misconceptions?.[0];
    expect(m?.id).toBe("sjf-for-stcf");
    expect(m?.full).toBe(true);
    expect(m?.divergesAt).toEqual({ slot: 3, time: 3, expected: "C", misconceived: "B" });
    expect(m?.explanation).toContain("Your schedule is exactly non-preemptive SJF.");
    expect(m?.explanation).toContain("At t=3 ms C runs (2 ms left); your timeline keeps B (4 ms left).");
    expect(m?.source).toMatch(/OSTEP ch\. 7/);
    // SJF-for-STCF is also a convention with partial credit; its message stays, the match is added.
    expect(part.message).toContain("another convention (SJF instead of STCF)");
    expect(part.score).toBeGreaterThan(0);
  });

  test("an answer that follows SJF only up to the parting instant is named as following it up to there", () => {
    const part = timelineGrade("BBBBCBBBB");
    const m = part.misconceptions?.find((x) => x.id === "sjf-for-stcf");
    expect(m?.full).toBe(false);
    expect(m?.explanation).toContain("Your schedule follows non-preemptive SJF up to t=3 ms");
  });

  test("a wrong answer no entry explains keeps the plain first-difference feedback", () => {
    const part = timelineGrade("BBBCCCBBB");
    expect(part.misconceptions).toBeUndefined();
    expect(part.message).toMatch(/^\d+% of the slots are right\. It first differs at t=5 ms\.$/);
  });

  test("arrival times ignored: the job run before it arrives is named", () => {
    // Every job at t=0 under STCF: C (2 ms) first, then B.
    const part = timelineGrade("CCBBBBBBB");
    const m = part.misconceptions?.find((x) => x.id === "arrivals-ignored");
    expect(m?.full).toBe(true);
    expect(m?.explanation).toContain("C only arrives at t=3 ms, so it cannot run yet");
  });

  test("round robin with the quantum one too long names the quantum and when the turn ended", () => {
    const rr = template("schedule", {
      policy: { name: "rr", quantum: 2 },
      tasks: [
        { id: "A", arrival: 0, bursts: [4] },
        { id: "B", arrival: 0, bursts: [3] },
      ],
    });
    const v = variant(rr);
    expect(v.key.expected["timeline"]).toEqual(slots("AABBAAB"));
    const part = gradeAnswer(valid(rr), v, answer({ timeline: slots("AAABBBA") })).parts[0]!;
    const m = part.misconceptions?.[0];
    expect(m?.id).toBe("rr-quantum-plus-one");
    expect(m?.explanation).toContain("Your schedule is exactly round robin with a 3 ms quantum.");
    expect(m?.explanation).toContain("A's turn began at t=0 ms, so its quantum expires at t=2 ms");
    expect(part.message).toContain("Your schedule is exactly round robin with a 3 ms quantum.");
  });

  test("round robin with the quantum restarted by an arrival names when the turn really ends", () => {
    const rr = template("schedule", {
      policy: { name: "rr", quantum: 2 },
      tasks: [
        { id: "A", arrival: 0, bursts: [6] },
        { id: "B", arrival: 1, bursts: [3] },
      ],
    });
    const v = variant(rr);
    expect(v.key.expected["timeline"]).toEqual(slots("AABBAABAA"));
    // B's arrival at t=1 restarts A's quantum, so A keeps the CPU until t=3.
    const part = gradeAnswer(valid(rr), v, answer({ timeline: slots("AAABBAABA") })).parts[0]!;
    const m = part.misconceptions?.[0];
    expect(m?.id).toBe("rr-quantum-restarts-on-arrival");
    expect(m?.full).toBe(true);
    expect(m?.explanation).toContain("A's turn began at t=0 ms");
    expect(m?.explanation).toContain("restarts the running job's quantum");
  });

  test("I/O ignored: the job that should be blocked is named with when it wakes", () => {
    const io = template("schedule", {
      policy: "fifo",
      tasks: [
        { id: "A", arrival: 0, bursts: [2, 3, 1] },
        { id: "B", arrival: 0, bursts: [2] },
      ],
    });
    const v = variant(io);
    expect(v.key.expected["timeline"]).toEqual(slots("AABB-A"));
    const part = gradeAnswer(valid(io), v, answer({ timeline: slots("AAAAAA") })).parts[0]!;
    const m = part.misconceptions?.find((x) => x.id === "io-ignored");
    expect(m?.explanation).toContain("A is blocked in I/O until t=5 ms");
  });

  test("the reference answer names nothing", () => {
    expect(timelineGrade("BBBCCBBBB").misconceptions).toBeUndefined();
  });
});

describe("time-metric misconceptions", () => {
  // FIFO: A 0–4, B 4–7. B: arrival 1, completion 7, turnaround 6, waiting 3, response 3.
  const fifo = template("metrics", {
    policy: "fifo",
    tasks: [
      { id: "A", arrival: 0, bursts: [4] },
      { id: "B", arrival: 1, bursts: [3] },
    ],
    ask: [
      { metric: "turnaround", task: "B" },
      { metric: "waiting", task: "B" },
      { metric: "turnaround", task: "average" },
    ],
  });
  const grade = (parts: Record<string, number>) =>
    gradeAnswer(
      valid(fifo),
      variant(fifo),
      answer({ "turnaround-B": 6, "waiting-B": 3, "turnaround-average": 5, ...parts }),
    ).parts;

  test("the turnaround given for the waiting time is named, with the definition in the task's numbers", () => {
    const p = grade({ "waiting-B": 6 }).find((x) => x.id === "waiting-B")!;
    expect(p.misconceptions?.map((m) => m.id)).toEqual(["turnaround-for-waiting"]);
    expect(p.misconceptions?.[0]?.explanation).toBe(
      "6 ms is B's turnaround time, not its waiting time. Waiting time counts only the time B is ready but not running, from its arrival at t=1 ms: 3 ms.",
    );
  });

  test("a turnaround measured from t=0 is named; a value equal to two confusions names both", () => {
    const parts = grade({ "turnaround-B": 7 });
    expect(parts.find((x) => x.id === "turnaround-B")!.misconceptions?.map((m) => m.id)).toEqual([
      "turnaround-from-zero",
    ]);
    const both = grade({ "turnaround-B": 3 }).find((x) => x.id === "turnaround-B")!;
    expect(both.misconceptions?.map((m) => m.id)).toEqual(["waiting-for-turnaround", "response-for-turnaround"]);
    expect(both.message).toContain("A known mistake: waiting time given for turnaround time.");
  });

  test("averages: the average waiting time given for the average turnaround", () => {
    // Turnarounds 4 and 6 (average 5); waits 0 and 3 (average 1.5).
    const p = grade({ "turnaround-average": 1.5 }).find((x) => x.id === "turnaround-average")!;
    expect(p.misconceptions?.map((m) => m.id)).toContain("waiting-for-turnaround");
    expect(p.misconceptions?.[0]?.explanation).toContain("the mean over the jobs of completion − arrival: 5 ms");
  });

  test("right values and unexplained wrong values name nothing", () => {
    expect(grade({}).flatMap((p) => p.misconceptions ?? [])).toEqual([]);
    expect(grade({ "waiting-B": 42 }).flatMap((p) => p.misconceptions ?? [])).toEqual([]);
  });
});

describe("Linux timeline misconceptions", () => {
  // R (SCHED_FIFO) and N (normal) are both ready at t=0. Throttling lets R use 950 ms of each 1000 ms
  // period, so N runs 950–1000; without throttling R keeps the CPU until it finishes at 1200.
  const throttled = template("schedule", {
    policy: { name: "eevdf", hz: 250 },
    tasks: [
      { id: "R", arrival: 0, bursts: [1200], class: "fifo", priority: 10 },
      { id: "N", arrival: 0, bursts: [100] },
    ],
    slotMs: 50,
  });

  test("a timeline without RT throttling is named, with the instant the throttle gives the CPU away", () => {
    const v = variant(throttled);
    const truth = v.key.expected["timeline"] as string[];
    expect(truth.slice(0, 20)).toEqual([...Array(19).fill("R"), "N"]);
    const got = [...Array(24).fill("R"), "N", "N"];
    const part = gradeAnswer(valid(throttled), v, answer({ timeline: got })).parts.find((p) => p.id === "timeline")!;
    const m = part.misconceptions?.find((x) => x.id === "rt-throttling-ignored");
    expect(m?.full).toBe(true);
    expect(m?.divergesAt).toEqual({ slot: 19, time: 950, expected: "N", misconceived: "R" });
    expect(m?.explanation).toContain("at most 950 ms of every 1000 ms");
  });

  // EEVDF at HZ=100 with a 3 ms base slice: the running task is only checked every 10 ms tick, so two
  // equal CPU-bound tasks alternate every 10 ms. Checked at every instant (HZ at the engine's 10 kHz
  // ceiling), the first runs half a slice (its initial deadline) and then they alternate every 3 ms.
  const ticks = template("schedule", {
    policy: { name: "eevdf", hz: 100, baseSliceMs: 3 },
    tasks: [
      { id: "A", arrival: 0, bursts: [30] },
      { id: "B", arrival: 0, bursts: [30] },
    ],
    slotMs: 0.5,
  });

  test("switching at slice expiry instead of at the next tick is named", () => {
    const v = variant(ticks);
    const truth = v.key.expected["timeline"] as string[];
    expect(truth.slice(0, 20)).toEqual(Array(20).fill("A"));
    const data = v.key.data as unknown as { workload: Workload };
    const sim = simulate({
      ...data.workload,
      policy: { ...(data.workload.policy as Extract<Workload["policy"], { name: "eevdf" }>), hz: 10_000 },
    });
    const painted = slotsFromSim(sim, 0.5, 1000);
    if (!painted.ok) throw new Error("the continuous-check run is not on the 0.5 ms grid");
    const got = painted.slots.slice(0, truth.length);
    expect(got.slice(0, 6)).toEqual(["A", "A", "A", "B", "B", "B"]);
    const part = gradeAnswer(valid(ticks), v, answer({ timeline: got })).parts.find((p) => p.id === "timeline")!;
    const m = part.misconceptions?.find((x) => x.id === "preempt-at-slice-expiry");
    expect(m?.full).toBe(true);
    expect(m?.divergesAt?.time).toBe(1.5);
    expect(m?.explanation).toContain("HZ=100: every 10 ms");
  });
});

describe("the self-test reports which misconceptions a template's variants tell apart", () => {
  test("a fixed STCF workload where SJF differs: every variant tells SJF-for-STCF apart", () => {
    // Off unless asked for (a server-side self-test under a work budget does not pay for it).
    expect(selfTestTemplate(stcf, { variants: 2 }).discriminates).toEqual({});
    const r = selfTestTemplate(stcf, { variants: 5, reportMisconceptions: true });
    expect(r.ok).toBe(true);
    expect(r.discriminates["sjf-for-stcf"]).toBe(5);
    // Entries for other policies never apply here.
    expect(r.discriminates["stcf-for-sjf"]).toBeUndefined();
    expect(r.discriminates["rr-quantum-plus-one"]).toBeUndefined();
  });

  test("a Node.js program with a nextTick and a promise queued by the main script tells the ES-module order apart", () => {
    const t = template("eventloop", {
      program: [
        "process.nextTick(() => console.log('tick'));",
        "Promise.resolve().then(() => console.log('promise'));",
        "console.log('sync');",
      ].join("\n"),
    });
    const r = selfTestTemplate(t, { variants: 3, reportMisconceptions: true });
    expect(r.discriminates["promises-before-nexttick"]).toBe(3);
    expect(r.discriminates["immediate-after-timeout"]).toBeUndefined();
  });
});

describe("fork misconceptions on a program worked by hand", () => {
  // The child execs echo; on a terminal the truth is A, then B (echo) and D in either order, then E
  // after the wait. If exec returned, the child would also print C and then run on to print its own D
  // and E: 7 lines instead of 4.
  const program = [
    "#include <stdio.h>",
    "#include <unistd.h>",
    "#include <sys/wait.h>",
    "int main(void) {",
    '  printf("A\\n");',
    "  if (fork() == 0) {",
    '    execlp("echo", "echo", "B", NULL);',
    '    printf("C\\n");',
    "  }",
    '  printf("D\\n");',
    "  wait(NULL);",
    '  printf("E\\n");',
    "  return 0;",
    "}",
  ].join("\n");
  const t = template("process", { program, output: "tty", ask: ["lines", "outputs"] });

  function outputsPart(v: ReturnType<typeof variant>) {
    const p = v.view.parts.find((x) => x.id === "outputs");
    if (!p || p.kind !== "choice") throw new Error("no outputs part");
    return p;
  }
  const ids = (v: ReturnType<typeof variant>, labels: string[]) =>
    outputsPart(v)
      .options.filter((o) => labels.includes(o.label))
      .map((o) => o.id);

  test("the offered outputs: both orders of B and D are possible, the exec-returned one is not", () => {
    const v = variant(t);
    const labels = outputsPart(v).options.map((o) => o.label);
    expect(labels).toEqual(expect.arrayContaining(["A / D / B / E", "A / B / D / E"]));
    expect(labels.some((l) => l.includes("C"))).toBe(true);
    expect([...(v.key.expected["outputs"] as string[])].sort()).toEqual(
      ids(v, ["A / D / B / E", "A / B / D / E"]).sort(),
    );
  });

  test("exec assumed to return: the line count with the lines after exec is named, with the execve rule", () => {
    const v = variant(t);
    const part = gradeAnswer(valid(t), v, answer({ lines: 7, outputs: v.key.expected["outputs"]! })).parts.find(
      (p) => p.id === "lines",
    )!;
    expect(v.key.expected["lines"]).toBe(4);
    expect(part.misconceptions?.map((m) => m.id)).toEqual(["fork-exec-returns"]);
    expect(part.misconceptions?.[0]?.explanation).toContain("here echo B (line 7)");
    expect(part.misconceptions?.[0]?.explanation).toContain("gives 7 lines; the program prints 4 lines");
    expect(part.misconceptions?.[0]?.source).toMatch(/On success, execve\(\) does not return/);
  });

  test("the parent assumed to run first: choosing only the parent-first output is named, with the child-first one", () => {
    const v = variant(t);
    const part = gradeAnswer(valid(t), v, answer({ lines: 4, outputs: ids(v, ["A / D / B / E"]) })).parts.find(
      (p) => p.id === "outputs",
    )!;
    expect(part.score).toBeLessThan(1);
    const m = part.misconceptions?.find((x) => x.id === "fork-parent-first");
    expect(m?.explanation).toContain('The order where the parent always goes first is "A", "D", "B", "E"');
    expect(m?.explanation).toContain('the program can also print "A", "B", "D", "E"');
  });

  test("the reference answer names nothing", () => {
    const v = variant(t);
    const r = gradeAnswer(valid(t), v, answer({ lines: 4, outputs: v.key.expected["outputs"]! }));
    expect(r.correct).toBe(true);
    expect(r.parts.flatMap((p) => p.misconceptions ?? [])).toEqual([]);
  });
});
