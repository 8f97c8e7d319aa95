import "server-only";
import { Worker } from "node:worker_threads";
import type { Checked, QuestionTemplate, SelfTestResult, Variant } from "@/lib/engine";
import type { TemplateCheck } from "@/lib/validation/questions";
import { AppError } from "./errors";
import type { EngineJob, EngineReply } from "./engine-jobs";

// Engine work that a request triggers and whose cost an author controls (self-tests on save and
// import, building a student's variant) runs in worker threads, never on the event loop: one costly
// template must not stop the server answering everyone else. Each job runs under a work budget
// (interpreter steps, counted by lib/engine/work.ts, so the limit trips at the same point on any
// machine) and a wall-clock budget (the worker is terminated and replaced when it runs over, which
// also covers work the step counter does not see). Running out of either is a 422 naming the budget.

/** Budgets; docs/operations.md and docs/instructors.md explain them. */
export const ENGINE_BUDGETS = {
  /** Interpreter steps to build one variant: each self-test seed, and every POST /api/variants. */
  variantSteps: 200_000,
  /** Wall-clock time to build one variant for a student. */
  variantMs: 5_000,
  /** Interpreter steps for one template's whole self-test (all its seeds, with grading). */
  templateSteps: 2_000_000,
  /** Wall-clock time for one template's self-test. */
  templateMs: 15_000,
  /** Interpreter steps for all templates of one request (an import). */
  requestSteps: 20_000_000,
  /** Wall-clock time for all templates of one request. */
  requestMs: 60_000,
} as const;

/** Time a new worker may take to load the engine before it counts as broken. */
const WORKER_START_MS = 120_000;

/** Jobs that may wait for a busy lane; beyond that a request is told to retry (503). */
const MAX_QUEUED = 32;

interface Pending {
  job: EngineJob;
  timeoutMs: number;
  timeoutMessage: string;
  resolve: (reply: EngineReply) => void;
  reject: (error: unknown) => void;
}

/** One worker thread and a FIFO queue in front of it. */
class Lane {
  private worker: Worker | null = null;
  /** Whether `worker` has loaded the engine; a job's clock starts only then. */
  private ready = false;
  private startTimer: NodeJS.Timeout | undefined;
  private running: (Pending & { id: number; timer: NodeJS.Timeout }) | null = null;
  private readonly queue: Pending[] = [];
  private nextId = 1;

  constructor(private readonly name: string) {}

  run(job: EngineJob, timeoutMs: number, timeoutMessage: string): Promise<EngineReply> {
    if (this.queue.length >= MAX_QUEUED)
      return Promise.reject(new AppError("UNAVAILABLE", `the ${this.name} engine is busy; try again shortly`));
    return new Promise((resolve, reject) => {
      this.queue.push({ job, timeoutMs, timeoutMessage, resolve, reject });
      this.pump();
    });
  }

  private spawn(): Worker {
    const options = { resourceLimits: { maxOldGenerationSizeMb: 512 }, name: `timeslice-engine-${this.name}` };
    // Inside Next (NEXT_RUNTIME is set) Turbopack has bundled the worker entry from the
    // `new Worker(new URL(…))` pattern and points it at the built chunk. Run from source (Vitest, tsx)
    // the entry is TypeScript: the worker registers tsx's loader first (a worker's execArgv cannot
    // carry `--import tsx`). import.meta.url names the source file in both cases, so it cannot tell.
    const worker = !process.env.NEXT_RUNTIME
      ? new Worker(
          `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url.replace(/engine-pool\.ts$/, "engine-worker.ts"))}); })`,
          { ...options, eval: true },
        )
      : new Worker(new URL("./engine-worker.ts", import.meta.url), options);
    worker.on("message", (message: { id: number; reply: EngineReply } | { ready: true }) => {
      if (this.worker !== worker) return;
      if ("ready" in message) {
        this.ready = true;
        clearTimeout(this.startTimer);
        this.pump();
        return;
      }
      const current = this.running;
      if (!current || current.id !== message.id) return;
      clearTimeout(current.timer);
      this.running = null;
      current.resolve(message.reply);
      this.pump();
    });
    this.ready = false;
    // A worker that cannot even load is a server fault, not the job's cost.
    this.startTimer = setTimeout(() => void worker.terminate(), WORKER_START_MS);
    worker.on("error", (error) => this.lose(worker, error));
    worker.on("exit", (code) => this.lose(worker, new Error(`the engine worker exited with code ${code}`)));
    return worker;
  }

  /** The worker died or was terminated: fail its job and start afresh for the next one. */
  private lose(worker: Worker, error: unknown): void {
    if (this.worker !== worker) return;
    this.worker = null;
    clearTimeout(this.startTimer);
    // A worker that died while loading fails the jobs waiting for it: starting another could loop.
    if (!this.ready && !this.running) {
      for (const waiting of this.queue.splice(0)) waiting.reject(error);
      return;
    }
    const current = this.running;
    this.running = null;
    if (current) {
      clearTimeout(current.timer);
      current.reject(error);
    }
    this.pump();
  }

  private pump(): void {
    if (this.running) return;
    const next = this.queue.shift();
    if (!next) {
      // An idle worker must not keep a process (a test run, a CLI) alive.
      this.worker?.unref();
      return;
    }
    const worker = (this.worker ??= this.spawn());
    worker.ref();
    if (!this.ready) {
      this.queue.unshift(next);
      return;
    }
    const id = this.nextId++;
    const timer = setTimeout(() => {
      const current = this.running;
      if (!current || current.id !== id) return;
      this.running = null;
      this.worker = null;
      // terminate() interrupts the worker even in the middle of a computation.
      void worker.terminate();
      current.reject(new AppError("TOO_COSTLY", current.timeoutMessage));
      this.pump();
    }, next.timeoutMs);
    this.running = { ...next, id, timer };
    worker.postMessage({ id, job: next.job });
  }
}

