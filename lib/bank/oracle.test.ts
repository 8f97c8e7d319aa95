// The student oracle: every computed answer in the bank must follow from what the browser receives.
// For each template and 100 seeds it takes ONLY the variant's view (prompt, exhibits, conventions, part
// specs — never key.data), rebuilds the engine's input from that text, recomputes every answer with the
// engine and requires it to equal the key. A template whose answer needs a figure the page does not
// state fails here until the figure is in the view.
//
// Exempt: "concept" templates' choice parts and fact numbers. Their keys are authored facts (which option is
// right, a kernel default), not computed from a drawn input. Concept numbers that follow from figures in
// their own label or prompt are recomputed below.
import { describe, expect, it } from "vitest";
import {
  analyzeForkProgram,
  assembleRace,
  buildVariant,
  CAPACITY_DEFAULTS,
  checkEventLoopOrder,
  compilePseudoC,
  explainOutputOrder,
  finalValues,
  findDeadlock,
  lockSystem,
  modelCapacity,
  modelEventLoop,
  niceToWeight,
  runInterleaving,
  runInterrupts,
  SCHED_IDLE_WEIGHT,
  simulate,
  simulateCrashScenario,
  validateWorkload,
  type LockKind,
  type RaceOutcome,
  type RaceProgram,
} from "@/lib/engine";
import type {
  AnswerPartSpec,
  CapacityServer,
  ForkModel,
  SimResult,
  TaskSpec,
  VariantExhibit,
  VariantView,
} from "@/lib/engine";
import { slotsFromSim } from "@/lib/engine/questions";
import { BUILT_IN_TEMPLATES } from "./index";

const SEEDS = 100;
type Expected = Record<string, unknown>;

// Seeds repeat the same few programs; analysing each distinct program once keeps the test fast.
const cache = new Map<string, unknown>();
function memo<T>(key: string, make: () => T): T {
  if (!cache.has(key)) cache.set(key, make());
  return cache.get(key) as T;
}

// ---------- reading the view ----------

function num(text: string, re: RegExp, what: string): number {
  const m = re.exec(text);
  if (!m) throw new Error(`the view does not state ${what} (looked for ${re})`);
  return Number(m[1]);
}

function convention(view: VariantView, re: RegExp): string | undefined {
  return view.conventions.find((c) => re.test(c));
}

function table(view: VariantView, caption: string): Extract<VariantExhibit, { kind: "table" }> {
  const t = view.exhibits.find((e) => e.kind === "table" && e.caption === caption);
  if (!t || t.kind !== "table") throw new Error(`no "${caption}" table in the view`);
  return t;
}

function code(view: VariantView): string {
  const c = view.exhibits.find((e) => e.kind === "code");
  if (!c || c.kind !== "code") throw new Error("no program in the view");
  return c.source;
}

/** The RT limit and SCHED_RR quantum, from the conventions (absent when there are no RT tasks). */
function rtLimits(all: string): Record<string, unknown> {
  const p: Record<string, unknown> = {};
  const thr = /RT throttling[^:]*: real-time tasks may use at most ([\d.]+) ms of every ([\d.]+) ms/.exec(all);
  const fair = /Fair server[^:]*: while normal tasks are runnable they get ([\d.]+) ms of every ([\d.]+) ms/.exec(all);
  if (thr) Object.assign(p, { throttle: "throttle", rtRuntimeMs: Number(thr[1]), rtPeriodMs: Number(thr[2]) });
  else if (fair)
    Object.assign(p, { throttle: "fair-server", fairServerMs: Number(fair[1]), rtPeriodMs: Number(fair[2]) });
  const rr = /SCHED_RR tasks get a ([\d.]+) ms quantum/.exec(all);
  if (rr) p["rrTimesliceMs"] = Number(rr[1]);
  return p;
}

/** The policy, from the plain-words conventions (the inverse of schedWords.describePolicy). */
function policyFromView(view: VariantView): Record<string, unknown> {
  const all = view.conventions.join("\n");
  const first = view.conventions[0] ?? "";
  if (first.startsWith("FIFO (")) return { name: "fifo" };
  if (first.startsWith("SJF (non-preemptive)")) return { name: "sjf" };
  if (first.startsWith("STCF (")) return { name: "stcf" };
  if (first.startsWith("Round robin with a"))
    return { name: "rr", quantum: num(first, /with a ([\d.]+) ms quantum/, "the RR quantum") };
  if (first.startsWith("Priority scheduling")) {
    const m =
      /^Priority scheduling \((preemptive|non-preemptive)[^)]*\); a (lower|higher) number means a higher priority/.exec(
        first,
      );
    if (!m) throw new Error(`cannot read the priority rule: ${first}`);
    return {
      name: "priority",
      preemptive: m[1] === "preemptive",
      higherIs: m[2] === "lower" ? "lower-number" : "higher-number",
    };
  }
  if (first.startsWith("MLFQ with")) {
    const m = /quanta ([\d., ]+) ms from the top level down/.exec(first);
    if (!m) throw new Error(`cannot read the MLFQ quanta: ${first}`);
    const boost = /boosted back to the top level every ([\d.]+) ms/.exec(first);
    if (!boost && !/no priority boost/.test(first)) throw new Error("the view does not say whether MLFQ boosts");
    const quanta = m[1]!.split(",").map((x) => Number(x.trim()));
    const allot = /its allotment at a level \(([\d., ]+) ms/.exec(first);
    if (!allot && !/used one quantum of CPU at a level moves down/.test(first))
      throw new Error("the view does not state the MLFQ allotment");
    return {
      name: "mlfq",
      quanta,
      boostPeriod: boost ? Number(boost[1]) : 0,
      allotments: allot ? allot[1]!.split(",").map((x) => Number(x.trim())) : quanta,
      ioResetsAllotment: /resets it/.test(first),
    };
  }
  if (first.startsWith("Stride scheduling")) {
    return {
      name: "stride",
      quantum: num(first, /with a ([\d.]+) ms quantum/, "the stride quantum"),
      strideConstant: num(first, /\(([\d.]+) \/ tickets\)/, "the stride constant"),
    };
  }
  if (first.startsWith("Linux real-time scheduling")) {
    // Only RT tasks: the fair class's knobs cannot matter, so deliberately odd ones are used.
    const p: Record<string, unknown> = { name: "eevdf", hz: 1000, baseSliceMs: 3, throttle: "none" };
    return Object.assign(p, rtLimits(all));
  }
  if (first.startsWith("Linux EEVDF")) {
    const p: Record<string, unknown> = {
      name: "eevdf",
      hz: num(first, /HZ=(\d+)/, "HZ"),
      baseSliceMs: num(first, /base slice ([\d.]+) ms/, "the base slice"),
      // Without real-time tasks the RT limit cannot matter; "none" proves the answer does not lean on a hidden default.
      throttle: "none",
    };
    return Object.assign(p, rtLimits(all));
  }
  throw new Error(`cannot read the policy from the conventions: ${first}`);
}

