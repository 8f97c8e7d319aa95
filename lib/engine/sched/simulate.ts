// The one simulation loop shared by every policy. It owns the clock, bursts, I/O, metrics, slices,
// context-switch accounting and the decision log; policies (policies/*.ts) only order the run queue.
//
// Order of work at one instant t (documented in docs/engine.md because grading depends on it):
//   1. the running task's burst end or policy timer at t (finish / block / quantum expiry);
//   2. arrivals and I/O wakeups at t, in tie-break order, and the expired task — before or after
//      them per conventions.arrivalVsExpired; each newcomer may preempt the running task;
//   3. a pick if the CPU is free.
import { MAX_LOGGED_DECISIONS } from "./defaults";
import { MinHeap } from "./heap";
import { createPolicy } from "./createPolicy";
import type { EnqueueReason, TaskRun } from "./policy";
import { newTaskRun } from "./policy";
import { classifySwitch, emptySwitchReport, switchCostMs } from "./switchCost";
import type { Decision, SimResult, Slice, SliceEnd, TaskMetrics, Workload } from "./types";
import { validateWorkload } from "./validate";
import { niceToWeight, SCHED_IDLE_WEIGHT } from "./weights";

const EPS = 1e-9;

function tieRanks(w: Workload): number[] {
  const order = w.tasks.map((_, i) => i);
  const t = w.tasks;
  if (w.conventions.tieBreak === "arrival") order.sort((a, b) => t[a]!.arrival - t[b]!.arrival || a - b);
  if (w.conventions.tieBreak === "id") order.sort((a, b) => (t[a]!.id < t[b]!.id ? -1 : t[a]!.id > t[b]!.id ? 1 : 0));
  const rank = new Array<number>(order.length);
  order.forEach((taskIndex, r) => (rank[taskIndex] = r));
  return rank;
}

/**
 * Runs a validated workload. Throws only on programmer error (an invalid Workload object);
 * callers holding untrusted input use `simulateInput`.
 */
