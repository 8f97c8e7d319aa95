import { randomInt } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import http, { type IncomingHttpHeaders } from "node:http";
import net, { type AddressInfo } from "node:net";
import path from "node:path";
import { type APIRequestContext, request as apiRequest, expect, test } from "@playwright/test";
import {
  apiSignIn,
  BASE_URL,
  DEMO_INSTRUCTOR,
  DEMO_STUDENT,
  passMockPrompt,
  signIn,
  someAnswer,
  uniqueEmail,
  type ViewPart,
} from "./support";

// Each attack from the white-box security review (issue #22), replayed against `next start`: every one
// must now fail. Requests that need a particular source address or a raw (chunked, endless) body go
// through node:http; the redirect goes through Chromium.

const PORT = new URL(BASE_URL).port;
const ADMIN = { email: "admin@example.com", password: "e2e-admin-password" };

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** One HTTP request from a chosen loopback source address, with a cookie jar. */
class RawClient {
  readonly cookies = new Map<string, string>();
  constructor(readonly localAddress = "127.0.0.1") {}

  send(
    pathname: string,
    init: { method?: string; headers?: Record<string, string>; body?: string } = {},
  ): Promise<Reply> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    return new Promise((resolve, reject) => {
      const request = http.request(
        `${BASE_URL}${pathname}`,
        {
          method: init.method ?? "GET",
          localAddress: this.localAddress,
          agent: false,
          headers: { ...(cookie ? { cookie } : {}), ...init.headers },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (c: Buffer) => chunks.push(c));
          response.on("end", () => {
            for (const line of response.headers["set-cookie"] ?? []) {
              const pair = line.split(";")[0]!;
              this.cookies.set(pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1));
            }
            resolve({
              status: response.statusCode ?? 0,
              headers: response.headers,
              body: Buffer.concat(chunks).toString(),
            });
          });
        },
      );
      request.on("error", reject);
      request.end(init.body);
    });
  }

  /** next-auth's credentials flow, as next-auth/react's signIn() sends it. */
  async signIn(email: string, password: string, headers: Record<string, string> = {}): Promise<Reply> {
    const { csrfToken } = JSON.parse((await this.send("/api/auth/csrf")).body) as { csrfToken: string };
    const body = new URLSearchParams({ csrfToken, email, password, json: "true" }).toString();
    return this.send("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
      body,
    });
  }
}

/** A loopback address of its own for each test run, so the sign-in limits of one run never touch another's. */
const freshSource = () => `127.${randomInt(1, 250)}.${randomInt(1, 250)}.${randomInt(2, 250)}`;

async function signedInContext(account: { email: string; password: string }): Promise<APIRequestContext> {
  const context = await apiRequest.newContext({ baseURL: BASE_URL });
  await apiSignIn(context, account);
  return context;
}

test("finding 2: an endless chunked body gets a 413 naming the limit once it passes the limit", async () => {
  const cap = 256 * 1024 * 1024;
  for (const pathname of ["/api/signup", "/api/auth/callback/credentials"]) {
    // A raw socket: the server may stop reading and close while the client is still writing (EPIPE), and
    // the answer it sent before must still be read. No "Connection: close": on a kept-alive connection
    // Node discards the rest of an unread body after answering instead of closing at once, which would
    // reset the connection and could drop the answer before the client reads it (it did, one run in a few).
    const reply = await new Promise<{ received: string; sentBytes: number }>((resolve) => {
      let received = "";
      let sentBytes = 0;
      const socket = net.connect(Number(PORT), "127.0.0.1");
      socket.on("data", (data: Buffer) => {
        received += data.toString();
        // The whole answer is in once its body (it names the limit) has arrived.
        if (/larger than the limit of \d+ bytes/.test(received)) socket.destroy();
      });
      socket.on("error", () => undefined);
      socket.on("close", () => resolve({ received, sentBytes }));
      socket.write(
        `POST ${pathname} HTTP/1.1\r\nHost: 127.0.0.1:${PORT}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`,
      );
      const chunk = `${(64 * 1024).toString(16)}\r\n${" ".repeat(64 * 1024)}\r\n`;
      // Never ends by itself: a server that buffered the whole body would never answer. The cap only
      // keeps a failing run from streaming forever.
      const pump = () => {
        while (!received && !socket.destroyed && sentBytes < cap) {
          sentBytes += 64 * 1024;
          if (!socket.write(chunk)) return void socket.once("drain", pump);
        }
        if (received || sentBytes >= cap) socket.end();
      };
      pump();
    });
    expect(reply.received.split("\r\n")[0], pathname).toMatch(/^HTTP\/1\.1 413 /);
    expect(reply.received).toMatch(/larger than the limit of \d+ bytes/);
    expect(reply.sentBytes, "the server answered long before the client gave up").toBeLessThan(cap);
  }
});

