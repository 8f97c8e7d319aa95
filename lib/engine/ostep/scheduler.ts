// OSTEP `cpu-sched/scheduler.py` (FIFO, SJF and RR with every job arriving at time 0), reimplemented
// from its documented behaviour so that `-c` and non-`-c` output match python3 byte for byte.
// The arithmetic deliberately follows the script's order of float operations, because averages are
// printed with %.2f and a different summation order could flip a rounding.
import { createPythonRandom } from "../random";
import { type OptionSpec, flagOption, intOption, parseOptions, stringOption } from "./optparse";
import { pyFixed, pyFloatRepr, pyFormat, pyIntField, pyStrRepr } from "./pyformat";
import { parsePyFloat } from "./pyparse";
import { MAX_WORKLOAD, type Printer, PythonError, RefusedInput, pyDivide, pyIntOfFloat, runScript } from "./script";
import type { OstepRun } from "./types";

const PROG = "scheduler.py";

const OPTIONS: OptionSpec[] = [
  { short: "-s", long: "--seed", dest: "seed", kind: "int", default: 0, help: "the random seed" },
  { short: "-j", long: "--jobs", dest: "jobs", kind: "int", default: 3, help: "number of jobs in the system" },
  { short: "-l", long: "--jlist", dest: "jlist", kind: "string", default: "", help: "instead of random jobs, provide a comma-separated list of run times" },
  { short: "-m", long: "--maxlen", dest: "maxlen", kind: "int", default: 10, help: "max length of job" },
  { short: "-p", long: "--policy", dest: "policy", kind: "string", default: "FIFO", help: "sched policy to use: SJF, FIFO, RR" },
  { short: "-q", long: "--quantum", dest: "quantum", kind: "int", default: 1, help: "length of time slice for RR policy" },
  { short: "-c", dest: "solve", kind: "store_true", default: false, help: "compute answers for me" },
];

/** RR slices we are willing to simulate; the bench workload needs about half a million. */
const MAX_SLICES = 1_200_000;

interface Job {
  id: number;
  length: number;
}

function randomJobs(out: Printer, seed: bigint, count: number, maxlen: number): Job[] {
  if (count > MAX_WORKLOAD) throw new RefusedInput(`more than ${MAX_WORKLOAD} jobs`);
  const rng = createPythonRandom(seed);
  const jobs: Job[] = [];
  for (let id = 0; id < count; id++) {
    const scaled = maxlen * rng.random();
    const length = pyIntOfFloat(scaled) + 1;
    jobs.push({ id, length });
    // Python ints print every digit; a JS number past 2^53 would not, so go through BigInt.
    out.print(`  Job ${id} ( length = ${(BigInt(pyIntOfFloat(scaled)) + 1n).toString()} )`);
  }
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

/** FIFO in list order (SJF passes the list already sorted); stats in execution order. */
function runInOrder(out: Printer, jobs: readonly Job[]): void {
  out.print("Execution trace:");
  let now = 0;
  for (const job of jobs) {
    out.print(pyFormat("  [ time %3d ] Run job %d for %.2f secs ( DONE at %.2f )", now, job.id, job.length, now + job.length));
    now += job.length;
  }
  out.print("\nFinal statistics:");
  let t = 0;
  let responseSum = 0;
  let turnaroundSum = 0;
  let waitSum = 0;
  for (const job of jobs) {
    out.print(statsLine(job.id, t, t + job.length, t));
    responseSum += t;
    turnaroundSum += t + job.length;
    waitSum += t;
    t += job.length;
  }
  out.print(averageLine(responseSum, turnaroundSum, waitSum, jobs.length));
}

/** Refuses quantum/length combinations for which the script's RR loop never ends or runs for hours. */
function checkRoundRobinBounded(jobs: readonly Job[], quantum: number): void {
  let slices = jobs.length;
  for (const job of jobs) {
    if (!(job.length > quantum)) continue;
    if (quantum <= 0 || !Number.isFinite(job.length)) {
      throw new RefusedInput(`RR with quantum ${quantum} never finishes job ${job.id} (length ${pyFloatRepr(job.length)}); python3 would loop forever`);
    }
    slices += job.length / quantum;
    if (slices > MAX_SLICES) throw new RefusedInput(`RR would need more than ${MAX_SLICES} time slices; use a larger quantum or shorter jobs`);
  }
}

function runRoundRobin(out: Printer, jobs: readonly Job[], quantum: number): void {
  checkRoundRobinBounded(jobs, quantum);
  // The trace lines below are pyFormat's "%3d" and "%.2f" spelled out, because RR can print a million of them.
  out.print("Execution trace:");
  const response = jobs.map(() => -1);
  const turnaround = jobs.map(() => 0);
  const wait = jobs.map(() => 0);
  const lastRan = jobs.map(() => 0);
  // Each job is in the queue at most once, so a ring buffer of n slots holds it without shifting arrays.
  const n = jobs.length;
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
      out.line(`  [ time ${pyIntField(now, 3)} ] Run job ${idText[id]} for ${pyFixed(ranFor, 2)} secs ( DONE at ${pyFixed(now + ranFor, 2)} )`);
      turnaround[id] = now + ranFor;
      unfinished--;
    }
    now += ranFor;
    lastRan[id] = now;
  }
  out.print("\nFinal statistics:");
  let responseSum = 0;
  let turnaroundSum = 0;
  let waitSum = 0;
  for (let id = 0; id < jobs.length; id++) {
    turnaroundSum += turnaround[id]!;
    responseSum += response[id]!;
    waitSum += wait[id]!;
    out.print(statsLine(id, response[id]!, turnaround[id]!, wait[id]!));
  }
  out.print(averageLine(responseSum, turnaroundSum, waitSum, jobs.length));
}

/** `python3 scheduler.py <args>`. */
export function runOstepScheduler(args: string[]): OstepRun {
  const parsed = parseOptions(PROG, OPTIONS, args);
  if (!parsed.ok) return parsed.run;
  const options = parsed.options;
  const policy = stringOption(options, "policy");
  const jlist = stringOption(options, "jlist");
  return runScript(PROG, (out) => {
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
    const jobs = jlist === "" ? randomJobs(out, options.ints.seed!, intOption(options, "jobs"), intOption(options, "maxlen")) : listedJobs(out, jlist);
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
    if (policy === "FIFO") runInOrder(out, jobs);
    // Array.prototype.sort is stable, as Python's sorted() is: equal lengths keep id order.
    else if (policy === "SJF") runInOrder(out, [...jobs].sort((a, b) => a.length - b.length));
    else if (policy === "RR") runRoundRobin(out, jobs, intOption(options, "quantum"));
    else out.print("Error: Policy", policy, "is not available.");
  });
}
