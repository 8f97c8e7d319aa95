// Issue #21 for the program and capacity kinds: for every bank template of type eventloop, process
// (fork) and capacity, and every catalogue entry that applies, seeds are searched in order for variants
// where the misconceived answer differs from the truth; on MIN_SEEDS of them that answer is built here
// (from the mistaken model run independently of the grader's matcher), submitted, and the grader must
// name the entry. The reference answer must never name one.
import { describe, expect, test } from "vitest";
import { gradeAnswer, validateTemplate } from "@/lib/engine";
import type { Answer, QuestionTemplate, Variant } from "@/lib/engine";
import { buildVariant, FORK_MISCONCEPTIONS, referenceAnswer } from "@/lib/engine/questions";
import { modelEventLoop, checkEventLoopOrder } from "@/lib/engine/eventloop";
import type { EventLoopBelief, EventLoopModel } from "@/lib/engine/eventloop";
import { analyzeForkProgram, explainOutputOrder } from "@/lib/engine/process";
import type { ForkModel } from "@/lib/engine/process";
import { modelCapacity } from "@/lib/engine/capacity";
import type { CapacityInput, CapacityReport } from "@/lib/engine/capacity";
import { BUILT_IN_TEMPLATES } from "./index";

const MIN_SEEDS = 20;
const MAX_SEEDS = 400;
const REFERENCE_SEEDS = 30;
const NOTHING_AFTER = 100;

/** The same few programs recur across seeds; model each once per test file. */
const cache = new Map<string, unknown>();
function once<T>(key: string, f: () => T): T {
  if (!cache.has(key)) cache.set(key, f());
  return cache.get(key) as T;
}
const elModel = (source: string, belief: EventLoopBelief) =>
  once(`el\u0000${belief}\u0000${source}`, () => modelEventLoop(source, { belief }));
const forkModel = (source: string, mode: "pipe" | "tty") =>
  once(`fork\u0000${mode}\u0000${source}`, () => analyzeForkProgram(source, { mode }));

function valid(t: QuestionTemplate): QuestionTemplate {
  const v = validateTemplate(t);
  if (!v.ok) throw new Error(`${t.slug} is invalid`);
  return v.value;
}

function variantOf(t: QuestionTemplate, seed: number): Variant | null {
  const v = buildVariant(t, seed);
  return v.ok ? v.value : null;
}

function codeOf(v: Variant): string {
  const c = v.view.exhibits.find((e) => e.kind === "code");
  if (!c || c.kind !== "code") throw new Error("no program exhibit");
  return c.source;
}

/** Item ids for ordered line texts (repeated texts take the next unused id with that text). */
function idsFor(lines: readonly string[], labels: Record<string, string>): string[] {
  const used = new Set<string>();
  return lines.map((l) => {
    const id = Object.keys(labels).find((k) => labels[k] === l && !used.has(k))!;
    used.add(id);
    return id;
  });
}

/**
 * Runs the search: `misAnswers(v)` gives, per entry id, the misconceived answer of the variant (or
 * nothing when the entry does not apply or gives the truth). Returns how many seeds named each entry.
 */
function searchSeeds(
  t: QuestionTemplate,
  entries: readonly string[],
  misAnswers: (v: Variant) => Map<string, { answer: Answer; part: string }>,
) {
  const found = new Map<string, number>();
  const missed: string[] = [];
  for (let seed = 0; seed < MAX_SEEDS; seed++) {
    const v = variantOf(t, seed);
    if (!v) continue;
    if (seed < REFERENCE_SEEDS) {
      const ref = gradeAnswer(t, v, referenceAnswer(v));
      expect(ref.correct).toBe(true);
      expect(ref.parts.flatMap((p) => p.misconceptions ?? [])).toEqual([]);
    }
    for (const [id, { answer, part }] of misAnswers(v)) {
      if ((found.get(id) ?? 0) >= MIN_SEEDS) continue;
      const g = gradeAnswer(t, v, answer).parts.find((p) => p.id === part)!;
      expect(g.score).toBeLessThan(1);
      const hit = g.misconceptions?.find((m) => m.id === id);
      if (!hit) {
        missed.push(`${id} seed ${seed}`);
        continue;
      }
      expect(hit.explanation.length).toBeGreaterThan(hit.summary.length);
      expect(g.message).toContain(g.misconceptions![0]!.summary);
      found.set(id, (found.get(id) ?? 0) + 1);
    }
    if (
      seed >= REFERENCE_SEEDS &&
      entries.every((id) => !found.has(id) || found.get(id)! >= MIN_SEEDS) &&
      found.size > 0
    )
      break;
    // Nothing in the catalogue tells this template's variants apart (checked per entry below).
    if (seed >= NOTHING_AFTER && found.size === 0 && missed.length === 0) break;
  }
  expect(missed).toEqual([]);
  return found;
}

