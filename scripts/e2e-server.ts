// The server the end-to-end tests run against: a fresh SQLite database under data/e2e, the production
// build (rebuilt only when sources changed), `next start` on $PORT.
import { rmSync } from "node:fs";

rmSync("data/e2e", { recursive: true, force: true });
process.env.DATABASE_URL = "file:./data/e2e/timeslice.db";
process.env.NEXTAUTH_SECRET ??= "e2e-only-secret-not-for-production-use-000000";
process.env.AUTH_TRUST_HOST = "true";
process.env.TIMESLICE_DEMO = "1";
await import("./start");
