// `npm start`: build if the sources changed since the last build, prepare the database, serve.
import { spawn, spawnSync } from "node:child_process";
import { buildIsStale } from "./build-freshness";
import { prepare } from "./prepare-db";

process.env.NEXT_TELEMETRY_DISABLED = "1";
await prepare();
// next.config.ts builds into NEXT_DIST_DIR when set, so parallel test runs can keep separate builds.
if (buildIsStale(process.env.NEXT_DIST_DIR || ".next")) {
  console.log("building Timeslice (first start or sources changed)…");
  const build = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const port = process.env.PORT ?? "3000";
const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", port], { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
