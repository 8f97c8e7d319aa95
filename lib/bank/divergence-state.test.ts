// Issue #14, item 1: the first-divergence card shows the scheduler's state *at* the divergence instant.
// For every timeline template in the bank, many seeds and several wrong answers, the card is checked
// against a re-simulation stopped just after that instant (simulate() with a horizon), read only from
// its public result (slices and per-task CPU time) plus the workload and the policy's textbook rule.
// The check never calls stateAt. What each policy's check covers is listed in `orderKey` below; at an
// instant where the reference picks a task, every value is also compared with the decision log.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { gradeAnswer, NICE_0_WEIGHT, niceToWeight, simulate, validateTemplate } from "@/lib/engine";
import type { Answer, DecisionValues, QuestionTemplate, SimResult, Variant, Workload } from "@/lib/engine";
import { buildVariant } from "@/lib/engine/questions";
import { TIMELINE_IDLE as IDLE, TIMELINE_SWITCH as SWITCH } from "@/lib/engine/questions";
import { BUILT_IN_TEMPLATES } from "./index";

const SEEDS_PER_TEMPLATE = 50;
const MUTATIONS = 4;
const EPS = 1e-6;
/** How far past t the re-simulation runs: small enough that no event falls in (t, t + δ]. */
const DELTA = 1e-4;

const FC_SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : Math.floor(Math.random() * 2 ** 31);
console.log(`divergence-state: fast-check seed ${FC_SEED} (rerun with FC_SEED=${FC_SEED})`);

interface KeyData {
  workload: Workload;
  sim: SimResult;
}

interface RefTask {
  id: string;
  rank: number;
  state: "pending" | "ready" | "running" | "blocked" | "done";
  /** null: a burst with no end. */
  remaining: number | null;
  readySince: number;
  wakesAt?: number;
}

function tieRanks(w: Workload): Map<string, number> {
  const idx = w.tasks.map((_, i) => i);
  if (w.conventions.tieBreak === "arrival") idx.sort((a, b) => w.tasks[a]!.arrival - w.tasks[b]!.arrival || a - b);
  if (w.conventions.tieBreak === "id") idx.sort((a, b) => (w.tasks[a]!.id < w.tasks[b]!.id ? -1 : 1));
  return new Map(idx.map((i, r) => [w.tasks[i]!.id, r]));
}

/**
 * The state at t from a run stopped at t + δ: who runs (the slice cut by the horizon, or the next slice
 * when the CPU is mid-switch), each task's CPU left in its burst (from its CPU time), and whether it is
 * blocked (its last slice ended in I/O that has not finished by t).
 */
function referenceState(w: Workload, full: SimResult, t: number): { tasks: RefTask[]; running: string | null } {
  const cut = simulate({ ...w, horizon: t + DELTA, log: false });
  const ranks = tieRanks(w);
  const last = cut.slices[cut.slices.length - 1];
  let running: string | null = last && last.endReason === "horizon" && last.start <= t + EPS ? last.task : null;
  if (running === null && w.switchCost.chargeTime) {
    // Mid-switch: the task the CPU is being switched to is the next slice of the full run.
    const next = full.slices.find((s) => s.start > t + EPS);
    const prevEnd = Math.max(0, ...full.slices.filter((s) => s.end <= t + EPS).map((s) => s.end));
    if (next && cut.slices.every((s) => s.end <= t + EPS) && next.start - prevEnd <= sumSwitchMs(w) + EPS)
      running = next.task;
  }
  const tasks = w.tasks.map((spec): RefTask => {
    const m = cut.tasks.find((x) => x.id === spec.id)!;
    const rank = ranks.get(spec.id)!;
    if (spec.arrival > t + EPS)
      return { id: spec.id, rank, state: "pending", remaining: null, readySince: spec.arrival };
    if (m.finish !== null && m.finish <= t + EPS)
      return { id: spec.id, rank, state: "done", remaining: 0, readySince: 0 };
    const mine = cut.slices.filter((s) => s.task === spec.id);
    const lastSlice = mine[mine.length - 1];
    const cpu0 =
      m.cpuTime - (running === spec.id && lastSlice?.endReason === "horizon" ? Math.min(DELTA, lastSlice.end - t) : 0);
    if (spec.repeat && spec.bursts.length === 1) {
      return {
        id: spec.id,
        rank,
        state: running === spec.id ? "running" : "ready",
        remaining: null,
        readySince: readySinceOf(spec.arrival, lastSlice, t),
      };
    }
    let cpu = cpu0;
    // Walk the CPU bursts (even indices), cycling when the pattern repeats.
    let i = 0;
    let readySince = readySinceOf(spec.arrival, lastSlice, t);
    for (let guard = 0; guard < 100_000; guard++) {
      const burst = spec.bursts[i]!;
      if (cpu < burst - EPS) break;
      cpu -= burst;
      const io = spec.bursts[i + 1];
      if (io === undefined) break; // the last burst: finished (caught above)
      i = i + 2 >= spec.bursts.length ? 0 : i + 2;
      if (cpu <= EPS) {
        // This burst ended the task's last slice that ended in I/O: it wakes io ms after that.
        const blockedAt = mine.filter((x) => x.endReason === "blocked").pop()?.end ?? 0;
        const wakesAt = blockedAt + io;
        if (wakesAt > t + EPS)
          return { id: spec.id, rank, state: "blocked", remaining: spec.bursts[i]!, readySince: wakesAt, wakesAt };
        readySince = wakesAt;
      }
    }
    return {
      id: spec.id,
      rank,
      state: running === spec.id ? "running" : "ready",
      remaining: spec.bursts[i]! - cpu,
      readySince,
    };
  });
  return { tasks, running };
}

