// Vitest setup file (every test file): property tests run from the seed fc-global-setup.ts chose.
import { applyFcSeed } from "./fc-seed";

applyFcSeed();
