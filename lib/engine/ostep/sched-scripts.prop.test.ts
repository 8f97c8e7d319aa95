// Properties of the ported scripts that follow from scheduling theory or from counting, checked on
// random workloads (independent of the golden files), plus the refusals that keep bad input bounded.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runOstepLottery } from "./lottery";
import { runOstepMlfq } from "./mlfq";
import { pyFixed } from "./pyformat";
import { runOstepScheduler } from "./scheduler";

const lengths = fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 9 });

function average(stdout: string, metric: "Response" | "Turnaround" | "Wait"): number {
  const line = stdout.split("\n").find((l) => l.startsWith("  Average"))!;
  return Number(new RegExp(`${metric}:? (\\S+)`).exec(line)![1]);
}

function perJob(stdout: string): string[] {
  return stdout.split("\n").filter((l) => l.startsWith("  Job ") && l.includes("--"));
}

describe("scheduler.py port", () => {
  it("SJF never has a larger average turnaround than FIFO or RR (SJF is optimal when all arrive at 0)", () => {
    fc.assert(
      fc.property(lengths, fc.integer({ min: 1, max: 6 }), (ls, q) => {
        const l = ls.join(",");
        const sjf = average(runOstepScheduler(["-l", l, "-p", "SJF", "-c"]).stdout, "Turnaround");
        const fifo = average(runOstepScheduler(["-l", l, "-p", "FIFO", "-c"]).stdout, "Turnaround");
        const rr = average(runOstepScheduler(["-l", l, "-p", "RR", "-q", String(q), "-c"]).stdout, "Turnaround");
        // Averages are printed rounded to 0.01, so allow one unit of rounding.
        expect(sjf).toBeLessThanOrEqual(fifo + 0.01);
        expect(sjf).toBeLessThanOrEqual(rr + 0.01);
      }),
      { numRuns: 150 },
    );
  });

  it("RR with a quantum at least as long as every job gives exactly FIFO's statistics", () => {
    fc.assert(
      fc.property(lengths, (ls) => {
        const l = ls.join(",");
        const fifo = runOstepScheduler(["-l", l, "-p", "FIFO", "-c"]).stdout;
        const rr = runOstepScheduler(["-l", l, "-p", "RR", "-q", String(Math.max(...ls)), "-c"]).stdout;
        expect(perJob(rr)).toEqual(perJob(fifo));
        expect(average(rr, "Wait")).toBe(average(fifo, "Wait"));
      }),
      { numRuns: 150 },
    );
  });

  it("FIFO wait equals response, and turnaround averages to (sum of prefix sums)/n, hand-computed", () => {
    fc.assert(
      fc.property(lengths, (ls) => {
        const out = runOstepScheduler(["-l", ls.join(","), "-c"]).stdout;
        let t = 0;
        let sum = 0;
        for (const len of ls) {
          t += len;
          sum += t;
        }
        expect(average(out, "Turnaround").toFixed(2)).toBe(pyFixed(sum / ls.length, 2));
        expect(average(out, "Wait")).toBe(average(out, "Response"));
      }),
      { numRuns: 150 },
    );
  });
});

describe("mlfq.py port", () => {
  const job = fc.tuple(
    fc.integer({ min: 0, max: 30 }),
    fc.integer({ min: 1, max: 40 }),
    fc.integer({ min: 0, max: 8 }),
  );
  it("prints exactly runTime Run lines per job, and every job finishes once", () => {
    fc.assert(
      fc.property(
        fc.array(job, { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 25 }),
        fc.integer({ min: 0, max: 6 }),
        fc.boolean(),
        fc.boolean(),
        (jobs, n, q, boost, io, stay, bump) => {
          const args = [
            "-l",
            jobs.map((j) => j.join(",")).join(":"),
            "-n",
            String(n),
            "-q",
            String(q),
            "-B",
            String(boost),
            "-i",
            String(io),
            "-c",
          ];
          if (stay) args.push("-S");
          if (bump) args.push("-I");
          const result = runOstepMlfq(args);
          expect(result.exitCode).toBe(0);
          const lines = result.stdout.split("\n");
          jobs.forEach(([, runTime], id) => {
            expect(lines.filter((l) => l.includes(`] Run JOB ${id} at`)).length).toBe(runTime);
            expect(lines.filter((l) => l.endsWith(`] FINISHED JOB ${id}`)).length).toBe(1);
          });
          // At most one job runs per tick: the Run lines carry strictly increasing times.
          const times = lines.filter((l) => l.includes("] Run JOB")).map((l) => Number(/time (\d+)/.exec(l)![1]));
          expect(times.every((t, i) => i === 0 || t > times[i - 1]!)).toBe(true);
        },
      ),
      { numRuns: 120 },
    );
  });
});

describe("lottery.py port", () => {
  it("finishes every job, and a job finishing on slice k finishes at time k*quantum", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 100 })), {
          minLength: 1,
          maxLength: 5,
        }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 1000 }),
        (jobs, q, seed) => {
          const out = runOstepLottery([
            "-l",
            jobs.map((j) => j.join(":")).join(","),
            "-q",
            String(q),
            "-s",
            String(seed),
            "-c",
          ]).stdout;
          const lines = out.split("\n");
          let slices = 0;
          const done: number[] = [];
          for (const line of lines) {
            if (line.startsWith("Random ")) slices++;
            const m = /^--> JOB (\d+) DONE at time (\d+)$/.exec(line);
            if (m) {
              expect(Number(m[2])).toBe(slices * q);
              done.push(Number(m[1]));
            }
          }
          expect(done.sort((a, b) => a - b)).toEqual(jobs.map((_, i) => i));
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("bad input is refused in bounded time instead of hanging like python3", () => {
  it.each([
    ["scheduler RR quantum 0", () => runOstepScheduler(["-p", "RR", "-q", "0", "-l", "4", "-c"])],
    ["scheduler RR negative quantum", () => runOstepScheduler(["-p", "RR", "-q", "-1", "-l", "4", "-c"])],
    ["scheduler RR infinite length", () => runOstepScheduler(["-p", "RR", "-l", "inf", "-c"])],
    ["scheduler RR absurd length", () => runOstepScheduler(["-p", "RR", "-l", "1e12", "-c"])],
    ["scheduler huge job count", () => runOstepScheduler(["-j", "100000000000", "-c"])],
    ["lottery maxlen 1", () => runOstepLottery(["-m", "1", "-c"])],
    ["lottery maxticket 0", () => runOstepLottery(["-T", "0"])],
    ["lottery absurd run total", () => runOstepLottery(["-l", "900000000000:1", "-c"])],
    ["mlfq negative I/O time", () => runOstepMlfq(["-l", "0,5,1", "-i", "-3", "-c"])],
    ["mlfq start before 0", () => runOstepMlfq(["-l", "-4,5,0", "-c"])],
    ["mlfq far start time", () => runOstepMlfq(["-l", "900000000000,5,0", "-c"])],
    ["mlfq too many queues", () => runOstepMlfq(["-n", "1000000000", "-c"])],
    ["mlfq too many jobs", () => runOstepMlfq(["-j", "1000000000", "-c"])],
  ])("%s", (_name, run) => {
    const result = run();
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/^timeslice: \w+\.py: .+\n$/);
    expect(result.stdout).toBe("");
  });
});