function sumSwitchMs(w: Workload): number {
  const c = w.switchCost;
  return Math.max(c.threadUs, c.processUs, c.idleUs, c.userUs) / 1000 + 1;
}

/** When a waiting task last became ready, unless it woke from I/O since: its arrival or its last preemption. */
function readySinceOf(arrival: number, last: SimResult["slices"][number] | undefined, t: number): number {
  if (!last || last.end > t + EPS) return arrival;
  return last.end;
}

type OrderRule =
  { kind: "key"; key: (x: RefTask, spec: Workload["tasks"][number]) => number } | { kind: "fifo" } | { kind: "set" };

/**
 * How the waiting tasks must be ordered, from the policy's rule: by a key (remaining time, static
 * priority, real-time priority) with the tie-break rank, or by when they became ready (FIFO, RR; tasks
 * that became ready at the same instant are compared as a set). MLFQ levels, stride passes and the fair
 * class's virtual times are not recomputed here: for those the check is the set of waiting tasks, their
 * remaining times and, at a pick instant, every value against the decision log.
 */
function orderKey(w: Workload): OrderRule {
  const p = w.policy;
  switch (p.name) {
    case "sjf":
    case "stcf":
      return { kind: "key", key: (x) => x.remaining ?? Infinity };
    case "priority":
      return { kind: "key", key: (_x, spec) => (p.higherIs === "lower-number" ? 1 : -1) * (spec.priority ?? 0) };
    case "fifo":
    case "rr":
      return { kind: "fifo" };
    case "cfs":
    case "eevdf":
      return w.tasks.every((t) => t.class === "fifo" || t.class === "rr")
        ? { kind: "key", key: (_x, spec) => -(spec.priority ?? 1) }
        : { kind: "set" };
    default:
      return { kind: "set" };
  }
}

