// OSTEP `cpu-sched-multi/multi.py`, reimplemented from its documented behaviour: one central queue or
// per-CPU queues (-p) with work stealing every -P ticks, affinity (-A), and a per-CPU cache that a job
// warms by running -w ticks on that CPU and then runs -r times faster while its working set fits (-M).
// The script's quirks are kept so odd inputs print what python3 prints:
// - work stealing tests affinity as `cpu in job` on the Job namedtuple, so a job with an affinity list is
//   stolen only when the thief's CPU number equals its run time or working-set size;
// - a CPU's "warm" tick is counted only when the warm rate is above 1;
// - the random stream runs from job generation into -o's shuffles and the thieves' random.choice().
// Inputs on which python3 would never finish (no CPUs, a warm rate of 0, a job stolen to a CPU it may not
// run on) are refused once they pass a tick budget, instead of hanging.
import { createPythonRandom, type PythonRandom } from "../random";
import { type OptionSpec, flagOption, parseOptions, stringOption } from "./optparse";
import { pyFloat, pyFormat, pyStrRepr } from "./pyformat";
import { parsePyInt } from "./pyparse";
import { PythonError, RefusedInput, ScriptExit, runScript, type Printer } from "./script";
import type { OstepRun } from "./types";

const PROG = "multi.py";

const OPTIONS: OptionSpec[] = [
  { short: "-s", long: "--seed", dest: "seed", kind: "int", default: 0, help: "the random seed" },
  { short: "-j", long: "--job_num", dest: "job_num", kind: "int", default: 3, help: "number of jobs in the system" },
  {
    short: "-R",
    long: "--max_run",
    dest: "max_run",
    kind: "int",
    default: 100,
    help: "max run time of random-gen jobs",
  },
  {
    short: "-W",
    long: "--max_wset",
    dest: "max_wset",
    kind: "int",
    default: 200,
    help: "max working set of random-gen jobs",
  },
  {
    short: "-L",
    long: "--job_list",
    dest: "job_list",
    kind: "string",
    default: "",
    help: "provide a comma-separated list of job_name:run_time:working_set_size (e.g., a:10:100,b:10:50 means 2 jobs with run-times of 10, the first (a) with working set size=100, second (b) with working set size=50)",
  },
  {
    short: "-p",
    long: "--per_cpu_queues",
    dest: "per_cpu_queues",
    kind: "store_true",
    default: false,
    help: "per-CPU scheduling queues (not one)",
  },
  {
    short: "-A",
    long: "--affinity",
    dest: "affinity",
    kind: "string",
    default: "",
    help: "a list of jobs and which CPUs they can run on (e.g., a:0.1.2,b:0.1 allows job a to run on CPUs 0,1,2 but b only on CPUs 0 and 1",
  },
  { short: "-n", long: "--num_cpus", dest: "num_cpus", kind: "int", default: 2, help: "number of CPUs" },
  { short: "-q", long: "--quantum", dest: "time_slice", kind: "int", default: 10, help: "length of time slice" },
  {
    short: "-P",
    long: "--peek_interval",
    dest: "peek_interval",
    kind: "int",
    default: 30,
    help: "for per-cpu scheduling, how often to peek at other schedule queue; 0 turns this off",
  },
  {
    short: "-w",
    long: "--warmup_time",
    dest: "warmup_time",
    kind: "int",
    default: 10,
    help: "time it takes to warm cache",
  },
  {
    short: "-r",
    long: "--warm_rate",
    dest: "warm_rate",
    kind: "int",
    default: 2,
    help: "how much faster to run with warm cache",
  },
  { short: "-M", long: "--cache_size", dest: "cache_size", kind: "int", default: 100, help: "cache size" },
  {
    short: "-o",
    long: "--rand_order",
    dest: "random_order",
    kind: "store_true",
    default: false,
    help: "has CPUs get jobs in random order",
  },
  {
    short: "-t",
    long: "--trace",
    dest: "trace",
    kind: "store_true",
    default: false,
    help: "enable basic tracing (show which jobs got scheduled)",
  },
  {
    short: "-T",
    long: "--trace_time_left",
    dest: "trace_time_left",
    kind: "store_true",
    default: false,
    help: "trace time left for each job",
  },
  {
    short: "-C",
    long: "--trace_cache",
    dest: "trace_cache",
    kind: "store_true",
    default: false,
    help: "trace cache status (warm/cold) too",
  },
  {
    short: "-S",
    long: "--trace_sched",
    dest: "trace_sched",
    kind: "store_true",
    default: false,
    help: "trace scheduler state",
  },
  { short: "-c", long: "--compute", dest: "solve", kind: "store_true", default: false, help: "compute answers for me" },
];

