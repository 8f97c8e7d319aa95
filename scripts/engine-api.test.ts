// The engine's public surface is written down in lib/engine/api-report.md; this fails when an export of an
// entry was added, removed or changed its signature without the report (and so review) seeing it.
import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { buildEngineApiReport, engineEntries, REPORT_PATH } from "./engine-api";

test("lib/engine/api-report.md matches the engine's entries (npm run api:engine rewrites it)", () => {
  const report = buildEngineApiReport();
  for (const { name } of engineEntries()) expect(report).toContain(`## \`${name}\``);
  expect(
    readFileSync(REPORT_PATH, "utf8"),
    "the engine's public API changed: run `npm run api:engine` and review the diff",
  ).toBe(report);
});