function tasksFromView(view: VariantView): TaskSpec[] {
  const t = table(view, "Workload");
  const col = (name: string) => t.columns.findIndex((c) => c.startsWith(name));
  const [iTask, iArr, iNice, iClass, iPrio, iTickets, iProc, iWs] = [
    "Task",
    "Arrival",
    "Nice",
    "Class",
    "Priority",
    "Tickets",
    "Process",
    "Working set",
  ].map(col);
  const iBurst = t.columns.findIndex((c) => c.startsWith("CPU burst") || c.startsWith("Bursts"));
  return t.rows.map((r) => {
    const burstCell = String(r[iBurst!]);
    if (burstCell.includes("forever") || burstCell.includes("repeats"))
      throw new Error("repeating tasks are not read by this oracle");
    const task: TaskSpec = {
      id: String(r[iTask!]),
      arrival: Number(r[iArr!]),
      bursts: burstCell.split(",").map((x) => Number(x.trim())),
    };
    if (iClass! >= 0 && String(r[iClass!]) !== "OTHER")
      task.class = String(r[iClass!]).toLowerCase() as TaskSpec["class"];
    if (iNice! >= 0) task.nice = Number(r[iNice!]);
    if (iPrio! >= 0 && r[iPrio!] !== "-") task.priority = Number(r[iPrio!]);
    if (iTickets! >= 0) task.tickets = Number(r[iTickets!]);
    if (iProc! >= 0) task.process = String(r[iProc!]);
    if (iWs! >= 0) task.workingSetKb = Number(r[iWs!]);
    return task;
  });
}

function switchCostFromView(view: VariantView): Record<string, unknown> {
  // Caps the engine has but the page does not state are set out of reach, so the answer cannot lean on them.
  const base = { cacheKb: 1e9, pcid: true, refillNsPerKb: 0 };
  const textbook = convention(view, /^Every switch from one job to a different job takes/);
  if (textbook) {
    const us = num(textbook, /takes ([\d.]+) ms of CPU time/, "the switch time") * 1000;
    return { ...base, chargeTime: true, threadUs: us, processUs: us, userUs: us, idleUs: 0 };
  }
  const priced = convention(view, /^A switch between two threads of the same process costs/);
  if (priced) {
    const charge = convention(view, /^Switch overhead takes CPU time/) !== undefined;
    if (!charge && !convention(view, /^Switch overhead is counted but does not shift the schedule/))
      throw new Error("the view does not say whether switches take CPU time");
    return {
      ...base,
      chargeTime: charge,
      threadUs: num(priced, /same process costs ([\d.]+) µs/, "the thread switch cost"),
      processUs: num(priced, /between two processes ([\d.]+) µs/, "the process switch cost"),
      idleUs: num(priced, /idle CPU ([\d.]+) µs/, "the idle switch cost"),
    };
  }
  if (convention(view, /^Context switches take no CPU time in the schedule/)) return { ...base, chargeTime: false };
  throw new Error("the view does not state what a context switch costs");
}

