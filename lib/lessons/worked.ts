// Worked examples and inline check questions (issue #23): a lesson names a scenario, the engine computes
// every step and every answer, so the lesson can never show a step or an answer the simulator disagrees
// with. Pure (no file system, no React): the lint, the tests and the server-rendered page share it.
import { modelCapacity, type CapacityReport } from "@/lib/engine/capacity";
import { modelEventLoop, type EventLoopLine, type EventLoopModel } from "@/lib/engine/eventloop";
import { analyzeForkProgram, type ForkEvent, type ForkModel } from "@/lib/engine/process";
import { ruleWords } from "@/lib/engine/questions";
import {
  compilePseudoC,
  finalValues,
  runInterleaving,
  type RaceOp,
  type RaceOutcome,
  type RaceSystem,
} from "@/lib/engine/races";
import {
  simulateInput,
  statesAt,
  validateWorkload,
  type SchedState,
  type SimResult,
  type SwitchKind,
  type TaskSpec,
  type Workload,
} from "@/lib/engine/sched";
import type { CheckAnswer } from "./check-answer";
import type { CheckBlock, LessonIssue, LessonResult, WorkedExampleBlock } from "./types";
import { modelCheck, modelExample } from "./worked-models";
import { crashSteps, runCrash } from "./worked-crash";
import { lifecycleSteps, runLifecycle } from "./worked-lifecycle";
import { loadCheck, loadSteps, readLoadScenario } from "./worked-loadavg";
import { procStatesCheck, procStatesSteps, runProcStatesScenario } from "./worked-procstates";

/** One row of the job table a schedule example prints before its steps. */
export interface JobRow {
  id: string;
  arrival: number;
  /** "5 ms CPU", or "2 ms CPU, 3 ms I/O, 1 ms CPU". */
  work: string;
  /** nice, class, priority, process: whatever the scenario sets, in words. */
  notes: string;
}

/** A step of a non-schedule example: what happens, the state after it, and the rule that decides it. */
export interface WorkedStep {
  heading: string;
  state: string[];
  rule: string;
}

export type WorkedExample =
  | {
      kind: "sched";
      title: string;
      policy: string;
      jobs: JobRow[];
      /** The same payload a graded schedule carries (GradeReport.replay), for components/sim/replay-viewer. */
      replay: Record<string, unknown>;
      tasks: string[];
    }
  | { kind: "steps"; title: string; source: string | null; language: string; steps: WorkedStep[] };

export interface CheckQuestion {
  prompt: string;
  /** What the reader needs to answer: the job table or the program. */
  jobs: JobRow[] | null;
  source: string | null;
  language: string;
  answer: CheckAnswer;
  /** Why the answer is what it is, in words computed from the engine's output. */
  explanation: string;
}

const fmt = (n: number) => String(Number(n.toFixed(3)));
const fail = (path: string, message: string): LessonResult<never> => ({ ok: false, errors: [{ path, message }] });

function parseJson(text: string, path: string): LessonResult<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    return fail(path, `the scenario is not valid JSON (${(e as Error).message})`);
  }
}

// ---------------------------------------------------------------- schedules

interface SchedRun {
  workload: Workload;
  sim: SimResult;
}

function runSched(scenario: string, path: string): LessonResult<SchedRun> {
  const json = parseJson(scenario, path);
  if (!json.ok) return json;
  // The decision log is what the steps are made of, so it is always on.
  const input = { ...(json.value as Record<string, unknown>), log: true };
  const workload = validateWorkload(input);
  if (!workload.ok)
    return { ok: false, errors: workload.errors.map((e) => ({ path: `${path}.${e.path}`, message: e.message })) };
  const sim = simulateInput(input);
  if (!sim.ok) return { ok: false, errors: sim.errors.map((e) => ({ path: `${path}.${e.path}`, message: e.message })) };
  if (sim.value.stats.stoppedBy !== "completed" && sim.value.stats.stoppedBy !== "horizon")
    return fail(path, `the schedule stopped early (${sim.value.stats.stoppedBy})`);
  return { ok: true, value: { workload: workload.value, sim: sim.value } };
}

