import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import http, { type IncomingHttpHeaders } from "node:http";
import https from "node:https";
import os from "node:os";
import path from "node:path";
import { type BrowserContext, expect, test } from "@playwright/test";
import pg from "pg";
import {
  createSelfSignedCertificate,
  freePorts,
  type Managed,
  type PrepareRun,
  prepareTogether,
  startInstance,
  startNginx,
} from "../deploy/stack";
import { DEMO_ACCOUNTS } from "../lib/demo/accounts";
import { type RestartablePostgres, startRestartablePostgres } from "../scripts/loadtest/postgres";
import { DEMO_STUDENT, uniqueEmail } from "./support";

// The scale-out set-up as it runs on real hosts, on loopback: one PostgreSQL, two `next start`
// instances (the build the e2e run already made) that prepared the database at the same moment, and
// nginx terminating TLS in front. Everything below goes over real HTTPS through nginx, or plain HTTP
// straight to one instance, as each check needs. Then PostgreSQL is stopped and started again.

const SESSION_COOKIE = "__Secure-next-auth.session-token";
const OUTAGE_TEXT = /can't reach its database/;

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  ms: number;
}

let certificate = "";

/** One bounded HTTP(S) request. HTTPS trusts exactly the throw-away certificate of this run. */
function call(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string; timeoutMs?: number } = {},
): Promise<Reply> {
  const started = Date.now();
  const timeoutMs = init.timeoutMs ?? 15_000;
  const options: https.RequestOptions = {
    method: init.method ?? "GET",
    headers: init.headers,
    agent: false,
    ca: certificate,
    timeout: timeoutMs,
  };
  return new Promise((resolve, reject) => {
    const onResponse = (response: http.IncomingMessage) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks).toString(),
          ms: Date.now() - started,
        }),
      );
      response.on("error", reject);
    };
    const request = url.startsWith("https:")
      ? https.request(url, options, onResponse)
      : http.request(url, options, onResponse);
    request.on("timeout", () => request.destroy(new Error(`${url}: no answer within ${timeoutMs} ms`)));
    request.on("error", reject);
    request.end(init.body);
  });
}

/** A client with its own cookie jar, like one browser talking to one base URL. */
class Client {
  readonly cookies = new Map<string, string>();
  lastSetCookies: string[] = [];

  constructor(readonly base: string) {}

  async send(
    pathname: string,
    init: { method?: string; headers?: Record<string, string>; body?: string; timeoutMs?: number } = {},
  ): Promise<Reply> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
    const reply = await call(this.base + pathname, {
      ...init,
      headers: { ...(cookie ? { cookie } : {}), ...init.headers },
    });
    this.lastSetCookies = reply.headers["set-cookie"] ?? [];
    for (const line of this.lastSetCookies) {
      const pair = line.split(";")[0]!;
      this.cookies.set(pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1));
    }
    return reply;
  }

  json(method: string, pathname: string, data: unknown): Promise<Reply> {
    return this.send(pathname, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(data) });
  }

  /** next-auth's credentials flow as next-auth/react's signIn() does it. */
  async signIn(email: string, password: string): Promise<Reply> {
    const { csrfToken } = JSON.parse((await this.send("/api/auth/csrf")).body) as { csrfToken: string };
    const body = new URLSearchParams({ csrfToken, email, password, json: "true" }).toString();
    return this.send("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body,
    });
  }
}

/** A failed sign-in's typed error (429, 503), or next-auth's own error code (401: a wrong password). */
function signInError(reply: Reply): { code: string; message?: string; retryAfterSeconds?: number } | null {
  const body = JSON.parse(reply.body) as {
    url?: string;
    error?: { code: string; message: string; retryAfterSeconds: number };
  };
  if (body.error) return body.error;
  const code = body.url ? new URL(body.url).searchParams.get("error") : null;
  return code ? { code } : null;
}

