// OSTEP `cpu-sched-mlfq/mlfq.py` (post-2023 version: a boost resets the quantum), reimplemented
// tick by tick from its documented behaviour. Queue numbers run the script's way: the highest
// priority is numQueues-1. Same-instant ordering (quantum expiry before arrivals, JOB BEGINS before
// IO_DONE) falls out of doing the steps in the script's order, so keep that order when editing.
import { createPythonRandom } from "../random";
import { type OptionSpec, flagOption, intOption, parseOptions, stringOption } from "./optparse";
import { pyFloat, pyFormat, pyStrRepr } from "./pyformat";
import { parsePyInt } from "./pyparse";
import { MAX_WORKLOAD, type Printer, PythonError, RefusedInput, ScriptExit, pyDivide, runScript } from "./script";
import type { OstepRun } from "./types";

const PROG = "mlfq.py";

const OPTIONS: OptionSpec[] = [
  { short: "-s", long: "--seed", dest: "seed", kind: "int", default: 0, help: "the random seed" },
  {
    short: "-n",
    long: "--numQueues",
    dest: "numQueues",
    kind: "int",
    default: 3,
    help: "number of queues in MLFQ (if not using -Q)",
  },
  {
    short: "-q",
    long: "--quantum",
    dest: "quantum",
    kind: "int",
    default: 10,
    help: "length of time slice (if not using -Q)",
  },
  {
    short: "-a",
    long: "--allotment",
    dest: "allotment",
    kind: "int",
    default: 1,
    help: "length of allotment (if not using -A)",
  },
  {
    short: "-Q",
    long: "--quantumList",
    dest: "quantumList",
    kind: "string",
    default: "",
    help: "length of time slice per queue level, specified as x,y,z,... where x is the quantum length for the highest priority queue, y the next highest, and so forth",
  },
  {
    short: "-A",
    long: "--allotmentList",
    dest: "allotmentList",
    kind: "string",
    default: "",
    help: "length of time allotment per queue level, specified as x,y,z,... where x is the # of time slices for the highest priority queue, y the next highest, and so forth",
  },
  { short: "-j", long: "--numJobs", dest: "numJobs", kind: "int", default: 3, help: "number of jobs in the system" },
  {
    short: "-m",
    long: "--maxlen",
    dest: "maxlen",
    kind: "int",
    default: 100,
    help: "max run-time of a job (if randomly generating)",
  },
  {
    short: "-M",
    long: "--maxio",
    dest: "maxio",
    kind: "int",
    default: 10,
    help: "max I/O frequency of a job (if randomly generating)",
  },
  {
    short: "-B",
    long: "--boost",
    dest: "boost",
    kind: "int",
    default: 0,
    help: "how often to boost the priority of all jobs back to high priority",
  },
  {
    short: "-i",
    long: "--iotime",
    dest: "ioTime",
    kind: "int",
    default: 5,
    help: "how long an I/O should last (fixed constant)",
  },
  {
    short: "-S",
    long: "--stay",
    dest: "stay",
    kind: "store_true",
    default: false,
    help: "reset and stay at same priority level when issuing I/O",
  },
  {
    short: "-I",
    long: "--iobump",
    dest: "iobump",
    kind: "store_true",
    default: false,
    help: "if specified, jobs that finished I/O move immediately to front of current queue",
  },
  {
    short: "-l",
    long: "--jlist",
    dest: "jlist",
    kind: "string",
    default: "",
    help: "a comma-separated list of jobs to run, in the form x1,y1,z1:x2,y2,z2:... where x is start time, y is run time, and z is how often the job issues an I/O request",
  },
  { short: "-c", dest: "solve", kind: "store_true", default: false, help: "compute answers for me" },
];

// Limits that keep absurd flags (millions of queues or jobs) in bounded time and memory.
const MAX_QUEUES = 10_000;
const MAX_JOBS = 200_000;
const MAX_WORK = 300_000_000;
const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

interface Job {
  pri: number;
  ticksLeft: number;
  allotLeft: number;
  startTime: number;
  runTime: number;
  timeLeft: number;
  ioFreq: number;
  doingIO: boolean;
  firstRun: number;
  endTime: number;
}

