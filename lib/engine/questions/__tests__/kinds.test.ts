// Process, event-loop, capacity, switch-cost and concept questions on cases whose answers are known
// independently (textbook rules, hand arithmetic, real Node.js behaviour).
import { describe, expect, test } from "vitest";
import { gradeAnswer } from "../grade";
import { referenceAnswer } from "../variant";
import type { Variant } from "../types";
import { answer, template, valid, variant } from "./helpers";

/** Item ids for the given line texts (first unused id per repeated label). */
function idsFor(v: Variant, lines: string[]): string[] {
  const part = v.view.parts.find((p) => p.kind === "order")!;
  if (part.kind !== "order") throw new Error("no order part");
  const used = new Set<string>();
  return lines.map((l) => {
    const item = part.items.find((i) => i.label === l && !used.has(i.id))!;
    used.add(item.id);
    return item.id;
  });
}

describe("process: fork and wait", () => {
  const src =
    '#include <stdio.h>\n#include <sys/wait.h>\n#include <unistd.h>\nint main(void) {\n  printf("a\\n");\n  if (fork() == 0) {\n    printf("b\\n");\n  } else {\n    printf("c\\n");\n    wait(NULL);\n    printf("d\\n");\n  }\n  return 0;\n}\n';
  const t = template("process", { program: src, output: "tty", ask: ["processes", "lines", "order"] });
  const v = variant(t);
  test("two processes, four lines", () => {
    expect(v.key.expected).toMatchObject({ processes: 2, lines: 4 });
  });
  test("both orders the OS can produce are accepted: a b c d and a c b d", () => {
    for (const order of [
      ["a", "b", "c", "d"],
      ["a", "c", "b", "d"],
    ]) {
      const r = gradeAnswer(valid(t), v, answer({ processes: 2, lines: 4, order: idsFor(v, order) }));
      expect(r.score).toBe(1);
    }
  });
  test("d before b is impossible, and the message names wait()", () => {
    const r = gradeAnswer(valid(t), v, answer({ processes: 2, lines: 4, order: idsFor(v, ["a", "c", "d", "b"]) }));
    const p = r.parts.find((x) => x.id === "order")!;
    expect(p.score).toBe(0);
    expect(p.message).toContain("wait()");
    expect(r.score).toBeCloseTo(2 / 3, 12);
  });
  test("the displayed items are not in a valid order and their ids do not follow the output", () => {
    const part = v.view.parts.find((p) => p.kind === "order")!;
    if (part.kind !== "order") throw new Error("no order part");
    const shown = part.items.map((i) => i.label).join("");
    expect(["abcd", "acbd"]).not.toContain(shown);
  });
});

describe("process: stdio buffers and crashes", () => {
  test("_exit discards the child's buffered line; fflush'd and parent lines appear", () => {
    const src =
      '#include <stdio.h>\n#include <unistd.h>\nint main(void) {\n  printf("kept\\n");\n  fflush(stdout);\n  if (fork() == 0) {\n    printf("child\\n");\n    _exit(0);\n  }\n  printf("parent\\n");\n  return 0;\n}\n';
    const t = template("process", { program: src, output: "pipe", ask: ["appears"] });
    const v = variant(t);
    const part = v.view.parts[0]!;
    if (part.kind !== "choice") throw new Error("expected a choice part");
    const label = (id: string) => part.options.find((o) => o.id === id)!.label;
    expect((v.key.expected["appears"] as string[]).map(label).sort()).toEqual(["kept", "parent"]);
    expect(part.options.map((o) => o.label).sort()).toEqual(["child", "kept", "parent"]);
  });
  test("a segfaulting thread takes its process down, not the other process", () => {
    const t = template("process", {
      scenario: {
        processes: [
          {
            name: "web",
            threads: [
              { name: "main", steps: [{ print: "serving" }, { join: "worker" }, { print: "done" }] },
              { name: "worker", steps: [{ fault: "SIGSEGV" }] },
            ],
          },
          { name: "db", threads: [{ name: "main", steps: [{ print: "ready" }] }] },
        ],
      },
      ask: ["always", "never"],
    });
    const v = variant(t);
    const part = v.view.parts[0]!;
    if (part.kind !== "choice") throw new Error("expected a choice part");
    const label = (id: string) => part.options.find((o) => o.id === id)!.label;
    expect((v.key.expected["always"] as string[]).map(label)).toEqual(["db/main: ready"]);
    expect((v.key.expected["never"] as string[]).map(label)).toEqual(["web/main: done"]);
    expect(gradeAnswer(valid(t), v, referenceAnswer(v)).score).toBe(1);
  });
});

