// `npm run db:setup` (also the first step of `npm start` and `npm run dev`): local env, migrations, seed.
import { prepareDatabase } from "../lib/db/prepare";
import { resolveDbTarget } from "../lib/db/provider";
import { ensureLocalEnv } from "./local-env";

export async function prepare(): Promise<void> {
  ensureLocalEnv();
  const target = resolveDbTarget();
  const result = await prepareDatabase(target, { demoAccounts: process.env.TIMESLICE_DEMO !== "0" });
  const where = target.provider === "sqlite" ? target.url : target.url.replace(/\/\/[^@]*@/, "//…@");
  console.log(
    `database ready (${target.provider}: ${where}); ${result.applied.length} migration(s) applied, ${result.createdUsers} demo account(s) created`,
  );
}

if (process.argv[1]?.endsWith("prepare-db.ts")) await prepare();
