import type { ComponentType } from "react";
import type { DiagramName } from "@/lib/lessons/registry";
import { AddressSpacesDiagram } from "./address-spaces";
import { ContextSwitchStepsDiagram } from "./context-switch-steps";
import { EevdfTimelineDiagram } from "./eevdf-timeline";
import { ForkExecWaitDiagram } from "./fork-exec-wait";
import { MlfqLevelsDiagram } from "./mlfq-levels";
import { MNThreadingDiagram } from "./m-n-threading";
import { SchedClassesDiagram } from "./sched-classes";
import { ThreadVsLoopDiagram } from "./thread-vs-loop";

/** Diagrams are static SVG rendered on the server: no client JavaScript, so they can all live in one map. */
export const DIAGRAMS: Record<DiagramName, ComponentType> = {
  "address-spaces": AddressSpacesDiagram,
  "fork-exec-wait": ForkExecWaitDiagram,
  "mlfq-levels": MlfqLevelsDiagram,
  "eevdf-timeline": EevdfTimelineDiagram,
  "sched-classes": SchedClassesDiagram,
  "context-switch-steps": ContextSwitchStepsDiagram,
  "m-n-threading": MNThreadingDiagram,
  "thread-vs-loop": ThreadVsLoopDiagram,
};
