// Containers and CPU limits (issue #15, new topic): cgroup v2 cpu.max bandwidth control and why a
// multithreaded service under a Kubernetes CPU limit stalls for the rest of a period, cpu.weight, and
// pids.max. Latencies come from the engine's bandwidth model (lib/engine/models/cpu-quota.ts).
import type { QuestionTemplate } from "@/lib/engine";
import { CPU_QUOTA_CONVENTIONS } from "@/lib/engine/models";
import { grading } from "./common";

const QUOTA_NOTE = `Model: ${CPU_QUOTA_CONVENTIONS.join(" ")}`;

export const CGROUP_CPU_TEMPLATES: readonly QuestionTemplate[] = [
  {
    slug: "cpu-max-burst-latency",
    title: "A burst under a CPU limit: how long does it take?",
    type: "concept",
    topic: "linux-fair-scheduler",
    tags: ["cgroup", "cpu.max", "kubernetes", "throttling", "containers"],
    difficulty: 4,
    prompt: [
      "A container's cgroup has `cpu.max` = **{{quota}} ms of CPU per 100 ms period** (a Kubernetes CPU limit of {{quota}}0m sets `cpu.max` = `{{quota}}000 100000`). The node has 8 idle CPUs.",
      "A request arrives at the start of a period and needs **{{work}} ms of CPU**, split evenly over **{{threads}}** threads.",
      "",
      QUOTA_NOTE,
    ].join("\n"),
    generator: {
      params: {
        quota: { choice: [50, 100, 200] },
        work: { choice: [60, 120, 200, 300] },
        threads: { choice: [1, 2, 4, 8] },
      },
      parts: [
        {
          kind: "number",
          id: "latency",
          label: "Time from arrival to completion",
          unit: "ms",
          answer: {
            model: "cpu-quota-latency",
            args: { quota: "{{quota}}", period: 100, work: "{{work}}", threads: "{{threads}}", cpus: 8, offset: 0 },
          },
        },
        {
          kind: "number",
          id: "throttled",
          label: "Of that, time spent throttled",
          unit: "ms",
          answer: {
            model: "cpu-quota-throttled",
            args: { quota: "{{quota}}", period: 100, work: "{{work}}", threads: "{{threads}}", cpus: 8, offset: 0 },
          },
        },
        {
          kind: "number",
          id: "unlimited",
          label: "Time to completion with no limit (cpu.max = max 100000)",
          unit: "ms",
          answer: {
            model: "cpu-quota-latency",
            args: { quota: 0, period: 100, work: "{{work}}", threads: "{{threads}}", cpus: 8, offset: 0 },
          },
        },
      ],
    },
    grading: grading({ relativeTolerance: 0.01 }),
    hints: [
      "The quota is shared by all threads: n threads use it up n times as fast, then the whole group waits for the next period.",
    ],
    explanation: [
      "1. `cpu.max` = `quota period` lets the cgroup use `quota` of CPU time per `period`, **summed over all its threads and CPUs** (`Documentation/admin-guide/cgroup-v2.rst`, CPU controller; the mechanism is CFS bandwidth control, `Documentation/scheduler/sched-bwc.rst`). A Kubernetes CPU limit L (in cores) becomes a quota of L × 100 ms per 100 ms period.",
      "2. n threads running in parallel consume the quota n times as fast as wall-clock time. When it is gone, every thread of the group is **throttled** until the period ends, then the quota is refilled.",
      "3. Walk the periods: in each, the group runs for quota / n ms of wall time (at most the whole period, and only until the work is done), then waits out the period. The latency is the end of the last running stretch. Here: min({{quota}} / {{threads}}, 100) ms of wall time per period, until the {{work}} ms of CPU work is done.",
      '4. Without a limit the burst takes work / n ms. A limit that looks generous on average ("we only use 0.3 cores") can still add most of a period to every burst that uses several threads at once: watch `nr_throttled` and `throttled_usec` in the cgroup\'s `cpu.stat`.',
      "",
      "The engine's model ignores the 5 ms slices the kernel hands out per CPU and `cpu.max.burst` (Linux 5.14+), which lets a group bank unused quota.",
    ].join("\n"),
  },
  {
    slug: "cpu-max-arrival-mid-period",
    title: "A single-threaded request under cpu.max",
    type: "concept",
    topic: "linux-fair-scheduler",
    tags: ["cgroup", "cpu.max", "throttling", "latency"],
    difficulty: 3,
    prompt: [
      "A single-threaded service runs in a cgroup with `cpu.max` = `{{quota}}000 100000` ({{quota}} ms per 100 ms). A request arrives **{{offset}} ms after a period boundary** (the group used no CPU earlier in that period) and needs **{{work}} ms** of CPU.",
      "",
      QUOTA_NOTE,
    ].join("\n"),
    generator: {
      params: {
        quota: { choice: [20, 25, 40, 50] },
        offset: { choice: [0, 30, 60, 90] },
        work: { choice: [15, 35, 70, 110] },
      },
      parts: [
        {
          kind: "number",
          id: "latency",
          label: "Time from arrival to completion",
          unit: "ms",
          answer: {
            model: "cpu-quota-latency",
            args: { quota: "{{quota}}", period: 100, work: "{{work}}", threads: 1, cpus: 4, offset: "{{offset}}" },
          },
        },
        {
          kind: "number",
          id: "throttled",
          label: "Of that, time spent throttled",
          unit: "ms",
          answer: {
            model: "cpu-quota-throttled",
            args: { quota: "{{quota}}", period: 100, work: "{{work}}", threads: 1, cpus: 4, offset: "{{offset}}" },
          },
        },
      ],
    },
    grading: grading({ relativeTolerance: 0.01 }),
    hints: [
      "A period boundary refills the quota even if it was not used up; an arrival late in a period may finish in the next one without being throttled.",
    ],
    explanation: [
      "1. The quota is refilled at every period boundary, whether or not it was used (`sched-bwc.rst`).",
      "2. From the arrival, the thread runs until the work is done, the quota is used up (then it is throttled until the boundary), or the boundary comes first (then it simply continues with a fresh quota).",
      "3. Repeat period by period. With one thread, the group uses at most one CPU, so a quota of 100 ms per 100 ms or more never throttles it.",
      "4. Here the request arrives {{offset}} ms into a period with {{quota}} ms of quota in it, and needs {{work}} ms of CPU.",
      "",
      "Real kernels add the 5 ms slice granularity and tick-based enforcement, so measured throttling is a little coarser than this model.",
    ].join("\n"),
  },
  {
    slug: "cpu-weight-and-pids-max",
    title: "cpu.weight shares and pids.max",
    type: "concept",
    topic: "linux-fair-scheduler",
    tags: ["cgroup", "cpu.weight", "pids.max", "containers"],
    difficulty: 2,
    prompt:
      "Two sibling cgroups are both CPU-bound on the same CPUs: **A** has `cpu.weight` = {{weight}}, **B** has `cpu.weight` = {{other}} (the default is 100). Neither has a `cpu.max` limit.",
    generator: {
      params: { weight: { choice: [50, 100, 200, 300, 400] }, other: { choice: [100, 200] } },
      parts: [
        {
          kind: "number",
          id: "share",
          label: "A's long-run share of the contended CPU time",
          unit: "percent",
          hint: "two decimals",
          answer: { model: "cpu-weight-percent", args: { weight: "{{weight}}", others: "{{other}}" } },
        },
        {
          kind: "choice",
          id: "idle",
          label: "B goes idle. What can A use now?",
          options: [
            { label: "All the CPU it can: weights only divide contended time", correct: true },
            { label: "Still only its weighted share" },
            { label: "Its share plus 5%" },
            { label: "Nothing until B wakes up" },
          ],
        },
        {
          kind: "choice",
          id: "pids",
          label:
            "A's pids.max is 100 and its processes already have 100 tasks (threads included). What does the next pthread_create() in A get?",
          options: [
            { label: "It fails with EAGAIN", correct: true },
            { label: "It blocks until a task exits" },
            { label: "It succeeds; pids.max counts processes, not threads" },
            { label: "The kernel kills the oldest task" },
          ],
        },
      ],
    },
    grading: grading({ absoluteTolerance: 0.05 }),
    hints: ["Weights divide the CPU among busy siblings in proportion; a limit (cpu.max) is something else."],
    explanation: [
      '1. `cpu.weight` (1–10000, default 100) shares CPU **among sibling cgroups in proportion to their weights, when they compete**: A gets weight / (weight + other), here {{weight}} / ({{weight}} + {{other}}) (`cgroup-v2.rst`, "Weights"). Inside each group its tasks share by their nice weights.',
      "2. Weights are work-conserving: an idle sibling's share is handed to the busy ones. Only `cpu.max` caps a group that could run.",
      "3. `pids.max` limits the number of tasks (processes and threads) in the cgroup; `fork()`/`clone()` beyond it fails with **EAGAIN** (`cgroup-v2.rst`, PID controller). Under systemd this is a unit's `TasksMax=`; Docker's `--pids-limit` sets it for a container.",
    ].join("\n"),
  },
];