type EventKind = "JOB BEGINS" | "IO_DONE";

/** Python `int(text)`, limited to what a JS number holds exactly (larger values would mean absurd runs anyway). */
function pyInt(text: string): number {
  const n = parsePyInt(text);
  if (n === null) throw new PythonError("ValueError", `invalid literal for int() with base 10: ${pyStrRepr(text)}`);
  if (n > SAFE || n < -SAFE) throw new RefusedInput(`${text.trim()} is too large`);
  return Number(n);
}

interface Levels {
  numQueues: number;
  quantum: number[];
  allotment: number[];
}

function buildLevels(
  out: Printer,
  numQueuesOption: number,
  quantumOption: number,
  allotmentOption: number,
  quantumList: string,
  allotmentList: string,
): Levels {
  let numQueues = numQueuesOption;
  let quantum: number[];
  if (quantumList !== "") {
    const items = quantumList.split(",");
    numQueues = items.length;
    if (numQueues > MAX_QUEUES) throw new RefusedInput(`more than ${MAX_QUEUES} queues`);
    quantum = new Array<number>(numQueues);
    items.forEach((item, i) => (quantum[numQueues - 1 - i] = pyInt(item)));
  } else {
    if (numQueues > MAX_QUEUES) throw new RefusedInput(`more than ${MAX_QUEUES} queues`);
    quantum = Array.from({ length: Math.max(0, numQueues) }, () => quantumOption);
  }
  let allotment: number[];
  if (allotmentList !== "") {
    const items = allotmentList.split(",");
    if (numQueues !== items.length) {
      out.print("number of allotments specified must match number of quantums");
      throw new ScriptExit(1);
    }
    allotment = new Array<number>(numQueues);
    for (let i = 0; i < numQueues; i++) {
      const level = numQueues - 1 - i;
      allotment[level] = pyInt(items[i]!);
      if (level !== 0 && allotment[level]! <= 0) {
        out.print("allotment must be positive integer");
        throw new ScriptExit(1);
      }
    }
  } else {
    allotment = Array.from({ length: Math.max(0, numQueues) }, () => allotmentOption);
  }
  return { numQueues, quantum, allotment };
}

/** `quantum[hiQueue]` in the script; with no queues that dict lookup raises KeyError. */
function level(values: readonly number[], index: number): number {
  if (index < 0 || index >= values.length) throw new PythonError("KeyError", String(index));
  return values[index]!;
}

