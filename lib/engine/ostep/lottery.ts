// OSTEP `cpu-sched-lottery/lottery.py`, reimplemented from its documented behaviour. The random
// stream continues from job generation into the draws, so the order of random() calls matters.
// The script's winner variables outlive each draw (a draw nobody wins reuses the previous winner);
// that is kept on purpose so odd inputs (0 or negative tickets) print what python3 prints.
import { createPythonRandom } from "../random";
import { type OptionSpec, flagOption, intOption, parseOptions, stringOption } from "./optparse";
import { pyFormat, pyStrRepr } from "./pyformat";
import { parsePyInt } from "./pyparse";
import { MAX_WORKLOAD, PythonError, RefusedInput, runScript } from "./script";
import type { OstepRun } from "./types";

const PROG = "lottery.py";

const OPTIONS: OptionSpec[] = [
  { short: "-s", long: "--seed", dest: "seed", kind: "int", default: 0, help: "the random seed" },
  { short: "-j", long: "--jobs", dest: "jobs", kind: "int", default: 3, help: "number of jobs in the system" },
  {
    short: "-l",
    long: "--jlist",
    dest: "jlist",
    kind: "string",
    default: "",
    help: "instead of random jobs, provide a comma-separated list of run times and ticket values (e.g., 10:100,20:100 would have two jobs with run-times of 10 and 20, each with 100 tickets)",
  },
  { short: "-m", long: "--maxlen", dest: "maxlen", kind: "int", default: 10, help: "max length of job" },
  {
    short: "-T",
    long: "--maxticket",
    dest: "maxticket",
    kind: "int",
    default: 100,
    help: "maximum ticket value, if randomly assigned",
  },
  { short: "-q", long: "--quantum", dest: "quantum", kind: "int", default: 1, help: "length of time slice" },
  { short: "-c", long: "--compute", dest: "solve", kind: "store_true", default: false, help: "compute answers for me" },
];

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

interface Job {
  id: number;
  runtime: number;
  tickets: number;
}

function pyInt(text: string): number {
  const n = parsePyInt(text);
  if (n === null) throw new PythonError("ValueError", `invalid literal for int() with base 10: ${pyStrRepr(text)}`);
  if (n > SAFE || n < -SAFE) throw new RefusedInput(`${text.trim()} is too large`);
  return Number(n);
}

/** Python's `%` on ints: the result takes the divisor's sign. */
function pyMod(a: number, b: number): number {
  if (b === 0) throw new PythonError("ZeroDivisionError", "integer modulo by zero");
  return (((a % b) + b) % b) + 0;
}

/** `python3 lottery.py <args>`. */
export function runOstepLottery(args: string[]): OstepRun {
  const parsed = parseOptions(PROG, OPTIONS, args);
  if (!parsed.ok) return parsed.run;
  const o = parsed.options;
  const jlist = stringOption(o, "jlist");
  const quantum = intOption(o, "quantum");

  return runScript(PROG, (out) => {
    const rng = createPythonRandom(o.ints.seed!);
    out.print("ARG jlist", jlist);
    out.print("ARG jobs", o.ints.jobs!);
    out.print("ARG maxlen", o.ints.maxlen!);
    out.print("ARG maxticket", o.ints.maxticket!);
    out.print("ARG quantum", o.ints.quantum!);
    out.print("ARG seed", o.ints.seed!);
    out.print("");
    out.print("Here is the job list, with the run time of each job: ");

    let tickTotal = 0;
    let runTotal = 0;
    const jobs: Job[] = [];
    if (jlist === "") {
      const count = intOption(o, "jobs");
      const maxlen = intOption(o, "maxlen");
      const maxticket = intOption(o, "maxticket");
      // int(m * random()) is always 0 when |m| <= 1, so the script's redraw loop would never end.
      if (count > MAX_WORKLOAD) throw new RefusedInput(`more than ${MAX_WORKLOAD} jobs`);
      if (count > 0 && (Math.abs(maxlen) <= 1 || Math.abs(maxticket) <= 1)) {
        throw new RefusedInput("with -m or -T between -1 and 1 every draw is 0; python3 would loop forever");
      }
      for (let id = 0; id < count; id++) {
        let runtime = 0;
        while (runtime === 0) runtime = Math.trunc(maxlen * rng.random()) + 0;
        let tickets = 0;
        while (tickets === 0) tickets = Math.trunc(maxticket * rng.random()) + 0;
        runTotal += runtime;
        tickTotal += tickets;
        jobs.push({ id, runtime, tickets });
        out.print(pyFormat("  Job %d ( length = %d, tickets = %d )", id, runtime, tickets));
      }
    } else {
      jlist.split(",").forEach((entry, id) => {
        const parts = entry.split(":");
        if (parts.length < 2)
          throw new PythonError("ValueError", `not enough values to unpack (expected 2, got ${parts.length})`);
        if (parts.length > 2) throw new PythonError("ValueError", "too many values to unpack (expected 2)");
        const runtime = pyInt(parts[0]!);
        const tickets = pyInt(parts[1]!);
        jobs.push({ id, runtime, tickets });
        runTotal += runtime;
        tickTotal += tickets;
      });
      for (const job of jobs)
        out.print(pyFormat("  Job %d ( length = %d, tickets = %d )", job.id, job.runtime, job.tickets));
    }
    out.print("\n");
    // Every unit of run time costs a printed random number or a slice of three lines.
    if (runTotal > MAX_WORKLOAD) throw new RefusedInput(`total run time ${runTotal} exceeds ${MAX_WORKLOAD}`);

    if (!flagOption(o, "solve")) {
      out.print("Here is the set of random numbers you will need (at most):");
      for (let i = 0; i < runTotal; i++) out.print("Random", Math.trunc(rng.random() * 1000001));
      return;
    }

    out.print("** Solutions **\n");
    let remainingJobs = jobs.length;
    let clock = 0;
    // These mirror the script's (wjob, wrun, wtix), which survive from one draw to the next.
    let winner: Job | undefined;
    for (let i = 0; i < runTotal; i++) {
      const r = Math.trunc(rng.random() * 1000001);
      const ticket = pyMod(r, tickTotal);
      let current = 0;
      for (const job of jobs) {
        current += job.tickets;
        if (current > ticket) {
          winner = { ...job };
          break;
        }
      }
      if (!winner) throw new PythonError("NameError", "name 'wjob' is not defined. Did you mean: 'job'?");
      out.print("Random", r, pyFormat("-> Winning ticket %d (of %d) -> Run %d", ticket, tickTotal, winner.id));
      out.print("  Jobs:");
      let line = "";
      for (const job of jobs) {
        line += pyFormat(
          " (%s job:%d timeleft:%d tix:%s ) ",
          winner.id === job.id ? "*" : " ",
          job.id,
          job.runtime,
          job.runtime > 0 ? job.tickets : "---",
        );
      }
      out.print(line);

      winner.runtime = winner.runtime >= quantum ? winner.runtime - quantum : 0;
      clock += quantum;
      if (winner.runtime === 0) {
        out.print(pyFormat("--> JOB %d DONE at time %d", winner.id, clock));
        tickTotal -= winner.tickets;
        winner.tickets = 0;
        remainingJobs--;
      }
      jobs[winner.id] = { ...winner };
      if (remainingJobs === 0) {
        out.print("");
        break;
      }
    }
  });
}
