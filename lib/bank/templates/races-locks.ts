// Races, locks and deadlock (issue #18): the hazard of threads sharing memory. Final values of an
// unprotected counter are computed by the engine's race model over every interleaving
// (lib/engine/races, through the race-* and lock-* answer models), deadlocks by its wait-for search
// (philosophers-deadlock); the choice parts are checked by that model's property tests. Spin versus
// block needs the switch cost, so those questions sit with the context-switch lesson.
import type { QuestionTemplate } from "@/lib/engine";
import { grading, poolOfParts } from "./common";

const RACE_SIZES: readonly (readonly [number, number])[] = [
  [2, 1],
  [2, 2],
  [3, 1],
  [3, 2],
  [2, 3],
  [4, 1],
];
const COUNT_ARGS = { threads: "{{threads}}", iterations: "{{iterations}}" };

/** The parts of "Breaking the philosophers' cycle": lastReversed 1 is the fixed ring, 0 the classic one. */
function reversedRingParts(lastReversed: 0 | 1): Record<string, unknown>[] {
  return [
    {
      kind: "number",
      id: "cycle",
      label: "The largest number of threads that can end up in a wait-for cycle (0 if they can never deadlock)",
      unit: "count",
      answer: {
        model: "philosophers-deadlock",
        args: { philosophers: "{{philosophers}}", lastReversed, which: "cycle" },
      },
    },
    {
      kind: "choice",
      id: "why",
      label: "Why?",
      options: [
        {
          label:
            "Every thread takes the lower-numbered mutex first, so the locks are taken in one global order and no cycle can form",
          correct: lastReversed === 1,
        },
        {
          label:
            "Each thread can hold its left mutex while waiting for its right one, held by its neighbour: a cycle through every thread",
          correct: lastReversed === 0,
        },
        { label: "A cycle still forms, but it breaks itself when a thread times out" },
        { label: "Blocking mutexes cannot deadlock; only spinlocks can" },
      ],
    },
  ];
}

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
      // Issue #23: each (threads, iterations) pair is one pool item, so consecutive variants always differ;
      // the model's exhaustive search allows threads × iterations ≤ 6.
      pool: RACE_SIZES.map(([threads, iterations]) => ({
        vars: { threads, iterations },
        parts: [
          {
            kind: "number",
            id: "max",
            label: "The largest possible final value of count",
            unit: "count",
            answer: { model: "race-count-final", args: { ...COUNT_ARGS, which: "max" } },
          },
          {
            kind: "number",
            id: "min",
            label: "The smallest possible final value of count",
            unit: "count",
            answer: { model: "race-count-final", args: { ...COUNT_ARGS, which: "min" } },
          },
          {
            kind: "number",
            id: "count",
            label: "How many different final values are possible?",
            unit: "count",
            answer: { model: "race-count-final", args: { ...COUNT_ARGS, which: "count" } },
          },
        ],
      })),
    },
    grading: grading(),
    hints: [
      "An update is lost when a thread stores a value it loaded before another thread's store. How stale can a loaded value be?",
    ],
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
      pool: poolOfParts([
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
            {
              label: "Test and set the flag in one atomic instruction, such as xchg (test-and-set) or compare-and-swap",
              correct: true,
            },
            { label: "Declare the flag volatile" },
            { label: "Check the flag twice before setting it" },
            { label: "Add a yield() inside the spin loop" },
          ],
        },
        {
          kind: "choice",
          id: "x86-insn",
          label: "On x86-64, which instruction gives a test-and-set lock its atomic read-modify-write?",
          options: [
            { label: "xchg with a memory operand (always locked), or lock cmpxchg", correct: true },
            { label: "mov, since aligned stores are atomic" },
            { label: "cmp followed by a conditional jump" },
            { label: "mfence" },
          ],
        },
        {
          kind: "choice",
          id: "one-cpu-spin",
          label:
            "On one CPU, the thread holding a correct spinlock is preempted. What do the threads spinning for it do?",
          options: [
            {
              label: "Burn their whole time slices spinning, since the holder cannot run to release it",
              correct: true,
            },
            { label: "Sleep until the holder releases the lock" },
            { label: "Take the lock over from the preempted holder" },
            { label: "Nothing: a spinlock cannot be preempted in user space" },
          ],
        },
        {
          kind: "choice",
          id: "volatile",
          label: "Why does declaring the flag volatile not fix the lock?",
          options: [
            {
              label:
                "volatile makes each load and store go to memory, but the check and the set stay two separate steps another thread can slip between",
              correct: true,
            },
            { label: "It does fix it: volatile accesses are atomic" },
            { label: "volatile is ignored by modern compilers" },
            { label: "volatile only works for global variables" },
          ],
        },
      ]),
    },
    grading: grading(),
    hints: ["Where can an interrupt fall between the last test of the flag and the store of 1?"],
    explanation: [
      "1. Thread 1 reads the flag (0) and leaves the loop; an interrupt switches to thread 2, which also reads 0, sets the flag and enters. Thread 1 resumes, sets the flag and enters too. A single CPU is enough: the interrupt between the test and the set is the problem.",
      "2. The test and the set must be one indivisible step. `xchg` swaps a register with memory atomically: store 1 and get the old value back; the lock is yours if the old value was 0. `volatile` only stops the compiler caching the flag; it makes nothing atomic.",
      "",
      "On x86 the atomic step is `xchg` with memory (implicitly locked) or `lock cmpxchg`. `volatile` only stops the compiler caching the flag in a register; it does not join the test and the set. A correct spinlock still wastes CPU: on one CPU, waiters spin out their slices while the preempted holder cannot run (OSTEP ch. 28).",
    ].join("\n"),
  },
  {
    slug: "ticket-lock-fairness",
    title: "Test-and-set against a ticket lock",
    type: "concept",
    topic: "processes-threads",
    tags: ["spinlock", "ticket-lock", "fetch-and-add", "fairness", "starvation"],
    difficulty: 3,
    prompt:
      "Threads contend for one lock. Lock A spins on an atomic exchange (test-and-set); lock B is a ticket lock: `my = fetch_and_add(&next, 1); while (serving != my) ; ... serving++;`.",
    generator: {
      pool: poolOfParts([
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
            {
              label:
                "A load can be served from the waiter's own cache; every exchange is a write that pulls the cache line away from the other CPUs",
              correct: true,
            },
            { label: "A load is atomic and an exchange is not" },
            { label: "It makes the lock fair" },
            { label: "It lets the holder release the lock without a store" },
          ],
        },
        {
          kind: "number",
          id: "queue",
          label:
            "A ticket lock shows next = 7 and serving = 4. How many threads hold it or wait for it (each took one ticket)?",
          answer: 3,
          unit: "count",
        },
        {
          kind: "choice",
          id: "faa",
          label: "Which atomic operation does the ticket lock need to hand out tickets?",
          options: [
            { label: "Fetch-and-add (x86: lock xadd)", correct: true },
            { label: "A plain load of next" },
            { label: "A memory fence alone" },
            { label: "Disabling interrupts" },
          ],
        },
        {
          kind: "choice",
          id: "preempted-waiter",
          label:
            "Ticket-lock waiters on a busy machine: the thread whose turn comes next has been preempted. What happens?",
          options: [
            {
              label:
                "Everyone behind it waits too: the lock passes only in ticket order, so the queue stalls until that thread runs",
              correct: true,
            },
            { label: "The next ticket holder takes its turn instead" },
            { label: "The lock resets serving to next" },
            { label: "The preempted thread's ticket is cancelled by the kernel" },
          ],
        },
      ]),
    },
    grading: grading(),
    hints: ["With test-and-set, who wins when the lock is released and three threads are spinning?"],
    explanation: [
      "1. With test-and-set, whichever spinner happens to run its exchange first after the release wins; an unlucky thread can lose every time (starvation). The ticket lock serves tickets in order, so a waiter gets in after at most the threads that took tickets before it.",
      "2. All three are correct locks (mutual exclusion holds over every interleaving). Test-and-test-and-set only tries the exchange when a plain read sees the lock free, so waiters mostly read their cached copy instead of writing the shared line over and over.",
      "",
      "Tickets next..serving−1 are taken: next − serving threads hold or wait for the lock. Handing out tickets needs fetch-and-add. The strict order that makes the ticket lock fair is also its weakness under preemption: if the next thread in line is not running, all later ones wait for it.",
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
      pool: poolOfParts([
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
        {
          kind: "choice",
          id: "coffman",
          label: "Which conditions must all hold for a deadlock? (choose all that apply)",
          multiple: true,
          options: [
            { label: "Mutual exclusion", correct: true },
            { label: "Hold and wait", correct: true },
            { label: "No preemption of held resources", correct: true },
            { label: "Circular wait", correct: true },
            { label: "Priority inversion" },
            { label: "More threads than CPUs" },
          ],
        },
        {
          kind: "choice",
          id: "one-lock",
          label: "Both threads replace a and b by one global mutex g around work(). Can they deadlock now?",
          options: [
            { label: "No: each thread holds at most one lock, so no cycle of waits can form", correct: true },
            { label: "Yes: g can still be held by one thread while the other waits for it" },
            { label: "Yes, if work() takes long" },
            { label: "Only if g is a spinlock" },
          ],
        },
        {
          kind: "choice",
          id: "livelock",
          label:
            "Thread 2 instead uses trylock(a) and, when it fails, releases b and starts over. What can happen instead of a deadlock?",
          options: [
            {
              label: "Livelock: both threads keep backing off and retrying without either making progress",
              correct: true,
            },
            { label: "Nothing: trylock rules out every failure" },
            { label: "A data race on a" },
            { label: "Priority inversion" },
          ],
        },
      ]),
    },
    grading: grading(),
    hints: ["Find an interleaving of the first lock() of each thread, then look at what each one waits for."],
    explanation: [
      "1. Thread 1 takes a; an interrupt; thread 2 takes b. Now thread 1 waits for b (held by 2) and thread 2 waits for a (held by 1): a cycle in the wait-for graph, and neither will ever run again.",
      "2. A deadlock needs mutual exclusion, hold-and-wait, no preemption and circular wait. A single global order for taking locks breaks circular wait: whoever holds a lock only ever waits for locks later in the order, so no cycle can form. Release order does not matter, and spinning would just turn the deadlock into a livelock that burns CPU.",
      "",
      "Deadlock needs all four (Coffman) conditions: mutual exclusion, hold-and-wait, no preemption, circular wait; one global lock order breaks circular wait, one big lock breaks hold-and-wait (at the cost of concurrency). Backing off with trylock avoids deadlock but can livelock, which is why back-off usually adds a random delay (OSTEP ch. 32).",
    ].join("\n"),
  },
  {
    slug: "race-add-sub-final-values",
    title: "One thread adds, another subtracts",
    type: "concept",
    topic: "processes-threads",
    tags: ["race-condition", "lost-update", "interleaving"],
    difficulty: 3,
    prompt: [
      "A shared `int x = {{start}};`. With no lock, thread 1 runs `x = x + {{add}};` and thread 2 runs `x = x - {{sub}};`. Each statement compiles to a load of x into the thread's own register, the arithmetic on that register, and a store back to x; any interleaving of the two threads' instructions is possible.",
    ].join("\n"),
    generator: {
      params: { start: { range: [5, 40] }, add: { range: [2, 9] }, sub: { range: [1, 9] } },
      parts: [
        {
          kind: "number",
          id: "max",
          label: "The largest possible final value of x",
          unit: "count",
          answer: {
            model: "race-two-updates",
            args: { start: "{{start}}", add: "{{add}}", sub: "{{sub}}", which: "max" },
          },
        },
        {
          kind: "number",
          id: "min",
          label: "The smallest possible final value of x",
          unit: "count",
          answer: {
            model: "race-two-updates",
            args: { start: "{{start}}", add: "{{add}}", sub: "{{sub}}", which: "min" },
          },
        },
        {
          kind: "number",
          id: "count",
          label: "How many different final values are possible?",
          unit: "count",
          answer: {
            model: "race-two-updates",
            args: { start: "{{start}}", add: "{{add}}", sub: "{{sub}}", which: "count" },
          },
        },
      ],
    },
    grading: grading(),
    hints: ["Whichever thread stores last decides x. Did it load x before or after the other thread's store?"],
    explanation: [
      "1. If one statement runs entirely before the other, both take effect: start + add − sub.",
      "2. If both threads load x before either stores, the last store wins and the other update is lost: x ends at start + add (the subtraction is lost) or start − sub (the addition is lost).",
      "3. So there are exactly three outcomes. The largest is start + add (the addition survives and the subtraction is lost), the smallest start − sub. No interleaving gives anything else, because each thread stores once, computed from the one value it loaded.",
    ].join("\n"),
  },
  {
    slug: "race-interrupt-interval",
    title: "count++ under a fixed interrupt interval",
    type: "concept",
    topic: "processes-threads",
    tags: ["race-condition", "lost-update", "interleaving", "classic"],
    difficulty: 4,
    prompt: [
      "Two threads share `count = 0` and each runs `count++` **{{iterations}}** times with no lock, compiled to three instructions per increment:",
      "",
      "```",
      "mov count, %ax   # load",
      "add $1, %ax",
      "mov %ax, count   # store",
      "```",
      "",
      "One CPU runs thread 0 first. A timer interrupt switches to the other thread after every **{{interval}}** instructions (as OSTEP's `x86.py -i {{interval}}` does); a thread that finishes hands the CPU over at once. Each thread has its own `%ax`, saved and restored by the switch.",
    ].join("\n"),
    generator: {
      params: { iterations: { range: [2, 3] }, interval: { range: [1, 7] } },
      parts: [
        {
          kind: "number",
          id: "final",
          label: "The final value of count",
          unit: "count",
          answer: {
            model: "race-interrupt-final",
            args: { threads: 2, iterations: "{{iterations}}", interval: "{{interval}}" },
          },
        },
      ],
    },
    grading: grading(),
    hints: [
      "Write the two threads' instructions in columns and cut them where the interrupts fall. Where does each switch fall: between a load and its store?",
    ],
    explanation: [
      "Trace it slice by slice. An update is lost whenever a switch falls between a thread's load and its store and the other thread stores count before the first one's stale store lands.",
      "",
      "- With an interval that is a multiple of 3 every slice ends on an instruction boundary of whole increments, so nothing is lost: count = 2 × iterations.",
      "- Any other interval splits some increment, and each split that lets the other thread store in between loses that thread's work.",
      "",
      "The schedule is deterministic here, so there is one answer; a real timer makes the cut points random, which is why the bug appears only sometimes.",
    ].join("\n"),
  },
  {
    slug: "lock-kind-final-values",
    title: "Does this lock protect the counter?",
    type: "concept",
    topic: "processes-threads",
    tags: ["mutual-exclusion", "spinlock", "test-and-set", "race-condition"],
    difficulty: 3,
    prompt: [
      "Two threads each run `for (i = 0; i < {{iterations}}; i++) { lock(); count = count + 1; unlock(); }` (count starts at 0; the increment is a load, an add and a store). The lock is **{{kind}}**, one of:",
      "",
      "- `none`: no lock at all;",
      "- `naive`: `while (flag == 1) ; flag = 1;` with a plain load and a plain store;",
      "- `tas`: spin on `xchg` (test-and-set) until the old value is 0;",
      "- `ttas`: spin on a plain load until the flag is 0, then try `xchg`;",
      "- `ticket`: take a ticket with fetch-and-add, spin until `serving` equals it, release with `serving++` (fetch-and-add);",
      "- `yield`: like `tas`, but call `yield()` instead of spinning again.",
      "",
      "Consider every interleaving of the two threads on one CPU (interrupts anywhere).",
    ].join("\n"),
    generator: {
      params: { kind: { choice: ["none", "naive", "tas", "ttas", "ticket", "yield"] }, iterations: { range: [1, 2] } },
      parts: [
        {
          kind: "number",
          id: "count",
          label: "How many different final values of count are possible with the {{kind}} lock?",
          unit: "count",
          answer: {
            model: "lock-final-values",
            args: { kind: "{{kind}}", threads: 2, iterations: "{{iterations}}", which: "count" },
          },
        },
        {
          kind: "number",
          id: "min",
          label: "The smallest possible final value of count",
          unit: "count",
          answer: {
            model: "lock-final-values",
            args: { kind: "{{kind}}", threads: 2, iterations: "{{iterations}}", which: "min" },
          },
        },
      ],
    },
    grading: grading(),
    hints: ["Is the test of the flag and the setting of it one indivisible instruction?"],
    explanation: [
      "1. `tas`, `ttas`, `ticket` and `yield` are correct locks: the step that claims the lock (`xchg` or fetch-and-add) is atomic, so only one thread is ever between lock and unlock, every increment counts, and the only final value is 2 × iterations.",
      "2. `none` and `naive` are not. With `naive`, both threads can read the flag as 0 before either stores 1; both then do their load-add-store together and one update is lost. The values run from the unprotected counter's minimum (1 for one iteration each, 2 for more) up to 2 × iterations, every one of them reachable.",
    ].join("\n"),
  },
  {
    slug: "dining-philosophers-deadlock",
    title: "Philosophers taking the left fork first",
    type: "concept",
    topic: "processes-threads",
    tags: ["deadlock", "mutex", "classic"],
    difficulty: 3,
    prompt: [
      "**{{philosophers}}** threads sit in a ring with one mutex (fork) between each neighbour: thread i runs `lock(m[i]); lock(m[(i + 1) % {{philosophers}}]); eat(); unlock(…); unlock(…);`. Locks block; any interleaving is possible, one `lock` call counting as one step.",
    ].join("\n"),
    generator: {
      params: { philosophers: { range: [2, 6] } },
      parts: [
        {
          kind: "number",
          id: "cycle",
          label: "How many threads are in the wait-for cycle when they deadlock?",
          unit: "count",
          answer: {
            model: "philosophers-deadlock",
            args: { philosophers: "{{philosophers}}", lastReversed: 0, which: "cycle" },
          },
        },
        {
          kind: "number",
          id: "steps",
          label: "The fewest lock calls (steps) after which they are deadlocked",
          unit: "count",
          answer: {
            model: "philosophers-deadlock",
            args: { philosophers: "{{philosophers}}", lastReversed: 0, which: "steps" },
          },
        },
      ],
    },
    grading: grading(),
    hints: ["What happens if every thread takes its first lock before anyone takes a second?"],
    explanation: [
      "If each thread in turn gets its first fork, every fork is held and every thread then waits for its right-hand fork, held by its neighbour: thread 0 waits for 1, 1 for 2, …, the last for 0. That is a cycle through all the threads, reached after one lock call each, and no shorter run can deadlock: until every thread holds a fork, some thread can get both and finish.",
    ].join("\n"),
  },
  {
    slug: "philosophers-one-reversed",
    title: "Breaking the philosophers' cycle",
    type: "concept",
    topic: "processes-threads",
    tags: ["deadlock", "lock-ordering"],
    difficulty: 3,
    prompt: [
      "n = **{{philosophers}}** threads sit in a ring with a mutex between each neighbour. Every thread i locks its left mutex `m[i]` and then its right `m[(i + 1) % n]`, {{lastRule}}. Locks block; any interleaving is possible.",
    ].join("\n"),
    generator: {
      // Issue #23: four ring sizes with the last thread reversed, and one ring where nobody is reversed,
      // the contrast the fix is about; consecutive seeds draw different items.
      pool: [
        ...[2, 3, 4, 5].map((philosophers) => ({
          vars: {
            philosophers,
            lastRule: "except the last thread (i = n − 1), which locks `m[0]` first and then `m[n − 1]`",
          },
          parts: reversedRingParts(1),
        })),
        {
          vars: {
            philosophers: 4,
            lastRule: "the last thread (i = n − 1) included: it locks `m[n − 1]` and then `m[0]`",
          },
          parts: reversedRingParts(0),
        },
      ],
    },
    grading: grading(),
    hints: ["Number the mutexes. Which one does each thread take first?"],
    explanation: [
      "Thread i < last takes m[i] then m[i + 1]; the last takes m[0] then m[last]. Every thread takes its lower-numbered mutex first, so the mutexes are always taken in increasing order. A thread holding m[k] only ever waits for a higher-numbered one, so following the wait-for edges the numbers rise and can never come back round: no cycle, no deadlock. The model's search over every interleaving finds none.",
      "",
      "Without the reversed thread (every thread left first, the last one included) the ring can deadlock: each thread holds its left mutex and waits for its right one, a cycle through all n threads.",
    ].join("\n"),
  },
  {
    slug: "spin-vs-block-waste",
    title: "Spin or block while the lock is held?",
    type: "concept",
    topic: "context-switch",
    tags: ["spinlock", "context-switch", "overhead"],
    difficulty: 3,
    prompt: [
      "A thread on a multiprocessor finds a lock held; the holder, running on another CPU, will release it in **{{hold}} µs**. A context switch costs **{{switchCost}} µs** of CPU time. Count the CPU time the waiter's CPU spends on waiting instead of useful work: spinning burns all of the wait; blocking costs a switch away and, when the lock is released, a switch back.",
    ].join("\n"),
    generator: {
      params: { hold: { choice: [1, 2, 5, 10, 20, 50, 200] }, switchCost: { range: [2, 8] } },
      parts: [
        {
          kind: "number",
          id: "spin",
          label: "CPU time lost if it spins",
          unit: "us",
          answer: { model: "wait-waste", args: { policy: "spin", hold: "{{hold}}", switchCost: "{{switchCost}}" } },
        },
        {
          kind: "number",
          id: "block",
          label: "CPU time lost if it blocks",
          unit: "us",
          answer: { model: "wait-waste", args: { policy: "block", hold: "{{hold}}", switchCost: "{{switchCost}}" } },
        },
        {
          kind: "number",
          id: "breakeven",
          label: "The hold time at which both cost the same",
          unit: "us",
          answer: "2 * {{switchCost}}",
        },
      ],
    },
    grading: grading(),
    hints: ["Blocking costs the same whatever the wait; spinning costs exactly the wait."],
    explanation: [
      "Spinning loses the whole wait (hold µs) but no switch. Blocking loses two switches (2 × switchCost µs) however long the wait is, and the CPU runs other threads meanwhile. So spin when the lock will be free sooner than two switches, block when it will be held longer: the break-even hold time is 2 × switchCost. Kernel spinlocks guard a few instructions and win; a lock held across I/O must block.",
    ].join("\n"),
  },
  {
    slug: "two-phase-waiting",
    title: "Spin a little, then block",
    type: "concept",
    topic: "context-switch",
    tags: ["spinlock", "context-switch", "overhead", "mutex"],
    difficulty: 4,
    prompt: [
      "A two-phase lock (the idea behind Solaris' adaptive mutexes and the Linux kernel's optimistic spinning) spins for as long as blocking would cost (two context switches), then blocks. A switch costs **{{switchCost}} µs**; the lock is released **{{hold}} µs** after the waiter arrives. Count the waiter's CPU time lost as in spin-versus-block: spinning time, plus a switch away and a switch back if it blocks.",
    ].join("\n"),
    generator: {
      params: { hold: { choice: [1, 2, 4, 7, 10, 15, 40, 100] }, switchCost: { range: [3, 6] } },
      parts: [
        {
          kind: "number",
          id: "two-phase",
          label: "CPU time lost with two-phase waiting",
          unit: "us",
          answer: {
            model: "wait-waste",
            args: { policy: "two-phase", hold: "{{hold}}", switchCost: "{{switchCost}}" },
          },
        },
        {
          kind: "number",
          id: "best",
          label:
            "CPU time lost by the better of pure spinning and pure blocking, chosen knowing the hold time in advance",
          unit: "us",
          answer: "min({{hold}}, 2 * {{switchCost}})",
        },
      ],
    },
    grading: grading(),
    hints: ["Does the lock come free while the waiter is still in its spinning phase?"],
    explanation: [
      "If the hold is at most two switches, two-phase waiting is still spinning when the lock comes free: it loses exactly the hold, the same as the best choice (spinning). Otherwise it spins two switches' worth, then blocks and pays two more: 4 × switchCost, against 2 × switchCost for the best choice (blocking at once). So it never loses more than twice what a choice made knowing the hold time would, and no strategy that does not know the hold time can guarantee better; this is why real mutexes spin briefly before sleeping.",
    ].join("\n"),
  },
  {
    slug: "spinlock-on-one-cpu",
    title: "Spinning on a uniprocessor",
    type: "concept",
    topic: "context-switch",
    tags: ["spinlock", "test-and-set", "context-switch", "starvation"],
    difficulty: 3,
    prompt: [
      "One CPU, round-robin with a **{{slice}} ms** time slice. A thread holding a test-and-set spinlock is preempted inside its critical section; **{{waiters}}** other threads want the lock and each spins until its slice ends. The holder needs less than one slice to finish and release.",
    ].join("\n"),
    generator: {
      params: { slice: { choice: [1, 2, 4, 10] }, waiters: { range: [1, 4] } },
      parts: [
        {
          kind: "number",
          id: "wasted",
          label: "CPU time spent spinning before the holder runs again",
          unit: "ms",
          answer: "{{waiters}} * {{slice}}",
        },
        {
          kind: "choice",
          id: "fix",
          label: "What should a waiter do on a single CPU instead?",
          options: [
            {
              label:
                "Give up the CPU (yield or block) as soon as the lock is taken: the holder cannot release it while the waiter runs",
              correct: true,
            },
            { label: "Spin with a plain load first (test-and-test-and-set)" },
            { label: "Use a ticket lock so the waiters are served in order" },
            { label: "Spin with a shorter time slice" },
          ],
        },
      ],
    },
    grading: grading(),
    hints: ["While a waiter spins, who is not running?"],
    explanation: [
      "On one CPU the holder is not running while any waiter spins, so nothing can release the lock: each waiter burns its whole slice for nothing before round-robin reaches the holder again, waiters × slice in all. Spinning only pays when the holder runs at the same time on another CPU. On a uniprocessor the waiter should yield or sleep at once, which is what the yield lock and blocking mutexes do; the Linux kernel's own spinlocks instead disable preemption while held, so the holder is never preempted inside.",
    ].join("\n"),
  },
];
