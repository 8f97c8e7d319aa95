// Every question type and the module that implements it.
import type { QuestionType } from "./types";
import type { QuestionKind } from "./kinds/kind";
import { scheduleKind } from "./kinds/schedule";
import { metricsKind } from "./kinds/metrics";
import { switchCostKind } from "./kinds/switch-cost";
import { processKind } from "./kinds/process";
import { eventLoopKind } from "./kinds/eventloop";
import { capacityKind } from "./kinds/capacity";
import { conceptKind } from "./kinds/concept";
import { raceKind } from "./kinds/race";

export const QUESTION_TYPES: readonly QuestionType[] = [
  "schedule",
  "metrics",
  "switch-cost",
  "process",
  "eventloop",
  "capacity",
  "concept",
  "race",
];

export const KINDS: Record<QuestionType, QuestionKind<unknown>> = {
  schedule: scheduleKind,
  metrics: metricsKind,
  "switch-cost": switchCostKind,
  process: processKind,
  eventloop: eventLoopKind,
  capacity: capacityKind,
  concept: conceptKind,
  race: raceKind,
};
