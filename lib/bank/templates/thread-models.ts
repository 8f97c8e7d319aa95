// Kernel threads versus user threads, historically (issue #15, new topic): green threads in JDK 1.1,
// LinuxThreads → NPTL, 1:1 versus M:N, and the Python GIL with the free-threaded build of 3.13.
import type { QuestionTemplate } from "@/lib/engine";
import { grading, poolOfParts } from "./common";

export const THREAD_MODELS_TEMPLATES: readonly QuestionTemplate[] = [
  {
    slug: "python-gil-speedup",
    title: "Python threads: the GIL and the free-threaded build",
    type: "concept",
    topic: "user-space-scheduling",
    tags: ["python", "gil", "free-threading", "threads", "history"],
    difficulty: 2,
    prompt:
      "A pure-Python, CPU-bound job is split over **{{threads}}** threads on a machine with **{{cores}}** idle cores. Assume perfect scaling wherever the runtime allows parallelism.",
    generator: {
      params: { threads: { range: [2, 16] }, cores: { choice: [2, 4, 8] } },
      parts: [
        {
          kind: "number",
          id: "gil",
          label: "Speedup over one thread on standard CPython (with the GIL)",
          unit: "count",
          answer: { model: "gil-speedup", args: { threads: "{{threads}}", cores: "{{cores}}", gil: 1 } },
        },
        {
          kind: "number",
          id: "free",
          label: "Speedup on a free-threaded build (python3.13t or later)",
          unit: "count",
          answer: { model: "gil-speedup", args: { threads: "{{threads}}", cores: "{{cores}}", gil: 0 } },
        },
        {
          kind: "choice",
          id: "kind",
          label: "What are CPython's threads?",
          options: [
            {
              label:
                "Kernel threads (1:1, pthreads on Linux); the GIL lets only one of them run Python bytecode at a time",
              correct: true,
            },
            { label: "Green threads scheduled by the interpreter on one kernel thread" },
            { label: "M:N threads like goroutines" },
            { label: "Separate processes" },
          ],
        },
      ],
    },
    grading: grading(),
    hints: [
      "With the GIL, threads still help I/O-bound code (it is released while blocking), not CPU-bound Python code.",
    ],
    explanation: [
      '1. CPython\'s `threading` creates real OS threads (1:1), but the **global interpreter lock** lets only one thread execute Python bytecode at a time, so CPU-bound pure-Python threads get no speedup: 1×. Blocking I/O and many C extensions release the GIL, which is why threads still help I/O-bound programs (Python docs, `threading`, "CPython implementation detail").',
      "2. PEP 703 added an optional build without the GIL. Python 3.13 (October 2024) shipped it as **experimental** (`python3.13t`); Python 3.14 made it officially supported but still optional (PEP 779). There, CPU-bound threads can use min(threads, cores) cores, ignoring the extra cost of the build's finer-grained locking.",
      "3. Here: {{threads}} threads on {{cores}} cores, so 1× with the GIL and min({{threads}}, {{cores}})× on the free-threaded build.",
      "4. Before free threading the workaround was `multiprocessing` (one interpreter per process, so one GIL each).",
    ].join("\n"),
  },
  {
    slug: "linuxthreads-to-nptl",
    title: "From LinuxThreads to NPTL",
    type: "concept",
    topic: "user-space-scheduling",
    tags: ["linuxthreads", "nptl", "history", "clone", "1-to-1"],
    difficulty: 3,
    prompt: "An old server was built against LinuxThreads (glibc before NPTL); you move it to a current glibc.",
    generator: {
      pool: poolOfParts([
        {
          kind: "choice",
          id: "getpid",
          label: "Under LinuxThreads, what did getpid() return in two threads of one process?",
          options: [
            { label: "Different values: each thread was a separate process to the kernel", correct: true },
            { label: "The same value, as POSIX requires" },
            { label: "0 in every thread but the first" },
            { label: "The ID of the manager thread" },
          ],
        },
        {
          kind: "choice",
          id: "nptl",
          label: "What did NPTL need from the kernel to fix that?",
          options: [
            {
              label: "Thread groups (CLONE_THREAD, one TGID), futexes and TLS support: Linux 2.6 features",
              correct: true,
            },
            { label: "A user-space scheduler that multiplexes threads onto one process" },
            { label: "A separate kernel scheduler for threads" },
            { label: "Nothing: it only changed the C library" },
          ],
        },
        {
          kind: "choice",
          id: "model",
          label: "Which threading model does NPTL use?",
          options: [
            { label: "1:1: every pthread is one kernel task", correct: true },
            { label: "M:N: many pthreads multiplexed on fewer kernel tasks" },
            { label: "M:1: all pthreads on one kernel task" },
            { label: "It switches between models at run time" },
          ],
        },
        {
          kind: "choice",
          id: "signals",
          label: "Under LinuxThreads, what went wrong with a signal sent to the process's pid?",
          options: [
            {
              label: "It reached only the one thread whose pid it was, not the process as POSIX requires",
              correct: true,
            },
            { label: "It was delivered to every thread once" },
            { label: "It was always ignored" },
            { label: "It killed the kernel's manager thread" },
          ],
        },
        {
          kind: "choice",
          id: "futex",
          label: "What does a futex let NPTL do when a mutex is not contended?",
          options: [
            { label: "Lock and unlock with one atomic instruction in user space, no system call", correct: true },
            { label: "Skip locking entirely" },
            { label: "Use a kernel semaphore, but a faster one" },
            { label: "Disable interrupts in user space" },
          ],
        },
      ]),
    },
    grading: grading(),
    hints: ["LinuxThreads used clone() before the kernel had thread groups."],
    explanation: [
      "1. **LinuxThreads** (Xavier Leroy, 1996) made each thread a `clone()`d task sharing memory, but the kernel had no thread groups yet: every thread had its **own PID**, signals were sent to individual threads, and a manager thread handled creation and exit. It did not conform to POSIX in those respects (`pthreads(7)`, LinuxThreads section).",
      '2. **NPTL** (Ulrich Drepper and Ingo Molnár, 2002–2003) relies on kernel support added in Linux 2.5/2.6: `CLONE_THREAD` thread groups (one TGID, so `getpid()` is the same in all threads), futexes for fast synchronisation, and TLS. It became glibc\'s threading library in glibc 2.3.2 and the only one from glibc 2.4 (`pthreads(7)`; Drepper & Molnár, "The Native POSIX Thread Library for Linux").',
      "3. NPTL is **1:1**; IBM's competing M:N design (NGPT) was abandoned, because the kernel scheduler could handle many threads cheaply and M:N added complexity around blocking and signals.",
      "",
      "Because each LinuxThreads thread was its own process, a signal to 'the process' went to one thread only, and job control and `ps` showed one entry per thread. A futex keeps the uncontended path in user space (one atomic operation); the `futex()` system call is made only to sleep or wake waiters.",
    ].join("\n"),
  },
  {
    slug: "green-threads-and-m-to-n",
    title: "Green threads, 1:1 and M:N",
    type: "concept",
    topic: "user-space-scheduling",
    tags: ["green-threads", "m-to-n", "java", "goroutines", "history"],
    difficulty: 3,
    prompt: "Threading models have swung back and forth. Match each case.",
    generator: {
      pool: poolOfParts([
        {
          kind: "choice",
          id: "green",
          label: "JDK 1.1's green threads on Solaris were many-to-one. What did that cost?",
          options: [
            {
              label: "No parallelism on multiprocessors, and a thread blocking in a system call could block them all",
              correct: true,
            },
            { label: "Each thread needed its own kernel stack" },
            { label: "Thread switches required a system call" },
            { label: "Nothing: they were faster in every way" },
          ],
        },
        {
          kind: "choice",
          id: "mn-today",
          label: "Which of these is M:N (many user-level threads on fewer kernel threads)?",
          multiple: true,
          options: [
            { label: "Go goroutines", correct: true },
            { label: "Java virtual threads (JDK 21+)", correct: true },
            { label: "Java platform threads on HotSpot" },
            { label: "NPTL pthreads" },
          ],
        },
        {
          kind: "choice",
          id: "why-mn-works",
          label:
            "What makes modern M:N runtimes avoid the green-threads problem of one blocking call stalling everything?",
          options: [
            {
              label:
                "They turn blocking I/O into non-blocking I/O plus a poller, and hand a blocked kernel thread's work to another",
              correct: true,
            },
            { label: "They forbid system calls" },
            { label: "They run every user thread on its own CPU" },
            { label: "They use the GIL" },
          ],
        },
        {
          kind: "choice",
          id: "solaris",
          label: "Solaris used an M:N pthreads library for years. What did Solaris 9 change?",
          options: [
            { label: "It made 1:1 threads the default, as Linux's NPTL did", correct: true },
            { label: "It switched to many-to-one green threads" },
            { label: "It removed threads from the kernel" },
            { label: "It added a global interpreter lock" },
          ],
        },
        {
          kind: "choice",
          id: "cpu-bound",
          label:
            "A goroutine runs a tight loop with no function calls or channel operations. Since Go 1.14, can other goroutines still run on its thread?",
          options: [
            { label: "Yes: the runtime preempts it asynchronously with a signal", correct: true },
            { label: "No: goroutines are only switched at channel operations" },
            { label: "Only if GOMAXPROCS is 1" },
            { label: "No, and the garbage collector waits forever" },
          ],
        },
      ]),
    },
    grading: grading(),
    hints: ["M:1 = all user threads on one kernel thread; M:N = on several."],
    explanation: [
      "1. Sun's JDK 1.1 on Solaris ran **green threads**, many-to-one: the JVM scheduled all Java threads on one kernel-visible thread, so they could not use several CPUs, and I/O had to be remapped to avoid blocking the whole VM; a native-threads JVM mapped Java threads onto Solaris threads instead (Sun, *JDK 1.1 for Solaris Developer's Guide*, ch. 2 \"Multithreading Models\").",
      "2. 1:1 (NPTL, HotSpot platform threads) gives parallelism and simple blocking at the cost of a kernel thread per thread. M:N gives cheap threads and parallelism: Go's goroutines (G/M/P) and Java's virtual threads (JEP 444, JDK 21) multiplex many tasks onto a few kernel threads.",
      "3. They avoid green threads' trap by making the common blocking calls non-blocking underneath (Go's netpoller, the JDK's poller for sockets) and, when a kernel thread must block (a file read, cgo, a virtual thread that captures its carrier in file I/O), handing its other work to another kernel thread (Go hands off the P; the JDK temporarily adds a carrier). A *pinned* virtual thread (inside `synchronized` in JDK 21–23) gets no such help. See lesson 7.",
      "",
      "Solaris 9 replaced its M:N library by 1:1 threads, for the same reasons as NPTL (simpler, signal and blocking semantics right, kernel scheduler aware of every thread). Go 1.14 added asynchronous preemption (a signal interrupts a goroutine that never reaches a safe point), so a tight loop no longer stalls the scheduler or the GC.",
    ].join("\n"),
  },
];
