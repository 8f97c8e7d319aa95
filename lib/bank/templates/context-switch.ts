// Lesson "Context switches": what a switch costs directly (thread vs process, measured figures with
// PCID), indirectly (cache/TLB refill), and how the quantum trades overhead for responsiveness.
import type { QuestionTemplate } from "@/lib/engine";
import { grading, poolOfParts } from "./common";

export const CONTEXT_SWITCH: readonly QuestionTemplate[] = [
  {
    slug: "thread-vs-process-switch-count",
    title: "Thread switches vs process switches",
    type: "switch-cost",
    topic: "context-switch",
    tags: ["context-switch", "threads", "processes", "rr"],
    difficulty: 2,
    prompt:
      "These tasks (threads; tasks with the same Process value belong to one process) run under round robin with a {{quantum}} ms quantum. A thread switch costs {{threadUs}} µs, a process switch {{processUs}} µs. Count each kind of switch and give the total overhead.",
    generator: {
      policy: [
        { name: "rr", quantum: 2 },
        { name: "rr", quantum: 3 },
      ],
      tasks: [3, 4],
      cpuBurst: [2, 8],
      processes: 2,
      switchCost: { threadUs: 3.5, processUs: 4.3, idleUs: 3.5 },
      ask: ["threadSwitches", "processSwitches", "totalOverheadUs"],
      invariants: [{ check: "switchKinds", kinds: ["thread", "process"] }],
    },
    grading: grading({ absoluteTolerance: 0.01 }),
    hints: [
      "Write down the sequence of runs, then label each change: same process → thread switch, different process → process switch.",
    ],
    explanation: [
      "1. Write the RR run sequence, e.g. A B C A B C A …; the first dispatch is free.",
      "2. Each change from one task to a different task is a switch. If both tasks are threads of the **same process**, the address space (CR3) stays: a **thread switch**. Otherwise it is a **process switch**.",
      "3. A switch to or from the idle CPU is priced separately (its cost is in the conventions).",
      "4. Total overhead = thread switches × thread cost + process switches × process cost (+ idle switches × idle cost).",
      "",
      "Figures: 4.3 µs is Sigoure's classic process switch (Xeon 5150, Linux 2.6.28). On one Linux 6.18 VM with PCID (AMD Zen 3) both kinds measured 3.5–4.5 µs including two system calls, so the gap in this model is small on purpose.",
    ].join("\n"),
  },
  {
    slug: "quantum-vs-switch-overhead",
    title: "Halving the quantum: how many more switches?",
    type: "switch-cost",
    topic: "context-switch",
    tags: ["quantum", "overhead", "rr"],
    difficulty: 3,
    prompt:
      "Round robin with a {{quantum}} ms quantum; every switch costs {{processUs}} µs (each task is its own process). Give the number of switches and the overhead now, and if the quantum were 1 ms.",
    generator: {
      policy: [
        { name: "rr", quantum: 2 },
        { name: "rr", quantum: 3 },
        { name: "rr", quantum: 4 },
      ],
      tasks: 3,
      cpuBurst: [4, 12],
      switchCost: { threadUs: 4, processUs: 4, idleUs: 4 },
      ask: [
        "switches",
        "totalOverheadUs",
        { what: "switchesWithQuantum", quantum: 1 },
        { what: "overheadWithQuantumUs", quantum: 1 },
      ],
      invariants: ["quantumExpires"],
    },
    grading: grading({ absoluteTolerance: 0.01 }),
    hints: [
      "With all jobs present, the number of runs is about Σ ceil(burst / quantum); switches = runs − 1 when the CPU never idles.",
    ],
    explanation: [
      "1. Simulate RR for the given quantum and count the runs; each run after the first starts with a switch (a job running two quanta back to back because it is alone is not a switch).",
      "2. Overhead = switches × cost per switch.",
      "3. Redo it with q = 1 ms: a job of b ms now needs b runs, so switches approach Σ b − 1.",
      "",
      "The trade-off: a smaller quantum improves response time but multiplies switches. With a 4 µs switch and a 1 ms quantum the direct overhead is 0.4%; the *indirect* cost (cold caches and TLB after each switch) is usually larger — which is why Linux's time slices are milliseconds, not microseconds (OSTEP ch. 7; Li, Ding & Shen 2007).",
    ].join("\n"),
  },
  {
    slug: "working-set-refill-cost",
    title: "Indirect cost: refilling the cache",
    type: "switch-cost",
    topic: "context-switch",
    tags: ["cache", "working-set", "indirect-cost"],
    difficulty: 4,
    prompt:
      "Round robin with a {{quantum}} ms quantum; a thread switch costs {{threadUs}} µs and a process switch {{processUs}} µs. Give the total direct overhead, then the total if every task touched a working set after each switch that must be refilled into the cache.",
    generator: {
      policy: [
        { name: "rr", quantum: 1 },
        { name: "rr", quantum: 2 },
      ],
      tasks: 3,
      cpuBurst: [2, 6],
      processes: 3,
      switchCost: { threadUs: 3.5, processUs: 4.3, idleUs: 3.5 },
      ask: ["totalOverheadUs", { what: "overheadWithWorkingSetUs", workingSetKb: 1024, refillNsPerKb: 100 }],
    },
    grading: grading({ absoluteTolerance: 0.01 }),
    hints: ["Refill per switch = working set (KiB) × refill time per KiB."],
    explanation: [
      "1. Direct cost: count switches and price them (thread vs process).",
      "2. Indirect cost: after a switch the incoming task finds its data evicted and must refill its working set: **ws × refill rate** per switch — 1024 KiB × 100 ns/KiB = **102.4 µs** (100 ns/KiB ≈ 10 GB/s refill bandwidth).",
      "3. Total = direct + switches × refill. Example: 5 process switches at 4.3 µs = 21.5 µs direct; with refill 21.5 + 5 × 102.4 = **533.5 µs** — 25× more.",
      "",
      "Even a modest working set makes the indirect cost dwarf a direct cost of a few µs (3.5–4.5 µs measured on one Linux 6.18 VM). This is the point of Li, Ding & Shen, *Quantifying the cost of context switch* (ExpCS 2007), and the same warm-up effect OSTEP's `multi.py` models.",
    ].join("\n"),
  },
  {
    slug: "textbook-switch-overhead-timeline",
    title: "Timeline with a 1 ms switch cost",
    type: "schedule",
    topic: "context-switch",
    tags: ["context-switch", "rr", "timeline", "overhead"],
    difficulty: 3,
    prompt:
      "Round robin with a {{quantum}} ms quantum, and every switch between two different jobs takes 1 ms of CPU (paint it as cs). Paint the timeline, one slot per {{slotMs}} ms.",
    generator: {
      policy: [
        { name: "rr", quantum: 2 },
        { name: "rr", quantum: 3 },
      ],
      tasks: 3,
      cpuBurst: [2, 6],
      arrivalSpread: 4,
      switchMs: 1,
      slotMs: 1,
      invariants: ["quantumExpires"],
    },
    grading: grading({ scheduleScoring: "segment-lcs" }),
    hints: [
      "The switch slot comes between two different jobs; the first dispatch and switches to or from idle are free.",
    ],
    explanation: [
      "1. Simulate RR as usual, but whenever the CPU passes from one job to a **different** job, insert 1 ms of cs first.",
      "2. The clock keeps running during the switch: arrivals during a cs slot join the queue as normal, and every later event shifts by 1 ms per switch.",
      "3. No switch is charged when a job continues after its own quantum (nobody else was ready), nor when the CPU was idle.",
      "",
      "Textbooks use a large, round cost (1 ms) so its effect is visible; real kernel switches take a few µs.",
    ].join("\n"),
  },
  {
    slug: "switch-overhead-turnaround",
    title: "What switch overhead does to turnaround",
    type: "metrics",
    topic: "context-switch",
    tags: ["context-switch", "turnaround", "overhead"],
    difficulty: 3,
    prompt:
      "Round robin with a {{quantum}} ms quantum; every switch between two different jobs costs 1 ms of CPU. Give the number of switches and the average turnaround time.",
    generator: {
      policy: [
        { name: "rr", quantum: 1 },
        { name: "rr", quantum: 2 },
        { name: "rr", quantum: 4 },
      ],
      tasks: 3,
      cpuBurst: [2, 6],
      switchMs: 1,
      ask: [{ metric: "switches" }, { metric: "turnaround", task: "average" }],
    },
    grading: grading(),
    hints: ["Every switch delays everything that follows by 1 ms."],
    explanation: [
      "1. Build the RR schedule with a 1 ms cs gap between two different jobs.",
      "2. Count the gaps: that is the number of switches.",
      "3. Each job's completion includes all gaps before it; turnaround = completion − arrival; average.",
      "",
      "Compare quanta: q = 1 ms with 1 ms switches wastes up to half the CPU; q = 4 ms wastes far less but starts jobs later. This is why the quantum must be long compared with the switch cost.",
    ].join("\n"),
  },
  {
    slug: "process-switch-still-expensive",
    title: "Why is a process switch more expensive — and is it still?",
    type: "concept",
    topic: "context-switch",
    tags: ["pcid", "tlb", "cr3", "interview", "classic"],
    difficulty: 3,
    prompt:
      'The classic interview answer: "switching processes is more expensive than switching threads because the TLB is flushed." Check it against a current x86-64 Linux machine.',
    generator: {
      pool: poolOfParts([
        {
          kind: "choice",
          id: "extra",
          label: "What does a process switch do that a switch between threads of one process does not?",
          options: [
            { label: "Load a new page-table root (CR3), i.e. change address space", correct: true },
            { label: "Save and restore the general-purpose registers" },
            { label: "Enter the kernel and run the scheduler" },
            { label: "Switch kernel stacks" },
          ],
        },
        {
          kind: "choice",
          id: "pcid",
          label: "With PCID (used by Linux since 4.14), what happens to the TLB on a process switch?",
          options: [
            {
              label:
                "Entries are tagged with an address-space id, so a recently run process keeps its entries: no full flush",
              correct: true,
            },
            { label: "The whole TLB is flushed, as on machines without PCID" },
            { label: "Only kernel entries are flushed" },
            { label: "The TLB is disabled while switching" },
          ],
        },
        {
          kind: "choice",
          id: "now",
          label:
            "Measured on one Linux 6.18 machine (a VM with PCID, small working set), how do a process switch and a thread switch compare?",
          options: [
            { label: "About the same: 3.5–4.5 µs each", correct: true },
            { label: "Process switch ≈ 10× slower" },
            { label: "Thread switch is slower" },
            { label: "Process switch ≈ 100 µs, thread switch ≈ 1 µs" },
          ],
        },
        {
          kind: "choice",
          id: "still",
          label: "When is a process switch still clearly more expensive? (choose all that apply)",
          multiple: true,
          options: [
            { label: "When the processes have large working sets, so caches and TLB must be refilled", correct: true },
            {
              label: "On CPUs or kernels without PCID, where the process switch's own CR3 write flushes the TLB",
              correct: true,
            },
            { label: "Whenever the processes have more than one thread" },
            { label: "Always, by about 1 ms" },
          ],
        },
        {
          kind: "choice",
          id: "kpti",
          label: "With KPTI (the Meltdown mitigation) on, what happens to CR3 on a system call?",
          options: [
            {
              label: "It is written on every kernel entry and exit, for threads and processes alike",
              correct: true,
            },
            { label: "It is written only on process switches" },
            { label: "It is never written: KPTI uses segment registers" },
            { label: "It is written once per timer tick" },
          ],
        },
      ]),
    },
    grading: grading(),
    hints: [
      "Separate the direct cost (entering the kernel, saving state, CR3) from the indirect cost (cold caches and TLB).",
    ],
    explanation: [
      "1. Both switches enter the kernel, save/restore registers and switch kernel stacks. Only a process switch loads a new **CR3** (page-table root).",
      "2. Classic answer: loading CR3 flushed the TLB, so the new process started with TLB misses. **With PCID** (Linux 4.14+, 6 dynamic ASIDs per CPU) TLB entries are tagged by address space, so no full flush happens and a recently-run process finds its entries still there; threads never change CR3 at all.",
      "3. Measured on one Linux 6.18 VM (AMD Zen 3, PCID, no KPTI, where an empty system call costs 282 ns): **3.5–4.5 µs** per switch including two system calls, threads ≈ processes.",
      "4. The difference reappears with **large working sets** (cache and TLB refill — the *indirect* cost, Li, Ding & Shen 2007) and **without PCID**, where the process switch's CR3 write flushes the whole TLB.",
      '5. KPTI (the Meltdown mitigation, Linux 4.15) writes CR3 on **every** kernel entry and exit — for threads and processes alike — so it makes system calls and switches dearer across the board and *narrows* the thread/process gap rather than creating it. Gregg\'s "above 800%" (2018) is system-call overhead in a microbenchmark without PCID, not a process-switch cost.',
      "",
      "So: *it used to be, mostly because of the TLB flush; today the direct costs are equal and the gap is the working set.*",
      "",
      "With KPTI the kernel and user page tables are separate, so every kernel entry and exit writes CR3 anyway — whether the switch is between threads or processes (Gregg 2018 measured 0.1–6% overhead at Netflix).",
    ].join("\n"),
  },
  {
    slug: "switch-cost-orders-of-magnitude",
    title: "Orders of magnitude: syscall, switch, goroutine",
    type: "concept",
    topic: "context-switch",
    tags: ["measured", "syscall", "goroutine", "node"],
    difficulty: 2,
    prompt:
      "Pick the right order of magnitude for each operation (figures from the course's measurements and classic papers).",
    generator: {
      pool: poolOfParts([
        {
          kind: "choice",
          id: "kernel",
          label:
            "A kernel context switch between two threads on the same CPU (one Linux 6.18 VM, measured including two system calls)",
          options: [
            { label: "3.5–4.5 µs", correct: true },
            { label: "35–45 ns" },
            { label: "350–450 µs" },
            { label: "3.5–4.5 ms" },
          ],
        },
        {
          kind: "choice",
          id: "goroutine",
          label: "A goroutine switch via a channel (Go 1.19)",
          options: [
            { label: "160–280 ns", correct: true },
            { label: "16–28 µs" },
            { label: "1.6–2.8 ms" },
            { label: "2–3 ns" },
          ],
        },
        {
          kind: "choice",
          id: "syscall",
          label: "An empty system call on bare metal",
          options: [
            { label: "~50–100 ns", correct: true },
            { label: "~5–10 µs" },
            { label: "~1 ms" },
            { label: "~1 ns" },
          ],
        },
        {
          kind: "number",
          id: "ratio",
          label: "Roughly how many goroutine switches (200 ns each) fit in one 4 µs kernel switch?",
          answer: 20,
          unit: "count",
        },
        {
          kind: "choice",
          id: "await",
          label: "A Node.js await hop (one microtask, Node 20)",
          options: [
            { label: "80–230 ns", correct: true },
            { label: "8–23 µs" },
            { label: "0.8–2.3 ms" },
            { label: "1–2 ns" },
          ],
        },
      ]),
    },
    grading: grading({ absoluteTolerance: 2 }),
    hints: ["Kernel switches are microseconds; user-space switches are hundreds of nanoseconds."],
    explanation: [
      "| operation | figure | source |",
      "|---|---|---|",
      "| kernel switch, same CPU, incl. 2 syscalls | 3.5–4.5 µs | one Linux 6.18 VM (AMD Zen 3, PCID), measured |",
      "| classic process switch | ~4.3 µs | Sigoure 2010, Xeon 5150 |",
      "| empty syscall | 50–100 ns bare metal (282 ns in a VM) | measured / Sigoure |",
      "| goroutine switch | 160–280 ns (channel) | Go 1.19, measured |",
      "| Node `await` hop | 80–230 ns | Node 20, measured |",
      "",
      "4 µs / 200 ns = **20**: user-space switching is more than an order of magnitude cheaper because it never enters the kernel or touches page tables.",
      "",
      "A Node `await` hop (microtask) measured 80–230 ns; one turn of the event loop (`setImmediate`) measured ~2 µs.",
    ].join("\n"),
  },
  {
    slug: "what-a-context-switch-saves",
    title: "What a context switch saves and restores",
    type: "concept",
    topic: "context-switch",
    tags: ["context-switch", "registers", "kernel-stack", "basics"],
    difficulty: 1,
    prompt: "A timer interrupt arrives while process A runs in user mode, and the scheduler decides to run B.",
    generator: {
      pool: poolOfParts([
        {
          kind: "choice",
          id: "saved",
          label: "Which of these are saved for A and restored for B? (choose all that apply)",
          multiple: true,
          options: [
            { label: "General-purpose registers", correct: true },
            { label: "Program counter and stack pointer", correct: true },
            { label: "The page-table root (CR3), if B is another process", correct: true },
            { label: "The entire contents of A's memory, copied to disk" },
            { label: "The CPU caches, written back and cleared" },
          ],
        },
        {
          kind: "choice",
          id: "where",
          label: "Where does the kernel keep A's saved user registers while A is not running?",
          options: [
            { label: "On A's kernel stack / in its task structure", correct: true },
            { label: "In B's address space" },
            { label: "In a file in /proc" },
            { label: "Nowhere: they are recomputed" },
          ],
        },
        {
          kind: "choice",
          id: "who",
          label: "Which code picks B and performs the switch?",
          options: [
            { label: "The kernel's scheduler, running on A's kernel stack after the interrupt", correct: true },
            { label: "B, which polls the CPU until it is free" },
            { label: "The hardware timer, without software" },
            { label: "A user-space library linked into A" },
          ],
        },
        {
          kind: "choice",
          id: "fpu",
          label: "What about A's floating-point and vector (SSE/AVX) registers?",
          options: [
            { label: "They are part of A's state and are saved (XSAVE) and restored as well", correct: true },
            { label: "They are lost: programs must not rely on them across a switch" },
            { label: "They are shared by all processes" },
            { label: "They are written to A's user stack by the compiler" },
          ],
        },
        {
          kind: "choice",
          id: "mode",
          label: "How does B get back to user mode with its own registers?",
          options: [
            {
              label:
                "The kernel returns from the interrupt (or system call) on B's kernel stack, restoring B's saved user registers",
              correct: true,
            },
            { label: "B starts again from its main()" },
            { label: "The scheduler jumps to B's last instruction in user mode directly, with A's registers" },
            { label: "The CPU reloads B's registers from its executable file" },
          ],
        },
      ]),
    },
    grading: grading(),
    hints: ["Only CPU state is switched; memory stays where it is."],
    explanation: [
      "1. The interrupt traps into the kernel, which saves A's user registers (including PC and SP) on A's **kernel stack** (OSTEP ch. 6, limited direct execution).",
      "2. `switch_to` saves A's kernel registers in its task structure, loads B's, switches to B's kernel stack and — if B is another process — loads B's page-table root (CR3).",
      "3. Returning from the trap restores B's user registers and B continues where it was interrupted.",
      "",
      "Memory is not copied anywhere, and caches are not cleared; they simply go cold as B touches different data — the indirect cost.",
      "",
      "The switch is done by the kernel's scheduler on the outgoing task's kernel stack: it saves A's state (including the FPU/vector registers, with XSAVE, lazily or eagerly depending on the kernel), switches stacks and, for another process, the address space, then returns to user mode along B's own kernel stack, which restores B's saved registers (OSTEP ch. 6).",
    ].join("\n"),
  },
];