/** `python3 mlfq.py <args>`. */
export function runOstepMlfq(args: string[]): OstepRun {
  const parsed = parseOptions(PROG, OPTIONS, args);
  if (!parsed.ok) return parsed.run;
  const o = parsed.options;
  const boost = intOption(o, "boost");
  const ioTime = intOption(o, "ioTime");
  const stay = flagOption(o, "stay");
  const iobump = flagOption(o, "iobump");
  const jlist = stringOption(o, "jlist");

  return runScript(PROG, (out) => {
    const { numQueues, quantum, allotment } = buildLevels(
      out,
      intOption(o, "numQueues"),
      intOption(o, "quantum"),
      intOption(o, "allotment"),
      stringOption(o, "quantumList"),
      stringOption(o, "allotmentList"),
    );
    const hiQueue = numQueues - 1;
    // Python keeps `i` from its last for-loop and prints it in the "Avg" line; track what it would hold.
    let lastI: number | undefined = numQueues > 0 ? numQueues - 1 : undefined;

    const events = new Map<number, { job: number; kind: EventKind }[]>();
    let latestEvent = -Infinity;
    const addEvent = (time: number, job: number, kind: EventKind) => {
      let list = events.get(time);
      if (!list) events.set(time, (list = []));
      list.push({ job, kind });
      if (time > latestEvent) latestEvent = time;
    };

    const jobs: Job[] = [];
    const addJob = (startTime: number, runTime: number, ioFreq: number) => {
      if (jobs.length >= MAX_JOBS) throw new RefusedInput(`more than ${MAX_JOBS} jobs`);
      jobs.push({
        pri: hiQueue,
        ticksLeft: level(quantum, hiQueue),
        allotLeft: level(allotment, hiQueue),
        startTime,
        runTime,
        timeLeft: runTime,
        ioFreq,
        doingIO: false,
        firstRun: -1,
        endTime: 0,
      });
      addEvent(startTime, jobs.length - 1, "JOB BEGINS");
    };

    const rng = createPythonRandom(o.ints.seed!);
    if (jlist !== "") {
      for (const spec of jlist.split(":")) {
        const fields = spec.split(",");
        if (fields.length !== 3) {
          out.print("Badly formatted job string. Should be x1,y1,z1:x2,y2,z2:...");
          out.print("where x is the startTime, y is the runTime, and z is the I/O frequency.");
          throw new ScriptExit(1);
        }
        addJob(pyInt(fields[0]!), pyInt(fields[1]!), pyInt(fields[2]!));
      }
    } else {
      const maxlen = intOption(o, "maxlen");
      const maxio = intOption(o, "maxio");
      const count = intOption(o, "numJobs");
      if (count > MAX_JOBS) throw new RefusedInput(`more than ${MAX_JOBS} jobs`);
      for (let j = 0; j < count; j++) {
        const runTime = Math.trunc(rng.random() * (maxlen - 1) + 1);
        const ioFreq = Math.trunc(rng.random() * (maxio - 1) + 1);
        addJob(0, runTime, ioFreq);
      }
    }
    const numJobs = jobs.length;
    // Each tick prints at least one line; refuse workloads whose ticks alone would blow the output limit.
    let ticks = 0;
    for (const job of jobs)
      ticks = Math.max(ticks, job.startTime) + Math.max(0, job.runTime) * (1 + Math.max(0, ioTime));
    if (ticks > MAX_WORKLOAD) throw new RefusedInput(`the run would take more than ${MAX_WORKLOAD} ticks`);

    out.print("Here is the list of inputs:");
    out.print("OPTIONS jobs", numJobs);
    out.print("OPTIONS queues", numQueues);
    for (let i = quantum.length - 1; i >= 0; i--) {
      out.print(pyFormat("OPTIONS allotments for queue %2d is %3d", i, allotment[i]!));
      out.print(pyFormat("OPTIONS quantum length for queue %2d is %3d", i, quantum[i]!));
      lastI = i;
    }
    out.print("OPTIONS boost", o.ints.boost!);
    out.print("OPTIONS ioTime", o.ints.ioTime!);
    out.print("OPTIONS stayAfterIO", stay);
    out.print("OPTIONS iobump", iobump);
    out.print("\n");
    out.print("For each job, three defining characteristics are given:");
    out.print("  startTime : at what time does the job enter the system");
    out.print("  runTime   : the total CPU time needed by the job to finish");
    out.print("  ioFreq    : every ioFreq time units, the job issues an I/O");
    out.print("              (the I/O takes ioTime units to complete)\n");
    out.print("Job List:");
    jobs.forEach((job, i) => {
      out.print(
        pyFormat("  Job %2d: startTime %3d - runTime %3d - ioFreq %3d", i, job.startTime, job.runTime, job.ioFreq),
      );
      lastI = i;
    });
    out.print("");

    if (!flagOption(o, "solve")) {
      out.print("Compute the execution trace for the given workloads.");
      out.print("If you would like, also compute the response and turnaround");
      out.print("times for each of the jobs.");
      out.print("");
      out.print("Use the -c flag to get the exact results when you are finished.\n");
      throw new ScriptExit(0);
    }

    const queues: number[][] = Array.from({ length: Math.max(0, numQueues) }, () => []);
    const findQueue = (): number => {
      for (let q = hiQueue; q >= 0; q--) if (queues[q]!.length > 0) return q;
      return -1;
    };
    let now = 0;
    let finished = 0;
    let work = 0;
    out.print("\nExecution Trace:\n");

    while (finished < numJobs) {
      if (boost > 0 && now !== 0 && now % boost === 0) {
        out.print(pyFormat("[ time %d ] BOOST ( every %d )", now, boost));
        // Lowest queue first, each appended behind whatever is already at the top.
        for (let q = 0; q < numQueues - 1; q++) {
          for (const j of queues[q]!) if (!jobs[j]!.doingIO) queues[hiQueue]!.push(j);
          queues[q] = [];
        }
        work += numJobs;
        if (work > MAX_WORK) throw new RefusedInput("too many boosts of too many jobs");
        for (const job of jobs) {
          if (job.timeLeft > 0) {
            job.pri = hiQueue;
            job.ticksLeft = quantum[hiQueue]!;
            job.allotLeft = allotment[hiQueue]!;
          }
        }
      }

      const arriving = events.get(now);
      if (arriving) {
        events.delete(now);
        for (const { job: j, kind } of arriving) {
          const job = jobs[j]!;
          job.doingIO = false;
          out.print(`[ time ${now} ] ${kind} by JOB ${j}`);
          if (!iobump || kind === "JOB BEGINS") queues[job.pri]!.push(j);
          else queues[job.pri]!.unshift(j);
        }
      }

      const current = findQueue();
      if (current === -1) {
        // Nothing runnable and nothing left to arrive: python3 would print IDLE forever.
        if (now >= latestEvent) throw new RefusedInput("no job can ever run again (python3 would print IDLE forever)");
        out.print(`[ time ${now} ] IDLE`);
        now++;
        continue;
      }

      const j = queues[current]![0]!;
      const job = jobs[j]!;
      if (job.pri !== current) {
        throw new ScriptExit(1, `currPri[${job.pri}] does not match currQueue[${current}]\n`);
      }
      job.timeLeft--;
      job.ticksLeft--;
      if (job.firstRun === -1) job.firstRun = now;
      const ticksLeft = job.ticksLeft;
      out.print(
        `[ time ${now} ] Run JOB ${j} at PRIORITY ${current} [ TICKS ${ticksLeft} ALLOT ${job.allotLeft} TIME ${job.timeLeft} (of ${job.runTime}) ]`,
      );
      if (job.timeLeft < 0) throw new ScriptExit(1, "Error: should never have less than 0 time left to run\n");
      now++;

      if (job.timeLeft === 0) {
        out.print(`[ time ${now} ] FINISHED JOB ${j}`);
        finished++;
        job.endTime = now;
        queues[current]!.shift();
        continue;
      }

      let issuedIO = false;
      if (job.ioFreq > 0 && (job.runTime - job.timeLeft) % job.ioFreq === 0) {
        out.print(`[ time ${now} ] IO_START by JOB ${j}`);
        issuedIO = true;
        queues[current]!.shift();
        job.doingIO = true;
        if (stay) {
          job.ticksLeft = quantum[current]!;
          job.allotLeft = allotment[current]!;
        }
        out.print("IO DONE");
        addEvent(now + ioTime, j, "IO_DONE");
      }

      // Deliberately the ticksLeft read before the -S reset above: the script tests that copy.
      if (ticksLeft === 0) {
        if (!issuedIO) queues[current]!.shift();
        job.allotLeft--;
        if (job.allotLeft === 0) {
          const target = current > 0 ? current - 1 : current;
          job.pri = target;
          job.ticksLeft = quantum[target]!;
          job.allotLeft = allotment[target]!;
          if (!issuedIO) queues[target]!.push(j);
        } else {
          job.ticksLeft = quantum[current]!;
          if (!issuedIO) queues[current]!.push(j);
        }
      }
    }

    out.print("");
    out.print("Final statistics:");
    let responseSum = 0;
    let turnaroundSum = 0;
    jobs.forEach((job, i) => {
      const response = job.firstRun - job.startTime;
      const turnaround = job.endTime - job.startTime;
      out.print(
        pyFormat("  Job %2d: startTime %3d - response %3d - turnaround %3d", i, job.startTime, response, turnaround),
      );
      responseSum += response;
      turnaroundSum += turnaround;
      lastI = i;
    });
    if (lastI === undefined) throw new PythonError("NameError", "name 'i' is not defined. Did you mean: 'id'?");
    out.print(
      pyFormat(
        "\n  Avg %2d: startTime n/a - response %.2f - turnaround %.2f",
        lastI,
        pyFloat(pyDivide(responseSum, numJobs)),
        pyFloat(pyDivide(turnaroundSum, numJobs)),
      ),
    );
    out.print("\n");
  });
}