function jobRows(tasks: readonly TaskSpec[]): JobRow[] {
  return tasks.map((t) => {
    const work = t.bursts
      .map((ms, i) => `${fmt(ms)} ms ${i % 2 === 0 ? "CPU" : "I/O"}`)
      .join(", ")
      .concat(t.repeat ? ", repeating" : "");
    const notes: string[] = [];
    if (t.class && t.class !== "other") notes.push(`SCHED_${t.class.toUpperCase()}`);
    if (t.priority !== undefined) notes.push(`priority ${t.priority}`);
    if (t.nice !== undefined) notes.push(`nice ${t.nice}`);
    if (t.process !== undefined) notes.push(`process ${t.process}`);
    if (t.tickets !== undefined) notes.push(`${t.tickets} tickets`);
    return { id: t.id, arrival: t.arrival, work, notes: notes.join(", ") };
  });
}

const POLICY_WORDS: Record<string, string> = {
  fifo: "FIFO",
  sjf: "SJF",
  stcf: "STCF",
  rr: "round robin",
  priority: "priority",
  mlfq: "MLFQ",
  lottery: "lottery",
  stride: "stride",
  cfs: "CFS",
  eevdf: "EEVDF",
};

function policyWords(w: Workload): string {
  const p = w.policy;
  const name = POLICY_WORDS[p.name] ?? p.name;
  return "quantum" in p ? `${name}, quantum ${fmt(p.quantum)} ms` : name;
}

/** Who is running, ready and asleep at one state, ignoring the values that change continuously. */
const membership = (st: SchedState) =>
  [st.running?.task ?? "-", st.ready.map((r) => r.task).join(","), st.blocked.map((b) => b.task).join(",")].join("|");

/**
 * The replay payload, with a state at every decision and at every instant where the set of running, ready
 * or sleeping jobs changes (an arrival, an I/O wake-up that preempts nothing): the steps a reader needs,
 * without the feedback's every-slot steps where nothing happens.
 */
function schedReplay(run: SchedRun): Record<string, unknown> {
  const decided = new Set(run.sim.decisions.map((d) => d.time));
  const end = Math.ceil(run.sim.stats.endTime);
  const times = [...new Set([...decided, ...Array.from({ length: end + 1 }, (_, i) => i)])].sort((a, b) => a - b);
  const kept: SchedState[] = [];
  for (const st of statesAt(run.workload, times)) {
    const prev = kept[kept.length - 1];
    if (decided.has(st.time) || !prev || membership(prev) !== membership(st)) kept.push(st);
  }
  const states = kept.map(({ time, running, switching, ready, blocked }) => ({
    time,
    running,
    switching,
    ready,
    blocked,
  }));
  return {
    slices: run.sim.slices,
    decisions: run.sim.decisions,
    // No lesson charges switch time, so the viewer's costs would be noise; it lists the switches from the slices.
    switches: null,
    slotMs: 1,
    states,
  };
}

const MAX_SCHED_STEPS = 40;

function schedExample(block: WorkedExampleBlock, path: string): LessonResult<WorkedExample> {
  const run = runSched(block.scenario, path);
  if (!run.ok) return run;
  const decisions = run.value.sim.decisions;
  if (decisions.length === 0) return fail(path, "the schedule makes no decision, so there is nothing to step through");
  if (run.value.sim.stats.endTime > MAX_SCHED_STEPS * 4)
    return fail(path, `the run is too long to step through in a lesson (over ${MAX_SCHED_STEPS * 4} ms)`);
  const replay = schedReplay(run.value);
  if ((replay.states as unknown[]).length > MAX_SCHED_STEPS)
    return fail(path, `more than ${MAX_SCHED_STEPS} steps: too long to step through in a lesson`);
  const unknown = decisions.find((d) => d.picked !== null && ruleWords(d.rule) === undefined);
  if (unknown)
    return fail(path, `rule '${unknown.rule}' has no words in rule-words.ts, so a step would not explain it`);
  return {
    ok: true,
    value: {
      kind: "sched",
      title: block.title,
      policy: policyWords(run.value.workload),
      jobs: jobRows(run.value.workload.tasks),
      replay,
      tasks: run.value.workload.tasks.map((t) => t.id),
    },
  };
}

