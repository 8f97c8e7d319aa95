import "server-only";
import { MAX_SHARED_GRADES_PER_SOURCE, SHARED_GRADE_WINDOW_MS } from "@/lib/validation/print";
import { db } from "./db";

// Failed sign-ins are rows in the database, not counters in memory, so the limits hold across every
// app instance sharing it and survive restarts. Three counts, each over the last LOGIN_WINDOW_MS:
// - per account *and* source: a hard limit. Whoever guesses one account's password from one address
//   stops there, and the owner, signing in from elsewhere, is not locked out by it;
// - per source: a hard limit across accounts (password spraying from one address);
// - per account, from any source: a progressive delay, never a lock. After a few failures each further
//   attempt must wait twice as long after the latest failure as the one before, up to a minute, so a
//   botnet guesses slowly while the owner waits at most a minute. Attempts refused by a limit are not
//   checked and not counted, so the delay does not compound.
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT_AND_SOURCE = 5;
export const MAX_FAILURES_PER_SOURCE = 30;
export const ACCOUNT_FAILURES_BEFORE_DELAY = 5;
export const MAX_ACCOUNT_DELAY_MS = 60 * 1000;

export interface LoginLimit {
  blocked: boolean;
  retryAfterSeconds: number;
}

const keys = (email: string, ip: string) => ({
  pair: `pair:${ip}|${email}`,
  source: `ip:${ip}`,
  account: `email:${email}`,
});

/** The delay the account-wide count imposes after `failures` recent failures (0 below the threshold). */
export function accountDelayMs(failures: number): number {
  if (failures < ACCOUNT_FAILURES_BEFORE_DELAY) return 0;
  return Math.min(1000 * 2 ** (failures - ACCOUNT_FAILURES_BEFORE_DELAY), MAX_ACCOUNT_DELAY_MS);
}

export async function checkLoginLimit(email: string, ip: string, now = new Date()): Promise<LoginLimit> {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  const k = keys(email, ip);
  const times = (key: string) =>
    db.loginFailure.findMany({
      where: { key, createdAt: { gt: since } },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true },
    });
  const [byPair, bySource, byAccount] = await Promise.all([times(k.pair), times(k.source), times(k.account)]);
  const over = (rows: { createdAt: Date }[], max: number) =>
    rows.length >= max ? rows[rows.length - max]!.createdAt.getTime() + LOGIN_WINDOW_MS - now.getTime() : 0;
  const latest = byAccount.at(-1)?.createdAt.getTime() ?? 0;
  const delayed = byAccount.length ? latest + accountDelayMs(byAccount.length) - now.getTime() : 0;
  const waitMs = Math.max(
    over(byPair, MAX_FAILURES_PER_ACCOUNT_AND_SOURCE),
    over(bySource, MAX_FAILURES_PER_SOURCE),
    delayed,
  );
  return { blocked: waitMs > 0, retryAfterSeconds: Math.ceil(waitMs / 1000) };
}

export async function recordLoginFailure(email: string, ip: string, now = new Date()): Promise<void> {
  const k = keys(email, ip);
  await db.loginFailure.createMany({ data: [k.pair, k.source, k.account].map((key) => ({ key, createdAt: now })) });
}

/** A successful sign-in forgives the account's earlier failures (not the source's: spraying stays counted). */
export async function clearAccountFailures(email: string, ip: string): Promise<void> {
  const k = keys(email, ip);
  await db.loginFailure.deleteMany({ where: { key: { in: [k.pair, k.account] } } });
}

// Anonymous grading of shared questions (lib/server/dal/shared.ts) is counted in the same table, under
// its own key, per source address: every grade costs an engine run, and a visitor without an account has
// nothing else to be limited by. Old rows of this key are pruned as new ones arrive.
export { MAX_SHARED_GRADES_PER_SOURCE, SHARED_GRADE_WINDOW_MS } from "@/lib/validation/print";

/** Counts one anonymous grade from `ip`, or refuses it (blocked) when the source is over its limit. */
export async function takeSharedGrade(ip: string, now = new Date()): Promise<LoginLimit> {
  const key = `shared-grade:${ip}`;
  const since = new Date(now.getTime() - SHARED_GRADE_WINDOW_MS);
  await db.loginFailure.deleteMany({ where: { key, createdAt: { lte: since } } });
  const recent = await db.loginFailure.findMany({
    where: { key, createdAt: { gt: since } },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true },
  });
  if (recent.length >= MAX_SHARED_GRADES_PER_SOURCE) {
    const waitMs =
      recent[recent.length - MAX_SHARED_GRADES_PER_SOURCE]!.createdAt.getTime() +
      SHARED_GRADE_WINDOW_MS -
      now.getTime();
    return { blocked: true, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
  }
  await db.loginFailure.create({ data: { key, createdAt: now } });
  return { blocked: false, retryAfterSeconds: 0 };
}