function conventionsFromView(view: VariantView): Record<string, string> {
  const tie = convention(view, /^Ties \(/);
  if (!tie) throw new Error("the view does not state the tie-break");
  const tieBreak = /arrived first/.test(tie)
    ? "arrival"
    : /alphabetically/.test(tie)
      ? "id"
      : /listed first/.test(tie)
        ? "list"
        : undefined;
  if (!tieBreak) throw new Error(`cannot read the tie-break: ${tie}`);
  const ave = convention(view, /the same instant another job's quantum expires/);
  const quantumPolicy = ["rr", "mlfq", "stride", "lottery"].includes(String(policyFromView(view)["name"]));
  if (quantumPolicy && !ave) throw new Error("a quantum policy without the arrival-vs-expired rule");
  return {
    tieBreak,
    arrivalVsExpired:
      ave && /the preempted job goes back into the ready queue first/.test(ave) ? "expired-first" : "arrival-first",
  };
}

function simulateFromView(
  view: VariantView,
  overrides: { policy?: Record<string, unknown>; tasks?: TaskSpec[]; switchCost?: Record<string, unknown> } = {},
): SimResult {
  const cut = convention(view, /^The run is cut off at t=/);
  const doc: Record<string, unknown> = {
    policy: overrides.policy ?? policyFromView(view),
    tasks: overrides.tasks ?? tasksFromView(view),
    conventions: conventionsFromView(view),
    switchCost: overrides.switchCost ?? switchCostFromView(view),
    log: true,
    logReadyLimit: 26,
  };
  if (cut) doc["horizon"] = num(cut, /t=([\d.]+) ms/, "the cut-off");
  const w = validateWorkload(doc);
  if (!w.ok) throw new Error(`the workload read from the view is invalid: ${JSON.stringify(w.errors)}`);
  return simulate(w.value);
}

// ---------- recomputing answers ----------

function cpuIn(sim: SimResult, task: string, windowMs: number): number {
  return sim.slices
    .filter((s) => s.task === task)
    .reduce((a, s) => a + Math.max(0, Math.min(s.end, windowMs) - s.start), 0);
}

function metricAnswer(part: AnswerPartSpec, view: VariantView, sim: SimResult, tasks: TaskSpec[]): number {
  if (part.id === "switches") return sim.switches.total - sim.switches.byKind.idle.count;
  const [metric, task] = [part.id.slice(0, part.id.indexOf("-")), part.id.slice(part.id.indexOf("-") + 1)];
  if (metric === "cpuShare" || metric === "vruntimeGain") {
    const windowMs = num(part.label, /in the first ([\d.]+) ms/, "the window");
    const cpu = cpuIn(sim, task, windowMs);
    if (metric === "cpuShare") return (cpu / windowMs) * 100;
    const t = tasks.find((x) => x.id === task)!;
    const weight = t.class === "idle" ? SCHED_IDLE_WEIGHT : niceToWeight(t.nice ?? 0);
    return (cpu * 1024) / weight;
  }
  const one = (id: string): number => {
    const m = sim.tasks.find((x) => x.id === id)!;
    const v =
      metric === "completion"
        ? m.finish
        : metric === "turnaround"
          ? m.turnaround
          : metric === "response"
            ? m.response
            : m.waiting;
    if (v === null || v === undefined) throw new Error(`${id} has no ${metric}`);
    return v;
  };
  if (task === "average") return sim.tasks.reduce((a, m) => a + one(m.id), 0) / sim.tasks.length;
  void view;
  return one(task);
}

function switchCostAnswer(part: AnswerPartSpec, view: VariantView, sim: SimResult): number {
  const s = sim.switches;
  switch (part.id) {
    case "totalOverheadUs":
      return s.totalOverheadMs * 1000;
    case "switches":
      return s.total;
    case "threadSwitches":
      return s.byKind.thread.count;
    case "processSwitches":
      return s.byKind.process.count;
    case "overheadWithQuantumUs":
    case "switchesWithQuantum": {
      const q = num(part.label, /if the quantum were ([\d.]+) ms/, "the other quantum");
      const alt = simulateFromView(view, { policy: { ...policyFromView(view), quantum: q } });
      return part.id === "switchesWithQuantum" ? alt.switches.total : alt.switches.totalOverheadMs * 1000;
    }
    case "overheadWithWorkingSetUs": {
      const ws = num(part.label, /touched ([\d.]+) KiB per run/, "the working set");
      const refill = num(part.label, /refill ([\d.]+) ns per KiB/, "the refill rate");
      const alt = simulateFromView(view, {
        tasks: tasksFromView(view).map((t) => ({ ...t, workingSetKb: ws })),
        switchCost: { ...switchCostFromView(view), refillNsPerKb: refill },
      });
      return alt.switches.totalOverheadMs * 1000;
    }
  }
  throw new Error(`unknown switch-cost part ${part.id}`);
}

function expectSameNumber(got: number, expected: unknown, what: string): void {
  expect(typeof expected, what).toBe("number");
  expect(
    Math.abs(got - (expected as number)),
    `${what}: recomputed ${got}, key ${String(expected)}`,
  ).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected as number)));
}

/** A comparison question states each policy's rule as "Policy k (…): rule"; each k is read on its own. */
function checkComparison(view: VariantView, expected: Expected): void {
  const rules = view.conventions
    .map((c) => /^Policy (\d+) \([^)]*\): (.*)$/s.exec(c))
    .filter((m): m is RegExpExecArray => m !== null);
  const shared = view.conventions.filter((c) => !/^Policy \d+ \(/.test(c));
  const asked = new Set(view.parts.map((p) => Number(/^p(\d+)-/.exec(p.id)?.[1])));
  expect(
    rules.map((m) => Number(m[1])),
    "every policy asked about is stated",
  ).toEqual([...asked].sort());
  for (const m of rules) {
    const k = m[1]!;
    const own: VariantView = {
      ...view,
      conventions: [m[2]!, ...shared],
      parts: view.parts
        .filter((p) => p.id.startsWith(`p${k}-`))
        .map((p) => ({ ...p, id: p.id.slice(`p${k}-`.length) })),
    };
    const ownExpected = Object.fromEntries(
      Object.entries(expected)
        .filter(([id]) => id.startsWith(`p${k}-`))
        .map(([id, v]) => [id.slice(`p${k}-`.length), v]),
    );
    checkSched(own, ownExpected);
  }
}

function checkSched(view: VariantView, expected: Expected): void {
  if (view.parts.length > 0 && view.parts.every((p) => /^p\d+-/.test(p.id))) return checkComparison(view, expected);
  const sim = simulateFromView(view);
  const tasks = tasksFromView(view);
  for (const part of view.parts) {
    if (part.kind === "timeline") {
      const s = slotsFromSim(sim, part.slotMs, 400);
      if (!s.ok) throw new Error(`the recomputed schedule does not fit the slot grid: ${s.problem}`);
      expect(s.slots, "timeline").toEqual(expected[part.id]);
    } else if (part.kind === "number") {
      const got =
        view.type === "switch-cost" ? switchCostAnswer(part, view, sim) : metricAnswer(part, view, sim, tasks);
      expectSameNumber(got, expected[part.id], part.id);
    }
  }
}

function labelOf(part: AnswerPartSpec, id: string): string {
  if (part.kind === "order") return part.items.find((i) => i.id === id)!.label;
  if (part.kind === "choice") return part.options.find((o) => o.id === id)!.label;
  throw new Error("no labels");
}

