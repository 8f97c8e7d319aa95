// Issue #21: the grader names the misconception a wrong answer reproduces. For every bank template with
// a timeline or a time-metric part and every catalogue entry that applies, seeds are searched in order
// (0, 1, 2, …) for variants where the misconception's answer differs from the truth; on at least
// MIN_SEEDS of them the misconceived answer is submitted and the grader must name that entry. The
// reference answer must never name one.
import { describe, expect, test } from "vitest";
import { gradeAnswer, simulate, validateTemplate } from "@/lib/engine";
import type { QuestionTemplate, SimResult, Variant, Workload } from "@/lib/engine";
import { buildVariant, referenceAnswer } from "@/lib/engine/questions";
import { slotsFromSim, TIMELINE_IDLE as IDLE } from "@/lib/engine/questions";
import { SCHEDULE_MISCONCEPTIONS } from "@/lib/engine/questions";
import { BUILT_IN_TEMPLATES } from "./index";

const MIN_SEEDS = 20;
const MAX_SEEDS = 400;

interface KeyData {
  workload: Workload;
  sim: SimResult;
  slotMs: number;
}

const TIME_METRICS = ["turnaround", "waiting", "response"] as const;

function sched(t: QuestionTemplate): boolean {
  return t.type === "schedule" || t.type === "metrics";
}

function variantOf(t: QuestionTemplate, seed: number): Variant | null {
  const v = buildVariant(t, seed);
  return v.ok ? v.value : null;
}

/** The misconceived timeline, painted here from the transformed workload's own run (independently of the grader's matcher). */
function paint(w: Workload, slotMs: number, length: number): string[] | null {
  const sim = simulate(w);
  if (sim.stats.stoppedBy !== "completed" && sim.stats.stoppedBy !== "horizon") return null;
  const s = slotsFromSim(sim, slotMs, length * 4 + 100);
  if (!s.ok) return null;
  const out = s.slots.slice(0, length);
  while (out.length < length) out.push(IDLE);
  return out;
}

/** The mistaken value of a time metric for one task: another metric, or the metric counted from t=0. */
function mistaken(id: string, task: SimResult["tasks"][number]): number | null {
  const what = id.split("-")[0];
  if (id.endsWith("-from-zero")) {
    const m = id.slice(0, -"-from-zero".length);
    if (task.finish === null) return null;
    if (m === "turnaround") return task.finish;
    if (m === "response") return task.firstRun;
    if (m === "waiting") return task.waiting + task.arrival;
    return null;
  }
  if (what === "turnaround") return task.turnaround;
  if (what === "waiting") return task.finish === null ? null : task.waiting;
  if (what === "response") return task.response;
  return null;
}

function metricEntryIds(metric: string): string[] {
  if (!(TIME_METRICS as readonly string[]).includes(metric)) return [];
  return [...TIME_METRICS.filter((m) => m !== metric).map((m) => `${m}-for-${metric}`), `${metric}-from-zero`];
}

const templates = BUILT_IN_TEMPLATES.filter(sched).map((t) => {
  const v = validateTemplate(t);
  if (!v.ok) throw new Error(`${t.slug} is invalid`);
  return v.value;
});

const namedSomewhere = new Set<string>();

