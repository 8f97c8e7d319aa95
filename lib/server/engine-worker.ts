// Entry of the engine worker threads (see engine-pool.ts): runs one job at a time under the work
// budget it was given and answers with its result and the interpreter steps it took. No "server-only"
// import: this file runs in a bare worker thread, outside React's server environment.
import { parentPort } from "node:worker_threads";
import {
  buildVariant,
  preferDiscriminatingSeed,
  selfTestTemplate,
  withWorkBudget,
  WorkBudgetExceeded,
} from "../engine";
import { checkTemplate } from "../validation/questions";
import type { EngineJob, EngineReply } from "./engine-jobs";

function run(job: EngineJob): EngineReply {
  try {
    if (job.kind === "selftest") {
      const { value, used } = withWorkBudget(job.budget, job.workLimit, () => {
        const check = checkTemplate(job.template);
        return {
          check,
          result: check.ok
            ? selfTestTemplate(check.value, { variants: job.variants, variantWorkLimit: job.variantWorkLimit })
            : null,
        };
      });
      return { kind: "selftest", ...value, used };
    }
    if (job.kind === "prefer") {
      const { value, used } = withWorkBudget(job.budget, job.workLimit, () =>
        preferDiscriminatingSeed(job.template, job.seeds, job.held),
      );
      return { kind: "prefer", seed: value?.seed ?? null, used };
    }
    const { value, used } = withWorkBudget(job.budget, job.workLimit, () => buildVariant(job.template, job.seed));
    return { kind: "build", result: value, used };
  } catch (error) {
    if (error instanceof WorkBudgetExceeded) return { kind: "exceeded", budget: error.budget, limit: error.limit };
    return { kind: "failed", message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

parentPort?.on("message", (message: { id: number; job: EngineJob }) => {
  parentPort!.postMessage({ id: message.id, reply: run(message.job) });
});
// Loading the engine takes a while (seconds when compiled from source); jobs' clocks start after it.
parentPort?.postMessage({ ready: true });