type Metric = "waiting" | "turnaround" | "response";

function schedCheck(block: CheckBlock, path: string): LessonResult<CheckQuestion> {
  const run = runSched(block.scenario, path);
  if (!run.ok) return run;
  const { sim, workload } = run.value;
  const jobs = jobRows(workload.tasks);
  const base = { prompt: block.prompt, jobs, source: null, language: "" };
  const [what, arg = ""] = block.ask.split(":");
  if (what === "waiting" || what === "turnaround" || what === "response") {
    const m = sim.tasks.find((t) => t.id === arg);
    if (!m) return fail(`${path}.ask`, `no job '${arg}' in the scenario`);
    const value = m[what as Metric];
    if (value === null || m.finish === null || m.firstRun === null)
      return fail(`${path}.ask`, `job ${arg} does not finish, so its ${what} time is undefined`);
    const explanation =
      `${policyWords(workload)}: ${arg} arrives at ${fmt(m.arrival)} ms, first runs at ${fmt(m.firstRun)} ms and finishes at ${fmt(m.finish)} ms after ${fmt(m.cpuTime)} ms of CPU. ` +
      `Turnaround = finish − arrival = ${fmt(m.finish)} − ${fmt(m.arrival)} = ${fmt(m.turnaround!)} ms; ` +
      `waiting = time ready but not running = ${fmt(m.waiting)} ms; ` +
      `response = first run − arrival = ${fmt(m.firstRun)} − ${fmt(m.arrival)} = ${fmt(m.response!)} ms.`;
    return {
      ok: true,
      value: { ...base, answer: { kind: "number", value, tolerance: 1e-6, unit: "ms" }, explanation },
    };
  }
  if (what === "runs-at") {
    const t = Number(arg);
    if (!Number.isFinite(t)) return fail(`${path}.ask`, `runs-at needs a time in ms, got '${arg}'`);
    const slice = sim.slices.find((s) => s.start <= t && t < s.end);
    const correct = slice ? slice.task : "idle";
    const options = [...workload.tasks.map((x) => x.id), "idle"];
    const d = [...sim.decisions].reverse().find((x) => x.time <= t && x.picked !== null);
    const why = d ? ruleWords(d.rule) : undefined;
    const explanation = d
      ? `The last decision before t = ${fmt(t)} ms is at t = ${fmt(d.time)} ms: ${why ?? d.rule}, so ${d.picked} runs. ${d.message}`
      : "Nothing has been picked yet at that time, so the CPU is idle.";
    return { ok: true, value: { ...base, answer: { kind: "choice", options, correct }, explanation } };
  }
  if (what === "switches") {
    const kinds: SwitchKind[] = ["thread", "process", "idle", "user"];
    if (!kinds.includes(arg as SwitchKind))
      return fail(`${path}.ask`, `switches needs a kind (${kinds.join(", ")}), got '${arg}'`);
    const byKind = sim.switches.byKind;
    const value = byKind[arg as SwitchKind].count;
    const counted = kinds.filter((k) => byKind[k].count > 0).map((k) => `${byKind[k].count} ${k}`);
    const explanation =
      `The running task changes ${sim.switches.total} time${sim.switches.total === 1 ? "" : "s"} (${counted.join(", ") || "none"}). ` +
      "A switch between threads of one process keeps the address space (a thread switch); a switch to a task of another process changes it (a process switch).";
    return { ok: true, value: { ...base, answer: { kind: "number", value, tolerance: 1e-9, unit: "" }, explanation } };
  }
  return fail(
    `${path}.ask`,
    `unknown ask '${block.ask}' for a schedule (waiting:ID, turnaround:ID, response:ID, runs-at:T, switches:KIND)`,
  );
}

