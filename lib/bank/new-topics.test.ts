// Independent oracles for the templates of the topics added by issue #15: closed-form answers worked
// out without the engine's models, compared with the keys the models produce on many seeds.
import { describe, expect, it } from "vitest";
import { buildVariant, type QuestionTemplate, type Variant } from "@/lib/engine";
import { BUILT_IN_TEMPLATES } from "./index";

const SEEDS = 60;

function variants(slug: string): Variant[] {
  const t: QuestionTemplate | undefined = BUILT_IN_TEMPLATES.find((x) => x.slug === slug);
  if (!t) throw new Error(`no template ${slug}`);
  return Array.from({ length: SEEDS }, (_, seed) => {
    const v = buildVariant(t, seed);
    if (!v.ok) throw new Error(`${slug} seed ${seed}: ${JSON.stringify(v.errors)}`);
    return v.value;
  });
}

/** The bold numbers of a prompt, in order. */
const numbers = (v: Variant) =>
  [...v.view.prompt.matchAll(/\*\*(\d+(?:\.\d+)?)(?: ms)?[^*]*\*\*/g)].map((m) => Number(m[1]));

describe("cpu.max burst latency against the closed form", () => {
  it("matches k full periods plus the remainder at the group's parallel rate", () => {
    for (const v of variants("cpu-max-burst-latency")) {
      const [quota, work, threads] = numbers(v) as [number, number, number];
      const rate = Math.min(threads, 8);
      const period = 100;
      // Work done per period is at most the quota; the last period finishes the remainder.
      const full = Math.ceil(work / quota) - 1;
      const latency = full * period + (work - full * quota) / rate;
      const capped = quota >= period * rate ? work / rate : latency;
      expect(v.key.expected["latency"]).toBeCloseTo(capped, 6);
      expect(v.key.expected["unlimited"]).toBeCloseTo(work / rate, 6);
      expect(v.key.expected["throttled"]).toBeCloseTo(quota >= period * rate ? 0 : full * (period - quota / rate), 6);
    }
  });
});

describe("load average against the continuous formula", () => {
  it("is within 0.03 of n·(1 − e^(−t/T)) for both windows, inside the template's 0.04 tolerance", () => {
    for (const v of variants("load-average-after-a-burst")) {
      const [active, seconds] = numbers(v) as [number, number];
      expect(Math.abs((v.key.expected["one"] as number) - active * (1 - Math.exp(-seconds / 60)))).toBeLessThan(0.03);
      expect(Math.abs((v.key.expected["five"] as number) - active * (1 - Math.exp(-seconds / 300)))).toBeLessThan(0.03);
    }
  });

  it("counts exactly the R and D tasks", () => {
    for (const v of variants("load-average-counts-d-state")) {
      const [r, d] = numbers(v) as [number, number];
      expect(v.key.expected["active"]).toBe(r + d);
    }
  });
});

describe("clone() counts against a hand-made table", () => {
  const table: Record<string, "thread" | "process" | "einval"> = {
    "CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD": "thread",
    "CLONE_VM | CLONE_SIGHAND | CLONE_THREAD": "thread",
    "CLONE_VM | CLONE_FILES": "process",
    "CLONE_VM | CLONE_VFORK": "process",
    SIGCHLD: "process",
    "CLONE_FILES | CLONE_THREAD": "einval",
    "CLONE_SIGHAND | CLONE_THREAD": "einval",
  };
  it("gives one process with n+1 tasks for threads, n+1 processes otherwise, and nothing on EINVAL", () => {
    const seen = new Set<string>();
    for (const v of variants("clone-flags-thread-or-process")) {
      const flags = /clone\(([^,]+), …\)/.exec(v.view.prompt)![1]!;
      const calls = numbers(v)[0]!;
      const kind = table[flags]!;
      seen.add(kind);
      expect([v.key.expected["processes"], v.key.expected["tasks"]]).toEqual(
        kind === "thread" ? [1, calls + 1] : kind === "process" ? [calls + 1, calls + 1] : [1, 1],
      );
    }
    expect(seen.size).toBe(3);
  });
});

describe("priority inversion against the hand-drawn timeline", () => {
  it("H waits for all of M without a protocol, and only for L's critical section with inheritance or a ceiling", () => {
    for (const v of variants("priority-inversion-response-time")) {
      const [lowLocked, highLocked, mediumCpu] = numbers(v) as [number, number, number];
      // L locks at 1; H preempts at 2, runs 1 ms and blocks at 3 with L's lowLocked − 1 ms left.
      const left = lowLocked - 1;
      expect(v.key.expected["none"]).toBe(1 + mediumCpu + left + highLocked + 1);
      expect(v.key.expected["inherit"]).toBe(1 + left + highLocked + 1);
    }
    for (const v of variants("priority-ceiling-protocol")) {
      const [lowLocked, highLocked, mediumCpu] = numbers(v) as [number, number, number];
      // L runs its whole critical section from t = 1 at the ceiling; H starts at 1 + lowLocked.
      const hFinish = 1 + lowLocked + 1 + highLocked + 1;
      expect(v.key.expected["ceiling"]).toBe(hFinish - 2);
      expect(v.key.expected["m-finish"]).toBe(hFinish + mediumCpu);
    }
  });
});

describe("SCHED_DEADLINE admission against the utilisation sum", () => {
  it("admits each request while Σ runtime/period stays ≤ 0.95", () => {
    for (const v of variants("sched-deadline-admission")) {
      const [r1, p1, r2, p2, r3, p3] = numbers(v) as [number, number, number, number, number, number];
      let total = 0;
      let admitted = 0;
      for (const [r, p] of [
        [r1, p1],
        [r2, p2],
        [r3, p3],
      ] as const) {
        if (total + r / p <= 0.95 + 1e-12) {
          total += r / p;
          admitted++;
        }
      }
      expect(v.key.expected["admitted"]).toBe(admitted);
    }
  });
});
