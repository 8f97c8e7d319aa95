// Races, locks and deadlock (issue #18): the hazard of threads sharing memory. Final values of an
// unprotected counter are computed by the engine's race model over every interleaving
// (lib/engine/races, through the race-count-final answer model); the lock and deadlock questions are
// conceptual and their answers are checked by that model's property tests.
import type { QuestionTemplate } from "@/lib/engine";
import { grading } from "./common";

const COUNT_ARGS = { threads: "{{threads}}", iterations: "{{iterations}}" };

export const RACES_LOCKS_TEMPLATES: readonly QuestionTemplate[] = [
  {
    slug: "race-lost-update-final-values",
    title: "Which final values can an unprotected counter reach?",
    type: "concept",
    topic: "processes-threads",
    tags: ["race-condition", "lost-update", "interleaving", "classic"],
    difficulty: 4,
    prompt: [
      "**{{threads}}** threads share `int count = 0;` and each runs `count++` **{{iterations}}** times with no lock. Each `count++` is three instructions:",
      "",
      "```",
      "mov count, %ax   # load",
      "add $1, %ax      # increment the thread's own register",
      "mov %ax, count   # store",
      "```",
      "",
      "Any interleaving of the threads' instructions is possible (one CPU, interrupts anywhere).",
    ].join("\n"),
    generator: {
      params: { threads: { range: [2, 3] }, iterations: { range: [1, 2] } },
      parts: [
        { kind: "number", id: "max", label: "The largest possible final value of count", unit: "count", answer: { model: "race-count-final", args: { ...COUNT_ARGS, which: "max" } } },
        { kind: "number", id: "min", label: "The smallest possible final value of count", unit: "count", answer: { model: "race-count-final", args: { ...COUNT_ARGS, which: "min" } } },
        { kind: "number", id: "count", label: "How many different final values are possible?", unit: "count", answer: { model: "race-count-final", args: { ...COUNT_ARGS, which: "count" } } },
      ],
    },
    grading: grading(),
    hints: ["An update is lost when a thread stores a value it loaded before another thread's store. How stale can a loaded value be?"],
    explanation: [
      "1. **Largest:** no two increments overlap, so every one counts: threads × iterations.",
      "2. **Smallest, one iteration each:** all threads load 0 before any stores, and every store writes 1: the final value is 1.",
      "3. **Smallest, two or more iterations:** thread A loads 0 and is interrupted; the others run all their increments but one; A stores 1, wiping them out; a second thread B loads that 1, A finishes its remaining increments, and B's stale store of 2 is the last write. The final value can be as low as 2, and no lower: the last store comes from a load that followed some thread's first store.",
      "4. Every value in between is reachable as well, so the count of possible values is largest − smallest + 1.",
      "",
      "The fix is to make the load-add-store atomic: a lock around it, or one atomic instruction (`lock xadd`, C11 `atomic_fetch_add`).",
    ].join("\n"),
  },
  {
    slug: "naive-flag-lock",
    title: "A lock made of a plain flag",
    type: "concept",
    topic: "processes-threads",
    tags: ["race-condition", "spinlock", "mutual-exclusion", "test-and-set"],
    difficulty: 3,
    prompt: [
      "Two threads guard a critical section with this lock (flag starts at 0):",
      "",
      "```c",
      "void lock(int *flag)   { while (*flag == 1) ; /* spin */  *flag = 1; }",
      "void unlock(int *flag) { *flag = 0; }",
      "```",
    ].join("\n"),
    generator: {
      parts: [
        {
          kind: "choice",
          id: "exclusion",
          label: "Does it guarantee that at most one thread is in the critical section?",
          options: [
            { label: "No: both threads can read 0 before either stores 1, and both enter", correct: true },
            { label: "Yes: the while loop waits until the flag is free" },
            { label: "Yes, on a single CPU, because only one thread runs at a time" },
            { label: "No, but only on machines with more than one CPU" },
          ],
        },
        {
          kind: "choice",
          id: "fix",
          label: "What makes it correct?",
          options: [
            { label: "Test and set the flag in one atomic instruction, such as xchg (test-and-set) or compare-and-swap", correct: true },
            { label: "Declare the flag volatile" },
            { label: "Check the flag twice before setting it" },
            { label: "Add a yield() inside the spin loop" },
          ],
        },
      ],
    },
    grading: grading(),
    hints: ["Where can an interrupt fall between the last test of the flag and the store of 1?"],
    explanation: [
      "1. Thread 1 reads the flag (0) and leaves the loop; an interrupt switches to thread 2, which also reads 0, sets the flag and enters. Thread 1 resumes, sets the flag and enters too. A single CPU is enough: the interrupt between the test and the set is the problem.",
      "2. The test and the set must be one indivisible step. `xchg` swaps a register with memory atomically: store 1 and get the old value back; the lock is yours if the old value was 0. `volatile` only stops the compiler caching the flag; it makes nothing atomic.",
    ].join("\n"),
  },
  {
    slug: "ticket-lock-fairness",
    title: "Test-and-set against a ticket lock",
    type: "concept",
    topic: "processes-threads",
    tags: ["spinlock", "ticket-lock", "fetch-and-add", "fairness", "starvation"],
    difficulty: 3,
    prompt: "Threads contend for one lock. Lock A spins on an atomic exchange (test-and-set); lock B is a ticket lock: `my = fetch_and_add(&next, 1); while (serving != my) ; ... serving++;`.",
    generator: {
      parts: [
        {
          kind: "choice",
          id: "fairness",
          label: "Which lock guarantees that every waiting thread eventually gets in?",
          options: [
            { label: "The ticket lock: threads enter in the order they took tickets", correct: true },
            { label: "Test-and-set: the atomic exchange is fair" },
            { label: "Both: any correct lock is starvation-free" },
            { label: "Neither" },
          ],
        },
        {
          kind: "choice",
          id: "ttas",
          label: "Why do test-and-test-and-set locks spin on a plain load before trying the exchange?",
          options: [
            { label: "A load can be served from the waiter's own cache; every exchange is a write that pulls the cache line away from the other CPUs", correct: true },
            { label: "A load is atomic and an exchange is not" },
            { label: "It makes the lock fair" },
            { label: "It lets the holder release the lock without a store" },
          ],
        },
      ],
    },
    grading: grading(),
    hints: ["With test-and-set, who wins when the lock is released and three threads are spinning?"],
    explanation: [
      "1. With test-and-set, whichever spinner happens to run its exchange first after the release wins; an unlucky thread can lose every time (starvation). The ticket lock serves tickets in order, so a waiter gets in after at most the threads that took tickets before it.",
      "2. All three are correct locks (mutual exclusion holds over every interleaving). Test-and-test-and-set only tries the exchange when a plain read sees the lock free, so waiters mostly read their cached copy instead of writing the shared line over and over.",
    ].join("\n"),
  },
  {
    slug: "deadlock-lock-order",
    title: "Two locks, two orders",
    type: "concept",
    topic: "processes-threads",
    tags: ["deadlock", "lock-ordering", "mutex", "classic"],
    difficulty: 3,
    prompt: [
      "Thread 1 runs `lock(a); lock(b); work(); unlock(b); unlock(a);` and thread 2 runs `lock(b); lock(a); work(); unlock(a); unlock(b);` (blocking mutexes).",
    ].join("\n"),
    generator: {
      parts: [
        {
          kind: "choice",
          id: "deadlock",
          label: "Can they deadlock?",
          options: [
            { label: "Yes: thread 1 holds a and waits for b while thread 2 holds b and waits for a", correct: true },
            { label: "No: each thread releases its locks at the end" },
            { label: "Only on a multiprocessor" },
            { label: "No: mutexes block instead of spinning" },
          ],
        },
        {
          kind: "choice",
          id: "fix",
          label: "Which change rules the deadlock out?",
          options: [
            { label: "Make both threads take a before b (one global lock order)", correct: true },
            { label: "Make both threads release b before a" },
            { label: "Turn the mutexes into spinlocks" },
            { label: "Give thread 1 a higher priority" },
          ],
        },
      ],
    },
    grading: grading(),
    hints: ["Find an interleaving of the first lock() of each thread, then look at what each one waits for."],
    explanation: [
      "1. Thread 1 takes a; an interrupt; thread 2 takes b. Now thread 1 waits for b (held by 2) and thread 2 waits for a (held by 1): a cycle in the wait-for graph, and neither will ever run again.",
      "2. A deadlock needs mutual exclusion, hold-and-wait, no preemption and circular wait. A single global order for taking locks breaks circular wait: whoever holds a lock only ever waits for locks later in the order, so no cycle can form. Release order does not matter, and spinning would just turn the deadlock into a livelock that burns CPU.",
    ].join("\n"),
  },
];