test("finding 3: no callbackUrl spelling sends a signed-in user to another origin", async ({ browser }) => {
  let trapped = 0;
  const trap = http.createServer((_req, res) => {
    trapped++;
    res.end("pwned");
  });
  await new Promise<void>((resolve) => trap.listen(0, "127.0.0.1", resolve));
  const trapPort = (trap.address() as AddressInfo).port;
  try {
    const target = `127.0.0.1:${trapPort}/pwned.html`;
    for (const callback of [
      `/%5C${target}`,
      `/%09/${target}`,
      `%2F%2F${target}`,
      `/%5C%5C${target}`,
      `/%0A/${target}`,
      `http:%2F%2F${target}`,
      `/.%2F%2F${target}`,
    ]) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`/signin?callbackUrl=${callback}`);
      await page.waitForLoadState("networkidle");
      await page.getByLabel("Email").fill(DEMO_STUDENT.email);
      await page.getByLabel("Password").fill(DEMO_STUDENT.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page, callback).toHaveURL(/\/dashboard$/);
      expect(new URL(page.url()).port, callback).toBe(PORT);
      await context.close();
    }
    expect(trapped).toBe(0);
  } finally {
    trap.close();
  }
});

/** Every exported mutating handler under app/api, from the files themselves: a new route is covered at once. */
function mutatingRoutes(): { pattern: string; method: string }[] {
  const found: { pattern: string; method: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const pattern = "/" + path.relative("app", dir).split(path.sep).join("/");
        const source = readFileSync(full, "utf8");
        for (const m of source.matchAll(/export (?:const|async function) (POST|PUT|PATCH|DELETE)\b/g))
          found.push({ pattern, method: m[1]! });
        for (const m of source.matchAll(/export \{([^}]*)\}/g))
          for (const name of m[1]!.matchAll(/\b(POST|PUT|PATCH|DELETE)\b/g)) found.push({ pattern, method: name[1]! });
      }
    }
  };
  walk("app/api");
  return found;
}

test("finding 4: every mutating route refuses cross-origin and non-JSON requests, even with a valid session", async () => {
  const routes = mutatingRoutes();
  expect(routes.length).toBeGreaterThan(25);
  const admin = await signedInContext(ADMIN);
  const mismatches: string[] = [];
  for (const { pattern, method } of routes) {
    // next-auth's own posts are forms by design; its origin rule is checked below.
    if (pattern.startsWith("/api/auth/")) continue;
    const url = pattern.replace(/\[[^\]]+\]/g, "csrf-probe");
    const attempts: [string, Record<string, string>, string, number][] = [
      ["a text/plain form post", { "content-type": "text/plain" }, '{"code":"ABC123"}', 415],
      ["a url-encoded form post", { "content-type": "application/x-www-form-urlencoded" }, "code=ABC123", 415],
      [
        "a page on another port (same site)",
        { "content-type": "application/json", origin: "http://127.0.0.1:1" },
        "{}",
        403,
      ],
      ["a same-site fetch", { "content-type": "application/json", "sec-fetch-site": "same-site" }, "{}", 403],
      ["a bodiless no-cors fetch from another origin", { origin: "http://attacker.test" }, "", 403],
    ];
    for (const [what, headers, data, expected] of attempts) {
      const response = await admin.fetch(url, { method, headers, data: data || undefined });
      if (response.status() !== expected)
        mismatches.push(`${method} ${pattern} — ${what}: ${response.status()} (expected ${expected})`);
    }
  }
  expect(mismatches).toEqual([]);

  // The attack of the report: a page on another port joins the victim to the attacker's class.
  const teacher = await signedInContext(DEMO_INSTRUCTOR);
  const made = (await (await teacher.post("/api/teach/classes", { data: { name: "CSRF bait" } })).json()) as {
    class: { id: string; joinCode: string };
  };
  const victim = await signedInContext(DEMO_STUDENT);
  const forged = await victim.post("/api/classes/join", {
    headers: { "content-type": "text/plain", origin: "http://127.0.0.1:3999" },
    data: JSON.stringify({ code: made.class.joinCode }),
  });
  expect(forged.status()).toBe(403);
  const mine = (await (await victim.get("/api/classes")).json()) as { classes: { id: string }[] };
  expect(mine.classes.map((c) => c.id)).not.toContain(made.class.id);

  // next-auth's form posts: refused from another origin, accepted from this one.
  const client = new RawClient();
  expect(
    (await client.signIn(DEMO_STUDENT.email, DEMO_STUDENT.password, { origin: "http://127.0.0.1:3999" })).status,
  ).toBe(403);
  expect((await client.signIn(DEMO_STUDENT.email, DEMO_STUDENT.password, { origin: BASE_URL })).status).toBe(200);
  await Promise.all([admin.dispose(), teacher.dispose(), victim.dispose()]);
});

