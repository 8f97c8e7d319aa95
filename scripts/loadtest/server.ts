// The app under test: the production build (in its own dist directory, so parallel work on .next is
// untouched) served by `next start`, which the fault run may kill -9 and start again.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdirSync, openSync, readdirSync, readFileSync } from "node:fs";
import { buildIsStale } from "../build-freshness";
import { sleep } from "./client";

export const DIST_DIR = process.env.NEXT_DIST_DIR || "data/next-ops";

export function ensureBuild(force = false): void {
  if (!force && !buildIsStale(DIST_DIR)) return;
  console.log(`building into ${DIST_DIR}…`);
  // The build reads tsconfig.build.json (next.config.ts), so building here changes no tracked file.
  const build = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) throw new Error("next build failed");
}

export interface AppEnv {
  databaseUrl: string;
  secret: string;
}

export class AppServer {
  private child: ChildProcess | null = null;

  constructor(
    readonly port: number,
    private readonly env: AppEnv,
  ) {}

  logFile(): string {
    mkdirSync("data/loadtest-logs", { recursive: true });
    return `data/loadtest-logs/app-${this.port}.log`;
  }

  /**
   * CPU time (user + system, ms) the server and its child processes have used so far, from /proc: other
   * load on a shared machine stretches latency but barely moves this, so CPU per request is the steadier
   * capacity figure. null where /proc is missing or the server is not running.
   */
  cpuMs(): number | null {
    const pid = this.child?.pid;
    if (!pid) return null;
    try {
      const tick = 10; // ms per clock tick (USER_HZ = 100 on Linux)
      let total = 0;
      const pending = [pid];
      while (pending.length) {
        const p = pending.pop()!;
        const stat = readFileSync(`/proc/${p}/stat`, "utf8");
        // Fields after the command name (which may hold spaces), which ends at the last ')'.
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        total += (Number(fields[11]) + Number(fields[12])) * tick;
        for (const task of readdirSync(`/proc/${p}/task`)) {
          const children = readFileSync(`/proc/${p}/task/${task}/children`, "utf8").trim();
          if (children) pending.push(...children.split(" ").map(Number));
        }
      }
      return total;
    } catch {
      return null;
    }
  }

  get base(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    // CPU_PROFILE_DIR=<dir>: the server writes a V8 CPU profile there when it stops (open it in Chrome's
    // DevTools); how the grading path's costs were found. Node refuses --cpu-prof in NODE_OPTIONS.
    const profile = process.env.CPU_PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${process.env.CPU_PROFILE_DIR}`] : [];
    this.child = spawn(
      process.execPath,
      [...profile, "node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p", String(this.port)],
      {
        // Server logs (aborted requests under overload, restarts) go to a file, not over the report.
        stdio: ["ignore", "ignore", openSync(this.logFile(), "a")],
        env: {
          ...process.env,
          NODE_ENV: "production",
          NEXT_DIST_DIR: DIST_DIR,
          NEXT_TELEMETRY_DISABLED: "1",
          DATABASE_URL: this.env.databaseUrl,
          NEXTAUTH_SECRET: this.env.secret,
          AUTH_TRUST_HOST: "true",
        },
      },
    );
    // A server that dies while starting (a port still taken, a bad build) fails the start at once, with
    // the log to read, instead of after the whole wait.
    const child = this.child;
    let onExit: (code: number | null, signal: string | null) => void = () => {};
    const died = new Promise<never>((_, reject) => {
      onExit = (code, signal) =>
        reject(new Error(`next start exited (${signal ?? `code ${code}`}) before answering; see ${this.logFile()}`));
      child.once("exit", onExit);
    });
    try {
      await Promise.race([waitForHttp(this.base, 120_000), died]);
    } finally {
      child.off("exit", onExit);
    }
  }

  /**
   * SIGKILL: no shutdown hooks, in-flight requests die mid-write — the crash we want to survive. Resolves
   * once the process is gone: a loaded server can take a moment to die, and a restart that starts
   * listening before then fails with EADDRINUSE (seen in a fault run).
   */
  async kill9(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGKILL");
    await exited;
  }

  stop(): void {
    this.child?.kill("SIGTERM");
    this.child = null;
  }
}

export async function waitForHttp(base: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${base}/api/auth/csrf`, { signal: AbortSignal.timeout(5_000) });
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`${base} did not answer within ${timeoutMs} ms`);
}