function checkFork(view: VariantView, expected: Expected): void {
  const mode = convention(view, /^Output goes to a pipe/)
    ? "pipe"
    : convention(view, /^Output goes to a terminal/)
      ? "tty"
      : undefined;
  if (!mode) throw new Error("the view does not say whether stdout is a terminal or a pipe");
  const m = memo(`fork\u0000${mode}\u0000${code(view)}`, () => analyzeForkProgram(code(view), { mode }));
  if (!m.ok) throw new Error(`the program in the view does not analyse: ${JSON.stringify(m.errors)}`);
  const model = m.value;
  for (const part of view.parts) {
    if (part.id === "processes") expect(model.processCount).toBe(expected["processes"]);
    else if (part.id === "lines") expect(model.linesPrinted).toBe(expected["lines"]);
    else if (part.kind === "choice" && part.id === "appears") {
      const printed = new Set(model.outputs[0] ?? []);
      expect(
        part.options
          .filter((o) => printed.has(o.label))
          .map((o) => o.id)
          .sort(),
      ).toEqual([...(expected["appears"] as string[])].sort());
    } else if (part.kind === "order") {
      const labels = (expected[part.id] as string[]).map((id) => labelOf(part, id));
      expect([...labels].sort(), "the items are the lines printed").toEqual([...(model.outputs[0] ?? [])].sort());
      expect(explainOutputOrder(model, labels).valid, `key order ${labels.join(" | ")} is possible`).toBe(true);
    } else if (part.kind === "tree") {
      expect(treeFromModel(model, code(view), part), "the key's process tree").toBe(
        treeFromKey(part, expected[part.id] as string[]),
      );
    }
  }
}

type TreePartSpec = Extract<AnswerPartSpec, { kind: "tree" }>;

/** The tree as nested label words, siblings sorted: equal trees read the same whatever the encoding. */
function treeWords(label: string, kids: string[]): string {
  return `${label}(${kids.sort().join(",")})`;
}

/** The process tree rebuilt from the program in the view: each process named by its creating call's option text, or by the line it prints. */
function treeFromModel(model: ForkModel, source: string, part: TreePartSpec): string {
  const calls: { line: number; column: number }[] = [];
  source.split("\n").forEach((text, i) => {
    for (let at = text.indexOf("fork()"); at >= 0; at = text.indexOf("fork()", at + 1))
      if (!/[A-Za-z_]/.test(text[at - 1] ?? " ")) calls.push({ line: i + 1, column: at + 1 });
  });
  if (part.labelling === "fork")
    expect(
      part.labels.map((l) => l.label),
      "one option per fork() call",
    ).toEqual(calls.map((c, k) => `fork() #${k + 1} (line ${c.line})`));
  const byPid = new Map(model.processes.map((p) => [p.pid, p]));
  const name = (pid: number): string => {
    const p = byPid.get(pid)!;
    if (part.labelling === "fork") {
      if (p.parent === null) return part.rootLabel!.label;
      const k = calls.findIndex((c) => c.line === p.forkLine && c.column === p.forkColumn);
      if (k < 0) throw new Error(`process ${pid} comes from a fork() the listing does not show`);
      return part.labels[k]!.label;
    }
    const lines = p.events.flatMap((e) => (e.type === "write" ? e.text.split("\n").filter((l) => l !== "") : []));
    if (new Set(lines).size > 1) throw new Error(`process ${pid} prints several lines`);
    const text = lines[0] ?? "(prints nothing)";
    if (!part.labels.some((l) => l.label === text)) throw new Error(`no option reads ${JSON.stringify(text)}`);
    return text;
  };
  const walk = (pid: number): string => treeWords(name(pid), byPid.get(pid)!.children.map(walk));
  return walk(model.tree.pid);
}

function treeFromKey(part: TreePartSpec, encoded: string[]): string {
  const nodes = encoded.map((e) => {
    const [parent, label] = e.split(":");
    return {
      parent: Number(parent),
      label: label === part.rootLabel?.id ? part.rootLabel.label : part.labels.find((l) => l.id === label)!.label,
    };
  });
  const walk = (i: number): string =>
    treeWords(
      nodes[i]!.label,
      nodes.flatMap((n, k) => (k > 0 && n.parent === i ? [walk(k)] : [])),
    );
  return walk(0);
}

/** Reads the "Processes and threads" listing back into a crash scenario. */
function scenarioFromListing(src: string): unknown {
  const processes: { name: string; threads: { name: string; steps: Record<string, unknown>[] }[] }[] = [];
  const memory: Record<string, { shared: boolean; initial: number }> = {};
  for (const raw of src.split("\n")) {
    const line = raw.trim();
    let m: RegExpExecArray | null;
    if ((m = /^(shared|private) int (\w+) = (-?\d+);$/.exec(line)))
      memory[m[2]!] = { shared: m[1] === "shared", initial: Number(m[3]) };
    else if ((m = /^process (.+):$/.exec(line))) processes.push({ name: m[1]!, threads: [] });
    else if ((m = /^thread (.+):$/.exec(line))) processes.at(-1)!.threads.push({ name: m[1]!, steps: [] });
    else {
      const steps = processes.at(-1)!.threads.at(-1)!.steps;
      if ((m = /^printf\("(.*)\\n"\);$/.exec(line))) steps.push({ print: m[1] });
      else if ((m = /\/\*.*\b(SIG[A-Z]+) \*\/$/.exec(line)) || (m = /^raise\((SIG[A-Z]+)\);$/.exec(line)))
        steps.push({ fault: m[1] });
      else if ((m = /^exit\((-?\d+)\);$/.exec(line))) steps.push({ exit: Number(m[1]) });
      else if ((m = /^pthread_join\((.+)\);$/.exec(line))) steps.push({ join: m[1] });
      else if (line === "pthread_exit(NULL);") steps.push({ pthreadExit: true });
      else if ((m = /^print (\w+);$/.exec(line))) steps.push({ load: m[1] });
      else if ((m = /^(\w+) = (-?\d+);$/.exec(line))) steps.push({ store: { var: m[1], value: Number(m[2]) } });
      else throw new Error(`cannot read the listing line: ${line}`);
    }
  }
  return Object.keys(memory).length > 0 ? { processes, memory } : { processes };
}

