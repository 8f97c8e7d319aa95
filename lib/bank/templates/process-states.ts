// Process states and the load average (issue #15, new topic): R/S/D/Z/T/I as `ps` shows them, zombies
// and orphans, and why Linux counts uninterruptible (D) tasks in its load average. The numeric answers
// come from the engine's load-average model (lib/engine/models/loadavg.ts, kernel/sched/loadavg.c).
import type { QuestionTemplate } from "@/lib/engine";
import { grading, poolOfParts } from "./common";

export const PROCESS_STATES_TEMPLATES: readonly QuestionTemplate[] = [
  {
    slug: "load-average-counts-d-state",
    title: "Which tasks does the load average count?",
    type: "concept",
    topic: "processes-threads",
    tags: ["process-states", "load-average", "d-state", "linux"],
    difficulty: 2,
    prompt: [
      "`ps -eo stat` on a Linux server shows, by first letter: **{{R}} R**, **{{D}} D** (waiting on an NFS server that stopped answering), **{{S}} S**, **{{I}} I**, **{{T}} T** and **{{Z}} Z**.",
    ].join("\n"),
    generator: {
      params: {
        R: { range: [1, 4] },
        D: { range: [1, 6] },
        S: { range: [10, 60] },
        I: { range: [5, 20] },
        T: { range: [0, 2] },
        Z: { range: [0, 5] },
      },
      parts: [
        {
          kind: "number",
          id: "active",
          label: "How many of these tasks does Linux count as active for the load average at this moment?",
          unit: "count",
          answer: {
            model: "load-contributors",
            args: { R: "{{R}}", D: "{{D}}", S: "{{S}}", I: "{{I}}", T: "{{T}}", Z: "{{Z}}" },
          },
        },
        {
          kind: "choice",
          id: "why-d",
          label: "Why does Linux count the D tasks, which use no CPU?",
          options: [
            {
              label:
                "Its load average measures demand for the system (CPU and uninterruptible waits such as disk I/O), not CPU alone",
              correct: true,
            },
            { label: "D tasks spin on the CPU while they wait" },
            { label: 'D stands for "dispatched": they are about to run' },
            { label: "It does not: only R tasks count, as on every Unix" },
          ],
        },
      ],
    },
    grading: grading(),
    hints: ["Only two state letters count: the ones that are running or cannot be interrupted."],
    explanation: [
      "1. Linux samples `nr_running + nr_uninterruptible` every 5 s (`calc_global_load`, `kernel/sched/loadavg.c`): tasks in **R** (running or runnable) and **D** (uninterruptible sleep). S (interruptible sleep), I (idle kernel threads: `TASK_NOLOAD` since Linux 4.2, shown as I since 4.14), T (stopped) and Z (zombie) do not count.",
      "2. So the answer is R + D: here {{R}} + {{D}}. The {{D}} D tasks wait on an NFS server: they use no CPU, yet they push the load average up; the {{S}} sleeping, {{I}} idle, {{T}} stopped and {{Z}} zombie tasks add nothing.",
      '3. That is deliberate: a 1993 Linux patch added uninterruptible tasks so that the load average reflects demand for the whole system, including disk I/O, not only CPU (Brendan Gregg, "Linux Load Averages: Solving the Mystery", 2017). Other Unixes (and old Linux) count only runnable tasks, so a high load average on Linux with an idle CPU usually means D tasks: check `ps -eo stat,wchan,cmd | grep ^D`.',
      "",
      "Sources: `kernel/sched/loadavg.c`; `proc(5)` (`/proc/loadavg`, state letters); `ps(1)` PROCESS STATE CODES.",
    ].join("\n"),
  },
  {
    slug: "load-average-after-a-burst",
    title: "Compute the load average after a burst",
    type: "concept",
    topic: "processes-threads",
    tags: ["load-average", "exponential-decay", "linux"],
    difficulty: 4,
    prompt:
      "An idle Linux machine (load average 0.00 0.00 0.00) suddenly has **{{active}}** tasks that are each runnable or in D state all the time. Linux updates its averages every 5 s. What does `/proc/loadavg` show after **{{seconds}} s**? Give two decimals.",
    generator: {
      params: { active: { range: [1, 8] }, seconds: { choice: [30, 60, 120, 300] } },
      parts: [
        {
          kind: "number",
          id: "one",
          label: "1-minute load average",
          unit: "count",
          hint: "two decimals",
          answer: { model: "loadavg", args: { start: 0, active: "{{active}}", seconds: "{{seconds}}", window: 1 } },
        },
        {
          kind: "number",
          id: "five",
          label: "5-minute load average",
          unit: "count",
          hint: "two decimals",
          answer: { model: "loadavg", args: { start: 0, active: "{{active}}", seconds: "{{seconds}}", window: 5 } },
        },
      ],
    },
    grading: grading({ absoluteTolerance: 0.04 }),
    hints: ["Each average moves towards the number of active tasks n like n·(1 − e^(−t/T)), with T = 60 s or 300 s."],
    explanation: [
      "1. Every 5 s the kernel updates each average as `load = load·e + n·(1 − e)` with `e = exp(−5 s / T)` for T = 1, 5 and 15 minutes, in 11-bit fixed point (`EXP_1` = 1884/2048, `EXP_5` = 2014/2048; `include/linux/sched/loadavg.h`, `calc_load()` in `kernel/sched/loadavg.c`).",
      "2. Starting from 0 with n tasks always active, after t seconds that is n·(1 − e^(−t/T)): after 60 s the 1-minute average shows about 63% of n, and the 5-minute one about 18%. Here n = {{active}} and t = {{seconds}} s: the 1-minute average is about {{active}}·(1 − e^(−{{seconds}}/60)).",
      "3. The engine runs the kernel's fixed-point arithmetic exactly, including its rounding and the FIXED_1/200 added before printing; answers within 0.04 of it are accepted, so the continuous formula, rounded to two decimals, is good enough (the two differ by at most 0.03 on these parameters).",
      "",
      "This is why a load average lags: a burst that starts now shows fully in the 1-minute figure only after a few minutes, and the three numbers together tell you whether load is rising (1-min > 15-min) or falling.",
    ].join("\n"),
  },
  {
    slug: "process-state-letters",
    title: "R, S, D, Z, T: read a process's state",
    type: "concept",
    topic: "processes-threads",
    tags: ["process-states", "zombie", "orphan", "d-state", "signals"],
    difficulty: 2,
    prompt: "Each case describes one Linux process. Pick the state letter `ps` shows, or what happens.",
    generator: {
      pool: poolOfParts([
        {
          kind: "choice",
          id: "zombie",
          label: "A child has called exit(); its parent is alive but never calls wait().",
          options: [
            { label: "Z (zombie)", correct: true },
            { label: "S (sleeping)" },
            { label: "T (stopped)" },
            { label: "It disappears at once" },
          ],
        },
        {
          kind: "choice",
          id: "sigkill-d",
          label:
            "A process is in D state, blocked in a read from a hung NFS mount (a non-killable wait). You send it SIGKILL.",
          options: [
            { label: "It stays in D until the wait ends; the signal takes effect afterwards", correct: true },
            { label: "It dies at once: SIGKILL cannot be blocked" },
            { label: "It becomes a zombie at once" },
            { label: "The kernel panics" },
          ],
        },
        {
          kind: "choice",
          id: "orphan",
          label: "A parent exits while its child is still running (no subreaper is set).",
          options: [
            {
              label: "The child is re-parented to init (PID 1 of its PID namespace), which reaps it when it exits",
              correct: true,
            },
            { label: "The child is killed with SIGHUP by the kernel" },
            { label: "The child becomes a zombie at once" },
            { label: "The child keeps its old parent PID forever" },
          ],
        },
        {
          kind: "choice",
          id: "stopped",
          label: "A process received SIGSTOP (or the user pressed Ctrl-Z, SIGTSTP).",
          options: [
            { label: "T (stopped)", correct: true },
            { label: "Z (zombie)" },
            { label: "D (uninterruptible)" },
            { label: "I (idle)" },
          ],
        },
        {
          kind: "choice",
          id: "tty-read",
          label: "A shell waits in read() for the user to type a line on its terminal.",
          options: [
            { label: "S (interruptible sleep)", correct: true },
            { label: "D (uninterruptible sleep)" },
            { label: "R (running or runnable)" },
            { label: "T (stopped)" },
          ],
        },
      ]),
    },
    grading: grading(),
    hints: ["A zombie has already exited; D is a sleep that signals cannot interrupt."],
    explanation: [
      "1. **Z**: the child has exited; its memory is freed, but its PID and exit status stay in the process table until the parent calls `wait()`/`waitpid()` (`wait(2)`). Zombies cost a PID each, not CPU.",
      "2. **D**: an uninterruptible sleep (`TASK_UNINTERRUPTIBLE`) is not woken by signals, not even SIGKILL; the kill is delivered when the wait ends. Since Linux 2.6.25 some waits use `TASK_KILLABLE`, which fatal signals can interrupt, but a plain D wait cannot be killed (`ps(1)`, kernel `include/linux/sched.h`).",
      "3. **Orphans** are re-parented to the nearest subreaper (`PR_SET_CHILD_SUBREAPER`, Linux 3.4+) or else to init of the PID namespace, which reaps them (`prctl(2)`, `wait(2)`).",
      "4. **T**: SIGSTOP/SIGTSTP stop the whole process (all threads) until SIGCONT (`signal(7)`).",
      "",
      "Other letters: R running or runnable, S interruptible sleep (most idle processes), I idle kernel thread (Linux 4.14+), t stopped by a tracer.",
      "",
      "A process waiting for terminal input sleeps interruptibly (S): a signal such as Ctrl-C's SIGINT wakes it. D is for the short waits the kernel must not abandon half-way (some disk and NFS I/O).",
    ].join("\n"),
  },
];
