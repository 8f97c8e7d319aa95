// Scale-out on one machine: one PostgreSQL, migrations applied once, two `next start` instances sharing
// NEXTAUTH_SECRET, nginx round-robin in front on 127.0.0.1:3380.
//   npx tsx deploy/two-instances.ts                    # serve until Ctrl-C
//   npx tsx deploy/two-instances.ts --loadtest="--students 200 --seconds 60"
// DATABASE_URL (postgres) is used if set; otherwise a throw-away cluster. See docs/operations.md.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { prepareDatabase } from "../lib/db/prepare";
import { resolveDbTarget } from "../lib/db/provider";
import { startThrowawayPostgres, type ThrowawayPostgres } from "../lib/db/throwaway-postgres";
import { AppServer, ensureBuild, waitForHttp } from "../scripts/loadtest/server";

const { values: flags } = parseArgs({
  options: {
    "nginx-port": { type: "string", default: "3380" },
    "app-ports": { type: "string", default: "3310,3311" },
    loadtest: { type: "string" },
  },
});
const nginxPort = Number(flags["nginx-port"]);
const appPorts = flags["app-ports"].split(",").map(Number);

const nginx = ["/usr/sbin/nginx", "/usr/bin/nginx"].find((p) => spawnSync(p, ["-v"]).status === 0);
if (!nginx) throw new Error("nginx not found: apt-get install -y nginx");

let pg: ThrowawayPostgres | null = null;
const cleanups: (() => void)[] = [];
try {
  let databaseUrl = process.env.DATABASE_URL ?? "";
  if (!/^postgres(ql)?:/.test(databaseUrl)) {
    pg = await startThrowawayPostgres();
    databaseUrl = pg.url;
  }
  // Once, before any instance starts; instances never migrate on their own.
  const result = await prepareDatabase(resolveDbTarget(databaseUrl), { demoAccounts: true });
  console.log(`database ready; ${result.applied.length} migration(s) applied`);

  ensureBuild();
  const secret = process.env.NEXTAUTH_SECRET ?? randomBytes(32).toString("base64url");
  const apps = appPorts.map((port) => new AppServer(port, { databaseUrl, secret }));
  cleanups.push(() => apps.forEach((a) => a.stop()));
  await Promise.all(apps.map((a) => a.start()));

  const runDir = mkdtempSync(path.join(os.tmpdir(), "timeslice-nginx-"));
  cleanups.push(() => rmSync(runDir, { recursive: true, force: true }));
  for (const sub of ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]) mkdirSync(path.join(runDir, sub));
  const config = readFileSync(path.join(import.meta.dirname, "nginx.conf.template"), "utf8")
    .replaceAll("@RUNDIR@", runDir)
    .replaceAll("@PORT@", String(nginxPort))
    .replace("@UPSTREAMS@", appPorts.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=2s;`).join("\n"));
  writeFileSync(path.join(runDir, "nginx.conf"), config);
  const proxy = spawn(nginx, ["-p", runDir, "-c", path.join(runDir, "nginx.conf"), "-e", path.join(runDir, "error.log")], { stdio: "inherit" });
  cleanups.push(() => proxy.kill("SIGQUIT"));
  const base = `http://127.0.0.1:${nginxPort}`;
  await waitForHttp(base, 30_000);
  console.log(`serving ${base} → ${appPorts.map((p) => `127.0.0.1:${p}`).join(", ")}; database ${databaseUrl.replace(/\/\/[^@]*@/, "//…@")}`);

  if (flags.loadtest !== undefined) {
    const args = ["scripts/loadtest/main.ts", "--target", "nginx", "--base", base, "--database-url", databaseUrl, ...flags.loadtest.split(/\s+/).filter(Boolean)];
    const run = spawnSync(process.execPath, ["--import", "tsx", ...args], { stdio: "inherit" });
    process.exitCode = run.status ?? 1;
  } else {
    await new Promise<void>((resolve) => {
      process.once("SIGINT", resolve);
      process.once("SIGTERM", resolve);
    });
  }
} finally {
  for (const cleanup of cleanups.reverse()) cleanup();
  pg?.stop();
}