test("finding 5: rotating X-Forwarded-For does not escape the per-source limit", async () => {
  test.setTimeout(120_000);
  const client = new RawClient(freshSource());
  let last: Reply | null = null;
  // 30 failures (the per-source limit), each on another account and behind another forged address.
  for (let i = 0; i <= 30; i++) {
    last = await client.signIn(uniqueEmail(`spray${i}`), "not-the-password", {
      "x-forwarded-for": `198.51.${i}.${randomInt(1, 250)}`,
    });
    if (i < 30) expect(last.status, `attempt ${i + 1}`).toBe(401);
  }
  expect(last!.status).toBe(429);
  expect(JSON.parse(last!.body)).toMatchObject({ error: { code: "RATE_LIMITED" } });
  // Another source is not affected.
  expect((await new RawClient(freshSource()).signIn(uniqueEmail("other"), "not-the-password")).status).toBe(401);
});

test("finding 5: guessing an account's password from one source does not lock its owner out", async ({ request }) => {
  const account = { email: uniqueEmail("owner"), password: "the-owners-password", name: "Owner" };
  expect((await request.post("/api/signup", { data: account })).status()).toBe(201);
  const attacker = new RawClient(freshSource());
  for (let i = 0; i < 5; i++) expect((await attacker.signIn(account.email, `guess-${i}`)).status).toBe(401);
  const refused = await attacker.signIn(account.email, account.password);
  expect(refused.status).toBe(429);
  const typed = JSON.parse(refused.body) as { error: { code: string; retryAfterSeconds: number } };
  expect(typed.error.code).toBe("RATE_LIMITED");
  expect(String(typed.error.retryAfterSeconds)).toBe(refused.headers["retry-after"]);

  // The owner, elsewhere, waits at most the account's short progressive delay (it says how long).
  const owner = new RawClient(freshSource());
  let answer = await owner.signIn(account.email, account.password);
  for (let tries = 0; answer.status === 429 && tries < 3; tries++) {
    const wait = Number(answer.headers["retry-after"]);
    expect(wait).toBeLessThanOrEqual(60);
    await new Promise((resolve) => setTimeout(resolve, wait * 1000 + 200));
    answer = await owner.signIn(account.email, account.password);
  }
  expect(answer.status).toBe(200);
});