function checkCrash(view: VariantView, expected: Expected): void {
  const r = simulateCrashScenario(scenarioFromListing(code(view)));
  if (!r.ok) throw new Error(`the listing does not simulate: ${JSON.stringify(r.errors)}`);
  const prints = r.value.steps.filter((s) => s.kind === "print" && s.text !== undefined);
  for (const part of view.parts) {
    if (part.kind !== "choice") continue;
    const want = part.id === "always" ? "always" : "never";
    const ids = part.options
      .filter((o) => prints.some((p) => `${p.process}/${p.thread}: ${p.text}` === o.label && p.appears === want))
      .map((o) => o.id);
    expect(ids.sort(), part.id).toEqual([...(expected[part.id] as string[])].sort());
  }
}

function checkEventLoop(view: VariantView, expected: Expected): void {
  const m = memo(`eventloop\u0000${code(view)}`, () => modelEventLoop(code(view)));
  if (!m.ok) throw new Error(`the program in the view does not model: ${JSON.stringify(m.errors)}`);
  const part = view.parts[0]!;
  const labels = (expected[part.id] as string[]).map((id) => labelOf(part, id));
  expect(checkEventLoopOrder(m.value, labels).valid, `key order ${labels.join(" | ")}`).toBe(true);
  if (m.value.deterministic) expect(labels).toEqual(m.value.outputs[0]);
}

function capacityInputFromView(view: VariantView): Parameters<typeof modelCapacity>[0] {
  const w = table(view, "Workload and machine");
  const row = w.rows[0]!.map(Number);
  const [arrivalRate, cpuMs, ioMs, cores, ramMiB] = row as [number, number, number, number, number];
  const all = view.conventions.join("\n");
  // The per-request switch costs are not a per-server figure in the model; the page must state the model's own.
  const switchUs: [RegExp, keyof typeof CAPACITY_DEFAULTS][] = [
    [/([\d.]+) µs per switch for OS threads/, "threadSwitchUs"],
    [/([\d.]+) µs for goroutines and virtual threads/, "goroutineSwitchUs"],
    [/([\d.]+) µs per event-loop hop/, "nodeHopUs"],
  ];
  const servers: CapacityServer[] = table(view, "Server models").rows.map((r) => {
    const [name, model, threads, io] = r.map(String) as [string, string, string, string];
    const line = view.conventions.find((c) => c.startsWith(`${name}: `));
    if (!line) throw new Error(`the view states no figures for ${name}`);
    let s: CapacityServer;
    if (model === "Thread pool" || model === "One new OS thread per request") {
      const threadsMax = /threads-max = RAM ÷ ([\d.]+) KiB/.exec(line);
      s = {
        kind: "thread-per-request",
        name,
        threadRssKiB: num(line, /uses ([\d.]+) KiB of resident stack/, "resident stack per thread"),
        kernelPerThreadKiB: num(line, /plus ([\d.]+) KiB in the kernel/, "kernel memory per thread"),
        pidMax: num(line, /pid_max (\d+)/, "pid_max"),
        maxMapCount: num(line, /vm\.max_map_count (\d+)/, "vm.max_map_count"),
        threadsMax: threadsMax
          ? Math.floor((ramMiB * 1024) / Number(threadsMax[1]))
          : num(line, /threads-max (\d+)/, "threads-max"),
      };
      if (model === "Thread pool") s.poolSize = num(threads, /^(\d+) OS threads/, "the pool size");
      if (!/2 mappings per thread/.test(line))
        throw new Error("the view does not say how many mappings a thread costs");
    } else if (model === "Node.js event loop") {
      s = { kind: "event-loop", name, perConnectionKiB: num(line, /uses ([\d.]+) KiB/, "memory per request") };
      if (io.startsWith("file-system"))
        Object.assign(s, {
          ioOnThreadPool: true,
          poolSize: num(line, /libuv pool has (\d+) threads/, "the libuv pool size"),
        });
    } else if (model.startsWith("One goroutine")) {
      s = {
        kind: "goroutines",
        name,
        goroutineStackKiB: num(line, /([\d.]+) KiB stack/, "the goroutine stack"),
        ioKind: io.startsWith("blocking") ? "blocking-syscall" : "network",
      };
      if (s.ioKind === "blocking-syscall") s.maxThreads = num(line, /at most (\d+) OS threads/, "Go's thread cap");
      if (!threads.includes("number of cores")) s.gomaxprocs = num(threads, /GOMAXPROCS = (\d+)/, "GOMAXPROCS");
    } else if (model.startsWith("One virtual thread")) {
      const pinned = /^([\d.]+)% of each wait is pinned/.exec(io);
      s = {
        kind: "virtual-threads",
        name,
        virtualThreadKiB: num(line, /about ([\d.]+) KiB/, "memory per virtual thread"),
        pinnedFraction: pinned ? Number(pinned[1]) / 100 : 0,
      };
      if (!threads.includes("as many carrier threads as cores"))
        s.carriers = num(threads, /^(\d+)/, "the carrier count");
    } else throw new Error(`unknown server model ${model}`);
    return s;
  });
  for (const [re, key] of switchUs) {
    const kinds =
      key === "threadSwitchUs"
        ? ["thread-per-request"]
        : key === "nodeHopUs"
          ? ["event-loop"]
          : ["goroutines", "virtual-threads"];
    if (servers.some((s) => kinds.includes(s.kind)))
      expect(num(all, re, key), `stated ${key}`).toBe(CAPACITY_DEFAULTS[key].value);
  }
  return { workload: { arrivalRate, cpuMs, ioMs }, machine: { cores, ramMiB }, servers };
}

