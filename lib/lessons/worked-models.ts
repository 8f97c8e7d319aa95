// Worked examples and checks for the small models of lib/engine/models (issue #23): priority inversion,
// SCHED_DEADLINE's admission test and EDF, cgroup cpu.max quotas. Apart from worked.ts so that kinds added
// there in parallel do not collide; worked.ts only dispatches here. Every step is read off the model's own
// output (slices, segments); the words state the rule that produced it.
import {
  admitDeadlineTasks,
  simulateCpuQuota,
  simulateEdf,
  simulateInversion,
  type CpuQuotaInput,
  type CpuQuotaResult,
  type DeadlineTask,
  type InversionResult,
  type InversionTask,
  type LockProtocol,
} from "@/lib/engine/models";
import type { CheckBlock, LessonResult, ScenarioEngine, WorkedExampleBlock } from "./types";
import type { CheckQuestion, WorkedStep } from "./worked";

export interface ModelSteps {
  steps: WorkedStep[];
  /** What the reader needs beside the steps: the tasks or the group, in words. */
  source: string;
  language: string;
}

const fmt = (n: number) => String(Number(n.toFixed(3)));
const fail = (path: string, message: string): LessonResult<never> => ({ ok: false, errors: [{ path, message }] });
const plural = (n: number, word: string) => `${fmt(n)} ${word}${n === 1 ? "" : "s"}`;

function parseJson(text: string, path: string): LessonResult<Record<string, unknown>> {
  try {
    const v = JSON.parse(text) as unknown;
    if (typeof v !== "object" || v === null || Array.isArray(v))
      return fail(path, "the scenario must be a JSON object");
    return { ok: true, value: v as Record<string, unknown> };
  } catch (e) {
    return fail(path, `the scenario is not valid JSON (${(e as Error).message})`);
  }
}

const checked = <T>(
  r: { ok: true; value: T } | { ok: false; errors: { path: string; message: string }[] },
  path: string,
): LessonResult<T> =>
  r.ok ? r : { ok: false, errors: r.errors.map((e) => ({ path: `${path}.${e.path}`, message: e.message })) };

// ---------------------------------------------------------------- priority inversion

interface InversionRun {
  protocol: LockProtocol;
  tasks: InversionTask[];
  result: InversionResult;
}

const PROTOCOLS: readonly LockProtocol[] = ["none", "inherit", "ceiling"];

function runInversion(scenario: string, path: string): LessonResult<InversionRun> {
  const json = parseJson(scenario, path);
  if (!json.ok) return json;
  const { protocol, tasks } = json.value;
  if (!PROTOCOLS.includes(protocol as LockProtocol))
    return fail(`${path}.protocol`, `protocol must be one of ${PROTOCOLS.join(", ")}`);
  const wellFormed =
    Array.isArray(tasks) &&
    tasks.every(
      (t) =>
        typeof t === "object" &&
        t !== null &&
        typeof (t as InversionTask).id === "string" &&
        Array.isArray((t as InversionTask).steps) &&
        (t as InversionTask).steps.every((s) => typeof s === "object" && s !== null && ("cpu" in s || "locked" in s)),
    );
  if (!wellFormed)
    return fail(`${path}.tasks`, 'tasks must be [{"id","priority","arrival","steps":[{"cpu":n}|{"locked":n}]}]');
  const list = tasks as InversionTask[];
  const r = checked(simulateInversion(list, protocol as LockProtocol), path);
  return r.ok ? { ok: true, value: { protocol: protocol as LockProtocol, tasks: list, result: r.value } } : r;
}

const stepWords = (s: InversionTask["steps"][number]) =>
  "cpu" in s ? `${plural(s.cpu, "unit")} of CPU` : `${plural(s.locked, "unit")} holding the mutex`;

function inversionSource(tasks: readonly InversionTask[], protocol: LockProtocol): string {
  const proto = {
    none: "a plain mutex (no protocol, the Linux default)",
    inherit: "a PTHREAD_PRIO_INHERIT mutex (priority inheritance)",
    ceiling: "a PTHREAD_PRIO_PROTECT mutex (immediate priority ceiling)",
  }[protocol];
  return [
    `One CPU, preemptive fixed priorities (higher number wins), ${proto}.`,
    ...tasks.map(
      (t) => `${t.id}: priority ${t.priority}, arrives at ${t.arrival}, then ${t.steps.map(stepWords).join(", then ")}`,
    ),
  ].join("\n");
}

