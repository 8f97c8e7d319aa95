// Lesson "Thread per request": server capacity under the capacity model (Little's law, CPU, memory and
// kernel thread limits) and the facts behind "how many threads can this server run".
import type { QuestionTemplate } from "@/lib/engine";
import { grading, poolOfParts } from "./common";

const WORKLOAD_PROMPT =
  "Requests arrive at {{arrivalRate}} req/s; each needs {{cpuMs}} ms of CPU and then waits {{ioMs}} ms for I/O. The machine has {{cores}} cores and {{ramMiB}} MiB of RAM.";

export const THREAD_PER_REQUEST: readonly QuestionTemplate[] = [
  {
    slug: "pool-vs-event-loop-saturation",
    title: "Thread pool or event loop: which saturates first?",
    type: "capacity",
    topic: "thread-per-request",
    tags: ["capacity", "thread-pool", "event-loop", "littles-law"],
    difficulty: 3,
    prompt: `${WORKLOAD_PROMPT} Which server saturates first, and at what request rate does the thread pool saturate? (Within 5% is accepted.)`,
    generator: {
      workload: {
        arrivalRate: { range: [200, 2000] },
        cpuMs: { choice: [1, 2, 4] },
        ioMs: { choice: [20, 50, 100, 200] },
      },
      machine: { cores: { choice: [2, 4, 8] }, ramMiB: 8192 },
      servers: [
        { kind: "thread-per-request", name: "Thread pool (100 threads)", poolSize: 100 },
        { kind: "event-loop", name: "Node.js event loop (network I/O)" },
      ],
      ask: ["saturatesFirst", { what: "saturationRps", server: 0 }],
    },
    grading: grading({ relativeTolerance: 0.05 }),
    hints: [
      "Little's law: a pool of N threads each held for (cpu + io) seconds serves at most N / (cpu + io) requests per second.",
      "The event loop runs all JavaScript on one core: at most 1000 / cpu req/s.",
    ],
    explanation: [
      "Compute every bound and take the smallest:",
      "",
      "1. **Pool (slots)**: each request holds a thread for S_cpu + S_io, so by Little's law X ≤ N / (S_cpu + S_io). E.g. 100 threads, 2 + 50 ms → 100 / 0.052 ≈ **1923 req/s**.",
      "2. **Pool (CPU)**: X ≤ cores / S_cpu (4 cores, 2 ms → 2000 req/s).",
      "3. **Event loop**: network I/O waits cost no thread, but all callbacks run on one thread: X ≤ 1 / S_cpu (2 ms → 500 req/s).",
      "4. The server with the smaller maximum saturates first. Long I/O favours the event loop; CPU-heavy requests on many cores favour threads.",
      "",
      "S_cpu includes the two context switches per request stated in the conventions, so the figures are slightly below these rounded hand values.",
    ].join("\n"),
  },
  {
    slug: "thread-per-request-memory",
    title: "Memory of one thread per request",
    type: "capacity",
    topic: "thread-per-request",
    tags: ["capacity", "memory", "rss", "stack"],
    difficulty: 3,
    prompt: `${WORKLOAD_PROMPT} The server creates one thread per request (no pool). How much memory does it use at this load, and at what rate does it saturate? (Within 5% is accepted.)`,
    generator: {
      workload: {
        arrivalRate: { range: [500, 5000] },
        cpuMs: { choice: [0.5, 1, 2] },
        ioMs: { choice: [100, 200, 500] },
      },
      machine: { cores: { choice: [4, 8, 16] }, ramMiB: { choice: [4096, 16384] } },
      servers: [{ kind: "thread-per-request", name: "One thread per request" }],
      ask: [
        { what: "memoryMiB", server: 0 },
        { what: "saturationRps", server: 0 },
      ],
    },
    grading: grading({ relativeTolerance: 0.05 }),
    hints: [
      "Little's law gives the number of threads alive at once: L = λ × (S_cpu + S_io).",
      "Count resident memory per thread (its touched stack pages plus kernel structures, both in the conventions), not the 8 MiB of virtual stack.",
    ],
    explanation: [
      "1. Threads alive at once (Little's law): L = λ × (S_cpu + S_io), where S_cpu includes the two switches of the conventions. E.g. 2000 req/s × (1 ms + 8 µs + 200 ms) ≈ **402 threads**.",
      "2. Each costs its **resident** memory: 8.4 KiB of touched stack (measured for an idle thread on Linux 6.18) plus 26 KiB in the kernel (16 KiB kernel stack, task_struct and friends) = **34.4 KiB**. 402 threads × 34.4 KiB ≈ **13.5 MiB**. The 8 MiB glibc stack is **virtual** — 10,000 idle threads used 78 GiB VmSize but only 82 MiB RSS.",
      "3. Saturation is the smallest of: CPU (cores / S_cpu), memory (RAM / 34.4 KiB / holding time) and the kernel's thread limits divided by the holding time: pid_max (32768, the kernel's built-in default; systemd ≥ 243 raises it to 4194304), vm.max_map_count / 2 (65530 / 2 = 32765 threads per process at the kernel default) and threads-max (RAM / 128 KiB).",
      "",
      "With long I/O waits the thread limits bind long before the CPU does: 32,765 threads / 0.5 s ≈ 65,500 req/s at most, whatever the core count. On a systemd machine a service usually meets its TasksMax first (15% of the smallest of pid_max, threads-max and the root cgroup's pids.max).",
    ].join("\n"),
  },
  {
    slug: "goroutines-vs-os-threads",
    title: "Goroutines vs a thread pool",
    type: "capacity",
    topic: "thread-per-request",
    tags: ["capacity", "goroutines", "netpoller", "thread-pool"],
    difficulty: 4,
    prompt: `${WORKLOAD_PROMPT} Which server saturates first, and at what rate does the Go server saturate? (Within 5% is accepted.)`,
    generator: {
      workload: {
        arrivalRate: { range: [1000, 20000] },
        cpuMs: { choice: [0.5, 1, 2] },
        ioMs: { choice: [50, 100, 300] },
      },
      machine: { cores: { choice: [4, 8, 16] }, ramMiB: 16384 },
      servers: [
        { kind: "thread-per-request", name: "Java thread pool (200)", poolSize: 200 },
        { kind: "goroutines", name: "Go, one goroutine per request (network I/O)", ioKind: "network" },
      ],
      ask: ["saturatesFirst", { what: "saturationRps", server: 1 }],
    },
    grading: grading({ relativeTolerance: 0.05 }),
    hints: [
      "A goroutine waiting on the network is parked in the netpoller: it holds 2 KiB of stack, not an OS thread.",
    ],
    explanation: [
      "1. **Pool**: 200 threads / (S_cpu + S_io). With 100 ms of I/O that is under 2,000 req/s, however many cores there are.",
      "2. **Go**: network waits park the goroutine in the netpoller, so no OS thread is held; the CPU bound is min(cores, GOMAXPROCS) / S_cpu, and memory is 2 KiB of stack per waiting goroutine (Go ≥ 1.4) — tiny.",
      "3. So the pool saturates first whenever 200 / (S_cpu + S_io) < cores / S_cpu, i.e. almost always with long I/O.",
      "",
      "If the Go server did **blocking syscalls** instead (e.g. file I/O or cgo), each would hold an OS thread, capped at 10,000 by default (`debug.SetMaxThreads`) — then it fails like thread-per-request.",
    ].join("\n"),
  },
  {
    slug: "virtual-threads-pinning",
    title: "Virtual threads with and without pinning",
    type: "capacity",
    topic: "thread-per-request",
    tags: ["capacity", "virtual-threads", "pinning", "jdk21"],
    difficulty: 5,
    prompt: `${WORKLOAD_PROMPT} Two Java 21 servers use virtual threads; in the second, half of the I/O waits happen inside \`synchronized\`, which pins the carrier. Which saturates first, and at what rate does the pinned one saturate? (Within 5% is accepted.)`,
    generator: {
      workload: { arrivalRate: { range: [500, 10000] }, cpuMs: { choice: [1, 2] }, ioMs: { choice: [20, 50, 100] } },
      machine: { cores: { choice: [4, 8] }, ramMiB: 16384 },
      servers: [
        { kind: "virtual-threads", name: "Virtual threads (no pinning)", pinnedFraction: 0 },
        { kind: "virtual-threads", name: "Virtual threads (50% of waits pinned)", pinnedFraction: 0.5 },
      ],
      ask: ["saturatesFirst", { what: "saturationRps", server: 1 }],
    },
    grading: grading({ relativeTolerance: 0.05 }),
    hints: [
      "A pinned virtual thread holds its carrier for the pinned part of the wait; there are only as many carriers as cores.",
    ],
    explanation: [
      "1. Without pinning, a blocked virtual thread **unmounts**; carriers (one per core by default) are held only for CPU work: X ≤ carriers / S_cpu.",
      "2. With pinning fraction p, a request holds a carrier for S_cpu + p × S_io, so X ≤ carriers / (S_cpu + p·S_io). 8 carriers, 2 ms CPU, 50% of 100 ms pinned → 8 / 0.052 ≈ **154 req/s**, versus 4000 req/s unpinned.",
      "3. The pinned server saturates first — the reason JEP 491 (JDK 24) stopped `synchronized` from pinning.",
      "",
      "Source: JEP 444 (virtual threads, JDK 21), JEP 491 (JDK 24: synchronized no longer pins).",
    ].join("\n"),
  },
  {
    slug: "node-fs-on-thread-pool",
    title: "Node with file I/O: the 4-thread pool",
    type: "capacity",
    topic: "thread-per-request",
    tags: ["capacity", "node", "libuv", "thread-pool"],
    difficulty: 4,
    prompt: `${WORKLOAD_PROMPT} Two Node.js servers: one waits on network sockets, the other makes one file-system call per request (such as \`fs.stat\` or one \`fs.read\`: a single request to the libuv pool, UV_THREADPOOL_SIZE unset, that holds a pool thread for the whole I/O wait). Which saturates first, and at what rate does the file-system one saturate? (Within 5% is accepted.)`,
    generator: {
      workload: { arrivalRate: { range: [100, 3000] }, cpuMs: { choice: [0.5, 1, 2] }, ioMs: { choice: [5, 10, 20] } },
      machine: { cores: { choice: [2, 4, 8] }, ramMiB: 4096 },
      servers: [
        { kind: "event-loop", name: "Node (network I/O)" },
        { kind: "event-loop", name: "Node (fs on the thread pool)", ioOnThreadPool: true },
      ],
      ask: ["saturatesFirst", { what: "saturationRps", server: 1 }],
    },
    grading: grading({ relativeTolerance: 0.05 }),
    hints: ["Each file-system call occupies one of the 4 pool threads for the whole I/O time."],
    explanation: [
      "1. Both servers run JavaScript on one thread: X ≤ 1 / S_cpu.",
      "2. Network I/O uses epoll on the loop thread and holds nothing while waiting. File-system calls (and `dns.lookup`, async crypto, zlib) run on the **libuv pool, 4 threads by default**, so X ≤ 4 / S_io as well. (`fs.readFile` is several pool requests, one per chunk, which interleave; this question uses one request per call.)",
      "3. With 10 ms file reads: 4 / 0.010 = **400 req/s**, however fast the CPU is — raise `UV_THREADPOOL_SIZE` (max 1024) or the fs server saturates first.",
      "",
      "Source: Node.js docs, *Don't block the event loop (or the worker pool)*; libuv docs, *Thread pool work scheduling*.",
    ].join("\n"),
  },
  {
    slug: "how-many-threads-can-a-server-run",
    title: "How many threads can this server run — and what breaks first?",
    type: "concept",
    topic: "thread-per-request",
    tags: ["threads", "pid_max", "max_map_count", "limits", "classic", "interview", "trivia"],
    difficulty: 4,
    prompt:
      "A C server on 64-bit Linux (glibc, 16 GiB RAM) creates one pthread per connection with the default stack size, which glibc takes from `ulimit -s`: 8 MiB. The sysctls are at the kernel's built-in defaults (no systemd or distribution overrides). Connections keep arriving.",
    generator: {
      pool: poolOfParts([
        {
          kind: "choice",
          id: "myth",
          label: 'Is the limit "16 GiB / 8 MiB = 2048 threads"?',
          options: [
            { label: "No: the 8 MiB stack is virtual; only touched pages count toward RAM", correct: true },
            { label: "Yes: each thread reserves 8 MiB of RAM" },
            { label: "Yes, but swap doubles it" },
            { label: "No: stacks are allocated on the heap" },
          ],
        },
        {
          kind: "number",
          id: "pid-max",
          label: "The kernel's built-in default pid_max on a machine with at most 32 CPUs (every thread needs a pid)",
          answer: 32768,
          unit: "count",
        },
        {
          kind: "number",
          id: "map-count",
          label: "The kernel's default vm.max_map_count (each thread's stack + guard page costs 2 mappings)",
          answer: 65530,
          unit: "count",
        },
        {
          kind: "choice",
          id: "first",
          label: "Long before those limits, what usually breaks first for thread-per-request under load?",
          options: [
            {
              label:
                "Latency: memory actually touched, scheduler and cache pressure, and blocking pile up (the C10k problem)",
              correct: true,
            },
            { label: "The CPU's register file runs out" },
            { label: "The kernel refuses more than 1024 threads per process" },
            { label: "The TLB overflows and the machine reboots" },
          ],
        },
        {
          kind: "choice",
          id: "systemd",
          label: "Suppose instead the server runs as a systemd service. Which limit does it usually hit first?",
          options: [
            {
              label:
                "TasksMax of the service (DefaultTasksMax: 15% of the smallest of pid_max, threads-max and the root cgroup's pids.max)",
              correct: true,
            },
            { label: "A fixed limit of 1024 threads per process" },
            { label: "The number of CPUs × 256" },
            { label: "RLIMIT_STACK" },
          ],
        },
      ]),
    },
    grading: grading(),
    hints: ["Measured: 10,000 idle threads = 78 GiB VmSize but only 82 MiB RSS."],
    explanation: [
      '1. glibc\'s 8 MiB default stack is **virtual address space**; RAM is used only for touched pages. 10,000 idle threads measured 78 GiB VmSize but **82 MiB RSS** (Linux 6.18). So 2048 is wrong, and so is the folklore "~10k threads". (Other runtimes pick other sizes: HotSpot Java threads default to 1 MiB, musl to 128 KiB.)',
      "2. The hard limits: **pid_max** (32768 is the kernel's built-in default, 1024 × CPUs above 32 CPUs; systemd ≥ 243 raises it to 4194304 — every thread has a tid), **vm.max_map_count** (kernel default 65530, some distributions raise it, e.g. Fedora 39 to 1048576; 2 mappings per thread → ~32k threads per process), **threads-max** (set at boot so thread structures take at most 1/8 of RAM) and **ulimit -u**. Under systemd a service usually hits its **TasksMax** first (15% of the smallest of pid_max, threads-max and the root cgroup's pids.max). Hitting a limit makes `pthread_create` fail with EAGAIN (in Java: `OutOfMemoryError: unable to create native thread`).",
      "3. Before that, thousands of runnable threads mean memory actually touched per thread, scheduler and cache pressure, and lock contention: latency climbs. That, not a thread count, is Kegel's C10k problem (1999), answered by event loops, goroutines and virtual threads.",
      "",
      "Under systemd, a service's `TasksMax` (default `DefaultTasksMax` = 15% of the smallest of pid_max, threads-max and the root cgroup's pids.max; systemd ≥ 243 also raises pid_max to 4194304) is usually the first wall — state which default a number assumes.",
    ].join("\n"),
  },
  {
    slug: "littles-law-threads-needed",
    title: "Little's law: how many threads are busy?",
    type: "concept",
    topic: "thread-per-request",
    tags: ["littles-law", "thread-pool", "sizing"],
    difficulty: 2,
    prompt:
      "A service receives **{{rate}} req/s**; each request holds its thread for **{{holdMs}} ms** (mostly waiting on a database).",
    generator: {
      params: { rate: { choice: [50, 120, 200, 350, 500, 800] }, holdMs: 1000 },
      parts: [
        {
          kind: "number",
          id: "busy",
          label: "On average, how many threads are busy at once?",
          answer: "{{rate}}",
          unit: "count",
          hint: "Little's law: L = λ × W",
        },
        {
          kind: "choice",
          id: "pool",
          label: "The pool has exactly that many threads. What happens at peak?",
          options: [
            {
              label:
                "Requests queue: random arrivals exceed the average, so a pool sized at the mean has no headroom and latency grows",
              correct: true,
            },
            { label: "Nothing: the pool is exactly big enough" },
            { label: "Extra requests are served by the kernel" },
            { label: "The CPU speeds up to compensate" },
          ],
        },
      ],
    },
    grading: grading(),
    hints: ["Convert ms to seconds before multiplying."],
    explanation: [
      "1. Little's law: **L = λ × W** — the average number in the system equals arrival rate × time each spends there.",
      "2. λ req/s × 1 s = **λ** threads busy on average (e.g. 500 req/s × 1 s = 500). With a 100 ms hold it would be λ / 10 — convert ms to seconds first.",
      "   Here: λ = {{rate}} req/s and W = {{holdMs}} ms, so L = {{rate}} × {{holdMs}} / 1000 threads.",
      "3. With random (Poisson) arrivals the number in service fluctuates around that mean; a pool sized exactly at L is 100% utilised and the queue (and latency) grows without bound — size for utilisation well below 1 (queueing theory, M/M/c).",
    ].join("\n"),
  },
  {
    slug: "littles-law-pool-size",
    title: "Little's law: busy threads and a pool with headroom",
    type: "concept",
    topic: "thread-per-request",
    tags: ["littles-law", "thread-pool", "sizing", "computed"],
    difficulty: 2,
    prompt:
      "A service receives **{{rate}} req/s**; each request holds its thread for **{{holdMs}} ms** (mostly waiting on a database).",
    generator: {
      params: { rate: { choice: [100, 200, 400, 500, 800] }, holdMs: { choice: [20, 50, 120, 250] } },
      parts: [
        // Computed answers (issue #24): the key is the expression evaluated on the drawn parameters.
        {
          kind: "number",
          id: "busy",
          label: "On average, how many threads are busy at once?",
          answer: "{{rate}} * {{holdMs}} / 1000",
          unit: "count",
          hint: "Little's law: L = λ × W",
        },
        {
          kind: "number",
          id: "pool",
          label: "How many threads must the pool have so that, on average, at most 80% of them are busy? (Round up.)",
          answer: "ceil({{rate}} * {{holdMs}} * 5 / 4000)",
          unit: "count",
        },
      ],
    },
    grading: grading(),
    hints: [
      "Convert ms to seconds before multiplying.",
      "Busy threads ÷ pool size is the utilisation; solve for the pool size.",
    ],
    explanation: [
      "1. Little's law: **L = λ × W** — the average number of requests in service equals the arrival rate times the time each one holds its thread.",
      "2. Convert W to seconds: for example 400 req/s × 0.05 s = **20** threads busy on average.",
      "3. With a pool of N threads the average utilisation is L / N. For at most 80% busy, N ≥ L / 0.8, rounded up: 20 / 0.8 = **25** threads.",
      "4. The headroom matters because arrivals are random: a pool sized exactly at L is 100% utilised, and then the queue and the latency grow without bound (queueing theory, M/M/c).",
    ].join("\n"),
  },
];