export function simulate(w: Workload): SimResult {
  const ranks = tieRanks(w);
  const tasks: TaskRun[] = w.tasks.map((spec, i) =>
    newTaskRun(spec, i, ranks[i]!, spec.class === "idle" ? SCHED_IDLE_WEIGHT : niceToWeight(spec.nice ?? 0)),
  );
  const policy = createPolicy(w.policy, tasks);
  const horizon = w.horizon ?? Infinity;
  const arrivals = [...tasks].sort((a, b) => a.spec.arrival - b.spec.arrival || a.rank - b.rank);
  let nextArrival = 0;
  const wakeups = new MinHeap<{ time: number; task: TaskRun }>(
    (a, b) => a.time < b.time || (a.time === b.time && a.task.rank < b.task.rank),
  );

  const slices: Slice[] = [];
  const decisions: Decision[] = [];
  let decisionsTruncated = false;
  const warnings: string[] = [];
  const switches = emptySwitchReport(w.switchCost.chargeTime);
  let now = 0;
  let curr: TaskRun | null = null;
  let sliceStart = 0;
  let lastOnCpu: TaskRun | null = null;
  let dispatched = false;
  let expired: { task: TaskRun; reason: EnqueueReason } | null = null;
  let events = 0;
  let busy = 0;
  let idle = 0;
  let seq = 0;
  let done = 0;
  let stoppedBy: SimResult["stats"]["stoppedBy"] = "completed";

  const nextExternal = () =>
    Math.min(
      arrivals[nextArrival]?.spec.arrival ?? Infinity,
      wakeups.peek()?.time ?? Infinity,
      policy.globalTimerAt?.(now) ?? Infinity,
      horizon,
    );

  function closeSlice(end: number, reason: SliceEnd): void {
    const task = curr!;
    const prev = slices[slices.length - 1];
    // A task re-picked at the instant its slice ended continues the same visible slice.
    if (prev && prev.task === task.id && prev.end === sliceStart) {
      prev.end = end;
      prev.endReason = reason;
    } else if (end > sliceStart) {
      slices.push({ task: task.id, start: sliceStart, end, endReason: reason });
    }
  }

  function makeReady(t: TaskRun, reason: EnqueueReason): void {
    t.state = "ready";
    t.readySince = now;
    t.enqueueSeq = seq++;
    policy.enqueue(t, now, reason);
  }

  /** Admits arrivals and wakeups due by `now`, merged in (time, rank) order; returns whether curr must yield. */
  function admitDue(): boolean {
    let preempt = false;
    for (;;) {
      const a = arrivals[nextArrival];
      const wk = wakeups.peek();
      const aDue = a !== undefined && a.spec.arrival <= now;
      const wDue = wk !== undefined && wk.time <= now;
      if (!aDue && !wDue) return preempt;
      let t: TaskRun;
      let reason: EnqueueReason;
      if (aDue && (!wDue || a.spec.arrival < wk.time || (a.spec.arrival === wk.time && a.rank < wk.task.rank))) {
        t = a;
        nextArrival++;
        // A single repeating burst is the "CPU-bound forever" hog.
        t.remaining = t.repeat && t.bursts.length === 1 ? Infinity : t.bursts[0]!;
        reason = "arrival";
      } else {
        t = wakeups.pop()!.task;
        reason = "wakeup";
      }
      makeReady(t, reason);
      if (curr && !preempt && policy.preempts(curr, t, now)) preempt = true;
    }
  }

  function countSwitch(to: TaskRun | null): void {
    if (!dispatched || lastOnCpu === to) return;
    const kind = classifySwitch(lastOnCpu, to);
    const cost = switchCostMs(w.switchCost, kind, to);
    const k = switches.byKind[kind];
    k.count++;
    k.directMs += cost.direct;
    k.indirectMs += cost.indirect;
    switches.total++;
    switches.totalOverheadMs += cost.direct + cost.indirect;
    if (w.switchCost.chargeTime) {
      switches.cpuTimeLostMs += cost.direct + cost.indirect;
      now += cost.direct + cost.indirect;
    }
  }

  function logDecision(picked: TaskRun | null, rule: string, message: string, ready: Decision["ready"]): void {
    if (!w.log) return;
    if (decisions.length >= MAX_LOGGED_DECISIONS) {
      decisionsTruncated = true;
      return;
    }
    decisions.push({ time: now, cpu: 0, ready, picked: picked?.id ?? null, rule, message });
  }

  for (;;) {
    if (++events > w.limits.maxEvents) {
      stoppedBy = "event-cap";
      warnings.push(`stopped after limits.maxEvents = ${w.limits.maxEvents} events at t=${now}`);
      break;
    }
    // Step 2: newcomers and the expired task, in the configured order.
    const expiredFirst = w.conventions.arrivalVsExpired === "expired-first";
    if (expired && expiredFirst) makeReady(expired.task, expired.reason);
    const preempt = admitDue();
    if (expired && !expiredFirst) makeReady(expired.task, expired.reason);
    expired = null;
    if (preempt && curr) {
      closeSlice(now, "preempted");
      const t = curr;
      curr = null;
      makeReady(t, "preempted");
    }
    // Step 3: pick.
    if (!curr) {
      const ready = w.log
        ? policy.snapshot(w.logReadyLimit, now).map((e) => ({ task: e.task.id, values: e.values }))
        : [];
      const p = policy.pick(now);
      if (p) {
        const t = p.task;
        logDecision(t, p.rule, p.message, ready);
        t.waiting += now - t.readySince;
        countSwitch(t);
        dispatched = true;
        lastOnCpu = t;
        curr = t;
        t.state = "running";
        if (t.firstRun === null) t.firstRun = now;
        sliceStart = now;
        // A charged switch may have moved the clock past arrivals; admit them before running.
        if (w.switchCost.chargeTime) continue;
      } else {
        // Global timers (boosts, throttling periods) alone never create work: stop when none is left.
        const workLeft = nextArrival < arrivals.length || wakeups.size > 0 || policy.readyCount() > 0;
        const next = workLeft ? nextExternal() : Infinity;
        if (next !== Infinity && next < horizon) countSwitch(null);
        if (lastOnCpu !== null || decisions.length === 0) {
          logDecision(null, "idle", next === Infinity ? "Nothing is runnable and nothing will arrive: the run ends." : "Nothing is runnable: the CPU idles until the next event.", ready);
        }
        lastOnCpu = null;
        if (next === Infinity) break;
        if (next >= horizon) {
          idle += horizon - now;
          now = horizon;
          stoppedBy = "horizon";
          break;
        }
        const globalAt = policy.globalTimerAt?.(now) ?? Infinity;
        idle += next - now;
        now = next;
        if (now >= globalAt - EPS) policy.onGlobalTimer?.(now, null);
        continue;
      }
    }
    // Step 1 (of the next instant): run curr until its burst ends, its timer fires or something arrives.
    const t = curr;
    const timer = policy.timerAt(t, now);
    const globalAt = policy.globalTimerAt?.(now) ?? Infinity;
    const end = Math.min(now + t.remaining, timer, nextExternal());
    const dt = Math.max(0, end - now);
    t.remaining -= dt;
    t.cpuTime += dt;
    busy += dt;
    now = end;
    policy.charge(t, dt, now);
    if (t.remaining <= EPS) {
      finishBurst(t);
    } else if (now >= timer - EPS) {
      const why = policy.onTimer(t, now);
      if (why) {
        closeSlice(now, why);
        t.state = "ready";
        t.readySince = now;
        curr = null;
        expired = { task: t, reason: why === "quantum-expired" ? "expired" : "preempted" };
      }
    }
    if (now >= globalAt - EPS && policy.onGlobalTimer?.(now, curr) && curr) {
      closeSlice(now, "preempted");
      const c = curr;
      curr = null;
      makeReady(c, "preempted");
    }
    if (now >= horizon) {
      if (curr) closeSlice(now, "horizon");
      stoppedBy = done === tasks.length ? "completed" : "horizon";
      break;
    }
  }

  function finishBurst(t: TaskRun): void {
    const b = t.bursts;
    let next = t.phase + 1;
    if (next >= b.length && t.repeat) next = 0;
    if (next >= b.length) {
      closeSlice(now, "finished");
      t.state = "done";
      t.finish = now;
      t.remaining = 0;
      done++;
      policy.onLeave(t, now, true);
    } else {
      // next is an I/O phase (bursts alternate CPU, I/O); a single-burst repeat never gets here (Infinity).
      const io = b[next]!;
      let cpuPhase = next + 1;
      if (cpuPhase >= b.length) cpuPhase = 0;
      t.phase = cpuPhase;
      t.remaining = b[cpuPhase]!;
      closeSlice(now, "blocked");
      t.state = "blocked";
      policy.onLeave(t, now, false);
      wakeups.push({ time: now + io, task: t });
    }
    curr = null;
  }

  const metrics: TaskMetrics[] = tasks.map((t) => {
    const waiting = t.waiting + (t.state === "ready" ? Math.max(0, now - t.readySince) : 0);
    return {
      id: t.id,
      arrival: t.spec.arrival,
      cpuTime: t.cpuTime,
      firstRun: t.firstRun,
      finish: t.finish,
      turnaround: t.finish === null ? null : t.finish - t.spec.arrival,
      waiting,
      response: t.firstRun === null ? null : t.firstRun - t.spec.arrival,
    };
  });
  return {
    policy: w.policy,
    conventions: w.conventions,
    switchCost: w.switchCost,
    horizon: w.horizon ?? null,
    slices,
    tasks: metrics,
    averages: averages(metrics),
    switches,
    decisions,
    decisionsTruncated,
    stats: { events, decisions: decisions.length, endTime: now, busyTime: busy, idleTime: idle, stoppedBy },
    warnings,
  };
}

function averages(m: TaskMetrics[]): SimResult["averages"] {
  const finished = m.filter((t) => t.finish !== null);
  const responded = m.filter((t) => t.response !== null);
  const mean = (xs: number[]) => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);
  return {
    turnaround: mean(finished.map((t) => t.turnaround!)),
    waiting: mean(m.map((t) => t.waiting)) ?? 0,
    response: mean(responded.map((t) => t.response!)),
    finished: finished.length,
  };
}

/** Validates untrusted input and simulates it: never throws on bad input. */
export function simulateInput(input: unknown): { ok: true; value: SimResult } | { ok: false; errors: { path: string; message: string }[] } {
  const v = validateWorkload(input);
  if (!v.ok) return v;
  return { ok: true, value: simulate(v.value) };
}