/** CPU-ticks (one CPU for one tick) a run may simulate; python3 spends about four CPU-seconds on this many, and some runs never end. */
export const MULTI_MAX_CPU_TICKS = 2_000_000;
/** Jobs a run may have: the script's list searches make it quadratic in jobs, so python3 needs hours well before 10^6. */
export const MULTI_MAX_JOBS = 20_000;
/** Characters of trace a run may print (-C lines grow with CPUs × jobs, so the line limit alone does not bound them). */
const MAX_TRACE_CHARS = 200_000_000;

interface Job {
  name: string;
  runTime: number;
  workingSet: number;
  affinity: number[];
  timeLeft: number;
}

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function safe(n: bigint, what: string): number {
  if (n > SAFE || n < -SAFE) throw new RefusedInput(`${what} ${n} is too large`);
  return Number(n);
}

function pyInt(text: string): number {
  const n = parsePyInt(text);
  if (n === null) throw new PythonError("ValueError", `invalid literal for int() with base 10: ${pyStrRepr(text)}`);
  return safe(n, "value");
}

/** Python's `%` on ints: the result takes the divisor's sign. */
function pyMod(a: number, b: number): number {
  if (b === 0) throw new PythonError("ZeroDivisionError", "integer modulo by zero");
  return (((a % b) + b) % b) + 0;
}

const listRepr = (names: readonly string[]) => `[${names.map(pyStrRepr).join(", ")}]`;

function removeFirst<T>(xs: T[], x: T): void {
  const i = xs.indexOf(x);
  if (i >= 0) xs.splice(i, 1);
}

/** One CPU's cache: which working sets are warm (most recently warmed first) and which are warming. */
class Cache {
  contents: string[] = [];
  warming: string[] = [];
  counter = new Map<string, number>();

  constructor(
    private readonly jobs: Map<string, Job>,
    private readonly size: number,
    private readonly warmRate: number,
    private readonly warmupTime: number,
  ) {}

  newJob(name: string): void {
    if (this.contents.includes(name) || this.warming.includes(name)) return;
    if (this.warmupTime === 0) {
      this.contents.unshift(name);
      this.adjustSize();
    } else {
      this.warming.push(name);
      this.counter.set(name, this.warmupTime);
    }
  }

  private adjustSize(): void {
    let total = 0;
    for (const name of this.contents) total += this.jobs.get(name)!.workingSet;
    while (total > this.size) {
      // A negative cache size empties the cache and then indexes the empty list, as the script does.
      if (this.contents.length === 0) throw new PythonError("IndexError", "list index out of range");
      const gone = this.contents.pop()!;
      this.warming.push(gone);
      this.counter.set(gone, this.warmupTime);
      total -= this.jobs.get(gone)!.workingSet;
    }
  }

  state(name: string): string {
    return this.contents.includes(name) ? "w" : " ";
  }

  rate(name: string): number {
    return this.contents.includes(name) ? this.warmRate : 1;
  }

  updateWarming(name: string): void {
    if (!this.warming.includes(name)) return;
    const left = this.counter.get(name)! - 1;
    this.counter.set(name, left);
    if (left <= 0) {
      removeFirst(this.warming, name);
      this.contents.unshift(name);
      this.adjustSize();
    }
  }
}

