// OSTEP homework compatibility: byte-exact ports of the homework simulators, plus the Python
// pieces (random, optparse, % formatting) they need to match CPython's output.
export type { OstepRun, OstepScript } from "./types";
export { createPythonRandom, type PythonRandom } from "../random";
export { pyFormat, pyFixed, pyFloat, pyFloatRepr, pyStr, pyStrRepr, type PyArg, type PyFloat } from "./pyformat";
export { parsePyFloat, parsePyInt, parseOptparseInt } from "./pyparse";
export {
  parseOptions,
  type OptionSpec,
  type OptionKind,
  type OptionValue,
  type ParsedOptions,
  type ParseOutcome,
} from "./optparse";
export { runOstepScheduler, runOstepSchedulerBytes } from "./scheduler";
export { runOstepMlfq } from "./mlfq";
export { runOstepLottery } from "./lottery";
export { runOstepMulti, MULTI_MAX_CPU_TICKS, MULTI_MAX_JOBS } from "./multi";
export { runOstepProcessRun } from "./process-run";
export { runOstepFork } from "./fork";
export { runOstepX86, type X86Host, type X86ReadError, type X86Variant } from "./x86";
