// OSTEP `cpu-sched/scheduler.py` (FIFO, SJF and RR with every job arriving at time 0), reimplemented
// from its documented behaviour so that `-c` and non-`-c` output match python3 byte for byte.
// The arithmetic deliberately follows the script's order of float operations, because averages are
// printed with %.2f and a different summation order could flip a rounding.
import { createPythonRandom } from "../random";
import { type OptionSpec, flagOption, intOption, parseOptions, stringOption } from "./optparse";
import { pyFixed, pyFloatRepr, pyFormat, pyIntField, pyStrRepr } from "./pyformat";
import { parsePyFloat } from "./pyparse";
import {
  MAX_WORKLOAD,
  type OstepBytesRun,
  type OutputOptions,
  type Printer,
  PythonError,
  RefusedInput,
  asStringRun,
  pyDivide,
  pyIntOfFloat,
  runScriptBytes,
} from "./script";
import { encodeUtf8 } from "./bytesink";
import {
  type RoundRobinResult,
  integralSlices,
  jobLinesBytes,
  statsBytes,
  traceInOrderBytes,
  traceRoundRobinBytes,
} from "./scheduler-bytes";
import type { OstepRun } from "./types";

const PROG = "scheduler.py";

const OPTIONS: OptionSpec[] = [
  { short: "-s", long: "--seed", dest: "seed", kind: "int", default: 0, help: "the random seed" },
  { short: "-j", long: "--jobs", dest: "jobs", kind: "int", default: 3, help: "number of jobs in the system" },
  {
    short: "-l",
    long: "--jlist",
    dest: "jlist",
    kind: "string",
    default: "",
    help: "instead of random jobs, provide a comma-separated list of run times",
  },
  { short: "-m", long: "--maxlen", dest: "maxlen", kind: "int", default: 10, help: "max length of job" },
  {
    short: "-p",
    long: "--policy",
    dest: "policy",
    kind: "string",
    default: "FIFO",
    help: "sched policy to use: SJF, FIFO, RR",
  },
  {
    short: "-q",
    long: "--quantum",
    dest: "quantum",
    kind: "int",
    default: 1,
    help: "length of time slice for RR policy",
  },
  { short: "-c", dest: "solve", kind: "store_true", default: false, help: "compute answers for me" },
];

/** RR slices we are willing to simulate; the bench workload needs about half a million. */
const MAX_SLICES = 1_200_000;

interface Job {
  id: number;
  length: number;
}

function randomJobs(out: Printer, seed: bigint, count: number, maxlen: number, fastPath: boolean): Job[] {
  if (count > MAX_WORKLOAD) throw new RefusedInput(`more than ${MAX_WORKLOAD} jobs`);
  const rng = createPythonRandom(seed);
  const jobs: Job[] = [];
  /** int(maxlen * random()): the exact Python int is this + 1, which a double past 2^53 cannot hold. */
  const wholes: number[] = [];
  // Lengths are drawn first and printed after, in one pass; the script prints each as it draws it, so a
  // draw that raises (an infinite -m) still prints the jobs before it first.
  let failure: unknown = null;
  try {
    for (let id = 0; id < count; id++) {
      const whole = pyIntOfFloat(maxlen * rng.random());
      wholes.push(whole);
      jobs.push({ id, length: whole + 1 });
    }
  } catch (error) {
    failure = error;
  }
  if (fastPath && integralSlices(jobs, null) !== null) {
    jobLinesBytes(out, jobs);
  } else {
    for (const { id, length } of jobs) {
      const text = Number.isSafeInteger(length) ? String(length) : (BigInt(wholes[id]!) + 1n).toString();
      out.line(`  Job ${id} ( length = ${text} )`);
    }
  }
  if (failure !== null) throw failure;
  return jobs;
}

function listedJobs(out: Printer, jlist: string): Job[] {
  const jobs = jlist.split(",").map((item, id) => {
    const length = parsePyFloat(item);
    if (length === null) throw new PythonError("ValueError", `could not convert string to float: ${pyStrRepr(item)}`);
    return { id, length };
  });
  for (const job of jobs) out.print(`  Job ${job.id} ( length = ${pyFloatRepr(job.length)} )`);
  return jobs;
}

