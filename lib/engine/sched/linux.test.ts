// Linux fair and real-time classes: hand-computed small cases and the measurements in
// /work/shared/notes/domain.md (Linux 6.18, HZ=250, one CPU).
import { describe, expect, test } from "vitest";
import { cpuBetween, run, timeline } from "./__tests__/run";
import { fairShares, niceToWeight } from "./weights";

const hog = (id: string, extra: Record<string, unknown> = {}) => ({ id, bursts: [1], repeat: true, ...extra });

describe("weight table", () => {
  test("matches kernel/sched/core.c at the anchors and is ~1.25× per nice step", () => {
    expect([niceToWeight(-20), niceToWeight(0), niceToWeight(5), niceToWeight(19)]).toEqual([88761, 1024, 335, 15]);
    for (let n = -20; n < 19; n++) {
      const ratio = niceToWeight(n) / niceToWeight(n + 1);
      expect(ratio).toBeGreaterThan(1.15);
      expect(ratio).toBeLessThan(1.35);
    }
  });
});

describe("EEVDF", () => {
  test("hand-computed: two new equal hogs alternate every 4 ms tick, ties to list order", () => {
    // Both placed at V=0 with deadline 0.375 (half of a 0.75 ms slice); A wins the tie, runs to the
    // tick at 4 (v=4 ≥ deadline), V=2 makes A ineligible, B runs; at 8 both v=4, deadlines 4.75 tie → A.
    const r = run({ policy: "eevdf", horizon: 24, tasks: [hog("A"), hog("B")] });
    expect(timeline(r.slices)).toBe("A0-4 B4-8 A8-12 B12-16 A16-20 B20-24");
    expect(r.decisions[1]!.rule).toBe("eevdf-earliest-eligible-deadline");
    const at4 = r.decisions.find((d) => d.time === 4)!;
    expect(at4.ready.map((e) => e.task)).toEqual(["B", "A"]);
    expect(at4.ready[0]!.values.lag).toBeCloseTo(2, 9);
    expect(at4.ready[1]!.values.lag).toBeCloseTo(-2, 9);
  });

  test("measured: nice 0 vs 5 — the light task runs one tick, the heavy one three in a row", () => {
    const r = run({
      policy: { name: "eevdf", cpusForScaling: 2, baseSliceMs: 0.7 },
      horizon: 3000,
      tasks: [hog("heavy"), hog("light", { nice: 5 })],
      log: false,
    });
    const runs = r.slices.filter((s) => s.start >= 100 && s.end <= 2900);
    for (const s of runs.filter((x) => x.task === "light")) expect(s.end - s.start).toBeCloseTo(4, 9);
    const heavy = runs.filter((x) => x.task === "heavy").map((s) => Math.round((s.end - s.start) / 4));
    // w_heavy/w_light = 1024/335 ≈ 3.06 ticks per light tick: mostly 3, occasionally 4.
    expect(heavy.every((n) => n === 3 || n === 4)).toBe(true);
    expect(heavy.filter((n) => n === 3).length / heavy.length).toBeGreaterThan(0.9);
    expect(r.tasks[0]!.cpuTime / 3000).toBeCloseTo(0.753, 2);
  });

  test.each([[[0, 0]], [[0, 5]], [[0, 10]], [[-5, 5]], [[0, 0, 5]]])(
    "measured shares for nice %j are w/Σw within 1 point over 3 s",
    (nices) => {
      for (const policy of ["eevdf", "cfs"]) {
        const r = run({ policy, horizon: 3000, tasks: nices.map((nice, i) => hog(`T${i}`, { nice })), log: false });
        const expected = fairShares(nices);
        r.tasks.forEach((t, i) => expect(Math.abs(t.cpuTime / 3000 - expected[i]!)).toBeLessThan(0.01));
      }
    },
  );

  test("measured: a run-R/sleep-R task gets ~33% against a hog (CFS's sleeper bonus gave ~50%)", () => {
    const tasks = [hog("hog"), { id: "sleeper", bursts: [4, 4], repeat: true }];
    const eevdf = run({ policy: "eevdf", horizon: 3000, tasks, log: false });
    const cfs = run({ policy: "cfs", horizon: 3000, tasks, log: false });
    const share = (r: typeof eevdf) => r.tasks[1]!.cpuTime / 3000;
    expect(Math.abs(share(eevdf) - 1 / 3)).toBeLessThan(0.03);
    expect(share(cfs)).toBeGreaterThan(0.45);
  });
});

