// Issue #18's answer interfaces: race questions answered by ticking the possible final values, ordering
// two threads' instructions into an interleaving, or marking where an interrupt breaks a lock. The race
// kind (lib/engine/questions/kinds/race.ts) grades each answer by running it in the race model, so any
// interleaving that reaches the outcome is right, not just one stored order.
import type { QuestionTemplate } from "@/lib/engine";
import { grading } from "./common";

/** A two-thread spinlock whose test and set are separate instructions, listed straight through once. */
const NAIVE_FLAG_LOCK = [
  ".var {{flag}}",
  ".var count",
  ".spin",
  "mov {{flag}}, %ax",
  "test $0, %ax",
  "jne .spin",
  "mov $1, {{flag}}",
  ".cs_begin",
  "mov count, %ax",
  "add $1, %ax",
  "mov %ax, count",
  ".cs_end",
  "mov $0, {{flag}}",
].join("\n");

export const RACES_ANSWERS_TEMPLATES: readonly QuestionTemplate[] = [
  {
    slug: "race-count-possible-values",
    title: "Tick every possible final count",
    type: "race",
    topic: "processes-threads",
    tags: ["race-condition", "lost-update", "interleaving", "classic"],
    difficulty: 4,
    prompt: [
      "**{{threads}}** threads share `count = 0` and each runs `count++` **{{iterations}}** times with no lock (the loop below; `%dx` counts the iterations). The listings show each thread's instructions; every thread has its own registers.",
      "",
      "Any interleaving of the threads' instructions is possible (one CPU, interrupts anywhere). Tick **every** value count can have when all threads have finished, and nothing else.",
    ].join("\n"),
    generator: {
      // Two threads: three threads by two iterations is 100,000 states, past what a variant should cost to build.
      params: { threads: 2, iterations: { range: [1, 3] } },
      program: { from: "lock", lock: "none", threads: "{{threads}}", iterations: "{{iterations}}" },
      parts: [
        {
          ask: "final-values",
          id: "values",
          label: "Possible final values of count",
          variable: "count",
          candidates: { from: "0", to: "{{threads}} * {{iterations}} + 1" },
        },
      ],
    },
    grading: grading(),
    hints: [
      "The largest value is easy: when no two increments overlap, every one of them counts.",
      "An update is lost when a thread stores a value it loaded before another thread's store. How stale can the value a thread stores be?",
      "For the smallest value, ask which store comes last, and what the thread that makes it must have loaded: can the last store write a value below the one every thread's first increment could have produced?",
    ],
    explanation: [
      "1. **Largest:** no two increments overlap, so every one counts: {{threads}} × {{iterations}}.",
      "2. **Smallest, one iteration each:** every thread loads 0 before any stores, and every store writes 1.",
      "3. **Smallest, two or more iterations:** thread A loads 0 and is interrupted; the others run all their increments but one; A stores 1, wiping them out; a second thread B loads that 1, A finishes its other increments, and B's stale store of 2 is the last write. So 2 is possible, and nothing lower: the last store comes from a load that followed some thread's first store.",
      "4. Every value in between is reachable too. Values above the number of increments, and 0, never happen: each store writes one more than a value some thread loaded.",
    ].join("\n"),
  },
  {
    slug: "race-add-sub-interleave",
    title: "Lose one of two updates on purpose",
    type: "race",
    topic: "processes-threads",
    tags: ["race-condition", "lost-update", "interleaving"],
    difficulty: 3,
    prompt: [
      "Shared `x = {{start}}`. With no lock, thread T0 runs `x = x + {{add}};` and thread T1 runs `x = x - {{sub}};`. Each statement compiles to a load of x into a register, the arithmetic, and a store back (the listings). Any interleaving is possible.",
    ].join("\n"),
    generator: {
      params: { start: { range: [5, 40] }, add: { range: [2, 9] }, sub: { range: [1, 9] } },
      program: { from: "pseudo-c", threads: ["x = x + {{add}};", "x = x - {{sub}};"], shared: ["x"] },
      memory: { x: "{{start}}" },
      parts: [
        {
          ask: "final-values",
          id: "values",
          label: "Tick every possible final value of x",
          variable: "x",
          candidates: [
            "{{start}}",
            "{{start}} + {{add}}",
            "{{start}} - {{sub}}",
            "{{start}} + {{add}} - {{sub}}",
            "{{start}} + {{add}} + {{sub}}",
            "{{start}} - {{add}} - {{sub}}",
          ],
        },
        {
          ask: "interleave",
          id: "lose-add",
          label: "Order the six instructions into an interleaving that ends with x = {{goal}}, the addition lost",
          goal: { variable: "x", equals: "{{start}} - {{sub}}" },
        },
      ],
    },
    grading: grading(),
    hints: [
      "Whichever thread stores last decides x. What did that thread load?",
      "For the addition to vanish, T1's store must come last and T1 must have loaded x before T0's store.",
      "An interleaving is a merge of the two listings: each thread's own instructions stay in their order.",
    ],
    explanation: [
      "1. If one statement runs entirely before the other, both take effect: {{start}} + {{add}} − {{sub}}.",
      "2. If both threads load x before either stores, the last store wins: x ends at {{start}} + {{add}} (T0 stores last) or {{start}} − {{sub}} (T1 stores last). Nothing else is possible: each thread stores once, computed from the one value it loaded.",
      "3. To lose the addition: T1 loads x ({{start}}); T0 then runs all three of its instructions (x = {{start}} + {{add}}); T1 subtracts from its stale copy and stores {{start}} − {{sub}} last. Any order where T1 loads before T0 stores and T1 stores after T0 does the same.",
    ].join("\n"),
  },
  {
    slug: "race-count-interleave-target",
    title: "Build the interleaving that loses increments",
    type: "race",
    topic: "processes-threads",
    tags: ["race-condition", "lost-update", "interleaving", "classic"],
    difficulty: 4,
    prompt: [
      "Two threads share `count = 0`; each runs `count = count + 1;` twice with no lock (each increment is a load, an add and a store, as the listings show). Order all twelve instructions into one interleaving after which count = **{{target}}**.",
    ].join("\n"),
    generator: {
      params: { target: { choice: [2, 3] } },
      program: {
        from: "pseudo-c",
        threads: ["count = count + 1; count = count + 1;", "count = count + 1; count = count + 1;"],
        shared: ["count"],
      },
      parts: [
        {
          ask: "interleave",
          id: "run",
          label: "An interleaving that ends with count = {{target}}",
          goal: { variable: "count", equals: "{{target}}" },
        },
      ],
    },
    grading: grading(),
    hints: [
      "Each lost update needs a thread that loads count, is interrupted before its store, and stores after the other thread's store.",
      "The final value is what the last store writes. Work backwards: what must the thread making the last store have loaded?",
      "For the smallest value, one thread loads 0 early, lets the other run nearly to the end, then stores 1 over the other's work.",
    ],
    explanation: [
      "Count ends at 4 only when no increments overlap. For 3, overlap one pair: both threads load the same value, both store the same value +1, and one increment is gone.",
      "For 2, the least possible: T0 loads 0 and adds; T1 runs its whole first increment (count = 1); T0 stores its 1; T1 loads 1 and adds; T0 runs its whole second increment (count = 2); T1 stores its stale 2. Any interleaving that reaches the target is accepted: the grader runs yours.",
    ].join("\n"),
  },
  {
    slug: "naive-lock-both-inside",
    title: "Get both threads past a flag lock",
    type: "race",
    topic: "processes-threads",
    tags: ["mutual-exclusion", "spinlock", "race-condition", "interleaving"],
    difficulty: 4,
    prompt: [
      "Two threads guard `count++` with a lock made of a plain variable `{{flag}}` (0 = free): spin while it reads 1, then store 1. The listings show each thread's instructions; `.cs_begin` to `.cs_end` is the critical section.",
      "",
      "Order all sixteen instructions into an interleaving in which, at some moment, **both threads are inside the critical section**. Each thread's jump must fall through (not loop back), since each instruction appears once.",
    ].join("\n"),
    generator: {
      params: { flag: { choice: ["flag", "busy", "locked"] } },
      program: { from: "x86", threads: [NAIVE_FLAG_LOCK, NAIVE_FLAG_LOCK] },
      parts: [
        {
          ask: "interleave",
          id: "run",
          label: "An interleaving that puts both threads inside the critical section",
          goal: { bothInside: true },
        },
      ],
    },
    grading: grading(),
    hints: [
      "Is the test of the flag and the store of 1 one instruction, or several?",
      "Both threads must read the flag as 0 before either stores 1.",
      "Let one thread load and test the flag, switch to the other for its load and test, and only then let either store.",
    ],
    explanation: [
      "T0 loads {{flag}} (0), tests it and falls through its jne; an interrupt; T1 loads {{flag}} (still 0), tests it, falls through, stores 1 and enters; back to T0, which stores 1 too and enters. Both are between .cs_begin and .cs_end at once. The load and the store of the flag are separate instructions, so the lock is broken even on one CPU; an atomic exchange (xchg, test-and-set) fixes it.",
    ].join("\n"),
  },
  {
    slug: "lock-interrupt-point",
    title: "Where does an interrupt break the lock?",
    type: "race",
    topic: "processes-threads",
    tags: ["mutual-exclusion", "spinlock", "test-and-set", "ticket-lock"],
    difficulty: 4,
    prompt: [
      "Two threads, T0 and T1, each run the loop in the listings once: take the lock ({{lock}}), increment count inside `.cs_begin`…`.cs_end`, release. %bx holds the thread's id (0 or 1).",
      "",
      "T0 runs first, alone. **One** interrupt falls right after one of T0's instructions: T1 then runs until it is inside its critical section (or is stuck waiting), and another interrupt hands the CPU back to T0. After which instruction does this let **both** threads into the critical section at once? Pick one that does, or “None” if no such point exists.",
    ].join("\n"),
    generator: {
      params: { lock: { choice: ["naive", "tas", "ttas", "ticket", "peterson", "peterson-swapped"] } },
      program: { from: "lock", lock: "{{lock}}", threads: 2, iterations: 1 },
      parts: [{ ask: "interrupt", id: "point", label: "The interrupt that breaks mutual exclusion comes after" }],
    },
    grading: grading(),
    hints: [
      "Find the instruction that claims the lock. Is claiming it (seeing it free and marking it taken) one atomic instruction?",
      "An interrupt is dangerous only between T0 deciding it may enter and the lock's memory showing T0 as the owner.",
      "Trace T1 from the memory T0 leaves behind at the interrupt: does T1 see the lock as free? Then trace T0 from its saved registers: does it still go in?",
    ],
    explanation: [
      "- **naive:** the flag is loaded, tested and only then set. An interrupt after the load, the test or the jump lets T1 read 0 too; both enter.",
      "- **tas, ttas:** the exchange both reads the old value and stores 1 in one instruction. Before it, T1 finds the lock free and takes it, and T0's exchange then reads 1; after it, T1 spins. No point works.",
      "- **ticket:** fetch-and-add hands out tickets atomically; whoever fetched first is served first. No point works.",
      "- **peterson:** raising your flag before giving the turn away makes it correct for two threads. No point works.",
      "- **peterson-swapped:** giving the turn away before raising the flag is broken: after T0 stores turn, T1 sets turn back, sees T0's flag still 0 and enters; T0 then raises its flag, sees turn favouring itself and enters too.",
    ].join("\n"),
  },
  {
    slug: "naive-lock-values-and-interrupt",
    title: "A flag lock: what it lets through",
    type: "race",
    topic: "processes-threads",
    tags: ["mutual-exclusion", "spinlock", "race-condition", "lost-update"],
    difficulty: 4,
    prompt: [
      "Two threads each run this loop **{{iterations}}** times: take a lock made of a plain flag (load it, spin while it is 1, store 1), increment count (load, add, store), release the flag. count starts at 0; the listings show each thread's instructions.",
    ].join("\n"),
    generator: {
      params: { iterations: { range: [1, 2] } },
      program: { from: "lock", lock: "naive", threads: 2, iterations: "{{iterations}}" },
      parts: [
        {
          ask: "final-values",
          id: "values",
          label: "Tick every possible final value of count (any interleaving)",
          variable: "count",
          candidates: { from: "0", to: "2 * {{iterations}} + 1" },
        },
        {
          ask: "interrupt",
          id: "point",
          label:
            "T0 runs first, alone. After which of its instructions does one interrupt (T1 runs until it is inside, then T0 resumes) let both threads in?",
        },
      ],
    },
    grading: grading(),
    hints: [
      "If the lock worked, only one value would be possible. Does it?",
      "Where can T0 be interrupted after it has read the flag as 0 but before it has stored 1?",
      "Once both threads are inside at once, their load-add-store sequences can overlap exactly as with no lock at all.",
    ],
    explanation: [
      "1. The flag's load and store are separate instructions, so both threads can read 0 and both enter. Inside, their increments overlap like an unprotected counter's: one can be lost. So count can end anywhere from the unprotected minimum (1 for one iteration, 2 for more) up to 2 × {{iterations}}, never 0 and never more than the number of increments.",
      "2. An interrupt after T0 loads the flag, tests it or falls through the jump (but before `mov $1`) lets T1 read 0, enter, and be inside when T0 resumes and enters too. After T0's store of 1, T1 just spins.",
    ].join("\n"),
  },
];
