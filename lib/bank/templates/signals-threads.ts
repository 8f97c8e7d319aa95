// Signals and threads (issue #15, new topic): process- versus thread-directed signals, dispositions
// shared by all threads, pthread_sigmask/sigwait, async-signal safety, and fork() in a threaded process.
import type { QuestionTemplate } from "@/lib/engine";
import { grading, poolOfParts } from "./common";

export const SIGNALS_THREADS_TEMPLATES: readonly QuestionTemplate[] = [
  {
    slug: "process-directed-signal-which-thread",
    title: "kill(pid, SIGUSR1): which thread gets it?",
    type: "concept",
    topic: "processes-threads",
    tags: ["signals", "threads", "pthread_sigmask"],
    difficulty: 3,
    prompt:
      "A process has **{{threads}}** threads and a handler installed for SIGUSR1. **{{blocking}}** of the threads block SIGUSR1 with `pthread_sigmask`; the others leave it unblocked. Another process runs `kill(pid, SIGUSR1)`.",
    generator: {
      params: { threads: { range: [3, 12] }, blocking: { range: [1, 2] } },
      parts: [
        {
          kind: "number",
          id: "eligible",
          label: "How many threads can the kernel choose to run the handler?",
          unit: "count",
          answer: { model: "signal-eligible-threads", args: { threads: "{{threads}}", blocking: "{{blocking}}" } },
        },
        {
          kind: "choice",
          id: "directed",
          label: "How would you make sure one particular thread gets it?",
          options: [
            {
              label:
                "Send a thread-directed signal with pthread_kill() (or tgkill), or block it everywhere except that thread",
              correct: true,
            },
            { label: "Install the handler from that thread: handlers are per thread" },
            { label: "Nothing is needed: the main thread always receives process-directed signals" },
            { label: "Use kill() with the thread's TID as a negative number" },
          ],
        },
      ],
    },
    grading: grading(),
    hints: ["A process-directed signal goes to one thread that does not block it; the handler table is shared."],
    explanation: [
      '1. `kill()` sends a **process-directed** signal: it is pending for the whole process and "delivered to an arbitrarily selected thread" among those that do not block it (`signal(7)`). Here every thread that does not block SIGUSR1 qualifies: threads − blocking, {{threads}} − {{blocking}}.',
      "2. Dispositions (handlers, SIG_IGN, the default action) are **process-wide**: installing a handler in one thread installs it for all. The *signal mask* is per thread (`pthread_sigmask(3)`).",
      "3. `pthread_kill()`/`tgkill()` send a **thread-directed** signal, as do synchronous faults (SIGSEGV, SIGFPE from the faulting instruction).",
      "4. The robust pattern in a threaded program: block the asynchronous signals in the main thread before creating the others (masks are inherited), and have one thread loop on `sigwait()`/`sigwaitinfo()`/`signalfd()`, handling signals as ordinary code with no async-signal-safety limits (`sigwait(3)`).",
    ].join("\n"),
  },
  {
    slug: "fork-in-a-threaded-process",
    title: "fork() in a multithreaded process",
    type: "concept",
    topic: "processes-threads",
    tags: ["fork", "threads", "async-signal-safe", "deadlock"],
    difficulty: 3,
    prompt:
      "A process runs **{{threads}}** threads. While another thread holds a mutex that protects `malloc`'s arena, one thread calls `fork()`.",
    generator: {
      params: { threads: { range: [2, 16] } },
      parts: [
        {
          kind: "number",
          id: "child-threads",
          label: "How many threads does the child process start with?",
          unit: "count",
          answer: 1,
        },
        {
          kind: "choice",
          id: "risk",
          label: "What can go wrong in the child before it calls exec?",
          options: [
            {
              label:
                "A mutex held by a thread that does not exist in the child stays locked forever, so malloc or printf can deadlock",
              correct: true,
            },
            { label: "The child's copies of the other threads race with the parent's threads" },
            { label: "Nothing: fork() waits until every mutex is free" },
            { label: "The child gets a fresh heap, so malloc is always safe" },
          ],
        },
        {
          kind: "choice",
          id: "rule",
          label: "What does POSIX allow the child to do until it calls exec?",
          options: [
            { label: "Only async-signal-safe functions (write, dup2, execve, _exit, …)", correct: true },
            { label: "Anything a single-threaded program may do" },
            { label: "Only functions that take no locks in its own code" },
            { label: "Nothing at all: it must call exec on its first instruction" },
          ],
        },
      ],
    },
    grading: grading(),
    hints: ["fork() copies the whole address space but only the calling thread."],
    explanation: [
      "1. The child is created with a **single thread**, a replica of the one that called `fork()` (the other {{threads}} − 1 threads do not exist in it); the whole address space is copied, including every mutex in whatever state it was (`fork(2)`, Notes).",
      "2. A mutex locked by another thread at that instant is locked in the child too, and the thread that would unlock it does not exist there: the first `malloc` or `printf` that needs it deadlocks.",
      "3. POSIX therefore allows the child of a multithreaded process to call only **async-signal-safe** functions until it calls one of the exec functions (`fork(2)`; POSIX.1-2008 `fork()` rationale; the list is in `signal-safety(7)`). `pthread_atfork()` handlers can reset locks your own code knows about, not the ones inside libraries you call.",
      "",
      "The usual fix is not to fork from threaded code at all: use `posix_spawn()`, which does the fork-and-exec in one call (lesson 2).",
    ].join("\n"),
  },
  {
    slug: "signal-handler-safety",
    title: "What may a signal handler call, and what does SIGSEGV kill?",
    type: "concept",
    topic: "processes-threads",
    tags: ["signals", "async-signal-safe", "threads", "sigsegv"],
    difficulty: 2,
    prompt: "A multithreaded server installs handlers for SIGTERM and SIGCHLD.",
    generator: {
      pool: poolOfParts([
        {
          kind: "choice",
          id: "safe",
          label: "Which of these may the SIGTERM handler call safely? (select all)",
          multiple: true,
          options: [
            { label: "write()", correct: true },
            { label: "_exit()", correct: true },
            { label: "kill()", correct: true },
            { label: "printf()" },
            { label: "malloc()" },
            { label: "pthread_mutex_lock()" },
          ],
        },
        {
          kind: "choice",
          id: "segv",
          label: "One worker thread dereferences a NULL pointer and SIGSEGV has no handler. What terminates?",
          options: [
            { label: "The whole process: every thread", correct: true },
            { label: "Only the faulting thread; the others continue" },
            { label: "Only the main thread" },
            { label: "Nothing: the kernel skips the instruction" },
          ],
        },
        {
          kind: "choice",
          id: "which-thread",
          label:
            "SIGTERM is sent to the process with kill() (not to one thread), and no thread blocks it. Which thread runs the handler?",
          options: [
            { label: "One thread that does not block it, chosen by the kernel", correct: true },
            { label: "Every thread, once each" },
            { label: "Always the main thread" },
            { label: "The thread that installed the handler" },
          ],
        },
        {
          kind: "choice",
          id: "sigwait",
          label:
            "Which design lets the server handle SIGTERM with ordinary code (locks, printf) instead of async-signal-safe calls only?",
          options: [
            {
              label:
                "Block SIGTERM in every thread and let one dedicated thread receive it with sigwait() or a signalfd",
              correct: true,
            },
            { label: "Take a mutex at the start of the handler" },
            { label: "Call the handler's work through longjmp()" },
            { label: "Install the handler with SA_RESTART" },
          ],
        },
        {
          kind: "choice",
          id: "flag-type",
          label: "The handler only sets a flag that the main loop polls. What type should the flag have in C?",
          options: [
            { label: "volatile sig_atomic_t", correct: true },
            { label: "A plain int: the handler runs on its own stack" },
            { label: "A double, so the write is one instruction" },
            { label: "A pointer protected by a pthread mutex" },
          ],
        },
      ]),
    },
    grading: grading(),
    hints: ["A handler can interrupt code that holds a lock; only functions that are safe to re-enter may be called."],
    explanation: [
      "1. A handler runs in the middle of whatever the thread was doing, possibly inside `malloc` or `printf` with their locks held. Only **async-signal-safe** functions may be called: `write`, `_exit`, `kill` and the others listed in `signal-safety(7)`; `printf`, `malloc` and `pthread_mutex_lock` are not on the list. The usual pattern is to set a `volatile sig_atomic_t` flag, or write a byte to a pipe, and do the work outside.",
      '2. SIGSEGV from a bad pointer is raised in the faulting thread, but its default action (terminate with a core dump) applies to the process: "signal dispositions are process-wide … if an unhandled signal is delivered to a thread, then it will affect all members of the thread group" (`signal(7)`). Every thread dies.',
      "",
      "Isolation against crashes needs separate processes, not threads (lesson 1).",
      "",
      "A signal sent to the process is delivered to one thread that does not block it (the kernel picks). The usual way out of the async-signal-safety rules is to block the signal everywhere and receive it synchronously in one thread with `sigwait`/`signalfd`; a handler that must exist should only set a `volatile sig_atomic_t` flag (the type the C standard guarantees for that).",
    ].join("\n"),
  },
];
