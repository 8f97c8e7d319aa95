// Explores every interleaving of a crash scenario and reports which outputs always, sometimes or
// never appear, and how each process can end. Processes that share no MAP_SHARED variable cannot
// affect each other, so each group of connected processes is explored on its own: that is both
// the isolation rule we teach and what keeps the search small.
import { processModelFailure, type ProcessModelResult } from "../types";
import type { CrashProcess, CrashReport, CrashScenario, CrashStep, CrashStepOutcome } from "./types";
import { validateCrashScenario } from "./validate";

export const MAX_CRASH_STATES = 200_000;

interface FlatThread {
  process: number;
  name: string;
  steps: CrashStep[];
  isMain: boolean;
}

interface State {
  pcs: number[];
  endings: (string | null)[];
  memory: Record<string, number>;
  loads: Record<string, number>;
}

const kindOf = (s: CrashStep): CrashStepOutcome["kind"] => Object.keys(s)[0] as CrashStepOutcome["kind"];
const stepId = (thread: number, step: number) => `${thread}:${step}`;

export function simulateCrashScenario(input: unknown): ProcessModelResult<CrashReport> {
  const checked = validateCrashScenario(input);
  if (!checked.ok) return checked;
  const scenario = checked.value;
  const shared = new Set(
    Object.entries(scenario.memory ?? {})
      .filter(([, v]) => v.shared)
      .map(([k]) => k),
  );
  const groups = groupsBySharedMemory(scenario.processes, shared);

  const executed = new Map<string, number>();
  const values = new Map<string, Set<number>>();
  const endings = scenario.processes.map(() => new Set<string>());
  const missedBecause = new Map<string, Set<string>>();
  let statesExplored = 0;

  for (const group of groups) {
    const threads: FlatThread[] = group.flatMap((p) =>
      scenario.processes[p].threads.map((t, j) => ({ process: p, name: t.name, steps: t.steps, isMain: j === 0 })),
    );
    const explored = explore(scenario, threads, group, shared);
    if (!explored.ok) return explored;
    statesExplored += explored.states;
    for (const terminal of explored.terminals) {
      threads.forEach((t, ti) => {
        const globalThread = globalIndex(scenario, t.process, t.name);
        t.steps.forEach((_, k) => {
          const id = stepId(globalThread, k);
          if (k < terminal.pcs[ti]) executed.set(id, (executed.get(id) ?? 0) + 1);
          else {
            const why = terminal.endings[group.indexOf(t.process)];
            if (why) (missedBecause.get(id) ?? missedBecause.set(id, new Set()).get(id)!).add(why);
          }
          const loaded = terminal.loads[`${ti}:${k}`];
          if (loaded !== undefined) (values.get(id) ?? values.set(id, new Set()).get(id)!).add(loaded);
        });
      });
      group.forEach((p, gi) => endings[p].add(terminal.endings[gi] ?? "blocked forever (a join never returns)"));
    }
    explored.terminals.length = 0;
    for (const p of group) {
      const count = explored.terminalCount;
      for (const t of scenario.processes[p].threads) {
        const g = globalIndex(scenario, p, t.name);
        t.steps.forEach((_, k) => executed.set(`total:${stepId(g, k)}`, count));
      }
    }
  }

  const steps: CrashStepOutcome[] = [];
  scenario.processes.forEach((p, pi) =>
    p.threads.forEach((t) => {
      const g = globalIndex(scenario, pi, t.name);
      t.steps.forEach((s, k) => {
        const id = stepId(g, k);
        const runs = executed.get(id) ?? 0;
        const total = executed.get(`total:${id}`) ?? 0;
        const appears = runs === 0 ? "never" : runs === total ? "always" : "sometimes";
        const kind = kindOf(s);
        const seen = [...(values.get(id) ?? [])].sort((a, b) => a - b);
        const outcome: CrashStepOutcome = { process: p.name, thread: t.name, step: k, kind, appears, reason: "" };
        if ("print" in s) outcome.text = s.print;
        if ("load" in s) {
          outcome.values = seen;
          outcome.text = `${p.name}/${t.name}: ${s.load} = ${seen.length ? seen.join(" or ") : "?"}`;
        }
        outcome.reason = explainStep(scenario, pi, t.name, k, appears, [...(missedBecause.get(id) ?? [])], shared);
        steps.push(outcome);
      });
    }),
  );
  return {
    ok: true,
    value: {
      steps,
      processes: scenario.processes.map((p, i) => ({ process: p.name, endings: [...endings[i]].sort() })),
      statesExplored,
    },
  };
}

function globalIndex(scenario: CrashScenario, process: number, thread: string): number {
  let n = 0;
  for (let i = 0; i < process; i++) n += scenario.processes[i].threads.length;
  return n + scenario.processes[process].threads.findIndex((t) => t.name === thread);
}

/** Connected components of "touches the same shared variable". */
function groupsBySharedMemory(processes: CrashProcess[], shared: Set<string>): number[][] {
  const parent = processes.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const firstUser = new Map<string, number>();
  processes.forEach((p, i) =>
    p.threads.forEach((t) =>
      t.steps.forEach((s) => {
        const v = "load" in s ? s.load : "store" in s ? s.store.var : undefined;
        if (v === undefined || !shared.has(v)) return;
        const first = firstUser.get(v);
        if (first === undefined) firstUser.set(v, i);
        else parent[find(i)] = find(first);
      }),
    ),
  );
  const groups = new Map<number, number[]>();
  processes.forEach((_, i) => (groups.get(find(i)) ?? groups.set(find(i), []).get(find(i))!).push(i));
  return [...groups.values()];
}