/** Where a task is in its program at time t, from the CPU its slices gave it before t. */
function progressAt(task: InversionTask, result: InversionResult, t: number) {
  const served = result.slices
    .filter((s) => s.task === task.id && s.start < t)
    .reduce((a, s) => a + Math.min(s.end, t) - s.start, 0);
  let left = served;
  for (let i = 0; i < task.steps.length; i++) {
    const step = task.steps[i]!;
    const len = "cpu" in step ? step.cpu : step.locked;
    if (left < len) return { step, into: left };
    left -= len;
  }
  return null;
}

function inversionSteps(run: InversionRun): WorkedStep[] {
  const { tasks, result, protocol } = run;
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const steps: WorkedStep[] = [];
  let prevEnd = 0;
  for (const slice of result.slices) {
    if (slice.start > prevEnd)
      steps.push({
        heading: `${fmt(prevEnd)}–${fmt(slice.start)}: the CPU is idle`,
        state: ["No task has arrived yet or every arrived task is done"],
        rule: "With nothing runnable the CPU idles until the next arrival.",
      });
    prevEnd = slice.end;
    const runner = byId.get(slice.task)!;
    const t = slice.start;
    const others = tasks.filter((x) => x !== runner && x.arrival <= t && !(result.finish[x.id]! <= t));
    const inside = (x: InversionTask) => {
      const p = progressAt(x, result, t);
      return p !== null && "locked" in p.step && p.into > 0;
    };
    // Who holds the mutex as this slice starts: the runner if it runs locked, else a task part-way through
    // its critical section (preempted inside it).
    const holder = slice.locked ? runner : (others.find(inside) ?? null);
    const waitsForMutex = (x: InversionTask) => {
      const p = progressAt(x, result, t);
      return holder !== null && holder !== x && p !== null && "locked" in p.step && p.into === 0;
    };
    const state = [
      `Running: ${runner.id} (own priority ${runner.priority}, running at ${slice.priority})${slice.locked ? ", holding the mutex" : ""}`,
      ...others.map(
        (x) =>
          `${x.id} (priority ${x.priority}): ${waitsForMutex(x) ? `blocked on the mutex ${holder!.id} holds` : inside(x) ? "ready, preempted inside its critical section" : "ready, but outranked"}`,
      ),
      `Done: ${
        tasks
          .filter((x) => result.finish[x.id]! <= t)
          .map((x) => `${x.id} at ${result.finish[x.id]}`)
          .join(", ") || "none yet"
      }`,
    ];
    const blockedAbove = others.filter((x) => x.priority > runner.priority && waitsForMutex(x));
    const names = (xs: InversionTask[]) => xs.map((x) => x.id).join(", ");
    const verb = (xs: InversionTask[]) => (xs.length === 1 ? "waits" : "wait");
    let rule: string;
    if (slice.priority > runner.priority && protocol === "inherit")
      rule = `Priority inheritance: ${runner.id} holds the mutex that ${names(blockedAbove)} ${verb(blockedAbove)} for, so it runs at ${slice.priority}, the highest waiter's priority, and no task in between can preempt it.`;
    else if (slice.priority > runner.priority)
      rule = `Priority ceiling: whoever holds the mutex runs at its ceiling, ${slice.priority} (the highest priority of any task that uses it), from the moment it locks, so no task that uses the mutex or ranks below the ceiling preempts it.`;
    else if (blockedAbove.length > 0 && holder === runner)
      rule = `${names(blockedAbove)} ${verb(blockedAbove)} for the mutex, so the holder ${runner.id}, the highest-priority task that can run, runs: that wait lasts at most the rest of the critical section.`;
    else if (blockedAbove.length > 0)
      rule = `Priority inversion: ${names(blockedAbove)} ${verb(blockedAbove)} for the mutex held by ${holder!.id}, and ${runner.id} (priority ${runner.priority}) outranks ${holder!.id}, so ${runner.id} runs while the higher task waits. With no protocol nothing bounds this wait.`;
    else
      rule = `Preemptive fixed priorities: the highest-priority task that can run runs${others.length > 0 ? `, so ${runner.id} (priority ${runner.priority}) goes before ${names(others)}` : ""}.`;
    steps.push({
      heading: `${fmt(slice.start)}–${fmt(slice.end)}: ${runner.id} runs${slice.priority > runner.priority ? ` at priority ${slice.priority}` : ""}${slice.locked ? " inside the critical section" : ""}`,
      state,
      rule,
    });
  }
  const last = result.slices[result.slices.length - 1];
  steps.push({
    heading: `All done at ${fmt(last?.end ?? 0)}`,
    state: tasks.map(
      (x) =>
        `${x.id} finishes at ${result.finish[x.id]}, after ${fmt(result.inversion[x.id] ?? 0)} units waiting while a lower-priority task ran`,
    ),
    rule:
      protocol === "none"
        ? "Without a protocol, every medium task that runs while the holder is preempted adds its whole run to the high task's wait, however long: unbounded priority inversion."
        : "With the protocol the high task waits at most for one critical section of a lower task.",
  });
  return steps;
}