function report(slug: string, found: Map<string, number>): void {
  console.log(`${slug}: ${JSON.stringify(Object.fromEntries(found))}`);
  for (const [id, n] of found) expect({ id, n }).toEqual({ id, n: MIN_SEEDS });
}

// ---- event loop -----------------------------------------------------------------------------------

const BELIEFS: Record<string, EventLoopBelief> = {
  "promises-before-nexttick": "promises-before-ticks",
  "microtasks-between-phases": "node10-phases",
  "immediate-after-timeout": "timeout-before-immediate",
  "await-zero-turns": "await-zero-turns",
  "await-two-turns": "await-two-turns",
};

describe("the grader names the event-loop misconception an order reproduces", () => {
  const templates = BUILT_IN_TEMPLATES.filter((t) => t.type === "eventloop").map(valid);
  test("there are event-loop templates", () => expect(templates.length).toBeGreaterThan(0));
  for (const t of templates) {
    test(t.slug, () => {
      const found = searchSeeds(t, Object.keys(BELIEFS), (v) => {
        const out = new Map<string, { answer: Answer; part: string }>();
        const { model, labels } = v.key.data as unknown as { model: EventLoopModel; labels: Record<string, string> };
        for (const [id, belief] of Object.entries(BELIEFS)) {
          const m = elModel(codeOf(v), belief);
          if (!m.ok) continue;
          const wrong = m.value.outputs.find((o) => !checkEventLoopOrder(model, o).valid);
          if (!wrong) continue;
          const answer = referenceAnswer(v);
          answer.parts["order"] = idsFor(wrong, labels);
          out.set(id, { answer, part: "order" });
        }
        return out;
      });
      report(t.slug, found);
    });
  }
  test("each belief is discriminated by some bank template", () => {
    const named = new Set<string>();
    for (const t of templates) {
      for (let seed = 0; seed < 40; seed++) {
        const v = variantOf(t, seed);
        if (!v) continue;
        const { model } = v.key.data as unknown as { model: EventLoopModel };
        for (const [id, belief] of Object.entries(BELIEFS)) {
          const m = elModel(codeOf(v), belief);
          if (m.ok && m.value.outputs.some((o) => !checkEventLoopOrder(model, o).valid)) named.add(id);
        }
      }
    }
    expect([...named].sort()).toEqual(Object.keys(BELIEFS).sort());
  });
});

// ---- fork -----------------------------------------------------------------------------------------

interface ForkData {
  mode: "fork" | "crash";
  model?: ForkModel;
  labels?: Record<string, string>;
}

/**
 * The misconceived models, built here from the source: the other buffering, wait(NULL) returning at
 * once, or (on a terminal) each successful `execlp("echo", "echo", "…", NULL)` rewritten as the printf
 * of its word followed by the rest of the child's code — exec returning after echo has printed.
 */
function forkMisModels(source: string, truth: ForkModel): Map<string, ForkModel> {
  const out = new Map<string, ForkModel>();
  const other = forkModel(source, truth.mode === "pipe" ? "tty" : "pipe");
  if (other.ok) out.set(truth.mode === "pipe" ? "fork-buffer-forgotten" : "fork-buffer-duplicated-on-tty", other.value);
  if (source.includes("wait(NULL)")) {
    const noWait = forkModel(source.split("wait(NULL)").join("(-1)"), truth.mode);
    if (noWait.ok) out.set("fork-wait-ignored", noWait.value);
  }
  const echo = /execlp\("echo", "echo", "([^"\\]*)", NULL\);/g;
  if (truth.mode === "tty" && echo.test(source)) {
    const returns = forkModel(source.replace(echo, 'printf("$1\\n");'), truth.mode);
    if (returns.ok) out.set("fork-exec-returns", returns.value);
  }
  return out;
}

/**
 * The one output when the oldest process that can go on always runs (a parent before its children),
 * walked here over the model's per-process events one event at a time; null for programs with timing
 * (sleeps, getppid, WNOHANG), which this walk does not model.
 */