async function until<T>(what: string, timeoutMs: number, attempt: () => Promise<T | null>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await attempt().catch(() => null);
    if (result !== null) return result;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

test.describe.configure({ mode: "serial" });

let tmp = "";
let database: RestartablePostgres | null = null;
let prepared: PrepareRun[] = [];
const running: Managed[] = [];
const contexts: BrowserContext[] = [];
let ports = { a: 0, b: 0, https: 0, http: 0 };
let nginxBase = "";
const student = () => new Client(nginxBase);

async function query<T extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: database!.url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  expect(existsSync(path.join(distDir, "BUILD_ID")), `the e2e server builds ${distDir} before specs run`).toBe(true);
  tmp = mkdtempSync(path.join(os.tmpdir(), "timeslice-scale-out-"));
  const [pgPort, a, b, httpsPort, httpPort] = await freePorts(5);
  ports = { a: a!, b: b!, https: httpsPort!, http: httpPort! };
  nginxBase = `https://127.0.0.1:${ports.https}`;
  database = startRestartablePostgres(pgPort!);
  const env = {
    DATABASE_URL: database.url,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    NEXTAUTH_URL: nginxBase,
    TIMESLICE_DEMO: "1",
    DATABASE_POOL_MAX: "5",
  };
  prepared = await prepareTogether(2, env, 120_000);
  // Checked in the first test; without a database the instances would be pointless.
  if (prepared.every((run) => run.code !== 0))
    throw new Error(`both prepare runs failed:\n${prepared.map((r) => r.output).join("\n")}`);
  mkdirSync(path.join(tmp, "nginx"));
  // Pushed one by one, so afterAll stops an instance that started even if the other did not.
  await Promise.all(
    [ports.a, ports.b].map(async (port) =>
      running.push(
        await startInstance({ port, distDir, env, logFile: path.join(tmp, `app-${port}.log`), timeoutMs: 90_000 }),
      ),
    ),
  );
  const tls = createSelfSignedCertificate(tmp);
  certificate = readFileSync(tls.cert, "utf8");
  running.push(
    await startNginx({
      runDir: path.join(tmp, "nginx"),
      httpsPort: ports.https,
      httpPort: ports.http,
      upstreamPorts: [ports.a, ports.b],
      ...tls,
    }),
  );
});