function statsLine(id: number, response: number, turnaround: number, wait: number): string {
  return pyFormat("  Job %3d -- Response: %3.2f  Turnaround %3.2f  Wait %3.2f", id, response, turnaround, wait);
}

function averageLine(responseSum: number, turnaroundSum: number, waitSum: number, count: number): string {
  return pyFormat(
    "\n  Average -- Response: %3.2f  Turnaround %3.2f  Wait %3.2f\n",
    pyDivide(responseSum, count),
    pyDivide(turnaroundSum, count),
    pyDivide(waitSum, count),
  );
}

/** Prints the per-job statistics (in the order given) and their averages. */
function printStats(
  out: Printer,
  fast: boolean,
  ids: ArrayLike<number>,
  response: ArrayLike<number>,
  turnaround: ArrayLike<number>,
  wait: ArrayLike<number>,
): void {
  out.print("\nFinal statistics:");
  if (fast) statsBytes(out, ids, response, turnaround, wait);
  else for (let i = 0; i < ids.length; i++) out.print(statsLine(ids[i]!, response[i]!, turnaround[i]!, wait[i]!));
  let responseSum = 0;
  let turnaroundSum = 0;
  let waitSum = 0;
  for (let i = 0; i < ids.length; i++) {
    responseSum += response[i]!;
    turnaroundSum += turnaround[i]!;
    waitSum += wait[i]!;
  }
  out.print(averageLine(responseSum, turnaroundSum, waitSum, ids.length));
}

/** FIFO in list order (SJF passes the list already sorted); stats in execution order. */
function runInOrder(out: Printer, jobs: readonly Job[], fastPath: boolean): void {
  const fast = fastPath && integralSlices(jobs, null) !== null;
  out.print("Execution trace:");
  if (fast) {
    // Trace, "Final statistics:", one line per job, the average.
    out.boundRemainingLines(2 * jobs.length + 2);
    traceInOrderBytes(out, jobs);
  } else {
    let now = 0;
    for (const job of jobs) {
      out.print(
        pyFormat("  [ time %3d ] Run job %d for %.2f secs ( DONE at %.2f )", now, job.id, job.length, now + job.length),
      );
      now += job.length;
    }
  }
  const n = jobs.length;
  const ids = new Int32Array(n);
  const response = new Float64Array(n);
  const turnaround = new Float64Array(n);
  let t = 0;
  for (let i = 0; i < n; i++) {
    const job = jobs[i]!;
    ids[i] = job.id;
    response[i] = t;
    turnaround[i] = t + job.length;
    t += job.length;
  }
  // In FIFO a job waits exactly until it first runs.
  printStats(out, fast, ids, response, turnaround, response);
}

/** Refuses quantum/length combinations for which the script's RR loop never ends or runs for hours. */
function checkRoundRobinBounded(jobs: readonly Job[], quantum: number): void {
  let slices = jobs.length;
  for (const job of jobs) {
    if (!(job.length > quantum)) continue;
    if (quantum <= 0 || !Number.isFinite(job.length)) {
      throw new RefusedInput(
        `RR with quantum ${quantum} never finishes job ${job.id} (length ${pyFloatRepr(job.length)}); python3 would loop forever`,
      );
    }
    slices += job.length / quantum;
    if (slices > MAX_SLICES)
      throw new RefusedInput(`RR would need more than ${MAX_SLICES} time slices; use a larger quantum or shorter jobs`);
  }
}

function runRoundRobin(out: Printer, jobs: readonly Job[], quantum: number, fastPath: boolean): void {
  checkRoundRobinBounded(jobs, quantum);
  out.print("Execution trace:");
  const slices = fastPath ? integralSlices(jobs, quantum) : null;
  if (slices !== null) out.boundRemainingLines(slices + jobs.length + 2);
  const stats =
    slices !== null ? traceRoundRobinBytes(out, jobs, quantum, slices) : traceRoundRobinText(out, jobs, quantum);
  const ids = Int32Array.from(jobs, (_, id) => id);
  printStats(out, slices !== null, ids, stats.response, stats.turnaround, stats.wait);
}

