// The `procstates` kind of :::worked-example / :::check (issue #23): processes that alternate CPU bursts
// and I/O on one CPU, tick by tick, as lib/engine/procstates runs them (OSTEP chapter 4's model), with
// each state tied to the letter `ps` shows. Kept out of worked.ts so that each engine kind is its own file.
import { simulateProcStates, type ProcStateCell, type ProcStatesResult } from "@/lib/engine/procstates";
import type { LessonResult } from "./types";
import type { CheckQuestion, WorkedStep } from "./worked";

const MAX_TICKS = 40;

const fail = (path: string, message: string): LessonResult<never> => ({ ok: false, errors: [{ path, message }] });

export function runProcStatesScenario(scenario: string, path: string): LessonResult<ProcStatesResult> {
  let json: unknown;
  try {
    json = JSON.parse(scenario);
  } catch (e) {
    return fail(path, `the scenario is not valid JSON (${(e as Error).message})`);
  }
  const r = simulateProcStates(json);
  if (!r.ok) return { ok: false, errors: r.errors.map((e) => ({ path: `${path}.${e.path}`, message: e.message })) };
  if (r.value.totalTicks > MAX_TICKS)
    return fail(
      path,
      `the run takes ${r.value.totalTicks} ticks: too long to step through in a lesson (${MAX_TICKS} at most)`,
    );
  return { ok: true, value: r.value };
}

/** The state in the model's words, and the letter `ps` would show for it on Linux. */
function cellWords(cell: ProcStateCell): string {
  if (cell === "RUN:cpu") return "RUNNING, computing (ps: R)";
  if (cell === "RUN:io") return "RUNNING, issuing an I/O (ps: R)";
  if (cell === "RUN:io_done") return "RUNNING, handling its finished I/O (ps: R)";
  if (cell === "RUNNING") return "RUNNING (ps: R)";
  if (cell === "READY") return "READY, waiting for the CPU (ps: R too)";
  if (cell === "BLOCKED") return "BLOCKED on I/O (ps: D for a disk read, S for a wait a signal can interrupt)";
  return "DONE (exited)";
}

const running = (c: ProcStateCell | undefined) => c !== undefined && (c.startsWith("RUN") || c === "RUNNING");

/** The rule behind the most telling change at this tick: a block, a wake-up, an exit, else who keeps the CPU. */
function tickRule(prev: readonly ProcStateCell[] | null, cells: readonly ProcStateCell[], preemptive: boolean): string {
  const was = (i: number) => prev?.[i];
  if (cells.some((c, i) => c === "BLOCKED" && was(i) === "RUN:io"))
    return "A process that waits for I/O is BLOCKED: it is not runnable, so the scheduler gives the CPU to a READY process and the CPU and the device work at the same time.";
  if (cells.some((c, i) => c !== "BLOCKED" && c !== "DONE" && was(i) === "BLOCKED"))
    return "When its I/O completes, a BLOCKED process becomes runnable again (READY); it needs one more CPU tick to handle the completion before its next burst.";
  if (cells.some((c) => c === "RUN:io"))
    return "Issuing an I/O takes the CPU for one tick; from the next tick the process is BLOCKED until the device finishes.";
  if (cells.some((c, i) => c === "DONE" && was(i) !== undefined && was(i) !== "DONE"))
    return "A process that finishes releases the CPU for good; the next READY process runs.";
  if (cells.some((c, i) => running(c) && was(i) === "READY"))
    return preemptive
      ? "The scheduler switches to a READY process: the running one finished, blocked or used up its turn."
      : "The CPU was free (the running process finished or blocked), so the next READY process runs.";
  return preemptive
    ? "The running process keeps the CPU until it finishes, blocks on I/O or its turn ends; READY processes wait."
    : "The running process keeps the CPU until it finishes or blocks on I/O; READY processes wait.";
}

export function procStatesSteps(r: ProcStatesResult): WorkedStep[] {
  const ids = r.config.processes.map((p) => p.id);
  const preemptive = r.config.policy !== "fifo" && r.config.policy !== "ostep" ? true : false;
  return r.ticks.map((tick, k) => {
    const prev = k === 0 ? null : r.ticks[k - 1]!.states;
    const onCpu = tick.states.findIndex(running);
    const ready = ids.filter((_, i) => tick.states[i] === "READY");
    const heading =
      onCpu >= 0
        ? `Tick ${tick.t}: ${ids[onCpu]} runs${ready.length > 0 ? `; ${ready.join(", ")} ready` : ""}`
        : `Tick ${tick.t}: the CPU is idle`;
    return {
      heading,
      state: [
        ...ids.map((id, i) => `${id}: ${cellWords(tick.states[i]!)}`),
        `CPU ${tick.cpuBusy ? "busy" : "idle"}; I/Os in progress: ${tick.iosInFlight}`,
      ],
      rule: tickRule(prev, tick.states, preemptive),
    };
  });
}

export function procStatesCheck(
  prompt: string,
  scenario: string,
  ask: string,
  path: string,
): LessonResult<CheckQuestion> {
  const r = runProcStatesScenario(scenario, path);
  if (!r.ok) return r;
  const [what, id = ""] = ask.split(":");
  const p = r.value.processes.find((x) => x.id === id);
  if ((what !== "finish" && what !== "blocked") || !p)
    return fail(`${path}.ask`, `ask must be finish:ID or blocked:ID for a process of the scenario, got '${ask}'`);
  const value = what === "finish" ? p.finishedAt : p.blocked;
  return {
    ok: true,
    value: {
      prompt,
      jobs: null,
      source: scenario,
      language: "json",
      answer: { kind: "number", value, tolerance: 0, unit: "ticks" },
      explanation: `${id} runs ${p.running} ticks, waits READY ${p.ready} and is BLOCKED ${p.blocked}, and finishes at tick ${p.finishedAt}. The CPU is busy ${r.value.cpuBusyTicks} of ${r.value.totalTicks} ticks: while one process is BLOCKED another can run.`,
    },
  };
}
