// One seed for every property test (fast-check) of a run: FC_SEED when set, else a random one chosen
// once by the global setup below and printed, so any failure can be replayed with FC_SEED=<seed>.
// fast-check's own failure report names the same seed (and the shrink path).
import fc from "fast-check";
import { inject } from "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    fcSeed: number;
  }
}

/** The seed FC_SEED asks for, or a fresh random one (31 bits, as fast-check draws them). */
export function chooseFcSeed(env: string | undefined = process.env.FC_SEED): number {
  if (env === undefined || env.trim() === "") return Math.floor(Math.random() * 2 ** 31);
  const seed = Number(env);
  if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be an integer, got '${env}'`);
  return seed;
}

/**
 * Vitest setup file: every fc.assert/fc.sample in this test file runs from the run's seed. FC_NUM_RUNS
 * raises the run count of properties that do not set their own (fast-check's default is 100), for a
 * long soak: FC_NUM_RUNS=20000 is as many cases as 200 seeds.
 */
export function applyFcSeed(seed: number = inject("fcSeed")): void {
  const runs = Number(process.env.FC_NUM_RUNS);
  fc.configureGlobal({
    ...fc.readConfigureGlobal(),
    seed,
    ...(Number.isSafeInteger(runs) && runs > 0 ? { numRuns: runs } : {}),
  });
}