// ---------------------------------------------------------------- fork

function runFork(scenario: string, path: string): LessonResult<ForkModel> {
  const r = analyzeForkProgram(scenario, { mode: "tty" });
  if (!r.ok) return { ok: false, errors: r.errors.map((e) => ({ path: `${path}.program`, message: e.message })) };
  return { ok: true, value: r.value };
}

function forkEventWords(pid: number, e: ForkEvent): { heading: string; rule: string } | null {
  switch (e.type) {
    case "fork":
      return {
        heading: `pid ${pid} calls fork() on line ${e.line}: child pid ${e.child} is created`,
        rule: `fork() returns twice: the child's pid (${e.child}) in the parent and 0 in the child; both carry on from line ${e.line}, each with its own copy of every variable.`,
      };
    case "write":
      return {
        heading: `pid ${pid} prints ${JSON.stringify(e.text.replace(/\n$/, ""))} (line ${e.line})`,
        rule: "Every process that reaches this line prints it once, with the values of its own copy of the variables.",
      };
    case "wait":
      return {
        heading: `pid ${pid}'s wait() on line ${e.line} returns: ${e.target === "any" ? "a child" : `child ${e.target}`} has exited`,
        rule: "wait() blocks until a child has exited, then reaps it, so whatever follows prints after that child's output.",
      };
    case "exec":
      return {
        heading: `pid ${pid} execs ${e.program} (line ${e.line})`,
        rule: "exec replaces the process's program: same pid, nothing after the exec line runs.",
      };
    case "exit":
      return {
        heading: `pid ${pid} exits with status ${e.code}`,
        rule: "An exit ends only this process; its parent reaps it with wait(), or init does if the parent is gone.",
      };
    default:
      return null;
  }
}

/**
 * The events of one possible run, in time order: the current process runs until it exits or waits for a
 * child that has not exited yet, then the lowest pid that can run goes on. So a wait() is always followed
 * by its child's exit, and "lines printed so far" is an output the program can really produce.
 */
function forkRunOrder(model: ForkModel): { pid: number; event: ForkEvent }[] {
  const byPid = new Map(model.processes.map((p) => [p.pid, p]));
  const next = new Map(model.processes.map((p) => [p.pid, 0]));
  const exited = new Set<number>();
  const reaped = new Set<number>();
  const started = new Set<number>();
  const root = model.processes.find((p) => p.parent === null);
  if (root) started.add(root.pid);
  const order: { pid: number; event: ForkEvent }[] = [];
  const waitsOn = (pid: number, e: Extract<ForkEvent, { type: "wait" }>) => {
    const kids = e.target === "any" ? (byPid.get(pid)?.children ?? []) : [e.target];
    return kids.find((k) => exited.has(k) && !reaped.has(k)) ?? null;
  };
  const canRun = (pid: number) => {
    const e = byPid.get(pid)?.events[next.get(pid)!];
    if (!e) return false;
    return e.type !== "wait" || waitsOn(pid, e) !== null;
  };
  let current = root?.pid ?? null;
  for (let guard = 0; guard < 10_000 && current !== null; guard++) {
    const e = byPid.get(current)!.events[next.get(current)!]!;
    if (e.type === "wait") reaped.add(waitsOn(current, e)!);
    if (e.type === "fork") started.add(e.child);
    order.push({ pid: current, event: e });
    next.set(current, next.get(current)! + 1);
    if (next.get(current)! >= byPid.get(current)!.events.length) exited.add(current);
    if (!canRun(current)) current = [...started].sort((x, y) => x - y).find(canRun) ?? null;
  }
  return order;
}

