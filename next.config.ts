import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // forbidden() renders app/forbidden.tsx with a 403 when a signed-in user lacks the role.
  experimental: { authInterrupts: true },
  // Native and WASM modules stay as ordinary Node requires instead of being bundled.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg", "@prisma/adapter-pg", "@node-rs/argon2"],
  poweredByHeader: false,
  // Types are checked once, by `npm run typecheck` (part of `npm test`), not again on every build.
  typescript: { ignoreBuildErrors: true },
  typedRoutes: false,
  // Lets a benchmark or load test build into its own directory while others use .next in the same tree.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Request-independent security headers, for every response including static assets. The CSP (nonce)
  // and HSTS (only over HTTPS) depend on the request and are set in proxy.ts.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

export default nextConfig;