// ---------------------------------------------------------------- SCHED_DEADLINE

interface DeadlineRun {
  ids: string[];
  tasks: DeadlineTask[];
  horizon: number;
  admitted: boolean[];
  bandwidth: number;
  edf: ReturnType<typeof simulateEdf>;
}

function runDeadline(scenario: string, path: string): LessonResult<DeadlineRun> {
  const json = parseJson(scenario, path);
  if (!json.ok) return json;
  const { tasks, horizon } = json.value;
  const isInt = (x: unknown, min: number): x is number => Number.isInteger(x) && (x as number) >= min;
  if (!Array.isArray(tasks) || tasks.length < 1 || tasks.length > 6)
    return fail(`${path}.tasks`, "tasks must list 1–6 deadline tasks");
  for (const [i, t] of (tasks as Record<string, unknown>[]).entries()) {
    if (!isInt(t.runtime, 1) || !isInt(t.period, 1) || (t.runtime as number) > (t.period as number))
      return fail(`${path}.tasks[${i}]`, "runtime and period must be integers with 1 ≤ runtime ≤ period");
  }
  if (!isInt(horizon, 1) || horizon > 60) return fail(`${path}.horizon`, "horizon must be an integer 1–60");
  const list = (tasks as Record<string, unknown>[]).map((t) => ({
    runtime: t.runtime as number,
    period: t.period as number,
  }));
  const ids = (tasks as Record<string, unknown>[]).map((t, i) => (typeof t.id === "string" ? t.id : `T${i + 1}`));
  const admission = admitDeadlineTasks([], list, 1);
  if (!admission.admitted.every(Boolean))
    return fail(`${path}.tasks`, "the admission test rejects some task; an example steps through admitted tasks");
  return {
    ok: true,
    value: {
      ids,
      tasks: list,
      horizon,
      admitted: admission.admitted,
      bandwidth: admission.totalBandwidth,
      edf: simulateEdf(list, horizon),
    },
  };
}

/** The pending job of task i at time t (releases at multiples of the period; jobs are served in order). */
function pendingJob(run: DeadlineRun, i: number, t: number) {
  const task = run.tasks[i]!;
  const served = run.edf.slices
    .filter((s) => s.task === i && s.start < t)
    .reduce((a, s) => a + Math.min(s.end, t) - s.start, 0);
  const released = Math.floor(t / task.period) + 1;
  const finished = Math.floor(served / task.runtime);
  if (finished >= released) return null;
  return {
    release: finished * task.period,
    deadline: (finished + 1) * task.period,
    left: task.runtime - (served - finished * task.runtime),
  };
}

function deadlineSteps(run: DeadlineRun): WorkedStep[] {
  const { ids, tasks } = run;
  const shares = tasks.map((t, i) => `${ids[i]}: ${t.runtime}/${t.period} = ${fmt(t.runtime / t.period)}`);
  const steps: WorkedStep[] = [
    {
      heading: `sched_setattr() admits all ${tasks.length} tasks: Σ runtime/period = ${fmt(run.bandwidth)} ≤ 0.95`,
      state: shares,
      rule: "Admission control: a deadline task is accepted only if the total bandwidth Σ runtime/period stays within the limit, 95% of the CPU by default; otherwise sched_setattr() fails with EBUSY.",
    },
  ];
  for (const slice of run.edf.slices) {
    const t = slice.start;
    const pending = tasks
      .map((_, i) => ({ i, job: pendingJob(run, i, t) }))
      .filter((x): x is { i: number; job: NonNullable<ReturnType<typeof pendingJob>> } => x.job !== null);
    const mine = pending.find((x) => x.i === slice.task)?.job;
    const newRelease = tasks.some((task) => t > 0 && t % task.period === 0);
    steps.push({
      heading: `${fmt(slice.start)}–${fmt(slice.end)}: ${ids[slice.task]} runs (absolute deadline ${mine ? fmt(mine.deadline) : "?"})`,
      state: pending.map(
        ({ i, job }) =>
          `${ids[i]}: job released at ${fmt(job.release)}, deadline ${fmt(job.deadline)}, ${fmt(job.left)} left`,
      ),
      rule:
        "EDF: the pending job with the earliest absolute deadline runs (a tie goes to the task listed first); " +
        (newRelease
          ? "a job released now competes at once, and preempts only if its deadline is earlier."
          : "it keeps the CPU until it finishes or a job with an earlier deadline is released."),
    });
  }
  const finishes = run.edf.finishes.map((f, i) => `${ids[i]}: jobs finish at ${f.map(fmt).join(", ") || "—"}`);
  steps.push({
    heading: `By t = ${run.horizon}: ${run.edf.misses === 0 ? "every deadline met" : `${run.edf.misses} deadline(s) missed`}`,
    state: finishes,
    rule: "On one CPU with deadline = period, EDF meets every deadline whenever Σ runtime/period ≤ 1 (Liu and Layland), which admission control guarantees.",
  });
  return steps;
}

