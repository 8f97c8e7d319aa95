// scheduler.py has two printers: the fast path that formats integral FIFO/SJF/RR runs straight into
// bytes, and the general pyFormat path (checked against CPython by the golden files). They must print
// the same bytes, exit status and stderr for every workload, whichever path a run takes.
import { describe, expect, it } from "vitest";
import { createPythonRandom } from "../random";
import { runOstepSchedulerBytes } from "./scheduler";
import { integralSlices } from "./scheduler-bytes";

function bothPaths(args: string[]) {
  const fast = runOstepSchedulerBytes(args);
  const general = runOstepSchedulerBytes(args, { fastPath: false });
  return { fast, general };
}

function expectSameRun(args: string[]): void {
  const { fast, general } = bothPaths(args);
  // Comparing as text gives a readable diff; the length check pins the bytes too.
  expect(new TextDecoder().decode(fast.stdout), args.join(" ")).toBe(new TextDecoder().decode(general.stdout));
  expect(fast.stdout.length).toBe(general.stdout.length);
  expect(fast.exitCode).toBe(general.exitCode);
  expect(fast.stderr).toBe(general.stderr);
}

describe("scheduler.py fast path agrees with the general path", () => {
  it("on seeded random workloads: every policy, with and without -c, many quanta", () => {
    const pick = createPythonRandom(20240611n);
    let runs = 0;
    for (let seed = 0; seed < 40; seed++) {
      const jobs = String(pick.randint(1, 40));
      const maxlen = String(pick.randint(1, 150));
      for (const policy of ["FIFO", "SJF", "RR"]) {
        const quantum = String(pick.randint(1, 12));
        expectSameRun(["-p", policy, "-q", quantum, "-j", jobs, "-m", maxlen, "-s", String(seed), "-c"]);
        expectSameRun(["-p", policy, "-q", quantum, "-j", jobs, "-m", maxlen, "-s", String(seed)]);
        runs += 2;
      }
    }
    expect(runs).toBe(240);
  });

  it("on runs wide enough for 4- to 6-digit times and ids", () => {
    expectSameRun(["-p", "RR", "-q", "1", "-j", "1200", "-m", "30", "-s", "7", "-c"]);
    expectSameRun(["-p", "RR", "-q", "7", "-j", "300", "-m", "4000", "-s", "8", "-c"]);
    expectSameRun(["-p", "SJF", "-j", "2000", "-m", "1000", "-s", "9", "-c"]);
  });

  it("on job lists: whole numbers (fast), zero-length jobs, numbers past 2^31, and fractions (general)", () => {
    const lists = [
      "10,15,20",
      "0,3,0,1",
      "5",
      "3000000000,7,2147483648",
      "2.5,3,4",
      "1e3,20",
      "-0,4",
      "7,-2,5",
      "  8 ,9",
    ];
    for (const list of lists) {
      for (const policy of ["FIFO", "SJF", "RR"]) {
        for (const quantum of ["1", "3", "1000000000"]) expectSameRun(["-p", policy, "-q", quantum, "-l", list, "-c"]);
      }
    }
  });

  it("on random lengths that are zero, negative or past 2^53 (negative and huge -m)", () => {
    for (const maxlen of ["-3", "0", "-1", "30000000000000000000"]) {
      for (const policy of ["FIFO", "SJF", "RR"])
        expectSameRun(["-p", policy, "-j", "6", "-m", maxlen, "-s", "2", "-c"]);
    }
  });

  it("prints random lengths past 2^53 with every digit, as CPython does", () => {
    // Recorded with CPython 3.11: python3 scheduler.py -j 6 -m 18014398509481990 -s 5
    const want = [
      11221199363974853n,
      13362846433691619n,
      14324933782276357n,
      16977674987334177n,
      13328827781962859n,
      16615130045187473n,
    ];
    const args = ["-j", "6", "-m", "18014398509481990", "-s", "5"];
    const text = new TextDecoder().decode(runOstepSchedulerBytes(args).stdout);
    expect(text.split("\n").filter((l) => l.startsWith("  Job "))).toEqual(
      want.map((len, id) => `  Job ${id} ( length = ${len} )`),
    );
    expectSameRun(args);
  });

  it("on the errors and refusals: zero jobs, quantum 0, unknown policy, bad flags", () => {
    expectSameRun(["-j", "0", "-c"]);
    expectSameRun(["-p", "RR", "-j", "0", "-c"]);
    expectSameRun(["-p", "RR", "-q", "0", "-l", "0,0", "-c"]);
    expectSameRun(["-p", "RR", "-q", "0", "-l", "4", "-c"]);
    expectSameRun(["-p", "LIFO", "-c"]);
    expectSameRun(["-z"]);
  });

  it("refuses the same runs for printing too many lines, at the same line", () => {
    // FIFO and SJF with -c print 3 lines per job plus 11; RR with quantum 1 on 1-long jobs too.
    for (const policy of ["FIFO", "SJF", "RR"]) {
      for (const jobs of [29, 30]) {
        const args = ["-p", policy, "-j", String(jobs), "-m", "1", "-c"];
        const fast = runOstepSchedulerBytes(args, { maxOutputLines: 98 });
        const general = runOstepSchedulerBytes(args, { maxOutputLines: 98, fastPath: false });
        expect(fast).toEqual(general);
        expect(fast.exitCode).toBe(jobs === 29 ? 0 : 1);
        if (jobs === 30) expect(fast.stderr).toBe("timeslice: scheduler.py: output would exceed 98 lines\n");
      }
    }
  });

  it("streams a long run in order, and only once nothing can refuse it", () => {
    const stream = (args: string[], maxOutputLines?: number) => {
      const chunks: Uint8Array[] = [];
      const run = runOstepSchedulerBytes(args, { maxOutputLines, write: (chunk) => chunks.push(chunk.slice()) });
      const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0) + run.stdout.length);
      let at = 0;
      for (const c of [...chunks, run.stdout]) {
        all.set(c, at);
        at += c.length;
      }
      return { chunks: chunks.length, run, all };
    };
    const long = ["-p", "RR", "-q", "1", "-j", "2000", "-m", "100", "-s", "4", "-c"];
    const streamed = stream(long);
    expect(streamed.chunks).toBeGreaterThan(5);
    const whole = runOstepSchedulerBytes(long).stdout;
    expect(streamed.all.length).toBe(whole.length);
    // One comparison of the two texts: a deep equality over megabytes of elements would take minutes.
    expect(new TextDecoder().decode(streamed.all) === new TextDecoder().decode(whole)).toBe(true);
    expect(streamed.run.exitCode).toBe(0);
    // Refused runs, and the general path, hand over nothing early.
    expect(stream(["-p", "RR", "-q", "0", "-l", "4", "-c"]).chunks).toBe(0);
    const capped = stream(long, 50_000);
    expect(capped.chunks).toBe(0);
    expect(capped.run.exitCode).toBe(1);
    expect(capped.run.stdout.length).toBe(0);
    expect(stream(["-p", "RR", "-q", "1", "-l", "2.5,4000,3000", "-c"]).chunks).toBe(0);
  });

  it("takes the fast path exactly for non-negative whole-number workloads", () => {
    const jobs = (...lengths: number[]) => lengths.map((length, id) => ({ id, length }));
    expect(integralSlices(jobs(3, 0, 5), 2)).toBe(2 + 1 + 3);
    expect(integralSlices(jobs(3, 0, 5), null)).toBe(3);
    expect(integralSlices(jobs(3, 2.5), 1)).toBeNull();
    expect(integralSlices(jobs(3, -0), 1)).toBeNull();
    expect(integralSlices(jobs(3, -1), 1)).toBeNull();
    expect(integralSlices(jobs(2 ** 53, 1), null)).toBeNull();
    expect(integralSlices(jobs(3), 0)).toBeNull();
  });
});
