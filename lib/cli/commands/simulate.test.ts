// The simulate command: JSON and text output, and one-line errors for bad input.
import { describe, expect, test } from "vitest";
import { memoryIo } from "../io";
import { run } from "./simulate";

const doc = JSON.stringify({
  policy: { name: "rr", quantum: 2 },
  tasks: [
    { id: "A", bursts: [3] },
    { id: "B", bursts: [2] },
  ],
});

describe("timeslice simulate", () => {
  test("--json prints slices, tasks and switches", async () => {
    const io = memoryIo({ "w.json": doc });
    expect(await run(["w.json", "--json"], io)).toBe(0);
    const out = JSON.parse(io.stdout);
    expect(out.slices.map((s: { task: string; start: number; end: number }) => [s.task, s.start, s.end])).toEqual([
      ["A", 0, 2],
      ["B", 2, 4],
      ["A", 4, 5],
    ]);
    expect(out.tasks.map((t: { id: string; turnaround: number }) => [t.id, t.turnaround])).toEqual([
      ["A", 5],
      ["B", 4],
    ]);
    expect(out.switches.total).toBe(2);
  });
  test("text, the default of every command, prints a readable timeline echoing the inputs", async () => {
    for (const args of [["-", "--text"], ["-"]]) {
      const io = memoryIo({ "-": doc });
      expect(await run(args, io)).toBe(0);
      expect(io.stdout).toMatch(/^policy \{"name":"rr","quantum":2\}/);
      expect(io.stdout).toMatch(/B\s+finished/);
    }
  });
  test("a JSON syntax error names the file, line and column", async () => {
    // A missing comma: V8 reports the offset of the third line's first quote.
    const io = memoryIo({ "w.json": '{\n  "policy": "rr"\n  "tasks": []\n}' });
    expect(await run(["w.json"], io)).toBe(1);
    expect(io.stderr).toBe("timeslice: w.json:3:3: not valid JSON: Expected ',' or '}' after property value\n");
  });
  test.each([
    [["w.json"], { "w.json": "{not json" }, /not valid JSON/],
    [
      ["w.json"],
      { "w.json": JSON.stringify({ policy: "rr", tasks: [{ id: "A", bursts: [-1] }] }) },
      /^timeslice: w\.json: tasks\[0\]\.bursts\[0\]/,
    ],
    [["missing.json"], {}, /cannot read 'missing\.json'/],
    [["w.json", "--bogus"], { "w.json": doc }, /unknown option/],
    [[], {}, /needs a workload JSON file/],
  ])("bad input %j prints one error line", async (args, files, message) => {
    const io = memoryIo(files);
    expect(await run(args, io)).not.toBe(0);
    expect(io.stderr).toMatch(message);
    expect(io.stderr).toMatch(/^timeslice: /);
    expect(io.stderr.trim().split("\n")).toHaveLength(1);
    expect(io.stdout).toBe("");
  });
  test("--cpus 2 runs the two jobs side by side and prints each slice's CPU and the utilisation", async () => {
    // RR q=2 on two CPUs: A → CPU 0, B → CPU 1 at 0 (both idle); each keeps its CPU (nothing else waits).
    const io = memoryIo({ "w.json": doc });
    expect(await run(["w.json", "--json", "--cpus", "2"], io)).toBe(0);
    const out = JSON.parse(io.stdout);
    expect(
      out.slices.map((s: { cpu: number; task: string; start: number; end: number }) => [s.cpu, s.task, s.start, s.end]),
    ).toEqual([
      [0, "A", 0, 3],
      [1, "B", 0, 2],
    ]);
    expect(out.smp.perCpu.map((c: { utilisation: number }) => c.utilisation)).toEqual([1, 2 / 3]);
    const text = memoryIo({ "w.json": doc });
    expect(await run(["w.json", "--cpus", "2"], text)).toBe(0);
    expect(text.stdout).toMatch(/cpu1\s+B\s+finished/);
    expect(text.stdout).toMatch(/CPUs: 2 \(per-CPU queues\)/);
  });
  test.each([
    [["w.json", "--cpus", "0"], /^timeslice: w\.json: cpus: must be ≥ 1/],
    [["w.json", "--cpus"], /--cpus needs a number/],
  ])("bad --cpus %j prints one error line", async (args, message) => {
    const io = memoryIo({ "w.json": doc });
    expect(await run(args, io)).not.toBe(0);
    expect(io.stderr).toMatch(message);
    expect(io.stderr.trim().split("\n")).toHaveLength(1);
  });
});
