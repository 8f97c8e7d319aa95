// Public surface of the CPU scheduling simulator (re-exported by lib/engine/index.ts).
export type {
  CfsConfig,
  Conventions,
  Decision,
  DecisionValues,
  EevdfConfig,
  Limits,
  Migration,
  MigrationReason,
  PolicyConfig,
  PolicyName,
  Result,
  SchedState,
  RtConfig,
  SchedClass,
  SimResult,
  Slice,
  SliceEnd,
  SmpConfig,
  SmpReport,
  SwitchCostConfig,
  SwitchKind,
  SwitchKindReport,
  SwitchReport,
  TaskMetrics,
  TaskSpec,
  TaskState,
  ValidationError,
  Workload,
} from "./types";
export { validateWorkload, POLICY_NAMES } from "./validate";
export { simulate, simulateInput, stateAt, statesAt } from "./simulate";
export { niceToWeight, fairShares, NICE_0_WEIGHT, SCHED_IDLE_WEIGHT } from "./weights";
export { MAX_TASKS, MAX_EVENTS_CAP, MAX_CPUS, DEFAULT_CONVENTIONS, DEFAULT_SMP, DEFAULT_SWITCH_COST } from "./defaults";
export { generateWorkload } from "./generate";
export type { GenerateParams } from "./generate";
export { formatTimeline } from "./format";
