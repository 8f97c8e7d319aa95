// Creating processes beyond fork (issue #15, new topic): clone() flags and what makes a thread versus a
// process, vfork and posix_spawn, and what exec does to the other threads. Counts come from the engine's
// clone model (lib/engine/models/clone.ts, after clone(2)).
import type { QuestionTemplate } from "@/lib/engine";
import { grading, poolOfParts } from "./common";

export const PROCESS_CREATION_TEMPLATES: readonly QuestionTemplate[] = [
  {
    slug: "clone-flags-thread-or-process",
    title: "clone() flags: thread, process, or EINVAL?",
    type: "concept",
    topic: "creating-processes",
    tags: ["clone", "threads", "processes", "linux"],
    difficulty: 4,
    prompt:
      "A single-threaded process calls `clone({{flags}}, …)` **{{calls}}** times; every call that succeeds creates a task that then sleeps forever. (`CLONE_THREAD` needs `CLONE_SIGHAND`, which needs `CLONE_VM`.)",
    generator: {
      params: {
        flags: {
          choice: [
            "CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD",
            "CLONE_VM | CLONE_SIGHAND | CLONE_THREAD",
            "CLONE_VM | CLONE_FILES",
            "CLONE_VM | CLONE_VFORK",
            "SIGCHLD",
            "CLONE_FILES | CLONE_THREAD",
            "CLONE_SIGHAND | CLONE_THREAD",
          ],
        },
        calls: { range: [2, 5] },
      },
      parts: [
        {
          kind: "number",
          id: "processes",
          label: "How many processes (thread groups, distinct getpid() values) exist now, counting the caller?",
          unit: "count",
          answer: { model: "clone-processes", args: { flags: "{{flags}}", calls: "{{calls}}" } },
        },
        {
          kind: "number",
          id: "tasks",
          label: "How many tasks (threads, distinct TIDs) exist now, counting the caller?",
          unit: "count",
          answer: { model: "clone-tasks", args: { flags: "{{flags}}", calls: "{{calls}}" } },
        },
      ],
    },
    grading: grading(),
    hints: [
      "Only CLONE_THREAD puts the new task in the caller's thread group; CLONE_VM alone shares memory but makes a new process.",
    ],
    explanation: [
      "1. `CLONE_THREAD` puts the child in the caller's **thread group**: same TGID, so `getpid()` returns the caller's PID. That, not shared memory, is what makes it a thread (`clone(2)`).",
      "2. `CLONE_VM` without `CLONE_THREAD` shares the address space but the child is a **new process** with its own PID (this is what `vfork()` and glibc's `posix_spawn` create). Without `CLONE_VM` the child gets a copy-on-write copy, as with `fork()`.",
      "3. The flags depend on each other: `CLONE_THREAD` requires `CLONE_SIGHAND` and `CLONE_SIGHAND` requires `CLONE_VM` (since Linux 2.6.0); otherwise `clone()` fails with **EINVAL** and nothing is created (`clone(2)`, ERRORS).",
      "4. So: a valid thread flag set adds one task per call to one process; a process flag set adds one process (of one task) per call; an invalid set adds nothing. Here the flags are `{{flags}}`, called {{calls}} times.",
      "",
      "glibc's `pthread_create` uses `CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SYSVSEM | CLONE_SIGHAND | CLONE_THREAD` plus TLS and TID flags.",
    ].join("\n"),
  },
  {
    slug: "vfork-and-posix-spawn",
    title: "vfork and posix_spawn",
    type: "concept",
    topic: "creating-processes",
    tags: ["vfork", "posix_spawn", "clone", "copy-on-write"],
    difficulty: 3,
    prompt: "A 40 GiB in-memory database wants to run a small helper program every few seconds.",
    generator: {
      pool: poolOfParts([
        {
          kind: "choice",
          id: "vfork-parent",
          label: "After vfork(), what does the parent do?",
          options: [
            { label: "It is suspended until the child calls execve() or _exit()", correct: true },
            { label: "It runs concurrently with the child, as after fork()" },
            { label: "It is killed and replaced by the child" },
            { label: "It waits until the child's program exits" },
          ],
        },
        {
          kind: "choice",
          id: "vfork-child",
          label: "What may the vfork child do before execve()?",
          options: [
            {
              label:
                "Almost nothing: it shares the parent's memory and stack, so it should only call execve() or _exit()",
              correct: true,
            },
            { label: "Anything: its memory is copied on write" },
            { label: "Only allocate memory with malloc()" },
            { label: "Only return from the function that called vfork()" },
          ],
        },
        {
          kind: "choice",
          id: "spawn",
          label: "Why is posix_spawn() (glibc 2.24+) cheap even for this 40 GiB parent?",
          options: [
            {
              label:
                "glibc implements it with clone(CLONE_VM | CLONE_VFORK), so no page tables are copied before the exec",
              correct: true,
            },
            { label: "It copies the parent's memory in a background thread" },
            { label: "It asks a separate helper daemon to start the program" },
            { label: "It is not cheap: it calls fork() and then exec" },
          ],
        },
        {
          kind: "choice",
          id: "fork-cost",
          label: "Why is plain fork() followed by execve() slow for this parent, even with copy-on-write?",
          options: [
            {
              label:
                "fork duplicates every VMA and copies the page-table entries of its 40 GiB of anonymous memory, write-protecting them, only for exec to throw it all away",
              correct: true,
            },
            { label: "fork copies all 40 GiB of data before the child runs" },
            { label: "execve has to read the parent's 40 GiB from disk" },
            { label: "It is not slow: fork copies nothing until a write" },
          ],
        },
        {
          kind: "choice",
          id: "overcommit",
          label:
            "With strict overcommit (vm.overcommit_memory = 2) and little spare commit, fork() fails with ENOMEM but posix_spawn() works. Why?",
          options: [
            {
              label:
                "fork charges the child's private writable memory to the commit limit as if it could all be copied; a CLONE_VM child shares the parent's memory and charges nothing",
              correct: true,
            },
            { label: "posix_spawn runs the program inside the parent's address space for good" },
            { label: "fork allocates the child's 40 GiB at once under strict overcommit" },
            { label: "posix_spawn uses swap and fork cannot" },
          ],
        },
      ]),
    },
    grading: grading(),
    hints: [
      "fork's cost grows with the parent's populated memory; vfork shares it instead of copying its page tables.",
    ],
    explanation: [
      "1. `vfork()` creates a child that **shares** the parent's memory (`CLONE_VM | CLONE_VFORK`) and suspends the parent until the child calls `execve()` or `_exit()` (`vfork(2)`).",
      "2. Because the child runs on the parent's memory and stack, modifying anything, returning from the calling function, or calling most library functions is undefined behaviour: only `execve()` and `_exit()` are safe.",
      "3. `fork()` must copy the page-table entries of every anonymous area and write-protect them (lesson 2), so its cost grows with the parent's populated memory (Redis documents fork latency that grows with the dataset for exactly this reason).",
      "4. Since glibc 2.24, `posix_spawn()` on Linux uses `clone(CLONE_VM | CLONE_VFORK)` with a separate stack, then applies the file actions and attributes in the child and execs: no page tables are copied, and the API is safe to call from threaded code (glibc `sysdeps/unix/sysv/linux/spawni.c`).",
      "",
      "Copy-on-write saves the data copy, not the bookkeeping: fork still duplicates the VMAs and the page-table entries of anonymous memory and write-protects them in both processes, which for tens of GiB is a noticeable pause in the parent. Under strict overcommit the child's private writable memory is also charged in full against the commit limit, so a large process may be unable to fork at all; a `CLONE_VM` spawn shares and charges nothing.",
    ].join("\n"),
  },
  {
    slug: "exec-in-a-threaded-process",
    title: "execve() in a multithreaded process",
    type: "concept",
    topic: "creating-processes",
    tags: ["exec", "threads", "pid", "copy-on-write", "fork"],
    difficulty: 3,
    prompt:
      'A process (PID {{pid}}) has **{{threads}}** threads. Thread number {{caller}}, not the main thread, calls `execve("/bin/true", …)`, which succeeds.',
    generator: {
      params: { pid: { range: [2000, 9000] }, threads: { range: [3, 9] }, caller: { range: [2, 3] } },
      parts: [
        {
          kind: "number",
          id: "threads-after",
          label: "How many threads does the process have when /bin/true starts?",
          unit: "count",
          answer: 1,
        },
        {
          kind: "number",
          id: "pid-after",
          label: "What does getpid() return in /bin/true?",
          unit: "count",
          answer: "{{pid}}",
        },
        {
          kind: "choice",
          id: "fork-copies",
          label: "For contrast: what does Linux's fork() copy for a large process?",
          options: [
            {
              label:
                "Its bookkeeping (task, mm, each memory area's descriptor, fd table) and the page-table entries of anonymous areas, write-protected for copy-on-write",
              correct: true,
            },
            { label: "Every page of its memory" },
            { label: "Nothing: the child shares the page tables until exec" },
            { label: "Only the stack of the calling thread" },
          ],
        },
      ],
    },
    grading: grading(),
    hints: ["exec replaces the whole process image, and a process image has one thread."],
    explanation: [
      '1. A successful `execve()` destroys **every other thread** of the process first; the new program starts single-threaded (`execve(2)`: "All threads other than the calling thread are destroyed during an execve()"). Here the {{threads}} − 1 threads other than thread {{caller}} are gone.',
      "2. The process keeps its PID: if a non-leader thread calls exec, it takes over the thread-group leader's identity, so `getpid()` (and its TID) is the old PID, {{pid}} here (`execve(2)`, Notes).",
      "3. For contrast, `fork()` copies the process's bookkeeping (`task_struct`, `mm_struct`, every VMA, the fd table, signal handlers) and only the page-table entries of areas that need them (anonymous, hugetlb, PFN-mapped; `vma_needs_copy()` in `mm/memory.c`), write-protecting private pages in both processes; pages are copied on the first write.",
    ].join("\n"),
  },
];
