import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { memoryIo } from "../io";
import { run } from "./ostep";

describe("timeslice ostep", () => {
  it("prints the script's stdout and returns its exit status", async () => {
    const io = memoryIo();
    // Hand-checked: FIFO on 10,15,20 gives turnaround 10, 25, 45 (average 26.67) and response 0, 10, 25.
    const code = await run(["scheduler", "-l", "10,15,20", "-c"], io);
    expect(code).toBe(0);
    expect(io.stdout).toContain("  Job   2 -- Response: 25.00  Turnaround 45.00  Wait 25.00\n");
    expect(io.stdout).toContain("  Average -- Response: 11.67  Turnaround 26.67  Wait 11.67\n");
    expect(io.stderr).toBe("");
  });

  it("accepts the .py file name", async () => {
    const io = memoryIo();
    expect(await run(["lottery.py", "-l", "2:1", "-c"], io)).toBe(0);
    expect(io.stdout).toContain("--> JOB 0 DONE at time 2\n");
  });

  it("passes optparse errors through with status 2", async () => {
    const io = memoryIo();
    expect(await run(["mlfq", "-z"], io)).toBe(2);
    expect(io.stderr).toBe("Usage: mlfq.py [options]\n\nmlfq.py: error: no such option: -z\n");
  });

  it("rejects an unknown or missing script with one line and status 2", async () => {
    let io = memoryIo();
    expect(await run(["sched"], io)).toBe(2);
    expect(io.stderr.split("\n")).toHaveLength(2);
    expect(io.stderr).toMatch(/^timeslice: ostep: unknown script 'sched'/);
    io = memoryIo();
    expect(await run([], io)).toBe(2);
    expect(io.stderr).toMatch(/^timeslice: ostep: missing script name/);
  });

  it("refuses a run python3 would never finish, in bounded time", async () => {
    const io = memoryIo();
    expect(await run(["scheduler", "-p", "RR", "-q", "0", "-l", "5", "-c"], io)).toBe(1);
    expect(io.stderr).toMatch(/^timeslice: scheduler\.py: .*loop forever\n$/);
    expect(io.stdout).toBe("");
  });

  it("runs multi.py: one job alone on one CPU warms its cache after -w ticks and then runs -r times faster", async () => {
    const io = memoryIo();
    expect(await run(["multi", "-n", "1", "-L", "a:30:200", "-M", "300", "-c"], io)).toBe(0);
    // 10 cold ticks do 10 units, the remaining 20 go at 2 per tick: 20 ticks in all, 10 of them warm.
    expect(io.stdout).toContain("\nFinished time 20\n");
    expect(io.stdout).toContain("  CPU 0  utilization 100.00 [ warm 50.00 ]\n");
    expect(io.stderr).toBe("");
  });

  it("refuses a multi.py run with no CPUs, which python3 would never finish", async () => {
    const io = memoryIo();
    expect(await run(["multi", "-n", "0", "-c"], io)).toBe(1);
    expect(io.stderr).toMatch(/^timeslice: multi\.py: .*loop forever\n$/);
    expect(io.stdout).toBe("");
  });

  it("runs x86.py on a program file from disk, and reports a missing one as Python does", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "ts-x86-"));
    const prog = path.join(dir, "inc.s");
    writeFileSync(prog, "mov 2000, %ax\nadd $1, %ax\nmov %ax, 2000\nhalt\n");
    let io = memoryIo();
    expect(await run(["x86", "-p", prog, "-t", "2", "-M", "2000", "-c"], io)).toBe(0);
    // Two threads, no interrupt within 50 instructions: the increments do not overlap, so 2000 ends at 2.
    const stores = io.stdout.split("\n").filter((row) => row.endsWith("1002 mov %ax, 2000"));
    expect(stores.map((row) => row.slice(0, 5))).toEqual(["    1", "    2"]);
    io = memoryIo();
    expect(await run(["x86-intro", "-p", path.join(dir, "missing.s")], io)).toBe(1);
    expect(io.stderr.trimEnd().split("\n").at(-1)).toBe(
      `FileNotFoundError: [Errno 2] No such file or directory: '${path.join(dir, "missing.s")}'`,
    );
  });

  it("refuses an x86 program that spins forever (Python would print without end), with nothing on stdout", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "ts-x86-"));
    writeFileSync(path.join(dir, "spin.s"), ".top\nj .top\n");
    const io = memoryIo();
    expect(await run(["x86", "-p", path.join(dir, "spin.s"), "-t", "1", "-c"], io)).toBe(1);
    expect(io.stderr).toBe("timeslice: x86.py: output would exceed 1500000 lines\n");
    expect(io.stdout).toBe("");
  });
});