function forkSteps(model: ForkModel): WorkedStep[] {
  const steps: WorkedStep[] = [];
  const alive = new Set<number>();
  const printed: string[] = [];
  const root = model.processes.find((p) => p.parent === null);
  if (root) alive.add(root.pid);
  for (const { pid, event: e } of forkRunOrder(model)) {
    const words = forkEventWords(pid, e);
    if (!words) continue;
    if (e.type === "fork") alive.add(e.child);
    if (e.type === "write") printed.push(...e.text.split("\n").filter((l) => l !== ""));
    steps.push({
      ...words,
      state: [
        `Processes so far: ${[...alive].sort((a, b) => a - b).join(", ")} (${alive.size})`,
        `Lines printed so far: ${printed.length}${printed.length > 0 ? ` (${printed.map((l) => JSON.stringify(l)).join(", ")})` : ""}`,
      ],
    });
  }
  return steps;
}

function forkCheck(block: CheckBlock, path: string): LessonResult<CheckQuestion> {
  const r = runFork(block.scenario, path);
  if (!r.ok) return r;
  const m = r.value;
  if (!m.countsAgree) return fail(path, "the program's counts depend on timing: pick one whose answer is fixed");
  const base = { prompt: block.prompt, jobs: null, source: block.scenario, language: "c" };
  const forks = m.processes.reduce((n, p) => n + p.events.filter((e) => e.type === "fork").length, 0);
  const explanation = `The program makes ${m.processCount} process${m.processCount === 1 ? "" : "es"} in all (${forks} fork() call${forks === 1 ? "" : "s"} run, each adding one), and together they print ${m.linesPrinted} line${m.linesPrinted === 1 ? "" : "s"}: each process prints the lines it reaches after it was created.`;
  if (block.ask === "lines")
    return {
      ok: true,
      value: { ...base, answer: { kind: "number", value: m.linesPrinted, tolerance: 0, unit: "" }, explanation },
    };
  if (block.ask === "processes")
    return {
      ok: true,
      value: { ...base, answer: { kind: "number", value: m.processCount, tolerance: 0, unit: "" }, explanation },
    };
  return fail(`${path}.ask`, `unknown ask '${block.ask}' for a fork program (lines, processes)`);
}

// ---------------------------------------------------------------- event loop

const QUEUE_RULE: Record<EventLoopLine["queue"], string> = {
  main: "The main script runs to its end before any callback runs.",
  nextTick:
    "After the main script and after every callback, the process.nextTick queue drains first (in a CommonJS module), before promise reactions.",
  microtask:
    "Promise reactions are microtasks: they run as soon as the current callback and the nextTick queue are done, before the loop moves to its next phase.",
  timers: "The timers phase runs setTimeout/setInterval callbacks whose time has come.",
  poll: "The poll phase runs I/O completion callbacks (a finished fs.readFile, a socket read).",
  check: "The check phase, right after poll, runs setImmediate callbacks.",
};

function runLoop(scenario: string, path: string): LessonResult<EventLoopModel> {
  const r = modelEventLoop(scenario);
  if (!r.ok) return { ok: false, errors: r.errors.map((e) => ({ path: `${path}.program`, message: e.message })) };
  if (!r.value.deterministic)
    return fail(path, `the program's output order can vary (${r.value.nondeterminism.join(" ")}); pick a fixed one`);
  return { ok: true, value: r.value };
}

function loopSteps(model: EventLoopModel): WorkedStep[] {
  const order = model.orders[0] ?? [];
  return order.map((line, i) => ({
    heading: `Line ${i + 1}: “${line.text}”`,
    state: [
      `Printed by: ${line.queue === "main" ? "the main script" : line.source}`,
      `Queue: ${line.queue}${line.queue !== "main" ? `, during the ${line.during === "main" ? "main script" : `${line.during} phase`}` : ""}`,
      `Output so far: ${order
        .slice(0, i + 1)
        .map((l) => l.text)
        .join(" · ")}`,
    ],
    rule: QUEUE_RULE[line.queue],
  }));
}

