import type { ComponentType, ReactNode } from "react";
import type { AnswerPartSpec } from "@/lib/engine/questions";

type PartOfKind<K extends AnswerPartSpec["kind"]> = Extract<AnswerPartSpec, { kind: K }>;

/** One input component per part kind; index.tsx gives them all eagerly, lazy.tsx one chunk each. */
export type PartInputs = { [K in AnswerPartSpec["kind"]]: ComponentType<{ part: PartOfKind<K> }> };

export function inputByKind(inputs: PartInputs, part: AnswerPartSpec): ReactNode {
  switch (part.kind) {
    case "timeline":
      return <inputs.timeline part={part} />;
    case "number":
      return <inputs.number part={part} />;
    case "order":
      return <inputs.order part={part} />;
    case "choice":
      return <inputs.choice part={part} />;
    case "tree":
      return <inputs.tree part={part} />;
  }
}
