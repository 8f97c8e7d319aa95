import { defineConfig } from "vitest/config";
import path from "node:path";

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
          // Property tests (fast-check) share one printed seed per run; FC_SEED fixes it.
          globalSetup: ["tests/support/fc-global-setup.ts"],
          setupFiles: ["tests/support/fc-setup.ts"],
          testTimeout: 60_000,
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