function loopCheck(block: CheckBlock, path: string): LessonResult<CheckQuestion> {
  const r = runLoop(block.scenario, path);
  if (!r.ok) return r;
  const order = r.value.orders[0] ?? [];
  const [what, arg = ""] = block.ask.split(":");
  const n = Number(arg);
  if (what !== "line" || !Number.isInteger(n) || n < 1 || n > order.length)
    return fail(`${path}.ask`, `ask must be line:N with N from 1 to ${order.length}, got '${block.ask}'`);
  const line = order[n - 1]!;
  const options = [...new Set(order.map((l) => l.text))];
  if (options.length < 2) return fail(path, "every line prints the same text: the question has one option");
  const explanation = `Node prints ${order.map((l) => `“${l.text}”`).join(", ")}. Line ${n} is “${line.text}”, from ${line.queue === "main" ? "the main script" : `the ${line.queue} queue (${line.source})`}. ${QUEUE_RULE[line.queue]}`;
  return {
    ok: true,
    value: {
      prompt: block.prompt,
      jobs: null,
      source: block.scenario,
      language: "javascript",
      answer: { kind: "choice", options, correct: line.text },
      explanation,
    },
  };
}

// ---------------------------------------------------------------- capacity

const CAPACITY_RULE =
  "Each resource caps throughput on its own (CPU: cores ÷ CPU time per request; a pool of N threads: N ÷ the time each request holds a thread; memory: RAM ÷ memory per request in flight). The smallest cap is where the server saturates.";

function runCapacity(scenario: string, path: string): LessonResult<CapacityReport> {
  const json = parseJson(scenario, path);
  if (!json.ok) return json;
  const r = modelCapacity(json.value);
  if (!r.ok) return { ok: false, errors: r.errors.map((e) => ({ path: `${path}.${e.path}`, message: e.message })) };
  return { ok: true, value: r.value };
}

function capacitySteps(report: CapacityReport): WorkedStep[] {
  return report.servers.flatMap((server) => {
    const name = server.name;
    const bounds = server.bounds.map((b) => ({
      heading: `${name}: the ${b.resource} limit`,
      state: [b.detail, `At most ${fmt(b.maxRps)} requests/s`],
      rule: CAPACITY_RULE,
    }));
    const limiting = [...server.bounds].sort((a, b) => a.maxRps - b.maxRps)[0];
    return [
      ...bounds,
      {
        heading: `${name}: saturates at ${fmt(server.saturationRps)} requests/s`,
        state: [
          limiting
            ? `The smallest limit is ${limiting.resource} (${fmt(limiting.maxRps)} requests/s)`
            : "No limit applies",
          `Throughput at the offered load: ${fmt(server.throughputRps)} requests/s${server.saturated ? " (saturated)" : ""}`,
        ],
        rule: "A server is only as fast as its tightest resource: the smallest of the limits above.",
      },
    ];
  });
}

function capacityCheck(block: CheckBlock, path: string): LessonResult<CheckQuestion> {
  const r = runCapacity(block.scenario, path);
  if (!r.ok) return r;
  const [what, arg = ""] = block.ask.split(":");
  const n = Number(arg);
  const server = r.value.servers[n - 1];
  if (what !== "saturation" || !server)
    return fail(`${path}.ask`, `ask must be saturation:N (N: 1-based server), got '${block.ask}'`);
  const limits = server.bounds.map((b) => `${b.resource} ${fmt(b.maxRps)}/s (${b.detail})`).join("; ");
  const value = Number(server.saturationRps.toFixed(1));
  return {
    ok: true,
    value: {
      prompt: block.prompt,
      jobs: null,
      source: block.scenario,
      language: "json",
      answer: { kind: "number", value, tolerance: Math.max(0.5, value * 0.01), unit: "requests/s" },
      explanation: `${server.name}: ${limits}. The smallest limit wins: ${fmt(server.saturationRps)} requests/s.`,
    },
  };
}

// ---------------------------------------------------------------- races

interface RaceScenario {
  shared: string[];
  threads: string[];
  memory?: Record<string, number>;
  schedule?: number[];
}