/** The general RR trace: every line through Python's "%3d" and "%.2f" rules. */
function traceRoundRobinText(out: Printer, jobs: readonly Job[], quantum: number): RoundRobinResult {
  const n = jobs.length;
  const response = new Float64Array(n).fill(-1);
  const turnaround = new Float64Array(n);
  const wait = new Float64Array(n);
  const lastRan = new Float64Array(n);
  // Each job is in the queue at most once, so a ring buffer of n slots holds it without shifting arrays.
  const ring = new Int32Array(Math.max(1, n));
  const remaining = new Float64Array(Math.max(1, n));
  jobs.forEach((job, i) => {
    ring[i] = job.id;
    remaining[job.id] = job.length;
  });
  // Every preempting slice prints the same quantum and one of n ids, so format those once.
  const quantumText = pyFixed(quantum, 2);
  const idText = jobs.map((job) => pyIntField(job.id, 3));
  let head = 0;
  let size = n;
  let unfinished = n;
  let now = 0;
  while (unfinished > 0) {
    const id = ring[head]!;
    head = head + 1 === n ? 0 : head + 1;
    size--;
    if (response[id] === -1) response[id] = now;
    wait[id]! += now - lastRan[id]!;
    let ranFor: number;
    if (remaining[id]! > quantum) {
      remaining[id]! -= quantum;
      ranFor = quantum;
      out.line(`  [ time ${pyIntField(now, 3)} ] Run job ${idText[id]} for ${quantumText} secs`);
      ring[(head + size) % n] = id;
      size++;
    } else {
      ranFor = remaining[id]!;
      out.line(
        `  [ time ${pyIntField(now, 3)} ] Run job ${idText[id]} for ${pyFixed(ranFor, 2)} secs ( DONE at ${pyFixed(now + ranFor, 2)} )`,
      );
      turnaround[id] = now + ranFor;
      unfinished--;
    }
    now += ranFor;
    lastRan[id] = now;
  }
  return { response, turnaround, wait };
}

export interface SchedulerRunOptions extends OutputOptions {
  /** Format integral FIFO/SJF/RR runs straight into bytes (default). False forces the general pyFormat path. */
  fastPath?: boolean;
}

/** `python3 scheduler.py <args>`. */
export function runOstepScheduler(args: string[], options?: Omit<SchedulerRunOptions, "write">): OstepRun {
  return asStringRun(runOstepSchedulerBytes(args, options));
}

/** `python3 scheduler.py <args>` with stdout as the bytes python3 writes (what the CLI hands to the OS). */
export function runOstepSchedulerBytes(
  args: string[],
  { fastPath = true, ...output }: SchedulerRunOptions = {},
): OstepBytesRun {
  const parsed = parseOptions(PROG, OPTIONS, args);
  if (!parsed.ok) return { ...parsed.run, stdout: encodeUtf8(parsed.run.stdout) };
  const options = parsed.options;
  const policy = stringOption(options, "policy");
  const jlist = stringOption(options, "jlist");
  const script = (out: Printer) => {
    out.print("ARG policy", policy);
    if (jlist === "") {
      out.print("ARG jobs", options.ints.jobs!);
      out.print("ARG maxlen", options.ints.maxlen!);
      out.print("ARG seed", options.ints.seed!);
    } else {
      out.print("ARG jlist", jlist);
    }
    out.print("");
    out.print("Here is the job list, with the run time of each job: ");
    const jobs =
      jlist === ""
        ? randomJobs(out, options.ints.seed!, intOption(options, "jobs"), intOption(options, "maxlen"), fastPath)
        : listedJobs(out, jlist);
    out.print("\n");

    if (!flagOption(options, "solve")) {
      out.print("Compute the turnaround time, response time, and wait time for each job.");
      out.print("When you are done, run this program again, with the same arguments,");
      out.print("but with -c, which will thus provide you with the answers. You can use");
      out.print("-s <somenumber> or your own job list (-l 10,15,20 for example)");
      out.print("to generate different problems for yourself.");
      out.print("");
      return;
    }
    out.print("** Solutions **\n");
    if (policy === "FIFO") runInOrder(out, jobs, fastPath);
    // Array.prototype.sort is stable, as Python's sorted() is: equal lengths keep id order.
    else if (policy === "SJF")
      runInOrder(
        out,
        [...jobs].sort((a, b) => a.length - b.length),
        fastPath,
      );
    else if (policy === "RR") runRoundRobin(out, jobs, intOption(options, "quantum"), fastPath);
    else out.print("Error: Policy", policy, "is not available.");
  };
  return runScriptBytes(PROG, script, output);
}
