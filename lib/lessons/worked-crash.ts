// The `crash` kind of :::worked-example (issue #23): processes made of threads, one of which may fault, as
// the crash-isolation model (lib/engine/process/crash) explores every interleaving: which steps run always,
// sometimes or never, and how each process can end. Kept out of worked.ts so each engine kind is its own file.
import { simulateCrashScenario, type CrashReport, type CrashStepOutcome } from "@/lib/engine/process";
import type { LessonResult } from "./types";
import type { WorkedStep } from "./worked";

const fail = (path: string, message: string): LessonResult<never> => ({ ok: false, errors: [{ path, message }] });

export function runCrash(scenario: string, path: string): LessonResult<CrashReport> {
  let json: unknown;
  try {
    json = JSON.parse(scenario);
  } catch (e) {
    return fail(path, `the scenario is not valid JSON (${(e as Error).message})`);
  }
  const r = simulateCrashScenario(json);
  if (!r.ok) return { ok: false, errors: r.errors.map((e) => ({ path: `${path}.${e.path}`, message: e.message })) };
  return { ok: true, value: r.value };
}

const APPEARS = { always: "in every run", sometimes: "in some runs only", never: "in no run" } as const;

function what(s: CrashStepOutcome): string {
  if (s.kind === "print" || s.kind === "load") return `prints ${JSON.stringify(s.text ?? "")}`;
  if (s.kind === "fault") return "faults";
  if (s.kind === "join") return "joins another thread";
  if (s.kind === "exit") return "calls exit()";
  if (s.kind === "store") return "stores to memory";
  return "calls pthread_exit()";
}

function stepRule(s: CrashStepOutcome, killed: ReadonlySet<string>): string {
  if (s.kind === "fault")
    return "A fault (SIGSEGV, SIGBUS, …) is delivered to the faulting thread, but its default action terminates the whole process: every thread of it.";
  if (s.kind === "exit") return "exit() from any thread ends every thread of the process.";
  if (killed.has(s.process))
    return "Threads of one process share its fate: once one of them is killed by a fault, no thread of that process runs another step, so this step runs only if it came first.";
  if (killed.size > 0)
    return "Another process has its own address space: a fault there cannot corrupt this process's memory or stop its threads.";
  return "Nothing in this process faults, so its steps run as the threads reach them.";
}

export function crashSteps(report: CrashReport): WorkedStep[] {
  const killed = new Set(
    report.processes.filter((p) => p.endings.some((e) => e.startsWith("killed"))).map((p) => p.process),
  );
  const steps: WorkedStep[] = report.steps.map((s) => ({
    heading: `${s.process}, thread ${s.thread}: ${what(s)}`,
    state: [`Happens ${APPEARS[s.appears]}`, `Why: ${s.reason}`],
    rule: stepRule(s, killed),
  }));
  for (const p of report.processes)
    steps.push({
      heading: `${p.process} ends: ${p.endings.join(" or ")}`,
      state: p.endings.map((e) => `Possible ending: ${e}`),
      rule: killed.has(p.process)
        ? "A fatal signal ends the process, whichever of its threads raised it; its parent sees it killed by that signal."
        : "A process whose threads do not fault ends normally, however the others end.",
    });
  return steps;
}