function checkCard(slug: string, seed: number, v: Variant, t: QuestionTemplate, answer: Answer): string[] {
  const report = gradeAnswer(t, v, answer);
  const card = report.firstDivergence;
  if (!card) return [];
  const { workload: w, sim } = v.key.data as unknown as KeyData;
  const where = `${slug} seed ${seed} t=${card.time}`;
  const problems: string[] = [];
  const ref = referenceState(w, sim, card.time);
  const specOf = new Map(w.tasks.map((s) => [s.id, s]));

  if (card.expected !== SWITCH && card.expected !== IDLE && (card.running ?? null) !== ref.running)
    problems.push(`${where}: card runs ${card.running}, reference ${ref.running}`);
  if (card.expected === IDLE && card.running !== null)
    problems.push(`${where}: idle slot but card runs ${card.running}`);
  if (card.running && card.ready[0]?.task !== card.running)
    problems.push(`${where}: the running task is not listed first`);

  const waiting = card.ready.filter((r) => r.task !== card.running);
  const refWaiting = ref.tasks.filter((x) => x.state === "ready" && x.id !== card.running);
  const names = (xs: { task?: string; id?: string }[]) =>
    xs
      .map((x) => x.task ?? x.id)
      .sort()
      .join(",");
  if (names(waiting) !== names(refWaiting))
    problems.push(`${where}: card waiting {${names(waiting)}}, reference {${names(refWaiting)}}`);
  const refBlocked = ref.tasks.filter((x) => x.state === "blocked");
  if (names(card.blocked ?? []) !== names(refBlocked))
    problems.push(`${where}: card blocked {${names(card.blocked ?? [])}}, reference {${names(refBlocked)}}`);

  for (const r of card.ready) {
    const x = ref.tasks.find((y) => y.id === r.task);
    if (!x) continue;
    if ("remaining" in r.values) {
      const got = r.values.remaining;
      const want = x.remaining;
      const same = got === null || want === null ? got === want : Math.abs(got! - want) <= 1e-3;
      if (!same) problems.push(`${where}: ${r.task} remaining ${got}, reference ${want}`);
    }
    const spec = specOf.get(r.task)!;
    if ("priority" in r.values && r.values.priority !== (spec.priority ?? (w.policy.name === "priority" ? 0 : 1)))
      problems.push(`${where}: ${r.task} priority ${r.values.priority}`);
    if ("tickets" in r.values && r.values.tickets !== (spec.tickets ?? 100))
      problems.push(`${where}: ${r.task} tickets ${r.values.tickets}`);
  }

  const rule = orderKey(w);
  for (let i = 1; i < waiting.length; i++) {
    const a = ref.tasks.find((x) => x.id === waiting[i - 1]!.task)!;
    const b = ref.tasks.find((x) => x.id === waiting[i]!.task)!;
    if (rule.kind === "key") {
      const ka = rule.key(a, specOf.get(a.id)!);
      const kb = rule.key(b, specOf.get(b.id)!);
      if (
        ka > kb + EPS ||
        (Math.abs(ka - kb) <= EPS && a.rank > b.rank && w.policy.name !== "cfs" && w.policy.name !== "eevdf")
      )
        problems.push(`${where}: ${a.id} listed before ${b.id} against the policy's order`);
    } else if (rule.kind === "fifo" && a.readySince > b.readySince + EPS) {
      problems.push(
        `${where}: ${a.id} (ready since ${a.readySince}) listed before ${b.id} (ready since ${b.readySince})`,
      );
    }
  }

  // Virtual times between decisions, from the decision log and the textbook rules alone: a waiting task's
  // vruntime, deadline and pass do not move while it waits; the running task's vruntime grows by
  // elapsed·1024/weight and its pass by elapsed·stride/quantum since it was picked.
  const lastLogged = (task: string) => {
    let found: { time: number; values: DecisionValues } | undefined;
    for (const d of sim.decisions) {
      if (d.time > card.time + EPS) break;
      const r = d.ready.find((x) => x.task === task);
      if (r) found = { time: d.time, values: r.values };
    }
    return found;
  };
  for (const r of card.ready) {
    const logged = lastLogged(r.task);
    const x = ref.tasks.find((y) => y.id === r.task);
    if (!logged || !x) continue;
    const spec = specOf.get(r.task)!;
    if (r.task !== card.running) {
      const ranSince = sim.slices.some(
        (sl) => sl.task === r.task && sl.end > logged.time + EPS && sl.start < card.time - EPS,
      );
      if (ranSince || x.readySince > logged.time + EPS) continue;
      for (const k of ["vruntime", "deadline", "pass"] as const) {
        if (logged.values[k] !== undefined && Math.abs((r.values[k] ?? NaN) - logged.values[k]!) > 1e-6)
          problems.push(
            `${where}: waiting ${r.task} ${k} ${r.values[k]}, unchanged since t=${logged.time} it is ${logged.values[k]}`,
          );
      }
    } else {
      const slice = sim.slices.find(
        (sl) => sl.task === r.task && sl.start <= card.time + EPS && sl.end > card.time + EPS,
      );
      const picked = sim.decisions.filter((d) => d.picked === r.task && d.time <= card.time + EPS).pop();
      if (!slice || !picked || Math.abs(picked.time - slice.start) > EPS || w.switchCost.chargeTime) continue;
      const at = picked.ready.find((y) => y.task === r.task)?.values;
      const elapsed = card.time - slice.start;
      if (at?.vruntime !== undefined && r.values.vruntime !== undefined) {
        const want = at.vruntime + (elapsed * NICE_0_WEIGHT) / niceToWeight(spec.nice ?? 0);
        if (Math.abs((r.values.vruntime ?? NaN) - want) > 1e-6)
          problems.push(`${where}: running ${r.task} vruntime ${r.values.vruntime}, want ${want}`);
      }
      if (at?.pass !== undefined && r.values.pass !== undefined && w.policy.name === "stride") {
        const want = at.pass + (elapsed * w.policy.strideConstant) / (spec.tickets ?? 100) / w.policy.quantum;
        if (Math.abs((r.values.pass ?? NaN) - want) > 1e-6)
          problems.push(`${where}: running ${r.task} pass ${r.values.pass}, want ${want}`);
      }
    }
  }

  // At an instant where the reference picks the running task, the decision log (taken before the pick)
  // holds every value the policy compared: the card must show the same ones.
  const picks = sim.decisions.filter((d) => Math.abs(d.time - card.time) <= EPS);
  const pick = picks[picks.length - 1];
  if (pick && pick.picked !== null && pick.picked === card.running && !sim.decisionsTruncated) {
    for (const logged of pick.ready) {
      const shown = card.ready.find((r) => r.task === logged.task);
      if (!shown) {
        problems.push(`${where}: ${logged.task} is in the decision log at the pick but not on the card`);
        continue;
      }
      for (const [k, val] of Object.entries(logged.values)) {
        const got = shown.values[k];
        const same = val === null || got === null ? val === got : Math.abs((got as number) - (val as number)) <= 1e-6;
        if (!same) problems.push(`${where}: ${logged.task} ${k} ${got} on the card, ${val} in the decision log`);
      }
    }
  }
  return problems;
}