describe("the grader names the misconception a timeline reproduces", () => {
  for (const t of templates) {
    const probe = variantOf(t, 0);
    if (!probe?.view.parts.some((p) => p.kind === "timeline")) continue;
    test(t.slug, () => {
      const found = new Map<string, number>();
      const applies = new Set<string>();
      let misnamed = 0;
      for (let seed = 0; seed < MAX_SEEDS; seed++) {
        const v = variantOf(t, seed);
        if (!v) continue;
        const data = v.key.data as unknown as KeyData;
        const truth = v.key.expected["timeline"] as string[];
        if (seed < 30) {
          const ref = gradeAnswer(t, v, referenceAnswer(v));
          expect(ref.correct).toBe(true);
          expect(ref.parts.flatMap((p) => p.misconceptions ?? [])).toEqual([]);
        }
        for (const entry of SCHEDULE_MISCONCEPTIONS) {
          if ((found.get(entry.id) ?? 0) >= MIN_SEEDS) continue;
          const mw = entry.transform(data.workload);
          if (!mw) continue;
          applies.add(entry.id);
          const slots = paint(mw, data.slotMs, truth.length);
          const parting = slots ? slots.findIndex((x, i) => x !== truth[i]) : -1;
          if (!slots || parting < 0) continue;
          const answer = referenceAnswer(v);
          answer.parts["timeline"] = slots;
          const r = gradeAnswer(t, v, answer);
          const part = r.parts.find((p) => p.id === "timeline")!;
          const hit = part.misconceptions?.find((m) => m.id === entry.id);
          if (!hit) {
            misnamed++;
            continue;
          }
          expect(hit.full).toBe(true);
          expect(hit.divergesAt?.time).toBeCloseTo(parting * data.slotMs, 9);
          expect(hit.divergesAt?.expected).toBe(truth[parting]);
          expect(hit.divergesAt?.misconceived).toBe(slots[parting]);
          expect(hit.explanation).toMatch(/^Your schedule is exactly /);
          // The instant where the misconception parts from the truth is quoted, with what runs there.
          const at = `At t=${Math.round(parting * data.slotMs * 1000) / 1000} ms`;
          expect(hit.explanation).toContain(at);
          if (truth[parting] !== "idle" && truth[parting] !== "cs")
            expect(hit.explanation).toContain(`${at} ${truth[parting]} runs`);
          found.set(entry.id, (found.get(entry.id) ?? 0) + 1);
        }
        if ([...applies].every((id) => (found.get(id) ?? 0) >= MIN_SEEDS) && seed >= 30) break;
      }
      expect(misnamed).toBe(0);
      // An entry that applies but never changes this template's schedule (e.g. the queue order of
      // simultaneous arrivals when every job arrives at t=0) has nothing to discriminate; every other
      // one must have been named on MIN_SEEDS seeds.
      const counts = Object.fromEntries([...applies].map((id) => [id, found.get(id) ?? 0]));
      console.log(`${t.slug}: ${JSON.stringify(counts)}`);
      for (const id of applies)
        if (found.has(id)) expect({ id, seeds: found.get(id) }).toEqual({ id, seeds: MIN_SEEDS });
      for (const id of found.keys()) namedSomewhere.add(id);
    });
  }
  // Runs after the template tests (vitest runs a file's tests in order).
  test("every timeline entry is named on some bank template", () => {
    expect(SCHEDULE_MISCONCEPTIONS.map((e) => e.id).filter((id) => !namedSomewhere.has(id))).toEqual([]);
  });
});

describe("the grader names a confused time metric", () => {
  for (const t of templates) {
    const probe = variantOf(t, 0);
    const metricParts =
      probe?.view.parts.filter((p) => p.kind === "number" && metricEntryIds(p.id.split("-")[0]!).length > 0) ?? [];
    if (metricParts.length === 0) continue;
    test(t.slug, () => {
      const found = new Map<string, number>();
      for (let seed = 0; seed < MAX_SEEDS; seed++) {
        const v = variantOf(t, seed);
        if (!v) continue;
        const sim = (v.key.data as unknown as KeyData).sim;
        if (seed < 30)
          expect(gradeAnswer(t, v, referenceAnswer(v)).parts.flatMap((p) => p.misconceptions ?? [])).toEqual([]);
        for (const p of v.view.parts) {
          if (p.kind !== "number") continue;
          const [metric, ...rest] = p.id.split("-");
          const task = rest.join("-");
          for (const id of metricEntryIds(metric!)) {
            const key = `${p.id}:${id}`;
            if ((found.get(key) ?? 0) >= MIN_SEEDS) continue;
            const tasks = task === "average" ? sim.tasks : sim.tasks.filter((x) => x.id === task);
            const vals = tasks.map((x) => mistaken(id, x));
            if (vals.some((x) => x === null)) continue;
            const value = (vals as number[]).reduce((s, x) => s + x, 0) / vals.length;
            const expected = v.key.expected[p.id] as number;
            if (Math.abs(value - expected) < 0.01) continue;
            const answer = referenceAnswer(v);
            answer.parts[p.id] = Math.round(value * 100) / 100;
            const part = gradeAnswer(t, v, answer).parts.find((x) => x.id === p.id)!;
            expect(part.score).toBe(0);
            expect(part.misconceptions?.map((m) => m.id)).toContain(id);
            found.set(key, (found.get(key) ?? 0) + 1);
          }
        }
        if (seed >= 30 && [...found.values()].every((n) => n >= MIN_SEEDS) && found.size > 0) break;
      }
      expect(found.size).toBeGreaterThan(0);
      for (const [key, n] of found) expect({ key, n }).toEqual({ key, n: Math.max(n, MIN_SEEDS) });
    });
  }
});
