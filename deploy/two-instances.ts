// Scale-out on one machine: one PostgreSQL, two `next start` instances sharing NEXTAUTH_SECRET, nginx
// in front terminating TLS with a throw-away self-signed certificate on https://127.0.0.1:3380 (plain
// http://127.0.0.1:3381 redirects there).
//   npx tsx deploy/two-instances.ts                    # serve until Ctrl-C
//   npx tsx deploy/two-instances.ts --loadtest="--students 200 --seconds 60"
// DATABASE_URL (postgres) is used if set; otherwise a throw-away cluster. See docs/operations.md.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { startThrowawayPostgres, type ThrowawayPostgres } from "../lib/db/throwaway-postgres";
import { DIST_DIR, ensureBuild } from "../scripts/loadtest/server";
import {
  createSelfSignedCertificate,
  findNginx,
  type Managed,
  prepareTogether,
  startInstance,
  startNginx,
} from "./stack";

const { values: flags } = parseArgs({
  options: {
    "nginx-port": { type: "string", default: "3380" },
    "http-port": { type: "string", default: "3381" },
    "app-ports": { type: "string", default: "3310,3311" },
    loadtest: { type: "string" },
  },
});
const httpsPort = Number(flags["nginx-port"]);
const httpPort = Number(flags["http-port"]);
const appPorts = flags["app-ports"].split(",").map(Number);
if (!findNginx()) throw new Error("nginx not found: apt-get install -y nginx");

let pg: ThrowawayPostgres | null = null;
const running: Managed[] = [];
const runDir = mkdtempSync(path.join(os.tmpdir(), "timeslice-nginx-"));
try {
  let databaseUrl = process.env.DATABASE_URL ?? "";
  if (!/^postgres(ql)?:/.test(databaseUrl)) {
    pg = await startThrowawayPostgres();
    databaseUrl = pg.url;
  }
  const base = `https://127.0.0.1:${httpsPort}`;
  const env = {
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? randomBytes(32).toString("base64url"),
    // The public URL: next-auth's cookies are Secure (__Secure-/__Host-) because it is https.
    NEXTAUTH_URL: base,
    TIMESLICE_DEMO: "1",
  };
  // Every instance prepares the database as it boots, as `npm start` does; they take turns on a lock.
  const prepared = await prepareTogether(appPorts.length, env);
  for (const run of prepared) if (run.code !== 0) throw new Error(`preparing the database failed:\n${run.output}`);
  console.log(prepared.map((r) => r.output.trim()).join("\n"));

  ensureBuild();
  mkdirSync("data/loadtest-logs", { recursive: true });
  await Promise.all(
    appPorts.map(async (port) =>
      running.push(
        await startInstance({
          port,
          distDir: DIST_DIR,
          env,
          logFile: `data/loadtest-logs/app-${port}.log`,
          timeoutMs: 120_000,
        }),
      ),
    ),
  );
  const certificate = createSelfSignedCertificate(runDir);
  running.push(await startNginx({ runDir, httpsPort, httpPort, upstreamPorts: appPorts, ...certificate }));
  console.log(
    `serving ${base} → ${appPorts.map((p) => `127.0.0.1:${p}`).join(", ")}; database ${databaseUrl.replace(/\/\/[^@]*@/, "//…@")}`,
  );
  console.log(`the certificate is self-signed: curl --cacert ${certificate.cert} ${base}/`);

  if (flags.loadtest !== undefined) {
    const args = [
      "scripts/loadtest/main.ts",
      "--target",
      "nginx",
      "--base",
      base,
      "--database-url",
      databaseUrl,
      ...flags.loadtest.split(/\s+/).filter(Boolean),
    ];
    // The load-test client trusts this one certificate, nothing more.
    const run = spawnSync(process.execPath, ["--import", "tsx", ...args], {
      stdio: "inherit",
      env: { ...process.env, NODE_EXTRA_CA_CERTS: certificate.cert },
    });
    process.exitCode = run.status ?? 1;
  } else {
    await new Promise<void>((resolve) => {
      process.once("SIGINT", resolve);
      process.once("SIGTERM", resolve);
    });
  }
} finally {
  await Promise.all(running.reverse().map((p) => p.stop()));
  rmSync(runDir, { recursive: true, force: true });
  pg?.stop();
}
