// Vitest global setup (every project): picks the run's fast-check seed once and prints it. The seed is
// kept in FC_SEED so that the second project of the same run gets the same one.
import type { TestProject } from "vitest/node";
import { chooseFcSeed } from "./fc-seed";

export default function setup(project: TestProject) {
  const given = process.env.FC_SEED;
  const seed = chooseFcSeed(given);
  if (!given) {
    process.env.FC_SEED = String(seed);
    console.log(`fast-check seed: FC_SEED=${seed} (random; set FC_SEED=${seed} to replay this run's property tests)`);
  }
  project.provide("fcSeed", seed);
}