type Explored =
  | { ok: true; terminals: State[]; terminalCount: number; states: number }
  | { ok: false; errors: { path: string; message: string }[] };

function explore(scenario: CrashScenario, threads: FlatThread[], group: number[], shared: Set<string>): Explored {
  const memory: Record<string, number> = {};
  for (const [name, v] of Object.entries(scenario.memory ?? {})) {
    if (shared.has(name)) memory[name] = v.initial ?? 0;
    else for (const p of group) memory[`${p}.${name}`] = v.initial ?? 0;
  }
  const address = (process: number, name: string) => (shared.has(name) ? name : `${process}.${name}`);
  const start: State = { pcs: threads.map(() => 0), endings: group.map(() => null), memory, loads: {} };
  threads.forEach((t, ti) => {
    if (t.isMain && t.steps.length === 0) start.endings[group.indexOf(t.process)] = "exit 0 (main returned)";
    void ti;
  });

  // Thread positions alone bound the states; refuse early when even that bound is far too large.
  const positions = threads.reduce((n, t) => n * (t.steps.length + 1), 1);
  if (positions > MAX_CRASH_STATES * 50) {
    return processModelFailure(
      "processes",
      `more than ${MAX_CRASH_STATES} interleavings to explore; use fewer threads or steps`,
    );
  }
  const seen = new Set<string>();
  const terminals: State[] = [];
  const stack: State[] = [start];
  while (stack.length) {
    const state = stack.pop()!;
    const key = JSON.stringify(state);
    if (seen.has(key)) continue;
    seen.add(key);
    if (seen.size > MAX_CRASH_STATES) {
      return processModelFailure(
        "processes",
        `more than ${MAX_CRASH_STATES} interleavings to explore; use fewer threads or steps`,
      );
    }
    let moved = false;
    threads.forEach((t, ti) => {
      const gi = group.indexOf(t.process);
      const pc = state.pcs[ti];
      if (state.endings[gi] !== null || pc >= t.steps.length) return;
      const step = t.steps[pc];
      if ("join" in step) {
        const target = threads.findIndex((u) => u.process === t.process && u.name === step.join);
        if (state.pcs[target] < threads[target].steps.length) return;
      }
      const next: State = {
        pcs: [...state.pcs],
        endings: [...state.endings],
        memory: { ...state.memory },
        loads: { ...state.loads },
      };
      next.pcs[ti]++;
      if ("store" in step) next.memory[address(t.process, step.store.var)] = step.store.value;
      else if ("load" in step) next.loads[`${ti}:${pc}`] = state.memory[address(t.process, step.load)];
      else if ("fault" in step) next.endings[gi] = `killed by ${step.fault} (thread ${t.name})`;
      else if ("exit" in step) next.endings[gi] = `exit ${step.exit} (thread ${t.name} called exit)`;
      if (t.isMain && next.pcs[ti] === t.steps.length && next.endings[gi] === null && !("pthreadExit" in step)) {
        next.endings[gi] = "exit 0 (main returned)";
      }
      moved = true;
      stack.push(next);
    });
    if (!moved) {
      // Once main has called pthread_exit and the other threads are done, the process exits 0.
      const final = {
        ...state,
        endings: state.endings.map(
          (e, gi) => e ?? (allDone(threads, state, group[gi]) ? "exit 0 (last thread finished)" : null),
        ),
      };
      terminals.push(final);
    }
  }
  return { ok: true, terminals, terminalCount: terminals.length, states: seen.size };
}

function allDone(threads: FlatThread[], state: State, process: number): boolean {
  return threads.every((t, ti) => t.process !== process || state.pcs[ti] >= t.steps.length);
}

function explainStep(
  scenario: CrashScenario,
  process: number,
  thread: string,
  index: number,
  appears: string,
  missed: string[],
  shared: Set<string>,
): string {
  const p = scenario.processes[process];
  const steps = p.threads.find((t) => t.name === thread)!.steps;
  const step = steps[index];
  const earlier = steps.slice(0, index).findIndex((s) => "fault" in s || "exit" in s);
  if (appears === "never" && earlier >= 0) {
    const s = steps[earlier];
    return "fault" in s
      ? `thread ${thread} faults (${s.fault}) at step ${earlier} first, and the kernel kills the whole process`
      : `thread ${thread} calls exit() at step ${earlier} first, which ends every thread of the process`;
  }
  const killers = missed.filter((m) => !m.startsWith("blocked"));
  if (appears === "never") {
    return killers.length
      ? `the process always ends before this step: ${killers.join("; ")}`
      : "this step can never run (it waits on a join that never returns)";
  }
  if (appears === "sometimes") {
    return `runs only if it comes before the process ends: ${killers.join("; ")}; threads share one process, so its end stops them all`;
  }
  const otherFaults = scenario.processes.some(
    (q, i) => i !== process && q.threads.some((t) => t.steps.some((s) => "fault" in s)),
  );
  let reason = otherFaults
    ? "runs in every execution: a fault in another process cannot stop this one (separate address spaces)"
    : "runs in every execution";
  if ("load" in step) {
    const v = step.load;
    const othersStore = scenario.processes.some(
      (q, i) => i !== process && q.threads.some((t) => t.steps.some((s) => "store" in s && s.store.var === v)),
    );
    if (!shared.has(v) && othersStore)
      reason += `; '${v}' is private to each process, so stores by other processes are not visible here`;
    else if (shared.has(v))
      reason += `; '${v}' is mapped shared, so stores from any process may be visible depending on timing`;
    else reason += `; threads of one process share '${v}', so the value depends on whether the store ran first`;
  }
  return reason;
}