describe("eventloop", () => {
  test("setTimeout 0 vs setImmediate from the main module: either order is accepted", () => {
    const t = template("eventloop", {
      program: "setTimeout(() => console.log('timeout'), 0);\nsetImmediate(() => console.log('immediate'));\n",
    });
    const v = variant(t);
    for (const order of [
      ["timeout", "immediate"],
      ["immediate", "timeout"],
    ]) {
      expect(gradeAnswer(valid(t), v, answer({ order: idsFor(v, order) })).score).toBe(1);
    }
    expect(v.view.conventions.join(" ")).toContain("any order");
  });
  test("a program whose lines may come in every order is flagged as degenerate by the self-test", async () => {
    const { selfTestTemplate } = await import("../selftest");
    const t = template("eventloop", {
      program: "setTimeout(() => console.log('timeout'), 0);\nsetImmediate(() => console.log('immediate'));\n",
    });
    const r = selfTestTemplate(t, { variants: 2 });
    expect(r.ok).toBe(false);
    expect(r.failures.map((f) => f.problem).join(" ")).toContain("any order");
  });
  test("the classic puzzle has one order; a wrong one is explained at its first wrong line", () => {
    const src =
      "console.log('script start');\nsetTimeout(function () { console.log('setTimeout'); }, 0);\nPromise.resolve().then(function () { console.log('promise1'); }).then(function () { console.log('promise2'); });\nconsole.log('script end');\n";
    const t = template("eventloop", { program: src });
    const v = variant(t);
    const right = ["script start", "script end", "promise1", "promise2", "setTimeout"];
    expect(gradeAnswer(valid(t), v, answer({ order: idsFor(v, right) })).score).toBe(1);
    const r = gradeAnswer(
      valid(t),
      v,
      answer({ order: idsFor(v, ["script start", "script end", "setTimeout", "promise1", "promise2"]) }),
    );
    expect(r.score).toBe(0);
    expect(r.parts[0]!.message).toContain("Line 3");
    expect(r.parts[0]!.message).toContain("setTimeout");
  });
});

describe("capacity", () => {
  // Pool of 200 threads, each request holds a thread for 1 + 100 ms → at most 200 / 0.101 s ≈ 1980 req/s.
  // One event-loop thread at 1 ms CPU per request → at most 1000 req/s: it saturates first.
  const t = template(
    "capacity",
    {
      workload: { arrivalRate: 500, cpuMs: 1, ioMs: 100 },
      machine: { cores: 8, ramMiB: 4096 },
      servers: [
        { kind: "thread-per-request", name: "pool", poolSize: 200 },
        { kind: "event-loop", name: "node" },
      ],
      ask: ["saturatesFirst", { what: "saturationRps", server: 0 }, { what: "saturationRps", server: 1 }],
    },
    { relativeTolerance: 0.02 },
  );
  const v = variant(t);
  test("the event loop saturates first; hand-computed rates are accepted within 2%", () => {
    const r = gradeAnswer(
      valid(t),
      v,
      answer({ "saturates-first": "s2", "saturation-s1": 1980, "saturation-s2": 1000 }),
    );
    expect(r.score).toBe(1);
  });
  test("picking the pool, or a rate off by half, loses those parts", () => {
    const r = gradeAnswer(
      valid(t),
      v,
      answer({ "saturates-first": "s1", "saturation-s1": 990, "saturation-s2": 1000 }),
    );
    expect(r.parts.map((p) => p.score)).toEqual([0, 0, 1]);
  });
});

