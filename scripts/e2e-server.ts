// The server the end-to-end tests run against: a fresh SQLite database under data/e2e-<port> (one per
// port, so runs on different ports never share or delete each other's data), the production build
// (rebuilt only when sources changed), `next start` on $PORT.
import { rmSync } from "node:fs";

const dir = `data/e2e-${process.env.PORT ?? "3210"}`;
rmSync(dir, { recursive: true, force: true });
process.env.DATABASE_URL = `file:./${dir}/timeslice.db`;
process.env.NEXTAUTH_SECRET ??= "e2e-only-secret-not-for-production-use-000000";
process.env.AUTH_TRUST_HOST = "true";
process.env.TIMESLICE_DEMO = "1";
process.env.TIMESLICE_ADMIN_EMAIL = "admin@example.com";
process.env.TIMESLICE_ADMIN_PASSWORD = "e2e-admin-password";
// The component preview (app/dev/sim-preview) answers 404 in production unless asked for; e2e/sim-preview.spec.ts tests it.
process.env.TIMESLICE_DEV_PREVIEW = "1";
await import("./start");
