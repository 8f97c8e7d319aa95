import type { NextConfig } from "next";
import { HSTS, LOCKED_DOWN_CSP } from "./lib/security/headers";

const nextConfig: NextConfig = {
  // forbidden() renders app/forbidden.tsx with a 403 when a signed-in user lacks the role.
  experimental: { authInterrupts: true },
  // Native and WASM modules stay as ordinary Node requires instead of being bundled.
  serverExternalPackages: [
    "better-sqlite3",
    "@prisma/adapter-better-sqlite3",
    "pg",
    "@prisma/adapter-pg",
    "@node-rs/argon2",
  ],
  poweredByHeader: false,
  // Types are checked once, by `npm run typecheck` (part of `npm test`), not again on every build. The
  // build reads tsconfig.build.json, which extends tsconfig.json, so Next never rewrites a tracked file.
  typescript: { ignoreBuildErrors: true, tsconfigPath: "tsconfig.build.json" },
  typedRoutes: false,
  // Lets a benchmark or load test build into its own directory while others use .next in the same tree.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Request-independent security headers, for every response including static assets. Pages' CSP (with
  // a nonce) and HSTS depend on the request and are set in proxy.ts; API routes skip the proxy, so theirs
  // are here. These rules are fixed at build time, so HTTPS is recognised by the X-Forwarded-Proto of
  // the TLS terminator in front (nginx, a load balancer): `next start` itself serves plain HTTP only.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
      // Every path but the embeddable question (app/embed, framed by course pages; its CSP's
      // frame-ancestors says who may frame it, see proxy.ts).
      { source: "/:path((?!embed/).*)", headers: [{ key: "X-Frame-Options", value: "DENY" }] },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: LOCKED_DOWN_CSP }] },
      {
        source: "/api/:path*",
        // The first (client-facing) hop's protocol: "https" or "https, http".
        has: [{ type: "header", key: "x-forwarded-proto", value: "https(,.*)?" }],
        headers: [{ key: "Strict-Transport-Security", value: HSTS }],
      },
    ];
  },
};

export default nextConfig;
