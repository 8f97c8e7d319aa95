// The `loadavg` kind of :::worked-example / :::check (issue #23): Linux's load average, one 5-second update
// at a time, computed by the kernel's own fixed-point arithmetic (lib/engine/models/loadavg.ts). Kept out
// of worked.ts so that each engine kind is its own file.
import {
  calcLoad,
  displayLoad,
  FIXED_1,
  LOAD_FREQ_S,
  LOADAVG_EXP,
  loadContributors,
  PROCESS_STATES,
  type LoadWindow,
  type ProcessState,
} from "@/lib/engine/models";
import type { LessonResult } from "./types";
import type { CheckQuestion, WorkedStep } from "./worked";

/** `{"states":{"R":2,"D":1,"S":40},"start":0,"window":1,"updates":12}`: a `ps` tally held for `updates` ticks. */
export interface LoadScenario {
  states: Partial<Record<ProcessState, number>>;
  start: number;
  window: LoadWindow;
  updates: number;
}

/** A lesson steps through at most this many updates (a minute and a half of the 1-minute average). */
const MAX_UPDATES = 18;

const fail = (path: string, message: string): LessonResult<never> => ({ ok: false, errors: [{ path, message }] });

export function readLoadScenario(scenario: string, path: string): LessonResult<LoadScenario> {
  let v: Partial<LoadScenario>;
  try {
    v = JSON.parse(scenario) as Partial<LoadScenario>;
  } catch (e) {
    return fail(path, `the scenario is not valid JSON (${(e as Error).message})`);
  }
  if (typeof v !== "object" || v === null) return fail(path, "the scenario must be a JSON object");
  const states = v.states;
  if (typeof states !== "object" || states === null || Array.isArray(states))
    return fail(`${path}.states`, "states must map ps state letters (R, D, S, I, T, Z) to task counts");
  for (const [letter, n] of Object.entries(states)) {
    if (!(letter in PROCESS_STATES))
      return fail(
        `${path}.states.${letter}`,
        `unknown state '${letter}' (one of ${Object.keys(PROCESS_STATES).join(", ")})`,
      );
    if (!Number.isInteger(n) || (n as number) < 0 || (n as number) > 10_000)
      return fail(`${path}.states.${letter}`, "a task count must be a whole number from 0 to 10000");
  }
  const start = v.start ?? 0;
  if (typeof start !== "number" || !(start >= 0 && start <= 10_000))
    return fail(`${path}.start`, "start must be a load from 0 to 10000");
  const window = v.window ?? 1;
  if (!(window in LOADAVG_EXP)) return fail(`${path}.window`, "window must be 1, 5 or 15 (minutes)");
  const updates = v.updates;
  if (!Number.isInteger(updates) || (updates as number) < 1 || (updates as number) > MAX_UPDATES)
    return fail(`${path}.updates`, `updates must be a whole number from 1 to ${MAX_UPDATES}`);
  return { ok: true, value: { states, start, window: window as LoadWindow, updates: updates as number } };
}

const shown = (n: number) => n.toFixed(2);

/** The fixed-point load after each update, as calc_load() leaves it (index 0: the start). */
export function loadSeries(s: LoadScenario): number[] {
  const active = loadContributors(s.states);
  const series = [Math.round(s.start * FIXED_1)];
  for (let i = 0; i < s.updates; i++) series.push(calcLoad(series[i]!, LOADAVG_EXP[s.window], active * FIXED_1));
  return series;
}

export function loadSteps(s: LoadScenario): WorkedStep[] {
  const active = loadContributors(s.states);
  const exp = LOADAVG_EXP[s.window];
  const tally = (Object.entries(s.states) as [ProcessState, number][]).filter(([, n]) => n > 0);
  const counted = tally.filter(([l]) => PROCESS_STATES[l].counts).map(([l, n]) => `${n} ${l}`);
  const ignored = tally.filter(([l]) => !PROCESS_STATES[l].counts).map(([l, n]) => `${n} ${l}`);
  const steps: WorkedStep[] = [
    {
      heading: `Count the active tasks: ${active}`,
      state: [
        `Counted (R or D): ${counted.join(" + ") || "none"} = ${active}`,
        `Not counted: ${ignored.join(", ") || "none"}`,
        `The ${s.window}-minute average starts at ${shown(displayLoad(Math.round(s.start * FIXED_1)))}`,
      ],
      rule: "Linux counts tasks that are runnable (R, running or waiting for a CPU) or in uninterruptible sleep (D, usually waiting for disk or NFS); sleeping (S), stopped (T), idle kernel threads (I) and zombies (Z) do not count.",
    },
  ];
  const series = loadSeries(s);
  for (let k = 1; k <= s.updates; k++) {
    const before = series[k - 1]!;
    const after = series[k]!;
    const share = active === 0 ? null : after / FIXED_1 / active;
    steps.push({
      heading: `t = ${k * LOAD_FREQ_S} s: the ${s.window}-minute average shows ${shown(displayLoad(after))}`,
      state: [
        `Fixed point: (${before} × ${exp} + ${active} × 2048 × ${FIXED_1 - exp}) / 2048 → ${after} (2048 per task; rounded up while the average rises)`,
        share === null
          ? "No active tasks: the average decays towards 0"
          : `That is ${Math.round(share * 100)}% of the way to ${active}`,
      ],
      rule: `Every ${LOAD_FREQ_S} s the kernel moves each average a fixed fraction of the way towards the active count: load = load × e + active × (1 − e), with e = ${exp}/2048 ≈ exp(−5 s / ${s.window} min) for the ${s.window}-minute average.`,
    });
  }
  return steps;
}

export function loadCheck(prompt: string, scenario: string, ask: string, path: string): LessonResult<CheckQuestion> {
  const r = readLoadScenario(scenario, path);
  if (!r.ok) return r;
  if (ask !== "load") return fail(`${path}.ask`, `unknown ask '${ask}' for a load average (load)`);
  const s = r.value;
  const series = loadSeries(s);
  const value = displayLoad(series[series.length - 1]!);
  const active = loadContributors(s.states);
  return {
    ok: true,
    value: {
      prompt,
      jobs: null,
      source: scenario,
      language: "json",
      answer: { kind: "number", value, tolerance: 0.011, unit: "" },
      explanation: `${active} task${active === 1 ? " counts" : "s count"} (R and D only). After ${s.updates} updates of ${LOAD_FREQ_S} s the ${s.window}-minute average shows ${shown(value)}: each update moves it ${((1 - LOADAVG_EXP[s.window] / FIXED_1) * 100).toFixed(1)}% of the remaining way towards ${active}.`,
    },
  };
}
