import { expect, type Page } from "@playwright/test";

export const DEMO_STUDENT = { email: "student@example.com", password: "student-demo-pass" };
export const DEMO_INSTRUCTOR = { email: "instructor@example.com", password: "instructor-demo-pass" };

export async function signIn(page: Page, account: { email: string; password: string }) {
  await page.goto("/signin");
  // The form submits through next-auth in the browser: wait until it is hydrated.
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
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
