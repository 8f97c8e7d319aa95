import AxeBuilder from "@axe-core/playwright";
import { type APIRequestContext, request as apiRequest, expect, type Page } from "@playwright/test";

export const DEMO_STUDENT = { email: "student@example.com", password: "student-demo-pass" };
export const DEMO_INSTRUCTOR = { email: "instructor@example.com", password: "instructor-demo-pass" };

export async function signIn(page: Page, account: { email: string; password: string }) {
  await page.goto("/signin");
  // The form submits through next-auth in the browser: wait until it is hydrated.
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // argon2id verification plus the first render of the dashboard: seen past the 10 s default on a loaded
  // 2-core machine, where the session was already set and the redirect simply had not arrived.
  await expect(page).toHaveURL(/\/dashboard$/, { timeout: 30_000 });
}

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
}

/** A new student account, signed in: pages start from a clean slate (no earlier attempts). */
export async function signUpFreshStudent(page: Page, prefix = "student"): Promise<{ email: string; password: string }> {
  const account = { email: uniqueEmail(prefix), password: "fresh-student-pass" };
  const response = await page.request.post("/api/signup", { data: { ...account, name: "Fresh Student" } });
  expect(response.status()).toBe(201);
  await signIn(page, account);
  return account;
}

/** The SQLite file of the e2e server (scripts/e2e-server.ts keeps one per port). Tests open it read-only. */
export function e2eDatabasePath(): string {
  return `data/e2e-${process.env.E2E_PORT ?? "3210"}/timeslice.db`;
}

/** A request made by the page itself (cookies, same origin), so page.on("response") sees it too. */
export async function fetchInPage(
  page: Page,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; body: string }> {
  return page.evaluate(
    async ([url, options]) => {
      const response = await fetch(url, options);
      return { status: response.status, body: await response.text() };
    },
    [path, init] as const,
  );
}

/** The e2e server's base URL (playwright.config.ts), for request contexts made outside a test's fixtures. */
export const BASE_URL = `http://127.0.0.1:${process.env.E2E_PORT ?? 3210}`;

/** next-auth's credentials flow without a browser, as next-auth/react's signIn() does it. */
export async function apiSignIn(
  request: APIRequestContext,
  account: { email: string; password: string },
): Promise<void> {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: account.email, password: account.password, json: "true" },
  });
  expect(response.status(), await response.text()).toBe(200);
}

/** A fresh single-use instructor invitation, issued by the demo instructor (sign-up alone makes students). */
export async function instructorInviteCode(): Promise<string> {
  const request = await apiRequest.newContext({ baseURL: BASE_URL });
  try {
    await apiSignIn(request, DEMO_INSTRUCTOR);
    const response = await request.post("/api/teach/invites", { data: {} });
    expect(response.status(), await response.text()).toBe(201);
    return ((await response.json()) as { invite: { code: string } }).invite.code;
  } finally {
    await request.dispose();
  }
}

/** A new account; instructors sign up with an invitation code. */
export async function signUpAccount(
  request: APIRequestContext,
  role: "STUDENT" | "INSTRUCTOR",
  account: { email: string; password: string; name: string },
): Promise<void> {
  const data = role === "INSTRUCTOR" ? { ...account, inviteCode: await instructorInviteCode() } : account;
  expect((await request.post("/api/signup", { data })).status()).toBe(201);
}

/** Axe on the page as it stands: no serious or critical violation. */
export async function expectNoSeriousAxe(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

/** Every mock interview opens with an explain prompt: answer and self-assess it, so the graded questions come next. */
export async function passMockPrompt(request: APIRequestContext, sessionId: string): Promise<void> {
  for (const [step, body] of [
    ["explain", { text: "A typed explanation." }],
    ["assess", { covered: [] }],
  ] as const) {
    expect((await request.post(`/api/mock/${sessionId}/${step}`, { data: body })).status()).toBe(201);
  }
}

/** The answer parts of a variant's view, as far as building some well-formed answer needs them. */
export type ViewPart =
  | { kind: "timeline"; id: string; slots: number; tasks: { id: string }[] }
  | { kind: "number"; id: string }
  | { kind: "order"; id: string; items: { id: string }[] }
  | { kind: "choice"; id: string; multiple?: boolean; options: { id: string }[] }
  | { kind: "tree"; id: string; labels: { id: string }[]; rootLabel?: { id: string } };

/** A well-formed (not necessarily right) answer to every part, built from the question's own view. */
export function someAnswer(parts: ViewPart[]): Record<string, unknown> {
  const answer: Record<string, unknown> = {};
  for (const p of parts) {
    if (p.kind === "timeline") answer[p.id] = Array.from({ length: p.slots }, () => p.tasks[0]!.id);
    else if (p.kind === "number") answer[p.id] = "0";
    else if (p.kind === "order") answer[p.id] = p.items.map((i) => i.id);
    // A tree of the first process alone: "<parent index>:<label id>", the first process's parent is -1.
    else if (p.kind === "tree") answer[p.id] = [`-1:${(p.rootLabel ?? p.labels[0]!).id}`];
    else answer[p.id] = p.multiple ? [p.options[0]!.id] : p.options[0]!.id;
  }
  return answer;
}
