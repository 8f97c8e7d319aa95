// Server concurrency models (thread-per-request, event loop, goroutines, virtual threads): throughput,
// queueing latency, memory and the resource that saturates first.
export { modelCapacity } from "./model";
export { validateCapacityInput } from "./validate";
export { formatCapacityReport } from "./format";
export { erlangCWait } from "./queueing";
export { CAPACITY_DEFAULTS } from "./defaults";
export type {
  CapacityBound,
  CapacityError,
  CapacityInput,
  CapacityMachine,
  CapacityReport,
  CapacityResult,
  CapacityServer,
  CapacityServerReport,
  CapacityWorkload,
} from "./types";
