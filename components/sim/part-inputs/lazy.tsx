"use client";

import dynamic from "next/dynamic";
import type { ReactNode } from "react";
import type { AnswerPartSpec } from "@/lib/engine/questions";
import { inputByKind, type PartInputs } from "./by-kind";

// Each kind's widget is its own chunk, so a page downloads only the kinds its question has. The server
// renders them and preloads their chunks (hydration waits for them). No loading fallback on purpose:
// without one there is no Suspense boundary here, so a client-side navigation or a transition keeps the
// previous screen until the widget's code is in, instead of showing the form without its inputs.
const INPUTS: PartInputs = {
  timeline: dynamic(() => import("./timeline").then((m) => m.TimelinePartInput)),
  number: dynamic(() => import("./number").then((m) => m.NumberPartInput)),
  order: dynamic(() => import("./order").then((m) => m.OrderPartInput)),
  choice: dynamic(() => import("./choice").then((m) => m.ChoicePartInput)),
  tree: dynamic(() => import("./tree").then((m) => m.TreePartInput)),
};

/** Like partInputFor, loading each kind's widget on first use. */
export function lazyPartInputFor(part: AnswerPartSpec): ReactNode {
  return inputByKind(INPUTS, part);
}
