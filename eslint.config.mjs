import { existsSync, readdirSync } from "node:fs";
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Only the data-access layer (lib/server), database preparation (lib/db) and tooling (scripts, prisma,
// bench, tests, e2e, deploy) reach the database: everything else goes through lib/server/dal, which checks session
// and role. The driver packages are listed too, so a query cannot slip in around the Prisma client.
const DB_ACCESS = [
  "@/lib/db/*",
  "**/lib/db/*",
  "@/lib/server/db",
  "**/lib/server/db",
  "@/prisma/generated/*",
  "**/prisma/generated/*",
  "@prisma/*",
  "better-sqlite3",
  "pg",
];
const DB_MESSAGE = "only lib/server (its DAL) and lib/db touch the database: call a lib/server/dal function instead.";
// Domain code as pure as the engine: the DAL reads the rows and hands them to these modules.
const PURE_DOMAIN = ["lib/analytics/**/*.ts", "lib/progress/**/*.ts", "lib/validation/**/*.ts"];

// The engine must stay pure so the same code grades on the server, previews in the browser and runs
// from the CLI: these imports are refused in lib/engine (tests may read fixtures with node:*).
const ENGINE_FORBIDDEN = [
  ...new Set([
    "react",
    "react-dom",
    "react/*",
    "next",
    "next/*",
    "next-auth",
    "next-auth/*",
    "@prisma/*",
    "@/prisma/*",
    "node:*",
    "@/lib/server/*",
    "@/components/*",
    "@/app/*",
    "**/lib/server/*",
    "**/components/*",
    "**/app/*",
    ...DB_ACCESS,
  ]),
];

// Code outside the engine uses its public surface only: the root entry or one entry per sub-area
// (lib/engine/<area>/index.ts, whose exports lib/engine/api-report.md records), never a file behind it.
// The areas are the folders with an index.ts, as scripts/engine-api.ts lists them.
const ENGINE_ENTRIES = readdirSync(new URL("./lib/engine/", import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(new URL(`./lib/engine/${d.name}/index.ts`, import.meta.url)))
  .map((d) => d.name)
  .join("|");
const ENGINE_ENTRY_ONLY = {
  regex: `^(@/lib/engine|(\\.\\./)+(lib/)?engine)/(?!(${ENGINE_ENTRIES})$).+`,
  message: "import the engine through its entries: @/lib/engine or @/lib/engine/<area> (see lib/engine/api-report.md).",
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  // Build output: .next-*/ are per-run dist dirs (NEXT_DIST_DIR), dist/ is the prebuilt CLI. The
  // event-loop corpus is CommonJS as students paste it (require, bare expressions), run by real node.
  globalIgnores([
    "lib/engine/eventloop/__fixtures__/corpus/**",
    ".next/**",
    ".next-*/**",
    "dist/**",
    "node_modules/**",
    "prisma/generated/**",
    "data/**",
    "test-results/**",
    "playwright-report/**",
    "next-env.d.ts",
  ]),
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Outside the engine, code uses the engine's entries only.
    files: ["**/*.{ts,tsx,mts,mjs,cjs}"],
    ignores: ["lib/engine/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [ENGINE_ENTRY_ONLY] }],
    },
  },
  {
    // Outside the data layer and tooling, nothing reaches the database either. (A later block for the same
    // files replaces this rule's options, so each repeats the patterns that still apply.)
    files: ["**/*.{ts,tsx,mts,mjs,cjs}"],
    ignores: [
      "lib/engine/**",
      "lib/server/**",
      "lib/db/**",
      "scripts/**",
      "prisma/**",
      "bench/**",
      "tests/**",
      "e2e/**",
      "deploy/**",
      "prisma.config.ts",
    ],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: DB_ACCESS, message: DB_MESSAGE }, ENGINE_ENTRY_ONLY] }],
    },
  },
  {
    files: PURE_DOMAIN,
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: DB_ACCESS, message: DB_MESSAGE },
            {
              group: [
                "@/lib/server/*",
                "**/lib/server/*",
                "server-only",
                "next",
                "next/*",
                "next-auth",
                "next-auth/*",
                "react",
                "react-dom",
              ],
              message:
                "lib/analytics, lib/progress and lib/validation are pure domain code: the DAL calls them, not the other way round.",
            },
            ENGINE_ENTRY_ONLY,
          ],
        },
      ],
    },
  },
  {
    files: ["lib/engine/**/*.ts"],
    ignores: ["lib/engine/**/*.test.ts", "lib/engine/**/__tests__/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ENGINE_FORBIDDEN,
              message: "lib/engine must stay pure: no React, Next, Prisma, node:* or server code.",
            },
          ],
        },
      ],
      "no-restricted-globals": ["error", "window", "document", "process", "Buffer", "require"],
    },
  },
  {
    files: ["lib/engine/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [{ group: ENGINE_FORBIDDEN.filter((p) => p !== "node:*"), message: "lib/engine must stay pure." }],
        },
      ],
    },
  },
  {
    // The CLI launcher is plain CommonJS on purpose (it must start without any transform): require is its import.
    files: ["bin/**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["components/**/*.{ts,tsx}", "lib/query/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [...new Set(["@/lib/server/*", "**/lib/server/*", "@/prisma/*", ...DB_ACCESS])],
              message: "client-side code must not import server code or Prisma.",
            },
            ENGINE_ENTRY_ONLY,
          ],
        },
      ],
    },
  },
]);