function choice<T>(rng: PythonRandom, xs: readonly T[]): T {
  if (xs.length === 0) throw new PythonError("IndexError", "Cannot choose from an empty sequence");
  return rng.choice(xs);
}

interface Settings {
  jobList: string;
  affinity: string;
  perCpu: boolean;
  peek: number;
  jobNum: number;
  maxRun: number;
  maxWset: number;
  cpus: number;
  slice: number;
  randomOrder: boolean;
  cacheSize: number;
  warmRate: number;
  warmup: number;
  solve: boolean;
  trace: boolean;
  traceTime: boolean;
  traceCache: boolean;
  traceSched: boolean;
}

function simulate(out: Printer, rng: PythonRandom, s: Settings): void {
  let jobList = s.jobList;
  if (jobList === "") {
    if (s.jobNum > MULTI_MAX_JOBS) throw new RefusedInput(`more than ${MULTI_MAX_JOBS} jobs`);
    const parts: string[] = [];
    for (let j = 0; j < s.jobNum; j++) {
      const run = Math.trunc((rng.random() * s.maxRun) / 10.0) * 10 + 0;
      const wset = Math.trunc((rng.random() * s.maxWset) / 10.0) * 10 + 0;
      parts.push(pyFormat("%s:%d:%d", String(j), run, wset));
    }
    jobList = parts.join(",");
  }

  const names: string[] = [];
  const seen = new Set<string>();
  const jobs = new Map<string, Job>();
  const entries = jobList.split(",");
  if (entries.length > MULTI_MAX_JOBS) throw new RefusedInput(`more than ${MULTI_MAX_JOBS} jobs`);
  for (const entry of entries) {
    const tmp = entry.split(":");
    if (tmp.length !== 3) {
      out.line(`bad job description [${entry}]: needs triple of name:runtime:working_set_size`);
      throw new ScriptExit(1);
    }
    const [name, runText, wsetText] = tmp as [string, string, string];
    const runTime = pyInt(runText);
    const workingSet = pyInt(wsetText);
    jobs.set(name, { name, runTime, workingSet, affinity: [], timeLeft: runTime });
    out.line(pyFormat("Job name:%s run_time:%d working_set_size:%d", name, runTime, workingSet));
    if (seen.has(name)) {
      out.line(`repeated job name ${name}`);
      throw new ScriptExit(1);
    }
    names.push(name);
    seen.add(name);
  }
  out.line("");

  if (s.affinity !== "") {
    for (const entry of s.affinity.split(",")) {
      const tmp = entry.split(":");
      if (tmp.length !== 2) {
        out.line(`bad affinity spec ${s.affinity}`);
        throw new ScriptExit(1);
      }
      const name = tmp[0]!;
      if (!seen.has(name)) {
        out.line(`job name ${name} in affinity list does not exist`);
        throw new ScriptExit(1);
      }
      for (const text of tmp[1]!.split(".")) {
        const cpu = pyInt(text);
        jobs.get(name)!.affinity.push(cpu);
        if (cpu < 0 || cpu >= s.cpus) {
          out.line(pyFormat("bad cpu %d specified in affinity %s", cpu, s.affinity));
          throw new ScriptExit(1);
        }
      }
    }
  }

  // With no CPUs the script loops forever (assigning per-CPU queues, or waiting for a CPU to run a job).
  if (s.cpus <= 0) throw new RefusedInput("with no CPUs python3 would loop forever");
  if (s.cpus > MULTI_MAX_CPU_TICKS) throw new RefusedInput(`more than ${MULTI_MAX_CPU_TICKS} CPUs`);
  const allowed = (job: Job, cpu: number) => job.affinity.length === 0 || job.affinity.includes(cpu);

  const queues: string[][] = [];
  let single: string[] = [];
  if (s.perCpu) {
    for (let cpu = 0; cpu < s.cpus; cpu++) queues.push([]);
    const notAssigned = [...names];
    while (notAssigned.length > 0) {
      for (let cpu = 0; cpu < s.cpus; cpu++) {
        const i = notAssigned.findIndex((name) => allowed(jobs.get(name)!, cpu));
        if (i >= 0) queues[cpu]!.push(...notAssigned.splice(i, 1));
      }
    }
    for (let cpu = 0; cpu < s.cpus; cpu++) out.line(`Scheduler CPU ${cpu} queue: ${listRepr(queues[cpu]!)}`);
    out.line("");
  } else {
    single = [...names];
    for (let cpu = 0; cpu < s.cpus; cpu++) queues.push(single);
    out.line(`Scheduler central queue: ${listRepr(single)}\n`);
  }

  const running: (Job | null)[] = new Array<Job | null>(s.cpus).fill(null);
  const ran = new Array<number>(s.cpus).fill(0);
  const ranWarm = new Array<number>(s.cpus).fill(0);
  const caches = Array.from({ length: s.cpus }, () => new Cache(jobs, s.cacheSize, s.warmRate, s.warmup));
  const order = Array.from({ length: s.cpus }, (_, cpu) => cpu);
  const cpuTicksAllowed = Math.max(1, Math.floor(MULTI_MAX_CPU_TICKS / s.cpus));

  let ruleWidth = 8 + 7 * s.cpus - 5;
  if (s.traceTime) ruleWidth += 6 * s.cpus;
  if (s.traceCache) ruleWidth += 8 * s.cpus + names.length * s.cpus;
  const rule = "-".repeat(Math.max(0, ruleWidth));

  let time = 0;
  let finished = 0;
  let line = "";
  let traceChars = 0;
  const runTick = (): void => {
    // Interrupts end every running job's slice, so it goes back on the queue of the CPU it ran on.
    const interrupt = pyMod(time, s.slice) === 0 && time > 0;
    if (interrupt && s.trace) out.line(rule);
    if (s.trace) line += pyFormat(" %3d   ", time);
    if (interrupt) {
      for (let cpu = 0; cpu < s.cpus; cpu++) {
        const job = running[cpu];
        if (job) {
          running[cpu] = null;
          queues[cpu]!.push(job.name);
        }
      }
    }

    if (s.perCpu && s.peek > 0 && time > 0 && pyMod(time, s.peek) === 0) {
      for (let cpu = 0; cpu < s.cpus; cpu++) {
        if (queues[cpu]!.length !== 0) continue;
        const others = order.filter((c) => c !== cpu);
        const victim = queues[choice(rng, others)]!;
        // The script's `cpu in self.jobs[job_name]` searches the Job tuple's fields, not its affinity list.
        const i = victim.findIndex((name) => {
          const job = jobs.get(name)!;
          return job.affinity.length === 0 || cpu === job.runTime || cpu === job.workingSet;
        });
        if (i >= 0) queues[cpu]!.push(...victim.splice(i, 1));
      }
    }

    const cpuList = s.randomOrder ? rng.shuffled(order) : order;
    for (const cpu of cpuList) {
      if (running[cpu]) continue;
      const queue = queues[cpu]!;
      const i = queue.findIndex((name) => allowed(jobs.get(name)!, cpu));
      if (i < 0) continue;
      const [name] = queue.splice(i, 1) as [string];
      running[cpu] = jobs.get(name)!;
      caches[cpu]!.newJob(name);
    }

    for (let cpu = 0; cpu < s.cpus; cpu++) {
      const job = running[cpu];
      const cache = caches[cpu]!;
      if (job) {
        const rate = cache.rate(job.name);
        ran[cpu]!++;
        if (rate > 1) ranWarm[cpu]!++;
        job.timeLeft = Math.max(0, job.timeLeft - rate);
        if (s.trace) {
          line += `${job.name} `;
          if (s.traceTime) line += pyFormat("[%3d] ", job.timeLeft);
        }
        cache.updateWarming(job.name);
        if (job.timeLeft <= 0) {
          running[cpu] = null;
          finished++;
        }
      } else if (s.trace) {
        line += "- ";
        if (s.traceTime) line += "[   ] ";
      }
      if (s.trace) {
        if (s.traceCache) line += `cache[${names.map((name) => cache.state(name)).join("")}]`;
        line += "     ";
      }
    }

    if (s.traceSched) {
      if (s.perCpu) {
        for (let cpu = 0; cpu < s.cpus; cpu++) line += `Q${cpu}: ${queues[cpu]!.map((name) => `${name} `).join("")}  `;
        line += "    ";
      } else {
        line += `Q: ${single.map((name) => `${name} `).join("")}    `;
      }
    }
  };
  while (finished < names.length) {
    if (time >= cpuTicksAllowed)
      throw new RefusedInput(`the run would take more than ${cpuTicksAllowed} ticks on ${s.cpus} CPUs`);
    line = "";
    try {
      runTick();
    } catch (error) {
      // The tick's text so far went out with print(..., end=''); Python flushes it on the way out.
      if (error instanceof PythonError) out.write(line);
      throw error;
    }
    traceChars += line.length;
    if (traceChars > MAX_TRACE_CHARS) throw new RefusedInput(`the trace would exceed ${MAX_TRACE_CHARS} characters`);
    if (s.trace) out.line(line);
    time++;
  }

  if (s.solve) {
    out.line(`\nFinished time ${time}\n`);
    out.line("Per-CPU stats");
    for (let cpu = 0; cpu < s.cpus; cpu++) {
      out.line(
        pyFormat(
          "  CPU %d  utilization %3.2f [ warm %3.2f ]",
          cpu,
          pyFloat((100.0 * ran[cpu]!) / time),
          pyFloat((100.0 * ranWarm[cpu]!) / time),
        ),
      );
    }
    out.line("");
  }
}

