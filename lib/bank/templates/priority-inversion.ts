// Priority inversion (issue #15, new topic): unbounded inversion, priority inheritance, the priority
// ceiling, and Mars Pathfinder. Response times come from the engine's inversion model
// (lib/engine/models/priority-inversion.ts), until the multi-CPU engine work replaces it.
import type { QuestionTemplate } from "@/lib/engine";
import { grading, poolOfParts } from "./common";

const SCENARIO = [
  "One CPU, fixed priorities, preemptive; ties keep the running task. **L** (low) starts at t = 0, computes 1 ms, locks mutex **m**, works **{{lowLocked}} ms** holding it, unlocks, then computes 1 ms more.",
  "**H** (high) arrives at t = 2, computes 1 ms, then needs **m** for **{{highLocked}} ms**, then computes 1 ms. **M** (medium, never touches m) arrives at t = 3 and computes **{{mediumCpu}} ms**.",
].join("\n\n");

const ARGS = {
  lowBefore: 1,
  lowLocked: "{{lowLocked}}",
  highArrival: 2,
  highBefore: 1,
  highLocked: "{{highLocked}}",
  mediumArrival: 3,
  mediumCpu: "{{mediumCpu}}",
};
const PARAMS = { lowLocked: { range: [3, 6] }, highLocked: { range: [1, 3] }, mediumCpu: { range: [3, 12] } };

