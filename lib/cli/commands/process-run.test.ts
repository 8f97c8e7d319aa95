import { describe, expect, test } from "vitest";
import { memoryIo } from "../io";
import { run } from "./process-run";

const WORKLOAD = JSON.stringify({ processes: [{ id: "A", program: [{ io: 5 }] }, { id: "B", program: [{ cpu: 4 }] }] });

describe("timeslice process-run", () => {
  test("prints the model as JSON by default (OSTEP -l 1:0,4:100: 7 ticks)", async () => {
    const io = memoryIo({ "w.json": WORKLOAD });
    expect(await run(["w.json"], io)).toBe(0);
    const result = JSON.parse(io.stdout) as { totalTicks: number; cpuBusyTicks: number; ticks: { states: string[] }[] };
    expect(result.totalTicks).toBe(7);
    expect(result.cpuBusyTicks).toBe(6);
    expect(result.ticks[0]!.states).toEqual(["RUN:io", "READY"]);
  });

  test("--text prints the OSTEP-style table and stats, reading standard input", async () => {
    const io = memoryIo({ "-": WORKLOAD });
    expect(await run(["-", "--text"], io)).toBe(0);
    const lines = io.stdout.split("\n");
    expect(lines[0]).toBe("Time" + "A".padStart(14) + "B".padStart(14) + "CPU".padStart(14) + "IOs".padStart(14));
    expect(lines[7]).toBe("  7*" + "RUN:io_done".padStart(14) + "DONE".padStart(14) + "1".padStart(14) + " ".repeat(10));
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

  test("an invalid workload names the field at fault", async () => {
    const io = memoryIo({ "w.json": JSON.stringify({ processes: [{ program: [{ cpu: -2 }] }] }) });
    await run(["w.json"], io);
    expect(io.stderr).toContain("processes[0].program[0].cpu");
  });
});