function checkCapacity(view: VariantView, expected: Expected): void {
  const m = modelCapacity(capacityInputFromView(view));
  if (!m.ok) throw new Error(`the capacity input read from the view is invalid: ${JSON.stringify(m.errors)}`);
  const rates = m.value.servers.map((s) => s.saturationRps);
  for (const part of view.parts) {
    if (part.id === "saturates-first") expect(`s${rates.indexOf(Math.min(...rates)) + 1}`).toBe(expected[part.id]);
    else {
      const i = Number(/-s(\d+)$/.exec(part.id)![1]) - 1;
      const got = part.id.startsWith("saturation") ? m.value.servers[i]!.saturationRps : m.value.servers[i]!.memoryMiB;
      expectSameNumber(got, expected[part.id], part.id);
    }
  }
}

/**
 * Race questions: the listings in the exhibits assemble as shown (less their line numbers), the
 * conventions give the starting memory, and the part labels say what is asked; the engine recomputes the
 * possible final values, runs the reference interleaving, and tries an interrupt after each instruction.
 */
function checkRace(view: VariantView, expected: Expected): void {
  const programs: RaceProgram[] = view.exhibits
    .filter(
      (e): e is Extract<VariantExhibit, { kind: "code" }> => e.kind === "code" && e.caption.startsWith("Thread T"),
    )
    .map((e) => assembleRace(e.source.replace(/^ *\d+ {2}/gm, "")));
  const start = /Memory starts with ([^;]+);/.exec(view.conventions.join(" "))?.[1];
  const memory = Object.fromEntries(
    (start ?? "")
      .split(", ")
      .filter(Boolean)
      .map((kv) => kv.split(" = ") as [string, string])
      .map(([k, v]) => [k, Number(v)]),
  );
  const system = { threads: programs.map((program, i) => ({ program, registers: { bx: i } })), memory };
  const inside = (out: RaceOutcome, t: number) => {
    const cs = programs[t]!.critical!;
    return !out.threads[t]!.done && out.threads[t]!.pc >= cs.start && out.threads[t]!.pc < cs.end;
  };
  for (const part of view.parts) {
    if (part.kind === "choice" && part.multiple) {
      const variable = /final values? of (\w+)/.exec(part.label)![1]!;
      const values = finalValues(system, variable).values;
      expect(expected[part.id]).toEqual(part.options.filter((o) => values.includes(Number(o.label))).map((o) => o.id));
    } else if (part.kind === "order") {
      const items = (expected[part.id] as string[]).map((id) => {
        const m = /^T(\d+) · (\d+): /.exec(part.items.find((x) => x.id === id)!.label)!;
        return [Number(m[1]), Number(m[2]) - 1] as const;
      });
      const schedule = items.map(([t]) => t);
      const out = runInterleaving(system, schedule);
      expect(out.steps.map((s) => [s.thread, s.pc])).toEqual(items.map(([t, i]) => [t, i]));
      const target = /ends with (\w+) = (-?\d+)/.exec(part.label);
      if (target) expect(out.memory[target[1]!]).toBe(Number(target[2]));
      else
        expect(
          schedule.some((_, k) => {
            const o = runInterleaving(system, schedule.slice(0, k + 1));
            return inside(o, 0) && inside(o, 1);
          }),
        ).toBe(true);
    } else if (part.kind === "choice") {
      // One interrupt after T0's (k+1)-th instruction: T1 runs until inside, then T0 until inside.
      const runUntil = (sched: number[], t: number): number[] | null => {
        for (let m = 0; m < 60; m++) {
          let out: RaceOutcome;
          try {
            out = runInterleaving(system, sched);
          } catch {
            return null;
          }
          if (inside(out, t)) return sched;
          sched = [...sched, t];
        }
        return null;
      };
      const breaks = (k: number) => {
        const t1 = runUntil(Array<number>(k + 1).fill(0), 1);
        const both = t1 && runUntil(t1, 0);
        return both !== null && both !== undefined && inside(runInterleaving(system, both), 1);
      };
      const steps = part.options.filter((o) => o.label.startsWith("After"));
      const right = steps.filter((_, k) => breaks(k)).map((o) => o.id);
      const none = part.options.find((o) => o.label.startsWith("None"))!.id;
      expect(right.length > 0 ? right : [none]).toContain(expected[part.id]);
    }
  }
}

export function checkFromView(view: VariantView, expected: Expected): void {
  switch (view.type) {
    case "schedule":
    case "metrics":
    case "switch-cost":
      return checkSched(view, expected);
    case "process":
      return view.exhibits[0]?.caption === "Processes and threads"
        ? checkCrash(view, expected)
        : checkFork(view, expected);
    case "eventloop":
      return checkEventLoop(view, expected);
    case "capacity":
      return checkCapacity(view, expected);
    case "race":
      return checkRace(view, expected);
    case "concept":
      return;
  }
}