export const PRIORITY_INVERSION_TEMPLATES: readonly QuestionTemplate[] = [
  {
    slug: "priority-inversion-response-time",
    title: "Unbounded priority inversion, and inheritance",
    type: "concept",
    topic: "real-time",
    tags: ["priority-inversion", "priority-inheritance", "mutex", "rt"],
    difficulty: 4,
    prompt: SCENARIO,
    generator: {
      params: PARAMS,
      parts: [
        {
          kind: "number",
          id: "none",
          label: "H's response time (finish − arrival) with a plain mutex",
          unit: "ms",
          answer: { model: "inversion-response", args: { protocol: "none", ...ARGS } },
        },
        {
          kind: "number",
          id: "inherit",
          label: "H's response time with a priority-inheritance mutex (PTHREAD_PRIO_INHERIT)",
          unit: "ms",
          answer: { model: "inversion-response", args: { protocol: "inherit", ...ARGS } },
        },
      ],
    },
    grading: grading(),
    hints: ["Draw the timeline. When H blocks on m at t = 3, who is runnable, and at which priorities?"],
    explanation: [
      "1. t = 0–1 L computes; at t = 1 it locks m. At t = 2 H preempts L, computes 1 ms, and at t = 3 blocks on m, held by L.",
      "2. **Plain mutex:** at t = 3 M (medium) and L (low) are runnable; M wins and runs all its work while H waits. H's wait grows with M's length, and with any number of medium tasks: that is **unbounded priority inversion**. Only after M is done does L finish its critical section and unlock; then H runs. Here H waits for M's {{mediumCpu}} ms and then the {{lowLocked}} − 1 ms left of L's critical section before its own {{highLocked}} ms holding m and its last 1 ms.",
      "3. **Priority inheritance:** while H waits on m, L runs at H's priority, so M cannot preempt it. L finishes its critical section (the {{lowLocked}} − 1 ms it has left), unlocks (dropping back to low), and H runs at once. H's wait is bounded by the critical section, not by M (Sha, Rajkumar & Lehoczky 1990; Linux PI futexes and rt-mutexes, `Documentation/locking/rt-mutex.rst`).",
      "",
      "The engine draws the same timeline; compare the three protocols in the lesson's widget.",
    ].join("\n"),
  },
  {
    slug: "priority-ceiling-protocol",
    title: "The priority ceiling: who runs when?",
    type: "concept",
    topic: "real-time",
    tags: ["priority-inversion", "priority-ceiling", "prio-protect", "rt"],
    difficulty: 4,
    prompt: `${SCENARIO}\n\nThis time m is a priority-ceiling mutex (\`PTHREAD_PRIO_PROTECT\`) whose ceiling is H's priority: whoever locks it runs at that priority until it unlocks.`,
    generator: {
      params: PARAMS,
      parts: [
        {
          kind: "number",
          id: "ceiling",
          label: "H's response time with the ceiling mutex",
          unit: "ms",
          answer: { model: "inversion-response", args: { protocol: "ceiling", ...ARGS } },
        },
        {
          kind: "number",
          id: "m-finish",
          label: "When does M finish (time since t = 0) with the ceiling mutex?",
          unit: "ms",
          answer: { model: "inversion-finish-m", args: { protocol: "ceiling", ...ARGS } },
        },
        {
          kind: "choice",
          id: "difference",
          label: "How does the ceiling differ from inheritance here?",
          options: [
            {
              label:
                "L is boosted as soon as it locks, so H cannot even preempt L's critical section; with inheritance H runs first and then blocks",
              correct: true,
            },
            { label: "The ceiling lets M preempt L; inheritance does not" },
            { label: "There is no difference in any schedule" },
            { label: "The ceiling makes H wait for M" },
          ],
        },
      ],
    },
    grading: grading(),
    hints: [
      "With an immediate ceiling, L runs at H's priority from t = 1, and equal priorities do not preempt each other.",
    ],
    explanation: [
      "1. With the (immediate) **priority ceiling** protocol, locking m raises L to the ceiling (H's priority) at t = 1. When H arrives at t = 2 it does not preempt: equal priority, and L is running.",
      "2. L finishes its critical section, unlocks and drops back; H then runs its 1 ms, takes m (free), and finishes. M, medium, runs after H.",
      "3. H's total wait is at most one critical section, the same bound as inheritance, and blocking happens *before* H starts rather than in the middle; with several mutexes the ceiling protocol also prevents deadlock, which inheritance does not (Sha, Rajkumar & Lehoczky 1990). POSIX exposes it as `PTHREAD_PRIO_PROTECT` with `pthread_mutexattr_setprioceiling()`; the cost is that every lock of m boosts its holder, even when no high-priority task is waiting.",
    ].join("\n"),
  },
  {
    slug: "mars-pathfinder-inversion",
    title: "What really happened on Mars",
    type: "concept",
    topic: "real-time",
    tags: ["priority-inversion", "mars-pathfinder", "history", "vxworks"],
    difficulty: 2,
    prompt: "In July 1997, days after landing, NASA's Mars Pathfinder began resetting its computer.",
    generator: {
      pool: poolOfParts([
        {
          kind: "choice",
          id: "cause",
          label: "What caused the resets?",
          options: [
            {
              label:
                "A high-priority bus-management task waited on a mutex held by a low-priority meteorological task while medium-priority tasks ran; a watchdog saw the bus task miss its deadline and reset the system",
              correct: true,
            },
            { label: "Cosmic rays flipped bits in the scheduler" },
            { label: "A deadlock between two mutexes" },
            { label: "The CPU overheated" },
          ],
        },
        {
          kind: "choice",
          id: "fix",
          label: "How was it fixed?",
          options: [
            {
              label:
                "Engineers reproduced it on a replica and uploaded a change that turned on priority inheritance for that mutex (a VxWorks option)",
              correct: true,
            },
            { label: "By rebooting the lander every day" },
            { label: "By removing the meteorological task" },
            { label: "It could not be fixed remotely" },
          ],
        },
        {
          kind: "choice",
          id: "linux",
          label: "How do you get the same protection for a pthread mutex on Linux?",
          options: [
            {
              label: "pthread_mutexattr_setprotocol(&attr, PTHREAD_PRIO_INHERIT), backed by the kernel's PI futexes",
              correct: true,
            },
            { label: "Nothing: every Linux mutex inherits priority by default" },
            { label: "Run all threads at the same priority with nice" },
            { label: "Use SCHED_RR instead of SCHED_FIFO" },
          ],
        },
        {
          kind: "choice",
          id: "ceiling",
          label: "Which other protocol would also have prevented this inversion?",
          options: [
            {
              label:
                "Priority ceiling: a task holding the mutex runs at the highest priority of any task that may lock it",
              correct: true,
            },
            { label: "Giving the meteorological task a lower priority still" },
            { label: "Making the mutex a spinlock" },
            { label: "Round-robin among all priorities" },
          ],
        },
        {
          kind: "choice",
          id: "unbounded",
          label: "Why is this called unbounded priority inversion?",
          options: [
            {
              label:
                "The high-priority task waits not just for the low task's short critical section but for as long as medium-priority tasks keep the low task off the CPU",
              correct: true,
            },
            { label: "The high-priority task's priority is lowered without limit" },
            { label: "The mutex can be held by any number of tasks" },
            { label: "The watchdog has no time limit" },
          ],
        },
      ]),
    },
    grading: grading(),
    hints: ["Three tasks, three priorities, one mutex."],
    explanation: [
      '1. Pathfinder ran VxWorks with preemptive priorities. The high-priority information-bus task and a low-priority meteorological data task shared a mutex; medium-priority communication tasks preempted the low task while it held the mutex, so the bus task missed its deadline and a watchdog reset the computer (Glenn Reeves, JPL, "What really happened on Mars?", 1997).',
      "2. JPL reproduced it on a ground replica with tracing on, and fixed it by uploading a small change that enabled the mutex's priority-inheritance option.",
      "3. On Linux, pthread mutexes do **not** inherit by default; ask for `PTHREAD_PRIO_INHERIT` (`pthread_mutexattr_setprotocol(3p)`), which glibc implements with PI futexes (Linux 2.6.18+; `Documentation/locking/pi-futex.rst`).",
      "",
      "A high task waiting for a low one's short critical section is expected (bounded inversion); it becomes unbounded when medium tasks preempt the low holder. Priority inheritance (raise the holder to the waiter's priority) and priority ceiling (run the holder at the highest priority of any possible locker, `PTHREAD_PRIO_PROTECT`) both bound it.",
    ].join("\n"),
  },
];
