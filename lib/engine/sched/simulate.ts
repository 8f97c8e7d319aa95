// The one simulation loop shared by every policy. It owns the clock, bursts, I/O, metrics, slices,
// context-switch accounting and the decision log; policies (policies/*.ts) only order the run queue.
//
// Order of work at one instant t (documented in docs/engine.md because grading depends on it):
//   1. the running task's burst end or policy timer at t (finish / block / quantum expiry);
//   2. arrivals and I/O wakeups at t, in tie-break order, and the expired task — before or after
//      them per conventions.arrivalVsExpired; each newcomer may preempt the running task;
//   3. a pick if the CPU is free.
// A charged context switch is never interrupted: events that come due while it runs are handled when it
// completes, in the same order; a switch that would cross the horizon is cut there (docs/engine.md).
import { MAX_LOGGED_DECISIONS } from "./defaults";
import { MinHeap } from "./heap";
import { createPolicy } from "./create-policy";
import type { EnqueueReason, TaskRun } from "./policy";
import { fmt, newTaskRun } from "./policy";
import { averages, tieRanks } from "./run-common";
import { simulateSmp } from "./smp";
import { classifySwitch, emptySwitchReport, switchCostMs } from "./switch-cost";
import type { Decision, SchedState, SimResult, Slice, SliceEnd, TaskMetrics, Workload } from "./types";
import { validateWorkload } from "./validate";
import { niceToWeight, SCHED_IDLE_WEIGHT } from "./weights";

const EPS = 1e-9;

/**
 * Runs a validated workload. Throws only on programmer error (an invalid Workload object);
 * callers holding untrusted input use `simulateInput`.
 */
export function simulate(w: Workload): SimResult {
  // Several CPUs (or multi-CPU settings on one) run in smp.ts; everything else in the loop below, unchanged.
  if (w.smp !== undefined || (w.cpus ?? 1) > 1) return simulateSmp(w);
  return run(w, null);
}

/**
 * The scheduler's state at each of `times` (any order), from the same loop that produces the schedule:
 * the run is cut at each probe time so the running task's values are charged up to exactly that instant,
 * and stops once the last probe is taken. A time past the end of the run gets the final state.
 */
export function statesAt(w: Workload, times: readonly number[]): SchedState[] {
  if (w.smp !== undefined || (w.cpus ?? 1) > 1)
    throw new Error("statesAt models one CPU: the workload has smp settings");
  const sorted = [...new Set(times)].sort((a, b) => a - b);
  const probe: Probe = { times: sorted, next: 0, states: [] };
  run(w, probe);
  const byTime = new Map(probe.states.map((st) => [st.time, st]));
  return times.map((t) => byTime.get(t)!);
}

/** The scheduler's state at time t (see statesAt). */
export function stateAt(w: Workload, t: number): SchedState {
  return statesAt(w, [t])[0]!;
}

interface Probe {
  /** Ascending, distinct. */
  times: number[];
  next: number;
  states: SchedState[];
}