describe("switch-cost", () => {
  // Threads A, B of process P and C of process Q under RR q=2, bursts 2/2/2 → A B C, two switches:
  // A→B (thread, 3.5 µs) and B→C (process, 4.3 µs) = 7.8 µs.
  const t = template("switch-cost", {
    policy: { name: "rr", quantum: 2 },
    tasks: [
      { id: "A", arrival: 0, bursts: [2], process: "P" },
      { id: "B", arrival: 0, bursts: [2], process: "P" },
      { id: "C", arrival: 0, bursts: [2], process: "Q" },
    ],
    ask: [
      "threadSwitches",
      "processSwitches",
      "totalOverheadUs",
      { what: "switchesWithQuantum", quantum: 1 },
      { what: "overheadWithWorkingSetUs", workingSetKb: 1024, refillNsPerKb: 100 },
    ],
  });
  test("hand-computed counts and overheads", () => {
    const v = variant(t);
    expect(v.key.expected["threadSwitches"]).toBe(1);
    expect(v.key.expected["processSwitches"]).toBe(1);
    expect(v.key.expected["totalOverheadUs"]).toBeCloseTo(7.8, 9);
    // q = 1: A B C A B C → 5 switches.
    expect(v.key.expected["switchesWithQuantum"]).toBe(5);
    // Each of the 2 switches also refills 1024 KiB at 100 ns/KiB = 102.4 µs.
    expect(v.key.expected["overheadWithWorkingSetUs"]).toBeCloseTo(7.8 + 2 * 102.4, 9);
    expect(
      gradeAnswer(
        valid(t),
        v,
        answer({
          threadSwitches: 1,
          processSwitches: 1,
          totalOverheadUs: "7.8 µs",
          switchesWithQuantum: 5,
          overheadWithWorkingSetUs: 212.6,
        }),
      ).score,
    ).toBe(1);
  });
});

describe("concept", () => {
  const t = template("concept", {
    parts: [
      {
        kind: "choice",
        id: "fair",
        label: "Default fair scheduler since 6.6?",
        options: [{ label: "EEVDF", correct: true }, { label: "CFS" }, { label: "O(1)" }, { label: "BFS" }],
      },
      {
        kind: "choice",
        id: "many",
        label: "Which share an address space?",
        multiple: true,
        options: [
          { label: "threads of one process", correct: true },
          { label: "goroutines of one program", correct: true },
          { label: "two processes after fork" },
        ],
      },
      { kind: "number", id: "n", label: "Weight of nice {{nice}}?", answer: "{{w}}", unit: "count" },
    ],
    params: { nice: 0, w: 1024 },
  });
  test("shuffled options keep the right answer attached to its label", () => {
    const labels = new Set<string>();
    for (let seed = 0; seed < 20; seed++) {
      const v = variant(t, seed);
      const part = v.view.parts[0]!;
      if (part.kind !== "choice") throw new Error("expected choice");
      expect(part.options.find((o) => o.id === v.key.expected["fair"])!.label).toBe("EEVDF");
      labels.add(part.options[0]!.label);
    }
    expect(labels.size).toBeGreaterThan(1);
  });
  test("multiple choice: each wrong pick cancels a right one", () => {
    const v = variant(t, 0);
    const part = v.view.parts[1]!;
    if (part.kind !== "choice") throw new Error("expected choice");
    const id = (label: string) => part.options.find((o) => o.label.startsWith(label))!.id;
    const grade = (picks: string[]) =>
      gradeAnswer(valid(t), v, answer({ fair: v.key.expected["fair"]!, many: picks, n: 1024 })).parts[1]!.score;
    expect(grade([id("threads"), id("goroutines")])).toBe(1);
    expect(grade([id("threads")])).toBe(0.5);
    expect(grade([id("threads"), id("two")])).toBe(0);
    expect(grade([id("threads"), id("goroutines"), id("two")])).toBe(0.5);
  });
  test("placeholders fill labels and numeric answers", () => {
    const v = variant(t, 0);
    expect(v.view.parts[2]!.label).toBe("Weight of nice 0?");
    expect(v.key.expected["n"]).toBe(1024);
  });
});
