import { expect, test } from "@playwright/test";
import { DEMO_INSTRUCTOR, DEMO_STUDENT, signIn, uniqueEmail } from "./support";

test("sign up, sign out, sign in, see the dashboard", async ({ page }) => {
  const email = uniqueEmail("e2e");
  await page.goto("/signup");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Name").fill("Erin Example");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a good password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { name: "Welcome, Erin Example" })).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fdashboard/);

  await signIn(page, { email, password: "a good password" });
  await expect(page.getByRole("heading", { name: "Welcome, Erin Example" })).toBeVisible();
});

test("sign-up errors name the field, a taken email is not revealed, and no session results", async ({
  page,
  request,
}) => {
  await page.goto("/signup");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Name").fill("Short Pass");
  await page.getByLabel("Email").fill(DEMO_STUDENT.email);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("#password-error")).toHaveText("password must be at least 8 characters");
  await expect(page).toHaveURL(/\/signup$/);

  // A taken email is not revealed by sign-up; the automatic sign-in with this password then fails.
  await page.getByLabel("Password").fill("long enough now");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText(/did not sign you in/)).toBeVisible();
  await expect(page).toHaveURL(/\/signup$/);
  const session = await (await request.get("/api/auth/session")).json();
  expect(session).toEqual({});
});

test("a wrong password shows an error and gives no session", async ({ page }) => {
  await page.goto("/signin");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Email").fill(DEMO_INSTRUCTOR.email);
  await page.getByLabel("Password").fill("definitely-wrong");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signin-error")).toHaveText("Wrong email or password.");
  await expect(page).toHaveURL(/\/signin/);
  const cookies = await page.context().cookies();
  expect(cookies.some((c) => c.name.includes("session-token"))).toBe(false);
  const session = await page.evaluate(async () => (await fetch("/api/auth/session")).json());
  expect(session).toEqual({});
});

test("a student opening an instructor page gets the 403 page", async ({ page }) => {
  await signIn(page, DEMO_STUDENT);
  const response = await page.goto("/teach");
  expect(response?.status()).toBe(403);
  await expect(page.getByTestId("forbidden")).toBeVisible();
  await expect(page.getByRole("link", { name: "Teach" })).toHaveCount(0);
});

test("an instructor reaches the instructor dashboard", async ({ page }) => {
  await signIn(page, DEMO_INSTRUCTOR);
  await page.getByRole("link", { name: "Teach" }).click();
  await expect(page.getByRole("heading", { name: "Question bank" })).toBeVisible();
});

test("the theme toggle switches to dark and remembers it", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/");
  await page.waitForLoadState("networkidle");
  await expect(page.locator("html")).not.toHaveClass(/dark/);
  await page.getByRole("button", { name: "Switch to dark theme" }).click();
  await expect(page.locator("html")).toHaveClass(/dark/);
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/dark/);
});

test("the landing page fits a 360 px wide phone without sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});

test("an unknown address shows the not-found page with a 404", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});
