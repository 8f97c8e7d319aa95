// The multi-CPU loop: the same policies, one instance per CPU's run queue (or one shared queue), with
// affinity masks, load balancing, a migration cost and OSTEP multi.py's cache-warmth model. The
// single-CPU loop (simulate.ts) is untouched; simulate() comes here only for cpus > 1 or smp settings.
//
// Order of work at one instant t (docs/engine.md, "Several CPUs"), CPUs in number order at each step:
//   1. every running task's burst end or policy timer at t, then the policies' global timers;
//   2. arrivals and wakeups (placed on a CPU, then preempting there or not) and expired tasks, per
//      conventions.arrivalVsExpired; then sched_setaffinity calls due; then periodic balancing if a tick is due;
//   3. every free CPU picks from its own queue; a CPU that has just gone idle then pulls from the busiest
//      queue (newidle balancing) and picks again.
// Switch costs are counted but never charged here (validation refuses chargeTime with several CPUs).
import { MAX_LOGGED_DECISIONS } from "./defaults";
import { MinHeap } from "./heap";
import { createPolicy } from "./create-policy";
import type { EnqueueReason, Policy, TaskRun } from "./policy";
import { fmt, newTaskRun } from "./policy";
import { averages, tieRanks } from "./run-common";
import { classifySwitch, emptySwitchReport, switchCostMs } from "./switch-cost";
import type {
  Decision,
  Migration,
  MigrationReason,
  SimResult,
  Slice,
  SliceEnd,
  SmpConfig,
  SmpReport,
  TaskMetrics,
  Workload,
} from "./types";
import { niceToWeight, SCHED_IDLE_WEIGHT } from "./weights";

const EPS = 1e-9;

interface Queue {
  policy: Policy;
  /** Queued tasks in the order they were enqueued (a Set keeps insertion order): balancing pulls the oldest. */
  members: Set<TaskRun>;
}

interface Cpu {
  id: number;
  queue: Queue;
  curr: TaskRun | null;
  sliceStart: number;
  /** This CPU's last slice, extended when the same task continues at the instant it ended. */
  lastSlice: Slice | null;
  lastOnCpu: TaskRun | null;
  dispatched: boolean;
  expired: { task: TaskRun; reason: EnqueueReason } | null;
  preempt: boolean;
  /** Idle and already tried a newidle pull: it waits for work placed on it or for a balance tick. */
  idleSettled: boolean;
  idleLogged: boolean;
  busy: number;
  idle: number;
  /** Working sets resident in this CPU's cache, least recently run first, with ms run here while resident. */
  cache: Map<TaskRun, number>;
  cacheUsedKb: number;
}

