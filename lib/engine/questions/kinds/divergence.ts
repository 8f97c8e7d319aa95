// First-divergence feedback: where the student's timeline first leaves the reference, what was ready
// then, the values the policy compared, and the rule that decided — in one or two plain sentences.
import type { Decision, DecisionValues, SimResult } from "../../sched/index";
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

/** What each sched rule compares, as a clause that reads after "At t=… ms X and Y are ready;". */
const RULE_WORDS: Record<string, string> = {
  "fifo-head": "FIFO runs the job that became ready first",
  "sjf-shortest-burst": "SJF gives a free CPU to the ready job with the shortest burst",
  "stcf-shortest-remaining": "STCF runs the job with the least remaining time",
  "rr-head": "round robin runs the job at the head of the ready queue",
  "priority-highest": "the CPU goes to the highest-priority ready job",
  "priority-preemptive-highest": "the highest-priority ready job runs, preempting a lower one",
  "mlfq-highest-level": "MLFQ runs the head of the highest non-empty queue",
  "lottery-draw": "the lottery draw picks the holder of the winning ticket",
  "stride-min-pass": "stride scheduling runs the task with the smallest pass",
  "cfs-min-vruntime": "CFS runs the task with the smallest vruntime",
  "eevdf-earliest-eligible-deadline": "EEVDF runs the eligible task (lag ≥ 0) with the earliest virtual deadline",
  "eevdf-fallback-min-vruntime": "no task is eligible, so EEVDF runs the one with the smallest vruntime",
  "rt-fifo-highest-priority": "real-time tasks run before fair ones, highest priority first",
  "rt-rr-highest-priority": "real-time tasks run before fair ones, highest priority first",
};

function ruleWords(rule: string): string | undefined {
  return RULE_WORDS[rule] ?? (rule.startsWith("rt-throttled+") ? `real-time tasks are throttled, so ${RULE_WORDS[rule.slice("rt-throttled+".length)] ?? "the fair class runs"}` : undefined);
}

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

/** The decision in force at time t: the last one taken at or before it. */
function decisionAt(decisions: readonly Decision[], t: number): Decision | undefined {
  let found: Decision | undefined;
  for (const d of decisions) {
    if (d.time <= t + 1e-9) found = d;
    else break;
  }
  return found;
}

export function firstDivergence(part: string, sim: SimResult, expected: readonly string[], got: TimelineValue, slotMs: number): FirstDivergence | undefined {
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
  const d = decisionAt(sim.decisions, time);
  const ready = (d?.ready ?? []).map((r) => ({ task: r.task, values: numericValues(r.values) }));
  const t = formatNumber(time);
  const notYet = g !== null ? sim.tasks.find((x) => x.id === g && x.arrival > time + 1e-9) : undefined;
  const yours = notYet
    ? ` Your timeline runs ${g}, which has not arrived yet (it arrives at t=${formatNumber(notYet.arrival)} ms).`
    : ` Your timeline has ${slotWord(g)} there.`;
  let message: string;
  if (exp === SWITCH) {
    message = `At t=${t} ms the CPU is switching to ${d?.picked ?? "the next job"}, which costs CPU time in this question.${yours}`;
  } else if (exp === IDLE) {
    message = `At t=${t} ms no job is ready, so the CPU idles.${yours}`;
  } else if (!d) {
    message = `At t=${t} ms ${exp} runs.${yours}`;
  } else if (Math.abs(d.time - time) > 1e-9 || d.picked !== exp) {
    // Mid-slice: the job picked earlier still holds the CPU.
    const slice = sim.slices.find((s) => s.task === exp && s.start <= time + 1e-9 && s.end > time + 1e-9);
    const until = slice ? ` and keeps it until t=${formatNumber(slice.end)} ms (${slice.endReason.replace("-", " ")})` : "";
    message = `At t=${t} ms ${exp} is still running: it got the CPU at t=${formatNumber(d.time)} ms${until}.${yours}`;
  } else {
    const prev = slot > 0 ? expected[slot - 1] : undefined;
    const preempted = prev !== undefined && prev !== exp && d.ready.some((r) => r.task === prev) ? prev : undefined;
    const listed = d.ready.slice(0, 4).map((r) => (valuesText(r.values) ? `${r.task} (${valuesText(r.values)})` : r.task));
    const readyText = listed.length === 0 ? `${exp} is ready` : listed.length === 1 ? `${listed[0]} is the only ready job` : `${listed.slice(0, -1).join(", ")} and ${listed[listed.length - 1]} are ready`;
    const words = ruleWords(d.rule);
    const prevSlice = preempted ? sim.slices.find((x) => x.task === preempted && Math.abs(x.end - time) < 1e-9) : undefined;
    const how = prevSlice?.endReason === "quantum-expired" ? `, since ${preempted}'s quantum has expired` : preempted ? `, preempting ${preempted}` : "";
    const outcome = `${exp} runs${how}`;
    const first = words ? `At t=${t} ms ${readyText}; ${words}, so ${outcome}.` : `At t=${t} ms ${d.message.replace(/\.$/, "")}.`;
    const second = g !== null && g === prev && preempted ? ` Your timeline keeps ${prev}.` : yours;
    message = first + second;
  }
  return { part, slot, time, expected: exp, got: g, ready, rule: d?.rule ?? (exp === IDLE ? "idle" : "unknown"), message };
}
