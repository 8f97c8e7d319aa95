// Behaviour the golden files cannot show: hostile sizes must fail fast instead of hanging.
import { describe, expect, test } from "vitest";
import { runOstepProcessRun } from "./process-run";

describe("runOstepProcessRun beyond the golden set", () => {
  test.each([
    ["a billion instructions", ["-l", "1000000000:50", "-c"]],
    ["a huge -P count", ["-P", "c99999999999999999999", "-c"]],
    ["an enormous I/O length", ["-l", "3:0", "-L", "100000000000", "-c"]],
  ])("refuses %s up front with exit status 1", (_name, args) => {
    const run = runOstepProcessRun(args);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain("too large");
    // Refused before simulating: not one line of the trace was produced.
    expect(run.stdout).toBe("");
  });

  test("a long I/O without -c is only listed, so it is not refused", () => {
    const run = runOstepProcessRun(["-P", "i", "-L", "100000000000"]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain("  io\n  io_done\n");
  });

  test("hand-checked: -l 1:0,4:100 -c -p finishes at tick 7 with the CPU busy 6 ticks", () => {
    const run = runOstepProcessRun(["-l", "1:0,4:100", "-c", "-p"]);
    expect(run.stdout).toContain("Stats: Total Time 7\n");
    expect(run.stdout).toContain("Stats: CPU Busy 6 (85.71%)\n");
  });
});
