// `npx tsx scripts/loadtest/check-headers.ts [--port 3303]`: the security headers as a browser gets them
// from the production build, and whether any page trips the Content-Security-Policy in Chromium (a
// blocked script would break hydration silently). Exits non-zero on a missing header or a violation.
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import { parseArgs } from "node:util";
import { chromium } from "@playwright/test";
import { prepareDatabase } from "../../lib/db/prepare";
import { resolveDbTarget } from "../../lib/db/provider";
import { publishedSlugs } from "./db";
import { AppServer, ensureBuild } from "./server";

const { values: flags } = parseArgs({ options: { port: { type: "string", default: "3303" } } });
rmSync("data/check-headers", { recursive: true, force: true });
mkdirSync("data/check-headers", { recursive: true });
const databaseUrl = "file:./data/check-headers/timeslice.db";
const target = resolveDbTarget(databaseUrl);
await prepareDatabase(target, { demoAccounts: true });
ensureBuild();
const app = new AppServer(Number(flags.port), { databaseUrl, secret: randomBytes(32).toString("base64url") });
await app.start();
const problems: string[] = [];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu"],
});
try {
  const page = await browser.newPage();
  page.on("console", (m) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(m.text())) problems.push(`${page.url()}: ${m.text()}`);
  });
  // Sign in through the real form (a client component: it only works if hydration ran).
  await page.goto(`${app.base}/signin`);
  await page.getByLabel("Email").fill("student@example.com");
  await page.getByLabel("Password").fill("student-demo-pass");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/dashboard$/, { timeout: 30_000 });
  const slug = (await publishedSlugs(target))[0]!;
  for (const path of [
    "/",
    "/learn",
    "/learn/scheduling-basics",
    "/signup",
    "/dashboard",
    "/practice",
    `/practice/q/${slug}`,
    "/api/progress",
  ]) {
    const response = await page.goto(`${app.base}${path}`);
    await page.waitForLoadState("networkidle");
    const h = response!.headers();
    const csp = h["content-security-policy"] ?? "";
    const missing = [
      h["x-content-type-options"] === "nosniff" ? null : "nosniff",
      h["x-frame-options"] === "DENY" ? null : "X-Frame-Options",
      h["referrer-policy"] ? null : "Referrer-Policy",
      csp.includes("frame-ancestors 'none'") ? null : "CSP frame-ancestors",
      h["strict-transport-security"] ? "HSTS over plain HTTP" : null,
    ].filter(Boolean);
    if (missing.length) problems.push(`${path}: ${missing.join(", ")}`);
    const scripts = / script-src ([^;]*)/.exec(` ${csp}`)?.[1] ?? "(none)";
    console.log(`${path.padEnd(36)} ${response!.status()} script-src ${scripts.replace(/'nonce-[^']+'/, "'nonce-…'")}`);
  }
  const cookies = await page.context().cookies();
  for (const c of cookies.filter((c) => c.name.includes("next-auth")))
    console.log(`cookie ${c.name}: httpOnly=${c.httpOnly} sameSite=${c.sameSite} secure=${c.secure}`);
} finally {
  await browser.close();
  app.stop();
}
console.log(problems.length ? `\nPROBLEMS:\n${problems.join("\n")}` : "\nheaders OK, no CSP violations");
process.exitCode = problems.length ? 1 : 0;
