// Security headers: the request-dependent ones from proxy.ts (CSP nonce, HSTS over HTTPS only, the
// anonymous redirect still in place) and the fixed ones from next.config.ts. e2e/headers.spec.ts checks
// the live production server and compares the static-page list with the build's prerender manifest.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { getPathMatch } from "next/dist/shared/lib/router/utils/path-match";
import nextConfig from "@/next.config";
import { config, proxy, THEME_SCRIPT_HASH } from "@/proxy";

function run(path: string, headers: Record<string, string> = {}) {
  return proxy(new NextRequest(new URL(path, "http://127.0.0.1:3300"), { headers }));
}

const scriptSrc = (csp: string) => csp.split("; ").find((d) => d.startsWith("script-src")) ?? "";

describe("proxy security headers", () => {
  it("gives dynamic pages a nonce CSP without unsafe-inline scripts, fresh per request", () => {
    const cookie = { cookie: "next-auth.session-token=x" };
    const a = run("/dashboard", cookie).headers.get("content-security-policy")!;
    const b = run("/dashboard", cookie).headers.get("content-security-policy")!;
    expect(scriptSrc(a)).toMatch(/'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(scriptSrc(a)).not.toContain("unsafe-inline");
    expect(a).toContain("frame-ancestors 'none'");
    expect(a).toContain("object-src 'none'");
    expect(scriptSrc(a)).not.toBe(scriptSrc(b));
  });

  it("passes the nonce to the renderer through the request headers", () => {
    const response = run("/signin");
    const forwarded = response.headers.get("x-middleware-request-x-nonce");
    expect(forwarded).toBeTruthy();
    expect(response.headers.get("content-security-policy")).toContain(`'nonce-${forwarded}'`);
  });

  it("still redirects anonymous visitors of signed-in areas, with headers", () => {
    for (const path of ["/dashboard", "/teach/classes", "/practice/scheduling-basics", "/v/ABCD2345"]) {
      const response = run(path);
      expect(response.status).toBe(307);
      expect(response.headers.get("location")).toContain(`/signin?callbackUrl=${encodeURIComponent(path)}`);
      expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    }
    expect(run("/learn").status).toBe(200);
    expect(run("/practiceroom").headers.get("location")).toBeNull();
  });

  it("leaves API routes to next.config.ts: the matcher skips them, and pages, their prefetches and the root match", () => {
    // Next anchors the matcher: the whole path must match the pattern.
    const matched = (path: string) => config.matcher.some((m) => new RegExp(`^${m}$`).test(path));
    for (const path of ["/api/variants", "/api/variants/x/attempts", "/api/auth/session", "/_next/static/chunks/a.js"])
      expect(matched(path), path).toBe(false);
    for (const path of ["/", "/dashboard", "/practice/scheduling-basics", "/signin", "/apiary"])
      expect(matched(path), path).toBe(true);
  });

  it("sends HSTS only over HTTPS", () => {
    expect(run("/").headers.get("strict-transport-security")).toBeNull();
    expect(run("/", { "x-forwarded-proto": "https" }).headers.get("strict-transport-security")).toMatch(
      /max-age=\d{7,}/,
    );
    expect(run("/", { "x-forwarded-proto": "https" }).headers.get("content-security-policy")).toContain(
      "upgrade-insecure-requests",
    );
    expect(run("/", { "x-forwarded-proto": "http" }).headers.get("content-security-policy")).not.toContain(
      "upgrade-insecure-requests",
    );
  });

  it("pins the hash of the theme script as it is in app/theme-script.tsx", () => {
    const source = readFileSync("app/theme-script.tsx", "utf8").match(/const SCRIPT = `([^`]*)`/)![1]!;
    expect(THEME_SCRIPT_HASH).toBe(`'sha256-${createHash("sha256").update(source).digest("base64")}'`);
  });
});

describe("next.config security headers", () => {
  it("sets nosniff and Referrer-Policy on every path, and X-Frame-Options on every path but the embeddable question", async () => {
    const rules = await nextConfig.headers!();
    const all = rules.find((r) => r.source === "/:path*")!;
    const get = (key: string) => all.headers.find((h) => h.key === key)?.value;
    expect(get("X-Content-Type-Options")).toBe("nosniff");
    expect(get("Referrer-Policy")).toBe("strict-origin-when-cross-origin");
    // Matched the way Next matches a header rule's source (path-to-regexp, not strict about a trailing slash).
    const framing = rules.filter((r) => r.headers.some((h) => h.key === "X-Frame-Options"));
    expect(framing.flatMap((r) => r.headers.filter((h) => h.key === "X-Frame-Options").map((h) => h.value))).toEqual([
      "DENY",
    ]);
    const denies = getPathMatch(framing[0]!.source, { removeUnnamedParams: true });
    for (const path of [
      "/",
      "/dashboard",
      "/s/ABCD2345",
      "/teach/print/sheets",
      "/api/shared/x/grade",
      "/embedded",
      "/v/ABCD2345",
    ])
      expect(denies(path), path).not.toBe(false);
    for (const path of ["/embed/ABCD2345"]) expect(denies(path), path).toBe(false);
  });

  it("lets other sites frame only the embeddable question", () => {
    expect(run("/embed/ABCD2345").headers.get("content-security-policy")).toContain("frame-ancestors *");
    for (const path of ["/s/ABCD2345", "/embed", "/embed/ABCD2345/x", "/", "/signin"]) {
      expect(run(path).headers.get("content-security-policy"), path).toContain("frame-ancestors 'none'");
    }
  });

  it("locks API answers down completely, and sends them HSTS only when they came over HTTPS", async () => {
    const rules = (await nextConfig.headers!()).filter((r) => r.source === "/api/:path*");
    const csp = rules.find((r) => !r.has)!;
    expect(csp.headers).toEqual([
      { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" },
    ]);
    const hsts = rules.find((r) => r.has)!;
    expect(hsts.headers[0]!.key).toBe("Strict-Transport-Security");
    expect(hsts.headers[0]!.value).toMatch(/max-age=\d{7,}/);
    // Next matches a `has` value as an anchored regular expression against the header's value.
    const condition = hsts.has![0]!;
    expect(condition).toMatchObject({ type: "header", key: "x-forwarded-proto" });
    const https = (proto: string) => new RegExp(`^(?:${condition.value})$`).test(proto);
    expect(["https", "https, http", "https,http"].filter(https)).toHaveLength(3);
    expect(["http", "http, https", "httpsx"].filter(https)).toEqual([]);
  });
});
