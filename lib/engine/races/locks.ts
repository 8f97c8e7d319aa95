// Lock implementations in the race model's x86 subset, each guarding `count = count + 1` for a given
// number of iterations, with the critical section marked for the mutual-exclusion check. "naive"
// (load, test, then store the flag) and "none" are the broken ones the lessons contrast with.
import { assembleRace, type RaceProgram } from "./program";
import type { RaceSystem } from "./machine";

export const LOCK_KINDS = ["none", "naive", "tas", "ttas", "ticket", "peterson", "yield", "mutex"] as const;
export type LockKind = (typeof LOCK_KINDS)[number];
/** Locks that guarantee mutual exclusion (Peterson's only for two threads). */
export const CORRECT_LOCKS: readonly LockKind[] = ["tas", "ttas", "ticket", "peterson", "yield", "mutex"];

const PARTS: Record<LockKind, { vars: string[]; setup?: string[]; acquire: string[]; release: string[] }> = {
  none: { vars: [], acquire: [], release: [] },
  naive: {
    vars: ["lock"],
    acquire: [".spin", "mov lock, %ax", "test $0, %ax", "jne .spin", "mov $1, lock"],
    release: ["mov $0, lock"],
  },
  tas: {
    vars: ["lock"],
    acquire: [".spin", "mov $1, %ax", "xchg %ax, lock", "test $0, %ax", "jne .spin"],
    release: ["mov $0, lock"],
  },
  ttas: {
    vars: ["lock"],
    acquire: [
      ".spin",
      "mov lock, %ax",
      "test $0, %ax",
      "jne .spin",
      "mov $1, %ax",
      "xchg %ax, lock",
      "test $0, %ax",
      "jne .spin",
    ],
    release: ["mov $0, lock"],
  },
  ticket: {
    vars: ["next", "serving"],
    acquire: ["mov $1, %ax", "fetchadd %ax, next", ".spin", "mov serving, %cx", "test %cx, %ax", "jne .spin"],
    release: ["mov $1, %ax", "fetchadd %ax, serving"],
  },
  peterson: {
    vars: ["flag 2", "turn"],
    // %bx is the thread's id (0 or 1); %cx becomes the other's.
    setup: ["lea flag, %fx", "mov %bx, %cx", "neg %cx", "add $1, %cx"],
    acquire: [
      "mov $1, 0(%fx,%bx,4)",
      "mov %cx, turn",
      ".spin",
      "mov 0(%fx,%cx,4), %ax",
      "test $1, %ax",
      "jne .go",
      "mov turn, %ax",
      "test %cx, %ax",
      "je .spin",
      ".go",
    ],
    release: ["mov $0, 0(%fx,%bx,4)"],
  },
  yield: {
    vars: ["lock"],
    acquire: [".spin", "mov $1, %ax", "xchg %ax, lock", "test $0, %ax", "je .go", "yield", "j .spin", ".go"],
    release: ["mov $0, lock"],
  },
  mutex: { vars: [], acquire: ["lock m"], release: ["unlock m"] },
};

/** x86 source of one thread: `iterations` times, take the lock, increment `count`, release. */
export function lockSource(kind: LockKind, iterations: number): string {
  if (!Number.isInteger(iterations) || iterations < 1)
    throw new RangeError("iterations must be a whole number, at least 1");
  const p = PARTS[kind];
  return [
    ...p.vars.map((v) => `.var ${v}`),
    ".var count",
    ...(p.setup ?? []),
    `mov $${iterations}, %dx`,
    ".top",
    ...p.acquire,
    ".cs_begin",
    "mov count, %ax",
    "add $1, %ax",
    "mov %ax, count",
    ".cs_end",
    ...p.release,
    "sub $1, %dx",
    "test $0, %dx",
    "jgt .top",
    "halt",
  ].join("\n");
}

export function lockProgram(kind: LockKind, iterations: number): RaceProgram {
  return assembleRace(lockSource(kind, iterations));
}

/** `threads` copies of the lock's loop; thread i starts with %bx = i (Peterson's id). */
export function lockSystem(kind: LockKind, threads: number, iterations: number): RaceSystem {
  if (!Number.isInteger(threads) || threads < 1) throw new RangeError("threads must be a whole number, at least 1");
  if (kind === "peterson" && threads > 2) throw new RangeError("Peterson's algorithm is for two threads");
  const program = lockProgram(kind, iterations);
  return { threads: Array.from({ length: threads }, (_, i) => ({ program, registers: { bx: i } })) };
}
