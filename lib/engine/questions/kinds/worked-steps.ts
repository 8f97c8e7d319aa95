// Hint rungs each kind generates from a variant's own data (issue #23): a rule in words for when the
// template has too few hints, and the first step of the solution worked on this variant. A worked step
// stops after the first decision, so it never gives away the whole answer key (tested in lib/bank).
import type { CapacityReport } from "../../capacity/index";
import type { EventLoopModel } from "../../eventloop/types";
import type { ForkModel } from "../../process/fork/types";
import type { Decision, Workload } from "../../sched/index";
import { formatNumber } from "../grading";
import type { ParamValue } from "../params";
import { ruleWords } from "../rule-words";
import type { QuestionType, Variant } from "../types";

export interface KindHints {
  /** The rule the question turns on, in words; used only when the template brings fewer than two hints. */
  rule(variant: Variant): string;
  /** The first step worked on this variant's data. */
  firstStep(variant: Variant): string;
}

const VALUE_WORDS: [keyof Decision["ready"][number]["values"], string, string][] = [
  ["remaining", "", " ms left"],
  ["priority", "priority ", ""],
  ["level", "queue level ", ""],
  ["tickets", "", " tickets"],
  ["pass", "pass ", ""],
  ["vruntime", "vruntime ", ""],
  ["deadline", "virtual deadline ", ""],
  ["lag", "lag ", ""],
];

function describeReady(entry: Decision["ready"][number]): string {
  const bits: string[] = [];
  for (const [key, before, after] of VALUE_WORDS) {
    const v = entry.values[key];
    if (typeof v === "number") bits.push(`${before}${formatNumber(Number(v.toFixed(3)))}${after}`);
  }
  return bits.length > 0 ? `${entry.task} (${bits.join(", ")})` : entry.task;
}

