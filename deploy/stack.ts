// The pieces of the scale-out set-up, shared by deploy/two-instances.ts (by hand and for the load test)
// and e2e/scale-out.spec.ts (CI): a throw-away TLS certificate, nginx in front of several `next start`
// instances, and preparing one database from several instances at the same moment. Loopback only;
// every wait is bounded, and every process started here can be stopped by its handle.
import { type ChildProcess, execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from "node:fs";
import { connect, createServer } from "node:net";
import path from "node:path";

const TEMPLATE = path.join(import.meta.dirname, "nginx.conf.template");

export function findNginx(): string | null {
  return ["/usr/sbin/nginx", "/usr/bin/nginx"].find((p) => existsSync(p) && spawnSync(p, ["-v"]).status === 0) ?? null;
}

/** `count` free loopback ports from [from, to), starting at a random offset so parallel runs rarely collide. */
export async function freePorts(count: number, from = 3400, to = 3500): Promise<number[]> {
  const size = to - from;
  const start = Math.floor(Math.random() * size);
  const found: number[] = [];
  for (let i = 0; i < size && found.length < count; i++) {
    const port = from + ((start + i) % size);
    if (await isFree(port)) found.push(port);
  }
  if (found.length < count) throw new Error(`only ${found.length} free port(s) in ${from}–${to - 1}, need ${count}`);
  return found;
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/** A self-signed certificate for 127.0.0.1, valid for a day; nothing of it is kept once `dir` is removed. */
export function createSelfSignedCertificate(dir: string): { cert: string; key: string } {
  const cert = path.join(dir, "cert.pem");
  const key = path.join(dir, "key.pem");
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "ec",
      "-pkeyopt",
      "ec_paramgen_curve:prime256v1",
      "-nodes",
      "-days",
      "1",
      "-subj",
      "/CN=127.0.0.1",
      "-addext",
      "subjectAltName=IP:127.0.0.1,DNS:localhost",
      "-keyout",
      key,
      "-out",
      cert,
    ],
    { stdio: ["ignore", "ignore", "pipe"], timeout: 30_000 },
  );
  return { cert, key };
}

export interface Managed {
  readonly child: ChildProcess;
  /** SIGTERM, then SIGKILL if the process has not exited within `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

function manage(child: ChildProcess): Managed {
  // If this process ends without stopping it (a crash, an unhandled error), take the child along.
  const orphanGuard = () => child.kill("SIGKILL");
  process.once("exit", orphanGuard);
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
  }).then(() => void process.removeListener("exit", orphanGuard));
  return {
    child,
    async stop(graceMs = 5_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = new Promise<"late">((resolve) => setTimeout(() => resolve("late"), graceMs).unref());
      if ((await Promise.race([exited, timer])) === "late") {
        child.kill("SIGKILL");
        await exited;
      }
    },
  };
}

async function waitFor(
  what: string,
  ready: () => Promise<boolean>,
  child: ChildProcess,
  timeoutMs: number,
  log?: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      const tail = log && existsSync(log) ? `\n${readFileSync(log, "utf8").split("\n").slice(-20).join("\n")}` : "";
      throw new Error(`${what} exited (${child.exitCode ?? child.signalCode}) before it was ready${tail}`);
    }
    if (await ready()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${what} was not ready within ${timeoutMs} ms`);
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    socket.setTimeout(1_000);
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
  });
}

export interface InstanceOptions {
  port: number;
  /** The production build to serve (`next build` output); never rebuilt here. */
  distDir: string;
  /** DATABASE_URL, NEXTAUTH_SECRET, NEXTAUTH_URL… on top of this process's environment. */
  env: Record<string, string>;
  logFile: string;
  timeoutMs?: number;
}