// Separate lanes: an instructor's costly save or import never delays a student's variant.
const LANES = { authoring: new Lane("authoring"), variants: new Lane("variants") };

function unexpected(reply: EngineReply): never {
  throw new Error(
    reply.kind === "failed" ? `engine worker failed: ${reply.message}` : `engine worker answered ${reply.kind}`,
  );
}

function exceeded(reply: Extract<EngineReply, { kind: "exceeded" }>, what: string): AppError {
  return new AppError(
    "TOO_COSTLY",
    `${what} exceeds the ${reply.budget} work budget (${reply.limit} interpreter steps)`,
  );
}

/**
 * Tracks what one request has spent across its templates, so an import is bounded by total work and
 * total time, not only by the number of templates in it.
 */
export class RequestBudget {
  private readonly started = Date.now();
  private stepsUsed = 0;

  remainingSteps(): number {
    return ENGINE_BUDGETS.requestSteps - this.stepsUsed;
  }

  remainingMs(): number {
    return ENGINE_BUDGETS.requestMs - (Date.now() - this.started);
  }

  charge(steps: number): void {
    this.stepsUsed += steps;
  }
}

export interface SelfTestOutcome {
  /** The template's validation (shape and engine checks); the self-test ran only when it passed. */
  check: TemplateCheck;
  result: SelfTestResult | null;
  /** Interpreter steps validation and self-test took. */
  work: number;
}

/**
 * Validation and the save-time self-test of one template, in a worker (validating builds a variant,
 * so it is engine work an author controls too). Throws AppError TOO_COSTLY naming the budget
 * (per-template or per-request, steps or time) that ran out; a variant over the per-variant budget is
 * an ordinary self-test failure of that seed.
 */
export async function selfTestInWorker(
  template: unknown,
  variants: number,
  request: RequestBudget,
  label: string,
): Promise<SelfTestOutcome> {
  const requestLeft = request.remainingSteps();
  const byRequest = requestLeft < ENGINE_BUDGETS.templateSteps;
  const msLeft = request.remainingMs();
  if (requestLeft <= 0 || msLeft <= 0) {
    throw new AppError(
      "TOO_COSTLY",
      `${label}: not tested, this request already used its per-request budget (${ENGINE_BUDGETS.requestSteps} interpreter steps, ${ENGINE_BUDGETS.requestMs / 1000} s)`,
    );
  }
  const timeByRequest = msLeft < ENGINE_BUDGETS.templateMs;
  const reply = await LANES.authoring.run(
    {
      kind: "selftest",
      template,
      variants,
      variantWorkLimit: ENGINE_BUDGETS.variantSteps,
      budget: byRequest ? "per-request" : "per-template",
      workLimit: byRequest ? requestLeft : ENGINE_BUDGETS.templateSteps,
    },
    timeByRequest ? msLeft : ENGINE_BUDGETS.templateMs,
    timeByRequest
      ? `${label}: the self-test exceeds the per-request time budget (${ENGINE_BUDGETS.requestMs / 1000} s)`
      : `${label}: the self-test exceeds the per-template time budget (${ENGINE_BUDGETS.templateMs / 1000} s)`,
  );
  if (reply.kind === "exceeded") {
    // The job stopped at its limit, having done that much work.
    request.charge(byRequest ? requestLeft : ENGINE_BUDGETS.templateSteps);
    throw exceeded(reply, `${label}: the self-test`);
  }
  if (reply.kind !== "selftest") unexpected(reply);
  request.charge(reply.used);
  return { check: reply.check, result: reply.result, work: reply.used };
}

/** Builds one variant in a worker under the per-variant budgets; TOO_COSTLY when it needs more. */
export async function buildVariantInWorker(template: QuestionTemplate, seed: number): Promise<Checked<Variant>> {
  const reply = await LANES.variants.run(
    { kind: "build", template, seed, budget: "per-variant", workLimit: ENGINE_BUDGETS.variantSteps },
    ENGINE_BUDGETS.variantMs,
    `building this variant exceeds the per-variant time budget (${ENGINE_BUDGETS.variantMs / 1000} s)`,
  );
  if (reply.kind === "exceeded") throw exceeded(reply, "building this variant");
  if (reply.kind !== "build") unexpected(reply);
  return reply.result;
}

/**
 * Review (issue #21): the first of `seeds` whose variant tells apart every misconception in `held`
 * (else the one telling most apart), built in a worker under the per-variant budgets for all the seeds
 * together. Null when none tells any apart, or when that search runs over its budget: a review then
 * takes any variant rather than failing.
 */
export async function preferSeedInWorker(
  template: QuestionTemplate,
  seeds: number[],
  held: string[],
): Promise<number | null> {
  const reply = await LANES.variants
    .run(
      {
        kind: "prefer",
        template,
        seeds,
        held,
        budget: "per-variant",
        workLimit: ENGINE_BUDGETS.variantSteps * seeds.length,
      },
      ENGINE_BUDGETS.variantMs,
      `choosing a review variant exceeds the per-variant time budget (${ENGINE_BUDGETS.variantMs / 1000} s)`,
    )
    .catch((error: unknown) => {
      if (error instanceof AppError && error.code === "TOO_COSTLY") return null;
      throw error;
    });
  if (reply === null || reply.kind === "exceeded") return null;
  if (reply.kind !== "prefer") unexpected(reply);
  return reply.seed;
}
