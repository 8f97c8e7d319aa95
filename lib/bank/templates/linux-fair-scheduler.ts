// Lesson "Linux's fair scheduler": nice weights, shares and vruntime under EEVDF (the default since
// Linux 6.6) and CFS (2.6.23–6.5), with the tick-driven interleaving measured on Linux 6.18
// (/work/shared/notes/domain.md).
import type { QuestionTemplate } from "@/lib/engine";
import { grading, poolOfParts } from "./common";

const EEVDF = { name: "eevdf", hz: 250 };

export const LINUX_FAIR_SCHEDULER: readonly QuestionTemplate[] = [
  {
    slug: "nice-cpu-shares",
    title: "CPU shares from nice values",
    type: "metrics",
    topic: "linux-fair-scheduler",
    tags: ["eevdf", "nice", "weights", "shares", "classic"],
    difficulty: 2,
    prompt:
      "The {{tasks}} CPU-bound tasks below share one CPU under Linux's fair class (EEVDF, the default since Linux 6.6), all in one group (no cgroup or autogroup split). What share of the CPU does each get over the first second? (Answers within 2 percentage points are accepted.)",
    generator: {
      policy: EEVDF,
      tasks: [2, 3],
      cpuBurst: [5000, 5000],
      nice: [-5, 0, 0, 5, 10],
      horizon: 1000,
      ask: [{ metric: "cpuShare", task: "each", windowMs: 1000 }],
      invariants: [{ check: "distinct", field: "nice" }],
    },
    grading: grading({ absoluteTolerance: 2 }),
    hints: [
      "Weights (kernel/sched/core.c): nice −5 = 3121, 0 = 1024, 5 = 335, 10 = 110.",
      "Share = weight / sum of weights.",
    ],
    explanation: [
      "1. Look up each task's load weight in `sched_prio_to_weight` (kernel/sched/core.c): nice −5 → **3121**, 0 → **1024**, 5 → **335**, 10 → **110**. Each nice step is about ×1.25.",
      "2. The fair class gives every runnable task CPU in proportion to its weight: share = w / Σw (among the tasks of one group; with cgroups or autogroup the shares are split between groups first).",
      "3. Example nice 0 vs 5: 1024 / (1024 + 335) = **75.3%** and 24.7%. Nice 0, 0, 5: 1024 / 2383 = 43.0% each and 14.1%.",
      "",
      "These ratios are what Linux 6.18 (EEVDF, HZ=250) measured: (0,5) 75.3/24.7, (0,10) 90.2/9.8, (0,0,5) 43.0/43.0/14.0 — all within 0.15 points of w/Σw. The same formula held under CFS, which used the same weights.",
    ].join("\n"),
  },
  {
    slug: "vruntime-gain-equalises",
    title: "vruntime gained by heavy and light tasks",
    type: "metrics",
    topic: "linux-fair-scheduler",
    tags: ["vruntime", "nice", "weights", "eevdf"],
    difficulty: 4,
    prompt:
      "Two CPU-bound tasks share one CPU under EEVDF (Linux 6.6 and later). How much **vruntime** (in ms) does each gain in the first 2 seconds? (Within 3% is accepted.)",
    generator: {
      policy: EEVDF,
      tasks: 2,
      cpuBurst: [5000, 5000],
      nice: [0, 5, 10],
      horizon: 2000,
      ask: [{ metric: "vruntimeGain", task: "each", windowMs: 2000 }],
      invariants: [{ check: "distinct", field: "nice" }],
    },
    grading: grading({ relativeTolerance: 0.03 }),
    hints: [
      "vruntime advances by (CPU time) × 1024 / weight; weights: nice 0 = 1024, 5 = 335, 10 = 110.",
      "The scheduler keeps the tasks' vruntimes close together — so what can you say about the gains?",
    ],
    explanation: [
      "1. CPU time of each task over 2000 ms: cpu_i = 2000 × w_i / (w_A + w_B).",
      "2. vruntime grows by cpu_i × 1024 / w_i = 2000 × 1024 / (w_A + w_B) — **the same for both tasks**: the weight cancels. That is the whole design: the fair class keeps vruntimes level, and a heavier task simply needs more real CPU to advance the same amount.",
      "3. Example nice 0 vs 5: 2000 × 1024 / 1359 = **1507 ms** of vruntime each; A ran 1507 ms of real time, B 493 ms (493 × 1024 / 335 ≈ 1507). Nice 0 vs 10: 2000 × 1024 / 1134 ≈ 1806 ms each.",
      "4. The simulator charges whole 4 ms ticks, so its value can differ from the formula by one tick of vruntime; 3% tolerance covers that.",
      "",
      "Weights from `sched_prio_to_weight` in kernel/sched/core.c (nice 0 = 1024, 5 = 335, 10 = 110).",
    ].join("\n"),
  },
  {
    slug: "eevdf-tick-interleaving",
    title: "Who runs at each tick (EEVDF, HZ=250)",
    type: "schedule",
    topic: "linux-fair-scheduler",
    tags: ["eevdf", "tick", "interleaving", "nice"],
    difficulty: 5,
    prompt:
      "Two CPU-bound tasks with different nice values start together on one CPU (EEVDF, HZ=250, base slice 0.75 ms as in Linux 6.6–6.14). Paint who runs in each {{slotMs}} ms tick from t = 0 until the run is cut off at t = 80 ms.",
    generator: {
      policy: EEVDF,
      tasks: 2,
      cpuBurst: [5000, 5000],
      nice: [0, 5, 10],
      horizon: 80,
      slotMs: 4,
      invariants: [{ check: "distinct", field: "nice" }],
    },
    grading: grading({ scheduleScoring: "per-slot" }),
    hints: [
      "Preemption happens only at ticks: the 0.75 ms slice is used up long before the next tick, so at each tick the scheduler picks again.",
      "Pick the eligible task (vruntime ≤ the weighted average V) with the earliest virtual deadline = vruntime + slice × 1024 / weight.",
    ],
    explanation: [
      "1. A 4 ms tick is much longer than the 0.75 ms base slice, so the running task has always passed its deadline at the next tick and the scheduler picks again **every tick**.",
      "2. Each tick of CPU advances the runner's vruntime by 4 × 1024 / w: a nice 0 task gains 4 ms, a nice 5 task 4 × 1024/335 ≈ 12.2 ms, a nice 10 task ≈ 37 ms.",
      "3. Only tasks with vruntime ≤ V (the weight-averaged vruntime) are eligible. After the light task runs one tick it jumps far above V and stays ineligible while the heavy task runs several ticks to catch up.",
      "4. So the pattern is: light task 1 tick, heavy task ≈ w_heavy / w_light ticks: **3 ticks** for nice 0 vs 5 (1024/335 ≈ 3.06), **9–10** for 0 vs 10 (1024/110 ≈ 9.3).",
      "",
      "This matches what Linux 6.18 did when measured (HZ=250, tasks pinned to one CPU): the light task runs one tick, the heavy one about w_heavy/w_light ticks in a row. (Since 6.15 the base slice is 0.70 ms; with 4 ms ticks the pattern is the same.)",
    ].join("\n"),
  },
  {
    slug: "eevdf-slice-vs-tick",
    title: "The slice ends between ticks (EEVDF, HZ=100)",
    type: "schedule",
    topic: "linux-fair-scheduler",
    tags: ["eevdf", "tick", "timeslice", "preemption"],
    difficulty: 4,
    prompt:
      "{{tasks}} CPU-bound tasks with the nice values shown arrive on one CPU at the times shown. The kernel runs EEVDF with **HZ=100** (a timer tick every 10 ms) and a base slice of **4 ms**. Paint who runs in each {{slotMs}} ms slot until the run is cut off at t = 40 ms.",
    generator: {
      policy: { name: "eevdf", hz: 100, baseSliceMs: 4 },
      tasks: [2, 3],
      cpuBurst: [5000, 5000],
      nice: [0, 0, 5],
      arrivalSpread: 12,
      horizon: 40,
      slotMs: 2,
      // Issue #21: switching the moment the slice is used up must paint a different chart.
      discriminate: ["preempt-at-slice-expiry"],
    },
    grading: grading({ scheduleScoring: "per-slot" }),
    hints: [
      "The scheduler only checks the running task's slice when the timer ticks (or a task wakes up): here every 10 ms.",
    ],
    explanation: [
      "1. A task that is picked gets a virtual deadline one slice ahead (half a slice for a task that has just arrived): it has earned a switch after 4 ms of CPU (2 ms for a newcomer).",
      "2. But the kernel only looks at the running task's deadline at a **timer tick** (every 10 ms with HZ=100) or when a task **wakes up or arrives**. So the runner keeps the CPU past its slice until the next tick, or until an arriving task with an earlier deadline preempts it.",
      "3. At each such check the scheduler picks the eligible task (lag ≥ 0) with the earliest virtual deadline; the runner, past its deadline, loses to a waiting task. So tasks mostly run **whole ticks** in turn, with switches only at multiples of 10 ms or at an arrival.",
      "",
      "Switching the instant the slice runs out (every 4 ms) is what a continuously checking scheduler would do; Linux's fair class notices a used-up slice only in `update_curr` → `resched_curr`, run from the tick and from wakeups (`kernel/sched/fair.c`).",
    ].join("\n"),
  },
  {
    slug: "sched-idle-share",
    title: "SCHED_IDLE next to a normal task",
    type: "metrics",
    topic: "linux-fair-scheduler",
    tags: ["sched_idle", "weights", "shares"],
    difficulty: 3,
    prompt:
      "The CPU-bound tasks below share one CPU under EEVDF (Linux 6.6 and later), all at nice 0 in one group; those of class IDLE run under SCHED_IDLE. What share does each get in the first second? (Within 2 percentage points is accepted.)",
    generator: {
      policy: EEVDF,
      tasks: [2, 3],
      cpuBurst: [5000, 5000],
      classes: ["other", "idle"],
      horizon: 1000,
      ask: [{ metric: "cpuShare", task: "each", windowMs: 1000 }],
      invariants: [
        { check: "hasClass", class: "idle", min: 1 },
        { check: "hasClass", class: "other", min: 1 },
      ],
    },
    grading: grading({ absoluteTolerance: 2 }),
    hints: ["A SCHED_IDLE task has load weight 3 (a nice 0 task has 1024)."],
    explanation: [
      "1. SCHED_IDLE is not a separate priority band: it is the fair class with a tiny weight, **3** (`WEIGHT_IDLEPRIO` in the kernel), versus 1024 for nice 0 and 15 for nice 19.",
      "2. Shares are still w / Σw. One normal task against one SCHED_IDLE task: 1024 / 1027 = **99.7%** vs **0.3%**.",
      "3. Two SCHED_IDLE tasks next to one normal task share the leftover 0.6% between them; alone they would split the CPU 50/50: the weight only matters relative to the others.",
      "",
      "Use it for background work (e.g. `chrt --idle 0 make`); it still runs, just almost never while anything else wants the CPU.",
    ].join("\n"),
  },
  {
    slug: "eevdf-replaced-cfs",
    title: "CFS, EEVDF and what changed in 6.6",
    type: "concept",
    topic: "linux-fair-scheduler",
    tags: ["eevdf", "cfs", "history", "interview"],
    difficulty: 1,
    prompt:
      'An interviewer says: "Linux uses CFS, which picks the task with the smallest vruntime." Answer the follow-ups.',
    generator: {
      pool: poolOfParts([
        {
          kind: "choice",
          id: "default",
          label: "Which algorithm does Linux's fair class (SCHED_OTHER) use since Linux 6.6 (October 2023)?",
          options: [
            { label: "EEVDF (Earliest Eligible Virtual Deadline First)", correct: true },
            { label: "CFS (Completely Fair Scheduler)" },
            { label: "The O(1) scheduler" },
            { label: "BFS / MuQSS" },
          ],
        },
        {
          kind: "choice",
          id: "pick",
          label: "How does EEVDF choose the next task?",
          options: [
            {
              label:
                "Among tasks with lag ≥ 0 (vruntime ≤ the weighted average), the one with the earliest virtual deadline",
              correct: true,
            },
            { label: "The task with the smallest vruntime" },
            { label: "The task with the highest static priority" },
            { label: "The task that has waited longest in a FIFO queue" },
          ],
        },
        {
          kind: "choice",
          id: "kept",
          label: "What did EEVDF keep from CFS? (choose all that apply)",
          multiple: true,
          options: [
            { label: "The nice-to-weight table", correct: true },
            { label: "vruntime advancing by delta × 1024 / weight", correct: true },
            { label: "sched_latency and min_granularity tunables" },
            { label: "The sleeper bonus (GENTLE_FAIR_SLEEPERS)" },
          ],
        },
        {
          kind: "choice",
          id: "cfs-slice",
          label: "In CFS (Linux 2.6.23–6.5), with at most 8 runnable tasks, how long was each task's time slice?",
          options: [
            { label: "sched_latency × the task's weight / the total weight of the runnable tasks", correct: true },
            { label: "A fixed 100 ms for every task" },
            { label: "min_granularity for every task, whatever its weight" },
            { label: "One timer tick" },
          ],
        },
        {
          kind: "choice",
          id: "short-slice",
          label:
            "What can a latency-sensitive task ask EEVDF for (Linux 6.12+, via sched_setattr) that CFS had no knob for?",
          options: [
            { label: "A shorter slice, which gives it earlier virtual deadlines", correct: true },
            { label: "A larger weight without changing its nice value" },
            { label: "A real-time priority inside the fair class" },
            { label: "Exemption from preemption" },
          ],
        },
      ]),
    },
    grading: grading(),
    hints: ["CFS was the default from 2.6.23 (2007) until 6.5."],
    explanation: [
      "- **Classic answer**: CFS (2.6.23–6.5) keeps runnable tasks in a red-black tree by vruntime and runs the leftmost (smallest).",
      "- **Current kernels**: since **6.6** the fair class is **EEVDF** (Stoica & Abdel-Wahab 1995; kernel doc `Documentation/scheduler/sched-eevdf.rst`). It computes V, the weight-averaged vruntime; a task is *eligible* when its lag V − v ≥ 0, and among eligible tasks the one with the earliest **virtual deadline** (vruntime + slice × 1024 / w) runs.",
      "- **Kept**: the weights and the vruntime accounting, so long-run shares are unchanged.",
      "- **Gone**: CFS's latency/granularity knobs (one `base_slice` remains, in debugfs) and the sleeper bonus; since 6.12, tasks can request a shorter slice with `sched_setattr`.",
      "",
      "CFS: with n ≤ 8 runnable tasks the period is sched_latency (6 ms × (1 + log2(min(ncpu, 8)))), and each task's slice is period × w/Σw. EEVDF dropped those knobs for one base_slice; since 6.12 a task may request its own shorter slice (`sched_setattr`), so its deadline comes earlier and it is picked sooner, without getting more CPU overall.",
    ].join("\n"),
  },
  {
    slug: "nice-weight-arithmetic",
    title: "The 10% rule of nice",
    type: "concept",
    topic: "linux-fair-scheduler",
    tags: ["nice", "weights", "arithmetic"],
    difficulty: 2,
    prompt: "Two CPU-bound tasks share one CPU: A at nice 0, B at nice 1.",
    generator: {
      pool: poolOfParts([
        {
          kind: "number",
          id: "share-a",
          label: "What percentage of the CPU does A get? (nice 0 weight 1024, nice 1 weight 820)",
          answer: 55.53,
          unit: "percent",
          hint: "to one decimal place",
        },
        {
          kind: "choice",
          id: "ratio",
          label: "By what factor does the weight change per nice level?",
          options: [
            { label: "About 1.25", correct: true },
            { label: "Exactly 2" },
            { label: "About 1.1" },
            { label: "It is linear: 50 per level" },
          ],
        },
        {
          kind: "number",
          id: "share-19",
          label: "A nice 0 task (1024) against a nice 19 task (15): what percentage does the nice 19 task get?",
          answer: 1.44,
          unit: "percent",
          hint: "to one decimal place",
        },
        {
          kind: "number",
          id: "share-5",
          label:
            "Instead A (nice 0, weight 1024) shares the CPU with a task at nice 5 (weight 335). What percentage of the CPU does A get?",
          answer: 75.35,
          unit: "percent",
        },
        {
          kind: "choice",
          id: "shifted",
          label:
            "Both tasks are reniced by +10: A to nice 10 (weight 110), B to nice 11 (weight 87). What happens to A's share?",
          options: [
            {
              label: "Hardly anything, ≈ 56%: only the ratio of the weights matters, and each nice step is about 1.25×",
              correct: true,
            },
            { label: "It falls to about 10%" },
            { label: "It becomes exactly 50%" },
            { label: "It rises, because higher nice values are favoured" },
          ],
        },
      ]),
    },
    grading: grading({ absoluteTolerance: 0.1 }),
    hints: ["Share = w / (w_A + w_B)."],
    explanation: [
      '1. A: 1024 / (1024 + 820) = 1024 / 1844 = **55.5%**; B gets 44.5%. Compared with 50/50 at equal nice, B lost about **10% of its CPU time** (50 → 44.5, −11% relative) and A gained about 10% (50 → 55.5). That is the kernel comment on `sched_prio_to_weight`: one nice level is "~10% less CPU time", a **relative** and cumulative effect — not 10 percentage points.',
      "2. The comment goes on: if one task goes down ~10% and the other up ~10%, the distance between them is ~25%, so the table is geometric: each level is ≈ **1.25×** the next (1024 / 820 = 1.249).",
      "3. Nice 19 vs nice 0: 15 / (1024 + 15) = **1.44%**.",
      "",
      "Source: `sched_prio_to_weight[]` in kernel/sched/core.c.",
      "",
      "1024 / (1024 + 335) = 75.3% (measured on Linux 6.18: 75.3/24.7). Renicing both tasks by the same amount keeps their weight ratio about the same: 110 / (110 + 87) = 55.8%.",
    ].join("\n"),
  },
  {
    slug: "sleeper-vs-hog-eevdf",
    title: "A half-sleeping task against a CPU hog",
    type: "concept",
    topic: "linux-fair-scheduler",
    tags: ["eevdf", "cfs", "sleeper", "lag", "measured"],
    difficulty: 4,
    prompt:
      "Task S alone would use 50% of a CPU: it runs R ms then sleeps R ms, forever. It shares one CPU with a CPU hog H, both at nice 0.",
    generator: {
      pool: poolOfParts([
        {
          kind: "number",
          id: "eevdf",
          label: "Roughly what percentage of the CPU does S get under EEVDF (Linux 6.6+)?",
          answer: 33,
          unit: "percent",
        },
        {
          kind: "choice",
          id: "why",
          label: "Why not 50%?",
          options: [
            {
              label:
                "EEVDF gives a woken task back only the lag it had when it slept; it earns no credit while sleeping",
              correct: true,
            },
            { label: "The hog has a higher weight" },
            { label: "Sleeping tasks are moved to SCHED_IDLE" },
            { label: "Timer ticks are lost while S sleeps" },
          ],
        },
        {
          kind: "choice",
          id: "cfs",
          label: "What did old CFS (with GENTLE_FAIR_SLEEPERS) give S?",
          options: [
            {
              label: "About 50%: a woken task was placed up to half a latency period behind min_vruntime",
              correct: true,
            },
            { label: "About 33%, the same as EEVDF" },
            { label: "About 25%" },
            { label: "0%: the hog starves it" },
          ],
        },
        {
          kind: "choice",
          id: "lag",
          label: "In EEVDF, what is a task's lag, and when is the task eligible?",
          options: [
            {
              label: "lag = V − v (the weighted average vruntime minus its own); eligible when lag ≥ 0",
              correct: true,
            },
            { label: "The time since it last ran; eligible after one base slice" },
            { label: "Its distance from its deadline; eligible when the deadline has passed" },
            { label: "Its wait in the run queue; eligible when it is the longest waiter" },
          ],
        },
        {
          kind: "choice",
          id: "delay-dequeue",
          label: "Linux 6.12 added DELAY_DEQUEUE. What happens when a task with negative lag goes to sleep?",
          options: [
            {
              label:
                "It stays on the run queue, not picked, until the debt is burned off, so sleeping does not erase it",
              correct: true,
            },
            { label: "Its lag is reset to zero at once" },
            { label: "It is moved to SCHED_IDLE until it wakes" },
            { label: "Its vruntime is set to min_vruntime" },
          ],
        },
      ]),
    },
    grading: grading({ absoluteTolerance: 3 }),
    hints: ["When S wakes, it must again wait its turn against H: it runs at most half of the time it is runnable."],
    explanation: [
      "1. When S is runnable it competes with H at equal weight, so it gets about half the CPU **while runnable**.",
      "2. To do R ms of work at half speed it needs 2R ms of wall time, then sleeps R: S runs R out of every 3R ms → **≈ 33%**.",
      "3. Under EEVDF a woken task gets back the lag it slept with (clamped), so it gets no bonus for sleeping; since 6.12 (DELAY_DEQUEUE) a task that goes to sleep with negative lag even stays queued until it has burnt that debt off. Old CFS placed a woken task at max(own vruntime, min_vruntime − latency/2) (GENTLE_FAIR_SLEEPERS), a credit that let it run ahead of the hog and get **≈ 50%**.",
      "",
      "Measured on Linux 6.18 (EEVDF, HZ=250): 33%. Interactive workloads that relied on the sleeper bonus can request a shorter slice instead (`sched_setattr`, since 6.12).",
      "",
      "EEVDF's lag = V − v, with V the weighted average vruntime; a task is eligible when lag ≥ 0. Without DELAY_DEQUEUE a task could drop its negative lag by sleeping briefly; since 6.12 it stays queued (ineligible) until that debt is gone.",
    ].join("\n"),
  },
];