/** `python3 multi.py <args>`. */
export function runOstepMulti(args: string[]): OstepRun {
  const parsed = parseOptions(PROG, OPTIONS, args);
  if (!parsed.ok) return parsed.run;
  const o = parsed.options;
  const ints = o.ints;
  const flag = (dest: string) => flagOption(o, dest);

  return runScript(PROG, (out) => {
    const rng = createPythonRandom(ints.seed!);
    const printed: [string, string | bigint | boolean][] = [
      ["seed", ints.seed!],
      ["job_num", ints.job_num!],
      ["max_run", ints.max_run!],
      ["max_wset", ints.max_wset!],
      ["job_list", stringOption(o, "job_list")],
      ["affinity", stringOption(o, "affinity")],
      ["per_cpu_queues", flag("per_cpu_queues")],
      ["num_cpus", ints.num_cpus!],
      ["quantum", ints.time_slice!],
      ["peek_interval", ints.peek_interval!],
      ["warmup_time", ints.warmup_time!],
      ["cache_size", ints.cache_size!],
      ["random_order", flag("random_order")],
      ["trace", flag("trace")],
      ["trace_time", flag("trace_time_left")],
      ["trace_cache", flag("trace_cache")],
      ["trace_sched", flag("trace_sched")],
      ["compute", flag("solve")],
    ];
    for (const [name, value] of printed) out.print(`ARG ${name}`, value);
    out.line("");

    simulate(out, rng, {
      jobList: stringOption(o, "job_list"),
      affinity: stringOption(o, "affinity"),
      perCpu: flag("per_cpu_queues"),
      peek: safe(ints.peek_interval!, "-P"),
      jobNum: safe(ints.job_num!, "-j"),
      maxRun: safe(ints.max_run!, "-R"),
      maxWset: safe(ints.max_wset!, "-W"),
      cpus: safe(ints.num_cpus!, "-n"),
      slice: safe(ints.time_slice!, "-q"),
      randomOrder: flag("random_order"),
      cacheSize: safe(ints.cache_size!, "-M"),
      warmRate: safe(ints.warm_rate!, "-r"),
      warmup: safe(ints.warmup_time!, "-w"),
      solve: flag("solve"),
      trace: flag("trace") || flag("trace_time_left") || flag("trace_cache") || flag("trace_sched"),
      traceTime: flag("trace_time_left"),
      traceCache: flag("trace_cache"),
      traceSched: flag("trace_sched"),
    });
  });
}