/** `next start` on 127.0.0.1:<port>, resolved once it answers next-auth's CSRF endpoint (no database needed). */
export async function startInstance(options: InstanceOptions): Promise<Managed> {
  const log = openSync(options.logFile, "a");
  const child = spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p", String(options.port)],
    {
      stdio: ["ignore", log, log],
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        NEXT_DIST_DIR: options.distDir,
        ...options.env,
      },
    },
  );
  const managed = manage(child);
  const ready = async () => {
    try {
      const response = await fetch(`http://127.0.0.1:${options.port}/api/auth/csrf`, {
        signal: AbortSignal.timeout(5_000),
      });
      await response.arrayBuffer();
      return response.ok;
    } catch {
      return false;
    }
  };
  try {
    await waitFor(`next start on ${options.port}`, ready, child, options.timeoutMs ?? 60_000, options.logFile);
  } catch (error) {
    await managed.stop();
    throw error;
  }
  return managed;
}

export interface NginxOptions {
  /** Holds the generated nginx.conf, its pid file, logs and temp directories. */
  runDir: string;
  httpsPort: number;
  /** Plain HTTP: only redirects to HTTPS. */
  httpPort: number;
  upstreamPorts: number[];
  cert: string;
  key: string;
  timeoutMs?: number;
}

export function renderNginxConfig(options: NginxOptions): string {
  // As root, nginx's workers would switch to `nobody`, who cannot use this run directory; keep them as
  // the user who started it (the directive is ignored, with a warning, when not root).
  const user = process.getuid?.() === 0 ? "user root root;" : "";
  return readFileSync(TEMPLATE, "utf8")
    .replace("@USER@", user)
    .replaceAll("@RUNDIR@", options.runDir)
    .replaceAll("@HTTPS_PORT@", String(options.httpsPort))
    .replaceAll("@HTTP_PORT@", String(options.httpPort))
    .replaceAll("@CERT@", options.cert)
    .replaceAll("@KEY@", options.key)
    .replace(
      "@UPSTREAMS@",
      options.upstreamPorts.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=2s;`).join("\n"),
    );
}

/** Debian's nginx in the foreground with a private prefix, pid file and logs under `runDir`. */
export async function startNginx(options: NginxOptions): Promise<Managed> {
  const nginx = findNginx();
  if (!nginx) throw new Error("nginx not found: apt-get install -y nginx");
  for (const sub of ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"])
    mkdirSync(path.join(options.runDir, sub), { recursive: true });
  const config = path.join(options.runDir, "nginx.conf");
  writeFileSync(config, renderNginxConfig(options));
  const errorLog = path.join(options.runDir, "error.log");
  // -e: the compiled-in error log (/var/log/nginx) is opened before the config is read.
  const child = spawn(nginx, ["-p", options.runDir, "-c", config, "-e", errorLog], {
    stdio: ["ignore", "ignore", openSync(errorLog, "a")],
  });
  const managed = manage(child);
  try {
    await waitFor(
      "nginx",
      async () => (await listening(options.httpsPort)) && (await listening(options.httpPort)),
      child,
      options.timeoutMs ?? 15_000,
      errorLog,
    );
  } catch (error) {
    await managed.stop();
    throw error;
  }
  return managed;
}

export interface PrepareRun {
  code: number | null;
  output: string;
}

/**
 * `scripts/prepare-db.ts` (what `npm start` runs first) in `count` processes started at the same
 * moment, as when several instances boot together. Each is killed after `timeoutMs`.
 */
export function prepareTogether(
  count: number,
  env: Record<string, string>,
  timeoutMs = 120_000,
): Promise<PrepareRun[]> {
  const one = () =>
    new Promise<PrepareRun>((resolve) => {
      const child = spawn(process.execPath, ["--import", "tsx", "scripts/prepare-db.ts"], {
        env: { ...process.env, ...env },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let output = "";
      child.stdout.on("data", (d: Buffer) => (output += d));
      child.stderr.on("data", (d: Buffer) => (output += d));
      const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
      child.on("exit", (code) => {
        clearTimeout(timer);
        resolve({ code, output });
      });
    });
  return Promise.all(Array.from({ length: count }, one));
}
