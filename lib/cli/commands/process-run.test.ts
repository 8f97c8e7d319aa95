import { describe, expect, test } from "vitest";
import { memoryIo } from "../io";
import { run } from "./process-run";

const WORKLOAD = JSON.stringify({
  processes: [
    { id: "A", program: [{ io: 5 }] },
    { id: "B", program: [{ cpu: 4 }] },
  ],
});

describe("timeslice process-run", () => {
  test("--json prints the model (OSTEP -l 1:0,4:100: 7 ticks)", async () => {
    const io = memoryIo({ "w.json": WORKLOAD });
    expect(await run(["w.json", "--json"], io)).toBe(0);
    const result = JSON.parse(io.stdout) as { totalTicks: number; cpuBusyTicks: number; ticks: { states: string[] }[] };
    expect(result.totalTicks).toBe(7);
    expect(result.cpuBusyTicks).toBe(6);
    expect(result.ticks[0]!.states).toEqual(["RUN:io", "READY"]);
  });

  test("text, the default, prints the OSTEP-style table and stats, reading standard input", async () => {
    const io = memoryIo({ "-": WORKLOAD });
    expect(await run(["-"], io)).toBe(0);
    const lines = io.stdout.split("\n");
    expect(lines[0]).toBe("Time" + "A".padStart(14) + "B".padStart(14) + "CPU".padStart(14) + "IOs".padStart(14));
    expect(lines[7]).toBe(
      "  7*" + "RUN:io_done".padStart(14) + "DONE".padStart(14) + "1".padStart(14) + " ".repeat(10),
    );
    expect(io.stdout).toContain("Stats: CPU Busy 6 (85.71%)\n");
  });

  test.each([
    ["no file", [], {}],
    ["an unknown option", ["w.json", "--yaml"], { "w.json": WORKLOAD }],
    ["two files", ["a", "b"], {}],
    ["bad JSON", ["w.json"], { "w.json": "{processes:" }],
    ["a missing file", ["nope.json"], {}],
    ["an invalid workload", ["w.json"], { "w.json": JSON.stringify({ processes: [{ program: [{ cpu: -2 }] }] }) }],
  ])("rejects %s with one timeslice: line and a non-zero status", async (_name, args, files) => {
    const io = memoryIo(files as Record<string, string>);
    expect(await run(args as string[], io)).not.toBe(0);
    expect(io.stdout).toBe("");
    expect(io.stderr).toMatch(/^timeslice: [^\n]+\n$/);
  });

  test("accepts the scheduler engine's policies (STCF: the returning process preempts the longer burst)", async () => {
    const workload = {
      processes: [
        { id: "A", program: [{ cpu: 5 }] },
        { id: "B", program: [{ io: 2 }, { cpu: 1 }] },
      ],
      policy: "stcf",
    };
    const io = memoryIo({ "w.json": JSON.stringify(workload) });
    expect(await run(["w.json", "--text"], io)).toBe(0);
    // Tick 4: B's I/O completed (*) and its 2-tick burst beats A's remaining 3.
    expect(io.stdout.split("\n")[4]).toBe(
      "  4*" + "READY".padStart(14) + "RUN:io_done".padStart(14) + "1".padStart(14) + " ".repeat(10),
    );
  });

  test("--help lists the policies", async () => {
    const io = memoryIo({});
    expect(await run(["--help"], io)).toBe(0);
    for (const name of [
      "ostep",
      "fifo",
      "rr",
      "sjf",
      "stcf",
      "priority",
      "mlfq",
      "lottery",
      "stride",
      "cfs",
      "eevdf",
    ]) {
      expect(io.stdout).toContain(`"${name}"`);
    }
  });

  test("a bad scheduler option names the field at fault", async () => {
    const io = memoryIo({
      "w.json": JSON.stringify({ processes: [{ program: [{ cpu: 1 }] }], policy: { name: "mlfq", quanta: [0] } }),
    });
    expect(await run(["w.json"], io)).toBe(1);
    expect(io.stderr).toMatch(/^timeslice: w\.json: policy\.quanta\[0\]: /);
  });

  test("an invalid workload names the field at fault", async () => {
    const io = memoryIo({ "w.json": JSON.stringify({ processes: [{ program: [{ cpu: -2 }] }] }) });
    await run(["w.json"], io);
    expect(io.stderr).toContain("processes[0].program[0].cpu");
  });
});
