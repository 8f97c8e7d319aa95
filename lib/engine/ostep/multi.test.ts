// What the golden set cannot record: runs python3 never finishes, which the port must refuse quickly.
import { describe, expect, it } from "vitest";
import { runOstepMulti } from "./multi";

describe("multi.py refusals", () => {
  it.each([
    ["no CPUs, central queue", ["-n", "0", "-c"]],
    ["no CPUs, per-CPU queues", ["-n", "-2", "-p", "-c"]],
  ])("%s: refused before simulating", (_label, args) => {
    const run = runOstepMulti(args);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe("timeslice: multi.py: with no CPUs python3 would loop forever\n");
  });

  it.each([
    // Once warm the job makes no progress (rate 0) or goes backwards (rate -1): python3 spins forever.
    ["warm rate 0", ["-L", "a:30:10", "-r", "0", "-w", "1", "-c"]],
    ["negative warm rate", ["-L", "a:30:10", "-r", "-1", "-w", "1", "-t"]],
    // Job b (run time 1) may only run on CPU 0, but CPU 1 steals it by the `cpu in job` quirk and then never runs it.
    ["job stolen outside its affinity", ["-p", "-n", "2", "-L", "a:50:10,b:1:1", "-A", "a:0,b:0", "-P", "1", "-c"]],
  ])("%s: refused once the tick budget is spent", (_label, args) => {
    const run = runOstepMulti(args);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^timeslice: multi\.py: the run would take more than \d+ ticks on \d+ CPUs\n$/);
  });

  it("refuses more jobs than the script could handle in reasonable time, random or listed", () => {
    for (const args of [
      ["-j", "20001"],
      ["-L", Array.from({ length: 20_001 }, (_, i) => `j${i}:1:1`).join(",")],
    ]) {
      const run = runOstepMulti(args);
      expect(run.exitCode).toBe(1);
      expect(run.stderr).toBe("timeslice: multi.py: more than 20000 jobs\n");
    }
  });

  it("refuses a cache trace that would print hundreds of megabytes", () => {
    // 20 000 jobs on 100 CPUs: each -C line holds 2 million cache columns.
    const run = runOstepMulti(["-j", "20000", "-n", "100", "-C", "-R", "1000"]);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toMatch(/^timeslice: multi\.py: the trace would exceed \d+ characters\n$/);
  });
});
