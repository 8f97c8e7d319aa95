// A throw-away PostgreSQL cluster that, unlike lib/db/throwaway-postgres.ts, can be crashed and started
// again on the same port and data directory, for the fault run.
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { findPostgresBin } from "../../lib/db/throwaway-postgres";

export interface RestartablePostgres {
  url: string;
  crash(): void;
  start(): void;
  stop(): void;
}

export function startRestartablePostgres(port: number): RestartablePostgres {
  const bin = findPostgresBin();
  if (!bin)
    throw new Error("no PostgreSQL server binaries under /usr/lib/postgresql/*/bin (apt-get install postgresql)");
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(path.join(os.tmpdir(), "timeslice-loadtest-pg-"));
  chmodSync(dir, 0o777);
  const dataDir = path.join(dir, "data");
  const run = (cmd: string, args: string[], check = true) => {
    const [file, argv] = asRoot
      ? ["runuser", ["-u", "postgres", "--", path.join(bin, cmd), ...args]]
      : [path.join(bin, cmd), args];
    if (check) execFileSync(file, argv, { stdio: ["ignore", "ignore", "pipe"], cwd: dir });
    else spawnSync(file, argv, { stdio: "ignore", cwd: dir });
  };
  run("initdb", ["-D", dataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C"]);
  // fsync stays on: the fault run is about durability of acknowledged writes.
  const start = () =>
    run("pg_ctl", [
      "-D",
      dataDir,
      "-l",
      path.join(dir, "server.log"),
      "-w",
      "-t",
      "60",
      "-o",
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=300`,
      "start",
    ]);
  start();
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    // "immediate" is the crash-like shutdown: no checkpoint, recovery replays the WAL on start.
    crash: () => run("pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "stop"], false),
    start,
    stop() {
      run("pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "stop"], false);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
