import { defineConfig } from "vitest/config";
import path from "node:path";

// The reality corpora: a hundred-odd programs each, run 20 times under the real node and gcc. Their
// orders hinge on timing, which a loaded machine bends (two tests beside them are load enough), so they
// are a project of their own that `npm test` runs as a separate step after the unit and integration
// tests (`npm run test:corpus` runs it alone).
const CORPUS = ["lib/engine/eventloop/corpus-real-node.test.ts", "lib/engine/process/fork/corpus.test.ts"];

const alias = {
  "@": path.resolve(import.meta.dirname),
  // lib/server files import "server-only" to keep them out of client bundles; under Vitest they run in
  // Node, which is where they belong, so resolve it to the package's empty server build.
  "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "components/**/*.test.ts", "scripts/**/*.test.ts"],
          exclude: [...CORPUS, "**/node_modules/**"],
          // Property tests (fast-check) share one printed seed per run; FC_SEED fixes it.
          globalSetup: ["tests/support/fc-global-setup.ts"],
          setupFiles: ["tests/support/fc-setup.ts"],
          testTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "corpus",
          include: CORPUS,
          globalSetup: ["tests/support/fc-global-setup.ts"],
          setupFiles: ["tests/support/fc-setup.ts"],
          testTimeout: 600_000,
          // One file at a time: the two corpora would load the machine for each other.
          fileParallelism: false,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/**/*.test.ts"],
          globalSetup: ["tests/global-setup.ts", "tests/support/fc-global-setup.ts"],
          setupFiles: ["tests/support/fc-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