const TIMELINE_TEMPLATES = BUILT_IN_TEMPLATES.map((t) => {
  const v = validateTemplate(t);
  if (!v.ok) throw new Error(`${t.slug}: ${JSON.stringify(v.errors)}`);
  return v.value;
}).filter((t) => {
  const b = buildVariant(t, 0);
  return b.ok && b.value.view.parts.some((p) => p.kind === "timeline");
});

describe("first-divergence card = the state at that instant (independent re-simulation)", () => {
  test("the bank has timeline templates to check", () => {
    expect(TIMELINE_TEMPLATES.length).toBeGreaterThanOrEqual(8);
  });

  for (const t of TIMELINE_TEMPLATES) {
    test(`${t.slug}: ${SEEDS_PER_TEMPLATE} seeds × ${MUTATIONS} wrong answers`, () => {
      let cards = 0;
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 2 ** 31 - 1 }),
          fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat({ max: 2 })), { minLength: MUTATIONS, maxLength: MUTATIONS }),
          (seed, mutations) => {
            const built = buildVariant(t, seed);
            if (!built.ok) throw new Error(`${t.slug} seed ${seed}: ${JSON.stringify(built.errors)}`);
            const v = built.value;
            const part = v.view.parts.find((p) => p.kind === "timeline")!;
            if (part.kind !== "timeline") return;
            const reference = v.key.expected[part.id] as string[];
            const options = [...part.tasks.map((x) => x.id), IDLE, ...(part.allowSwitch ? [SWITCH] : [])];
            const problems: string[] = [];
            for (const [slotPick, valuePick, extra] of mutations) {
              // One to three slots changed from some point on: the divergence lands anywhere in the run.
              const painted = [...reference];
              const first = slotPick % painted.length;
              for (let k = 0; k <= extra && first + k < painted.length; k++) {
                const others = options.filter((o) => o !== painted[first + k]);
                painted[first + k] = others[(valuePick + k) % others.length]!;
              }
              const otherParts = Object.fromEntries(Object.entries(v.key.expected).filter(([id]) => id !== part.id));
              problems.push(...checkCard(t.slug, seed, v, t, { parts: { ...otherParts, [part.id]: painted } }));
              cards++;
            }
            expect(problems).toEqual([]);
          },
        ),
        { numRuns: SEEDS_PER_TEMPLATE, seed: FC_SEED },
      );
      expect(cards).toBe(SEEDS_PER_TEMPLATE * MUTATIONS);
    });
  }
});