function parentFirst(truth: ForkModel): string[] | null {
  const procs = [...truth.processes].sort((a, b) => a.pid - b.pid);
  if (truth.branches || procs.some((p) => p.events.some((e) => e.type === "sleep" || e.type === "observe")))
    return null;
  const pc = new Map(procs.map((p) => [p.pid, 0]));
  const started = new Set([procs[0]!.pid]);
  const reaped = new Set<number>();
  const done = (pid: number) => pc.get(pid)! >= procs.find((p) => p.pid === pid)!.events.length;
  let text = "";
  for (;;) {
    const next = procs.find((p) => {
      if (!started.has(p.pid) || done(p.pid)) return false;
      const e = p.events[pc.get(p.pid)!]!;
      if (e.type !== "wait") return true;
      return p.children.some(
        (c) => started.has(c) && done(c) && !reaped.has(c) && (e.target === "any" || e.target === c),
      );
    });
    if (!next) break;
    const e = next.events[pc.get(next.pid)!]!;
    if (e.type === "write") text += e.text;
    if (e.type === "fork") started.add(e.child);
    if (e.type === "wait") {
      const child = next.children.find(
        (c) => started.has(c) && done(c) && !reaped.has(c) && (e.target === "any" || e.target === c),
      )!;
      reaped.add(child);
    }
    pc.set(next.pid, pc.get(next.pid)! + 1);
  }
  if (procs.some((p) => !done(p.pid))) return null;
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

const forkNamed = new Set<string>();

describe("the grader names the fork misconception an answer reproduces", () => {
  const templates = BUILT_IN_TEMPLATES.filter((t) => t.type === "process")
    .map(valid)
    .filter((t) => (variantOf(t, 0)?.key.data as unknown as ForkData).mode === "fork");
  test("there are fork templates", () => expect(templates.length).toBeGreaterThan(0));
  for (const t of templates) {
    test(t.slug, () => {
      const ids = [
        "fork-2n-processes",
        "fork-buffer-forgotten",
        "fork-buffer-duplicated-on-tty",
        "fork-wait-ignored",
        "fork-exec-returns",
        "fork-parent-first",
      ];
      const found = searchSeeds(t, ids, (v) => {
        const out = new Map<string, { answer: Answer; part: string }>();
        const data = v.key.data as unknown as ForkData;
        const truth = data.model!;
        const source = codeOf(v);
        const set = (id: string, part: string, value: Answer["parts"][string]) => {
          if (out.has(id)) return;
          const answer = referenceAnswer(v);
          answer.parts[part] = value;
          out.set(id, { answer, part });
        };
        for (const p of v.view.parts) {
          // 2ⁿ against 2n: the first process's fork() calls, counted in the full model here.
          if (p.id === "processes" || p.id === "lines") {
            const full = forkModel(source, truth.mode);
            const n = full.ok
              ? full.value.processes.find((x) => x.parent === null)!.events.filter((e) => e.type === "fork").length
              : 0;
            const applies =
              full.ok &&
              n >= 3 &&
              full.value.processCount === 2 ** n &&
              (p.id === "processes" || full.value.linesPrinted === full.value.processCount);
            if (applies) set("fork-2n-processes", p.id, 2 * n);
          }
          // Which offered whole outputs a student holding the belief selects: those it allows.
          if (p.kind === "choice" && p.id === "outputs") {
            const right = new Set(v.key.expected["outputs"] as string[]);
            const select = (id: string, allows: (lines: string[]) => boolean) => {
              const ids = p.options.filter((o) => allows(o.label.split(" / "))).map((o) => o.id);
              if (ids.length !== right.size || ids.some((x) => !right.has(x))) set(id, "outputs", ids);
            };
            const first = truth.deterministic ? null : parentFirst(truth);
            if (first) select("fork-parent-first", (ls) => ls.join("\n") === first.join("\n"));
            for (const [id, m] of forkMisModels(source, truth))
              select(id, (ls) => m.outputs.some((o) => o.join("\n") === ls.join("\n")));
          }
          for (const [id, m] of forkMisModels(source, truth)) {
            if (p.id === "lines" && m.linesPrinted !== truth.linesPrinted) set(id, "lines", m.linesPrinted);
            if (p.id === "processes" && id === "fork-wait-ignored" && m.processCount !== truth.processCount)
              set(id, "processes", m.processCount);
            if (p.kind === "choice" && p.id === "appears") {
              const shown = new Set(m.outputs[0]);
              const ids = p.options.filter((o) => shown.has(o.label)).map((o) => o.id);
              const right = new Set(v.key.expected["appears"] as string[]);
              if (ids.length !== right.size || ids.some((x) => !right.has(x))) set(id, "appears", ids);
            }
            if (p.id === "order" && data.labels) {
              const want = [...truth.outputs[0]!].sort().join("\n");
              const wrong = m.outputs.find(
                (o) => [...o].sort().join("\n") === want && !explainOutputOrder(truth, o).valid,
              );
              if (wrong) set(id, "order", idsFor(wrong, data.labels));
            }
          }
        }
        return out;
      });
      report(t.slug, found);
      for (const id of found.keys()) forkNamed.add(id);
    });
  }
  // Runs after the template tests (vitest runs a file's tests in order).
  test("every fork entry is named on some bank template", () => {
    expect([...forkNamed].sort()).toEqual([...FORK_MISCONCEPTIONS.map((e) => e.id)].sort());
  });
});

// ---- capacity -------------------------------------------------------------------------------------

/** The mistaken inputs, built here: resident = the whole virtual stack; no pools; the CPU time moved into the wait. */
function capacityMisInputs(input: CapacityInput): Map<string, CapacityInput> {
  const out = new Map<string, CapacityInput>();
  if (input.servers.some((s) => s.kind === "thread-per-request")) {
    out.set("virtual-stack-resident", {
      ...input,
      servers: input.servers.map((s) =>
        s.kind === "thread-per-request" ? { ...s, threadRssKiB: (s.stackMiB ?? 8) * 1024 } : s,
      ),
    });
  }
  if (input.servers.some((s) => s.poolSize !== undefined || s.ioOnThreadPool)) {
    out.set("pool-ignored", {
      ...input,
      servers: input.servers.map((s) =>
        s.kind === "thread-per-request"
          ? { ...s, poolSize: undefined }
          : s.kind === "event-loop"
            ? { ...s, ioOnThreadPool: false }
            : s,
      ),
    });
  }
  out.set("cpu-bound-as-io-bound", {
    ...input,
    workload: { ...input.workload, cpuMs: 1e-6, ioMs: input.workload.ioMs + input.workload.cpuMs },
  });
  return out;
}

const capacityNamed = new Set<string>();

describe("the grader names the capacity misconception an answer reproduces", () => {
  const templates = BUILT_IN_TEMPLATES.filter((t) => t.type === "capacity").map(valid);
  test("there are capacity templates", () => expect(templates.length).toBeGreaterThan(0));
  for (const t of templates) {
    test(t.slug, () => {
      const rel = t.grading?.relativeTolerance ?? 0;
      const found = searchSeeds(t, ["virtual-stack-resident", "pool-ignored", "cpu-bound-as-io-bound"], (v) => {
        const out = new Map<string, { answer: Answer; part: string }>();
        const truth = (v.key.data as unknown as { report: CapacityReport }).report;
        for (const [id, input] of capacityMisInputs(truth.input)) {
          const r = modelCapacity(JSON.parse(JSON.stringify(input)) as CapacityInput);
          if (!r.ok) continue;
          for (const p of v.view.parts) {
            if (out.has(id)) break;
            const answer = referenceAnswer(v);
            if (p.id === "saturates-first") {
              const rates = r.value.servers.map((s) => s.saturationRps);
              const pick = `s${rates.indexOf(Math.min(...rates)) + 1}`;
              if (pick === v.key.expected[p.id]) continue;
              answer.parts[p.id] = pick;
            } else {
              const i = Number(p.id.split("-s")[1]) - 1;
              const s = r.value.servers[i]!;
              if (p.id.startsWith("memory") && s.saturated) continue;
              const value = p.id.startsWith("memory") ? s.memoryMiB : s.saturationRps;
              const expected = v.key.expected[p.id] as number;
              // Only a mistaken value clearly outside the accepted band tells the belief apart.
              if (!Number.isFinite(value) || Math.abs(value - expected) <= 2 * rel * Math.abs(expected) + 0.01)
                continue;
              answer.parts[p.id] = value;
            }
            out.set(id, { answer, part: p.id });
          }
        }
        return out;
      });
      report(t.slug, found);
      for (const id of found.keys()) capacityNamed.add(id);
    });
  }
  // Runs after the template tests (vitest runs a file's tests in order).
  test("every capacity entry is named on some bank template", () => {
    expect([...capacityNamed].sort()).toEqual(["cpu-bound-as-io-bound", "pool-ignored", "virtual-stack-resident"]);
  });
});
