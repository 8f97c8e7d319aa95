// Races, locks and deadlock: threads running a subset of OSTEP's x86.py language (or pseudo-C that
// compiles to it) under a chosen interleaving, an interrupt schedule, or every interleaving.
export {
  assembleRace,
  compilePseudoC,
  RaceSyntaxError,
  RACE_REGISTERS,
  type RaceProgram,
  type RaceInstr,
  type RaceOp,
} from "./program";
export {
  runInterleaving,
  runInterrupts,
  finalValues,
  checkMutualExclusion,
  findDeadlock,
  waitForCycle,
  RaceBoundError,
  RaceScheduleError,
  DEFAULT_MAX_STATES,
  type RaceSystem,
  type RaceThread,
  type RaceOutcome,
  type FinalValues,
  type MutualExclusion,
  type DeadlockReport,
  type WaitEdge,
  type Step,
} from "./machine";
export { LOCK_KINDS, CORRECT_LOCKS, lockSource, lockProgram, lockSystem, type LockKind } from "./locks";
