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
