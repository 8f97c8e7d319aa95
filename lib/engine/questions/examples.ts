// Example templates, one or two per type: fixtures for the tests and worked documentation of each
// generator spec (docs/questions.md walks through them).
import { TEMPLATE_DEFAULT_GRADING } from "./grading";
import type { QuestionTemplate } from "./types";

const grading = (over: Partial<QuestionTemplate["grading"]> = {}): QuestionTemplate["grading"] => ({
  ...TEMPLATE_DEFAULT_GRADING,
  ...over,
});

export const EXAMPLE_TEMPLATES: QuestionTemplate[] = [
  {
    slug: "rr-timeline-basic",
    title: "Round robin timeline",
    type: "schedule",
    topic: "scheduling-basics",
    tags: ["rr", "timeline"],
    difficulty: 2,
    prompt:
      "The {{tasks}} jobs below are scheduled by round robin with a {{quantum}} ms quantum. Paint the timeline, one slot per {{slotMs}} ms.",
    generator: { policy: { name: "rr", quantum: 2 }, tasks: [3, 4], cpuBurst: [1, 6], arrivalSpread: 6, slotMs: 1 },
    grading: grading(),
    hints: ["A job that uses its whole quantum goes to the back of the ready queue."],
    explanation: "Walk the ready queue: at each quantum expiry the running job goes to the tail.",
  },
  {
    slug: "stcf-fixed-timeline",
    title: "STCF with a late short job",
    type: "schedule",
    topic: "scheduling-basics",
    tags: ["stcf", "preemption"],
    difficulty: 2,
    prompt: "Paint the {{policy}} schedule of these jobs.",
    generator: {
      policy: "stcf",
      tasks: [
        { id: "A", arrival: 0, bursts: [5] },
        { id: "B", arrival: 2, bursts: [2] },
        { id: "C", arrival: 3, bursts: [4] },
      ],
    },
    grading: grading({ scheduleScoring: "segment-lcs" }),
    hints: ["STCF compares remaining times whenever a job arrives."],
    explanation: "B arrives at t=2 with 2 ms while A has 3 ms left, so B preempts A.",
  },
  {
    slug: "eevdf-with-realtime-task",
    title: "A SCHED_RR task among fair tasks",
    type: "schedule",
    topic: "real-time",
    tags: ["eevdf", "sched_rr", "ticks"],
    difficulty: 4,
    prompt: "One task is SCHED_RR, the others are normal (EEVDF, HZ=250). Paint who runs in each {{slotMs}} ms tick.",
    generator: {
      policy: { name: "eevdf", hz: 250 },
      tasks: [3, 3],
      cpuBurst: [1, 4],
      arrivalSpread: 3,
      timeUnitMs: 4,
      classes: ["other", "rr"],
      nice: [0, 5],
      slotMs: 4,
      maxSlots: 40,
    },
    grading: grading({ scheduleScoring: "segment-lcs" }),
    hints: [
      "Real-time tasks always run before fair tasks; among fair tasks EEVDF picks the eligible task with the earliest virtual deadline.",
    ],
    explanation:
      "The SCHED_RR task runs as soon as it is runnable; between its bursts the fair tasks share the CPU by virtual deadline, one tick at a time.",
  },
  {
    slug: "fifo-sjf-metrics-ecf",
    title: "SJF: timeline and turnaround",
    type: "metrics",
    topic: "scheduling-basics",
    tags: ["sjf", "turnaround", "ecf"],
    difficulty: 2,
    prompt:
      "Schedule these jobs with non-preemptive SJF, then give the average turnaround time and the response time of each job.",
    generator: {
      policy: "sjf",
      tasks: [3, 3],
      cpuBurst: [1, 5],
      arrivalSpread: 4,
      timeline: true,
      ask: [
        { metric: "turnaround", task: "average" },
        { metric: "response", task: "each" },
      ],
    },
    grading: grading(),
    hints: ["Turnaround = completion − arrival."],
    explanation: "Compute each completion time from the timeline, subtract the arrival, and average.",
  },
  {
    slug: "cfs-shares-nice",
    title: "CPU shares under nice values",
    type: "metrics",
    topic: "linux-fair-scheduler",
    tags: ["cfs", "nice", "vruntime"],
    difficulty: 3,
    prompt:
      "Two CPU-bound tasks run under CFS (HZ=250). What share of the CPU does each get over the first 200 ms, and how much vruntime does A gain?",
    generator: {
      policy: { name: "cfs", hz: 250 },
      tasks: [
        { id: "A", arrival: 0, bursts: [1], repeat: true, nice: 0 },
        { id: "B", arrival: 0, bursts: [1], repeat: true, nice: 5 },
      ],
      horizon: 200,
      ask: [
        { metric: "cpuShare", task: "each", windowMs: 200 },
        { metric: "vruntimeGain", task: "A", windowMs: 200 },
      ],
    },
    grading: grading({ absoluteTolerance: 2 }),
    hints: ["Weights: nice 0 = 1024, nice 5 = 335."],
    explanation: "Long-run share = w / Σw: 1024 / 1359 ≈ 75% and 335 / 1359 ≈ 25%.",
  },
  {
    slug: "context-switch-overhead",
    title: "Thread and process switch overhead",
    type: "switch-cost",
    topic: "context-switch",
    tags: ["context-switch", "pcid", "quantum"],
    difficulty: 3,
    prompt:
      "These tasks run under round robin with a {{quantum}} ms quantum. A thread switch costs {{threadUs}} µs and a process switch {{processUs}} µs.",
    generator: {
      policy: { name: "rr", quantum: 2 },
      tasks: [3, 4],
      cpuBurst: [2, 8],
      processes: 2,
      switchCost: { threadUs: 3.5, processUs: 4.3, idleUs: 3.5 },
      ask: ["threadSwitches", "processSwitches", "totalOverheadUs", { what: "switchesWithQuantum", quantum: 1 }],
    },
    grading: grading({ absoluteTolerance: 0.01 }),
    hints: ["Count each change of the running task, then price it by whether the address space changes."],
    explanation: "Threads of one process share an address space, so a switch between them skips the CR3 change.",
  },
  {
    slug: "fork-twice-order",
    title: "Two forks and a wait",
    type: "process",
    topic: "creating-processes",
    tags: ["fork", "wait", "output-order"],
    difficulty: 3,
    prompt:
      "How many processes does this program create, how many lines does it print, and in what order can they appear?",
    generator: {
      programs: [
        '#include <stdio.h>\n#include <unistd.h>\n#include <sys/wait.h>\nint main(void) {\n  printf("start\\n");\n  fflush(stdout);\n  if (fork() == 0) {\n    printf("child\\n");\n    return 0;\n  }\n  wait(NULL);\n  printf("parent\\n");\n  fork();\n  printf("end\\n");\n  return 0;\n}\n',
        '#include <stdio.h>\n#include <unistd.h>\n#include <sys/wait.h>\nint main(void) {\n  printf("a\\n");\n  fflush(stdout);\n  pid_t p = fork();\n  if (p == 0) {\n    printf("b\\n");\n  } else {\n    printf("c\\n");\n    wait(NULL);\n    printf("d\\n");\n  }\n  return 0;\n}\n',
      ],
      output: "tty",
      ask: ["processes", "lines", "order"],
    },
    grading: grading(),
    hints: ["wait() blocks the parent until its child has exited."],
    explanation:
      "Draw the process tree; lines of one process keep program order, and wait() orders a parent after its child.",
  },
  {
    slug: "stdio-buffer-lost-on-exit",
    title: "What survives _exit()?",
    type: "process",
    topic: "creating-processes",
    tags: ["stdio", "buffering", "_exit"],
    difficulty: 4,
    prompt: "The output of this program goes to a pipe. Which lines appear?",
    generator: {
      program:
        '#include <stdio.h>\n#include <unistd.h>\n#include <stdlib.h>\nint main(void) {\n  printf("kept\\n");\n  fflush(stdout);\n  printf("buffered\\n");\n  if (fork() == 0) {\n    printf("child\\n");\n    _exit(0);\n  }\n  printf("parent\\n");\n  return 0;\n}\n',
      output: "pipe",
      ask: ["appears"],
    },
    grading: grading(),
    hints: ["_exit() skips the stdio flush that exit() performs."],
    explanation:
      "The child's copy of the stdio buffer is thrown away by _exit(); the parent's copy is flushed when main returns.",
  },
  {
    slug: "thread-crash-isolation",
    title: "A segfault in one thread",
    type: "process",
    topic: "processes-threads",
    tags: ["threads", "crash", "isolation"],
    difficulty: 2,
    prompt: "One thread of process web dereferences a null pointer. Which lines appear in every run?",
    generator: {
      scenario: {
        processes: [
          {
            name: "web",
            threads: [
              { name: "main", steps: [{ print: "web: serving" }, { join: "worker" }, { print: "web: done" }] },
              { name: "worker", steps: [{ fault: "SIGSEGV" }] },
            ],
          },
          { name: "db", threads: [{ name: "main", steps: [{ print: "db: ready" }, { print: "db: done" }] }] },
        ],
      },
      ask: ["always", "never"],
    },
    grading: grading(),
    hints: ["The kernel delivers the fault to the whole process."],
    explanation:
      "SIGSEGV kills every thread of web; db is another process with its own address space and is unaffected.",
  },
  {
    slug: "eventloop-classic",
    title: "Timers, promises and nextTick",
    type: "eventloop",
    topic: "user-space-scheduling",
    tags: ["node", "event-loop", "microtasks"],
    difficulty: 3,
    prompt: "In what order does Node.js print these lines?",
    generator: {
      programs: [
        "console.log('script start');\nsetTimeout(() => console.log('timeout'), 0);\nPromise.resolve().then(() => console.log('promise1')).then(() => console.log('promise2'));\nprocess.nextTick(() => console.log('nextTick'));\nconsole.log('script end');\n",
        "setTimeout(() => console.log('timeout'), 0);\nsetImmediate(() => console.log('immediate'));\nprocess.nextTick(() => console.log('tick'));\nconsole.log('sync');\n",
      ],
    },
    grading: grading(),
    hints: [
      "In a CommonJS script: synchronous code first, then nextTick, then promise microtasks, then the event-loop phases.",
    ],
    explanation:
      "In a CommonJS script the nextTick queue drains before promise microtasks; timers and immediates wait for the event loop.",
  },
  {
    slug: "capacity-threads-vs-eventloop",
    title: "Which server saturates first?",
    type: "capacity",
    topic: "thread-per-request",
    tags: ["capacity", "thread-pool", "event-loop"],
    difficulty: 4,
    prompt:
      "Requests arrive at {{arrivalRate}} req/s; each needs {{cpuMs}} ms of CPU and waits {{ioMs}} ms on the network. The machine has {{cores}} cores.",
    generator: {
      workload: { arrivalRate: { range: [200, 2000] }, cpuMs: { choice: [1, 2, 5] }, ioMs: { choice: [50, 100, 200] } },
      machine: { cores: { choice: [2, 4, 8] }, ramMiB: 4096 },
      servers: [
        { kind: "thread-per-request", name: "Thread pool (200 threads)", poolSize: 200 },
        { kind: "event-loop", name: "Node.js event loop" },
      ],
      ask: ["saturatesFirst", { what: "saturationRps", server: 0 }],
    },
    grading: grading({ relativeTolerance: 0.05 }),
    hints: ["A pool of N threads each busy for cpu + io ms can serve at most N / (cpu + io) requests per second."],
    explanation:
      "The pool saturates at poolSize / (cpu + io); the event loop at one core's worth of CPU: 1000 / cpu req/s.",
  },
  {
    slug: "concept-cfs-default",
    title: "Linux's fair scheduler today",
    type: "concept",
    topic: "linux-fair-scheduler",
    tags: ["eevdf", "cfs"],
    difficulty: 1,
    prompt: "Answer both parts.",
    generator: {
      parts: [
        {
          kind: "choice",
          id: "default",
          label: "Which algorithm does the fair class use since Linux 6.6?",
          options: [
            { label: "EEVDF", correct: true },
            { label: "CFS" },
            { label: "O(1) scheduler" },
            { label: "MLFQ" },
          ],
        },
        {
          kind: "number",
          id: "weight",
          label: "What is the load weight of a nice {{nice}} task?",
          answer: "{{weight}}",
          unit: "count",
        },
      ],
      params: { nice: 0, weight: 1024 },
    },
    grading: grading(),
    hints: ["CFS was the default from 2.6.23 to 6.5."],
    explanation: "EEVDF replaced CFS in Linux 6.6 (October 2023); nice 0 has weight 1024.",
  },
];
