// The Linux class stack on one CPU: real-time (SCHED_FIFO / SCHED_RR, priority 1–99) always runs before
// the fair class (CFS or EEVDF, which also holds SCHED_IDLE at weight 3), subject to RT throttling
// (before 6.12) or the deferred fair server (6.12+).
// The fair class only notices a used-up slice at timer ticks (HZ), wakeups and blocking, as the kernel does.
import { Deque } from "../deque";
import type { Policy, Pick, TaskRun } from "../policy";
import { fmt, remainingValue } from "../policy";
import type { CfsConfig, DecisionValues, EevdfConfig } from "../types";
import { createCfs } from "./cfs";
import { createEevdf } from "./eevdf";
import type { FairClass } from "./fair";

const EPS = 1e-9;

/**
 * RT throttling as kernels before 6.12 do it (kernel/sched/rt.c): the bandwidth timer is idle until a
 * real-time task is enqueued; then it starts *at that instant* (do_start_rt_bandwidth) and fires every
 * rtPeriodMs. Each expiry gives back one period's runtime (rt_time -= min(rt_time, overrun × runtime)) and
 * the timer goes idle again once no RT time is owed and no RT task is runnable. So periods are anchored
 * where RT work begins, not at t = 0.
 */
class RtBandwidth {
  /** Start of the current period, or null while the timer is idle. */
  private start: number | null = null;
  private index = 0;
  used = 0;
  constructor(
    private readonly runtime: number,
    private readonly period: number,
  ) {}

  /** An RT task became runnable: an idle timer starts now. */
  activate(now: number): void {
    if (this.start !== null) return;
    this.start = now;
    this.index = 0;
    this.used = 0;
  }
  /** Applies the expiries due by `now`; `rtActive` says whether RT work is queued or running at them. */
  sync(now: number, rtActive: boolean): void {
    if (this.start === null) return;
    const k = Math.floor((now - this.start) / this.period + EPS);
    if (k <= this.index) return;
    this.used = Math.max(0, this.used - (k - this.index) * this.runtime);
    this.index = k;
    if (this.used <= EPS && !rtActive) this.start = null;
  }
  allowed(): boolean {
    return this.used < this.runtime - EPS;
  }
  nextExpiry(now: number): number {
    if (this.start === null) return Infinity;
    return this.start + (Math.floor((now - this.start) / this.period + EPS) + 1) * this.period;
  }
}

/**
 * The 6.12+ fair server (kernel/sched/deadline.c, a deferred SCHED_DEADLINE server with fairServerMs of
 * runtime per rtPeriodMs). While normal tasks run of their own accord they use up its budget, and each time
 * the budget is used up it starts a new period from that instant. Only when normal tasks have been starved
 * until the zero-laxity point (deadline − budget left) does it start serving them, with a fresh budget and
 * deadline (CBS), ahead of any real-time task; once that budget is spent it waits for the deadline and
 * serves again, for as long as the starvation lasts.
 */
class FairServer {
  /** stopped: no normal task runnable. armed: waiting for the zero-laxity point. serving: boosted above RT. exhausted: budget spent, replenished at the deadline. */
  state: "stopped" | "armed" | "serving" | "exhausted" = "stopped";
  deadline = 0;
  budget = 0;
  /** dl_defer_running: the starvation case is being handled (kept across a stop, as the kernel keeps it). */
  private deferRunning = false;
  constructor(
    private readonly runtime: number,
    private readonly period: number,
  ) {}

