// Messages between the server and its engine workers (engine-pool.ts ↔ engine-worker.ts). Types only,
// shared by both sides; every value crossing is structured-cloned, so jobs and replies are plain data.
import type { Checked, QuestionTemplate, SelfTestResult, Variant } from "../engine";
import type { TemplateCheck } from "../validation/questions";

interface Metered {
  /** The name a WorkBudgetExceeded reports when `workLimit` runs out. */
  budget: string;
  /** Interpreter steps the job may take (see lib/engine/work.ts). */
  workLimit: number;
}

export type EngineJob =
  | (Metered & { kind: "selftest"; template: unknown; variants: number; variantWorkLimit: number })
  | (Metered & { kind: "build"; template: QuestionTemplate; seed: number })
  /** Review: which of `seeds` gives a variant telling apart the misconceptions a student holds (issue #21). */
  | (Metered & { kind: "prefer"; template: QuestionTemplate; seeds: number[]; held: string[] });

export type EngineReply =
  /** `result` is null when `check` refused the template (validation builds a variant, so it runs here too). */
  | { kind: "selftest"; check: TemplateCheck; result: SelfTestResult | null; used: number }
  | { kind: "build"; result: Checked<Variant>; used: number }
  | { kind: "prefer"; seed: number | null; used: number }
  | { kind: "exceeded"; budget: string; limit: number }
  | { kind: "failed"; message: string };