describe("student oracle: every computed answer follows from the view", () => {
  const computed = BUILT_IN_TEMPLATES.filter((t) => t.type !== "concept");

  it("covers every non-concept template", () => {
    expect(computed.length).toBeGreaterThanOrEqual(40);
  });

  describe.each(computed.map((t) => [t.slug, t] as const))("%s", (_slug, template) => {
    it(`recomputes the key from the view alone on ${SEEDS} seeds`, () => {
      for (let seed = 0; seed < SEEDS; seed++) {
        const v = buildVariant(template, seed);
        if (!v.ok) throw new Error(`seed ${seed}: ${JSON.stringify(v.errors)}`);
        // A JSON round trip: exactly what the browser receives, nothing more.
        const view = JSON.parse(JSON.stringify(v.value.view)) as VariantView;
        try {
          checkFromView(view, v.value.key.expected);
        } catch (e) {
          throw new Error(`seed ${seed}: ${(e as Error).message}`);
        }
      }
    });
  });

  // Concept numbers that follow from figures in their own label or prompt are recomputed too (to the
  // precision the template grades with); the other concept parts are authored facts (a kernel default,
  // which option is right) and stay exempt.
  const conceptNumbers: {
    slug: string;
    part: string;
    tolerance: number;
    compute: (view: VariantView, label: string) => number;
  }[] = [
    {
      slug: "littles-law-threads-needed",
      part: "busy",
      tolerance: 0,
      compute: (v) =>
        num(v.prompt, /\*\*(\d+) req\/s\*\*/, "the rate") *
        (num(v.prompt, /\*\*(\d+) ms\*\*/, "the holding time") / 1000),
    },
    {
      slug: "nice-weight-arithmetic",
      part: "share-a",
      tolerance: 0.1,
      compute: (_v, l) => {
        const a = num(l, /nice 0 weight (\d+)/, "w0");
        return (a / (a + num(l, /nice 1 weight (\d+)/, "w1"))) * 100;
      },
    },
    {
      slug: "nice-weight-arithmetic",
      part: "share-19",
      tolerance: 0.1,
      compute: (_v, l) => {
        const b = num(l, /nice 19 task \((\d+)\)/, "w19");
        return (b / (num(l, /nice 0 task \((\d+)\)/, "w0") + b)) * 100;
      },
    },
    {
      slug: "which-policy-optimises-what",
      part: "rr-response",
      tolerance: 0,
      // n jobs at t=0 under RR: the last one starts after the other n − 1 quanta (index of the word = n − 1).
      compute: (_v, l) =>
        ["One", "Two", "Three", "Four", "Five", "Six"].indexOf(/^(\w+) jobs/.exec(l)?.[1] ?? "") *
        num(l, /(\d+) ms quantum/, "the quantum"),
    },
    {
      slug: "littles-law-pool-size",
      part: "busy",
      tolerance: 0,
      compute: (v) =>
        num(v.prompt, /\*\*(\d+) req\/s\*\*/, "the rate") *
        (num(v.prompt, /\*\*(\d+) ms\*\*/, "the holding time") / 1000),
    },
    {
      slug: "littles-law-pool-size",
      part: "pool",
      tolerance: 0,
      // The smallest pool N with busy / N ≤ 0.8, found by counting up rather than by the template's formula.
      compute: (v) => {
        const busy =
          num(v.prompt, /\*\*(\d+) req\/s\*\*/, "the rate") *
          (num(v.prompt, /\*\*(\d+) ms\*\*/, "the holding time") / 1000);
        let n = 1;
        while (busy / n > 0.8 + 1e-12) n++;
        return n;
      },
    },
    {
      slug: "switch-cost-orders-of-magnitude",
      part: "ratio",
      tolerance: 2,
      compute: (_v, l) =>
        (num(l, /one (\d+) µs kernel switch/, "switch") * 1000) / num(l, /\((\d+) ns each\)/, "goroutine"),
    },
    {
      slug: "mlfq-gaming-and-boost",
      part: "share",
      tolerance: 1,
      compute: (_v, l) =>
        (num(l, /runs ([\d.]+) ms then/, "run") /
          (num(l, /runs ([\d.]+) ms then/, "run") + num(l, /then does ([\d.]+) ms of I\/O/, "io"))) *
        100,
    },
    // Races and locks (issue #18): rebuilt from the prompt's programs and run through the race model.
    ...(["max", "min", "count"] as const).map((part) => ({
      slug: "race-add-sub-final-values",
      part,
      tolerance: 0,
      compute: (v: VariantView) => {
        const start = num(v.prompt, /`int x = (\d+);`/, "the start value");
        const thread = (re: RegExp, what: string) => {
          const m = re.exec(v.prompt);
          if (!m) throw new Error(`the view does not state ${what}`);
          return { program: compilePseudoC(m[1]!, ["x"]) };
        };
        const t1 = thread(/`(x = x \+ \d+;)`/, "thread 1's statement");
        const t2 = thread(/`(x = x - \d+;)`/, "thread 2's statement");
        const values = finalValues({ threads: [t1, t2], memory: { x: start } }, "x").values;
        return part === "max" ? values[values.length - 1]! : part === "min" ? values[0]! : values.length;
      },
    })),
    {
      slug: "race-interrupt-interval",
      part: "final",
      tolerance: 0,
      compute: (v) => {
        const program = compilePseudoC(
          "count++;\n".repeat(num(v.prompt, /runs `count\+\+` \*\*(\d+)\*\* times/, "the iterations")),
          ["count"],
        );
        return runInterrupts(
          { threads: [{ program }, { program }] },
          num(v.prompt, /after every \*\*(\d+)\*\* instructions/, "the interval"),
        ).memory["count"]!;
      },
    },
    ...(["count", "min"] as const).map((part) => ({
      slug: "lock-kind-final-values",
      part,
      tolerance: 0,
      compute: (v: VariantView) => {
        const kind = /The lock is \*\*(\w+)\*\*/.exec(v.prompt)?.[1] as LockKind;
        const values = finalValues(
          lockSystem(kind, 2, num(v.prompt, /`for \(i = 0; i < (\d+); i\+\+\) \{ lock\(\);/, "the iterations")),
          "count",
        ).values;
        return part === "count" ? values.length : values[0]!;
      },
    })),
    ...(["cycle", "steps"] as const).map((part) => ({
      slug: "dining-philosophers-deadlock",
      part,
      tolerance: 0,
      compute: (v: VariantView) => {
        const n = num(v.prompt, /^\*\*(\d+)\*\* threads/, "the number of threads");
        const threads = Array.from({ length: n }, (_, i) => ({
          program: compilePseudoC(`lock(m${i}); lock(m${(i + 1) % n}); unlock(m${(i + 1) % n}); unlock(m${i});`, []),
        }));
        const r = findDeadlock({ threads });
        return !r.deadlock ? 0 : part === "cycle" ? r.cycle.length : r.interleaving.length;
      },
    })),
    {
      slug: "philosophers-one-reversed",
      part: "cycle",
      tolerance: 0,
      compute: (v) => {
        const n = num(v.prompt, /n = \*\*(\d+)\*\*/, "the number of threads");
        // Where the prompt says so, the last thread takes m[0] before m[n - 1]; the rest (and otherwise the
        // last too) take m[i] before m[(i + 1) mod n].
        const reversed = v.prompt.includes("which locks `m[0]` first");
        const order = (i: number) => (reversed && i === n - 1 ? [0, n - 1] : [i, (i + 1) % n]);
        const threads = Array.from({ length: n }, (_, i) => ({
          program: compilePseudoC(
            `lock(m${order(i)[0]}); lock(m${order(i)[1]}); unlock(m${order(i)[1]}); unlock(m${order(i)[0]});`,
            [],
          ),
        }));
        const r = findDeadlock({ threads });
        return r.deadlock ? r.cycle.length : 0;
      },
    },
    ...(["spin", "block", "breakeven"] as const).map((part) => ({
      slug: "spin-vs-block-waste",
      part,
      tolerance: 0,
      compute: (v: VariantView) => {
        const hold = num(v.prompt, /release it in \*\*(\d+) µs\*\*/, "the hold time");
        const sw = num(v.prompt, /A context switch costs \*\*(\d+) µs\*\*/, "the switch cost");
        return part === "spin" ? hold : 2 * sw;
      },
    })),
    ...(["two-phase", "best"] as const).map((part) => ({
      slug: "two-phase-waiting",
      part,
      tolerance: 0,
      compute: (v: VariantView) => {
        const hold = num(v.prompt, /released \*\*(\d+) µs\*\*/, "the hold time");
        const sw = num(v.prompt, /A switch costs \*\*(\d+) µs\*\*/, "the switch cost");
        // Spin, a microsecond at a time, up to the cost of blocking; block if the lock is still held.
        let spun = 0;
        while (spun < hold && spun < 2 * sw) spun++;
        const twoPhase = spun === hold ? spun : spun + 2 * sw;
        return part === "two-phase" ? twoPhase : Math.min(hold, 2 * sw);
      },
    })),
    {
      slug: "spinlock-on-one-cpu",
      part: "wasted",
      tolerance: 0,
      compute: (v) =>
        num(v.prompt, /\*\*(\d+)\*\* other threads/, "the waiters") *
        num(v.prompt, /\*\*(\d+) ms\*\* time slice/, "the slice"),
    },
  ];

  it.each(conceptNumbers.map((c) => [`${c.slug} ${c.part}`, c] as const))(
    "concept number %s follows from its label",
    (_name, c) => {
      const t = BUILT_IN_TEMPLATES.find((x) => x.slug === c.slug)!;
      let asked = 0;
      for (let seed = 0; seed < 20; seed++) {
        const v = buildVariant(t, seed);
        if (!v.ok) throw new Error("no variant");
        // A pool template (issue #23) asks the part only in the variants that draw its item.
        const part = v.value.view.parts.find((p) => p.id === c.part);
        if (!part) continue;
        asked++;
        expect(
          Math.abs(c.compute(v.value.view, part.label) - (v.value.key.expected[c.part] as number)),
          `seed ${seed}`,
        ).toBeLessThanOrEqual(c.tolerance + 1e-9);
      }
      expect(asked, "seeds that ask the part").toBeGreaterThan(0);
    },
  );

  it("fails when a figure the answer needs is missing from the view", () => {
    const capacity = BUILT_IN_TEMPLATES.find((t) => t.slug === "thread-per-request-memory")!;
    const v = buildVariant(capacity, 1);
    if (!v.ok) throw new Error("no variant");
    const hidden = {
      ...v.value.view,
      conventions: v.value.view.conventions.filter((c) => !c.includes("resident stack")),
    };
    expect(() => checkFromView(hidden, v.value.key.expected)).toThrow(/states no figures|does not state/);
    const rr = BUILT_IN_TEMPLATES.find((t) => t.slug === "rr-gantt-with-arrivals")!;
    const r = buildVariant(rr, 1);
    if (!r.ok) throw new Error("no variant");
    const noRule = {
      ...r.value.view,
      conventions: r.value.view.conventions.filter((c) => !c.includes("quantum expires")),
    };
    expect(() => checkFromView(noRule, r.value.key.expected)).toThrow(/arrival-vs-expired/);
    // Without the throttle sentence the oracle assumes no limit, and the shares no longer match the key.
    const rt = BUILT_IN_TEMPLATES.find((t) => t.slug === "rt-throttling-share")!;
    const t = buildVariant(rt, 3);
    if (!t.ok) throw new Error("no variant");
    const noThrottle = {
      ...t.value.view,
      conventions: t.value.view.conventions.map((c) => c.replace(/RT throttling[^.]*\.[^.]*\./, "")),
    };
    expect(() => checkFromView(noThrottle, t.value.key.expected)).toThrow(/recomputed/);
    const pipe = BUILT_IN_TEMPLATES.find((x) => x.slug === "fork-loop-printf-pipe")!;
    const p = buildVariant(pipe, 0);
    if (!p.ok) throw new Error("no variant");
    const noOutput = {
      ...p.value.view,
      conventions: p.value.view.conventions.filter((c) => !c.startsWith("Output goes to")),
    };
    expect(() => checkFromView(noOutput, p.value.key.expected)).toThrow(/terminal or a pipe/);
  });
});