function listWords(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

function schedData(variant: Variant): { workload: Workload; decisions: Decision[] } {
  const data = variant.key.data as unknown as { workload: Workload; sim: { decisions: Decision[] } };
  return { workload: data.workload, decisions: data.sim.decisions };
}

function firstPick(variant: Variant): Decision | undefined {
  return schedData(variant).decisions.find((d) => d.picked !== null);
}

const schedHints: KindHints = {
  rule(variant) {
    const d = firstPick(variant);
    const words = d ? ruleWords(d.rule) : undefined;
    return `${words ? `The rule: ${words}.` : "Apply the policy's rule to the ready jobs."} Apply it again at every arrival, completion${(variant.key.data["params"] as Record<string, unknown> | undefined)?.["quantum"] !== undefined ? ", quantum expiry" : ""} or I/O wake-up: only those moments can change who runs.`;
  },
  firstStep(variant) {
    const { workload, decisions } = schedData(variant);
    const d = firstPick(variant);
    if (!d) return "Nothing is ever ready: the CPU stays idle.";
    const idle =
      decisions[0] && decisions[0].picked === null && decisions[0].time < d.time
        ? `Nothing is ready before t=${formatNumber(d.time)} ms, so the CPU idles until then. `
        : "";
    const arrivals = workload.tasks.map((t) => `${t.id} arrives at ${formatNumber(t.arrival)} ms`);
    const ready = d.ready.map(describeReady);
    const why = ruleWords(d.rule);
    const at = `${idle ? "At" : "at"} t=`;
    return `First step on your jobs (${listWords(arrivals)}): ${idle}${at}${formatNumber(d.time)} ms the ready ${ready.length === 1 ? "job is" : "jobs are"} ${listWords(ready)}; ${why ?? `the rule (${d.rule}) applies`}, so ${d.picked} runs first. Now find the next moment something changes and decide again.`;
  },
};

const switchCostHints: KindHints = {
  rule() {
    return "A switch between two threads of the same process keeps the address space (a thread switch); a switch to a task of another process changes it (a process switch), which costs more.";
  },
  firstStep(variant) {
    const { workload } = variant.key.data as unknown as { workload: Workload };
    const byProcess = new Map<string, string[]>();
    for (const t of workload.tasks) {
      const p = (t as { process?: string }).process ?? t.id;
      byProcess.set(p, [...(byProcess.get(p) ?? []), t.id]);
    }
    const groups = [...byProcess.entries()].map(([p, ids]) => `${listWords(ids)} in ${p}`);
    return `First step on your tasks: group them by process (${groups.join("; ")}). Then draw the schedule and label each change of the running task: within one group it is a thread switch, across groups a process switch.`;
  },
};

const eventLoopHints: KindHints = {
  rule() {
    return "The order of queues: the synchronous script runs to the end, then process.nextTick callbacks, then promise microtasks, then the event-loop phases (timers, poll/I/O, check for setImmediate), draining nextTick and microtasks after each callback.";
  },
  firstStep(variant) {
    const { model } = variant.key.data as unknown as { model: EventLoopModel };
    const first = model.orders[0] ?? [];
    const sync = first.filter((l) => l.queue === "main");
    if (sync.length === 0)
      return "First step on your program: the main script prints nothing itself, so the first line comes from a queue. Find which callbacks are queued when the script ends.";
    return `First step on your program: the main script runs first and to the end before any callback; it prints ${sync.length} line${sync.length === 1 ? "" : "s"}, starting with “${sync[0]!.text}”. Next, find which callbacks are queued when it ends, and which queue drains first.`;
  },
};

const processHints: KindHints = {
  rule(variant) {
    const data = variant.key.data as unknown as { mode: string };
    return data.mode === "fork"
      ? "fork() returns twice: 0 in the child and the child's pid in the parent. The child is a copy that carries on from the fork() itself, with its own copy of every variable (and of the stdio buffer)."
      : "A fault such as a segmentation fault is delivered to the whole process: every thread of it dies, while other processes carry on.";
  },
  firstStep(variant) {
    const data = variant.key.data as unknown as { mode: string; model?: ForkModel };
    const model = data.model;
    if (data.mode !== "fork" || !model) return crashStep(variant);
    const root = model.processes.find((p) => p.parent === null);
    const firstFork = root?.events.find((e) => e.type === "fork") as
      { type: "fork"; child: number; line: number } | undefined;
    if (!root || !firstFork)
      return "First step on your program: it never calls fork(), so one process runs everything.";
    return `First step on your program: the original process (pid ${root.pid}) calls fork() first on line ${firstFork.line}. Right after it there are 2 processes, pid ${root.pid} and its child pid ${firstFork.child}, and both carry on from line ${firstFork.line}. Now trace each of them separately.`;
  },
};

function crashStep(variant: Variant): string {
  const code = variant.view.exhibits.find((e) => e.kind === "code");
  let proc = "";
  let thread = "";
  for (const line of code && code.kind === "code" ? code.source.split("\n") : []) {
    const p = /^process (\S+):/.exec(line);
    const t = /^\s+thread (\S+):/.exec(line);
    if (p) proc = p[1]!;
    else if (t) thread = t[1]!;
    else if (/\bSIG[A-Z]+|\b(?:exit|_exit|abort)\s*\(/.test(line)) {
      const statement = line.replace(/\/\*.*$/, "").trim();
      const signal = /\bSIG[A-Z]+/.exec(line)?.[0];
      const what = signal
        ? `the fault is “${statement}”`
        : `the first statement that can end a process is “${statement}”`;
      return `First step on your program: ${what} in thread ${thread} of process ${proc}${signal ? ` (${signal})` : ""}. Now go through the lines of process ${proc} and ask of each whether it can be printed before that statement runs.`;
    }
  }
  return "First step: decide for each line of output which process prints it, then whether that process is still alive at that point.";
}

const capacityHints: KindHints = {
  rule() {
    return "Each resource caps throughput on its own (CPU: cores ÷ CPU time per request; a pool of N threads: N ÷ time each request holds a thread; memory: RAM ÷ memory per request in flight). The smallest cap is where a server saturates.";
  },
  firstStep(variant) {
    const { report } = variant.key.data as unknown as { report: CapacityReport };
    const { workload, machine } = report.input as unknown as {
      workload: { arrivalRate: number; cpuMs: number; ioMs: number };
      machine: { cores: number; ramMiB?: number };
    };
    const server = report.servers[0];
    const bound = server?.bounds[0];
    const numbers = `${formatNumber(workload.arrivalRate)} requests/s arrive, each needs ${formatNumber(workload.cpuMs)} ms of CPU and ${formatNumber(workload.ioMs)} ms of I/O, on ${formatNumber(machine.cores)} cores`;
    if (!server || !bound)
      return `First step with your numbers: ${numbers}. Compute the CPU limit first: cores ÷ CPU time per request.`;
    return `First step with your numbers (${numbers}): for “${server.name}”, compute the ${bound.resource} limit first: ${bound.detail}. Then compute its other limits the same way and take the smallest.`;
  },
};

function paramWords(variant: Variant): string {
  const params = (variant.key.data["params"] ?? {}) as Record<string, ParamValue>;
  const entries = Object.entries(params).filter(([, v]) => typeof v === "number" || typeof v === "string");
  return entries.map(([k, v]) => `${k} = ${typeof v === "number" ? formatNumber(v) : String(v)}`).join(", ");
}

const conceptHints: KindHints = {
  rule(variant) {
    const first = variant.view.parts[0];
    return `Nudge: before choosing, say in one sentence what ${first ? `“${first.label}”` : "the question"} is really asking about, and which mechanism decides it.`;
  },
  firstStep(variant) {
    const words = paramWords(variant);
    const first = variant.view.parts[0];
    const what = first ? `“${first.label}”` : "the first part";
    return words
      ? `First step with your numbers (${words}): write down which of them ${what} depends on and the formula that links them, before computing anything.`
      : first?.kind === "choice"
        ? `First step: take the ${first.options.length} options of ${what} one at a time and ask of each “true or false, and why?”; rule out any you can show false.`
        : `First step: answer ${what} on its own before the other parts.`;
  },
};

/** The first part's ask, read from the key data race.ts keeps (the view alone does not say which it is). */
function raceAsk(variant: Variant): { id: string; ask: string; variable?: string } | undefined {
  const parts = (variant.key.data["parts"] ?? {}) as Record<string, { ask: string; variable?: string }>;
  const first = variant.view.parts[0];
  const d = first ? parts[first.id] : undefined;
  return first && d ? { id: first.id, ask: d.ask, ...(d.variable ? { variable: d.variable } : {}) } : undefined;
}

const raceHints: KindHints = {
  rule(variant) {
    const ask = raceAsk(variant)?.ask;
    return ask === "interrupt"
      ? "The rule: a lock is only as safe as the step that claims it. If a thread can be interrupted after it has seen the lock free but before the lock shows it as taken, the other thread can get in too."
      : "The rule: only loads and stores of shared memory interact; each thread's registers are its own. The last store to a variable decides its final value, and it stores what that thread computed from the value it loaded.";
  },
  firstStep(variant) {
    const a = raceAsk(variant);
    if (a?.ask === "final-values")
      return `First step: run the threads one after the other with no overlap and note the final ${a.variable ?? "value"}; that value is always possible. Then look for a run where a thread loads ${a.variable ?? "the variable"} before the other's store and stores after it.`;
    if (a?.ask === "interleave")
      return "First step: write the two listings side by side and mark in each thread the instruction that must happen before (or after) a given instruction of the other thread for the outcome to happen; then merge the two listings around those marks.";
    return "First step: let T0 run alone and note the value of the lock variable after each of its instructions; an interrupt is dangerous at a point where T0 is committed to entering but the lock variable still reads free.";
  },
};

export const KIND_HINTS: Record<QuestionType, KindHints> = {
  schedule: schedHints,
  metrics: schedHints,
  "switch-cost": switchCostHints,
  process: processHints,
  eventloop: eventLoopHints,
  capacity: capacityHints,
  concept: conceptHints,
  race: raceHints,
};
