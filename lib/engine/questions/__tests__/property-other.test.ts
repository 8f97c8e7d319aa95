// 1,000 seeded variants each of the process, event-loop, capacity and concept kinds (the examples).
import { describe, test } from "vitest";
import { EXAMPLE_TEMPLATES } from "../examples";
import type { QuestionType } from "../types";
import { checkGradingProperty } from "./property";

const byType = (type: QuestionType) => EXAMPLE_TEMPLATES.filter((t) => t.type === type);

describe("other kinds: reference scores 1, perturbed < 1", () => {
  for (const type of ["process", "eventloop", "capacity", "concept"] as const) {
    test(`${type}: 1,000 variants over the example templates`, () => {
      const templates = byType(type);
      const per = Math.ceil(1000 / templates.length);
      templates.forEach((t, i) => checkGradingProperty(t, per, i * per));
    });
  }
});
