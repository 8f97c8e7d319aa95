// First-divergence feedback: where the student's timeline first leaves the reference, what was ready
// then, the values the policy compared, and the rule that decided — in one or two plain sentences.
import type { Decision, DecisionValues, SchedState, SimResult, SliceEnd, TaskState, Workload } from "../../sched/index";
import { stateAt } from "../../sched/simulate";
import { ruleWords } from "../rule-words";
import { formatNumber } from "../grading";
import { IDLE, SWITCH } from "../timeline";
import type { FirstDivergence, TimelineValue } from "../types";

const VALUE_WORDS: Record<keyof DecisionValues, string> = {
  remaining: "ms left",
  vruntime: "vruntime",
  deadline: "deadline",
  lag: "lag",
  priority: "priority",
  level: "level",
  tickets: "tickets",
  pass: "pass",
};

function valuesText(v: DecisionValues): string {
  const parts: string[] = [];
  for (const [k, x] of Object.entries(v) as [keyof DecisionValues, number | null | undefined][]) {
    if (x === undefined) continue;
    // null: a burst with no end (a CPU-bound-forever task's remaining time).
    const n = x === null ? "∞" : formatNumber(x);
    parts.push(k === "remaining" ? `${n} ms left` : `${VALUE_WORDS[k]} ${n}`);
  }
  return parts.join(", ");
}

const END_WORDS: Record<SliceEnd, string> = {
  finished: "when it finishes",
  blocked: "when it blocks for I/O",
  preempted: "when it is preempted",
  "quantum-expired": "when its quantum is used up",
  throttled: "when real-time tasks are throttled",
  horizon: "the end of the run",
};

function slotWord(v: string | null): string {
  if (v === null) return "nothing painted";
  if (v === IDLE) return "the CPU idle";
  if (v === SWITCH) return "switch overhead";
  return v;
}

function numericValues(v: DecisionValues): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const [k, x] of Object.entries(v)) if ((typeof x === "number" && Number.isFinite(x)) || x === null) out[k] = x;
  return out;
}

/** The decision that put `task` on the CPU for the run covering t: the last pick of it at or before t. */
function pickOf(decisions: readonly Decision[], task: string, t: number): Decision | undefined {
  let found: Decision | undefined;
  for (const d of decisions) {
    if (d.time > t + 1e-9) break;
    if (d.picked === task) found = d;
  }
  return found;
}

/** Why a running job keeps the CPU at an instant where nothing new is decided, per policy. */
function keepWords(w: Workload, rule: string): string {
  if (rule.startsWith("rt-") && !rule.startsWith("rt-throttled+"))
    return "a real-time job keeps the CPU until it blocks, finishes, uses up its time or a higher-priority one arrives";
  const p = w.policy;
  switch (p.name) {
    case "fifo":
      return "FIFO never takes the CPU from a running job";
    case "sjf":
      return "SJF never takes the CPU from a running job";
    case "stcf":
      return "STCF switches only when a job with less remaining time is ready";
    case "priority":
      return p.preemptive
        ? "only a higher-priority job would preempt it"
        : "non-preemptive priority never takes the CPU from a running job";
    case "rr":
      return `round robin lets it run until its ${formatNumber(p.quantum)} ms quantum is used up`;
    case "mlfq":
      return "MLFQ lets it run until its quantum is used up or a job enters a higher queue";
    case "lottery":
    case "stride":
      return `it keeps the CPU until its ${formatNumber(p.quantum)} ms quantum is used up`;
    case "cfs":
      return "CFS looks again only at the next timer tick or wakeup";
    case "eevdf":
      return "EEVDF looks again only at the next timer tick or wakeup";
  }
}

function describe(x: TaskState): string {
  const v = valuesText(x.values);
  return v ? `${x.task} (${v})` : x.task;
}

