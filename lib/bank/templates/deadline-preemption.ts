// SCHED_DEADLINE and kernel preemption models (issue #15, new topic): EDF + CBS with admission control,
// and preempt none/voluntary/full/lazy and PREEMPT_RT. Admission and EDF answers come from the engine's
// deadline model (lib/engine/models/deadline.ts).
import type { QuestionTemplate } from "@/lib/engine";
import { grading, poolOfParts } from "./common";

export const DEADLINE_PREEMPTION_TEMPLATES: readonly QuestionTemplate[] = [
  {
    slug: "sched-deadline-admission",
    title: "SCHED_DEADLINE admission control",
    type: "concept",
    topic: "real-time",
    tags: ["sched_deadline", "admission-control", "cbs", "edf"],
    difficulty: 3,
    prompt: [
      "On a 1-CPU machine with default settings (`sched_rt_runtime_us` = 950000, `sched_rt_period_us` = 1000000) and no other deadline tasks, three threads call `sched_setattr()` with `SCHED_DEADLINE`, one after another:",
      "",
      "1. runtime **{{runtime1}} ms**, deadline = period = **{{period1}} ms**",
      "2. runtime **{{runtime2}} ms**, deadline = period = **{{period2}} ms**",
      "3. runtime **{{runtime3}} ms**, deadline = period = **{{period3}} ms**",
    ].join("\n"),
    generator: {
      params: {
        runtime1: { choice: [10, 20, 30] },
        period1: { choice: [50, 100] },
        runtime2: { choice: [10, 25, 40] },
        period2: { choice: [100, 200] },
        runtime3: { choice: [15, 30, 45] },
        period3: { choice: [60, 100] },
      },
      parts: [
        {
          kind: "number",
          id: "admitted",
          label: "How many of the three calls succeed?",
          unit: "count",
          answer: {
            model: "dl-admitted",
            args: {
              cpus: 1,
              runtime1: "{{runtime1}}",
              period1: "{{period1}}",
              runtime2: "{{runtime2}}",
              period2: "{{period2}}",
              runtime3: "{{runtime3}}",
              period3: "{{period3}}",
            },
          },
        },
        {
          kind: "choice",
          id: "overrun",
          label: "An admitted task tries to run longer than its runtime in one period. What happens?",
          options: [
            {
              label: "The CBS throttles it until its next period, so it cannot steal other tasks' reserved time",
              correct: true,
            },
            { label: "The kernel kills it with SIGKILL" },
            { label: "It keeps running and the other deadline tasks miss their deadlines" },
            { label: "It is demoted to SCHED_OTHER forever" },
          ],
        },
      ],
    },
    grading: grading(),
    hints: [
      "Add runtime/period of each admitted task; a request that would push the sum above 95% of the CPU fails (EBUSY) and adds nothing.",
    ],
    explanation: [
      "1. `SCHED_DEADLINE` (Linux 3.14+) schedules by **EDF** (earliest absolute deadline first) and isolates tasks with the **Constant Bandwidth Server**: each task gets `runtime` every `period`, and must finish it by `deadline` (runtime ≤ deadline ≤ period) (`sched(7)`, `Documentation/scheduler/sched-deadline.rst`).",
      "2. **Admission control:** `sched_setattr()` fails with **EBUSY** if the sum of runtime/period over all deadline tasks would exceed the limit, by default 950000/1000000 = 95% of each CPU in the root domain. Check the requests in order: each one that fits adds its bandwidth, a refused one adds nothing.",
      "3. The CBS enforces the reservation: a task that uses up its runtime is **throttled** until its next period (its deadline is postponed), so an overrunning task cannot make the others miss theirs.",
      "4. For implicit deadlines (deadline = period) on one CPU, EDF meets every deadline whenever the total bandwidth is at most 100% (Liu & Layland 1973); the 95% limit leaves room for the other classes.",
    ].join("\n"),
  },
  {
    slug: "edf-first-job-finish",
    title: "EDF on one CPU: when does a job finish?",
    type: "concept",
    topic: "real-time",
    tags: ["edf", "sched_deadline", "timeline"],
    difficulty: 4,
    prompt: [
      "Three periodic tasks run under EDF on one CPU; all release their first job at t = 0 and each deadline equals the period. Ties on the deadline go to the lower task number.",
      "",
      "| task | runtime | period |",
      "|---|---|---|",
      "| 1 | {{runtime1}} ms | {{period1}} ms |",
      "| 2 | {{runtime2}} ms | {{period2}} ms |",
      "| 3 | {{runtime3}} ms | {{period3}} ms |",
    ].join("\n"),
    generator: {
      params: {
        runtime1: { range: [1, 2] },
        period1: { choice: [5, 6] },
        runtime2: { range: [1, 2] },
        period2: { choice: [7, 8] },
        runtime3: { range: [2, 3] },
        period3: { choice: [10, 12] },
      },
      parts: [
        {
          kind: "number",
          id: "t3",
          label: "When does task 3's first job finish?",
          unit: "ms",
          answer: {
            model: "edf-finish",
            args: {
              runtime1: "{{runtime1}}",
              period1: "{{period1}}",
              runtime2: "{{runtime2}}",
              period2: "{{period2}}",
              runtime3: "{{runtime3}}",
              period3: "{{period3}}",
              task: 3,
              job: 1,
            },
          },
        },
        {
          kind: "number",
          id: "t1-2",
          label: "When does task 1's second job finish?",
          unit: "ms",
          answer: {
            model: "edf-finish",
            args: {
              runtime1: "{{runtime1}}",
              period1: "{{period1}}",
              runtime2: "{{runtime2}}",
              period2: "{{period2}}",
              runtime3: "{{runtime3}}",
              period3: "{{period3}}",
              task: 1,
              job: 2,
            },
          },
        },
      ],
    },
    grading: grading(),
    hints: ["At each millisecond, run the pending job with the earliest absolute deadline; a new release can preempt."],
    explanation: [
      "1. EDF keeps one rule: among released, unfinished jobs, run the one whose **absolute deadline** (release + period here) is earliest, preempting at releases.",
      "2. Walk forward 1 ms at a time: at t = 0 task 1's job (deadline = period 1) runs first, then task 2's, then task 3's; a later release of task 1 whose deadline is earlier than task 3's current deadline preempts it.",
      "3. Here the total utilisation is below 100%, so every job meets its deadline (Liu & Layland 1973): task 3's first job finishes by its period.",
      "",
      "Linux's `SCHED_DEADLINE` applies the same rule to its tasks' scheduling deadlines (`Documentation/scheduler/sched-deadline.rst`).",
    ].join("\n"),
  },
  {
    slug: "kernel-preemption-models",
    title: "Kernel preemption models and PREEMPT_RT",
    type: "concept",
    topic: "real-time",
    tags: ["preemption", "preempt_rt", "preempt_lazy", "latency", "kernel"],
    difficulty: 3,
    prompt: "A SCHED_FIFO thread wakes up while another task on its CPU is in the middle of a long system call.",
    generator: {
      pool: poolOfParts([
        {
          kind: "choice",
          id: "none",
          label: "With PREEMPT_NONE (the classic server setting), when can the woken thread run?",
          options: [
            {
              label: "Only when the system call returns to user space, blocks, or calls cond_resched()",
              correct: true,
            },
            { label: "Immediately, at the next instruction" },
            { label: "At the next timer tick, wherever the kernel is" },
            { label: "Never, until the other task exits" },
          ],
        },
        {
          kind: "choice",
          id: "full",
          label: "With PREEMPT (full), where can the kernel still not be preempted?",
          options: [
            { label: "Inside spinlock-held or preempt-disabled and interrupts-off regions", correct: true },
            { label: "Anywhere in a system call" },
            { label: "Only in interrupt handlers run as threads" },
            { label: "Nowhere: full means everywhere" },
          ],
        },
        {
          kind: "choice",
          id: "rt",
          label: "What does PREEMPT_RT (mainline since Linux 6.12) change to shrink the remaining latency?",
          options: [
            {
              label:
                "Most spinlocks become sleeping rt_mutexes with priority inheritance, and interrupt handlers run in threads",
              correct: true,
            },
            { label: "It disables interrupts while RT tasks run" },
            { label: "It makes the timer tick 10× faster" },
            { label: "It removes the fair class" },
          ],
        },
        {
          kind: "choice",
          id: "lazy",
          label: "What does PREEMPT_LAZY (Linux 6.13+) do?",
          options: [
            {
              label:
                "Defers preemption requests for fair-class tasks to the next tick or return to user space, while RT wakeups still preempt at once",
              correct: true,
            },
            { label: "Makes RT tasks wait for the next tick" },
            { label: "Turns off preemption entirely" },
            { label: "Only changes the idle loop" },
          ],
        },
        {
          kind: "choice",
          id: "voluntary",
          label: "What does PREEMPT_VOLUNTARY add to PREEMPT_NONE?",
          options: [
            {
              label: "Extra explicit preemption points (might_sleep / cond_resched calls) in long kernel paths",
              correct: true,
            },
            { label: "Preemption anywhere outside spinlocks" },
            { label: "Threaded interrupt handlers" },
            { label: "A faster timer tick" },
          ],
        },
      ]),
    },
    grading: grading(),
    hints: [
      "The models differ in where kernel code may be preempted: only at explicit points, anywhere not holding a lock, or nearly everywhere.",
    ],
    explanation: [
      "1. **`PREEMPT_NONE`**: kernel code is never preempted; a woken task waits until the running one leaves the kernel, blocks, or reaches an explicit `cond_resched()`. Best throughput, worst latency. **`PREEMPT_VOLUNTARY`** adds more explicit preemption points (`might_resched()`). (`kernel/Kconfig.preempt`.)",
      "2. **`PREEMPT`** (full): the kernel can be preempted anywhere except where preemption is disabled: spinlock-held, `preempt_disable()` and interrupts-off regions. Since Linux 5.12 `PREEMPT_DYNAMIC` lets one kernel choose none/voluntary/full at boot (`preempt=`).",
      "3. **`PREEMPT_RT`** (merged in Linux 6.12) converts most spinlocks into sleeping `rt_mutex`es with priority inheritance and runs interrupt handlers in threads, so almost all kernel code becomes preemptible; what remains are the few raw spinlocks and interrupts-off regions.",
      "4. **`PREEMPT_LAZY`** (Linux 6.13) is a middle ground: a preemption request for a fair task sets a lazy flag honoured at the next tick or return to user space (giving throughput like `NONE`), while RT and deadline wakeups still preempt immediately (like full).",
      "",
      "PREEMPT_VOLUNTARY (common on desktops) keeps the kernel non-preemptible but adds explicit rescheduling points in long paths, so latency falls without full preemption's overhead.",
    ].join("\n"),
  },
];
