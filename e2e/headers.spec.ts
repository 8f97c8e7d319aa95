import { existsSync, readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { PRERENDERED } from "../lib/security/prerendered";

// Security headers as the production server sends them.

test("the prerendered pages are exactly the ones the proxy serves without a nonce", () => {
  const manifestPath = ".next/prerender-manifest.json";
  expect(existsSync(manifestPath), "the e2e server builds .next first").toBe(true);
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { routes: Record<string, unknown> };
  // Icons and other file routes are not HTML and carry no scripts.
  const prerendered = Object.keys(manifest.routes).filter((r) => !/\.[a-z]+$/.test(r));
  expect(prerendered.length).toBeGreaterThan(3);
  for (const route of prerendered) expect(PRERENDERED.test(route), route).toBe(true);
  for (const dynamic of ["/signin", "/dashboard", "/practice/q/rr-basic", "/teach", "/history"])
    expect(PRERENDERED.test(dynamic), dynamic).toBe(false);
});

test("pages and API answers carry the security headers; dynamic pages use a nonce, not unsafe-inline", async ({
  request,
}) => {
  const signin = await request.get("/signin");
  const csp = signin.headers()["content-security-policy"]!;
  const scripts = csp.split("; ").find((d) => d.startsWith("script-src"))!;
  expect(scripts).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
  expect(scripts).not.toContain("'unsafe-inline'");
  expect(csp).toContain("frame-ancestors 'none'");
  const nonce = scripts.match(/'nonce-([^']+)'/)![1]!;
  expect(await signin.text()).toContain(`nonce="${nonce}"`);
  expect(signin.headers()["x-content-type-options"]).toBe("nosniff");
  expect(signin.headers()["x-frame-options"]).toBe("DENY");
  expect(signin.headers()["strict-transport-security"]).toBeUndefined();

  const again = (await request.get("/signin")).headers()["content-security-policy"]!;
  expect(again).not.toBe(csp);

  const api = await request.get("/api/auth/session");
  expect(api.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");

  const https = await request.get("/signin", { headers: { "x-forwarded-proto": "https" } });
  expect(https.headers()["strict-transport-security"]).toContain("max-age=");
});

test("public/ serves the icon, the web manifest and robots.txt as static files with the fixed headers", async ({
  request,
  page,
}) => {
  const robots = await request.get("/robots.txt");
  expect(robots.status()).toBe(200);
  expect(robots.headers()["content-type"]).toContain("text/plain");
  expect(await robots.text()).toMatch(/^Disallow: \/api\/$/m);
  expect(robots.headers()["x-content-type-options"]).toBe("nosniff");

  const manifest = await request.get("/manifest.webmanifest");
  expect(manifest.status()).toBe(200);
  const body = (await manifest.json()) as { name: string; icons: { src: string }[] };
  expect(body.name).toBe("Timeslice");
  for (const icon of body.icons) expect((await request.get(icon.src)).status(), icon.src).toBe(200);
  expect((await request.get("/icon.svg")).headers()["content-type"]).toContain("image/svg+xml");

  // The pages point browsers at them.
  await page.goto("/");
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute("href", /\/icon\.svg/);
});