// ---------------------------------------------------------------- cpu.max quota

function runQuota(scenario: string, path: string): LessonResult<{ input: CpuQuotaInput; result: CpuQuotaResult }> {
  const json = parseJson(scenario, path);
  if (!json.ok) return json;
  const v = json.value;
  const numOr = (x: unknown) => (typeof x === "number" ? x : Number.NaN);
  const input: CpuQuotaInput = {
    quotaMs: v.quotaMs === null ? null : numOr(v.quotaMs),
    periodMs: numOr(v.periodMs),
    workMs: numOr(v.workMs),
    threads: numOr(v.threads),
    cpus: numOr(v.cpus),
    offsetMs: v.offsetMs === undefined ? 0 : numOr(v.offsetMs),
  };
  const r = checked(simulateCpuQuota(input), path);
  if (!r.ok) return r;
  if (r.value.segments.length > 40) return fail(path, "more than 40 steps: too long to step through in a lesson");
  return { ok: true, value: { input, result: r.value } };
}

function quotaSource(i: CpuQuotaInput): string {
  return [
    `cpu.max = "${i.quotaMs === null ? "max" : fmt(i.quotaMs * 1000)} ${fmt(i.periodMs * 1000)}" (µs): ${i.quotaMs === null ? "no limit" : `${fmt(i.quotaMs)} ms of CPU per ${fmt(i.periodMs)} ms period`}`,
    `A burst of ${fmt(i.workMs)} ms of CPU work, split over ${plural(i.threads, "thread")} on ${plural(i.cpus, "idle CPU")}, arriving ${fmt(i.offsetMs)} ms into a period`,
  ].join("\n");
}

function quotaSteps(input: CpuQuotaInput, result: CpuQuotaResult): WorkedStep[] {
  const rate = Math.min(input.threads, input.cpus);
  let left = input.workMs;
  let usedInPeriod = 0;
  let periodIndex = Math.floor(input.offsetMs / input.periodMs);
  const steps: WorkedStep[] = [];
  for (const seg of result.segments) {
    const abs = seg.start + input.offsetMs;
    const idx = Math.floor(abs / input.periodMs + 1e-9);
    if (idx !== periodIndex) {
      periodIndex = idx;
      usedInPeriod = 0;
    }
    const len = seg.end - seg.start;
    if (seg.state === "running") {
      const used = len * rate;
      left -= used;
      usedInPeriod += used;
      const quotaLeft = input.quotaMs === null ? null : input.quotaMs - usedInPeriod;
      steps.push({
        heading: `${fmt(seg.start)}–${fmt(seg.end)} ms: ${plural(rate, "thread")} run in parallel`,
        state: [
          `CPU used: ${fmt(len)} ms × ${rate} = ${fmt(used)} ms`,
          `Quota left in this period: ${quotaLeft === null ? "unlimited" : `${fmt(Math.max(0, quotaLeft))} ms`}`,
          `Work left: ${fmt(Math.max(0, left))} ms`,
        ],
        rule:
          quotaLeft !== null && quotaLeft <= 1e-9 && left > 1e-9
            ? `The quota counts CPU time summed over every thread and CPU: ${rate} threads use it ${rate} times as fast as wall time passes, so the ${fmt(input.quotaMs!)} ms are gone after ${fmt(len)} ms.`
            : left <= 1e-9
              ? steps.length > 0
                ? "The period boundary refilled the quota, and the rest of the work fits in it."
                : "The work fits in the quota: the group is never throttled."
              : "A new period refills the quota, and the threads run again.",
      });
    } else {
      steps.push({
        heading: `${fmt(seg.start)}–${fmt(seg.end)} ms: throttled`,
        state: [`The group waits ${fmt(len)} ms for the period to end`, `Work left: ${fmt(Math.max(0, left))} ms`],
        rule: "Once the group has used its quota, every one of its threads is throttled until the period ends, even with CPUs idle: cpu.max is a limit, not a share.",
      });
    }
  }
  steps.push({
    heading: `Done after ${fmt(result.latencyMs)} ms`,
    state: [
      `Throttled for ${fmt(result.throttledMs)} ms in ${plural(result.throttledPeriods, "period")} (cpu.stat nr_throttled)`,
      `Without the limit: ${fmt(input.workMs / rate)} ms`,
    ],
    rule: "Latency under a quota = the time the work needs at full parallelism plus every throttled stretch; a limit above the average use can still stall a parallel burst.",
  });
  return steps;
}

