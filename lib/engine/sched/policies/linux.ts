// The Linux class stack on one CPU: real-time (SCHED_FIFO / SCHED_RR, priority 1–99) always runs before
// the fair class (CFS or EEVDF, which also holds SCHED_IDLE at weight 3), subject to RT throttling.
// The fair class only notices a used-up slice at timer ticks (HZ), wakeups and blocking, as the kernel does.
import { Deque } from "../deque";
import type { Policy, Pick, TaskRun } from "../policy";
import { fmt, remainingValue } from "../policy";
import type { CfsConfig, DecisionValues, EevdfConfig } from "../types";
import { createCfs } from "./cfs";
import { createEevdf } from "./eevdf";
import type { FairClass } from "./fair";

const EPS = 1e-9;

export function createLinux(c: CfsConfig | EevdfConfig, hasRealtime: boolean): Policy {
  const tickMs = 1000 / c.hz;
  const fair: FairClass = c.name === "cfs" ? createCfs(c) : createEevdf(c, tickMs);
  const rtQueues: Deque<TaskRun>[] = Array.from({ length: 100 }, () => new Deque<TaskRun>());
  let rtCount = 0;
  let periodIndex = 0;
  let rtUsed = 0;
  let fairUsed = 0;
  const isRt = (t: TaskRun) => t.cls === "fifo" || t.cls === "rr";
  const rtPrio = (t: TaskRun) => t.spec.priority ?? 1;

  function syncPeriod(now: number): void {
    const p = Math.floor(now / c.rtPeriodMs + EPS);
    if (p !== periodIndex) {
      periodIndex = p;
      rtUsed = 0;
      fairUsed = 0;
    }
  }
  const periodEnd = () => (periodIndex + 1) * c.rtPeriodMs;
  /** When the fair server (6.12+) takes over: late enough that it still gets its reserve by period end. */
  const fairServerStart = () => periodEnd() - Math.max(0, c.fairServerMs - fairUsed);

  function rtAllowed(now: number): boolean {
    syncPeriod(now);
    if (c.throttle === "throttle") return rtUsed < c.rtRuntimeMs - EPS;
    if (c.throttle === "fair-server") return !(fair.count() > 0 && now >= fairServerStart() - EPS);
    return true;
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
      if (!isRt(t)) return fair.enqueue(t, now, reason);
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
        task.execAtPick = task.cpuTime;
        if (task.cls === "rr" && task.quantumLeft <= EPS) task.quantumLeft = c.rrTimesliceMs;
        return {
          task,
          rule: task.cls === "fifo" ? "rt-fifo-highest-priority" : "rt-rr-highest-priority",
          message: `${task.id} (SCHED_${task.cls.toUpperCase()}, priority ${rtPrio(task)}) heads the highest non-empty real-time list; real-time runs before any fair task.`,
        };
      }
      const p = fair.pick(now);
      if (p && q) {
        return {
          ...p,
          rule: `rt-throttled+${p.rule}`,
          message: `Real-time tasks are throttled until t=${fmt(periodEnd())} (${c.throttle}); ${p.message}`,
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
      syncPeriod(now - dt);
      if (isRt(curr)) {
        rtUsed += dt;
        if (curr.cls === "rr") curr.quantumLeft -= dt;
      } else {
        fairUsed += dt;
        fair.charge(curr, dt, probeCut);
      }
    },
    timerAt(curr, now) {
      if (!isRt(curr)) return (Math.floor(now / tickMs + EPS) + 1) * tickMs;
      syncPeriod(now);
      let t = curr.cls === "rr" ? now + curr.quantumLeft : Infinity;
      if (c.throttle === "throttle") t = Math.min(t, now + c.rtRuntimeMs - rtUsed);
      if (c.throttle === "fair-server" && fair.count() > 0) t = Math.min(t, Math.max(now, fairServerStart()));
      return t;
    },
    onTimer(curr, now) {
      if (!isRt(curr)) return fair.onTick(curr) ? "quantum-expired" : null;
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
      if (isRt(curr)) return c.throttle === "fair-server" && !rtAllowed(now);
      return fair.preempts(curr, woken);
    },
    onLeave(curr, _now, finished) {
      if (!isRt(curr)) fair.onLeave(curr, finished);
    },
    globalTimerAt: (now) =>
      hasRealtime && c.throttle !== "none" ? (Math.floor(now / c.rtPeriodMs + EPS) + 1) * c.rtPeriodMs : Infinity,
    onGlobalTimer(now, curr) {
      syncPeriod(now);
      // A new period lifts throttling: waiting RT tasks take the CPU back from a fair task.
      return curr !== null && !isRt(curr) && rtCount > 0;
    },
    readyCount: () => rtCount + fair.count(),
  };
}