/** Runs a validated workload with `cpus` CPUs (1 allowed: the property tests compare it with simulate.ts). */
export function simulateSmp(w: Workload): SimResult {
  const n = w.cpus ?? 1;
  const cfg: SmpConfig = w.smp ?? {
    queues: "per-cpu",
    migrationCostMs: 0,
    balanceIntervalMs: n,
    imbalancePct: 117,
    warmupMs: 0,
    warmRate: 1,
    cacheKb: 0,
  };
  const single = cfg.queues === "single";
  const ranks = tieRanks(w);
  const tasks: TaskRun[] = w.tasks.map((spec, i) =>
    newTaskRun(spec, i, ranks[i]!, spec.class === "idle" ? SCHED_IDLE_WEIGHT : niceToWeight(spec.nice ?? 0)),
  );
  const policyFor = (c: number) =>
    // Each CPU draws its own lottery: the same seed on every CPU would make them draw in lockstep.
    createPolicy(w.policy.name === "lottery" ? { ...w.policy, seed: w.policy.seed + c } : w.policy, tasks);
  const queues: Queue[] = Array.from({ length: single ? 1 : n }, (_, c) => ({
    policy: policyFor(c),
    members: new Set<TaskRun>(),
  }));
  const cpus: Cpu[] = Array.from({ length: n }, (_, id) => ({
    id,
    queue: queues[single ? 0 : id]!,
    curr: null,
    sliceStart: 0,
    lastSlice: null,
    lastOnCpu: null,
    dispatched: false,
    expired: null,
    preempt: false,
    idleSettled: false,
    idleLogged: false,
    busy: 0,
    idle: 0,
    cache: new Map(),
    cacheUsedKb: 0,
  }));
  const horizon = w.horizon ?? Infinity;
  const cacheModel = cfg.warmRate > 1 && cfg.warmupMs > 0;

  // Per-task multi-CPU state, indexed by TaskRun.index.
  const masks: (Uint8Array | null)[] = tasks.map((t) => maskOf(t.spec.affinity, n));
  const lastCpu = new Int32Array(tasks.length).fill(-1);
  const queuedOn = new Int32Array(tasks.length).fill(-1);
  /** Migration cost still to be paid on the current CPU. */
  const overhead = new Float64Array(tasks.length);
  const migrationCount = new Int32Array(tasks.length);
  const migrationCost = new Float64Array(tasks.length);
  const warmupCost = new Float64Array(tasks.length);
  const allowed = (t: TaskRun, c: number) => {
    const m = masks[t.index]!;
    return m === null || m[c] === 1;
  };

  const arrivals = [...tasks].sort((a, b) => a.spec.arrival - b.spec.arrival || a.rank - b.rank);
  let nextArrival = 0;
  const wakeups = new MinHeap<{ time: number; task: TaskRun }>(
    (a, b) => a.time < b.time || (a.time === b.time && a.task.rank < b.task.rank),
  );
  const affinityCalls = tasks
    .flatMap((t) => (t.spec.affinityChanges ?? []).map((ch, k) => ({ at: ch.at, k, task: t, cpus: ch.cpus })))
    .sort((a, b) => a.at - b.at || a.task.rank - b.task.rank || a.k - b.k);
  let nextAffinity = 0;

  const slices: Slice[] = [];
  const decisions: Decision[] = [];
  let decisionsTruncated = false;
  const migrations: Migration[] = [];
  let migrationsTruncated = false;
  const warnings: string[] = [];
  const switches = emptySwitchReport(false);
  const balanceOn = !single && n > 1;
  let nextBalance = balanceOn ? cfg.balanceIntervalMs : Infinity;
  let balanceRuns = 0;
  let now = 0;
  let events = 0;
  /**
   * Steps of work, capped by limits.maxEvents like the single-CPU loop's events: each event visits every
   * CPU, and balancing and the shared queue's affinity skips scan queues, so a hostile workload (1,024 CPUs,
   * 200,000 pinned tasks) stops at the cap instead of running for hours.
   */
  let work = 0;
  let seq = 0;
  let done = 0;
  let stoppedBy: SimResult["stats"]["stoppedBy"] = "completed";
  let timerFiredWhileRefused = false;

  const load = (c: Cpu) => (c.curr ? 1 : 0) + (single ? 0 : c.queue.members.size);
  const isIdle = (c: Cpu) => c.curr === null && c.queue.members.size === 0;
  const anyQueued = () => {
    for (const q of queues) if (q.members.size > 0) return true;
    return false;
  };

  function closeSlice(cpu: Cpu, end: number, reason: SliceEnd): void {
    const task = cpu.curr!;
    const prev = cpu.lastSlice;
    if (prev && prev.task === task.id && prev.end === cpu.sliceStart) {
      prev.end = end;
      prev.endReason = reason;
    } else if (end > cpu.sliceStart) {
      cpu.lastSlice = { cpu: cpu.id, task: task.id, start: cpu.sliceStart, end, endReason: reason };
      slices.push(cpu.lastSlice);
    }
  }

  function recordMigration(t: TaskRun, from: number, to: number, reason: MigrationReason): void {
    migrationCount[t.index]!++;
    if (migrations.length >= MAX_LOGGED_DECISIONS) migrationsTruncated = true;
    else migrations.push({ time: now, task: t.id, from, to, reason });
  }

  function makeReady(t: TaskRun, cpu: Cpu, reason: EnqueueReason, since = now): void {
    t.state = "ready";
    t.readySince = since;
    t.enqueueSeq = seq++;
    cpu.queue.policy.enqueue(t, now, reason);
    cpu.queue.members.add(t);
    queuedOn[t.index] = cpu.id;
  }

  function dequeue(t: TaskRun): void {
    const q = cpus[queuedOn[t.index]!]!.queue;
    q.policy.remove(t, now);
    q.members.delete(t);
    queuedOn[t.index] = -1;
  }

  /**
   * Where a task that arrives or wakes goes (select_task_rq, simplified): its last CPU if that is idle, else
   * the lowest-numbered idle CPU it may use, else its last CPU (the cache may still be warm), else the
   * allowed CPU with the fewest tasks (lowest number on a tie).
   */
  function place(t: TaskRun): Cpu {
    if (single) return cpus[0]!;
    const prev = lastCpu[t.index]!;
    if (prev >= 0 && allowed(t, prev) && isIdle(cpus[prev]!)) return cpus[prev]!;
    let best: Cpu | null = null;
    for (const c of cpus) {
      if (!allowed(t, c.id)) continue;
      if (isIdle(c)) return c;
      if (best === null || load(c) < load(best)) best = c;
    }
    if (prev >= 0 && allowed(t, prev)) return cpus[prev]!;
    return best!;
  }

  /** In single-queue mode, the CPU a newcomer preempts: none while an allowed CPU is free. */
  function preemptTarget(t: TaskRun, placed: Cpu): Cpu | null {
    if (!single) return placed.curr && placed.queue.policy.preempts(placed.curr, t, now) ? placed : null;
    for (const c of cpus) if (allowed(t, c.id) && c.curr === null) return null;
    for (const c of cpus) {
      if (allowed(t, c.id) && !c.preempt && c.curr && c.queue.policy.preempts(c.curr, t, now)) return c;
    }
    return null;
  }

  function admitDue(): void {
    for (;;) {
      const a = arrivals[nextArrival];
      const wk = wakeups.peek();
      const aDue = a !== undefined && a.spec.arrival <= now;
      const wDue = wk !== undefined && wk.time <= now;
      if (!aDue && !wDue) return;
      let t: TaskRun;
      let reason: EnqueueReason;
      let since: number;
      if (aDue && (!wDue || a.spec.arrival < wk.time || (a.spec.arrival === wk.time && a.rank < wk.task.rank))) {
        t = a;
        since = a.spec.arrival;
        nextArrival++;
        t.remaining = t.repeat && t.bursts.length === 1 ? Infinity : t.bursts[0]!;
        reason = "arrival";
      } else {
        const due = wakeups.pop()!;
        t = due.task;
        since = due.time;
        reason = "wakeup";
      }
      const cpu = place(t);
      const prev = lastCpu[t.index]!;
      if (!single && prev >= 0 && prev !== cpu.id) recordMigration(t, prev, cpu.id, "wakeup");
      makeReady(t, cpu, reason, since);
      const target = preemptTarget(t, cpu);
      if (target && !target.preempt) target.preempt = true;
    }
  }

  /** sched_setaffinity: a task queued or running on a CPU it may no longer use moves at once. */
  function applyAffinityCalls(): void {
    while (nextAffinity < affinityCalls.length && affinityCalls[nextAffinity]!.at <= now) {
      const call = affinityCalls[nextAffinity++]!;
      const t = call.task;
      masks[t.index] = maskOf(call.cpus, n);
      if (t.state === "running" && single) {
        const cpu = cpus.find((c) => c.curr === t)!;
        if (allowed(t, cpu.id)) continue;
        // Back to the shared queue: a CPU it may use picks it (recorded then as a "shared-queue" move).
        closeSlice(cpu, now, "preempted");
        cpu.curr = null;
        cpu.preempt = false;
        makeReady(t, cpu, "preempted");
      } else if (single) {
        continue;
      } else if (t.state === "ready" && queuedOn[t.index]! >= 0 && !allowed(t, queuedOn[t.index]!)) {
        const from = queuedOn[t.index]!;
        dequeue(t);
        const to = place(t);
        recordMigration(t, from, to.id, "affinity");
        makeReady(t, to, "migrated", t.readySince);
      } else if (t.state === "running") {
        const cpu = cpus.find((c) => c.curr === t)!;
        if (allowed(t, cpu.id)) continue;
        // The kernel's migration stopper preempts the task and moves it (__set_cpus_allowed_ptr).
        closeSlice(cpu, now, "preempted");
        cpu.curr = null;
        cpu.preempt = false;
        t.state = "ready";
        cpu.queue.policy.enqueue(t, now, "preempted");
        cpu.queue.members.add(t);
        queuedOn[t.index] = cpu.id;
        t.readySince = now;
        dequeue(t);
        const to = place(t);
        recordMigration(t, cpu.id, to.id, "affinity");
        makeReady(t, to, "migrated");
      }
    }
  }

  /** Moves up to `count` queued tasks from `src` to `dst`, oldest-queued first, skipping pinned ones. */
  function pull(src: Cpu, dst: Cpu, count: number, reason: MigrationReason): number {
    let moved = 0;
    for (const t of src.queue.members) {
      if (moved >= count || ++work > w.limits.maxEvents) break;
      if (!allowed(t, dst.id)) continue;
      dequeue(t);
      recordMigration(t, src.id, dst.id, reason);
      makeReady(t, dst, "migrated", t.readySince);
      if (dst.curr && !dst.preempt && dst.queue.policy.preempts(dst.curr, t, now)) dst.preempt = true;
      moved++;
    }
    return moved;
  }

  /** The CPU with the most tasks that has a queued task allowed on `dst` (lowest number on a tie). */
  function busiestFor(dst: Cpu): Cpu | null {
    let best: Cpu | null = null;
    work += n;
    for (const c of cpus) {
      if (c === dst || c.queue.members.size === 0 || (best && load(c) <= load(best))) continue;
      for (const t of c.queue.members) {
        if (++work > w.limits.maxEvents) return best;
        if (allowed(t, dst.id)) {
          best = c;
          break;
        }
      }
    }
    return best;
  }

  /**
   * Periodic balancing (kernel/sched/fair.c load_balance, one flat domain): each CPU in turn finds the
   * busiest queue; when it has more than imbalancePct % of this CPU's tasks, half the difference moves.
   * Load is the number of tasks (running + queued), not PELT's weighted load_avg.
   */
  function balance(): void {
    balanceRuns++;
    for (const dst of cpus) {
      const src = busiestFor(dst);
      if (!src) continue;
      const local = load(dst);
      const busiest = load(src);
      if (busiest * 100 <= cfg.imbalancePct * local) continue;
      const move = Math.floor((busiest - local) / 2);
      if (move >= 1) pull(src, dst, move, "balance");
    }
  }

  type Ready = Decision["ready"];
  /** The queue as the decision log shows it, taken before the pick (as the single-CPU loop does). */
  const readyOf = (cpu: Cpu): Ready =>
    w.log ? cpu.queue.policy.snapshot(w.logReadyLimit, now).map((e) => ({ task: e.task.id, values: e.values })) : [];

  function logDecision(cpu: Cpu, picked: TaskRun | null, rule: string, message: string, ready: Ready): void {
    if (!w.log) return;
    if (decisions.length >= MAX_LOGGED_DECISIONS) {
      decisionsTruncated = true;
      return;
    }
    decisions.push({ time: now, cpu: cpu.id, ready, picked: picked?.id ?? null, rule, message });
  }

  function countSwitch(cpu: Cpu, to: TaskRun | null): void {
    if (!cpu.dispatched || cpu.lastOnCpu === to) return;
    const kind = classifySwitch(cpu.lastOnCpu, to);
    const { direct, indirect } = switchCostMs(w.switchCost, kind, to);
    const k = switches.byKind[kind];
    k.count++;
    k.directMs += direct;
    k.indirectMs += indirect;
    switches.total++;
    switches.totalOverheadMs += direct + indirect;
  }

  /** Brings t's working set into cpu's cache (evicting the least recently run ones that no longer fit). */
  function touchCache(cpu: Cpu, t: TaskRun): void {
    if (!cacheModel) return;
    const warmed = cpu.cache.get(t);
    if (warmed !== undefined) {
      cpu.cache.delete(t);
      cpu.cache.set(t, warmed);
      return;
    }
    const ws = t.spec.workingSetKb ?? 0;
    cpu.cache.set(t, 0);
    cpu.cacheUsedKb += ws;
    for (const [other] of cpu.cache) {
      if (cpu.cacheUsedKb <= cfg.cacheKb) break;
      if (other === t) continue;
      cpu.cache.delete(other);
      cpu.cacheUsedKb -= other.spec.workingSetKb ?? 0;
    }
  }

  /** Picks for a free CPU; in single-queue mode tasks this CPU may not run are passed over and put back. */
  function pickFor(cpu: Cpu): ReturnType<Policy["pick"]> {
    const policy = cpu.queue.policy;
    if (!single) return policy.pick(now);
    const skipped: TaskRun[] = [];
    let p = policy.pick(now);
    while (p && !allowed(p.task, cpu.id)) {
      skipped.push(p.task);
      // Out of work: put everything back and let the loop stop at the cap.
      if (++work > w.limits.maxEvents) {
        p = undefined;
        break;
      }
      p = policy.pick(now);
    }
    for (const t of skipped) policy.enqueue(t, now, "preempted");
    return p;
  }

  function dispatch(cpu: Cpu, p: NonNullable<ReturnType<Policy["pick"]>>, ready: Ready): void {
    const t = p.task;
    timerFiredWhileRefused = false;
    logDecision(cpu, t, p.rule, p.message, ready);
    cpu.queue.members.delete(t);
    queuedOn[t.index] = -1;
    t.waiting += now - t.readySince;
    countSwitch(cpu, t);
    cpu.dispatched = true;
    cpu.lastOnCpu = t;
    cpu.curr = t;
    cpu.idleSettled = false;
    cpu.idleLogged = false;
    t.state = "running";
    cpu.sliceStart = now;
    // lastCpu moves only once the task has run here (runFor): a task picked and preempted in the same
    // instant has not moved, and pays nothing for it.
    // A cost left unpaid when the task was preempted is dropped if it comes back where it last ran.
    const prev = lastCpu[t.index]!;
    const moved = prev >= 0 && prev !== cpu.id;
    overhead[t.index] = moved ? cfg.migrationCostMs : 0;
    if (moved && single) recordMigration(t, prev, cpu.id, "shared-queue");
    touchCache(cpu, t);
  }

  /** ms until t's working set is warm on cpu (0 when warm or without the cache model). */
  function coldLeft(cpu: Cpu, t: TaskRun): number {
    if (!cacheModel) return 0;
    return Math.max(0, cfg.warmupMs - (cpu.cache.get(t) ?? 0));
  }

  /** Wall time until t's burst ends on cpu, paying the migration cost first and running slower while cold. */
  function timeToBurstEnd(cpu: Cpu, t: TaskRun): number {
    const o = overhead[t.index]!;
    const cold = coldLeft(cpu, t);
    const workCold = cold / cfg.warmRate;
    if (t.remaining <= workCold) return o + t.remaining * cfg.warmRate;
    return o + cold + (t.remaining - workCold);
  }

  /** The next instant something changes inside t's run (migration cost paid, cache warm). */
  function internalEvent(cpu: Cpu, t: TaskRun): number {
    const o = overhead[t.index]!;
    if (o > EPS) return now + o;
    const cold = coldLeft(cpu, t);
    return cold > EPS ? now + cold : Infinity;
  }

  function runFor(cpu: Cpu, t: TaskRun, dt: number): void {
    if (dt > 0) lastCpu[t.index] = cpu.id;
    let left = dt;
    const o = Math.min(overhead[t.index]!, left);
    if (o > 0) {
      overhead[t.index]! -= o;
      migrationCost[t.index]! += o;
      left -= o;
    }
    if (left <= 0) return;
    if (cacheModel) {
      const cold = Math.min(coldLeft(cpu, t), left);
      if (cold > 0) {
        t.remaining -= cold / cfg.warmRate;
        warmupCost[t.index]! += cold - cold / cfg.warmRate;
      }
      t.remaining -= left - cold;
      cpu.cache.set(t, (cpu.cache.get(t) ?? 0) + left);
    } else {
      t.remaining -= left;
    }
  }

  function finishBurst(cpu: Cpu, t: TaskRun): void {
    const b = t.bursts;
    let next = t.phase + 1;
    if (next >= b.length && t.repeat) next = 0;
    const policy = cpu.queue.policy;
    if (next >= b.length) {
      closeSlice(cpu, now, "finished");
      t.state = "done";
      t.finish = now;
      t.remaining = 0;
      done++;
      policy.onLeave(t, now, true);
    } else {
      const io = b[next]!;
      let cpuPhase = next + 1;
      if (cpuPhase >= b.length) cpuPhase = 0;
      t.phase = cpuPhase;
      t.remaining = b[cpuPhase]!;
      closeSlice(cpu, now, "blocked");
      t.state = "blocked";
      policy.onLeave(t, now, false);
      wakeups.push({ time: now + io, task: t });
    }
    cpu.curr = null;
  }

  const globalAt = new Float64Array(queues.length);
  const timers = new Float64Array(n);
  const own = new Float64Array(n);
  const maxEvents = w.limits.maxEvents;
  const expiredFirst = w.conventions.arrivalVsExpired === "expired-first";
  for (;;) {
    work += n;
    if (++events > maxEvents || work > maxEvents) {
      stoppedBy = "event-cap";
      warnings.push(
        n > 1
          ? `stopped after limits.maxEvents = ${w.limits.maxEvents} steps of work (an event counts once per CPU) at t=${now}`
          : `stopped after limits.maxEvents = ${w.limits.maxEvents} events at t=${now}`,
      );
      break;
    }
    // Step 2.
    if (expiredFirst) requeueExpired();
    admitDue();
    if (!expiredFirst) requeueExpired();
    // After the requeues, so a task whose quantum just expired is on a queue when its mask changes.
    applyAffinityCalls();
    if (balanceOn && now >= nextBalance - EPS) {
      balance();
      nextBalance = (Math.floor(now / cfg.balanceIntervalMs + EPS) + 1) * cfg.balanceIntervalMs;
    }
    for (const cpu of cpus) {
      if (!cpu.preempt) continue;
      cpu.preempt = false;
      if (!cpu.curr) continue;
      closeSlice(cpu, now, "preempted");
      const t = cpu.curr;
      cpu.curr = null;
      makeReady(t, cpu, "preempted");
    }
    // Step 3.
    for (const cpu of cpus) {
      if (cpu.curr) continue;
      const ready = readyOf(cpu);
      const p = pickFor(cpu);
      if (p) dispatch(cpu, p, ready);
    }
    if (!single && n > 1) {
      for (const cpu of cpus) {
        if (cpu.curr || cpu.idleSettled) continue;
        cpu.idleSettled = true;
        const src = busiestFor(cpu);
        if (!src || pull(src, cpu, 1, "idle-pull") === 0) continue;
        const ready = readyOf(cpu);
        const p = pickFor(cpu);
        if (p) dispatch(cpu, p, ready);
      }
    }
    const pending = nextArrival < arrivals.length || wakeups.size > 0;
    const queued = anyQueued();
    let running = false;
    for (const cpu of cpus) {
      if (cpu.curr) {
        running = true;
        continue;
      }
      if (!cpu.idleLogged) {
        cpu.idleLogged = true;
        logDecision(cpu, null, "idle", "Nothing is runnable here: the CPU idles until the next event.", readyOf(cpu));
      }
      if (pending) countSwitch(cpu, null);
      cpu.lastOnCpu = null;
      cpu.idleSettled = true;
    }
    // Step 1 of the next instant: run until the first burst end, timer or external event.
    // Preallocated per-CPU arrays: this runs once per event, and garbage would cost more than the work.
    let firstGlobal = Infinity;
    for (let q = 0; q < queues.length; q++) {
      globalAt[q] = queues[q]!.policy.globalTimerAt?.(now) ?? Infinity;
      firstGlobal = Math.min(firstGlobal, globalAt[q]!);
    }
    const external = Math.min(
      arrivals[nextArrival]?.spec.arrival ?? Infinity,
      wakeups.peek()?.time ?? Infinity,
      affinityCalls[nextAffinity]?.at ?? Infinity,
      horizon,
    );
    for (let i = 0; i < n; i++) {
      const c = cpus[i]!;
      timers[i] = c.curr ? c.queue.policy.timerAt(c.curr, now) : Infinity;
      own[i] = c.curr
        ? Math.min(now + timeToBurstEnd(c, c.curr), timers[i]!, globalAt[single ? 0 : i]!, external)
        : Infinity;
    }
    // Balancing only moves queued tasks towards CPUs that could run them: with no CPU running there is none.
    let next = Math.min(external, firstGlobal, running && queued ? nextBalance : Infinity);
    for (let i = 0; i < n; i++) {
      const c = cpus[i]!;
      if (!c.curr) continue;
      next = Math.min(next, own[i]!, internalEvent(c, c.curr));
    }
    if (!running) {
      const stalled = queued && !pending && timerFiredWhileRefused;
      if (!pending && !queued) break;
      if (stalled) {
        warnings.push(
          `from t=${fmt(now)} nothing can run: the policy refuses every ready task (real-time tasks throttled with rtRuntimeMs 0?) and nothing will arrive or wake`,
        );
        if (horizon === Infinity) {
          stoppedBy = "stalled";
          break;
        }
        next = horizon;
      }
      if (next === Infinity) break;
    }
    if (next >= horizon) next = horizon;
    const dt = Math.max(0, next - now);
    for (let i = 0; i < n; i++) {
      const c = cpus[i]!;
      const t = c.curr;
      if (!t) {
        c.idle += dt;
        continue;
      }
      if (t.firstRun === null) t.firstRun = now;
      runFor(c, t, dt);
      t.cpuTime += dt;
      c.busy += dt;
      // Only this CPU's own events are clock updates its policy would see (see Policy.charge).
      c.queue.policy.charge(t, dt, next, next < own[i]! - EPS);
    }
    now = next;
    for (let i = 0; i < n; i++) {
      const c = cpus[i]!;
      const t = c.curr;
      if (!t) continue;
      if (t.remaining <= EPS && overhead[t.index]! <= EPS) {
        finishBurst(c, t);
      } else if (now >= timers[i]! - EPS) {
        const why = c.queue.policy.onTimer(t, now);
        if (why) {
          closeSlice(c, now, why);
          t.state = "ready";
          t.readySince = now;
          c.curr = null;
          c.expired = { task: t, reason: why === "quantum-expired" ? "expired" : "preempted" };
        }
      }
    }
    for (let q = 0; q < queues.length; q++) {
      if (now < globalAt[q]! - EPS) continue;
      const policy = queues[q]!.policy;
      if (single) {
        const runningHere = cpus.filter((c) => c.curr);
        if (runningHere.length === 0) policy.onGlobalTimer?.(now, null);
        for (const c of runningHere) if (policy.onGlobalTimer?.(now, c.curr)) c.preempt = true;
      } else {
        const c = cpus[q]!;
        if (policy.onGlobalTimer?.(now, c.curr) && c.curr) c.preempt = true;
      }
      if (!running && queued && !pending) timerFiredWhileRefused = true;
    }
    for (const c of cpus) {
      if (!c.preempt || !c.curr) continue;
      c.preempt = false;
      closeSlice(c, now, "preempted");
      const t = c.curr;
      c.curr = null;
      makeReady(t, c, "preempted");
    }
    if (now >= horizon) {
      for (const c of cpus) if (c.curr) closeSlice(c, now, "horizon");
      stoppedBy = done === tasks.length ? "completed" : "horizon";
      break;
    }
  }

  function requeueExpired(): void {
    for (const cpu of cpus) {
      if (!cpu.expired) continue;
      makeReady(cpu.expired.task, cpu, cpu.expired.reason);
      cpu.expired = null;
    }
  }

  slices.sort((a, b) => a.start - b.start || a.cpu! - b.cpu!);
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
  const busy = cpus.reduce((s, c) => s + c.busy, 0);
  const idle = cpus.reduce((s, c) => s + c.idle, 0);
  const smp: SmpReport = {
    cpus: n,
    config: cfg,
    perCpu: cpus.map((c) => ({
      cpu: c.id,
      busyTime: c.busy,
      idleTime: c.idle,
      utilisation: now > 0 ? c.busy / now : 0,
    })),
    migrations,
    migrationsTruncated,
    tasks: tasks.map((t) => ({
      id: t.id,
      migrations: migrationCount[t.index]!,
      migrationCostMs: migrationCost[t.index]!,
      warmupCostMs: warmupCost[t.index]!,
    })),
    balanceRuns,
  };
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
    smp,
  };
}

function maskOf(list: readonly number[] | undefined, n: number): Uint8Array | null {
  if (!list) return null;
  const m = new Uint8Array(n);
  for (const c of list) if (c < n) m[c] = 1;
  return m;
}