test.afterAll(async () => {
  await Promise.allSettled(contexts.map((c) => c.close()));
  await Promise.allSettled(running.reverse().map((p) => p.stop()));
  database?.stop();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

test("two instances preparing one fresh PostgreSQL at once apply each migration once and seed once", async () => {
  expect(
    prepared.map((r) => r.code),
    prepared.map((r) => r.output).join("\n"),
  ).toEqual([0, 0]);
  // One of them did the work, the other found it done.
  const counts = prepared.map((r) => Number(/(\d+) migration\(s\) applied/.exec(r.output)?.[1]));
  const migrations = readdirSync("prisma/postgres/migrations").filter((d) =>
    existsSync(`prisma/postgres/migrations/${d}/migration.sql`),
  );
  expect([...counts].sort((x, y) => x - y)).toEqual([0, migrations.length]);

  const applied = await query<{ migration_name: string; n: string }>(
    `SELECT migration_name, COUNT(*) AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL GROUP BY migration_name ORDER BY 1`,
  );
  expect(applied.map((r) => r.migration_name)).toEqual([...migrations].sort());
  expect(applied.filter((r) => Number(r.n) !== 1)).toEqual([]);
  const demo = await query<{ n: string }>(`SELECT COUNT(*) AS n FROM "User" WHERE email = ANY($1)`, [
    DEMO_ACCOUNTS.map((a) => a.email),
  ]);
  expect(Number(demo[0]!.n)).toBe(DEMO_ACCOUNTS.length);
  // A seed that ran twice over itself would have added versions to the built-in questions.
  const bank = await query<{ templates: string; versions: string; bumped: string }>(
    `SELECT (SELECT COUNT(*) FROM "QuestionTemplate") AS templates, (SELECT COUNT(*) FROM "QuestionVersion") AS versions,
            (SELECT COUNT(*) FROM "QuestionTemplate" WHERE "currentVersion" <> 1) AS bumped`,
  );
  expect(Number(bank[0]!.templates)).toBeGreaterThan(0);
  expect(bank[0]).toMatchObject({ versions: bank[0]!.templates, bumped: "0" });
});

test("over HTTPS through nginx: a Secure, HttpOnly, SameSite session cookie and HSTS; plain HTTP only redirects", async () => {
  const client = student();
  const signedIn = await client.signIn(DEMO_STUDENT.email, DEMO_STUDENT.password);
  expect(signedIn.status, signedIn.body).toBe(200);
  const session = client.lastSetCookies.find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  expect(session, client.lastSetCookies.join("\n")).toBeDefined();
  expect(session).toMatch(/;\s*HttpOnly(;|$)/i);
  expect(session).toMatch(/;\s*Secure(;|$)/i);
  expect(session).toMatch(/;\s*SameSite=(Lax|Strict)(;|$)/i);

  const page = await client.send("/dashboard");
  expect(page.status).toBe(200);
  expect(page.body).toContain("Welcome, ");
  expect(page.headers["strict-transport-security"]).toMatch(/max-age=\d{7,}/);
  // API answers skip the proxy; theirs come from next.config.ts, keyed on nginx's X-Forwarded-Proto.
  const api = await client.send("/api/health");
  expect(api.status).toBe(200);
  expect(api.headers["strict-transport-security"]).toMatch(/max-age=\d{7,}/);
  expect(api.headers["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");

  for (const port of [ports.a, ports.b]) {
    for (const path of ["/signin", "/api/health"]) {
      const direct = await call(`http://127.0.0.1:${port}${path}`);
      expect(direct.status).toBe(200);
      expect(direct.headers["strict-transport-security"], `instance ${port} ${path} over plain HTTP`).toBeUndefined();
    }
  }
  const plain = await call(`http://127.0.0.1:${ports.http}/signin?x=1`);
  expect(plain.status).toBe(301);
  expect(plain.headers.location).toBe(`${nginxBase}/signin?x=1`);
});

test("the session cookie issued through nginx is accepted by each instance directly", async () => {
  const client = student();
  expect((await client.signIn(DEMO_STUDENT.email, DEMO_STUDENT.password)).status).toBe(200);
  const token = client.cookies.get(SESSION_COOKIE)!;
  for (const port of [ports.a, ports.b]) {
    const base = `http://127.0.0.1:${port}`;
    const cookie = `${SESSION_COOKIE}=${token}`;
    const session = JSON.parse((await call(`${base}/api/auth/session`, { headers: { cookie } })).body) as {
      user?: { email?: string };
    };
    expect(session.user?.email, `instance ${port}`).toBe(DEMO_STUDENT.email);
    expect((await call(`${base}/api/progress`, { headers: { cookie } })).status, `instance ${port}`).toBe(200);
    expect((await call(`${base}/api/progress`)).status, `instance ${port} without the cookie`).toBe(401);
  }
});

test("an attempt submitted through nginx is stored once, also when the client sends it again", async () => {
  const client = student();
  expect((await client.signIn(DEMO_STUDENT.email, DEMO_STUDENT.password)).status).toBe(200);
  const created = await client.json("POST", "/api/variants", { slug: "sjf-vs-stcf-timeline" });
  expect(created.status, created.body).toBe(201);
  const variant = JSON.parse(created.body) as {
    variantId: string;
    view: { parts: { id: string; slots?: number; tasks?: { id: string }[] }[] };
  };
  const part = variant.view.parts[0]!;
  const answer = { parts: { [part.id]: Array(part.slots).fill(part.tasks![0]!.id) } };
  const submissionId = `scaleout-${randomBytes(6).toString("hex")}`;
  const attempts = `/api/variants/${variant.variantId}/attempts`;
  // Round-robin: the retry most likely lands on the other instance; it must not store a second row.
  const first = await client.json("POST", attempts, { submissionId, answer });
  const retry = await client.json("POST", attempts, { submissionId, answer });
  expect(first.status, first.body).toBe(201);
  expect(retry.status, retry.body).toBe(200);
  expect(JSON.parse(retry.body)).toMatchObject({
    replayed: true,
    attempt: { id: (JSON.parse(first.body) as { attempt: { id: string } }).attempt.id },
  });
  const stored = await query<{ n: string }>(`SELECT COUNT(*) AS n FROM "Attempt" WHERE "submissionId" = $1`, [
    submissionId,
  ]);
  expect(Number(stored[0]!.n)).toBe(1);
});

test("the login rate limit is shared: failures on instance A lock the account for that source on instance B", async () => {
  const account = { email: uniqueEmail("scaleout"), password: "scale-out-password-1", name: "Scale Out" };
  expect((await student().json("POST", "/api/signup", account)).status).toBe(201);
  const onA = new Client(`http://127.0.0.1:${ports.a}`);
  const onB = new Client(`http://127.0.0.1:${ports.b}`);
  // B accepts the right password to begin with (and forgets the account's earlier failures).
  expect((await onB.signIn(account.email, account.password)).status).toBe(200);
  for (let i = 0; i < 5; i++) {
    const failed = await onA.signIn(account.email, `wrong-password-${i}`);
    expect(failed.status).toBe(401);
  }
  // Same source (this machine), same account, other instance: the limit per account and source holds.
  const locked = await new Client(`http://127.0.0.1:${ports.b}`).signIn(account.email, account.password);
  expect(locked.status).toBe(429);
  expect(Number(locked.headers["retry-after"])).toBeGreaterThanOrEqual(60);
  expect(signInError(locked)).toMatchObject({
    code: "RATE_LIMITED",
    retryAfterSeconds: Number(locked.headers["retry-after"]),
  });
  expect(signInError(locked)?.message).toMatch(/^Too many failed sign-in attempts/);
});

test("production instances do not serve the development component preview", async () => {
  const preview = await call(`http://127.0.0.1:${ports.a}/dev/sim-preview`);
  expect(preview.status).toBe(404);
});

test("PostgreSQL down: API and sign-in answer 503 at once, pages say so; everything recovers by itself", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const client = student();
  expect((await client.signIn(DEMO_STUDENT.email, DEMO_STUDENT.password)).status).toBe(200);
  const context = await browser.newContext({ baseURL: nginxBase, ignoreHTTPSErrors: true });
  contexts.push(context);
  await context.addCookies([
    {
      name: SESSION_COOKIE,
      value: client.cookies.get(SESSION_COOKIE)!,
      url: nginxBase,
      httpOnly: true,
      secure: true,
      sameSite: "Lax",
    },
  ]);
  const dashboard = await context.newPage();
  await dashboard.goto("/dashboard");
  await expect(dashboard.getByRole("heading", { name: /^Welcome, / })).toBeVisible();
  const signInPage = await context.newPage();
  await signInPage.goto("/signin");
  await signInPage.waitForLoadState("networkidle");

  database!.crash();
  try {
    const health = await call(`${nginxBase}/api/health`);
    expect(health.status).toBe(503);
    const progress = await client.send("/api/progress");
    expect(progress.status, progress.body).toBe(503);
    expect(progress.headers["retry-after"]).toBe("5");
    expect(JSON.parse(progress.body)).toMatchObject({ error: { code: "UNAVAILABLE" } });
    // "Bounded" with room for a loaded machine: a refused connection should fail in milliseconds.
    expect(Math.max(health.ms, progress.ms)).toBeLessThan(10_000);

    const signIn = await student().signIn(DEMO_STUDENT.email, DEMO_STUDENT.password);
    expect(signIn.status, signIn.body).toBe(503);
    expect(signIn.headers["retry-after"]).toBe("5");
    expect(signInError(signIn)?.message).toMatch(OUTAGE_TEXT);
    expect(JSON.parse(signIn.body)).toMatchObject({ error: { code: "UNAVAILABLE" } });

    // The form shows the outage, not "wrong password".
    await signInPage.getByLabel("Email").fill(DEMO_STUDENT.email);
    await signInPage.getByLabel("Password").fill(DEMO_STUDENT.password);
    await signInPage.getByRole("button", { name: "Sign in" }).click();
    await expect(signInPage.getByTestId("signin-error")).toContainText(OUTAGE_TEXT);

    // A page cannot answer 503 from the App Router; the error boundary explains and keeps retrying.
    const failed = await dashboard.reload();
    test.info().annotations.push({ type: "outage page", description: `HTTP ${failed?.status()}` });
    await expect(dashboard.getByTestId("outage")).toContainText(OUTAGE_TEXT);
  } finally {
    database!.start();
  }
  const restarted = Date.now();
  await until("the API answering again", 30_000, async () =>
    (await client.send("/api/progress", { timeoutMs: 5_000 })).status === 200 ? true : null,
  );
  const recoveredMs = Date.now() - restarted;
  test.info().annotations.push({
    type: "recovery",
    description: `API answered 200 again ${recoveredMs} ms after PostgreSQL was back`,
  });
  expect(recoveredMs).toBeLessThan(15_000);
  // The outage page notices by itself, without a reload.
  await expect(dashboard.getByRole("heading", { name: /^Welcome, / })).toBeVisible({ timeout: 20_000 });
  expect((await student().signIn(DEMO_STUDENT.email, DEMO_STUDENT.password)).status).toBe(200);
});
