// Explain and trade-off prompts for mock interviews: answered in free text, then self-assessed against
// the key points an interviewer listens for. The model answer and key points are the "answer key": the
// server sends them only after the candidate has submitted their text. Facts follow
// /work/shared/notes/domain.md (e.g. a PCID machine keeps TLB entries across process switches).

import type { MockKeyPoint, MockPromptKind, MockPromptView } from "./mock-prompt-types";

export { MAX_EXPLAIN_CHARS, type MockKeyPoint, type MockPromptKind, type MockPromptView } from "./mock-prompt-types";

export interface MockPromptSpec {
  id: string;
  kind: MockPromptKind;
  topic: string;
  prompt: string;
  modelAnswer: string;
  keyPoints: readonly MockKeyPoint[];
}

export const MOCK_PROMPTS: readonly MockPromptSpec[] = [
  {
    id: "thread-vs-process-switch-pcid",
    kind: "explain",
    topic: "context-switch",
    prompt:
      'An interviewer says: "a thread switch is cheaper than a process switch because the process switch flushes the TLB." Is that right on a current x86-64 Linux machine with PCID? Explain what a switch between two threads of one process skips, and when a process switch really does cost more.',
    modelAnswer:
      "Only partly. A switch between threads of one process skips switch_mm: the address space stays, CR3 is not reloaded for a new mm. But on a PCID machine (Linux uses PCID since 4.14) a process switch does not flush the TLB either: a recently-run process keeps its tagged TLB entries. So with tiny working sets a process switch and a thread switch cost about the same (a few microseconds including the syscalls). The difference is mostly indirect: with large working sets the other process's cache lines and TLB entries have to be refilled after the switch. Without PCID, a CR3 write did flush the non-global TLB entries, which is where the classic answer comes from; with KPTI every kernel entry and exit writes CR3 anyway, for threads and processes alike.",
    keyPoints: [
      { id: "skip-switch-mm", text: "A thread switch within one process skips switch_mm (same address space)" },
      {
        id: "pcid-no-flush",
        text: "With PCID the TLB is not flushed on a process switch; a recently-run process keeps its entries",
      },
      { id: "same-cost-small", text: "With small working sets the two switches cost about the same" },
      { id: "indirect-cost", text: "The real difference is indirect: cache and TLB refill with large working sets" },
      { id: "classic-answer", text: "The flush story is the classic answer for machines without PCID" },
    ],
  },
  {
    id: "event-loop-or-thread-pool",
    kind: "trade-off",
    topic: "thread-per-request",
    prompt:
      "A service holds 20,000 mostly idle WebSocket connections and, per message, does a little parsing plus one call to a database. Would you build it on an event loop or on a thread per connection (or a bounded thread pool)? Justify the choice and say what would change your mind.",
    modelAnswer:
      "An event loop (epoll-based, e.g. Node.js or an async runtime) fits: the work is I/O-bound and the connections are mostly idle, so one thread multiplexing readiness events serves them with little memory per connection, and the database call is asynchronous I/O too. Thread-per-connection would work at 20,000 threads only after checking the limits (pid_max, vm.max_map_count, TasksMax) and memory actually touched by stacks; idle threads cost kernel structures and scheduler work, and the C10k framing is exactly this problem. The event loop's risk is blocking it: any CPU-heavy step (big JSON, crypto, compression) stalls every connection, so that work goes to a worker pool (in Node, libuv's pool of 4 threads by default, UV_THREADPOOL_SIZE, serves fs, dns.lookup, crypto, zlib — not sockets). CPU-bound per-request work, blocking libraries with no async API, or a team more at home with synchronous code would push towards a bounded thread pool (or virtual threads).",
    keyPoints: [
      {
        id: "io-bound-idle",
        text: "The workload is I/O-bound with mostly idle connections, which favours an event loop",
      },
      { id: "dont-block", text: "Never block the loop: CPU-heavy or blocking work goes to a worker pool" },
      {
        id: "thread-costs",
        text: "Thread-per-connection costs: memory touched, scheduler pressure and thread limits (C10k)",
      },
      {
        id: "libuv-pool",
        text: "Node's libuv pool (4 threads by default) serves fs, dns.lookup, crypto, zlib — not sockets",
      },
      { id: "change-mind", text: "Names what would change the choice (CPU-bound work, blocking libraries)" },
    ],
  },
  {
    id: "design-batch-interactive-scheduler",
    kind: "design",
    topic: "scheduling-basics",
    prompt:
      "Design a CPU scheduler for one machine that runs interactive editors alongside long CPU-bound batch jobs. Users must not feel lag, and batch jobs must not starve. Describe the policy and how it tells the two kinds apart.",
    modelAnswer:
      "A multi-level feedback queue (MLFQ) is the textbook design: new jobs start at the top priority; a job that uses up its whole time slice at a level moves down (it looks CPU-bound), a job that gives up the CPU before its allotment stays high (it looks interactive), with the allotment counted over time so a job cannot game it by yielding just before the slice ends. Higher levels get short slices for response time, lower levels longer ones for throughput. To prevent starvation, periodically boost every job to the top (priority boost). The trade-offs: the boost period (too long starves, too short lets batch jobs crowd interactive ones) and the slice lengths. A proportional-share alternative (Linux's fair class: CFS, and EEVDF since 6.6) gives each task CPU in proportion to its weight and naturally favours tasks that sleep, without explicit levels.",
    keyPoints: [
      {
        id: "learn-from-behaviour",
        text: "Infers interactive vs CPU-bound from behaviour (used its slice or gave up the CPU)",
      },
      {
        id: "levels-slices",
        text: "Short slices at high priority for response time, longer at low priority for throughput",
      },
      { id: "anti-starvation", text: "Periodic priority boost (or aging) so batch jobs do not starve" },
      { id: "anti-gaming", text: "Accounts CPU time over the allotment so a job cannot game it by yielding early" },
      {
        id: "fair-alternative",
        text: "Mentions a proportional-share alternative (Linux fair class: CFS, EEVDF since 6.6)",
      },
    ],
  },
  {
    id: "fork-copy-cost",
    kind: "explain",
    topic: "creating-processes",
    prompt:
      "A process with 2 GiB of resident memory calls fork(). Why does fork() return in milliseconds rather than copying 2 GiB, and what does it actually duplicate?",
    modelAnswer:
      'fork uses copy-on-write: parent and child share the physical pages, and private writable pages are write-protected in both, so a page is copied only when one of them writes to it. fork duplicates the kernel bookkeeping: task_struct, mm_struct and every VMA, the file-descriptor table (the open file descriptions are shared) and the signal handlers. It copies page-table entries only where needed (anonymous, hugetlb and PFN-mapped areas); "fork copies the page table" is the classic simplification. Its cost therefore grows with the size of the mappings (page tables and VMAs), not with the bytes of data, and the child pays page faults later if it writes. If the child will exec immediately, posix_spawn or vfork avoids even that work.',
    keyPoints: [
      { id: "cow", text: "Copy-on-write: pages are shared and write-protected, copied on the first write" },
      { id: "what-copied", text: "Duplicates task_struct, mm_struct, VMAs, the fd table and signal handlers" },
      { id: "page-tables", text: "Page-table entries are copied only where needed; cost grows with the mappings" },
      { id: "later-faults", text: "Writes after fork cause page faults and copies later" },
      { id: "spawn", text: "For fork-then-exec, posix_spawn or vfork avoids the work" },
    ],
  },
  {
    id: "priority-inversion-explain",
    kind: "explain",
    topic: "real-time",
    prompt:
      "A high-priority real-time thread misses deadlines even though it is the highest-priority thread on the machine. Traces show it waiting on a mutex held by a low-priority thread while a medium-priority thread runs. Explain what is happening and how you would fix it.",
    modelAnswer:
      "This is priority inversion: the high-priority thread blocks on a mutex held by the low-priority thread, and the medium-priority thread, which needs no lock, preempts the low-priority holder, so the high-priority thread waits for an unbounded time (the Mars Pathfinder bug). The fix is priority inheritance: while the low-priority thread holds a lock that a higher-priority thread waits for, it runs at that waiter's priority, so the medium thread cannot preempt it and the wait is bounded by the critical section. On Linux: a pthread mutex with PTHREAD_PRIO_INHERIT (PI futexes). Alternatives are the priority-ceiling protocol (PTHREAD_PRIO_PROTECT), or keeping critical sections short and not sharing locks across priority levels.",
    keyPoints: [
      { id: "name", text: "Names it: priority inversion (the medium thread preempts the lock holder)" },
      { id: "unbounded", text: "The high-priority thread's wait becomes unbounded, not just one critical section" },
      { id: "inheritance", text: "Fix: priority inheritance (the holder runs at the waiter's priority)" },
      { id: "linux-api", text: "Linux: PTHREAD_PRIO_INHERIT mutexes (PI futexes) or priority ceiling" },
    ],
  },
  {
    id: "eevdf-vs-cfs",
    kind: "explain",
    topic: "linux-fair-scheduler",
    prompt:
      'Someone tells you "Linux schedules normal tasks with CFS: it always runs the task with the smallest vruntime." How would you correct or refine that for a current kernel?',
    modelAnswer:
      "That was true from 2.6.23 to 6.5. Since Linux 6.6 the fair class is EEVDF (Earliest Eligible Virtual Deadline First). It keeps the nice weights and vruntime, but among the eligible tasks (lag ≥ 0, i.e. vruntime at or below the weighted average V) it picks the one with the earliest virtual deadline, the deadline being the vruntime plus the requested slice scaled by the weight. CFS's latency and granularity knobs are gone; one base_slice remains; there is no sleeper bonus, and since 6.12 a task may request a shorter slice with sched_setattr to get lower latency without getting more CPU. The long-run share is still weight / total weight.",
    keyPoints: [
      { id: "eevdf-66", text: "Since Linux 6.6 the fair class is EEVDF, not CFS" },
      { id: "eligible-deadline", text: "Picks the eligible task (lag ≥ 0) with the earliest virtual deadline" },
      { id: "weights-same", text: "Same nice weights and vruntime; long-run share is still w / Σw" },
      { id: "knobs", text: "CFS's latency knobs are gone (one base_slice); shorter slices can be requested" },
    ],
  },
  {
    id: "goroutines-vs-threads",
    kind: "trade-off",
    topic: "user-space-scheduling",
    prompt:
      "Why can a Go program run a million goroutines when a million OS threads would be trouble? What does the M:N model cost in exchange?",
    modelAnswer:
      "Goroutines are user-space threads multiplexed M:N onto a few OS threads by the Go runtime. Each starts with a small growable stack (2 KB since Go 1.4, sized from the historic average since 1.19) instead of an OS thread's large virtual stack and kernel task, and switching between goroutines happens in user space without a system call. A million OS threads would run into pid_max, vm.max_map_count and memory for kernel structures and touched stacks. The costs: the runtime must avoid blocking its OS threads (the netpoller turns socket I/O into readiness events, and a goroutine blocked in a system call holds its thread, so the runtime adds threads, capped at 10,000 by default); scheduling is the runtime's, not the kernel's, so OS tools see only the carrier threads; and stack growth costs a copy.",
    keyPoints: [
      { id: "m-n", text: "M:N: goroutines are multiplexed by the runtime onto a few OS threads" },
      {
        id: "small-stacks",
        text: "Small growable stacks (2 KB start since Go 1.4) vs large thread stacks and kernel tasks",
      },
      { id: "user-switch", text: "Switching goroutines needs no system call" },
      {
        id: "blocking-cost",
        text: "Blocking system calls hold an OS thread; the runtime must add threads (10,000 cap by default)",
      },
    ],
  },
  {
    id: "zombie-processes",
    kind: "explain",
    topic: "creating-processes",
    prompt:
      "A long-running server forks a child per job and never calls wait(). After a few days fork() starts failing. Explain why, and two ways to fix it.",
    modelAnswer:
      "Each child that exits becomes a zombie until its parent reaps it with wait()/waitpid(): its memory is freed, but the process entry and its pid stay so the parent can read the exit status. Zombies accumulate and each holds a pid; pids are limited (pid_max, and under systemd the service's TasksMax first), so eventually fork() fails with EAGAIN. Fixes: reap children, e.g. a SIGCHLD handler that loops waitpid(-1, &status, WNOHANG) until it returns 0 (signals do not queue, so one SIGCHLD may stand for several exits); or set SIGCHLD to SIG_IGN (or SA_NOCLDWAIT), which makes the kernel reap children automatically; or double-fork so that init/a subreaper adopts and reaps the grandchild.",
    keyPoints: [
      { id: "zombie", text: "Exited, unreaped children are zombies that keep their pid and exit status" },
      { id: "pid-limit", text: "Pids are limited (pid_max / TasksMax), so fork() fails with EAGAIN" },
      { id: "reap-loop", text: "Reap in a SIGCHLD handler with a waitpid(WNOHANG) loop (signals do not queue)" },
      { id: "sig-ign", text: "Or SIGCHLD = SIG_IGN / SA_NOCLDWAIT, or double-fork so init reaps" },
    ],
  },
];

export function mockPromptById(id: string): MockPromptSpec | undefined {
  return MOCK_PROMPTS.find((p) => p.id === id);
}

/** The session's prompt, from its seed alone, so a session can be replayed. */
export function pickMockPrompt(seed: number): MockPromptSpec {
  const i = ((seed % MOCK_PROMPTS.length) + MOCK_PROMPTS.length) % MOCK_PROMPTS.length;
  return MOCK_PROMPTS[i]!;
}

export function mockPromptView(p: MockPromptSpec): MockPromptView {
  return { id: p.id, kind: p.kind, topic: p.topic, prompt: p.prompt };
}

/** Keeps only ticks that name one of the prompt's key points, each once, in the rubric's order. */
export function normaliseCovered(p: MockPromptSpec, covered: readonly string[]): string[] {
  const wanted = new Set(covered);
  return p.keyPoints.filter((k) => wanted.has(k.id)).map((k) => k.id);
}