describe("CFS", () => {
  test("hand-computed: two equal hogs at HZ=1000 switch when the 3 ms slice is exceeded, i.e. every 4 ms", () => {
    // A placed at min_vruntime + vslice(6 ms period, alone) = 6; B at 0 + 3 (two tasks share the period),
    // so B runs first; each resched happens at the first tick where runtime > 3 ms.
    const r = run({ policy: { name: "cfs", hz: 1000 }, horizon: 20, tasks: [hog("A"), hog("B")] });
    expect(timeline(r.slices)).toBe("B0-4 A4-8 B8-12 A12-16 B16-20");
    expect(r.decisions[0]!.rule).toBe("cfs-min-vruntime");
    expect(r.decisions[0]!.ready.map((e) => e.values.vruntime)).toEqual([3, 6]);
  });
  test("measured: two equal hogs alternate every tick (HZ=250)", () => {
    const r = run({ policy: "cfs", horizon: 400, tasks: [hog("A"), hog("B")], log: false });
    for (const s of r.slices) expect(s.end - s.start).toBeCloseTo(4, 9);
  });
});

describe("real-time classes", () => {
  test("measured: a normal task gets 0 ms for 950 ms against a FIFO hog, then ~50 ms (throttle and fair server)", () => {
    for (const throttle of ["throttle", "fair-server"]) {
      const r = run({
        policy: { name: "eevdf", throttle },
        horizon: 2000,
        tasks: [hog("rt", { class: "fifo", priority: 50 }), hog("normal")],
        log: false,
      });
      expect(cpuBetween(r, "normal", 0, 950)).toBe(0);
      expect(cpuBetween(r, "normal", 950, 1000)).toBeCloseTo(50, 6);
      expect(cpuBetween(r, "rt", 1000, 1950)).toBeCloseTo(950, 6);
    }
  });
  test("throttle mode idles a lone RT hog for the last 50 ms of each period; fair-server mode does not", () => {
    const tasks = [hog("rt", { class: "fifo", priority: 10 })];
    const throttled = run({ policy: { name: "cfs", throttle: "throttle" }, horizon: 1000, tasks });
    const server = run({ policy: { name: "cfs", throttle: "fair-server" }, horizon: 1000, tasks });
    expect(throttled.tasks[0]!.cpuTime).toBeCloseTo(950, 6);
    expect(server.tasks[0]!.cpuTime).toBeCloseTo(1000, 6);
  });
  test("measured: two equal-priority FIFO tasks run back to back; SCHED_RR alternates every 100 ms", () => {
    const fifo = run({
      policy: { name: "eevdf", throttle: "none" },
      tasks: [
        { id: "A", bursts: [300], class: "fifo", priority: 5 },
        { id: "B", bursts: [300], class: "fifo", priority: 5 },
      ],
    });
    expect(timeline(fifo.slices)).toBe("A0-300 B300-600");
    const rr = run({
      policy: { name: "eevdf", throttle: "none" },
      tasks: [
        { id: "A", bursts: [300], class: "rr", priority: 5 },
        { id: "B", bursts: [300], class: "rr", priority: 5 },
      ],
    });
    expect(timeline(rr.slices)).toBe("A0-100 B100-200 A200-300 B300-400 A400-500 B500-600");
  });
  test("a preempted FIFO task stays at the head of its list; a woken one goes to the tail", () => {
    const r = run({
      policy: { name: "cfs", throttle: "none" },
      tasks: [
        { id: "A", bursts: [10], class: "fifo", priority: 5 },
        { id: "B", bursts: [10], class: "fifo", priority: 5 },
        { id: "H", arrival: 3, bursts: [2], class: "fifo", priority: 9 },
      ],
    });
    expect(timeline(r.slices)).toBe("A0-3 H3-5 A5-12 B12-22");
    const w = run({
      policy: { name: "cfs", throttle: "none" },
      tasks: [
        { id: "A", bursts: [2, 1, 5], class: "fifo", priority: 5 },
        { id: "B", bursts: [10], class: "fifo", priority: 5 },
      ],
    });
    expect(timeline(w.slices)).toBe("A0-2 B2-12 A12-17");
  });
  test("measured on Linux 6.18: a FIFO task arriving at t=300 ms for 1 s starves a hog for 950 ms, then the hog gets 50 ms (both mechanisms)", () => {
    // The throttle's period starts at the first RT enqueue; the fair server's zero-laxity point is 950 ms
    // after the hog last used up its budget in the background. Neither is anchored at t = 0.
    for (const throttle of ["throttle", "fair-server"]) {
      const r = run({
        policy: { name: "eevdf", throttle },
        horizon: 2000,
        tasks: [hog("hog"), { id: "rt", arrival: 300, bursts: [1000], class: "fifo", priority: 50 }],
        log: false,
      });
      expect(cpuBetween(r, "hog", 300, 1250), throttle).toBe(0);
      expect(cpuBetween(r, "hog", 1250, 1300), throttle).toBeCloseTo(50, 6);
      expect(r.tasks.find((t) => t.id === "rt")!.finish, throttle).toBeCloseTo(1350, 6);
    }
  });
  test("throttle: the period starts when RT work begins, and the timer goes idle once no RT time is owed", () => {
    const late = run({
      policy: { name: "cfs", throttle: "throttle" },
      horizon: 2400,
      tasks: [hog("rt", { class: "fifo", priority: 10, arrival: 300 })],
    });
    expect(timeline(late.slices)).toBe("rt300-1250 rt1300-2250 rt2300-2400");
    // An RT task that stops for over a period lets the timer go idle: the next one starts a new period.
    const gap = run({
      policy: { name: "cfs", throttle: "throttle" },
      horizon: 3000,
      tasks: [
        { id: "a", bursts: [100], class: "fifo", priority: 10 },
        hog("b", { class: "fifo", priority: 10, arrival: 1700 }),
      ],
    });
    expect(timeline(gap.slices)).toBe("a0-100 b1700-2650 b2700-3000");
  });
  test("fair server: the reserve counts from when a normal task became runnable, not from the RT task's start", () => {
    const tasks = [hog("rt", { class: "fifo", priority: 10 }), hog("normal", { arrival: 500 })];
    const server = run({ policy: { name: "eevdf", throttle: "fair-server" }, horizon: 3000, tasks, log: false });
    expect(cpuBetween(server, "normal", 500, 1450)).toBe(0);
    expect(cpuBetween(server, "normal", 1450, 1500)).toBeCloseTo(50, 6);
    // Starvation goes on: serving at 1450 set a new deadline (CBS) of 2450, where it serves again.
    expect(cpuBetween(server, "normal", 1500, 2450)).toBe(0);
    expect(cpuBetween(server, "normal", 2450, 2500)).toBeCloseTo(50, 6);
    const throttled = run({ policy: { name: "eevdf", throttle: "throttle" }, horizon: 2000, tasks, log: false });
    expect(cpuBetween(throttled, "normal", 950, 1000)).toBeCloseTo(50, 6);
  });
  test("fair server: normal tasks that get CPU time of their own accord are never boosted", () => {
    // RT runs 600 ms and sleeps 100 ms: the normal task uses its 50 ms budget in every gap, so the server
    // keeps starting new periods and never preempts the RT task.
    const r = run({
      policy: { name: "eevdf", throttle: "fair-server" },
      horizon: 2800,
      tasks: [{ id: "rt", bursts: [600, 100], repeat: true, class: "fifo", priority: 10 }, hog("normal")],
      log: false,
    });
    for (const start of [0, 700, 1400, 2100]) expect(cpuBetween(r, "rt", start, start + 600)).toBeCloseTo(600, 6);
  });
  test("fair server with no runtime is off: the RT hog starves the normal task (fuzzing found the replenish loop spinning on it)", () => {
    const r = run({
      policy: { name: "eevdf", throttle: "fair-server", fairServerMs: 0 },
      horizon: 3000,
      tasks: [hog("rt", { class: "fifo", priority: 10 }), hog("normal")],
      log: false,
    });
    expect(cpuBetween(r, "normal", 0, 3000)).toBe(0);
  });
  test("fair server: a budget spent after its deadline passed replenishes at once (fuzzing found the clock moving back)", () => {
    const r = run({
      policy: {
        name: "eevdf",
        throttle: "fair-server",
        rtPeriodMs: 5,
        rtRuntimeMs: 0,
        fairServerMs: 3,
        rrTimesliceMs: 0.25,
      },
      tasks: [
        { id: "T0", arrival: 7.25, bursts: [2], class: "fifo", priority: 1 },
        { id: "T1", bursts: [3.25, 0.25, 5.25] },
        { id: "T2", bursts: [4.25], nice: 3 },
      ],
    });
    for (const t of r.tasks) {
      const ran = r.slices.filter((s) => s.task === t.id).reduce((sum, s) => sum + s.end - s.start, 0);
      expect(ran, t.id).toBeCloseTo(t.cpuTime, 9);
    }
    for (let i = 1; i < r.slices.length; i++)
      expect(r.slices[i]!.start).toBeGreaterThanOrEqual(r.slices[i - 1]!.end - 1e-9);
  });
  test("real-time preempts the fair class at once on wakeup", () => {
    const r = run({
      policy: "eevdf",
      tasks: [
        { id: "N", bursts: [20] },
        { id: "R", arrival: 5, bursts: [3], class: "fifo", priority: 1 },
      ],
    });
    expect(timeline(r.slices)).toBe("N0-5 R5-8 N8-23");
    expect(r.decisions.find((d) => d.picked === "R")!.rule).toBe("rt-fifo-highest-priority");
  });
});
