// Maps a PolicyConfig to its picker. The only place that knows every policy.
import type { Policy, TaskRun } from "./policy";
import { createFifo } from "./policies/fifo";
import { createPriority, createSjf } from "./policies/keyed";
import { createLinux } from "./policies/linux";
import { createLottery } from "./policies/lottery";
import { createMlfq } from "./policies/mlfq";
import { createRoundRobin } from "./policies/rr";
import { createStride } from "./policies/stride";
import type { PolicyConfig } from "./types";

export function createPolicy(p: PolicyConfig, tasks: readonly TaskRun[]): Policy {
  switch (p.name) {
    case "fifo":
      return createFifo();
    case "sjf":
      return createSjf(false);
    case "stcf":
      return createSjf(true);
    case "rr":
      return createRoundRobin(p.quantum, p.restartQuantumOnArrival === true);
    case "priority":
      return createPriority(p.preemptive, p.higherIs);
    case "mlfq":
      return createMlfq(p, tasks);
    case "lottery":
      return createLottery(p.quantum, p.seed);
    case "stride":
      return createStride(p.quantum, p.strideConstant);
    case "cfs":
    case "eevdf":
      return createLinux(
        p,
        tasks.some((t) => t.cls === "fifo" || t.cls === "rr"),
      );
  }
}