  private newPeriod(now: number): void {
    this.deadline = now + this.period;
    this.budget = this.runtime;
  }
  /** A normal task became runnable with none before (dl_server_start). */
  start(now: number): void {
    if (this.state !== "stopped") return;
    const overflow = this.budget * this.period > this.runtime * (this.deadline - now) + EPS;
    if (this.deadline <= now + EPS || this.budget <= EPS || overflow) {
      this.deferRunning = false;
      this.newPeriod(now);
    }
    this.state = this.deferRunning ? "serving" : "armed";
  }
  /** No normal task is runnable any more (dl_server_stop): deadline, budget and the running flag stay. */
  stop(): void {
    this.state = "stopped";
  }
  /**
   * Normal tasks ran for dt, boosted or of their own accord: it counts against the budget either way. A
   * probe cut (stateAt asking for the state mid-run) is no clock update the kernel would see, so what the
   * budget's end decides waits for the next real one.
   */
  consume(dt: number, now: number, probeCut = false): void {
    if (this.state === "stopped") return;
    this.budget -= dt;
    if (probeCut || this.budget > EPS) return;
    if (this.state === "serving") {
      this.state = "exhausted";
      return;
    }
    // Used up in the background: this period needs no boost; start a new one from now.
    this.deferRunning = false;
    this.newPeriod(now);
    this.state = "armed";
  }
  /** Fires the zero-laxity and replenishment timers due by now. */
  sync(now: number): void {
    if (this.state === "armed" && now >= this.deadline - this.budget - EPS) {
      this.deferRunning = true;
      // At the zero-laxity point budget/(deadline − now) = 1 exceeds runtime/period: CBS starts a new period.
      this.newPeriod(now);
      this.state = "serving";
    } else if (this.state === "exhausted" && now >= this.deadline - EPS) {
      while (this.budget <= EPS) {
        this.deadline += this.period;
        this.budget += this.runtime;
      }
      this.state = "serving";
    }
  }
  nextTimer(): number {
    if (this.state === "armed") return this.deadline - this.budget;
    if (this.state === "exhausted") return this.deadline;
    return Infinity;
  }
}