function readRace(scenario: string, path: string): LessonResult<{ spec: RaceScenario; system: RaceSystem }> {
  const json = parseJson(scenario, path);
  if (!json.ok) return json;
  const v = json.value as Partial<RaceScenario>;
  const strings = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === "string");
  if (!strings(v.shared) || v.shared.length === 0)
    return fail(`${path}.shared`, "shared must list the shared variables");
  if (!strings(v.threads) || v.threads.length < 2)
    return fail(`${path}.threads`, "threads must hold two or more programs");
  if (v.schedule !== undefined && !(Array.isArray(v.schedule) && v.schedule.every((t) => Number.isInteger(t))))
    return fail(`${path}.schedule`, "schedule must be a list of thread numbers");
  try {
    const threads = v.threads.map((src) => ({ program: compilePseudoC(src, v.shared!) }));
    return { ok: true, value: { spec: v as RaceScenario, system: { threads, memory: v.memory } } };
  } catch (e) {
    return fail(`${path}.threads`, (e as Error).message);
  }
}

function raceRule(code: RaceOp | undefined): string {
  if (code?.op === "mov" && code.dst.kind === "mem")
    return "A store writes the thread's own register back to shared memory, overwriting whatever other threads stored since this thread's load.";
  if (code?.op === "mov" && code.src.kind === "mem")
    return "A load copies shared memory into the thread's own register: from now on the thread works on its private copy.";
  return "Arithmetic changes only the thread's own register; shared memory is unchanged until the store.";
}

function raceSteps(spec: RaceScenario, system: RaceSystem): LessonResult<WorkedStep[]> {
  const schedule = spec.schedule ?? [];
  let outcome: RaceOutcome;
  try {
    outcome = runInterleaving(system, schedule);
  } catch (e) {
    return fail("schedule", (e as Error).message);
  }
  const steps: WorkedStep[] = [];
  const usedRegs = new Set(
    outcome.threads.flatMap((t) => Object.keys(t.registers).filter((r) => t.registers[r] !== 0)),
  );
  for (let k = 0; k < outcome.steps.length; k++) {
    // The state after step k is the run of the schedule's first k+1 choices.
    const after = runInterleaving(system, schedule.slice(0, k + 1));
    const s = outcome.steps[k]!;
    const mem = Object.entries(after.memory).map(([name, v]) => `${name} = ${v}`);
    const regs = after.threads.map((t, i) => {
      // Only the registers some thread uses in this run; the rest stay 0 and are noise.
      const used = Object.entries(t.registers).filter(([r]) => usedRegs.has(r));
      return `thread ${i}: ${used.map(([r, v]) => `%${r} = ${v}`).join(", ")}`;
    });
    steps.push({
      heading: `Thread ${s.thread} runs “${s.text}”`,
      state: [`Memory: ${mem.join(", ")}`, ...regs],
      rule: raceRule(system.threads[s.thread]?.program.instrs[s.pc]?.code),
    });
  }
  return { ok: true, value: steps };
}

function raceCheck(block: CheckBlock, path: string): LessonResult<CheckQuestion> {
  const r = readRace(block.scenario, path);
  if (!r.ok) return r;
  const [what, variable = ""] = block.ask.split(":");
  if ((what !== "min" && what !== "max") || !r.value.spec.shared.includes(variable))
    return fail(`${path}.ask`, `ask must be min:VAR or max:VAR for a shared variable, got '${block.ask}'`);
  const f = finalValues(r.value.system, variable);
  const value = what === "min" ? Math.min(...f.values) : Math.max(...f.values);
  const witness = f.witnesses.get(value) ?? [];
  const explanation = `Over every interleaving the final ${variable} is one of ${f.values.join(", ")}. ${value} happens for example when the threads run in the order ${witness.join(", ")} (one instruction each): ${what === "min" ? "each thread loads the same old value before the other stores, so one update overwrites the other" : "each thread's load, add and store run without the other in between"}.`;
  return {
    ok: true,
    value: {
      prompt: block.prompt,
      jobs: null,
      source: r.value.spec.threads.map((t, i) => `thread ${i}: ${t}`).join("\n"),
      language: "c",
      answer: { kind: "number", value, tolerance: 0, unit: "" },
      explanation,
    },
  };
}

