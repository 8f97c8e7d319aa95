// Lesson "Processes and threads": what threads share, how a fault or exit() in one thread affects the
// others (graded by the crash-isolation model), and threads as the unit the scheduler sees.
import type { QuestionTemplate } from "@/lib/engine";
import { grading, poolOfParts } from "./common";

export const PROCESSES_THREADS: readonly QuestionTemplate[] = [
  {
    slug: "segfault-kills-sibling-threads",
    title: "What happens to other threads on a segfault?",
    type: "process",
    topic: "processes-threads",
    tags: ["threads", "sigsegv", "crash", "isolation", "classic"],
    difficulty: 2,
    prompt:
      "One thread raises a fatal signal — a store through a null pointer (SIGSEGV) or an integer division by zero (SIGFPE), as the listing shows — and no handler is installed. Output goes to a terminal, so every printed line is written at once. Threads may run in any interleaving. Which lines appear in **every** run, and which can **never** appear?",
    generator: {
      scenarios: [
        {
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
        {
          processes: [
            {
              name: "app",
              threads: [
                { name: "main", steps: [{ join: "t1" }, { join: "t2" }, { print: "app: all joined" }] },
                { name: "t1", steps: [{ print: "t1: working" }, { fault: "SIGSEGV" }, { print: "t1: after fault" }] },
                { name: "t2", steps: [{ print: "t2: working" }] },
              ],
            },
            { name: "logger", threads: [{ name: "main", steps: [{ print: "logger: up" }] }] },
          ],
        },
        {
          processes: [
            {
              name: "server",
              threads: [
                { name: "main", steps: [{ print: "server: start" }, { join: "parser" }, { print: "server: parsed" }] },
                { name: "parser", steps: [{ fault: "SIGFPE" }] },
                { name: "stats", steps: [{ print: "stats: tick" }] },
              ],
            },
            {
              name: "backup",
              threads: [{ name: "main", steps: [{ print: "backup: copying" }, { print: "backup: finished" }] }],
            },
          ],
        },
      ],
      ask: ["always", "never"],
    },
    grading: grading(),
    hints: [
      "A fatal signal is delivered to the process, not to the thread: the default action kills every thread of it.",
      "Another process has its own address space and is unaffected.",
    ],
    explanation: [
      "1. A fault such as SIGSEGV or SIGFPE is raised by one thread, but signal dispositions belong to the **process**. The default action (terminate + core) kills **all** its threads at once.",
      "2. So: lines the faulting thread would print after the fault never appear; lines other threads of that process print only *after* the fault (e.g. after joining the faulting thread) **never** appear; lines they could print before it are **sometimes** there, depending on the interleaving.",
      "3. Other **processes** have their own address space and are untouched: their lines **always** appear.",
      "",
      "Lines already printed are safe here because stdout is a terminal (line buffered). Were it a pipe, stdout would be fully buffered and lines still in the dying process's buffer would be lost too.",
      "",
      "This is the price of threads' shared address space — and why browsers isolate risky work in separate processes (Chrome's site isolation puts each site's renderer in its own process).",
    ].join("\n"),
  },
  {
    slug: "exit-from-worker-thread",
    title: "exit() called from a worker thread",
    type: "process",
    topic: "processes-threads",
    tags: ["threads", "exit", "pthread"],
    difficulty: 3,
    prompt:
      "A worker thread calls `exit()`. Output goes to a terminal. Threads may run in any interleaving. Which lines appear in every run, and which can never appear?",
    generator: {
      scenarios: [
        {
          processes: [
            {
              name: "job",
              threads: [
                {
                  name: "main",
                  steps: [{ print: "main: started" }, { join: "worker" }, { print: "main: worker joined" }],
                },
                { name: "worker", steps: [{ print: "worker: failing" }, { exit: 1 }, { print: "worker: after exit" }] },
              ],
            },
            { name: "monitor", threads: [{ name: "main", steps: [{ print: "monitor: alive" }] }] },
          ],
        },
        {
          processes: [
            {
              name: "svc",
              threads: [
                { name: "main", steps: [{ join: "a" }, { join: "b" }, { print: "svc: both done" }] },
                { name: "a", steps: [{ print: "a: step 1" }, { exit: 0 }] },
                { name: "b", steps: [{ print: "b: step 1" }] },
              ],
            },
            { name: "cron", threads: [{ name: "main", steps: [{ print: "cron: tick" }] }] },
          ],
        },
      ],
      ask: ["always", "never"],
    },
    grading: grading(),
    hints: ["exit() ends the whole process, whichever thread calls it; pthread_exit() ends only the calling thread."],
    explanation: [
      "1. `exit()` runs atexit handlers, flushes stdio and calls `exit_group`, which terminates **every thread of the process** — not just the caller.",
      "2. Lines after the `exit` in that thread never print; lines of other threads that can only come after it (e.g. after `pthread_join` of the exiting thread) never print either.",
      "3. Lines other threads may print before the exit are only *sometimes* there.",
      "4. Other processes are unaffected.",
      "",
      "To end just one thread, return from its start function or call `pthread_exit()`.",
    ].join("\n"),
  },
  {
    slug: "main-pthread-exit",
    title: "main() returns vs pthread_exit()",
    type: "process",
    topic: "processes-threads",
    tags: ["threads", "pthread_exit", "main"],
    difficulty: 4,
    prompt:
      "Compare how `main` ends in each process. Output goes to a terminal. Threads may run in any interleaving. Which lines appear in every run, and which can never appear?",
    generator: {
      scenarios: [
        {
          processes: [
            {
              name: "A",
              threads: [
                { name: "main", steps: [{ print: "A: main ends" }, { pthreadExit: true }] },
                { name: "t", steps: [{ print: "A: thread 1" }, { print: "A: thread 2" }] },
              ],
            },
            {
              name: "B",
              threads: [
                { name: "main", steps: [{ print: "B: main done" }, { join: "t" }] },
                { name: "t", steps: [{ print: "B: thread runs" }] },
              ],
            },
          ],
        },
        {
          processes: [
            {
              name: "P",
              threads: [
                { name: "main", steps: [{ print: "P: main returns" }] },
                { name: "bg", steps: [{ print: "P: background work" }] },
              ],
            },
            {
              name: "Q",
              threads: [
                { name: "main", steps: [{ print: "Q: main exits thread" }, { pthreadExit: true }] },
                { name: "bg", steps: [{ print: "Q: background work" }] },
              ],
            },
          ],
        },
      ],
      ask: ["always", "never"],
    },
    grading: grading(),
    hints: [
      "Returning from main() calls exit(); pthread_exit() in main ends only the main thread, and the process lives on until its last thread ends.",
    ],
    explanation: [
      "1. **Returning from `main`** is `exit(status)`: every other thread is killed, possibly before it prints — its lines are only *sometimes* there.",
      "2. **`pthread_exit()` in `main`** ends only the main thread; the process keeps running until its **last** thread exits, so the other threads' lines **always** appear.",
      "3. `pthread_join` before returning also guarantees the joined thread's output.",
      "",
      'Source: `pthread_exit(3)`: "the process shall exit … after the last thread has been terminated".',
    ].join("\n"),
  },
  {
    slug: "threads-scheduled-individually",
    title: "A process with more threads gets more CPU",
    type: "metrics",
    topic: "processes-threads",
    tags: ["threads", "eevdf", "shares", "scheduling-entity"],
    difficulty: 3,
    prompt:
      "The CPU-bound threads below (column Process tells which process each belongs to) share one CPU under EEVDF, all at nice 0, with no cgroup or autogroup grouping. What share of the CPU does each **thread** get over the first second? (Within 2 percentage points is accepted.)",
    generator: {
      policy: { name: "eevdf", hz: 250 },
      tasks: [3, 4],
      cpuBurst: [5000, 5000],
      processes: 2,
      horizon: 1000,
      ask: [{ metric: "cpuShare", task: "each", windowMs: 1000 }],
      invariants: ["unevenProcesses"],
    },
    grading: grading({ absoluteTolerance: 2 }),
    hints: ["The Linux scheduler schedules threads (tasks), not processes."],
    explanation: [
      "1. In Linux every thread is a **task** with its own scheduling entity; a process is a **thread group** — tasks created with `CLONE_THREAD`, sharing one thread-group id (the pid) as well as the address space.",
      "2. Without group scheduling, equal-weight tasks get equal shares: with *n* threads in total each gets **100 / n %**, whatever process it belongs to.",
      "3. So a process with 3 threads gets 3× the CPU of a process with 1 thread.",
      "",
      "Real desktops enable **autogroup** and systemd puts services in **cgroups**, whose CPU controller shares first between groups, then within them (w/Σw holds among siblings of one group) — that is how one `make -j64` does not starve the rest of the system.",
    ].join("\n"),
  },
  {
    slug: "what-threads-share",
    title: "What threads of one process share",
    type: "concept",
    topic: "processes-threads",
    tags: ["threads", "address-space", "basics"],
    difficulty: 1,
    prompt: "A process has two threads created with `pthread_create`; answer about what they share.",
    generator: {
      pool: poolOfParts([
        {
          kind: "choice",
          id: "shared",
          label: "Which of these do the two threads share? (choose all that apply)",
          multiple: true,
          options: [
            { label: "Heap and global variables", correct: true },
            { label: "Open file descriptors", correct: true },
            { label: "Signal handlers (dispositions)", correct: true },
            { label: "The page tables / address space", correct: true },
            { label: "Registers and program counter" },
            { label: "The stack" },
            { label: "errno and the signal mask" },
          ],
        },
        {
          kind: "choice",
          id: "fork",
          label: "Thread 1 calls fork(). How many threads does the child process have?",
          options: [
            { label: "One: a copy of the thread that called fork()", correct: true },
            { label: "Two: all threads are copied" },
            { label: "Zero until it calls exec()" },
            { label: "It depends on the scheduler" },
          ],
        },
        {
          kind: "choice",
          id: "close-fd",
          label:
            "Thread 1 calls close(5) while thread 2 still wants to read from file descriptor 5. What does thread 2 find?",
          options: [
            { label: "fd 5 is closed for it too: the threads share one file-descriptor table", correct: true },
            { label: "Its own copy of fd 5 stays open" },
            { label: "fd 5 stays open until every thread has closed it" },
            { label: "The read blocks until thread 1 reopens the file" },
          ],
        },
        {
          kind: "choice",
          id: "exit",
          label: "Thread 2 calls exit(0) (not pthread_exit) while thread 1 is busy. What ends?",
          options: [
            { label: "The whole process: every thread, thread 1 included", correct: true },
            { label: "Only thread 2; thread 1 keeps running" },
            { label: "Only thread 2, and the main thread is signalled" },
            { label: "Nothing until thread 1 also returns" },
          ],
        },
        {
          kind: "choice",
          id: "chdir",
          label: 'Thread 2 calls chdir("/tmp"). Which directory does a relative open() in thread 1 now use?',
          options: [
            { label: "/tmp: the current directory belongs to the process, shared by its threads", correct: true },
            { label: "Thread 1's own current directory, unchanged" },
            { label: "The directory the program was started in, always" },
            { label: "It fails until thread 1 calls chdir() itself" },
          ],
        },
      ]),
    },
    grading: grading(),
    hints: ["Threads share everything the process owns; each keeps its own execution state."],
    explanation: [
      "1. Threads of one process share the **address space** (code, globals, heap, mmap'ed regions, and so each other's stacks, if addressed), **file descriptors**, **signal dispositions**, the pid, cwd and credentials.",
      "2. Each thread has its **own registers, PC, stack**, thread-local storage (including `errno`) and **signal mask**.",
      "3. `fork()` in a multithreaded process gives the child a copy-on-write copy of the whole address space but only the **calling thread** (POSIX); locks held by other threads stay locked in the child, which is why the child should only call async-signal-safe functions until `exec`.",
      "4. So one thread's `close(5)` closes fd 5 for all of them, one thread's `chdir` moves them all (pthreads share the `fs` structure: cwd and umask), and `exit()` from any thread ends the whole process — only `pthread_exit` ends just the caller.",
    ].join("\n"),
  },
  {
    slug: "threads-and-processes-in-linux",
    title: "Threads vs processes inside Linux",
    type: "concept",
    topic: "processes-threads",
    tags: ["clone", "task_struct", "linux", "interview"],
    difficulty: 2,
    prompt: "How does Linux itself represent processes and threads?",
    generator: {
      pool: poolOfParts([
        {
          kind: "choice",
          id: "repr",
          label: "How does the kernel represent a thread?",
          options: [
            {
              label: "As a task (task_struct) like any process, sharing mm, files and signal handlers with its group",
              correct: true,
            },
            { label: "As a lightweight structure inside the process's task_struct" },
            { label: "Only in user space, inside glibc" },
            { label: "As a separate process with a copy of the address space" },
          ],
        },
        {
          kind: "choice",
          id: "clone",
          label: "Which system call creates both processes (fork) and threads (pthread_create) in glibc on Linux?",
          options: [
            { label: "clone (clone3)", correct: true },
            { label: "vfork" },
            { label: "execve" },
            { label: "mmap" },
          ],
        },
        {
          kind: "choice",
          id: "getpid",
          label: "What does getpid() return in a non-main thread?",
          options: [
            { label: "The process's pid (the thread group id); gettid() gives the thread's own id", correct: true },
            { label: "The thread's own id" },
            { label: "0" },
            { label: "The parent's pid" },
          ],
        },
        {
          kind: "choice",
          id: "proc-task",
          label: "Where does Linux list the threads of process 1234?",
          options: [
            { label: "/proc/1234/task/: one directory per thread, named by its thread id", correct: true },
            { label: "/proc/1234/threads, one line per thread" },
            { label: "Nowhere: threads are invisible to /proc" },
            { label: "/sys/kernel/threads/1234" },
          ],
        },
        {
          kind: "choice",
          id: "clone-thread",
          label: "Which clone flag makes the new task part of the caller's thread group, i.e. the same process?",
          options: [
            { label: "CLONE_THREAD", correct: true },
            { label: "CLONE_VM" },
            { label: "CLONE_FILES" },
            { label: "CLONE_PARENT" },
          ],
        },
      ]),
    },
    grading: grading(),
    hints: ["Think of CLONE_VM, CLONE_FILES, CLONE_SIGHAND, CLONE_THREAD."],
    explanation: [
      "1. Linux has one kind of schedulable entity, the **task** (`task_struct`). A thread is a task created with `CLONE_THREAD`: it joins its creator's **thread group** (one TGID, which is the process) and shares its `mm` (address space), file table and signal handlers. Sharing the `mm` alone does not make a thread: a `vfork` child, or a `CLONE_VM` child without `CLONE_THREAD`, shares the memory map yet is another process.",
      "2. Both are created by `clone`: `fork` ≈ clone with nothing shared (copy-on-write memory); `pthread_create` ≈ clone with `CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | …`.",
      "3. `getpid()` returns the thread-group id (the main thread's id) in every thread; `gettid()` returns the task's own id — the number `top -H` and `/proc/<pid>/task/` show.",
      "4. Each thread appears as `/proc/<pid>/task/<tid>/`. `CLONE_THREAD` is the flag that joins the thread group; it requires `CLONE_SIGHAND`, which in turn requires `CLONE_VM`, but `CLONE_VM` alone only shares memory between two processes.",
    ].join("\n"),
  },
];
