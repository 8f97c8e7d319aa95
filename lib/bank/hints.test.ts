// Graduated hints (issue #23): every built-in template yields at least three hints on every seed, the
// last works the first step on the variant's own data, and no hint gives away the whole answer key.
import { describe, expect, it } from "vitest";
import { buildVariant, hintLadder } from "@/lib/engine";
import type { QuestionTemplate, Variant } from "@/lib/engine";
import { BUILT_IN_TEMPLATES } from "./index";

const SEEDS = Array.from({ length: 20 }, (_, i) => 1 + i * 7919);

function variant(t: QuestionTemplate, seed: number): Variant {
  const v = buildVariant(t, seed);
  if (!v.ok) throw new Error(`${t.slug} seed ${seed}: ${JSON.stringify(v.errors)}`);
  return v.value;
}

/** The runs of a timeline (consecutive equal slots merged), without idle and switch slots. */
function runs(slots: string[]): string[] {
  const out: string[] = [];
  for (const s of slots) if (s !== "idle" && s !== "cs" && out[out.length - 1] !== s) out.push(s);
  return out;
}

/** Every way a hint could spell out a whole list answer: its items in order, joined as prose would. */
function spellings(items: string[]): string[] {
  return [", ", " ", " → ", ", then "].map((sep) => items.join(sep));
}

describe("hint ladder", () => {
  it("gives every template at least three hints on 20 seeds, the template's own first", () => {
    for (const t of BUILT_IN_TEMPLATES) {
      for (const seed of SEEDS) {
        const ladder = hintLadder(t, variant(t, seed));
        expect(ladder.length, `${t.slug} seed ${seed}`).toBeGreaterThanOrEqual(3);
        for (const h of ladder) expect(h.trim().length, t.slug).toBeGreaterThan(10);
        if (t.hints.length > 0 && !t.hints[0]!.includes("{{")) expect(ladder[0]).toBe(t.hints[0]);
        expect(new Set(ladder).size, `${t.slug}: a repeated rung`).toBe(ladder.length);
      }
    }
  });

  it("never gives away a whole list answer (timeline runs, output order) or a lone number part", () => {
    for (const t of BUILT_IN_TEMPLATES) {
      for (const seed of SEEDS) {
        const v = variant(t, seed);
        const text = hintLadder(t, v).join("\n");
        const shown = JSON.stringify(v.view);
        for (const [id, value] of Object.entries(v.key.expected)) {
          if (Array.isArray(value) && value.length >= 2) {
            const part = v.view.parts.find((p) => p.id === id);
            const list = value.map((x) => String(x));
            let items = list;
            if (part?.kind === "timeline") items = runs(list);
            else if (part?.kind === "order") items = list.map((x) => part.items.find((i) => i.id === x)?.label ?? x);
            if (items.length < 2 || part?.kind === "choice") continue;
            for (const s of spellings(items))
              expect(text.includes(s), `${t.slug} seed ${seed}: hint spells out ${id} = ${s}`).toBe(false);
          }
        }
        const numbers = Object.values(v.key.expected).filter((x): x is number => typeof x === "number");
        if (v.view.parts.length === 1 && numbers.length === 1) {
          const n = numbers[0]!;
          const num = String(n).replace(".", "\\.");
          // Stated as a result ("= 8", "is 8", "8 processes"), not a line number or pid that happens to match.
          const word = new RegExp(
            `(?:=|\\bis|\\bare)\\s*${num}(?![0-9.])|(?<![0-9.])${num} (?:processes|lines|ms|µs|requests|switches)`,
          );
          // A number the question itself shows is data, not a give-away; so is the worked step's echo of the
          // drawn parameters ("with your numbers (interval = 2, iterations = 2)"), whose values the prompt shows.
          const echoed = text.replace(/\((?:[A-Za-z][A-Za-z0-9 ]* = [^,()]+(?:, )?)+\)/g, "");
          if (!word.test(shown))
            expect(word.test(echoed), `${t.slug} seed ${seed}: hint states the answer ${n}`).toBe(false);
        }
      }
    }
  });

  it("works the first step on the variant's own numbers", () => {
    let checked = 0;
    for (const t of BUILT_IN_TEMPLATES) {
      for (const seed of SEEDS.slice(0, 5)) {
        const v = variant(t, seed);
        const step = hintLadder(t, v).at(-1)!;
        const data = v.key.data as Record<string, unknown>;
        if (t.type === "schedule" || (t.type === "metrics" && data["sim"])) {
          const tasks = (data["workload"] as { tasks: { id: string; arrival: number }[] }).tasks;
          for (const task of tasks) expect(step, t.slug).toContain(`${task.id} arrives at ${task.arrival} ms`);
          // The first job the simulator runs, read off the answer-independent slice list.
          const slices = (data["sim"] as { slices: { task: string | null }[] }).slices.filter((s) => s.task !== null);
          if (slices[0]) expect(step, t.slug).toContain(`so ${slices[0].task} runs first`);
          checked++;
        } else if (t.type === "capacity") {
          const input = (data["report"] as { input: { workload: { arrivalRate: number } } }).input;
          expect(step, t.slug).toContain(`${input.workload.arrivalRate} requests/s`);
          checked++;
        } else if (t.type === "process" && data["mode"] === "fork") {
          const code = v.view.exhibits.find((e) => e.kind === "code");
          const lines = code && code.kind === "code" ? code.source.split("\n") : [];
          const firstForkLine = lines.findIndex((l) => /\bfork\s*\(/.test(l)) + 1;
          if (firstForkLine > 0) expect(step, t.slug).toContain(`line ${firstForkLine}`);
          checked++;
        } else if (t.type === "process" && data["mode"] === "crash") {
          // The thread that ends things, found independently: the block holding the first fault or exit().
          const code = v.view.exhibits.find((e) => e.kind === "code");
          const source = code && code.kind === "code" ? code.source : "";
          const at = source.search(/SIG[A-Z]|\b(?:exit|_exit|abort)\s*\(/);
          if (at >= 0) {
            const before = source.slice(0, at);
            const thread = [...before.matchAll(/thread (\S+):/g)].at(-1)?.[1];
            const proc = [...before.matchAll(/process (\S+):/g)].at(-1)?.[1];
            expect(step, t.slug).toContain(`in thread ${thread} of process ${proc}`);
            checked++;
          }
        } else if (t.type === "switch-cost") {
          for (const task of (data["workload"] as { tasks: { id: string }[] }).tasks)
            expect(step, t.slug).toContain(task.id);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});