// ---------------------------------------------------------------- entry points

export function buildWorkedExample(
  block: WorkedExampleBlock,
  path = `line ${block.line}`,
): LessonResult<WorkedExample> {
  const steps = (list: WorkedStep[], source: string | null, language: string): LessonResult<WorkedExample> =>
    list.length === 0
      ? fail(path, "the engine produced no steps for this scenario")
      : { ok: true, value: { kind: "steps", title: block.title, source, language, steps: list } };
  switch (block.engine) {
    case "sched":
      return schedExample(block, path);
    case "fork": {
      const r = runFork(block.scenario, path);
      return r.ok ? steps(forkSteps(r.value), block.scenario, "c") : r;
    }
    case "eventloop": {
      const r = runLoop(block.scenario, path);
      return r.ok ? steps(loopSteps(r.value), block.scenario, "javascript") : r;
    }
    case "capacity": {
      const r = runCapacity(block.scenario, path);
      return r.ok ? steps(capacitySteps(r.value), null, "json") : r;
    }
    case "race": {
      const r = readRace(block.scenario, path);
      if (!r.ok) return r;
      if (!r.value.spec.schedule) return fail(`${path}.schedule`, "a race example needs the schedule to step through");
      const s = raceSteps(r.value.spec, r.value.system);
      if (!s.ok) return { ok: false, errors: s.errors.map((e) => ({ ...e, path: `${path}.${e.path}` })) };
      const source = r.value.spec.threads.map((t, i) => `thread ${i}: ${t}`).join("\n");
      return steps(s.value, source, "c");
    }
    case "inversion":
    case "deadline":
    case "quota": {
      const r = modelExample(block, path);
      return r.ok ? steps(r.value.steps, r.value.source, r.value.language) : r;
    }
    case "procstates": {
      const r = runProcStatesScenario(block.scenario, path);
      return r.ok ? steps(procStatesSteps(r.value), block.scenario, "json") : r;
    }
    case "loadavg": {
      const r = readLoadScenario(block.scenario, path);
      return r.ok ? steps(loadSteps(r.value), block.scenario, "json") : r;
    }
    case "lifecycle": {
      const r = runLifecycle(block.scenario, path);
      return r.ok ? steps(lifecycleSteps(r.value), block.scenario, "c") : r;
    }
    case "crash": {
      const r = runCrash(block.scenario, path);
      return r.ok ? steps(crashSteps(r.value), block.scenario, "json") : r;
    }
  }
}

export function buildCheck(block: CheckBlock, path = `line ${block.line}`): LessonResult<CheckQuestion> {
  switch (block.engine) {
    case "sched":
      return schedCheck(block, path);
    case "fork":
      return forkCheck(block, path);
    case "eventloop":
      return loopCheck(block, path);
    case "capacity":
      return capacityCheck(block, path);
    case "race":
      return raceCheck(block, path);
    case "inversion":
    case "deadline":
    case "quota":
      return modelCheck(block, path);
    case "procstates":
      return procStatesCheck(block.prompt, block.scenario, block.ask, path);
    case "loadavg":
      return loadCheck(block.prompt, block.scenario, block.ask, path);
    case "lifecycle":
      return forkCheck(block, path);
    case "crash":
      return fail(`${path}.engine`, "a crash scenario has worked examples only; ask a check of another engine");
  }
}

/** Every worked example and check of a lesson, run through the engine: the problems, with their lines. */
export function scenarioIssues(blocks: readonly { kind: string }[], slug: string): LessonIssue[] {
  const issues: LessonIssue[] = [];
  for (const b of blocks) {
    if (b.kind !== "worked-example" && b.kind !== "check") continue;
    const block = b as WorkedExampleBlock | CheckBlock;
    const path = `${slug}.md line ${block.line}`;
    const r = block.kind === "worked-example" ? buildWorkedExample(block, path) : buildCheck(block, path);
    if (!r.ok) issues.push(...r.errors);
  }
  return issues;
}