function listWords(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** "A (7 ms left) is waiting" / "A and C are waiting" / "" — at most four, the policy's best first. */
function waitingText(state: SchedState): string {
  const shown = state.ready.slice(0, 4).map(describe);
  if (shown.length === 0) return "";
  const more = state.ready.length > 4 ? ` and ${state.ready.length - 4} more` : "";
  return `${listWords(shown)}${more} ${state.ready.length === 1 ? "is" : "are"} waiting`;
}

export function firstDivergence(
  part: string,
  w: Workload,
  sim: SimResult,
  expected: readonly string[],
  got: TimelineValue,
  slotMs: number,
): FirstDivergence | undefined {
  let slot = -1;
  for (let i = 0; i < expected.length; i++) {
    if (expected[i] !== got[i]) {
      slot = i;
      break;
    }
  }
  if (slot < 0) return undefined;
  const time = slot * slotMs;
  const exp = expected[slot]!;
  const g = got[slot] ?? null;
  // The state at the instant itself, from the engine, not the last logged decision (issue #14).
  const state = stateAt(w, time);
  const running = state.running;
  const ready = [...(running ? [running] : []), ...state.ready].map((r) => ({
    task: r.task,
    values: numericValues(r.values),
  }));
  const t = formatNumber(time);
  const notYet = g !== null ? sim.tasks.find((x) => x.id === g && x.arrival > time + 1e-9) : undefined;
  const yours = notYet
    ? ` Your timeline runs ${g}, which has not arrived yet (it arrives at t=${formatNumber(notYet.arrival)} ms).`
    : ` Your timeline has ${slotWord(g)} there.`;
  const d = running ? pickOf(sim.decisions, running.task, time) : undefined;
  const waiting = waitingText(state);
  let message: string;
  if (exp === SWITCH) {
    message = `At t=${t} ms the CPU is switching to ${running?.task ?? "the next job"}, which costs CPU time in this question.${yours}`;
  } else if (exp === IDLE) {
    const asleep = state.blocked.map((b) => `${b.task} is blocked until t=${formatNumber(b.wakesAt)} ms`);
    const arriving = sim.tasks.filter((x) => x.arrival > time + 1e-9).sort((a, b) => a.arrival - b.arrival)[0];
    const why =
      asleep.length > 0
        ? ` (${listWords(asleep)})`
        : arriving
          ? ` (${arriving.id} arrives at t=${formatNumber(arriving.arrival)} ms)`
          : "";
    message = `At t=${t} ms no job is ready${why}, so the CPU idles.${yours}`;
  } else if (!running || running.task !== exp || !d) {
    message = `At t=${t} ms ${exp} runs.${yours}`;
  } else if (Math.abs(d.time - time) > 1e-9) {
    // Mid-slice: the job picked earlier still holds the CPU; say what it is compared with now.
    const slice = sim.slices.find((s) => s.task === exp && s.start <= time + 1e-9 && s.end > time + 1e-9);
    const until = slice ? ` until t=${formatNumber(slice.end)} ms (${END_WORDS[slice.endReason]})` : "";
    const mine = valuesText(running.values);
    const head = `At t=${t} ms ${exp} is running${mine ? ` with ${mine}` : ""}${waiting ? ` and ${waiting}` : ", and no other job is ready"}`;
    message = `${head}; ${keepWords(w, d.rule)}, so ${exp} keeps the CPU${until}.${yours}`;
  } else {
    const prev = slot > 0 ? expected[slot - 1] : undefined;
    const preempted = prev !== undefined && prev !== exp && state.ready.some((r) => r.task === prev) ? prev : undefined;
    const listed = ready.slice(0, 4).map((r) => describe({ task: r.task, values: r.values }));
    const readyText = listed.length === 1 ? `${listed[0]} is the only ready job` : `${listWords(listed)} are ready`;
    const words = ruleWords(d.rule);
    const prevSlice = preempted
      ? sim.slices.find((x) => x.task === preempted && Math.abs(x.end - time) < 1e-9)
      : undefined;
    const how =
      prevSlice?.endReason === "quantum-expired"
        ? `, since ${preempted}'s quantum has expired`
        : preempted
          ? `, preempting ${preempted}`
          : "";
    const outcome = `${exp} runs${how}`;
    const first = words ? `At t=${t} ms ${readyText}; ${words}, so ${outcome}.` : `At t=${t} ms ${outcome}.`;
    const second = g !== null && g === prev && preempted ? ` Your timeline keeps ${prev}.` : yours;
    message = first + second;
  }
  return {
    part,
    slot,
    time,
    expected: exp,
    got: g,
    ready,
    running: running?.task ?? null,
    blocked: state.blocked,
    rule: d?.rule ?? (exp === IDLE ? "idle" : "unknown"),
    message,
  };
}