export function createLinux(c: CfsConfig | EevdfConfig, hasRealtime: boolean): Policy {
  const tickMs = 1000 / c.hz;
  const fair: FairClass = c.name === "cfs" ? createCfs(c) : createEevdf(c, tickMs);
  const rtQueues: Deque<TaskRun>[] = Array.from({ length: 100 }, () => new Deque<TaskRun>());
  let rtCount = 0;
  /** The task on the CPU (the loop tells a policy only of picks, requeues and leaves). */
  let running: TaskRun | null = null;
  const isRt = (t: TaskRun) => t.cls === "fifo" || t.cls === "rr";
  const rtPrio = (t: TaskRun) => t.spec.priority ?? 1;
  // Neither mechanism can change anything without a real-time task, so a fair-only run skips both.
  const bandwidth = hasRealtime && c.throttle === "throttle" ? new RtBandwidth(c.rtRuntimeMs, c.rtPeriodMs) : null;
  // A server with no runtime is off, as dl_server_start() returns at once when dl_runtime is 0.
  const server =
    hasRealtime && c.throttle === "fair-server" && c.fairServerMs > EPS
      ? new FairServer(c.fairServerMs, c.rtPeriodMs)
      : null;

  const rtActive = () => rtCount > 0 || (running !== null && isRt(running));
  const fairRunnable = () => fair.count() > 0 || (running !== null && !isRt(running));

  function sync(now: number): void {
    bandwidth?.sync(now, rtActive());
    server?.sync(now);
  }
  function rtAllowed(now: number): boolean {
    sync(now);
    if (bandwidth) return bandwidth.allowed();
    if (server) return !(server.state === "serving" && fairRunnable());
    return true;
  }
  function throttledUntil(now: number): string {
    if (bandwidth)
      return `real-time tasks have used their ${fmt(c.rtRuntimeMs)} ms of this ${fmt(c.rtPeriodMs)} ms period and are throttled until t=${fmt(bandwidth.nextExpiry(now))}`;
    return `the fair server is serving the normal tasks (${fmt(server?.budget ?? 0)} ms of budget left), ahead of real-time tasks`;
  }

  function highestRt(): Deque<TaskRun> | undefined {
    if (rtCount === 0) return undefined;
    for (let p = 99; p >= 1; p--) if (rtQueues[p]!.size > 0) return rtQueues[p];
    return undefined;
  }

  function rtValues(t: TaskRun): DecisionValues {
    return { priority: rtPrio(t), remaining: remainingValue(t) };
  }

  return {
    enqueue(t, now, reason) {
      if (t === running) running = null;
      if (!isRt(t)) {
        fair.enqueue(t, now, reason);
        server?.start(now);
        return;
      }
      bandwidth?.activate(now);
      rtCount++;
      // A preempted (or throttled) RT task keeps its place at the head; wakeups and expired RR quanta go to the tail.
      if (reason === "preempted") rtQueues[rtPrio(t)]!.pushFront(t);
      else rtQueues[rtPrio(t)]!.pushBack(t);
    },
    pick(now): Pick | undefined {
      const q = highestRt();
      const allowed = q !== undefined && rtAllowed(now);
      if (q && allowed) {
        const task = q.popFront()!;
        rtCount--;
        running = task;
        task.execAtPick = task.cpuTime;
        if (task.cls === "rr" && task.quantumLeft <= EPS) task.quantumLeft = c.rrTimesliceMs;
        return {
          task,
          rule: task.cls === "fifo" ? "rt-fifo-highest-priority" : "rt-rr-highest-priority",
          message: `${task.id} (SCHED_${task.cls.toUpperCase()}, priority ${rtPrio(task)}) heads the highest non-empty real-time list; real-time runs before any fair task.`,
        };
      }
      const p = fair.pick(now);
      if (p) running = p.task;
      if (p && q) {
        return {
          ...p,
          rule: `rt-throttled+${p.rule}`,
          message: `${throttledUntil(now).replace(/^./, (s) => s.toUpperCase())}; ${p.message}`,
        };
      }
      return p;
    },
    snapshot(limit) {
      const rt: { task: TaskRun; values: DecisionValues }[] = [];
      for (let p = 99; p >= 1 && rt.length < limit; p--) {
        if (rtQueues[p]!.size === 0) continue;
        for (const task of rtQueues[p]!.toArray(limit - rt.length)) rt.push({ task, values: rtValues(task) });
      }
      return rt.length >= limit ? rt : rt.concat(fair.snapshot(limit - rt.length));
    },
    values: (task) => (isRt(task) ? rtValues(task) : fair.values(task)),
    charge(curr, dt, now, probeCut) {
      sync(now - dt);
      if (isRt(curr)) {
        if (bandwidth) bandwidth.used += dt;
        if (curr.cls === "rr") curr.quantumLeft -= dt;
      } else {
        server?.consume(dt, now, probeCut);
        fair.charge(curr, dt, probeCut);
      }
    },
    timerAt(curr, now) {
      if (!isRt(curr)) {
        const tick = (Math.floor(now / tickMs + EPS) + 1) * tickMs;
        // A boosted fair task gives the CPU back to waiting RT tasks when the server's budget is spent.
        return server?.state === "serving" && rtCount > 0 ? Math.min(tick, now + Math.max(0, server.budget)) : tick;
      }
      sync(now);
      let t = curr.cls === "rr" ? now + curr.quantumLeft : Infinity;
      if (bandwidth) t = Math.min(t, now + c.rtRuntimeMs - bandwidth.used);
      return t;
    },
    onTimer(curr, now) {
      if (!isRt(curr)) {
        sync(now);
        if (server && server.state !== "serving" && rtCount > 0 && rtAllowed(now)) return "throttled";
        const onTick = Math.abs(now / tickMs - Math.round(now / tickMs)) < 1e-6;
        return onTick && fair.onTick(curr) ? "quantum-expired" : null;
      }
      if (!rtAllowed(now)) return "throttled";
      if (curr.cls === "rr" && curr.quantumLeft <= EPS) {
        curr.quantumLeft = c.rrTimesliceMs;
        return "quantum-expired";
      }
      return null;
    },
    preempts(curr, woken, now) {
      if (isRt(woken)) {
        if (!rtAllowed(now)) return false;
        return !isRt(curr) || rtPrio(woken) > rtPrio(curr);
      }
      if (isRt(curr)) return server !== null && !rtAllowed(now);
      return fair.preempts(curr, woken);
    },
    onLeave(curr, _now, finished) {
      if (curr === running) running = null;
      if (isRt(curr)) return;
      fair.onLeave(curr, finished);
      if (server && !fairRunnable()) server.stop();
    },
    // A server timer can already be due (a budget spent after its deadline passed): it fires at once, never
    // in the past, or the loop would move the clock back.
    globalTimerAt: (now) =>
      bandwidth ? bandwidth.nextExpiry(now) : server ? Math.max(now, server.nextTimer()) : Infinity,
    onGlobalTimer(now, curr) {
      sync(now);
      if (curr === null) return false;
      // A new period lifts throttling: waiting RT tasks take the CPU back from a fair task…
      if (!isRt(curr)) return rtCount > 0 && rtAllowed(now);
      // …and the fair server, once it serves, takes it from a real-time task.
      return server !== null && !rtAllowed(now);
    },
    readyCount: () => rtCount + fair.count(),
    remove(t) {
      if (isRt(t)) {
        if (rtQueues[rtPrio(t)]!.remove(t)) rtCount--;
        return;
      }
      fair.remove(t);
      if (server && !fairRunnable()) server.stop();
    },
  };
}