test("finding 8: sign-up and a draft's attempt list do not reveal what exists", async ({ request }) => {
  const fresh = { email: uniqueEmail("neutral"), password: "neutral-password", name: "Neutral" };
  const created = await request.post("/api/signup", { data: fresh });
  const again = await request.post("/api/signup", {
    data: { ...fresh, name: "Someone Else", password: "another-password" },
  });
  expect(again.status()).toBe(created.status());
  expect(await again.json()).toEqual(await created.json());
  const demo = await request.post("/api/signup", { data: { ...fresh, email: DEMO_STUDENT.email } });
  expect(demo.status()).toBe(created.status());
  expect(await demo.json()).toEqual(await created.json());
  // Nothing changed for the existing account: its own password still signs in.
  const stillMine = await signedInContext(fresh);
  await stillMine.dispose();

  const teacher = await signedInContext(DEMO_INSTRUCTOR);
  const bank = (await (await teacher.get("/api/teach/questions")).json()) as {
    questions: { id: string; slug: string }[];
  };
  const copy = (await (
    await teacher.post(`/api/teach/questions/${bank.questions[0]!.id}/duplicate`, { data: {} })
  ).json()) as { question: { slug: string } };
  const student = await signedInContext(DEMO_STUDENT);
  const draft = await student.get(`/api/questions/${copy.question.slug}/attempts`);
  const missing = await student.get(`/api/questions/${copy.question.slug}-x/attempts`);
  expect(draft.status()).toBe(404);
  expect(missing.status()).toBe(404);
  const codeOf = async (r: typeof draft) => ((await r.json()) as { error: { code: string } }).error.code;
  expect(await codeOf(draft)).toBe(await codeOf(missing));
  // The author still sees it.
  expect((await teacher.get(`/api/questions/${copy.question.slug}/attempts`)).status()).toBe(200);
  await Promise.all([teacher.dispose(), student.dispose()]);
});

test("finding 6: a report reaches the reporter's instructors and admins, not every instructor", async ({ request }) => {
  const reporter = { email: uniqueEmail("reporter"), password: "reporter-password", name: "Reporter" };
  expect((await request.post("/api/signup", { data: reporter })).status()).toBe(201);
  const student = await signedInContext(reporter);
  const variant = (await (await student.post("/api/variants", { data: { slug: "sjf-vs-stcf-timeline" } })).json()) as {
    variantId: string;
  };
  const made = await student.post("/api/reports", {
    data: { variantId: variant.variantId, message: "a report only my teachers see" },
  });
  expect(made.status()).toBe(201);
  const reportId = ((await made.json()) as { report: { id: string } }).report.id;
  const inbox = async (who: APIRequestContext) =>
    ((await (await who.get("/api/reports")).json()) as { reports: { id: string }[] }).reports.map((r) => r.id);

  const stranger = await signedInContext(DEMO_INSTRUCTOR);
  expect(await inbox(stranger)).not.toContain(reportId);
  expect((await stranger.patch(`/api/reports/${reportId}`, { data: { resolved: true } })).status()).toBe(404);
  const admin = await signedInContext(ADMIN);
  expect(await inbox(admin)).toContain(reportId);

  // Once the student joins the instructor's class, that instructor sees it.
  const made2 = (await (await stranger.post("/api/teach/classes", { data: { name: "Reports class" } })).json()) as {
    class: { joinCode: string };
  };
  expect((await student.post("/api/classes/join", { data: { code: made2.class.joinCode } })).status()).toBe(200);
  expect(await inbox(stranger)).toContain(reportId);
  await Promise.all([student.dispose(), stranger.dispose(), admin.dispose()]);
});

test("finding 7: a running mock interview changes nothing /api/progress shows until it ends", async ({ request }) => {
  const account = { email: uniqueEmail("mock"), password: "mock-password-1", name: "Mock" };
  expect((await request.post("/api/signup", { data: account })).status()).toBe(201);
  const student = await signedInContext(account);
  const progress = async () => JSON.stringify(await (await student.get("/api/progress")).json());
  const before = await progress();
  const { sessionId } = (await (await student.post("/api/mock", { data: { minutes: 15 } })).json()) as {
    sessionId: string;
  };
  await passMockPrompt(student, sessionId);
  for (let i = 0; i < 2; i++) {
    const state = (await (await student.get(`/api/mock/${sessionId}`)).json()) as {
      question: { itemId: string; view: { parts: ViewPart[] } };
    };
    const answered = await student.post(`/api/mock/${sessionId}/answer`, {
      data: {
        itemId: state.question.itemId,
        submissionId: `mockleak${i}${randomInt(1e9)}`,
        answer: { parts: someAnswer(state.question.view.parts) },
      },
    });
    expect(answered.status(), await answered.text()).toBe(201);
    expect(await progress()).toBe(before);
  }
  expect((await student.post(`/api/mock/${sessionId}/end`)).status()).toBe(200);
  expect(await progress()).not.toBe(before);
  await student.dispose();
});

