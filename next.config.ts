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
};

export default nextConfig;
