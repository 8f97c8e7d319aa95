// The input for one answer part, by kind, with every kind's widget in the bundle: for forms that can
// show any question (mock interviews, the authoring preview). The exercise page uses ./lazy instead.
import type { ReactNode } from "react";
import type { AnswerPartSpec } from "@/lib/engine/questions";
import { inputByKind, type PartInputs } from "./by-kind";
import { ChoicePartInput } from "./choice";
import { NumberPartInput } from "./number";
import { OrderPartInput } from "./order";
import { TimelinePartInput } from "./timeline";
import { TreePartInput } from "./tree";

const INPUTS: PartInputs = {
  timeline: TimelinePartInput,
  number: NumberPartInput,
  order: OrderPartInput,
  choice: ChoicePartInput,
  tree: TreePartInput,
};

export function partInputFor(part: AnswerPartSpec): ReactNode {
  return inputByKind(INPUTS, part);
}