function run(w: Workload, probe: Probe | null): SimResult {
  const ranks = tieRanks(w);
  const tasks: TaskRun[] = w.tasks.map((spec, i) =>
    newTaskRun(spec, i, ranks[i]!, spec.class === "idle" ? SCHED_IDLE_WEIGHT : niceToWeight(spec.nice ?? 0)),
  );
  const policy = createPolicy(w.policy, tasks);
  const horizon = w.horizon ?? Infinity;
  const arrivals = [...tasks].sort((a, b) => a.spec.arrival - b.spec.arrival || a.rank - b.rank);
  let nextArrival = 0;
  /** When each blocked task wakes (for probes only; the heap is the loop's source of truth). */
  const wakesAt = new Map<TaskRun, number>();
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
  /** A global timer fired while the CPU idled with queued tasks the policy refused and nothing pending. */
  let timerFiredWhileRefused = false;

  /**
   * Records the state for every probe time in [now, until): the clock is about to move from now to
   * until with `running` on the CPU (or being switched to when `switching`). Nothing changes in between
   * but the running task's accounting, and runs are cut at probe times, so values taken now are exact.
   */
  function takeProbes(until: number, running: TaskRun | null, switching: boolean): void {
    if (!probe) return;
    while (probe.next < probe.times.length && probe.times[probe.next]! < until - EPS) {
      const time = probe.times[probe.next++]!;
      const ready = policy.snapshot(tasks.length, now).map((e) => ({ task: e.task.id, values: e.values }));
      const byState = (s: TaskRun["state"]) => tasks.filter((x) => x.state === s && x !== running).map((x) => x.id);
      probe.states.push({
        time,
        running: running ? { task: running.id, values: policy.values(running, now) } : null,
        switching,
        ready,
        blocked: tasks
          .filter((x) => x.state === "blocked")
          .map((x) => ({ task: x.id, wakesAt: wakesAt.get(x)! }))
          .sort((a, b) => a.wakesAt - b.wakesAt),
        notArrived: byState("pending"),
        done: byState("done"),
      });
    }
  }
  /** The next probe time strictly after now: a run is cut there so its accounting is exact at it. */
  const nextProbe = () => {
    if (!probe) return Infinity;
    const t = probe.times[probe.next];
    return t !== undefined && t > now + EPS ? t : Infinity;
  };
  const probesDone = () => probe !== null && probe.next >= probe.times.length;

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

  /** `since`: when the task became runnable, earlier than now if it came due during a charged switch. */
  function makeReady(t: TaskRun, reason: EnqueueReason, since = now): void {
    t.state = "ready";
    t.readySince = since;
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
      let since: number;
      if (aDue && (!wDue || a.spec.arrival < wk.time || (a.spec.arrival === wk.time && a.rank < wk.task.rank))) {
        t = a;
        since = a.spec.arrival;
        nextArrival++;
        // A single repeating burst is the "CPU-bound forever" hog.
        t.remaining = t.repeat && t.bursts.length === 1 ? Infinity : t.bursts[0]!;
        reason = "arrival";
      } else {
        const due = wakeups.pop()!;
        t = due.task;
        since = due.time;
        reason = "wakeup";
      }
      makeReady(t, reason, since);
      if (curr && !preempt && policy.preempts(curr, t, now)) preempt = true;
    }
  }

  /** Counts a switch from lastOnCpu to `to`; a charged one moves the clock, but never past the horizon. */
  function countSwitch(to: TaskRun | null): void {
    if (!dispatched || lastOnCpu === to) return;
    const kind = classifySwitch(lastOnCpu, to);
    let { direct, indirect } = switchCostMs(w.switchCost, kind, to);
    const charged = w.switchCost.chargeTime;
    // The run ends at the horizon even mid-switch: only the part of the switch before it happened.
    const cut = charged && direct + indirect > horizon - now;
    if (cut) {
      const f = (horizon - now) / (direct + indirect);
      direct *= f;
      indirect *= f;
    }
    const k = switches.byKind[kind];
    k.count++;
    k.directMs += direct;
    k.indirectMs += indirect;
    switches.total++;
    switches.totalOverheadMs += direct + indirect;
    if (charged) {
      switches.cpuTimeLostMs += direct + indirect;
      takeProbes(cut ? horizon : now + direct + indirect, to, true);
      now = cut ? horizon : now + direct + indirect;
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

  // A probe cuts runs at its times: those extra loop turns do not count against the event cap.
  const maxEvents = w.limits.maxEvents + (probe ? probe.times.length : 0);
  for (;;) {
    if (probesDone()) break;
    if (++events > maxEvents) {
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
        timerFiredWhileRefused = false;
        logDecision(t, p.rule, p.message, ready);
        t.waiting += now - t.readySince;
        // Taken before a charged switch: a global timer that comes due during it fires when it completes.
        const globalAt = w.switchCost.chargeTime ? (policy.globalTimerAt?.(now) ?? Infinity) : Infinity;
        countSwitch(t);
        dispatched = true;
        lastOnCpu = t;
        curr = t;
        t.state = "running";
        if (now >= horizon) {
          // The switch to t was cut at the horizon: t never ran.
          stoppedBy = "horizon";
          break;
        }
        sliceStart = now;
        if (w.switchCost.chargeTime) {
          // Events that came due during the switch are handled now, in the usual order: global timers
          // (as at the end of a run), then arrivals and wakeups at the top of the loop.
          if (now >= globalAt - EPS && policy.onGlobalTimer?.(now, t)) {
            curr = null;
            makeReady(t, "preempted");
          }
          continue;
        }
      } else {
        const pending = nextArrival < arrivals.length || wakeups.size > 0;
        const queued = policy.readyCount() > 0;
        // Tasks the policy refuses (throttled RT) wait for a global timer. If one already fired while
        // they waited with nothing else pending and changed nothing, no later one will: nothing can run.
        const stalled = queued && !pending && timerFiredWhileRefused;
        // Global timers (boosts, throttling periods) alone never create work: stop when none is left.
        const next = pending || (queued && !stalled) ? nextExternal() : Infinity;
        const globalAt = policy.globalTimerAt?.(now) ?? Infinity;
        if (stalled) {
          logDecision(
            null,
            "idle",
            `The ready tasks can never be picked and nothing will arrive or wake: ${horizon === Infinity ? "the run stops" : "the CPU idles until the horizon"}.`,
            ready,
          );
        } else if (lastOnCpu !== null || decisions.length === 0) {
          logDecision(
            null,
            "idle",
            next === Infinity
              ? "Nothing is runnable and nothing will arrive: the run ends."
              : "Nothing is runnable: the CPU idles until the next event.",
            ready,
          );
        }
        if (next < horizon) countSwitch(null);
        lastOnCpu = null;
        if (now >= horizon) {
          // The switch to idle was cut at the horizon.
          stoppedBy = "horizon";
          break;
        }
        if (stalled) {
          warnings.push(
            `from t=${fmt(now)} nothing can run: the policy refuses every ready task (real-time tasks throttled with rtRuntimeMs 0?) and nothing will arrive or wake`,
          );
          if (horizon === Infinity) {
            stoppedBy = "stalled";
            break;
          }
        } else if (next === Infinity) break;
        // A stalled run with a horizon idles until it: nothing would happen in between.
        takeProbes(Math.min(next, horizon), null, false);
        if (next >= horizon) {
          idle += horizon - now;
          now = horizon;
          stoppedBy = "horizon";
          break;
        }
        // A charged switch to idle may have run past the next event: then there is no idle time.
        if (next > now) {
          idle += next - now;
          now = next;
        }
        if (now >= globalAt - EPS) {
          policy.onGlobalTimer?.(now, null);
          if (queued && !pending) timerFiredWhileRefused = true;
        }
        continue;
      }
    }
    // Step 1 (of the next instant): run curr until its burst ends, its timer fires or something arrives.
    const t = curr;
    // Set here rather than at the pick: a task switched in and preempted before it ran has not run yet.
    if (t.firstRun === null) t.firstRun = now;
    const timer = policy.timerAt(t, now);
    const globalAt = policy.globalTimerAt?.(now) ?? Infinity;
    const natural = Math.min(now + t.remaining, timer, nextExternal());
    const end = Math.min(natural, nextProbe());
    takeProbes(end, t, false);
    const dt = Math.max(0, end - now);
    t.remaining -= dt;
    t.cpuTime += dt;
    busy += dt;
    now = end;
    policy.charge(t, dt, now, end < natural);
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

  takeProbes(Infinity, curr, false);

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
      if (probe) wakesAt.set(t, now + io);
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

/** Validates untrusted input and simulates it: never throws on bad input. */
export function simulateInput(
  input: unknown,
): { ok: true; value: SimResult } | { ok: false; errors: { path: string; message: string }[] } {
  const v = validateWorkload(input);
  if (!v.ok) return v;
  return { ok: true, value: simulate(v.value) };
}
