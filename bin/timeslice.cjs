#!/usr/bin/env node
// The `timeslice` command (package.json "bin": `npx timeslice …` from anywhere in the checkout). It runs
// the prebuilt bundle dist/cli/timeslice.cjs, which `npm install` builds, so a call costs one plain Node
// start instead of a TypeScript transform. When the bundle is missing or older than the CLI and engine
// sources (a developer edited them), it is rebuilt first, once. Plain CommonJS with no dependencies, so
// this file itself costs nothing to start.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const bundle = path.join(root, "dist", "cli", "timeslice.cjs");
// What the bundle is built from: the CLI and the engine (the CLI imports nothing else of lib/).
const SOURCES = ["lib/cli", "lib/engine", "scripts/build-cli.ts"];

function newestMtime(entry) {
  let stat;
  try {
    stat = fs.statSync(entry);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(entry)) {
    // Golden files, fixtures and tests are thousands of files the bundle never contains.
    if (child.startsWith("__") || child.endsWith(".test.ts")) continue;
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

function stale() {
  let built;
  try {
    built = fs.statSync(bundle).mtimeMs;
  } catch {
    return true;
  }
  return SOURCES.some((s) => newestMtime(path.join(root, s)) > built);
}

if (stale()) {
  const { spawnSync } = require("node:child_process");
  const tsx = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");
  const r = spawnSync(process.execPath, [tsx, path.join(root, "scripts", "build-cli.ts")], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (r.status !== 0) {
    process.stderr.write("timeslice: could not build the command-line bundle (npm run build:cli shows why)\n");
    process.exit(1);
  }
}
require(bundle);