test("finding 9: a session cookie stops working after sign-out and after a password change", async () => {
  const account = { email: uniqueEmail("session"), password: "session-password-1", name: "Session" };
  const anonymous = await apiRequest.newContext({ baseURL: BASE_URL });
  expect((await anonymous.post("/api/signup", { data: account })).status()).toBe(201);

  const sessionCookie = async (context: APIRequestContext) =>
    (await context.storageState()).cookies.find((c) => c.name.endsWith("next-auth.session-token"))!.value;
  const replay = async (value: string) => {
    const thief = await apiRequest.newContext({
      baseURL: BASE_URL,
      extraHTTPHeaders: { cookie: `next-auth.session-token=${value}` },
    });
    const status = (await thief.get("/api/progress")).status();
    await thief.dispose();
    return status;
  };

  const first = await signedInContext(account);
  const stolen = await sessionCookie(first);
  expect(await replay(stolen)).toBe(200);
  const { csrfToken } = (await (await first.get("/api/auth/csrf")).json()) as { csrfToken: string };
  expect((await first.post("/api/auth/signout", { form: { csrfToken, json: "true" } })).status()).toBe(200);
  expect(await replay(stolen)).toBe(401);

  const laptop = await signedInContext(account);
  const phone = await signedInContext(account);
  const phoneCookie = await sessionCookie(phone);
  expect(await replay(phoneCookie)).toBe(200);
  const changed = await laptop.post("/api/account/password", {
    data: { currentPassword: account.password, newPassword: "session-password-2" },
  });
  expect(changed.status()).toBe(200);
  expect(await replay(phoneCookie)).toBe(401);
  expect((await phone.get("/api/progress")).status()).toBe(401);
  await Promise.all([anonymous.dispose(), first.dispose(), laptop.dispose(), phone.dispose()]);
});

test("#19: sign-up makes students; instructor rights come from an invitation or an admin's approval", async ({
  page,
  request,
}) => {
  const asked = {
    email: uniqueEmail("wants-to-teach"),
    password: "wants-to-teach-1",
    name: `Would Teach ${randomInt(1e6)}`,
  };
  const refused = await request.post("/api/signup", { data: { ...asked, role: "INSTRUCTOR" } });
  expect(refused.status()).toBe(400);
  expect(((await refused.json()) as { error: { fields: Record<string, string[]> } }).error.fields.role).toBeTruthy();
  expect((await request.post("/api/signup", { data: { ...asked, requestInstructor: true } })).status()).toBe(201);
  const requester = await signedInContext(asked);
  expect((await requester.get("/api/teach/questions")).status()).toBe(403);
  expect((await requester.post("/api/teach/invites", { data: {} })).status()).toBe(403);

  // The admin approves on the admin page.
  await signIn(page, ADMIN);
  await page.goto("/admin");
  await page
    .getByRole("button", { name: `Approve ${asked.name}` })
    .first()
    .click();
  await expect(page.getByRole("button", { name: `Approve ${asked.name}` })).toHaveCount(0);
  expect((await requester.get("/api/teach/questions")).status()).toBe(200);

  // An invitation link, issued on the page, makes the account that signs up with it an instructor, once.
  await page.getByRole("button", { name: "Create invitation link" }).click();
  const link = await page.getByTestId("invite-link").textContent();
  const invited = await (await page.context().browser()!.newContext()).newPage();
  await invited.goto(new URL(link!).pathname + new URL(link!).search);
  await invited.waitForLoadState("networkidle");
  await invited.getByLabel("Name").fill("Invited Teacher");
  await invited.getByLabel("Email", { exact: true }).fill(uniqueEmail("invited"));
  await invited.getByLabel("Password", { exact: true }).fill("invited-password-1");
  await invited.getByRole("button", { name: "Create account" }).click();
  await expect(invited).toHaveURL(/\/dashboard$/);
  await expect(invited.getByRole("link", { name: "Teach" })).toBeVisible();
  const code = new URL(link!).searchParams.get("invite")!;
  const reuse = await request.post("/api/signup", {
    data: { email: uniqueEmail("reuse"), password: "reuse-password-1", name: "Reuse", inviteCode: code },
  });
  expect(reuse.status()).toBe(400);
  await requester.dispose();
});