// ---------------------------------------------------------------- entry points

export function modelExample(block: WorkedExampleBlock, path: string): LessonResult<ModelSteps> {
  switch (block.engine) {
    case "inversion": {
      const r = runInversion(block.scenario, path);
      return r.ok
        ? {
            ok: true,
            value: {
              steps: inversionSteps(r.value),
              source: inversionSource(r.value.tasks, r.value.protocol),
              language: "text",
            },
          }
        : r;
    }
    case "deadline": {
      const r = runDeadline(block.scenario, path);
      if (!r.ok) return r;
      const source = r.value.tasks
        .map((t, i) => `${r.value.ids[i]}: SCHED_DEADLINE, runtime ${t.runtime}, period = deadline ${t.period}`)
        .join("\n");
      return { ok: true, value: { steps: deadlineSteps(r.value), source, language: "text" } };
    }
    case "quota": {
      const r = runQuota(block.scenario, path);
      return r.ok
        ? {
            ok: true,
            value: {
              steps: quotaSteps(r.value.input, r.value.result),
              source: quotaSource(r.value.input),
              language: "text",
            },
          }
        : r;
    }
    default:
      return fail(path, `engine '${block.engine}' is not a model engine`);
  }
}

export function modelCheck(block: CheckBlock, path: string): LessonResult<CheckQuestion> {
  const number = (value: number, unit: string, source: string, explanation: string): CheckQuestion => ({
    prompt: block.prompt,
    jobs: null,
    source,
    language: "text",
    answer: { kind: "number", value, tolerance: 1e-6, unit },
    explanation,
  });
  const [what, arg = ""] = block.ask.split(":");
  const engine: ScenarioEngine = block.engine;
  if (engine === "inversion") {
    const r = runInversion(block.scenario, path);
    if (!r.ok) return r;
    const finish = r.value.result.finish[arg];
    if (what !== "finish" || finish === undefined)
      return fail(`${path}.ask`, `ask must be finish:ID for a task of the scenario, got '${block.ask}'`);
    return {
      ok: true,
      value: number(
        finish,
        "",
        inversionSource(r.value.tasks, r.value.protocol),
        `${arg} finishes at ${finish}: ${r.value.result.slices.map((s) => `${s.task} ${s.start}–${s.end}${s.priority > r.value.tasks.find((x) => x.id === s.task)!.priority ? ` (at ${s.priority})` : ""}`).join(", ")}.`,
      ),
    };
  }
  if (engine === "deadline") {
    const r = runDeadline(block.scenario, path);
    if (!r.ok) return r;
    if (what !== "misses") return fail(`${path}.ask`, `ask must be misses, got '${block.ask}'`);
    return {
      ok: true,
      value: number(
        r.value.edf.misses,
        "",
        r.value.tasks.map((t, i) => `${r.value.ids[i]}: runtime ${t.runtime}, period ${t.period}`).join("\n"),
        `EDF runs ${r.value.edf.slices.map((s) => `${r.value.ids[s.task]} ${s.start}–${s.end}`).join(", ")}, missing ${r.value.edf.misses} deadline(s) by t = ${r.value.horizon}.`,
      ),
    };
  }
  if (engine === "quota") {
    const r = runQuota(block.scenario, path);
    if (!r.ok) return r;
    if (what !== "latency") return fail(`${path}.ask`, `ask must be latency, got '${block.ask}'`);
    const { result, input } = r.value;
    return {
      ok: true,
      value: number(
        result.latencyMs,
        "ms",
        quotaSource(input),
        `${result.segments.map((s) => `${fmt(s.start)}–${fmt(s.end)} ms ${s.state}`).join(", ")}: done after ${fmt(result.latencyMs)} ms.`,
      ),
    };
  }
  return fail(path, `engine '${engine}' is not a model engine`);
}
